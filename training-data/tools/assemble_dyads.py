#!/usr/bin/env python3
"""Builds the dyad CSVs from the reviewed dyad label files and the stance corpus.

  python3 training-data/tools/assemble_dyads.py

Reads training-data/dyads/*.jsonl (reviewed files only; drafts/ is not read) and the corpus CSVs
training-data/stance-{train,dev,test}.csv, which give each labelled actor's mention span in a corpus sentence (a
directed-act sentence, xN.jsonl, carries its own; dyad_sentences.py), and
writes training-data/dyads-{train,dev,test}.csv: one row per ordered pair (source actor, target actor) with both
mentions' character offsets (end-exclusive) and the label. A dyad's split is its sentence's split, so no sentence
is in two splits of either task. Deterministic: the same inputs give byte-identical files. Run
tools/check_dyads.py on the label files first; this tool stops at the first inconsistency it meets.
"""
import collections
import csv
import glob
import json
import os
import sys

from dyad_sentences import ROOT, actor_ids, corpus, sentence_of

COLUMNS = ["dyad_id", "sentence_id", "split", "text", "source_start", "source_end", "source_mention",
           "source_actor", "target_start", "target_end", "target_mention", "target_actor", "stance"]


def main():
    sentences, known = corpus(), actor_ids()
    rows = {"train": [], "dev": [], "test": []}
    for path in sorted(glob.glob(os.path.join(ROOT, "dyads", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                d = json.loads(line)
                where = f"{os.path.relpath(path, ROOT)}:{n}"
                s, problems = sentence_of(d, sentences, known)
                if s is None:
                    sys.exit(f"{where}: {problems[0]}")
                split, text, actors = s["split"], s["text"], s["actors"]
                if text != d["text"]:
                    sys.exit(f"{where}: text differs from the corpus sentence {d['sentence_id']}")
                for k, x in enumerate(d["dyads"], 1):
                    if x["source"] not in actors or x["target"] not in actors:
                        sys.exit(f"{where}: dyad {x['source']}→{x['target']} names an actor the sentence lacks")
                    s, t = actors[x["source"]], actors[x["target"]]
                    rows[split].append({
                        "dyad_id": f"{d['sentence_id']}-d{k}", "sentence_id": d["sentence_id"], "split": split,
                        "text": text, "source_start": s[0], "source_end": s[1], "source_mention": s[2],
                        "source_actor": x["source"], "target_start": t[0], "target_end": t[1],
                        "target_mention": t[2], "target_actor": x["target"], "stance": x["stance"]})
    for split, rs in rows.items():
        rs.sort(key=lambda r: (r["sentence_id"], r["dyad_id"]))
        with open(os.path.join(ROOT, f"dyads-{split}.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(rs)
    print("| split | sentences | dyads | negative | neutral | positive |\n|---|---|---|---|---|---|")
    for split, rs in rows.items():
        c = collections.Counter(r["stance"] for r in rs)
        print(f"| {split} | {len({r['sentence_id'] for r in rs})} | {len(rs)} | {c['negative']} | {c['neutral']} "
              f"| {c['positive']} |")


if __name__ == "__main__":
    main()
