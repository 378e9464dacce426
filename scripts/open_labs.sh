#!/usr/bin/env bash
# Open the labs in JupyterLab on this machine, offline, in the `cpu` profile (first run: creates .venv like the other
# scripts). `--profile smoke` runs every lab in seconds; other arguments go to `jupyter lab` (e.g. --port 8890).
# Progress bars and the Trainer's live loss table are on here; the main job and the tests turn them off.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile="${LABS_PROFILE:-cpu}" args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile="${2:?--profile needs smoke, cpu or full}"; shift 2 ;;
    --profile=*) profile="${1#--profile=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
case "$profile" in smoke|cpu|full) ;; *) echo "unknown profile '$profile': use smoke, cpu or full" >&2; exit 2 ;; esac
source "$ROOT/scripts/setup_env.sh"
export LABS_PROFILE="$profile" LABS_PROGRESS=1 TOKENIZERS_PARALLELISM=false
[ "$profile" = full ] || export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1
echo "[labs] JupyterLab on the labs, profile '$profile' (a lab's parameters cell can still choose another)"
# offline: no announcements feed, no update check, no extension search on PyPI; root (a container) needs --allow-root
extra=(--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate
       --LabApp.extension_manager=readonly)
[ "$(id -u)" != 0 ] || extra+=(--allow-root)
exec jupyter lab --notebook-dir "$ROOT/notebooks" "${extra[@]}" ${args[@]+"${args[@]}"}
