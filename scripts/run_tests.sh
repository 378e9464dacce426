#!/usr/bin/env bash
# The test command: unit tests of labs_lib, then every notebook under nbval in the `smoke` profile, then every
# notebook in the `full` profile against a stand-in hub (scripts/rehearse_full.sh); all offline, with a guard that
# fails the run if anything connects to a non-loopback address.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup_env.sh"
cd "$ROOT"
export LABS_PROFILE=smoke HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1
export MPLBACKEND=Agg TOKENIZERS_PARALLELISM=false
export LABS_RESULTS_DIR="$(mktemp -d)/results"           # tests never touch the learner's results/
export LABS_NETGUARD_LOG="$(mktemp -d)/net-attempts.log"  # every Python process loads the guard below
export PYTHONPATH="$ROOT/tests/netguard${PYTHONPATH:+:$PYTHONPATH}"
python -m pytest tests notebooks --nbval-lax "$@"
bash "$ROOT/scripts/rehearse_full.sh"
