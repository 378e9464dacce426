"""Scores from the libraries made for them (scikit-learn, SciPy, rouge-score, bert-score): classification,
per-class, regression (labs 06-07) and summaries (lab 02), the collapse check, and padding counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support


def classification_scores(y_true, y_pred) -> dict:
    """Accuracy and macro-F1 (each class counts the same, whatever its size)."""
    return {"accuracy": float(accuracy_score(y_true, y_pred)),
            "f1_macro": float(f1_score(y_true, y_pred, average="macro", zero_division=0))}


def per_class_table(y_true, y_pred, label_names) -> pd.DataFrame:
    """Precision, recall, F1 and support for each class, one row per class."""
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=list(range(len(label_names))),
                                                 zero_division=0)
    return pd.DataFrame({"precision": p, "recall": r, "f1": f, "support": s}, index=list(label_names)).round(3)


def padded_tokens(lengths, batch_size: int, pad_to: int | None = None) -> int:
    """Tokens fed to the model when ``lengths`` are batched in order: each batch is padded to its longest
    sequence (dynamic padding, ``pad_to=None``) or every sequence to ``pad_to`` (fixed padding)."""
    lengths = list(lengths)
    total = 0
    for start in range(0, len(lengths), batch_size):
        batch = lengths[start:start + batch_size]
        total += len(batch) * (pad_to if pad_to is not None else max(batch))
    return total


ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def rouge_scores(predictions, references) -> pd.DataFrame:
    """ROUGE-1/2/L/Lsum F-measures per example (``rouge_score``, Porter stemmer on), one row per pair. A reference
    may be a list of references (DialogSum's test set has three): each ROUGE type takes the best-matching one
    (``score_multi``).

    ROUGE-Lsum reads sentences from lines, so both sides go in one sentence per line (see ``split_sentences``);
    ROUGE-L scores the text as one sequence."""
    from rouge_score import rouge_scorer

    from labs_lib.text import split_sentences

    predictions, references = list(predictions), list(references)
    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references.")
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    rows = []
    for pred, ref in zip(predictions, references):
        targets = [ref] if isinstance(ref, str) else list(ref)
        scores = scorer.score_multi(["\n".join(split_sentences(t)) for t in targets], "\n".join(split_sentences(pred)))
        rows.append({name: scores[name].fmeasure for name in ROUGE_TYPES})
    return pd.DataFrame(rows, columns=list(ROUGE_TYPES))


def bertscorer(model_name: str, num_layers: int, device=None):
    """A ``bert_score.BERTScorer`` for a profile's model name (a hub id or the packaged MiniLM) at ``num_layers``.

    Rescaled with the baseline bert_score ships for the model when there is one (``roberta-large``: yes, so unrelated
    texts score near 0 instead of ~0.8; the packaged MiniLM: no). RoBERTa-style tokenizers are rebuilt with
    ``add_prefix_space=True``: bert_score passes it per call, which transformers 5 ignores, and its layer choice was
    tuned with it. ``scorer.rescale_with_baseline`` says which scores you get."""
    from pathlib import Path

    import bert_score
    from bert_score import BERTScorer
    from transformers import AutoConfig, AutoTokenizer

    from labs_lib.models import model_path

    path = model_path(model_name)
    baseline = Path(bert_score.__file__).parent / "rescale_baseline" / "en" / f"{model_name.split('/')[-1]}.tsv"
    rescale = "/" in model_name and baseline.is_file()
    scorer = BERTScorer(model_type=path, num_layers=num_layers, device=device, lang="en", rescale_with_baseline=rescale,
                        baseline_path=str(baseline) if rescale else None)
    if AutoConfig.from_pretrained(path).model_type in ("roberta", "longformer"):
        scorer._tokenizer = AutoTokenizer.from_pretrained(path, add_prefix_space=True)
    return scorer


def bertscore_f1(predictions, references, scorer):
    """BERTScore F1 per example from a ``bert_score.BERTScorer`` (built once: it holds the model): every token is
    matched to its most similar token on the other side by contextual embeddings. A reference may be a list of
    references (the best one counts, as bert_score scores them). An empty prediction scores 0
    (bert_score itself cannot encode an empty string under transformers 5)."""
    import numpy as np

    predictions = [str(p).strip() for p in predictions]
    references = [str(r) if isinstance(r, str) else [str(x) for x in r] for r in references]   # a list: max over them
    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references.")
    scores = np.zeros(len(predictions), dtype=np.float32)
    keep = [i for i, p in enumerate(predictions) if p]
    if keep:
        _, _, f1 = scorer.score([predictions[i] for i in keep], [references[i] for i in keep])
        scores[keep] = f1.numpy()
    return scores


def regression_scores(y_true, y_pred) -> dict:
    """MAE, RMSE, R² (scikit-learn), Pearson and Spearman correlation (SciPy)."""
    from scipy.stats import pearsonr, spearmanr
    from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    constant = np.allclose(y_pred, y_pred[0])
    return {"mae": float(mean_absolute_error(y_true, y_pred)),
            "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
            "r2": float(r2_score(y_true, y_pred)),
            "pearson": 0.0 if constant else float(pearsonr(y_true, y_pred)[0]),
            "spearman": 0.0 if constant else float(spearmanr(y_true, y_pred)[0])}


def collapsed(y_pred, label_names, share: float = 0.95) -> str | None:
    """The class name when at least ``share`` of the predictions are that one class (the model collapsed), else None."""
    counts = np.bincount(np.asarray(y_pred, dtype=int), minlength=len(label_names))
    top = int(counts.argmax())
    return label_names[top] if counts[top] >= share * len(y_pred) else None


# Our score name -> (Hugging Face `evaluate` metric, its compute() options, the key of its answer). The labs score with
# the libraries directly: `evaluate.load(name)` fetches the metric's script from the hub at run time, so it fails
# offline and breaks when a script moves. In the `full` profile (Colab, online) each lab computes its scores again
# with `evaluate` and checks they agree (evaluate_agrees).
EVALUATE_METRICS = {
    "accuracy": ("accuracy", {}, "accuracy"),
    "f1_macro": ("f1", {"average": "macro"}, "f1"),
    "mae": ("mae", {}, "mae"),
    "rmse": ("mse", {"squared": False}, "mse"),
    "pearson": ("pearsonr", {}, "pearsonr"),
    "spearman": ("spearmanr", {}, "spearmanr"),
    "entity_precision": ("seqeval", {}, "overall_precision"),
    "entity_recall": ("seqeval", {}, "overall_recall"),
    "entity_f1": ("seqeval", {}, "overall_f1"),
    **{name: ("rouge", {"use_stemmer": True, "use_aggregator": False}, name) for name in ROUGE_TYPES},
}


def evaluate_agrees(profile: str, ours: dict, predictions, references, load=None) -> dict | None:
    """Compute every score in ``ours`` (a value, or one value per example; names without an EVALUATE_METRICS entry are
    listed and left out) again with Hugging Face `evaluate` on the same predictions and references, and assert both
    agree to 1e-6.
    -> {name: (ours, evaluate's)}. Only in the ``full`` profile and online: elsewhere it says why and returns None.
    A metric that cannot be loaded (no network, a script moved) is reported, not raised; a disagreement raises."""
    import os

    if profile != "full":
        print(f"evaluate cross-check: runs in the full profile only (this is {profile!r}); nothing fetched")
        return None
    offline = [v for v in ("HF_HUB_OFFLINE", "HF_EVALUATE_OFFLINE") if os.environ.get(v, "").upper() in
               {"1", "ON", "YES", "TRUE"}]
    if offline:
        print(f"evaluate cross-check skipped: offline ({offline[0]} is set); evaluate.load fetches scripts from the hub")
        return None
    unknown = sorted(set(ours) - set(EVALUATE_METRICS))
    if unknown:
        print(f"  not cross-checked (no evaluate metric listed for them): {', '.join(unknown)}")
    ours = {name: value for name, value in ours.items() if name in EVALUATE_METRICS}
    if load is None:
        import evaluate

        load = evaluate.load
    modules, answers, out = {}, {}, {}
    for name, value in ours.items():
        metric, options, key = EVALUATE_METRICS[name]
        if metric not in modules:
            try:
                modules[metric] = load(metric)
            except Exception as error:   # no network, the hub down, a script moved: say so, the lab goes on
                print(f"evaluate cross-check skipped: evaluate.load({metric!r}) failed: {type(error).__name__}: "
                      f"{str(error)[:200]}")
                return None
        signature = (metric, tuple(sorted(options.items())))
        if signature not in answers:
            answers[signature] = modules[metric].compute(predictions=list(predictions), references=list(references),
                                                         **options)
        theirs = answers[signature][key]
        a, b = np.asarray(value, dtype=float), np.asarray(theirs, dtype=float)
        out[name] = (value, theirs)
        if name in ("pearson", "spearman") and np.isnan(b).all() and (a == 0).all():
            print(f"  {name}: undefined for constant predictions (evaluate: nan; ours reports 0)")
            continue
        if a.shape != b.shape or not np.allclose(a, b, rtol=0, atol=1e-6):
            raise AssertionError(f"{name}: ours {np.round(a, 6).tolist()} but evaluate's {metric!r} gives "
                                 f"{np.round(b, 6).tolist()}")
        shown = f"{a.mean():.4f} (mean of {a.size})" if a.size > 1 else f"{float(a):.4f}"
        print(f"  {name}: {shown} — evaluate.load({metric!r}) agrees")
    return out
