#!/usr/bin/env bash
# Reproduces models/default.zip, the fine-tuned model (see models/README.md). Needs Java 17, Maven, and the
# NewsMTSC training split (MIT licence; not in this repository): pass its path, default
# ../shared/data/newsmtsc/train.jsonl. Takes about 80 minutes on 2 cores (see the card for the measured time).
# A cut run resumes from target/default.checkpoint when started again.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}

bash models/prepare-data.sh "${1:-../shared/data/newsmtsc/train.jsonl}"
# SameDiff's step arrays live off-heap and are freed when their Java handles are collected: a small young
# generation collects them often (README, "Fine-tuning"); JavaCPP's limits bound what is left.
java -XX:+UseSerialGC -Xmn32m -Xmx6g -Dorg.bytedeco.javacpp.maxbytes=3g -Dorg.bytedeco.javacpp.maxphysicalbytes=10g \
  -jar target/newsstance.jar train --fine-tune --trainable-layers 4 --epochs 3 \
  --data target/newsmtsc/train.jsonl training-data/stance-train.csv \
  --dev target/newsmtsc/dev.jsonl training-data/stance-dev.csv \
  --test training-data/stance-test.csv target/newsmtsc/dev.jsonl \
  --seed 42 --checkpoint target/default.checkpoint --out models/default.zip
