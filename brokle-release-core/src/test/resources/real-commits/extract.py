#!/usr/bin/env python3
"""Writes commits.json: every non-merge commit message of the users' three repositories; and
releases.json: each release tag vX.Y.Z that follows an earlier one, with that tag and the non-merge
commits between them, oldest first.

Usage: extract.py DIR, where DIR holds brokle.git, brokle-python.git and brokle-js.git (the snapshots
of the users' repositories, unpacked). The test suite reads only the JSON this writes.
"""
import json
import re
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

releases = []
for repo in ("brokle", "brokle-python", "brokle-js"):
    git = ["git", "-C", f"{sys.argv[1]}/{repo}.git"]
    tags = [t for t in subprocess.run(git + ["tag"], capture_output=True, text=True, check=True).stdout.split()
            if re.fullmatch(r"v\d+\.\d+\.\d+", t)]
    tags.sort(key=lambda t: tuple(int(x) for x in t[1:].split(".")))
    for i, tag in enumerate(tags):
        earlier = [p for p in tags[:i] if subprocess.run(git + ["merge-base", "--is-ancestor", p, tag]).returncode == 0]
        if not earlier:
            continue
        previous = earlier[-1]
        hashes = subprocess.run(git + ["rev-list", "--no-merges", "--reverse", "--topo-order", f"{previous}..{tag}"], capture_output=True,
                                text=True, check=True).stdout.split()
        releases.append({"repo": repo, "tag": tag, "previous": previous, "commits": hashes})
json.dump(releases, open("releases.json", "w"), indent=0)
print(len(releases), "releases")
