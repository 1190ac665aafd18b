"""Where a dyad file's sentences come from, shared by check_dyads.py and assemble_dyads.py (one rule, one place).

Two kinds of line live in training-data/dyads/:
- dN.jsonl: a sentence of the stance corpus, named by its sentence_id; its text, actors, mention spans and split
  are the corpus CSVs' (the first labelled mention of each actor).
- xN.jsonl: a sentence written for directed acts (training-data/README.md, "Dyads"), which is not in the stance
  corpus: the line carries its own "actors" ([{"mention", "occurrence", "actor"}], one per actor), and its split is
  drawn from its id (split_of), so it never moves when other files change.
"""
import csv
import hashlib
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ACTORS_CSV = os.path.join(ROOT, "..", "src", "main", "resources", "newsstance", "actors", "actors.csv")
LABELS = ("negative", "neutral", "positive")
# Directed-act sentences: 70% train, 15% dev, 15% test, about the corpus's dyad split shares (3,617 / 740 / 828).
SPLIT_SHARES = (("train", 70), ("dev", 85), ("test", 100))


def corpus():
    """sentence id -> {"split", "text", "actors": {actor: (start, end, mention)}} (first labelled mention)."""
    sentences = {}
    for split in ("train", "dev", "test"):
        with open(os.path.join(ROOT, f"stance-{split}.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                s = sentences.setdefault(r["sentence_id"], {"split": split, "text": r["text"], "actors": {}})
                s["actors"].setdefault(r["actor"], (int(r["start"]), int(r["end"]), r["mention"]))
    return sentences


def actor_ids():
    with open(ACTORS_CSV, encoding="utf-8") as f:
        return {r["actor"] for r in csv.DictReader(f)}


def split_of(sentence_id):
    """The split of a directed-act sentence, from the sha256 of its id (stable, about 70/15/15)."""
    bucket = int(hashlib.sha256(sentence_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return next(name for name, upper in SPLIT_SHARES if bucket < upper)


def is_written(line):
    """True for a directed-act sentence (it carries its own actors), False for a corpus sentence."""
    return "actors" in line


def written_sentence(line, known_actors):
    """(sentence, problems) for a directed-act line: the sentence as corpus() gives it, or None with reasons."""
    sid, text, problems, actors = line.get("sentence_id"), line.get("text"), [], {}
    if not isinstance(sid, str) or not sid.startswith("x"):
        problems.append(f"sentence_id {sid!r} of a directed-act sentence must start with 'x'")
    if not isinstance(text, str) or not text.strip():
        return None, problems + ["text is missing"]
    if text != text.strip():
        problems.append("text has leading or trailing spaces")
    for a in line.get("actors") or []:
        mention, actor, occurrence = a.get("mention"), a.get("actor"), a.get("occurrence", 1)
        if actor not in known_actors:
            problems.append(f"actor {actor!r} is not an id of actors.csv")
            continue
        if actor in actors:
            problems.append(f"actor {actor} is listed twice (label one mention per actor)")
            continue
        start = _occurrence(text, mention, occurrence)
        if start < 0:
            problems.append(f"mention {mention!r} (occurrence {occurrence}) is not in the text")
            continue
        actors[actor] = (start, start + len(mention), mention)
    if len(actors) < 2 and not problems:
        problems.append("a directed-act sentence needs at least two actors")
    if problems:
        return None, problems
    return {"split": split_of(sid), "text": text, "actors": actors}, []


def sentence_of(line, sentences, known_actors):
    """(sentence, problems) for any dyad line: a written sentence from its own actors, a corpus one from corpus()."""
    if is_written(line):
        return written_sentence(line, known_actors)
    sentence = sentences.get(line.get("sentence_id"))
    if sentence is None:
        return None, [f"sentence_id {line.get('sentence_id')!r} is not in the corpus"]
    return sentence, []


def _occurrence(text, mention, occurrence):
    if not isinstance(mention, str) or not mention or not isinstance(occurrence, int) or occurrence < 1:
        return -1
    start = -1
    for _ in range(occurrence):
        start = text.find(mention, start + 1)
        if start < 0:
            return -1
    return start
