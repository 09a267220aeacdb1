#!/usr/bin/env python3
"""Writes commits.json: every non-merge commit message of the users' three repositories.

Usage: extract.py DIR, where DIR holds brokle.git, brokle-python.git and brokle-js.git (the snapshots
of the users' repositories, unpacked). The test suite reads only the JSON this writes.
"""
import json
import subprocess
import sys

out = []
for repo in ("brokle", "brokle-python", "brokle-js"):
    git = ["git", "-C", f"{sys.argv[1]}/{repo}.git"]
    hashes = subprocess.run(git + ["rev-list", "--all", "--no-merges", "--topo-order"], capture_output=True, text=True,
                            check=True).stdout.split()
    for h in hashes:
        message = subprocess.run(git + ["cat-file", "commit", h], capture_output=True, check=True).stdout.decode("utf-8", "replace")
        out.append({"repo": repo, "hash": h, "message": message.split("\n\n", 1)[1] if "\n\n" in message else ""})
json.dump(out, open("commits.json", "w"), indent=0, ensure_ascii=False)
print(len(out), "commits")
