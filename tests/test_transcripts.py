"""Labs 06-07: loading checks, grouped split, regression scores (hand-computed values); the code lab 06 writes out in
its cells (cleaning, windows, aggregation, TF-IDF, the pooler: exported to labs_lib.labs.lab06_long_transcripts) by hand
and on the project's transcripts; the sentence-embedding pieces lab 07 shares (labs_lib.embeddings)."""

import numpy as np
import pandas as pd
import pytest

from labs_lib import embeddings, metrics, transcripts
from labs_lib.data import DataError
from labs_lib.labs import lab06_long_transcripts as lab06


def table(n=60, speakers=12):
    scores = [(i * 7) % 10 + 1 for i in range(n)]
    return pd.DataFrame({"text": [f"transcript {i} " + "word " * (i % 5 + 1) for i in range(n)],
                         "score": scores, "label": ["Low" if s <= 3 else "Medium" if s <= 7 else "High" for s in scores],
                         "group": [f"speaker {i % speakers}" for i in range(n)]})


def test_load_finds_both_tasks_and_keeps_the_natural_label_order(tmp_path):
    table().to_csv(tmp_path / "t.csv", index=False)
    frame, tasks, names = transcripts.load_transcripts(str(tmp_path / "t.csv"))
    assert tasks == ["classification", "regression"] and names == ["Low", "Medium", "High"]
    assert frame["score"].dtype == float and list(frame.columns) == ["text", "label", "score", "group"]


def test_load_with_one_target_runs_that_task_and_maps_columns(tmp_path):
    table().drop(columns=["label"]).rename(columns={"score": "rating", "text": "body"}).to_json(
        tmp_path / "t.jsonl", orient="records", lines=True)
    frame, tasks, names = transcripts.load_transcripts(str(tmp_path / "t.jsonl"),
                                                       columns={"score": "rating", "text": "body"})
    assert tasks == ["regression"] and names == [] and "label" not in frame


def test_load_errors_name_the_problem(tmp_path):
    table().drop(columns=["label", "score"]).to_csv(tmp_path / "a.csv", index=False)
    with pytest.raises(DataError, match="no 'label' and no 'score'"):
        transcripts.load_transcripts(str(tmp_path / "a.csv"))
    bad = table()
    bad["score"] = bad["score"].astype(object)
    bad.loc[4, "score"] = "great"
    bad.to_csv(tmp_path / "b.csv", index=False)
    with pytest.raises(DataError, match=r"not a number, e.g. rows \[4\]"):
        transcripts.load_transcripts(str(tmp_path / "b.csv"))
    table().assign(label="High").to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(DataError, match="a classifier needs at least two classes"):
        transcripts.load_transcripts(str(tmp_path / "c.csv"))
    empty = table()
    empty.loc[7, "text"] = "   "
    empty.to_csv(tmp_path / "d.csv", index=False)
    with pytest.raises(DataError, match=r"empty 'text'.*rows \[7\]"):
        transcripts.load_transcripts(str(tmp_path / "d.csv"))


@pytest.mark.parametrize("with_validation", [False, True])
def test_a_folder_of_train_and_test_files_is_used_as_given(tmp_path, with_validation):
    frame = table(90, speakers=18)
    frame[:60].to_csv(tmp_path / "train.csv", index=False)
    frame[60:80].to_parquet(tmp_path / "test.parquet")
    if with_validation:
        frame[80:].to_csv(tmp_path / "validation.csv", index=False)
    report = transcripts.DataReport(str(tmp_path), "transcripts")
    splits = transcripts.load_transcript_splits(str(tmp_path), report=report)
    assert sorted(splits["test"]["text"]) == sorted(frame[60:80]["text"]), "the test file is the test split"
    if with_validation:
        assert sorted(splits["validation"]["text"]) == sorted(frame[80:]["text"])
        assert report.split == "as given by the folder's train/test files"
    else:
        assert sorted(pd.concat([splits["train"], splits["validation"]])["text"]) == sorted(frame[:60]["text"])
        assert not set(splits["train"]["group"]) & set(splits["validation"]["group"]), "validation: whole speakers"
        assert "validation: 15% of train (whole speakers)" in report.split
    assert transcripts.GIVEN_SPLIT not in splits["train"]
    shared = set(splits["train"]["group"]) & set(splits["test"]["group"])
    assert shared and any(f"{len(shared)} speaker(s) appear in both" in n for n in report.notes), \
        "given splits are not re-split; the leak they hold is reported"


