#!/usr/bin/env python3
"""Compares a batch as written with the batch after review and prints the header of its review log.

  python3 training-data/tools/review_stats.py AS_WRITTEN.jsonl REVIEWED.jsonl

Pairs are matched by sentence id and actor. Prints sentences and pairs reviewed, pairs changed (stance, mention,
alias kind, actor, added or removed), agreement (unchanged / reviewed) and sentence sentiments changed, in the
markdown of training-data/reviews/b1.md.
"""
import json
import sys


def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            s = json.loads(line)
            out[s["id"]] = s
    return out


def main(written_path, reviewed_path):
    written, reviewed = load(written_path), load(reviewed_path)
    pairs = changed = sentiments = 0
    for sid, w in written.items():
        r = reviewed.get(sid)
        wp = {p["actor"]: p for p in w["pairs"]}
        rp = {p["actor"]: p for p in r["pairs"]} if r else {}
        pairs += len(wp)
        for actor, p in wp.items():
            q = rp.get(actor)
            if q is None or any(p.get(k) != q.get(k) for k in ("stance", "mention", "occurrence", "alias_kind")):
                changed += 1
        changed += len(set(rp) - set(wp))
        if r and r.get("sentiment") != w.get("sentiment"):
            sentiments += 1
    n = len(written)
    print(f"- Sentences reviewed: {n}")
    print(f"- Pairs reviewed: {pairs}")
    print(f"- Pairs changed: {changed}")
    print(f"- Agreement (unchanged / reviewed): {pairs - changed}/{pairs} = {100 * (pairs - changed) / max(pairs, 1):.1f}%")
    print(f"- Sentence sentiments changed: {sentiments} of {n} (sentiment agreement {100 * (n - sentiments) / max(n, 1):.1f}%)")


if __name__ == "__main__":
    main(*sys.argv[1:3])
