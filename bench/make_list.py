"""Writes N generated contacts with 5 fields as CSV: bench/make_list.py N FILE."""
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("Email,First Name,Last Name,City,Code,Plan\n")
    for i in range(n):
        f.write(f"user{i}@example.com,First{i},Last{i},City{i % 100},{i},{'gold' if i % 3 == 0 else 'basic'}\n")
