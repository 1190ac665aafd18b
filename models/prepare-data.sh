#!/usr/bin/env bash
# Builds newsstance and carves the dev sets every model here is selected on:
# - NewsMTSC's training split (MIT; not in this repository), 10% of sentences as dev, seed 42:
#   target/newsmtsc/{train,dev}.jsonl. Path: first argument, default ../shared/data/newsmtsc/train.jsonl.
# - realnews (real news sentences labelled for newsstance, 2026; not in this repository), carved by page over
#   all its files together, 20% of pages as dev, seed 42: target/realnews/{train,dev}.jsonl (no page on both
#   sides). Folder: second argument, default ../shared/data/realnews; skipped with a note when it is absent.
# Used by train-default.sh and train-frozen.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSMTSC=${1:-../shared/data/newsmtsc/train.jsonl}
REALNEWS=${2:-../shared/data/realnews}
mvn -q -B package -DskipTests
java -jar target/newsstance.jar data split "$NEWSMTSC" --fraction 0.1 --seed 42 \
  --train-out target/newsmtsc/train.jsonl --dev-out target/newsmtsc/dev.jsonl
if compgen -G "$REALNEWS/*.jsonl" > /dev/null; then
  java -jar target/newsstance.jar data split --by source "$REALNEWS"/*.jsonl --fraction 0.2 --seed 42 \
    --train-out target/realnews/train.jsonl --dev-out target/realnews/dev.jsonl
  sha256sum target/realnews/train.jsonl target/realnews/dev.jsonl
else
  echo "no realnews files under $REALNEWS: the real-news carve is skipped" >&2
fi
