#!/usr/bin/env bash
# The main job: run every lab offline in the `cpu` profile (real pretrained MiniLM) with papermill.
# Writes results/<lab>.ipynb (executed), results/<lab>.json and results/summary.md.
# Extra arguments go to scripts/run_labs.py, e.g. `--profile smoke` or `--labs 01_classification`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup_env.sh"
cd "$ROOT"
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
python scripts/run_labs.py "$@"
