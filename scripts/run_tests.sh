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
# Two streams side by side, half the cores each (most of a notebook's time is single-threaded Python, so they share
# two cores well; CI wall time is measured in the closing notes):
#   A: the unit tests and every notebook in smoke (this shell);
#   B: every notebook in full against the stand-in hub, then the slowest unit tests (lab 10's launchers, which start
#      processes of their own; the browser test; the real MPNet): in stream A they would make it the long one.
half=$(( $(nproc) / 2 )); export OMP_NUM_THREADS=$(( half > 0 ? half : 1 ))   # no oversubscription
SLOW_TESTS=(tests/test_scaling_out.py tests/test_site.py tests/test_mpnet.py)
stream_b() {
  local s=0
  bash "$ROOT/scripts/rehearse_full.sh" --durations=10 || s=$?
  echo "=================== the slowest unit tests: ${SLOW_TESTS[*]} ==================="
  python -m pytest "${SLOW_TESTS[@]}" --durations=5 || s=$(( s ? s : $? ))
  return "$s"
}
STREAM_B_LOG="$(mktemp)"
stream_b > "$STREAM_B_LOG" 2>&1 & stream_b_pid=$!
status=0
python -m pytest tests notebooks --nbval-lax --durations=10 "${SLOW_TESTS[@]/#/--ignore=}" "$@" || status=$?
wait "$stream_b_pid" || status=$(( status ? status : $? ))
echo "=================== stream B: full-profile rehearsal (scripts/rehearse_full.sh), then ${SLOW_TESTS[*]} ==================="
cat "$STREAM_B_LOG"
exit "$status"
