"""The coding exercises that close each lab: the learner writes a small function in the lab, ``check(lab, fn)`` runs
it on fixed cases and compares it with the library that does the same job (torch, scikit-learn, SciPy, rouge-score,
seqeval, peft, a tokenizer). A function that still returns ``None`` gets "not answered yet", a wrong one an
AssertionError naming the first case that differs, a right one "Correct". Each lab's markdown holds a worked
solution; tests/test_exercises.py runs every one of them through this check.
"""

from __future__ import annotations

import numpy as np


def _pad_cases():
    return [([[101, 7, 8, 102], [101, 9, 102]], 0), ([[5], [5, 6, 7], [5, 6]], 3), ([[1, 2]], 0)]


def _pad_reference(sequences, pad_id):
    import torch
    from torch.nn.utils.rnn import pad_sequence

    ids = pad_sequence([torch.tensor(s) for s in sequences], batch_first=True, padding_value=pad_id)
    mask = pad_sequence([torch.ones(len(s), dtype=torch.long) for s in sequences], batch_first=True)
    return ids.tolist(), mask.tolist()


def _rouge_cases():
    return [("the cat sat on the mat", "the cat lay on the mat"), ("The cat, the CAT!", "the dog and the cat"),
            ("a b c", "d e f"), ("police arrested two men on Friday", "two men were arrested by police on friday")]


def _rouge_reference(prediction, reference):
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1"]).score(reference, prediction)["rouge1"].recall


def _cosine_cases():
    rng = np.random.default_rng(0)
    return [(rng.normal(size=(3, 4)), rng.normal(size=(2, 4))), (np.eye(3), np.ones((1, 3)))]


def _cosine_reference(a, b):
    from sklearn.metrics.pairwise import cosine_similarity

    return cosine_similarity(a, b)


def _mlm_cases():
    import torch

    generator = torch.Generator().manual_seed(0)
    logits = torch.randn(2, 5, 11, generator=generator)
    labels = torch.tensor([[-100, 3, -100, -100, 7], [1, -100, -100, 10, -100]])
    return [(logits, labels), (logits[:1], torch.tensor([[-100, -100, 4, -100, -100]]))]


def _mlm_reference(logits, labels):
    import torch.nn.functional as F

    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=-100).item()