def test_ordered_labels_and_small_classes():
    assert transcripts.ordered_labels(["High", "Low", "Medium", "Low"]) == ["Low", "Medium", "High"]
    assert transcripts.ordered_labels(["b", "a"]) == ["a", "b"]
    assert transcripts.small_classes(["a"] * 40 + ["b"] * 3, minimum=30) == {"b": 3}


def test_grouped_split_shares_no_speaker_and_covers_every_row():
    frame = table(140, speakers=20)
    parts = transcripts.grouped_split(frame, "group", "label", seed=1)
    groups = [set(parts[s]["group"]) for s in ("train", "validation", "test")]
    assert not (groups[0] & groups[1] or groups[0] & groups[2] or groups[1] & groups[2])
    assert sorted(pd.concat(parts.values()).index) == list(frame.index)
    assert all(len(parts[s]) > 0 for s in parts)
    random = transcripts.grouped_split(frame, None, "label", seed=1)
    assert [len(random[s]) for s in ("train", "validation", "test")] == [98, 21, 21]
    with pytest.raises(DataError, match="at least 7"):
        transcripts.grouped_split(table(30, speakers=3), "group", "label")


def test_windows_needed_by_hand():
    assert lab06.windows_needed(1000, 256, 64) == 5  # step 192: 256 + 4 * 192 = 1024 >= 1000
    assert lab06.windows_needed(200, 256, 64) == 1
    assert lab06.windows_needed(448, 256, 64) == 2  # 256 + 192 = 448 exactly


def test_token_windows_cover_every_token_with_the_asked_overlap():
    from transformers import AutoTokenizer

    from labs_lib.models import model_path
    from labs_lib.sources import TINY_BERT

    tokenizer = AutoTokenizer.from_pretrained(model_path(TINY_BERT))
    texts = [" ".join(f"the film number {i} was good" for i in range(40)), "short one"]
    windows = lab06.token_windows(tokenizer, texts, window=32, stride=8)
    full = tokenizer(texts[0], add_special_tokens=False)["input_ids"]
    pieces = [ids[1:-1] for ids, d in zip(windows["input_ids"], windows["doc"]) if d == 0]  # drop [CLS]/[SEP]
    assert all(len(ids) <= 32 for ids in windows["input_ids"])
    assert len(pieces) == lab06.windows_needed(len(full), 30, 8)
    for a, b in zip(pieces, pieces[1:]):
        assert a[-8:] == b[:8]  # consecutive windows overlap by the stride
    rebuilt = pieces[0] + [t for p in pieces[1:] for t in p[8:]]
    assert rebuilt == full  # every token, in order, nothing lost
    assert windows["doc"].count(1) == 1
    capped = lab06.token_windows(tokenizer, texts, window=32, stride=8, max_windows=3)
    n = len(pieces)
    middles = [int((j + 0.5) * n / 3) for j in range(3)]  # the middle of each third
    assert capped["doc"] == [0, 0, 0, 1]
    assert capped["input_ids"][:3] == [windows["input_ids"][i] for i in middles]


def test_aggregation_by_hand():
    probs = [[0.9, 0.1], [0.4, 0.6], [0.45, 0.55], [0.2, 0.8]]
    doc = [0, 0, 0, 1]
    # doc 0: mean [0.583, 0.417] -> class 0; votes 1 x class 0, 2 x class 1 -> class 1
    assert lab06.aggregate(probs, doc, "mean")[1].tolist() == [0, 1]
    assert lab06.aggregate(probs, doc, "vote")[1].tolist() == [1, 1]
    docs, scores = lab06.aggregate([2.0, 4.0, 9.0, 5.0], doc, "median")
    assert docs.tolist() == [0, 1] and scores.tolist() == [4.0, 5.0]
    assert lab06.aggregate([2.0, 4.0, 9.0, 5.0], doc, "mean")[1].tolist() == [5.0, 5.0]
    with pytest.raises(ValueError, match="use 'mean' or 'vote'"):
        lab06.aggregate(probs, doc, "max")


