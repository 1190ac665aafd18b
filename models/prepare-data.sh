#!/usr/bin/env bash
# Builds newsstance and carves NewsMTSC's training split into the train and dev files every model here is
# trained on (10% of sentences as dev, seed 42): target/newsmtsc/{train,dev}.jsonl. Used by train-default.sh
# and train-frozen.sh; takes the NewsMTSC path, default ../shared/data/newsmtsc/train.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSMTSC=${1:-../shared/data/newsmtsc/train.jsonl}
mvn -q -B package -DskipTests
java -jar target/newsstance.jar data split "$NEWSMTSC" --fraction 0.1 --seed 42 \
  --train-out target/newsmtsc/train.jsonl --dev-out target/newsmtsc/dev.jsonl
