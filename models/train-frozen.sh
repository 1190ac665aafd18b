#!/usr/bin/env bash
# Reproduces the frozen-encoder model (the default until fine-tuning; see models/README.md). Needs Java 17, Maven, and the NewsMTSC training split
# (MIT licence; not in this repository): pass its path, default ../shared/data/newsmtsc/train.jsonl.
# Takes about 10 minutes on 2 cores (encoder features are cached under $NEWSSTANCE_CACHE or ~/.cache/newsstance).
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSMTSC=${1:-../shared/data/newsmtsc/train.jsonl}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}

mvn -q -B package -DskipTests
java -jar target/newsstance.jar data split "$NEWSMTSC" --fraction 0.1 --seed 42 \
  --train-out target/newsmtsc/train.jsonl --dev-out target/newsmtsc/dev.jsonl
java -jar target/newsstance.jar train \
  --data target/newsmtsc/train.jsonl training-data/stance-train.csv \
  --dev target/newsmtsc/dev.jsonl training-data/stance-dev.csv \
  --test training-data/stance-test.csv target/newsmtsc/dev.jsonl \
  --seed 42 --card-notes models/variants.json --out "${2:-target/frozen.zip}"
