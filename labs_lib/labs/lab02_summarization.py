"""Lab 02: summarization with a sequence-to-sequence model (FLAN-T5; full fine-tuning and LoRA).

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from labs_lib import exercises, profiles
from labs_lib.checks import verdict
from labs_lib.data import DataError
from labs_lib.profiles import ConfigError
from labs_lib.plots import COLORS
from labs_lib.sources import DIALOGUES, DOCUMENTS, MINILM, SMALL_T5, TINY_T5
from labs_lib.summaries import TASKS
from labs_lib.text import split_sentences


NAME = "02_summarization"

# -- Settings ----------------------------------------------------------------------------------------------------
# Per-task entries are dicts keyed by task. cpu trains a small T5 from scratch: it beat an encoder-decoder
# warm-started from the packaged MiniLM on held-out ROUGE at the same training time (benchmarks/
# summarization_cpu_candidates.py). bertscore_layers: the layer whose embeddings BERTScore compares
# (bert_score's tuned default for roberta-large is 17; the 6-layer MiniLM uses its last). full: batch 4 x 2
# accumulated steps = 8 per update; FLAN-T5-base in fp32 at batch 8 x 512/128 tokens is estimated at 13-16 GiB, more
# than a T4's ~14.7 usable (no bf16 there), batch 4 at ~9-10 GiB (an estimate, not measured on a T4).
MEANING = dict(
    data='per task (dialogue, document): a hub dataset id, or your own file or folder',
    columns="per task: your column names where they differ, e.g. {'document': 'article', 'summary': 'highlights'}",
    hub_config="per task: the hub dataset's configuration (None: its default)",
    max_source_length='tokens of the text to summarize kept',
    max_target_length='tokens of a summary, in training and when generating',
    num_beams='beams of beam search when generating',
    logging_steps='optimizer steps between two training-loss logs',
    lead_n='per task: sentences the lead-N baseline copies from the start of the text',
    bertscore_model='the encoder BERTScore compares embeddings with',
    bertscore_layers="the layer of bertscore_model whose embeddings are compared (roberta-large: bert_score's tuned 17)",
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(lora_targets=["q", "v"], split="random 80/10/10"),
    smoke=dict(model=TINY_T5, data={"dialogue": DIALOGUES, "document": DOCUMENTS},
        hub_config={"dialogue": None, "document": None}, columns={"dialogue": None, "document": None}, train_size=160,
        eval_size=16, epochs=10, batch_size=16, grad_accum=1, lr_full=3e-3, lr_lora=3e-3, lora_r=8,
        max_source_length=320, max_target_length=48, num_beams=2, logging_steps=5,
        lead_n={"dialogue": 3, "document": 1}, bertscore_model=MINILM, bertscore_layers=6),
    cpu=dict(model=SMALL_T5, data={"dialogue": DIALOGUES, "document": DOCUMENTS},
        hub_config={"dialogue": None, "document": None}, columns={"dialogue": None, "document": None},
        train_size=None, eval_size=None, epochs=10, batch_size=16, grad_accum=1, lr_full=1e-3, lr_lora=3e-3,
        lora_r=16, max_source_length=384, max_target_length=64, num_beams=4, logging_steps=10,
        lead_n={"dialogue": 3, "document": 1}, bertscore_model=MINILM, bertscore_layers=6),
    full=dict(model="google/flan-t5-base",
        data={"dialogue": "knkarthick/dialogsum", "document": "abisee/cnn_dailymail"},
        hub_config={"dialogue": None, "document": "3.0.0"},
        columns={"dialogue": None, "document": {"document": "article", "summary": "highlights"}}, train_size=4000,
        eval_size=200, epochs=2, batch_size=4, grad_accum=2, lr_full=1e-4, lr_lora=1e-3, lora_r=16,
        max_source_length=512, max_target_length=128, num_beams=4, logging_steps=50,
        lead_n={"dialogue": 3, "document": 3}, bertscore_model="FacebookAI/roberta-large", bertscore_layers=17),
)


# -- Helpers -------------------------------------------------------------------------------------------------------
def check_tasks(tasks) -> list:
    """The parameters cell's ``tasks``: a list of known task names (a misspelling is named, with the closest one)."""
    import difflib

    if isinstance(tasks, str) or not isinstance(tasks, (list, tuple)) or not tasks:
        raise ConfigError(f"tasks must be a non-empty list such as {list(TASKS)} or ['dialogue']; got {tasks!r}.")
    for task in tasks:
        if task not in TASKS:
            close = difflib.get_close_matches(str(task), TASKS, n=1)
            raise ConfigError(f"tasks: unknown task {task!r}{f' (did you mean {close[0]!r}?)' if close else ''}; "
                              f"this lab knows {list(TASKS)}.")
    return list(tasks)


