#!/usr/bin/env bash
# Reproduces models/default.zip, the one-pass fine-tuned stance model v2 (see models/README.md).
# Arguments: the NewsMTSC training split (MIT; not in this repository) and the realnews folder (not in this
# repository); defaults ../shared/data/newsmtsc/train.jsonl and ../shared/data/realnews.
# Trains on NewsMTSC's 90% carve + the team corpus's train split + realnews's page-level train carve, half the
# actor mentions name-swapped (--swap-augment 0.5), the realnews carve read three times (--repeat: it is the only
# real geopolitical text, 3,005 of 20,420 pairs), and the dyad train split as an auxiliary loss (--dyads: the
# tuned layers learn who acts on whom as well); selects the epoch on the three dev carves.
# The run uses a copy of the jar in $WORK (default target/train-default), so rebuilding while it trains is safe;
# a cut run resumes from $WORK/default.checkpoint when started again. Writes $OUT (default models/default.zip).
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
NEWSMTSC=${1:-../shared/data/newsmtsc/train.jsonl}
REALNEWS=${2:-../shared/data/realnews}
WORK=${WORK:-target/train-default}
OUT=${OUT:-models/default.zip}
INPUT=${INPUT:-sentence}
bash models/prepare-data.sh "$NEWSMTSC" "$REALNEWS"
mkdir -p "$WORK"
rm -rf "$WORK/lib"; cp -r target/lib "$WORK/lib"; cp target/newsstance.jar "$WORK/newsstance.jar"
# SameDiff's step arrays live off-heap and are freed when their Java handles are collected: a small young
# generation collects them often (README, "Fine-tuning"); JavaCPP's limits bound what is left (10g was hit in
# epoch 2 with the dyad sentences' states on the heap as well, 2026-12-04; the machine has 23 GB).
java -XX:+UseSerialGC -Xmn32m -Xmx6g -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=16g \
  -jar "$WORK/newsstance.jar" train --fine-tune --input "$INPUT" --trainable-layers 4 --epochs 3 --batch-size 32 \
  --data target/newsmtsc/train.jsonl training-data/stance-train.csv target/realnews/train.jsonl \
  --repeat target/realnews/train.jsonl=3 --dyads training-data/dyads-train.csv \
  --dev target/newsmtsc/dev.jsonl training-data/stance-dev.csv target/realnews/dev.jsonl \
  --test training-data/stance-test.csv target/newsmtsc/dev.jsonl target/realnews/dev.jsonl \
  --swap-augment 0.5 --seed 42 --checkpoint "$WORK/default.checkpoint" --out "$OUT"
# The dyad head over the new model's encoder pass (models/train-dyads.sh; a few minutes).
OUT="$OUT" bash models/train-dyads.sh "$OUT"
