"""Lab 08: the parameter-efficient family, and a hyperparameter search.

Everything only this lab uses, in the order every lab module keeps: its settings (one table for the three profiles),
the code its notebook teaches that the tests reuse (generated from the notebook's #@save cells), its helpers (the
plumbing of sections 1 to 10, each saying where), its lesson checks, its figures, its exercise and study key. The
notebook imports it as ``lab``.
"""

from __future__ import annotations

import math
import os
import tempfile
import time

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from torch import nn
from transformers import Trainer, TrainerCallback

from labs_lib import exercises, metrics, profiles
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
        lrs=dict(full=[3e-3], head=[1e-2], bias=[1e-2], lora=[5e-3, 2e-2], rslora=[2e-3], dora=[5e-3],
                 lora_all=[5e-3], ia3=[2e-2], lokr=[2e-2], prompt=[3e-2], prefix=[1e-2], ptuning=[1e-2],
                 adapter=[5e-3]),
        lora_targets=["query", "value"], ia3_targets=r".*\.(key|value|layer\.\d+\.output\.dense)",
        ia3_feedforward=r".*\.layer\.\d+\.output\.dense", adapter_after=["attention.output.dense", "output.dense"],
        adapter_size=16, head_modules=["pooler"], virtual_tokens=10,
        search_space=dict(learning_rate=[1e-3, 3e-2], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
        search_grid=dict(learning_rate=[2.5e-3, 1.2e-2], lora_r=[16], lora_dropout=[0.1]), search_reports=2,
        search_repeats=1, search_top=1, search_seeds=2, switch_steps=8),
    cpu=dict(model=MINILM, data=INTENTS, train_size=None, eval_size=None, max_length=32, batch_size=16, steps=75,
        lrs=dict(full=[1e-4, 3e-4], head=[3e-3, 1e-2], bias=[1e-3, 5e-3], lora=[1e-3, 5e-3], rslora=[5e-4, 2e-3],
                 dora=[1e-3, 5e-3], lora_all=[1e-3, 5e-3], ia3=[5e-3, 2e-2], lokr=[5e-3, 2e-2], prompt=[1e-2, 3e-2],
                 prefix=[3e-3, 1e-2], ptuning=[3e-3, 1e-2], adapter=[1e-3, 5e-3]),
        lora_targets=["query", "value"], ia3_targets=r".*\.(key|value|layer\.\d+\.output\.dense)",
        ia3_feedforward=r".*\.layer\.\d+\.output\.dense", adapter_after=["attention.output.dense", "output.dense"],
        adapter_size=32, head_modules=["pooler"], virtual_tokens=20,
        search_space=dict(learning_rate=[3e-4, 1e-2], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
        search_grid=dict(learning_rate=[7e-4, 4e-3], lora_r=[4, 16], lora_dropout=[0.1]), search_reports=3,
        search_repeats=3, search_top=2, search_seeds=3, switch_steps=40),
    full=dict(model="distilbert/distilbert-base-uncased", data="mteb/banking77", train_size=None, eval_size=None,
        max_length=64, batch_size=32, steps=1500,
        lrs=dict(full=[3e-5, 1e-4], head=[1e-3, 5e-3], bias=[5e-4, 2e-3], lora=[5e-4, 2e-3], rslora=[2e-4, 7e-4],
                 dora=[5e-4, 2e-3], lora_all=[5e-4, 2e-3], ia3=[3e-3, 1e-2], lokr=[3e-3, 1e-2], prompt=[1e-2, 3e-2],
                 prefix=[3e-3, 1e-2], ptuning=[3e-3, 1e-2], adapter=[5e-4, 2e-3]),
        lora_targets=["q_lin", "v_lin"], ia3_targets=["k_lin", "v_lin", "lin2"], ia3_feedforward=["lin2"],
        adapter_after=["attention.out_lin", "ffn.lin2"], adapter_size=64, head_modules=["pre_classifier"],
        virtual_tokens=20, search_space=dict(learning_rate=[1e-4, 5e-3], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
        search_grid=dict(learning_rate=[2.5e-4, 1.5e-3], lora_r=[4, 16], lora_dropout=[0.1]), search_reports=3,
        search_repeats=1, search_top=2, search_seeds=3, switch_steps=300),
)


# -- Taught in the notebook ----------------------------------------------------------------------------------------
# Generated by scripts/export_taught.py from the #@save definitions of notebooks/08_peft_and_search.ipynb:
# edit them there, then run the script.
from labs_lib import models


# notebooks/08_peft_and_search.ipynb, section "4. The methods"
class BottleneckAdapter(nn.Module):
    """Down-project, non-linearity, up-project, add the input back (Houlsby et al., 2019)."""
    def __init__(self, hidden, size):
        super().__init__()
        self.down, self.up = nn.Linear(hidden, size), nn.Linear(size, hidden)
        nn.init.zeros_(self.up.weight)   # starts as the identity: the pretrained model is unchanged at step 0
        nn.init.zeros_(self.up.bias)

    def forward(self, x):
        return x + self.up(nn.functional.gelu(self.down(x)))


# notebooks/08_peft_and_search.ipynb, section "4. The methods"
def add_bottleneck_adapters(model, after, size, is_head):
    """Freeze the model, then put an adapter after each sub-layer named in `after` (e.g. BERT's
    "attention.output.dense" and "output.dense") of every block; layer norms and the head (`is_head(name)`) train."""
    for param in model.parameters():
        param.requires_grad = False
    for block in models.encoder_layers(model):
        for path in after:
            parent, _, leaf = path.rpartition(".")
            holder = block.get_submodule(parent)
            linear = getattr(holder, leaf)
            setattr(holder, leaf, nn.Sequential(linear, BottleneckAdapter(linear.out_features, size)))
    for name, param in model.named_parameters():
        if ".1.down." in name or ".1.up." in name or "norm" in name.lower() or is_head(name):
            param.requires_grad = True
    return model

# -- end of the taught code


# -- Helpers -------------------------------------------------------------------------------------------------------
def show_intents(train, label_names) -> None:
    """Section 1: the number of classes and chance level, words per text, and one example of each intent (a table)."""
    from IPython.display import display

    frame = train.to_pandas().assign(label=lambda d: d.label.map(dict(enumerate(label_names))))
    words = frame.text.str.split().str.len()
    print(f"{len(label_names)} classes (chance {1 / len(label_names):.1%}); words per text: median {words.median():.0f}, "
          f"max {words.max()}")
    display(frame.groupby("label").agg(examples=("text", "size"), example=("text", "first")).head(20))


def print_token_lengths(input_ids, max_length: int) -> None:
    """Section 2: tokens per text, and the share that ``max_length`` cuts."""
    lengths = [len(ids) for ids in input_ids]
    print(f"tokens per text: median {np.median(lengths):.0f}, max {max(lengths)}; "
          f"{np.mean([n >= max_length for n in lengths]):.1%} cut at max_length={max_length}")


def tfidf_baseline(raw) -> dict:
    """Section 2: lab 01's baseline, TF-IDF of words and word pairs with a logistic regression, fitted on the train
    split; its test scores."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    tfidf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2), LogisticRegression(max_iter=2000))
    tfidf.fit(list(raw["train"]["text"]), list(raw["train"]["label"]))
    return metrics.classification_scores(list(raw["test"]["label"]), tfidf.predict(list(raw["test"]["text"])))


NO_DECAY = ("ia3_", "lora_magnitude_vector")   # IA3's scaling vectors, DoRA's magnitudes


class LabTrainer(Trainer):
    """Section 3: the Trainer every run of the lab uses. No weight decay on NO_DECAY parameters (they start at 1 and
    at the weights' norms; decay would shrink the pretrained activations), and LoRA+'s optimizer (peft's
    create_loraplus_optimizer: B learns ``loraplus_lr_ratio`` times faster than A) for a model that sets that ratio."""
    def get_decay_parameter_names(self, model):
        return [n for n in super().get_decay_parameter_names(model) if not any(k in n for k in NO_DECAY)]

    def create_optimizer(self, model=None):
        import torch
        from peft.optimizers import create_loraplus_optimizer

        ratio = getattr(self.model, "loraplus_lr_ratio", None)
        if ratio and self.optimizer is None:
            self.optimizer = create_loraplus_optimizer(self.model, torch.optim.AdamW, lr=self.args.learning_rate,
                                                       loraplus_lr_ratio=ratio, weight_decay=self.args.weight_decay)
        return super().create_optimizer(model)


def compute_metrics(eval_pred) -> dict:
    """The Trainer's metrics for every run of the lab (section 3's ``train``): accuracy and macro F1 of the logits."""
    from sklearn.metrics import accuracy_score, f1_score

    logits, labels = eval_pred
    preds = np.argmax(logits[0] if isinstance(logits, tuple) else logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "f1_macro": f1_score(labels, preds, average="macro")}


def timed_training(trainer, cuda: bool) -> tuple[float, float]:
    """Section 3's ``train``: ``trainer.train()``, then (the seconds it took, the GPU's peak memory in MB; NaN on a
    CPU, whose process memory is no such measure)."""
    import torch

    if cuda:
        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    trainer.train()
    seconds = time.perf_counter() - start
    return seconds, torch.cuda.max_memory_allocated() / 2**20 if cuda else float("nan")


def timed_ms(action):
    """(``action()``, the milliseconds it took): the one-off timings of sections 6 to 8 (building, switching,
    loading)."""
    start = time.perf_counter()
    result = action()
    return result, 1000 * (time.perf_counter() - start)


def forward_error(build, batch) -> str | None:
    """Section 5: one forward pass of ``build()`` on ``batch``; the error of a method this architecture cannot take
    (prefix tuning needs past key values, which DistilBERT lacks), None when it runs."""
    try:
        build()(**batch)
    except ValueError as err:
        return str(err)
    return None


def print_fit(name: str, best: dict, tried: dict) -> None:
    """Section 5: a method's chosen learning rate, the validation accuracy of each candidate, seconds, and its
    logged training loss, first -> last."""
    losses = np.round([h["loss"] for h in best["trainer"].state.log_history if "loss" in h], 3)
    print(f"{name:30s} lr {best['lr']:.0e} (validation accuracy per lr: {tried}) "
          f"{best['seconds']:.0f} s, loss {losses[0]} -> {losses[-1]}")


def wilson_interval(predictions, labels, level: float = 0.95) -> tuple[float, float]:
    """Wilson interval of a final model's test accuracy (sections 6 and 9): the test split is a sample, its accuracy
    an estimate."""
    from scipy.stats import binomtest

    correct = int((np.asarray(predictions) == np.asarray(labels)).sum())
    ci = binomtest(correct, len(predictions)).proportion_ci(confidence_level=level, method="wilson")
    return round(float(ci.low), 3), round(float(ci.high), 3)


def model_state_mb(model) -> float:
    """Computed, not measured (section 6): every weight, plus a gradient and AdamW's two moments per trainable weight
    (MB). Activations come on top and grow with batch and sequence length."""
    return sum(p.numel() * p.element_size() * (4 if p.requires_grad else 1) for p in model.parameters()) / 2**20


def stored_bytes(model) -> tuple[int, str]:
    """Section 6: what one task stores, and the folder it went to: a peft model's adapter folder, a fully trained
    model whole, else (BitFit, the frozen body, the Houlsby adapter) the trainable tensors."""
    from peft import PeftModel
    from safetensors.torch import save_file

    folder = tempfile.mkdtemp(prefix="lab08-stored-")
    if isinstance(model, PeftModel) or all(p.requires_grad for p in model.parameters()):
        model.save_pretrained(folder)   # an adapter folder, or the whole model
    else:
        save_file({n: p.detach().contiguous().cpu() for n, p in model.named_parameters() if p.requires_grad},
                  os.path.join(folder, "trainable.safetensors"))
    return sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)), folder


def latency_ms(model, probe: dict, repeats: int = 5) -> float:
    """Sections 6 and 7: median milliseconds to classify the ``probe`` batch (training texts, never test ones), after
    one warm-up pass."""
    import torch

    cuda = next(iter(probe.values())).is_cuda
    model.eval()
    with torch.inference_mode():
        model(**probe)   # warm-up
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            model(**probe)
            if cuda:
                torch.cuda.synchronize()
            times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def costs(model, best: dict, is_head, probe: dict) -> tuple[dict, str]:
    """Section 6's cost columns of a trained method (``best``: its run, from ``fit``): parameters, bytes stored,
    seconds, parameters the method adds to the shared head (``body_params``, the frontier's cost), computed and
    measured memory, latency; and the folder it was stored in."""
    trainable, total = models.count_parameters(model)
    size, folder = stored_bytes(model)
    return {"trainable_params": trainable, "total_params": total, "adapter_bytes": size,
            "train_seconds": round(best["seconds"], 1),
            "body_params": sum(p.numel() for n, p in model.named_parameters() if p.requires_grad and not is_head(n)),
            "model_state_mb": round(model_state_mb(model), 1), "peak_gpu_mb": round(best["peak_mb"], 1),
            "latency_ms": round(latency_ms(model, probe), 1)}, folder


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


def print_frontier(table, front) -> None:
    """Section 6: the methods on the frontier, cheapest first, with their validation and test accuracy."""
    print("frontier on validation, cheapest first:\n" + "\n".join(
        f"  {m}: {table.loc[m, 'body_params']:,} params, validation {table.loc[m, 'val_accuracy']:.3f}, "
        f"test {table.loc[m, 'accuracy']:.3f} "
        f"(95% CI {table.loc[m, 'test_ci_low']:.3f}-{table.loc[m, 'test_ci_high']:.3f})"
        for m in front))


def decayed_vectors(trainer, keys) -> tuple[int, int]:
    """Section 6: (trainable parameters whose name holds one of ``keys``, how many of them sit in an optimizer group
    with weight decay)."""
    decayed = {id(p) for g in trainer.optimizer.param_groups if g["weight_decay"] > 0 for p in g["params"]}
    vectors = [p for n, p in trainer.model.named_parameters() if p.requires_grad and any(k in n for k in keys)]
    return len(vectors), sum(id(p) in decayed for p in vectors)


def try_merge(model) -> str:
    """Section 7: "merged" when ``merge_and_unload`` folds the method into the weights; a prompt-learning model has
    no merge (there are no weight updates to fold), and says so."""
    try:
        model.merge_and_unload()
        return "merged"
    except AttributeError as err:
        return f"cannot merge ({type(err).__name__})"


class TaskSwitcher(nn.Module):
    """Section 8: one body with a LoRA adapter per task, one linear head per task (read with mean pooling);
    ``switch(task)`` selects both."""
    def __init__(self, body, heads):
        super().__init__()
        self.body, self.heads, self.task = body, nn.ModuleDict(heads), None

    def switch(self, task):
        self.body.set_adapter(task)   # peft: this adapter is used (and trained); the others rest
        for name, head in self.heads.items():
            head.requires_grad_(name == task)
        self.task = task

    def forward(self, input_ids, attention_mask, labels=None):
        hidden = self.body(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        logits = self.heads[self.task]((hidden * mask).sum(1) / mask.sum(1))   # mean pooling
        loss = nn.functional.cross_entropy(logits, labels) if labels is not None else None
        return {"loss": loss, "logits": logits}


def positions(model, probe: dict) -> int:
    """Section 7: the length of the sequence the body's last layer returns for the ``probe`` batch."""
    import torch

    with torch.inference_mode():
        return model(**probe, output_hidden_states=True).hidden_states[-1].shape[1]


def like_with_like(full_model, full_folder, body, adapter_folder, adapter_name: str) -> dict:
    """Section 8's timings (ms), like with like. In memory: another task's full weights put into the loaded full
    model (``load_state_dict``), against ``set_adapter`` (timed in the notebook). From disk: an adapter folder loaded
    into the body already in memory (``body.load_adapter(adapter_folder, adapter_name)``), against a whole fine-tuned
    model (``from_pretrained(full_folder)``)."""
    from transformers import AutoModelForSequenceClassification

    other_task = {k: v.clone() for k, v in full_model.state_dict().items()}
    _, swap_ms = timed_ms(lambda: full_model.load_state_dict(other_task))
    _, adapter_ms = timed_ms(lambda: body.load_adapter(adapter_folder, adapter_name=adapter_name))
    _, load_ms = timed_ms(lambda: AutoModelForSequenceClassification.from_pretrained(full_folder))
    return {"load_state_dict_full_model_ms": swap_ms, "load_adapter_from_disk_ms": adapter_ms,
            "load_full_model_from_disk_ms": load_ms}


def folder_kb(folder) -> float:
    """Section 8: the kilobytes of the files in ``folder`` (one saved adapter)."""
    return sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)) / 1024