def test_regression_scores_by_hand():
    s = metrics.regression_scores([1, 2, 3, 4], [2, 2, 3, 5])
    assert s["mae"] == pytest.approx(0.5)
    assert s["rmse"] == pytest.approx(np.sqrt(0.5))
    assert s["r2"] == pytest.approx(1 - 2 / 5)
    assert s["pearson"] == pytest.approx(5 / np.sqrt(30))
    assert s["spearman"] == pytest.approx(4.5 / np.sqrt(22.5))
    assert metrics.regression_scores([1, 2, 3], [2, 2, 2])["spearman"] == 0.0  # constant prediction


def test_collapsed_names_the_class():
    assert metrics.collapsed([1] * 19 + [0], ["Low", "Medium", "High"]) == "Medium"
    assert metrics.collapsed([0, 1, 2, 1], ["Low", "Medium", "High"]) is None


RAW = """[Transcript produced by Verbatim Desk]
Quarrington Freight Q3 2025 Earnings Call

Prepared remarks
[00:00:55] TALIA RAINSFORD: Um, thank you all. (Laughter) Revenue grew, you know, 9 percent.
(00:02:51) T. Rainsford: Uh, the plan starts on 28 March. [inaudible]
OPERATOR: Next question, like, please.
Analyst 2: Would you like to comment? I like the plan.
CFO: Yes, um I would.
Copyright 2025 Quarrington Freight. All rights reserved."""


def test_clean_transcript_removes_noise_and_keeps_every_other_word():
    aliases = transcripts.speaker_aliases("Talia Rainsford (CFO, Quarrington Freight)")
    assert {"Talia Rainsford", "TALIA RAINSFORD", "T. Rainsford", "CFO", "Ms. Rainsford"} <= aliases
    clean = lab06.clean_transcript(RAW, aliases)
    assert clean.splitlines() == [
        "Quarrington Freight Q3 2025 Earnings Call",
        "Prepared remarks",
        "Speaker: thank you all. Revenue grew, 9 percent.",
        "Speaker: the plan starts on 28 March.",
        "Operator: Next question, please.",
        "Analyst 2: Would you like to comment? I like the plan.",  # "like" without a comma is a word, not a filler
        "Speaker: Yes, I would.",
    ]
    assert "Rainsford" not in clean  # the rated speaker's name is gone with the labels


def test_clean_transcript_without_aliases_only_normalises_capitals():
    assert lab06.clean_transcript("[00:01:02] DANA WHITLOCK: Hello uh, everyone.") == "Dana Whitlock: Hello everyone."


@pytest.mark.parametrize("header", ["QUESTIONS AND ANSWERS", "Question-and-answer session", "Q&A session", "Q & A",
                                    "  Questions and answers  "])
def test_split_sections_at_the_qa_header(header):
    text = f"Prepared remarks\nSpeaker: We grew.\n{header}\nAnalyst 1: Why?\nSpeaker: Demand."
    assert transcripts.split_sections(text) == {"opening": "Prepared remarks\nSpeaker: We grew.",
                                                "qa": "Analyst 1: Why?\nSpeaker: Demand."}


def test_split_sections_none_without_a_header_line():
    # the words inside a sentence are not a header
    assert transcripts.split_sections("Speaker: We will take questions and answers later.\nAnalyst: Fine.") is None


def test_spread_takes_the_middle_of_equal_stretches():
    assert transcripts.spread(list(range(10)), 2) == [2, 7]
    assert transcripts.spread(list(range(9)), 3) == [1, 4, 7]
    assert transcripts.spread([1, 2], 5) == [1, 2] and transcripts.spread([1, 2], None) == [1, 2]


# ---------------------------------------------------------------- lab 06's rules on the project's transcripts
# (one source: the notebook's #@save cells, exported into the lab module; tests/test_package_shape.py checks the copy)

