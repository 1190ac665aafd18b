#!/usr/bin/env bash
# Reproduces models/frozen.zip, the frozen-encoder model (the default until fine-tuning; see models/README.md),
# as target/frozen.zip or the file given second. Needs Java 17, Maven, and the NewsMTSC training split (MIT
# licence; not in this repository): pass its path, default ../shared/data/newsmtsc/train.jsonl. Measured
# 2026-11-27: 9 min 46 s of CPU on 2 cores (encoder features are cached under $NEWSSTANCE_CACHE or
# ~/.cache/newsstance).
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}

bash models/prepare-data.sh "${1:-../shared/data/newsmtsc/train.jsonl}"
java -jar target/newsstance.jar train \
  --data target/newsmtsc/train.jsonl training-data/stance-train.csv \
  --dev target/newsmtsc/dev.jsonl training-data/stance-dev.csv \
  --test training-data/stance-test.csv target/newsmtsc/dev.jsonl \
  --seed 42 --card-notes models/variants.json --out "${2:-target/frozen.zip}"