def print_switch(switch: dict) -> None:
    """Section 8: the timings, like with like, and the bytes stored per task."""
    print(f"in memory: set_adapter {switch['set_adapter_ms']:.2f} ms vs a full model's load_state_dict "
          f"{switch['load_state_dict_full_model_ms']:.1f} ms; from disk: an adapter "
          f"{switch['load_adapter_from_disk_ms']:.0f} ms vs a full model {switch['load_full_model_from_disk_ms']:.0f} ms")
    print(f"stored per task: adapter {switch['adapter_kb']} KB (+ a head), full model {switch['full_model_kb']:,.0f} KB")


def score_merged(switcher, adapter: str, tasks: dict, trainers: dict) -> dict:
    """Section 8: each task's validation accuracy with its own head (``switcher.switch(task)``) on the body's
    ``adapter`` (a merged one), evaluated by the task's trainer."""
    scores = {}
    for task, (splits, _) in tasks.items():
        switcher.switch(task)   # the task's own head ...
        switcher.body.set_adapter(adapter)   # ... on the merged body
        scores[task] = trainers[task].evaluate(splits["validation"])["eval_accuracy"]
    return scores


def merge_table(own: dict, merged: dict) -> pd.DataFrame:
    """Section 8: validation accuracy per task with its own adapter and with each merged body (shown), and the
    worst task's loss from sharing one body (printed)."""
    from IPython.display import display

    table = pd.DataFrame({"own adapter": own, **{f"merged ({how})": s for how, s in merged.items()}})
    display(table.round(3))
    cost = (table.drop(columns="own adapter").rsub(table["own adapter"], axis=0)).max()
    print("validation accuracy lost by sharing one merged body, worst task: "
          + ", ".join(f"{how} {loss:+.3f}" for how, loss in cost.items()))
    return table


