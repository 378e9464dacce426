#!/usr/bin/env bash
# Create .venv and install the pinned stack, once. Sourced by run_labs.sh and run_tests.sh; idempotent:
# it reinstalls only when requirements.txt or pyproject.toml changed since the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.labs-installed"
WANT="$(cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)"
if [ ! -x "$VENV/bin/python" ]; then
  echo "[setup] creating $VENV"
  python3 -m venv "$VENV"
fi
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  echo "[setup] installing the pinned stack (about 2 minutes the first time)"
  pipq() { "$VENV/bin/python" -m pip install -q "$@" 2> >(grep -v "is ignored" >&2); }  # keeps pip's exit code
  pipq --upgrade pip
  # torch first, pinned: an unpinned torch with none installed would pull a multi-GB CUDA build.
  pipq "$(grep -E '^torch==' "$ROOT/requirements.txt")"
  pipq -r "$ROOT/requirements.txt"
  pipq --no-deps -e "$ROOT"
  "$VENV/bin/python" -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (labs)" >/dev/null
  "$VENV/bin/python" -c "import torch, transformers, peft, labs_lib" # fail here, not halfway through a lab
  echo "$WANT" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
export JUPYTER_PATH="$VENV/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
