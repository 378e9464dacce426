#!/usr/bin/env bash
# On a machine with a CUDA GPU: every lab in `smoke` under nbval and the `full`-profile rehearsal (scripts/rehearse_full.sh),
# side by side, so that the code path Colab users take (device placement, bf16 / fp16 autocast, pinned memory) runs
# before a learner meets it; CI has no GPU. Uses the python3 on PATH (its CUDA torch) plus the stack's wheels from
# .whl/ when that folder exists (how the device tool's machine gets the packages it lacks). The smoke run forces fp16
# (LABS_PRECISION, a T4's path); the rehearsal takes what the GPU has (bf16 on Ampere and later).
# Logs go to $OUT (else /tmp/gpu_check): smoke.log, full.log, gpu.log (memory used, every 5 s). Arguments: notebooks
# to run (default all). On 2026-12-04 the two streams over all eight labs did not finish in 540 s on an H200 (the
# first version printed nothing until the end, so where it stood is unknown): give it one or two labs per call.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOG="${OUT:-/tmp/gpu_check}"; mkdir -p "$LOG"
if ls .whl/*.whl >/dev/null 2>&1; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl || exit 1
  export PYTHONPATH="/tmp/site"
fi
mkdir -p /tmp/bin; printf '#!/bin/sh\nexec %s "$@"\n' "$(command -v python3)" > /tmp/bin/python; chmod +x /tmp/bin/python  # a link would lose a venv
export PATH="/tmp/bin:$PATH" PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" LABS_USE_CURRENT_PYTHON=1 PYTHONUNBUFFERED=1
python -c "
import torch, transformers, peft, datasets, setfit, seqeval, rouge_score, bert_score, nbval, labs_lib
assert torch.cuda.is_available(), 'no CUDA GPU'
print('torch', torch.__version__, '| transformers', transformers.__version__, '|', torch.cuda.get_device_name())
" || exit 1
nvidia-smi --query-gpu=timestamp,memory.used,utilization.gpu --format=csv -l 5 > "$LOG/gpu.log" 2>&1 &
# One pytest per stream, each cell under a time limit (pytest-timeout, where installed), every result line printed as
# it comes with its stream's name: a call that runs out of time still shows how far each stream got.
limit=(); python -c "import pytest_timeout" 2>/dev/null && limit=(--timeout "${CELL_TIMEOUT:-240}")
smoke() {
  export LABS_PROFILE=smoke LABS_PRECISION=fp16 HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1
  export MPLBACKEND=Agg TOKENIZERS_PARALLELISM=false LABS_RESULTS_DIR="$(mktemp -d)/results"
  python -m pytest --nbval-lax -p no:cacheprovider -rf -v --durations=8 "${limit[@]}" "${@:-notebooks}"
}
start=$SECONDS
smoke "$@" 2>&1 | tee "$LOG/smoke.log" | sed -u 's/^/[smoke] /' & s=$!
bash scripts/rehearse_full.sh -rf -v --durations=8 "${limit[@]}" "$@" 2>&1 | tee "$LOG/full.log" | sed -u 's/^/[full] /' & f=$!
wait $s; rs=$?; wait $f; rf=$?
echo "smoke (fp16): exit $rs | full rehearsal (auto precision): exit $rf | $((SECONDS - start)) s"
exit $(( rs || rf ))