class SearchReports(TrainerCallback):
    """Section 9: evaluate on validation ``reports`` times in a trial (the last step included), so the pruner has
    reports to judge; at each trial's end (pruned trials too), note in ``trained_with`` the (rank, dropout, learning
    rate) the model and its optimizer actually had."""
    def __init__(self, reports: int):
        self.reports, self.trained_with = reports, []

    def on_step_end(self, args, state, control, **kwargs):
        every = math.ceil(state.max_steps / self.reports)
        control.should_evaluate = state.global_step % every == 0 or state.global_step == state.max_steps

    def on_train_end(self, args, state, control, model=None, optimizer=None, **kwargs):
        rank = next(p for n, p in model.named_parameters() if "lora_A" in n).shape[0]
        self.trained_with.append((rank, model.peft_config["default"].lora_dropout,
                                  optimizer.param_groups[0]["initial_lr"]))


def print_search(label: str, study, seconds: float) -> None:
    """Section 9: a search's best validation accuracy and configuration, its pruned trials and its seconds."""
    pruned = sum(t.state.name == "PRUNED" for t in study.trials)
    print(f"{label:20s} best validation accuracy {study.best_value:.3f} with "
          f"{ {k: round(v, 4) for k, v in study.best_params.items()} } ({pruned} of {len(study.trials)} trials "
          f"pruned, {seconds:.0f} s)")


