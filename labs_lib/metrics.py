"""Score tables built on scikit-learn (no hand-rolled metrics)."""

from __future__ import annotations

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
