#!/usr/bin/env python3
"""Checks an authored batch (JSON Lines, the format of authoring-spec.md) before it is handed in.

  python3 training-data/tools/check_batch.py FILE.jsonl... [--quota QUOTA.json]

Every problem is printed as file:line: reason; the exit code is 1 if there is any. Then it prints the counts
a writer aims at: sentences, pairs, label shares, word-length spread, actors per sentence, and, with --quota,
pairs per actor and label against the quota (actor -> {label: count}).
"""
import collections
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ACTORS = os.path.join(HERE, "..", "..", "src", "main", "resources", "newsstance", "actors", "actors.csv")
LABELS = {"negative", "neutral", "positive"}
KINDS = {"name", "short_name", "demonym", "seat", "institution", "leader", "minister"}
TOPICS = {"security", "nuclear", "missiles", "sanctions", "trade", "energy", "diplomacy", "summits", "elections",
          "internal_politics", "humanitarian", "cyber", "un_votes", "human_rights"}
REGISTERS = {"headline", "lead", "body", "quote", "analysis", "caption"}


def main(argv):
    quota = None
    files = []
    it = iter(argv)
    for a in it:
        if a == "--quota":
            quota = json.load(open(next(it), encoding="utf-8"))
        else:
            files.append(a)
    actors = {r["actor"] for r in csv.DictReader(open(ACTORS, encoding="utf-8"))}
    problems, ids, texts = [], {}, {}
    counts = collections.defaultdict(collections.Counter)
    labels, words, per_sentence, sentiments = collections.Counter(), [], collections.Counter(), collections.Counter()
    differing = multi = 0
    for path in files:
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            where = f"{path}:{n}"
            if not line.strip():
                continue
            try:
                s = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: not JSON ({e.msg})")
                continue
            sid, text = s.get("id"), s.get("text")
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: missing text")
                continue
            if sid in ids:
                problems.append(f"{where}: id {sid} already used at {ids[sid]}")
            ids[sid] = where
            key = " ".join(text.lower().split())
            if key in texts:
                problems.append(f"{where}: same text as {texts[key]}")
            texts[key] = where
            if s.get("sentiment") not in LABELS:
                problems.append(f"{where}: sentiment {s.get('sentiment')!r}")
            sentiments[s.get("sentiment")] += 1
            if s.get("topic") not in TOPICS:
                problems.append(f"{where}: topic {s.get('topic')!r}")
            if s.get("register") not in REGISTERS:
                problems.append(f"{where}: register {s.get('register')!r}")
            words.append(len(re.findall(r"\S+", text)))
            pairs = s.get("pairs") or []
            if not pairs:
                problems.append(f"{where}: no pairs")
            seen_actor = set()
            stances = set()
            for p in pairs:
                m, occ = p.get("mention", ""), p.get("occurrence", 1)
                start = -1
                for _ in range(occ):
                    start = text.find(m, start + 1)
                    if start < 0:
                        break
                if not m or start < 0:
                    problems.append(f"{where}: mention {m!r} occurrence {occ} not in text")
                elif m != m.strip() or m.lower().startswith("the "):
                    problems.append(f"{where}: mention {m!r}: no spaces or leading 'the'")
                elif (start > 0 and text[start - 1].isalnum()) or (start + len(m) < len(text) and text[start + len(m)].isalnum() and not text[start + len(m):].startswith("s ")):
                    problems.append(f"{where}: mention {m!r} is part of a longer word")
                if p.get("actor") not in actors:
                    problems.append(f"{where}: unknown actor {p.get('actor')!r}")
                if p.get("actor") in seen_actor:
                    problems.append(f"{where}: actor {p.get('actor')} labelled twice")
                seen_actor.add(p.get("actor"))
                if p.get("alias_kind") not in KINDS:
                    problems.append(f"{where}: alias_kind {p.get('alias_kind')!r}")
                if p.get("stance") not in LABELS:
                    problems.append(f"{where}: stance {p.get('stance')!r}")
                labels[p.get("stance")] += 1
                stances.add(p.get("stance"))
                counts[p.get("actor")][p.get("stance")] += 1
            per_sentence[len(pairs)] += 1
            if len(pairs) > 1:
                multi += 1
                differing += len(stances) > 1
    for p in problems:
        print(p)
    total = sum(labels.values())
    print(f"\nsentences {len(texts)}, pairs {total}, labels " +
          ", ".join(f"{l} {labels[l]} ({labels[l] / max(total, 1):.0%})" for l in sorted(LABELS)))
    print("sentence sentiment: " + ", ".join(f"{k} {v}" for k, v in sentiments.most_common()))
    print("actors per sentence: " + ", ".join(f"{k}: {v}" for k, v in sorted(per_sentence.items())))
    print(f"multi-actor sentences {multi}, of which with differing stances {differing}")
    if words:
        in_range = sum(25 <= w <= 45 for w in words)
        print(f"words: min {min(words)}, max {max(words)}, mean {sum(words) / len(words):.1f}, 25-45: {in_range / len(words):.0%}")
    if quota:
        print("\n| actor | negative have/quota | neutral have/quota | positive have/quota |")
        for a in sorted(quota, key=lambda a: -sum(quota[a].values())):
            q, c = quota[a], counts.get(a, {})
            print(f"| {a} | " + " | ".join(f"{c.get(l, 0)}/{q.get(l, 0)}" for l in ["negative", "neutral", "positive"]) + " |")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