@pytest.fixture(scope="module")
def project_transcripts():
    from labs_lib.sources import TRANSCRIPTS

    frame, _, _ = transcripts.load_transcripts(TRANSCRIPTS)
    return frame.sample(60, random_state=0)


def test_lab06_cleaning_leaves_no_noise_and_one_label_for_the_rated_speaker(project_transcripts):
    for text, speaker in zip(project_transcripts["text"], project_transcripts["group"]):
        aliases = transcripts.speaker_aliases(speaker)
        clean = lab06.clean_transcript(text, aliases)
        assert not transcripts.TIMESTAMP.search(clean) and not transcripts.STAGE_DIRECTION.search(clean)
        assert not transcripts.BOILERPLATE.search(clean) and "Speaker: " in clean
        labels = {m.group(1) for m in transcripts.TURN_LABEL.finditer(clean)}
        assert not labels & aliases, f"a name of the rated speaker is still a turn label: {labels & aliases}"


@pytest.mark.parametrize("window,stride,max_windows", [(64, 16, None), (64, 16, 2), (128, 16, 6)])
def test_lab06_windows_cover_every_token_of_the_project_transcripts(project_transcripts, window, stride, max_windows):
    from transformers import AutoTokenizer

    from labs_lib.models import model_path
    from labs_lib.sources import TINY_BERT

    tokenizer = AutoTokenizer.from_pretrained(model_path(TINY_BERT))
    texts = [lab06.clean_transcript(t, transcripts.speaker_aliases(g))
             for t, g in zip(project_transcripts["text"][:10], project_transcripts["group"][:10])]
    mine = lab06.token_windows(tokenizer, texts, window, stride, max_windows)
    assert all(len(ids) <= window for ids in mine["input_ids"]) and sorted(set(mine["doc"])) == list(range(10))
    if max_windows is None:  # lab 06, section 4: neighbours overlap by stride, together they hold every token
        for d, text in enumerate(texts):
            inner = [ids[1:-1] for ids, doc in zip(mine["input_ids"], mine["doc"]) if doc == d]
            full = tokenizer(text, add_special_tokens=False)["input_ids"]
            assert len(inner) == lab06.windows_needed(len(full), window - 2, stride)
            assert all(a[-stride:] == b[:stride] for a, b in zip(inner, inner[1:]))
            assert inner[0] + [t for p in inner[1:] for t in p[stride:]] == full
    else:   # at most max_windows per transcript, the middle one of each equal stretch
        every = lab06.token_windows(tokenizer, texts, window, stride)
        for d in range(10):
            rows = [ids for ids, doc in zip(every["input_ids"], every["doc"]) if doc == d]
            kept = [ids for ids, doc in zip(mine["input_ids"], mine["doc"]) if doc == d]
            assert kept == transcripts.spread(rows, max_windows)


def test_lab06_aggregation_matches_a_pandas_reference():
    rng = np.random.default_rng(0)
    doc = rng.integers(0, 12, 80)
    probs = rng.dirichlet([1, 1, 1], 80)
    probs[:6] = [[0.4, 0.4, 0.2]] * 6  # ties in the vote
    scores = rng.uniform(1, 10, 80)
    windows = pd.DataFrame(probs).assign(doc=doc, vote=probs.argmax(1), score=scores)
    mean_probs = windows.groupby("doc")[[0, 1, 2]].mean()
    votes = windows.groupby("doc")["vote"].value_counts().unstack(fill_value=0).reindex(columns=[0, 1, 2], fill_value=0)
    tied = votes.eq(votes.max(axis=1), axis=0)
    by_vote = mean_probs.where(tied, -1.0).to_numpy().argmax(1)   # among the tied classes, the higher mean probability
    assert lab06.aggregate(probs, doc, "mean")[1].tolist() == mean_probs.to_numpy().argmax(1).tolist()
    assert lab06.aggregate(probs, doc, "vote")[1].tolist() == by_vote.tolist()
    for how in ("mean", "median"):
        docs, per_doc = lab06.aggregate(scores, doc, how)
        assert docs.tolist() == sorted(set(doc)) and np.allclose(per_doc, windows.groupby("doc")["score"].agg(how))
    with pytest.raises(ValueError, match="use 'mean' or 'median' for scores"):
        lab06.aggregate(scores, doc, "vote")
    with pytest.raises(ValueError, match="use 'mean' or 'vote'"):
        lab06.aggregate(probs, doc, "median")  # a median of class probabilities is not one of the rules


