#!/usr/bin/env python3
"""Checks dyad label files (training-data/dyads/dN.jsonl; see the annotation guide, section 6).

  python3 training-data/tools/check_dyads.py FILE.jsonl...

Every line: sentence_id (a sentence of the corpus CSVs), text (that sentence's text), dyads: one
{"source", "target", "stance"} for every ordered pair of the sentence's labelled actors, no more. A directed-act
sentence (xN.jsonl, not in the corpus) carries its own "actors" instead, each an exact mention of an actors.csv id,
and its text must not repeat a corpus sentence or another file's. Problems are printed as file:line: reason (exit code 1 if any); then the
counts: sentences, dyads, label shares, per split.
"""
import collections
import json
import sys

from dyad_sentences import LABELS, actor_ids, corpus, is_written, sentence_of


def main(files):
    sentences, known = corpus(), actor_ids()
    texts = {s["text"]: sid for sid, s in sentences.items()}
    problems, seen = [], {}
    labels, per_split = collections.Counter(), collections.defaultdict(collections.Counter)
    n = 0
    for path in files:
        for i, line in enumerate(open(path, encoding="utf-8"), 1):
            where = f"{path}:{i}"
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON ({e.msg})")
                continue
            sid = d.get("sentence_id")
            s, own = sentence_of(d, sentences, known)
            problems.extend(f"{where}: {p}" for p in own)
            if s is None:
                continue
            if is_written(d):
                if s["text"] in texts:
                    problems.append(f"{where}: text repeats sentence {texts[s['text']]}")
                    continue
                texts[s["text"]] = sid
            if sid in seen:
                problems.append(f"{where}: sentence {sid} already labelled at {seen[sid]}")
                continue
            seen[sid] = where
            if d.get("text") != s["text"]:
                problems.append(f"{where}: text differs from the corpus sentence {sid}")
            want = {(a, b) for a in s["actors"] for b in s["actors"] if a != b}
            got = {}
            for x in d.get("dyads") or []:
                key = (x.get("source"), x.get("target"))
                if key not in want:
                    problems.append(f"{where}: dyad {key[0]}→{key[1]} is not a pair of the sentence's actors {list(s['actors'])}")
                elif key in got:
                    problems.append(f"{where}: dyad {key[0]}→{key[1]} labelled twice")
                elif x.get("stance") not in LABELS:
                    problems.append(f"{where}: dyad {key[0]}→{key[1]} has stance {x.get('stance')!r}")
                else:
                    got[key] = x["stance"]
            for key in sorted(want - set(got)):
                problems.append(f"{where}: dyad {key[0]}→{key[1]} is missing")
            n += 1
            for v in got.values():
                labels[v] += 1
                per_split[s["split"]][v] += 1
    for p in problems:
        print(p)
    total = sum(labels.values())
    print(f"\nsentences {n}, dyads {total}, " + ", ".join(
        f"{k} {labels[k]} ({100 * labels[k] / max(1, total):.1f}%)" for k in LABELS))
    for split in ("train", "dev", "test"):
        c = per_split[split]
        print(f"  {split}: {sum(c.values())} dyads, " + ", ".join(f"{k} {c[k]}" for k in LABELS))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