def trials_table(studies: dict) -> pd.DataFrame:
    """Section 9: one row per trial of every search: its parameters, state and validation accuracy (None for a
    pruned trial, whose value is only its last report)."""
    return pd.DataFrame([{"search": name, "trial": t.number, **t.params, "state": t.state.name,
                          "val_accuracy": t.value if t.state.name == "COMPLETE" else None}
                         for name, s in studies.items() for t in s.trials])


def best_per_sampler(studies: dict) -> pd.DataFrame:
    """Section 9: each search's best validation accuracy, summarised per sampler (count, min, mean, max)."""
    best = pd.DataFrame([{"sampler": name.split(" #")[0], "best": s.best_value} for name, s in studies.items()])
    return best.groupby("sampler", sort=False).best.agg(["count", "min", "mean", "max"])


def sampler_spread(by_sampler, n_validation: int) -> dict:
    """Section 9: do the samplers' ranges of best validation accuracy overlap (one value inside every range), how far
    apart are their means, and what is one validation accuracy's standard error, sqrt(p(1 - p) / n) at their mean
    p? The samplers are ``orderable`` only when the ranges do not all overlap and the means are more than two
    standard errors apart."""
    overlap = by_sampler["min"].max() <= by_sampler["max"].min()
    p = by_sampler["mean"].mean()
    val_se = np.sqrt(p * (1 - p) / n_validation)
    spread = by_sampler["mean"].max() - by_sampler["mean"].min()
    return dict(overlap=overlap, spread=spread, val_se=val_se, orderable=not overlap and spread > 2 * val_se)


