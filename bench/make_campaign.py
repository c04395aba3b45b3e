"""Writes a benchmark campaign with an HTML body of about SIZE KB, 5 fields and one IF: make_campaign.py SIZE FILE."""
import json, sys
size_kb, path = int(sys.argv[1]), sys.argv[2]
paragraph = "<p>Paragraph {}: lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.</p>"
head = "<html><body><p>Dear [First Name] [Last Name],</p>"
tail = ("<p>Your city: [City], code [Code].</p><IF [[Plan]] = \"gold\"><p>Thanks for being gold!</p><ELSE><p>Upgrade today.</p></IF>"
        "<p><a href=\"[Unsubscribe]\">Unsubscribe</a></p></body></html>")
body, i = head, 0
# The message carries the HTML and a generated text part of similar size: aim the HTML at half the target.
while len(body) + len(tail) < size_kb * 1024 // 2:
    body += paragraph.format(i)
    i += 1
json.dump({"id": f"bench-{size_kb}k", "name": f"Bench {size_kb} KB", "account": "Sink", "list": "Bench",
           "from": "Bench <bench@example.org>", "subject": "Hello [First Name]", "html": body + tail,
           "unsubscribe": {"url": "https://example.org/u/[Token]"}}, open(path, "w"))
