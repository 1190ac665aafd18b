#!/usr/bin/env python3
"""Builds the stance corpus CSVs from the authored batches.

  python3 training-data/tools/assemble.py

Reads training-data/batches/b*.jsonl (one sentence per line, mentions given as text + occurrence, see
training-data/README.md), computes every mention's character offsets (end-exclusive), assigns each sentence
to train/dev/test by a seeded hash of its id (about 69/15/16; a sentence's split never depends on the others), and writes training-data/stance-{train,dev,test}.csv. Deterministic: the same batches give
byte-identical files. Prints the counts tables used in training-data/README.md.
"""
import collections
import csv
import glob
import hashlib
import json
import os
import sys

SEED = "newsstance-corpus-v1"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
COLUMNS = ["pair_id", "sentence_id", "split", "text", "start", "end", "mention", "actor", "alias_kind",
           "stance", "sentiment", "topic", "register"]


def split_for(sentence_id):
    """train/dev/test from a seeded hash of the sentence id alone, so editing or dropping one sentence never
    moves another: about 16% test, 15% dev, 69% train."""
    bucket = int(hashlib.sha256((SEED + sentence_id).encode()).hexdigest(), 16) % 100
    return "test" if bucket < 16 else ("dev" if bucket < 31 else "train")


def offsets(text, mention, occurrence):
    start = -1
    for _ in range(occurrence):
        start = text.find(mention, start + 1)
        if start < 0:
            return None
    return start, start + len(mention)


def main():
    rows = {"train": [], "dev": [], "test": []}
    problems = []
    skipped_no_pairs = 0
    seen_texts = {}
    duplicates = []
    for path in sorted(glob.glob(os.path.join(ROOT, "batches", "b*.jsonl"))):
        sentences = []
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                s = json.loads(line)
                if not s.get("pairs"):
                    skipped_no_pairs += 1
                    continue
                key = " ".join(s["text"].replace("\u2019", "'").split())
                if key in seen_texts:
                    duplicates.append(f"{s['id']} repeats {seen_texts[key]}")
                    continue
                seen_texts[key] = s["id"]
                sentences.append((n, s))
        split_of = {s["id"]: split_for(s["id"]) for _, s in sentences}
        for n, s in sentences:
            split = split_of[s["id"]]
            for k, p in enumerate(s["pairs"], 1):
                span = offsets(s["text"], p["mention"], p.get("occurrence", 1))
                if span is None:
                    problems.append(f"{path}:{n}: mention {p['mention']!r} (occurrence {p.get('occurrence', 1)}) not in text")
                    continue
                rows[split].append({
                    "pair_id": f"{s['id']}-{k}", "sentence_id": s["id"], "split": split, "text": s["text"],
                    "start": span[0], "end": span[1], "mention": p["mention"], "actor": p["actor"],
                    "alias_kind": p["alias_kind"], "stance": p["stance"], "sentiment": s["sentiment"],
                    "topic": s.get("topic", ""), "register": s.get("register", "")})
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    for split, rs in rows.items():
        with open(os.path.join(ROOT, f"stance-{split}.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(rs)
    report(rows, skipped_no_pairs)
    print(f"\nsentences dropped as exact repeats of an earlier batch's sentence: {len(duplicates)}")
    for d in duplicates:
        print("  " + d)


def report(rows, skipped):
    allrows = [r for rs in rows.values() for r in rs]
    sents = {}
    for r in allrows:
        sents.setdefault(r["sentence_id"], []).append(r)
    print(f"pairs {len(allrows)}, sentences {len(sents)} (authored sentences without a labelled actor, left out: {skipped})")
    print("\n| split | sentences | pairs | negative | neutral | positive |\n|---|---|---|---|---|---|")
    for split, rs in rows.items():
        c = collections.Counter(r["stance"] for r in rs)
        print(f"| {split} | {len({r['sentence_id'] for r in rs})} | {len(rs)} | {c['negative']} | {c['neutral']} | {c['positive']} |")
    for col in ["topic", "register"]:
        c = collections.Counter(v[0][col] for v in sents.values())
        print(f"\n| {col} | sentences |\n|---|---|")
        for k, v in c.most_common():
            print(f"| {k} | {v} |")
    c = collections.Counter(v[0]["sentiment"] for v in sents.values())
    print("\n| sentence sentiment | sentences |\n|---|---|")
    for k, v in c.most_common():
        print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()