def lead_n(text: str, n: int, task: str) -> str:
    """The extractive baseline: the first ``n`` turns of a dialogue (lines) or sentences of a document."""
    if task not in TASKS:
        raise ValueError(f"Unknown task {task!r}; use one of {TASKS}.")
    units = [line.strip() for line in str(text).splitlines() if line.strip()] if task == "dialogue" \
        else split_sentences(text)
    return "\n".join(units[:n])


def per_task(option, name: str, tasks) -> dict:
    """Check a per-task parameter (``data_path``, ``columns``): None, or a dict keyed by task names."""
    if option is None:
        return {}
    if not isinstance(option, dict) or set(option) - set(TASKS):
        raise DataError(f"{name} is set per task, e.g. {name}={{'dialogue': ...}}; got {option!r}. "
                        f"Task names: {list(TASKS)}.")
    if name == "columns":
        bad = [task for task, mapping in option.items() if mapping is not None and not isinstance(mapping, dict)]
        if bad:
            raise DataError(f"columns[{bad[0]!r}] must map the lab's names to yours, e.g. "
                            f"columns={{'{bad[0]}': {{'{bad[0]}': 'transcript', 'summary': 'notes'}}}}.")
    unknown = [t for t in option if t not in tasks]
    if unknown:
        raise DataError(f"{name} names task(s) {unknown} that are not in tasks={list(tasks)}.")
    return option


# -- Lesson checks -------------------------------------------------------------------------------------------------
def check_rouge1(answer, prediction: str, reference: str) -> bool:
    """Exercise: ROUGE-1 F1 of ``prediction`` against ``reference``, by hand; checked against ``rouge_score``."""
    from labs_lib.metrics import rouge_scores

    expected = float(rouge_scores([prediction], [reference])["rouge1"].iloc[0])
    return verdict(answer, expected, tolerance=0.01,
                   hint="lower-case both, split into words (punctuation dropped), count the words they share (a word "
                        "counts as often as it appears in both); precision = shared / prediction words, recall = "
                        "shared / reference words, F1 = 2PR / (P + R).",
                   wrong=f"The prediction has {len(prediction.split())} words and the reference "
                         f"{len(reference.split())}; count the overlap once more.",
                   correct=f"Correct: ROUGE-1 F1 = {expected:.3f}.")


# -- Figures -------------------------------------------------------------------------------------------------------
def plot_summary_lengths(data: dict):
    """Words per input and per reference summary (training split), one panel per task: ``{task: DatasetDict}``."""
    fig, axes = plt.subplots(1, len(data), figsize=(5.5 * len(data), 3.4), squeeze=False)
    for ax, (task, ds) in zip(axes[0], data.items()):
        words = {name: np.array([len(str(t).split()) for t in ds["train"][column]])
                 for column, name in ((task, task + "s"), ("summary", "summaries"))}
        bins = np.linspace(0, np.percentile(np.concatenate(list(words.values())), 99.5), 50)
        for i, (name, counts) in enumerate(words.items()):
            ax.hist(counts, bins=bins, alpha=0.65, color=COLORS[i], label=f"{name} (median {np.median(counts):.0f})")
        ax.set(title=f"{task}: length in words (train)", xlabel="words", ylabel="examples")
        ax.legend()
    fig.tight_layout()
    return fig


def plot_metric_boxes(scores: dict, metrics, title: str = ""):
    """Per-example scores as box plots: one panel per metric, one box per method (``{method: DataFrame}``,
    one row per held-out example, one column per metric); the mean is marked with a white diamond."""
    methods = list(scores)
    fig, axes = plt.subplots(1, len(metrics), figsize=(len(metrics) * (0.9 + 0.5 * len(methods)), 3.8), squeeze=False)
    for ax, metric in zip(axes[0], metrics):
        values = [np.asarray(scores[m][metric], dtype=float) for m in methods]
        box = ax.boxplot(values, patch_artist=True, showmeans=True, widths=0.6,
                         meanprops=dict(marker="D", markerfacecolor="white", markeredgecolor="k", markersize=5))
        for patch, color in zip(box["boxes"], COLORS):
            patch.set(facecolor=color, alpha=0.6)
        ax.set_xticks(range(1, len(methods) + 1), methods, rotation=30, ha="right")
        ax.set(title=metric, ylim=(min(0.0, *(v.min() for v in values)) - 0.02, 1.02))
        ax.grid(axis="y", alpha=0.3)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


# -- Exercise and study key ----------------------------------------------------------------------------------------
def _rouge_cases():
    return [("the cat sat on the mat", "the cat lay on the mat"), ("The cat, the CAT!", "the dog and the cat"),
            ("a b c", "d e f"), ("police arrested two men on Friday", "two men were arrested by police on friday")]


def _rouge_reference(prediction, reference):
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1"]).score(reference, prediction)["rouge1"].recall


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("rouge1_recall", _rouge_cases, _rouge_reference, "rouge-score")