# ---------------------------------------------------------------- baseline and hierarchical pieces (labs 06-07)

def test_tfidf_features_learn_the_vocabulary_from_train_only():
    train = pd.DataFrame({"clean": ["good plan good", "bad plan", "good result", "bad result"]})
    other = pd.DataFrame({"clean": ["unseen words only", "good plan"]})
    x_train, x_other = lab06.tfidf_features(train, other)
    assert x_train.shape[1] == x_other.shape[1]
    assert x_other[0].nnz == 0 and x_other[1].nnz > 0  # words never seen in train carry no weight
    frame = pd.DataFrame({"clean": ["good plan", "good plan", "bad plan", "bad plan"],
                          "text": ["um good plan", "um good plan", "bad plan", "bad plan"]})
    clean, = lab06.tfidf_features(frame)
    raw, = lab06.tfidf_features(frame, column="text")   # column="text": the raw transcripts instead
    assert raw.shape[1] == clean.shape[1] + 2   # "um" and "um good" (in two transcripts each) join the vocabulary


def test_sentence_pieces_keep_sections_and_cap_each():
    text = "Opening. We grew. Costs fell.\nQUESTIONS AND ANSWERS\nAnalyst: Why? Speaker: Demand. More demand."
    pieces = embeddings.sentence_pieces([text, "One sentence. Two sentences."], max_sentences=2)
    assert [p[:2] for p in pieces] == [(0, "opening"), (0, "opening"), (0, "qa"), (0, "qa"), (1, "all"), (1, "all")]


def test_stack_sentences_pads_and_masks():
    import torch

    vectors = torch.arange(10, dtype=torch.float32).reshape(5, 2)
    x, mask = embeddings.stack_sentences(vectors, [0, 0, 0, 1, 2], rows=[1, 0],
                                         keep=np.array([True, False, True, True, True]))
    assert x.shape == (2, 2, 2) and mask.tolist() == [[True, False], [True, True]]
    assert x[1].tolist() == [[0, 1], [4, 5]] and x[0, 1].tolist() == [0, 0]


@pytest.mark.parametrize("task", ["classification", "regression"])
def test_train_pooler_is_repeatable_and_reads_the_splits_asked(task):
    import torch

    g = torch.Generator().manual_seed(0)
    def part(n):
        x = torch.randn(n, 4, 8, generator=g)
        target = (x[:, :, 0].mean(1) > 0).long() if task == "classification" else x[:, :, 0].mean(1)
        return x, torch.ones(n, 4, dtype=torch.bool), target
    data = {"train": part(40), "validation": part(10), "test": part(12)}
    n_out = 2 if task == "classification" else 1
    out, seconds, params = embeddings.train_pooler(data, task, n_out, "attention", hidden=8, lr=3e-3, epochs=20,
                                                   pooler=lab06.Pooler, seed=3)
    again, _, _ = embeddings.train_pooler(data, task, n_out, "attention", hidden=8, lr=3e-3, epochs=20,
                                          pooler=lab06.Pooler, seed=3)
    assert set(out) == {"validation", "test"} and out["test"].shape == (12, n_out) and params > 0
    assert torch.equal(out["test"], again["test"])  # same seed, same data: the same model


@pytest.mark.parametrize("lab", ["06_long_transcripts", "07_honest_evaluation"])
def test_the_labs_split_of_the_project_transcripts_keeps_each_speaker_in_one_split(lab):
    from labs_lib import data, lab_config

    split, _ = data.load(lab_config(lab, "smoke"), "transcripts", seed=42)
    speakers = [set(part["group"]) for part in split.values()]
    assert not (speakers[0] & speakers[1] or speakers[0] & speakers[2] or speakers[1] & speakers[2])
    assert sum(len(part) for part in split.values()) == len(set().union(*(set(p.index) for p in split.values())))