def print_spread(spread: dict, repeats: int, default_val: float) -> None:
    """Section 9: ``sampler_spread``'s verdict, beside section 5's LoRA's validation accuracy."""
    print(f"best validation accuracy per search, over {repeats} sampler seed(s) for random and TPE: the samplers' "
          f"ranges {'overlap' if spread['overlap'] else 'do not all overlap'}, their means differ by "
          f"{spread['spread']:.3f} (one validation accuracy's standard error: {spread['val_se']:.3f}); section 5's "
          f"LoRA scored {default_val:.3f}")


def finalists(top, default: dict) -> list[dict]:
    """Section 9: the configurations rerun on fresh seeds: section 5's LoRA (``default``), then ``top`` (the search's
    best trials on validation) in order."""
    return [{"config": "section 5's LoRA", **default}] + [
        {"config": f"search's #{i + 1}", "learning_rate": c.learning_rate, "lora_r": int(c.lora_r),
         "lora_dropout": c.lora_dropout} for i, c in enumerate(top.itertuples())]


def print_gain(winner, fresh_seeds, diff, se, beats_noise: bool) -> None:
    """Section 9: the winner on fresh seeds, its paired differences from section 5's LoRA, their mean and standard
    error."""
    print(f"winner {winner['config']} (r={winner.lora_r}, dropout {winner.lora_dropout:.2f}, lr "
          f"{winner.learning_rate:.1e}) minus section 5's LoRA on fresh seeds {fresh_seeds}, validation: "
          f"{np.round(diff, 3).tolist()}, mean {diff.mean():+.3f}, standard error {se:.3f}: the gain is "
          + ("larger than" if beats_noise else "not larger than") + " two standard errors")


