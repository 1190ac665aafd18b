#!/usr/bin/env python3
"""Compares a dyad file as written with the file after review and prints the header of its review log.

  python3 training-data/tools/dyad_review_stats.py AS_WRITTEN.jsonl REVIEWED.jsonl
"""
import json
import sys


def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            out[d["sentence_id"]] = {(x["source"], x["target"]): x["stance"] for x in d["dyads"]}
    return out


def main(written_path, reviewed_path):
    written, reviewed = load(written_path), load(reviewed_path)
    n = changed = 0
    for sid, dyads in written.items():
        for key, stance in dyads.items():
            n += 1
            changed += reviewed.get(sid, {}).get(key) != stance
    print(f"- Sentences reviewed: {len(written)}")
    print(f"- Dyads reviewed: {n}")
    print(f"- Dyads changed: {changed}")
    print(f"- Agreement (unchanged / reviewed): {n - changed}/{n} = {100 * (n - changed) / max(1, n):.1f}%")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