def test_the_bilstm_pooler_ignores_padding_and_reads_order():
    import torch

    torch.manual_seed(0)
    pooler = lab06.Pooler(dim=6, n_out=2, hidden=8, kind="bilstm").eval()
    x = torch.randn(1, 3, 6)
    padded = torch.cat([x, torch.randn(1, 2, 6)], dim=1)   # two padding vectors of noise after the real three
    mask = torch.tensor([[True, True, True, False, False]])
    with torch.no_grad():
        assert torch.allclose(pooler(x, torch.ones(1, 3, dtype=torch.bool)), pooler(padded, mask), atol=1e-6)
        # unlike the mean or attention pooler, the order of the sentences changes what it outputs
        assert not torch.allclose(pooler(x, mask[:, :3]), pooler(x.flip(1), mask[:, :3]), atol=1e-4)
        mean = lab06.Pooler(dim=6, n_out=2, hidden=8, kind="mean").eval()
        assert torch.allclose(mean(x, mask[:, :3]), mean(x.flip(1), mask[:, :3]), atol=1e-6)
    with pytest.raises(ValueError, match="pooler kind 'lstm'"):
        lab06.Pooler(dim=6, n_out=2, hidden=8, kind="lstm")


def test_l1_and_mse_losses_train_different_regressors_and_a_wrong_loss_is_named():
    import torch

    g = torch.Generator().manual_seed(1)
    def part(n):
        x = torch.randn(n, 3, 4, generator=g)
        return x, torch.ones(n, 3, dtype=torch.bool), x[:, :, 0].mean(1) + (torch.rand(n, generator=g) < 0.1) * 5.0
    data = {"train": part(60), "validation": part(20)}
    mse, _, _ = embeddings.train_pooler(data, "regression", 1, "mean", 8, 1e-2, 30, pooler=lab06.Pooler, seed=0,
                                        loss="mse")
    l1, _, _ = embeddings.train_pooler(data, "regression", 1, "mean", 8, 1e-2, 30, pooler=lab06.Pooler, seed=0,
                                       loss="l1")
    assert not torch.allclose(mse["validation"], l1["validation"])
    with pytest.raises(ValueError, match="loss='huber'"):
        embeddings.train_pooler(data, "regression", 1, "mean", 8, 1e-2, 3, pooler=lab06.Pooler, loss="huber")


def test_minute_segments_group_lines_by_the_minute_of_their_timestamp():
    text = ("Header line\nDate: today\n\nOPENING\n[00:00:09] Moderator: Welcome.\n[00:00:48] ANNA: Thanks.\n"
            "an untimed line\n[00:01:02] Revenue grew.\n[01:02:03] Late.\n(3:15) Short stamp.")
    segments = lab06.minute_segments(text)
    assert [m for m, _ in segments] == [0, 1, 3, 62]
    assert segments[0][1] == "[00:00:09] Moderator: Welcome.\n[00:00:48] ANNA: Thanks.\nan untimed line"
    assert "Header" not in " ".join(t for _, t in segments)   # before the first timestamp: dropped
    cleaned = lab06.clean_transcript(segments[0][1], aliases=["ANNA"])
    assert cleaned == "Moderator: Welcome.\nSpeaker: Thanks.\nan untimed line"
    assert lab06.minute_segments("no stamps here") == []


def test_minute_segments_of_the_project_transcripts_cover_their_speech():
    import pandas as pd

    frame = pd.read_parquet("assets/transcripts/transcripts.parquet").head(20)
    for text in frame["text"]:
        segments = lab06.minute_segments(text)
        stamps = len(transcripts.TIMESTAMP.findall(text))
        assert segments and sum(len(transcripts.TIMESTAMP.findall(t)) for _, t in segments) == stamps
        minutes = [m for m, _ in segments]
        assert minutes == sorted(set(minutes))


@pytest.fixture(scope="module")
def tiny_encoder():
    from transformers import AutoModel, AutoTokenizer

    from labs_lib import builders

    path = builders.build_tiny_bert()
    return AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()


SENTENCES = ["Revenue grew by four percent.", "We will open the new depot in May.", "Thanks.",
             "I would push back on the premise of that question, frankly, because the numbers say otherwise."] * 5


