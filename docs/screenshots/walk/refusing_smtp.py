#!/usr/bin/env python3
"""A tiny SMTP peer on loopback for the screenshot walk: it offers AUTH and refuses every login (535), so the
walk can show what a marketer sees with a wrong password. Usage: refusing_smtp.py PORT. Loopback only."""
import socketserver
import sys


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 walk.invalid ESMTP refusing logins")
        for raw in self.rfile:
            cmd = raw.decode(errors="replace").strip().upper()
            if cmd.startswith("EHLO"):
                self.reply("250-walk.invalid")
                self.reply("250-AUTH PLAIN LOGIN")
                self.reply("250 8BITMIME")
            elif cmd.startswith("HELO"):
                self.reply("250 walk.invalid")
            elif cmd.startswith("AUTH"):
                self.reply("535 5.7.8 Authentication credentials invalid")
            elif cmd.startswith("QUIT"):
                self.reply("221 2.0.0 Bye")
                return
            else:
                self.reply("530 5.7.0 Authentication required")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Session).serve_forever()