def conclusion(n_trials, by_sampler, spread: dict, fresh_seeds, diff, se, gain_beats_noise, tuned, default) -> str:
    """Section 9's closing paragraph, from this run's numbers (``spread``: ``sampler_spread``'s dict; ``tuned``,
    ``default``: (test accuracy, its interval) of the tuned LoRA and of section 5's)."""
    (tuned_accuracy, tuned_ci), (default_accuracy, default_ci) = tuned, default
    test_overlap = tuned_ci[0] <= default_ci[1] and default_ci[0] <= tuned_ci[1]
    return (
        f"Conclusion of this run. Searches of {n_trials} trials: the best validation accuracy per sampler ranged "
        + "; ".join(f"{s} {row['min']:.3f}-{row['max']:.3f}" for s, row in by_sampler.iterrows())
        + f" ({'overlapping' if spread['overlap'] else 'not all overlapping'}; means {spread['spread']:.3f} apart, "
        + f"against a standard error of {spread['val_se']:.3f} for one validation accuracy), so this budget "
        + ("separates some samplers, on few searches. " if spread["orderable"] else "cannot order the samplers. ")
        + f"On {len(fresh_seeds)} fresh seeds the search's winner minus section 5's LoRA was {diff.mean():+.3f} "
        f"(standard error {se:.3f}): {'more' if gain_beats_noise else 'no more'} than seed noise. On test the tuned "
        f"LoRA scored {tuned_accuracy:.3f} {tuned_ci} against {default_accuracy:.3f} "
        f"{default_ci}: the intervals {'overlap' if test_overlap else 'do not overlap'}.")


def method_rows(table) -> list[dict]:
    """Section 10: one results row per method of the cost table (its empty cells left out)."""
    return [{"method": m, **{k: v for k, v in row.items() if pd.notna(v)}} for m, row in table.iterrows()]


def search_log(studies: dict, seconds: dict) -> list[dict]:
    """Section 10: every search's trials (parameters, state, value), its best trial and its seconds."""
    return [{"search": name, "trials": [{"params": t.params, "state": t.state.name, "value": t.value}
                                        for t in s.trials],
             "best": {"params": s.best_trial.params, "value": s.best_trial.value},
             "seconds": round(seconds[name], 1)} for name, s in studies.items()]


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


def plot_search_progress(trials, default: float | None = None):
    """Best validation score so far against the trial number, one line per search of ``trials`` (``trials_table``'s
    frame; a pruned trial's value is None and shows no dot); the default configuration's score as a dotted line."""
    values = {name: list(part.val_accuracy) for name, part in trials.groupby("search", sort=False)}
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
