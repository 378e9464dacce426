#!/usr/bin/env bash
# The `full` (Colab) profile, rehearsed offline: every lab under nbval in `full`, against a stand-in hub built in a
# throw-away HF_HOME (tests/standin_hub.py: tiny random models of the real architectures under the exact hub ids and
# pinned revisions, small datasets with the hub's configs, splits and features). It proves our code on the hub's
# shapes; it cannot prove downloads, GPU memory or speed. Extra arguments go to pytest (e.g. one notebook's path).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup_env.sh"
cd "$ROOT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export HF_HOME="$WORK/hf"  # bert_score picks a model's code by name: a path holding "t5" would be read as T5
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1
export MPLBACKEND=Agg TOKENIZERS_PARALLELISM=false LABS_PROGRESS=0   # no live bars in tested notebooks
export LABS_RESULTS_DIR="$WORK/results"
export LABS_NETGUARD_LOG="${LABS_NETGUARD_LOG:-$WORK/net-attempts.log}"
export PYTHONPATH="$ROOT/tests/netguard${PYTHONPATH:+:$PYTHONPATH}"
# The loops shrink (fewer seeds, shots, epochs, rows, transcripts; a shorter long-model window), never the models,
# data sources or code path; each lab shows them as overrides (*) in its settings table. The notebook's own
# overrides cell stays empty.
export LABS_OVERRIDES='{
  "03_setfit": {"shots": [4, 8], "n_seeds": 3, "num_iterations": 2, "ft_steps": 10},
  "04_mlm": {"n_seeds": 2, "lora_steps": 20},
  "06_long_transcripts": {"docs": 100, "epochs": 1, "pooler_epochs": 30, "max_windows_eval": 4, "long_window": 1024},
  "07_honest_evaluation": {"docs": 100, "epochs": 30, "train_seeds": 2, "split_seeds": 2},
  "08_peft_and_search": {"steps": 12, "switch_steps": 6, "search_seeds": 2, "search_repeats": 1,
                         "search_grid": {"lora_r": [4]},
                         "lrs": {"full": [1e-4], "head": [5e-3], "bias": [2e-3], "lora": [2e-3], "rslora": [1e-3], "dora": [2e-3],
                                 "lora_all": [2e-3], "ia3": [1e-2], "lokr": [1e-2], "prompt": [3e-2],
                                 "prefix": [1e-2], "ptuning": [1e-2], "adapter": [2e-3]}},
  "09_causal_lm": {"train_size": 48, "eval_size": 16, "ppl_texts": 4},
  "10_scaling_out": {"train_size": 64, "steps": 4}
}'
case "$HF_HOME" in *t5*) echo "temp folder $HF_HOME holds 't5'; run again" >&2; exit 1 ;; esac
python tests/standin_hub.py "$HF_HOME"
paths=() opts=()
for arg in "$@"; do if [[ $arg == -* ]]; then opts+=("$arg"); else paths+=("$arg"); fi; done
[ ${#paths[@]} -gt 0 ] || paths=(notebooks)
LABS_PROFILE=full python -m pytest --nbval-lax -p no:cacheprovider ${opts[@]+"${opts[@]}"} "${paths[@]}"
