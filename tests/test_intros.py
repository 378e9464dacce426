"""A lab's opening cell is read before anything runs, so it must not contradict what the lab runs:
- every hub id it names (`owner/name` in backticks) is one its profile table uses (lab 05 once named a parquet copy
  of CoNLL-2003 that its `full` row does not load);
- it gives no measured time in minutes: those live in the README's course map, measured, in one place (lab 04's
  intro once said nine minutes while the README said sixteen)."""

import json
import re
from pathlib import Path

import pytest

from labs_lib import labs, sources

ROOT = Path(__file__).resolve().parents[1]
NUMBER = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"


def intro(lab):
    return "".join(json.loads((ROOT / "notebooks" / f"{lab}.ipynb").read_text())["cells"][0]["source"])


def values(x):
    if isinstance(x, dict):
        for v in x.values():
            yield from values(v)
    elif isinstance(x, (list, tuple)):
        for v in x:
            yield from values(v)
    else:
        yield str(x)


@pytest.mark.parametrize("lab", sorted(labs.LABS))
def test_every_hub_id_an_intro_names_is_one_its_profiles_use(lab):
    used = set(values(labs.table(lab).rows)) | set(sources.HUB_REVISIONS)
    named = re.findall(r"`([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)`", intro(lab))
    stray = [n for n in named if n not in used and not (ROOT / n).exists()]   # repo paths are fine
    assert not stray, f"{lab}'s intro names {stray}, which none of its profiles uses"


@pytest.mark.parametrize("lab", sorted(labs.LABS))
def test_no_intro_states_a_time_in_minutes(lab):
    said = re.findall(rf"[^.;\n]*~?\b{NUMBER}\s*(?:minutes?|min)\b[^.;\n]*", intro(lab), flags=re.I)
    assert not said, f"{lab}'s intro states a time ({said}); the README's course map holds the measured times"
