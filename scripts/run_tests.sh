#!/usr/bin/env bash
# The test command: unit tests of labs_lib, then every notebook under nbval in the `smoke` profile, then every
# notebook in the `full` profile against a stand-in hub (scripts/rehearse_full.sh, side by side); all offline, with a guard that
# fails the run if anything connects to a non-loopback address.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup_env.sh"
cd "$ROOT"
# the rendered course is checked in a real headless browser (tests/test_site.py): Debian's chromium, installed once
if [ ! -x /usr/bin/chromium ]; then
  echo "[tests] installing Debian's chromium for the browser test"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq chromium >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null; }
fi
export LABS_PROFILE=smoke HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1
export MPLBACKEND=Agg TOKENIZERS_PARALLELISM=false LABS_PROGRESS=0   # no live bars in tested notebooks
export LABS_RESULTS_DIR="$(mktemp -d)/results"           # tests never touch the learner's results/
export LABS_NETGUARD_LOG="$(mktemp -d)/net-attempts.log"  # every Python process loads the guard below
export PYTHONPATH="$ROOT/tests/netguard${PYTHONPATH:+:$PYTHONPATH}"
# The full rehearsal runs beside the smoke run (its log is printed when both are done): most of a notebook's time is
# single-threaded Python, so two streams share two cores well (CI wall time, measured in the closing notes).
half=$(( $(nproc) / 2 )); export OMP_NUM_THREADS=$(( half > 0 ? half : 1 ))   # half the cores each, no oversubscription
REHEARSAL_LOG="$(mktemp)"
bash "$ROOT/scripts/rehearse_full.sh" --durations=10 > "$REHEARSAL_LOG" 2>&1 & rehearsal=$!
status=0
python -m pytest tests notebooks --nbval-lax --durations=10 "$@" || status=$?
wait "$rehearsal" || status=$((status ? status : $?))
echo "=================== full-profile rehearsal (scripts/rehearse_full.sh) ==================="
cat "$REHEARSAL_LOG"
exit "$status"
