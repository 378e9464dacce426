"""Checks on the committed long-transcript rating set in assets/transcripts/ and its generator."""

import re
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.parquet as pq
import pytest

from assets import make_transcripts

ASSETS = Path(__file__).resolve().parents[1] / "assets"
PATH = ASSETS / "transcripts" / "transcripts.parquet"
COLUMNS = ["id", "group", "event", "text", "score", "label"]
EVENTS = {"earnings call", "town hall", "all-hands", "press briefing"}
BANDS = {"Low": range(1, 4), "Medium": range(4, 8), "High": range(8, 11)}
OPENING = re.compile(r"^(?:OPENING REMARKS|Opening remarks|PREPARED REMARKS|Prepared remarks|Opening statement)$", re.M)
QA = re.compile(r"^(?:QUESTIONS AND ANSWERS|Questions and answers|Q&A session|Question-and-answer session"
                r"|QUESTION-AND-ANSWER SESSION)$", re.M)
TIMESTAMP = re.compile(r"^[\[(]\d\d:\d\d:\d\d[\])] ", re.M)
FILLER = re.compile(r"\b(?:[Uu]m|[Uu]h),|\byou know,|\blike,")
STAGE = re.compile(r"\((?:Laughter|Applause|crosstalk)\)|\[inaudible\]")
BOILERPLATE = re.compile(r"Transcript (?:produced|prepared) by|All rights reserved\.")
# "LABEL: " at the start of a turn, after an optional timestamp: up to four capitalised words
LABEL = re.compile(r"^(?:[\[(]\d\d:\d\d:\d\d[\])] )?((?:[A-Z0-9][\w.'&-]*)(?: [A-Z0-9][\w.'&-]*){0,3}): ", re.M)
ASKER = re.compile(r"^(?:Operator|Moderator|Reporter|Resident|Employee|Audience Q|Analyst \d)$")


def speaker_labels(group):
    """Every label the rated speaker may get: "Dana Whitlock (CEO, Norvale Foods)" -> {"CEO", "Ms. Whitlock", ...}."""
    name, role = re.match(r"^(.+?) \((.+?), .+\)$", group).groups()
    first, last = name.split(" ", 1)
    return {name, name.upper(), role.upper(), first[0] + ". " + last, role + " " + last} | \
        {title + " " + last for title in ("Ms.", "Mr.", "Dr.")}


@pytest.fixture(scope="module")
def frame():
    return pd.read_parquet(PATH)


def test_columns_rows_ids_and_events(frame):
    assert list(frame.columns) == COLUMNS and len(frame) >= 420
    assert list(frame["id"]) == ["tr_%04d" % i for i in range(1, len(frame) + 1)]
    assert set(frame["event"]) == EVENTS
    assert frame["text"].is_unique


def test_word_counts(frame):
    words = frame["text"].str.split().str.len()
    assert words.between(1500, 5000).all()
    assert 2200 <= words.median() <= 2800 and words.min() < 1800 and words.max() > 4000  # a real spread


def test_every_speaker_has_four_to_eight_transcripts(frame):
    counts = frame["group"].value_counts()
    assert 60 <= len(counts) <= 80 and counts.between(4, 8).all()
    assert frame.groupby("group")["event"].nunique().max() > 1


def test_scores_and_label_bands(frame):
    assert set(frame["score"]) == set(range(1, 11))
    for label, scores in BANDS.items():
        assert frame.loc[frame["label"] == label, "score"].isin(scores).all(), label
    counts = frame["label"].value_counts()
    assert set(counts.index) == set(BANDS) and (counts >= 60).all()


def test_structure_and_noise_in_every_transcript(frame):
    for tid, text in zip(frame["id"], frame["text"]):
        opening, qa = OPENING.search(text), QA.search(text)
        assert opening and qa and opening.start() < qa.start(), tid
        for pattern in (TIMESTAMP, FILLER, STAGE, BOILERPLATE):
            assert pattern.search(text), (tid, pattern.pattern)


def test_rated_speaker_labels_are_inconsistent_but_normalisable(frame):
    for tid, group, text in zip(frame["id"], frame["group"], frame["text"]):
        body = text[OPENING.search(text).end():]
        labels = set(LABEL.findall(body))
        rated = speaker_labels(group)
        assert all(lab in rated or ASKER.match(lab) for lab in labels), (tid, labels - rated)
        assert len(labels & rated) >= 2, tid  # several spellings of the same person
        answers = [lab for lab in LABEL.findall(body[QA.search(body).start():]) if lab in rated]
        assert len(answers) >= 3, tid  # the rated speaker answers in the Q&A


def test_regenerating_gives_identical_file(tmp_path):
    make_transcripts.main(out_dir=str(tmp_path))
    fresh = tmp_path / "transcripts" / "transcripts.parquet"
    writer = pq.ParquetFile(PATH).metadata.created_by  # "parquet-cpp-arrow version X.Y.Z"
    if writer.endswith(" " + pyarrow.__version__):
        assert fresh.read_bytes() == PATH.read_bytes()
    else:  # another pyarrow writes other bytes for the same table; the content must still match
        pd.testing.assert_frame_equal(pd.read_parquet(fresh), pd.read_parquet(PATH))


def test_scaled_set_is_of_the_same_kind(tmp_path, frame):
    n = 120
    path = make_transcripts.main(out_dir=str(tmp_path / "a"), transcripts=n)
    small = pd.read_parquet(path)
    assert abs(len(small) - n) <= 0.1 * n
    assert list(small.columns) == list(frame.columns) and (small.dtypes == frame.dtypes).all()
    assert small["group"].value_counts().between(4, 8).all()
    names = small["group"].str.extract(r"^(.+?) \(")[0]  # one group string per speaker, no two speakers share one
    orgs = small["group"].str.extract(r", (.+)\)$")[0]
    assert small.groupby(names)["group"].nunique().eq(1).all()
    assert names.nunique() == orgs.nunique() == small["group"].nunique()
    assert set(small["event"]) == set(frame["event"])
    words, ref = small["text"].str.split().str.len(), frame["text"].str.split().str.len()
    assert abs(words.median() - ref.median()) <= 0.15 * ref.median() and words.between(1500, 5000).all()
    for label, scores in BANDS.items():
        assert small.loc[small["label"] == label, "score"].isin(scores).all(), label
    again = make_transcripts.main(out_dir=str(tmp_path / "b"), transcripts=n)
    assert Path(again).read_bytes() == Path(path).read_bytes()  # deterministic


def test_large_sets_keep_speakers_and_organisations_unique():
    import random
    speakers = make_transcripts.make_speakers(random.Random(make_transcripts.SEED), 1500)
    assert 220 <= len(speakers) <= 260 and sum(sp["count"] for sp in speakers) == 1500
    for key in ("name", "org", "group"):
        assert len({sp[key] for sp in speakers}) == len(speakers), key