def test_embedding_order_and_batching_do_not_change_the_vectors(tiny_encoder):
    import torch

    tokenizer, encoder = tiny_encoder
    sorted_big, ids = embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 32, batch_size=128, progress=False)
    unsorted_small, _ = embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 32, batch_size=3, sort=False,
                                                   progress=False)
    assert torch.allclose(sorted_big, unsorted_small, atol=1e-5)   # padding is masked out of every mean
    assert torch.allclose(sorted_big[0], sorted_big[4]) and len(ids) == len(SENTENCES)


def test_bf16_and_int8_vectors_stay_close_to_fp32_and_a_wrong_precision_is_named(tiny_encoder):
    import torch

    tokenizer, encoder = tiny_encoder
    reference, _ = embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 32, progress=False)
    for precision in ("bf16", "int8"):
        vectors, _ = embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 32, precision=precision,
                                                progress=False)
        cosine = torch.nn.functional.cosine_similarity(vectors, reference)
        assert vectors.dtype == torch.float32 and cosine.min() > 0.95, (precision, cosine.min())
        assert not torch.equal(vectors, reference)   # it did run in another precision
    assert all(type(m).__name__ == "Linear" for m in encoder.modules() if "Linear" in type(m).__name__)  # untouched
    with pytest.raises(ValueError, match="precision='fp16'"):
        embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 32, precision="fp16")


def test_the_embedding_cache_returns_the_stored_vectors_and_misses_on_any_change(tiny_encoder, tmp_path):
    import torch

    tokenizer, encoder = tiny_encoder
    first, _ = embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 32, cache=tmp_path, progress=False)
    assert len(list(tmp_path.glob("*.pt"))) == 1 and not list(tmp_path.glob("*.tmp"))
    stored = next(tmp_path.glob("*.pt"))
    torch.save(torch.full_like(first, 7.0), stored)   # a marker: a cache hit returns exactly what is stored
    hit, _ = embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 32, cache=tmp_path, progress=False)
    assert torch.equal(hit, torch.full_like(first, 7.0))
    changed, _ = embeddings.embed_sentences(SENTENCES[:-1] + ["Another sentence."], tokenizer, encoder, 32,
                                            cache=tmp_path, progress=False)
    shorter, _ = embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 16, cache=tmp_path, progress=False)
    assert not torch.equal(changed, hit) and not torch.equal(shorter, hit) and len(list(tmp_path.glob("*.pt"))) == 3
    with torch.no_grad():
        encoder.embeddings.word_embeddings.weight[5] += 1.0   # "fine-tuned" weights: a new key
    try:
        other, _ = embeddings.embed_sentences(SENTENCES, tokenizer, encoder, 32, cache=tmp_path, progress=False)
        assert not torch.equal(other, hit)
    finally:
        with torch.no_grad():
            encoder.embeddings.word_embeddings.weight[5] -= 1.0


@pytest.mark.parametrize("kind, used, unused", [("l1", "l1_loss", "mse_loss"), ("mse", "mse_loss", "l1_loss")])
def test_every_epoch_trains_and_selects_with_the_loss_asked(kind, used, unused, monkeypatch):
    """The loss named stays the loss of every epoch (training and the validation check), not only the first: the
    training loop once reused the name `loss` for the batch's loss tensor, and from the second epoch on an "l1" run
    trained with the MSE."""
    import torch

    calls = {"l1_loss": 0, "mse_loss": 0}
    for name in calls:
        original = getattr(torch.nn.functional, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(torch.nn.functional, name, counted)
    g = torch.Generator().manual_seed(2)
    x = torch.randn(30, 3, 4, generator=g)
    data = {"train": (x[:20], torch.ones(20, 3, dtype=torch.bool), x[:20, :, 0].mean(1)),
            "validation": (x[20:], torch.ones(10, 3, dtype=torch.bool), x[20:, :, 0].mean(1))}
    embeddings.train_pooler(data, "regression", 1, "mean", 8, 1e-2, 5, pooler=lab06.Pooler, seed=0, patience=10,
                            loss=kind)
    assert calls[used] == 2 * 5 and calls[unused] == 0, calls   # a training and a validation loss per epoch
