#!/usr/bin/env bash
# Measures what training data v2 does, on the frozen-encoder model (minutes, not the fine-tuned default's
# hours): trains it on NewsMTSC + the team corpus + the real-news train carve, with and without swap
# augmentation, and evaluates each on the real-news dev carve as written and name-swapped (eval --swap).
# Arguments: the NewsMTSC training split and the realnews folder (neither is in this repository; defaults
# ../shared/data/newsmtsc/train.jsonl and ../shared/data/realnews). Writes target/data-v2/*.zip and *.json.
# Not a shipped model: the stance model v2 issue trains the next default on this data.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
NEWSMTSC=${1:-../shared/data/newsmtsc/train.jsonl}
REALNEWS=${2:-../shared/data/realnews}
bash models/prepare-data.sh "$NEWSMTSC" "$REALNEWS"
mkdir -p target/data-v2
# The shipped frozen model, trained on round-1 data, on the same carves: the comparison.
java -jar target/newsstance.jar eval --model models/frozen.zip --data target/realnews/dev.jsonl --swap --seed 42 \
  --json target/data-v2/realnews-dev-frozen-v1.json
java -jar target/newsstance.jar eval --model models/frozen.zip --data training-data/stance-test.csv --swap --seed 42 \
  --json target/data-v2/corpus-test-frozen-v1.json
for p in 0 0.5; do
  java -jar target/newsstance.jar train \
    --data target/newsmtsc/train.jsonl training-data/stance-train.csv target/realnews/train.jsonl \
    --dev target/newsmtsc/dev.jsonl training-data/stance-dev.csv target/realnews/dev.jsonl \
    --test training-data/stance-test.csv target/realnews/dev.jsonl \
    --swap-augment "$p" --seed 42 --out "target/data-v2/frozen-swap$p.zip"
  java -jar target/newsstance.jar eval --model "target/data-v2/frozen-swap$p.zip" \
    --data target/realnews/dev.jsonl --swap --seed 42 --json "target/data-v2/realnews-dev-swap$p.json"
  java -jar target/newsstance.jar eval --model "target/data-v2/frozen-swap$p.zip" \
    --data training-data/stance-test.csv --swap --seed 42 --json "target/data-v2/corpus-test-swap$p.json"
done
