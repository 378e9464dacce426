#!/usr/bin/env bash
# Tomorrow's stack: a second venv with the NEWEST release of every package in requirements.txt (torch stays at its
# pinned CPU build), then the smoke suite (unit tests + every notebook under nbval) in it. Not part of CI: the
# registry moves under it. Prints the versions it got; record the date, versions and result in the README.
# Usage: bash scripts/check_newest_stack.sh [pytest args]   (VENV=/path to reuse a venv)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$(mktemp -d)/newest-venv}"
python3 -m venv "$VENV"
pipq() { "$VENV/bin/python" -m pip install -q "$@" 2> >(grep -v "is ignored" >&2); }
pipq --upgrade pip
pipq "$(grep -E '^torch==' "$ROOT/requirements.txt")"
# every other requirement without its pin: the newest the registry has
names=$(grep -E '^[A-Za-z0-9_.-]+==' "$ROOT/requirements.txt" | grep -v '^torch==' | cut -d= -f1)
pipq --upgrade $names "torch==$(grep -E '^torch==' "$ROOT/requirements.txt" | cut -d= -f3)"
pipq --no-deps -e "$ROOT"
"$VENV/bin/python" -m ipykernel install --sys-prefix --name python3 >/dev/null
echo "== newest stack, $(date -u +%F):"
"$VENV/bin/python" -m pip freeze | grep -iE "^($(echo $names | tr ' ' '|'))==" | tr '\n' ' '; echo
cd "$ROOT"
export PATH="$VENV/bin:$PATH" JUPYTER_PATH="$VENV/share/jupyter"
export LABS_PROFILE=smoke HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1 MPLBACKEND=Agg
export TOKENIZERS_PARALLELISM=false LABS_RESULTS_DIR="$(mktemp -d)/results"
export LABS_NETGUARD_LOG="$(mktemp -d)/net-attempts.log" PYTHONPATH="$ROOT/tests/netguard${PYTHONPATH:+:$PYTHONPATH}"
python -m pytest tests notebooks --nbval-lax -p no:cacheprovider "$@"
