"""Lab 08: the parameter-efficient family, and a hyperparameter search.

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
its helpers, its lesson checks, its figures, its exercise and study key. The notebook imports it as ``lab``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from labs_lib import exercises, profiles
from labs_lib.checks import verdict
from labs_lib.plots import COLORS
from labs_lib.sources import INTENTS, MINILM, SUPPORT_TICKETS, TINY_BERT


NAME = "08_peft_and_search"

# -- Settings ----------------------------------------------------------------------------------------------------
# Lab 08 puts the parameter-efficient family on one task at one budget: `steps` optimizer steps of `batch_size`
# for every method; lrs: each method's candidate learning rates (the one with the best validation accuracy is
# kept: the rate is part of the method). Module names are the model's own: BERT's query/value and
# attention.output.dense/output.dense, DistilBERT's q_lin/v_lin and attention.out_lin/ffn.lin2. IA3 scales keys,
# values and the feed-forward's inner activation, i.e. the input of its second Linear (BERT's layer.N.output.dense,
# a regex so attention.output.dense stays out; DistilBERT's lin2). search_space: LoRA's learning rate (log
# range), rank (choices) and dropout (range); search_grid: the grid sampler's points inside it (its size is every
# sampler's trial budget; its rates are not section 5's candidates); every trial trains `steps` steps, with
# search_reports validation reports for the pruner; random and TPE run search_repeats times (other sampler
# seeds); search_top: configurations rerun, with the default LoRA, on search_seeds fresh seeds. switch_data: a
# second task (other labels) for the adapter switch, trained switch_steps steps. full: banking77 (77 intents)
# has train/test; validation is carved from train.
MEANING = dict(
    batch_size='examples per optimizer step, for every method',
    lrs="each method's candidate learning rates; the best on validation is kept (the rate is part of the method)",
    ia3_targets="modules IA3 scales: keys, values and the feed-forward's second Linear (a regex, or names)",
    ia3_feedforward='which of ia3_targets are feed-forward (IA3 scales their input, not their output)',
    adapter_after='the modules a bottleneck adapter is added after',
    adapter_size="the bottleneck adapter's inner width",
    virtual_tokens='learnt tokens of prompt tuning, prefix tuning and P-tuning',
    search_space="LoRA's search: learning rate (log range), rank (choices), dropout (range)",
    search_grid="the grid sampler's points in search_space; its size is every sampler's trial budget",
    search_reports='validation reports per trial, for the pruner',
    search_repeats='runs of the random and TPE samplers with other sampler seeds',
    search_top='best configurations rerun, beside the default LoRA, on fresh seeds',
    search_seeds='fresh seeds of those reruns',
    switch_data='a second task (other labels) for the adapter switch',
    switch_steps="optimizer steps of the second task's adapter",
    latency_batch='texts per batch when timing a prediction',
)
TABLE = profiles.table(
    NAME, MEANING,
    common=dict(columns=None, split="stratified 70/15/15", lora_r=8, switch_data=SUPPORT_TICKETS, latency_batch=32),
    smoke=dict(model=TINY_BERT, data=INTENTS, train_size=480, eval_size=96, max_length=32, batch_size=16, steps=20,
        lrs=dict(full=[3e-3], head=[1e-2], bias=[1e-2], lora=[5e-3, 2e-2], rslora=[2e-3], dora=[5e-3], lora_all=[5e-3], ia3=[2e-2], lokr=[2e-2], prompt=[3e-2], prefix=[1e-2], ptuning=[1e-2], adapter=[5e-3]),
        lora_targets=["query", "value"], ia3_targets=r".*\.(key|value|layer\.\d+\.output\.dense)",
        ia3_feedforward=r".*\.layer\.\d+\.output\.dense", adapter_after=["attention.output.dense", "output.dense"],
        adapter_size=16, head_modules=["pooler"], virtual_tokens=10,
        search_space=dict(learning_rate=[1e-3, 3e-2], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
        search_grid=dict(learning_rate=[2.5e-3, 1.2e-2], lora_r=[16], lora_dropout=[0.1]), search_reports=2,
        search_repeats=1, search_top=1, search_seeds=2, switch_steps=8),
    cpu=dict(model=MINILM, data=INTENTS, train_size=None, eval_size=None, max_length=32, batch_size=16, steps=75,
        lrs=dict(full=[1e-4, 3e-4], head=[3e-3, 1e-2], bias=[1e-3, 5e-3], lora=[1e-3, 5e-3], rslora=[5e-4, 2e-3], dora=[1e-3, 5e-3], lora_all=[1e-3, 5e-3], ia3=[5e-3, 2e-2], lokr=[5e-3, 2e-2], prompt=[1e-2, 3e-2], prefix=[3e-3, 1e-2], ptuning=[3e-3, 1e-2], adapter=[1e-3, 5e-3]),
        lora_targets=["query", "value"], ia3_targets=r".*\.(key|value|layer\.\d+\.output\.dense)",
        ia3_feedforward=r".*\.layer\.\d+\.output\.dense", adapter_after=["attention.output.dense", "output.dense"],
        adapter_size=32, head_modules=["pooler"], virtual_tokens=20,
        search_space=dict(learning_rate=[3e-4, 1e-2], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
        search_grid=dict(learning_rate=[7e-4, 4e-3], lora_r=[4, 16], lora_dropout=[0.1]), search_reports=3,
        search_repeats=3, search_top=2, search_seeds=3, switch_steps=40),
    full=dict(model="distilbert/distilbert-base-uncased", data="mteb/banking77", train_size=None, eval_size=None,
        max_length=64, batch_size=32, steps=1500,
        lrs=dict(full=[3e-5, 1e-4], head=[1e-3, 5e-3], bias=[5e-4, 2e-3], lora=[5e-4, 2e-3], rslora=[2e-4, 7e-4], dora=[5e-4, 2e-3], lora_all=[5e-4, 2e-3], ia3=[3e-3, 1e-2], lokr=[3e-3, 1e-2], prompt=[1e-2, 3e-2], prefix=[3e-3, 1e-2], ptuning=[3e-3, 1e-2], adapter=[5e-4, 2e-3]),
        lora_targets=["q_lin", "v_lin"], ia3_targets=["k_lin", "v_lin", "lin2"], ia3_feedforward=["lin2"],
        adapter_after=["attention.out_lin", "ffn.lin2"], adapter_size=64, head_modules=["pre_classifier"],
        virtual_tokens=20, search_space=dict(learning_rate=[1e-4, 5e-3], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
        search_grid=dict(learning_rate=[2.5e-4, 1.5e-3], lora_r=[4, 16], lora_dropout=[0.1]), search_reports=3,
        search_repeats=1, search_top=2, search_seeds=3, switch_steps=300),
)


# -- Helpers -------------------------------------------------------------------------------------------------------
def pareto_front(table, cost: str, score: str) -> list:
    """Rows of ``table`` (a DataFrame indexed by method) that no other row beats on both: lower-or-equal ``cost``
    and higher-or-equal ``score``, one of them strictly (lab 08's accuracy vs trainable parameters). Cheapest first."""
    front = []
    for name, row in table.iterrows():
        others = table.drop(index=name)
        dominated = ((others[cost] <= row[cost]) & (others[score] >= row[score])
                     & ((others[cost] < row[cost]) | (others[score] > row[score]))).any()
        if not dominated:
            front.append(name)
    return sorted(front, key=lambda n: table.loc[n, cost])


# -- Lesson checks -------------------------------------------------------------------------------------------------
def check_grid_size(answer, grid: dict) -> bool:
    """Exercise (lab 08): how many trials does a grid search over ``grid`` (name -> list of values) need?"""
    import math

    expected = math.prod(len(values) for values in grid.values())
    return verdict(answer, expected,
                   hint="a grid tries every combination: one value of each hyperparameter, in all combinations.",
                   wrong=f"Multiply the number of values of each hyperparameter: "
                         f"{' x '.join(str(len(v)) for v in grid.values())}.")


def check_adapter_params(answer, hidden: int, size: int) -> bool:
    """Exercise (lab 08): parameters of one bottleneck adapter: Linear(hidden, size) + Linear(size, hidden)."""
    expected = 2 * hidden * size + size + hidden
    return verdict(answer, expected,
                   hint=f"down: Linear({hidden}, {size}) has {hidden} x {size} weights and {size} biases; up goes "
                        "back the other way.",
                   wrong=f"down: {hidden}*{size} + {size}; up: {size}*{hidden} + {hidden}.")


# -- Figures -------------------------------------------------------------------------------------------------------
def plot_pareto(table, front, cost: str = "trainable_params", score: str = "accuracy", size: str = "train_seconds"):
    """Score against cost (symmetric log axis: 0 shows) per method, marker area by ``size`` (train seconds), the
    frontier drawn (lab 08: validation accuracy against the parameters a method adds to the shared head)."""
    fig, ax = plt.subplots(figsize=(9, 5))
    area = 40 + 400 * table[size] / max(table[size].max(), 1e-9)
    for i, (name, row) in enumerate(table.iterrows()):
        ax.scatter(row[cost], row[score], s=area[name], color=COLORS[i % len(COLORS)], alpha=0.75,
                   edgecolor="k", lw=0.5)
        ax.annotate(name, (row[cost], row[score]), textcoords="offset points", xytext=(6, 4), fontsize=8)
    ax.plot(table.loc[front, cost], table.loc[front, score], "k--", lw=1, label="frontier: nothing cheaper scores more")
    ax.set_xscale("symlog", linthresh=1)   # log scale that also shows a cost of 0 (the frozen body)
    ax.set(xlabel=f"{cost.replace('_', ' ')} (log scale above 1)", ylabel=score.replace("_", " "),
           title=f"{score} vs {cost.replace('_', ' ')} (marker area: {size.replace('_', ' ')})")
    ax.legend(loc="lower right")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_search_progress(values: dict, default: float | None = None):
    """Best validation score so far against the trial number, one line per search (lab 08; a pruned trial's value is
    None and shows no dot); the default configuration's score as a dotted line."""
    fig, ax = plt.subplots(figsize=(7, 3.8))
    for i, (sampler, trial_values) in enumerate(values.items()):
        trial_values = np.array([np.nan if v is None else v for v in trial_values], dtype=float)   # None: pruned
        best = np.fmax.accumulate(trial_values)
        trials = np.arange(1, len(best) + 1)
        ax.plot(trials, best, "-o", color=COLORS[i % len(COLORS)], label=f"{sampler} (best {best[-1]:.3f})")
        ax.scatter(trials, trial_values, color=COLORS[i % len(COLORS)], alpha=0.3, s=15)
    if default is not None:
        ax.axhline(default, color="k", ls=":", lw=1, label=f"default LoRA ({default:.3f})")
    ax.set(xlabel="trial", ylabel="validation accuracy (best so far; dots: each trial)",
           title="Hyperparameter search: same space, same trial budget")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


# -- Exercise and study key ----------------------------------------------------------------------------------------
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


# the function the lab asks for, its cases, the library's answers, the library
EXERCISE = exercises.Exercise("lora_parameters", _lora_cases, _lora_reference, "peft's LoRA on a Linear layer")