def _spans_cases():
    return [(["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "I-LOC"],), (["O", "B-ORG", "B-ORG", "O"],),
            (["B-MISC"],), (["O", "O"],)]


def _spans_reference(tags):
    from seqeval.metrics.sequence_labeling import get_entities

    return [(start, end + 1, kind) for kind, start, end in get_entities(list(tags))]


def _window_cases():
    return [(list(range(10)), 4, 1), (list(range(7)), 3, 0), (list(range(5)), 8, 2), (list(range(13)), 5, 2)]


def _window_reference(ids, window, stride):
    """The fast tokenizer's own overflow: windows of ``window`` tokens, each repeating the last ``stride`` tokens of
    the one before, on a word-level tokenizer whose ids are the words."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    tok = Tokenizer(models.WordLevel({str(i): i for i in range(100)}, unk_token="0"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.enable_truncation(window, stride=stride)
    first = tok.encode(" ".join(map(str, ids)))
    return [e.ids for e in [first, *first.overflowing]]


def _spearman_cases():
    return [([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), ([3, 1, 2, 2], [1, 2, 3, 4]), ([0.5, 0.2, 0.9], [10, 30, 20])]


def _spearman_reference(x, y):
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


def _lora_cases():
    return [(768, 768, 8), (768, 3072, 4), (16, 5, 2)]


def _lora_reference(in_features, out_features, r):
    import torch
    from peft import LoraConfig, get_peft_model

    class One(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.proj = torch.nn.Linear(in_features, out_features)

        def forward(self, x):
            return self.proj(x)

    model = get_peft_model(One(), LoraConfig(r=r, target_modules=["proj"]))
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def _answer_cases():
    import torch

    generator = torch.Generator().manual_seed(0)
    return [(torch.randn(6, 9, generator=generator), [1, 4, 2, 7, 3, 8], 4),
            (torch.randn(3, 5, generator=generator), [0, 2, 4], 1)]


def _answer_reference(logits, ids, prompt_length):
    import torch
    import torch.nn.functional as F

    ids = torch.tensor(ids)
    # the logits at position t predict token t + 1: the answer's tokens are read one position earlier
    return -F.cross_entropy(logits[prompt_length - 1:-1], ids[prompt_length:], reduction="sum").item()


def _zero_cases():
    return [(7_000_000_000, 8), (66_955_010, 2), (1_000, 1)]


def _zero_reference(parameters, devices):
    from labs_lib.scaling import model_state_bytes

    return model_state_bytes(parameters, "zero3", devices) / 1e9


# lab -> (function name the lab asks for, cases, reference, the library it is checked against)
EXERCISES = {
    "01_classification": ("pad_batch", _pad_cases, _pad_reference, "torch's pad_sequence"),
    "02_summarization": ("rouge1_recall", _rouge_cases, _rouge_reference, "rouge-score"),
    "03_setfit": ("cosine_matrix", _cosine_cases, _cosine_reference, "scikit-learn's cosine_similarity"),
    "04_mlm": ("masked_lm_loss", _mlm_cases, _mlm_reference, "torch's cross_entropy with ignore_index=-100"),
    "05_ner": ("entity_spans", _spans_cases, _spans_reference, "seqeval's get_entities"),
    "06_long_transcripts": ("windows", _window_cases, _window_reference, "the fast tokenizer's overflowing windows"),
    "07_honest_evaluation": ("spearman", _spearman_cases, _spearman_reference, "SciPy's spearmanr"),
    "08_peft_and_search": ("lora_parameters", _lora_cases, _lora_reference, "peft's LoRA on a Linear layer"),
    "09_causal_lm": ("answer_log_likelihood", _answer_cases, _answer_reference, "torch's cross_entropy"),
    "10_scaling_out": ("zero3_gb", _zero_cases, _zero_reference, "labs_lib.scaling.model_state_bytes (hand-checked)"),
}


def _same(mine, theirs) -> bool:
    if isinstance(theirs, (float, int, np.floating)) and not isinstance(theirs, bool):
        return mine is not None and np.isclose(float(mine), float(theirs), rtol=1e-5, atol=1e-6)
    if isinstance(theirs, np.ndarray):
        return np.allclose(np.asarray(mine, dtype=float), theirs, rtol=1e-5, atol=1e-6)
    if isinstance(theirs, tuple) and len(theirs) == 2 and isinstance(theirs[0], list):
        return isinstance(mine, (tuple, list)) and len(mine) == 2 and all(
            np.asarray(m).tolist() == t for m, t in zip(mine, theirs))
    return [tuple(x) if isinstance(x, (tuple, list)) else x for x in mine] == \
        [tuple(x) if isinstance(x, (tuple, list)) else x for x in theirs]


def check(lab: str, fn) -> bool:
    """Run the learner's ``fn`` on the lab's cases and compare with the library; see the module docstring."""
    if lab not in EXERCISES:
        raise ValueError(f"no coding exercise for {lab!r}; labs with one: {', '.join(EXERCISES)}")
    name, cases, reference, library = EXERCISES[lab]
    cases = cases()
    if fn(*cases[0]) is None:
        print(f"Not answered yet: write the body of {name} (it still returns None). A worked solution is in the "
              f"markdown cell above.")
        return False
    for args in cases:
        mine, theirs = fn(*args), reference(*args)
        try:
            same = _same(mine, theirs)
        except (TypeError, ValueError):
            same = False
        if not same:
            shown = ", ".join(repr(a) if not hasattr(a, "shape") else f"<{type(a).__name__} {tuple(a.shape)}>"
                              for a in args)
            raise AssertionError(f"{name}({shown}) gave {mine!r}; {library} gives {theirs!r}")
    print(f"Correct: {name} agrees with {library} on all {len(cases)} cases.")
    return True
