"""Which model should lab 02's `cpu` profile train? Measures the two offline candidates on the same budget.

No pretrained seq2seq model can be had offline, so the candidates are
  - ``scratch:t5-3x256``: a small T5 (3+3 layers, d_model 256) with random weights and a tokenizer built from the project's data
    (labs_lib.builders.build_t5), trained from scratch;
  - ``minilm2minilm``: an ``EncoderDecoderModel`` warm-started from the packaged all-MiniLM-L6-v2 (encoder and
    decoder both start from its weights; the decoder's cross-attention starts random).
Each is fully fine-tuned on each task of the lab (dialogue, document) for the same wall-clock budget, then
summarizes the held-out validation and test splits with the lab's prompt and beam search; ROUGE is printed.

    .venv/bin/python benchmarks/summarization_cpu_candidates.py            # 150 s per task and candidate
    .venv/bin/python benchmarks/summarization_cpu_candidates.py --seconds 60 --candidates scratch:t5-3x256

Takes about 7 minutes per candidate at the default budget on 2 cores. Run nothing else meanwhile: it is a timing.
Constant learning rate after 20 warm-up steps (the lab itself decays it linearly over a fixed number of epochs).

Measured 2026-11-24 on the 2-core build machine, default budget, nothing else running (test = 50 held-out examples):

| candidate | task | steps | s/step | params | val ROUGE-1 | test ROUGE-1 | test ROUGE-2 | test ROUGE-L |
|---|---|---|---|---|---|---|---|---|
| scratch:t5-3x256 | dialogue | 288 | 0.52 | 4.2 M | 0.628 | 0.594 | 0.382 | 0.548 |
| scratch:t5-3x256 | document | 276 | 0.54 | 4.2 M | 0.540 | 0.465 | 0.235 | 0.416 |
| minilm2minilm | dialogue | 41 | 3.75 | 49.0 M | 0.346 | 0.341 | 0.058 | 0.229 |
| minilm2minilm | document | 57 | 2.66 | 49.0 M | 0.000 | 0.000 | 0.000 | 0.000 |

The warm-started model is 12x larger and 5-7x slower per step, so it sees a fifth of the examples in the same time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq, EncoderDecoderModel,  # noqa: E402
                          PrinterCallback, Seq2SeqTrainer, Seq2SeqTrainingArguments, TrainerCallback, set_seed)

from labs_lib import metrics, models, runtime, summaries  # noqa: E402
from labs_lib.sources import DIALOGUES, DOCUMENTS, MINILM, SMALL_T5  # noqa: E402

PROMPTS = {"dialogue": "Summarize the following conversation.\n\n{text}\n\nSummary:",  # as in the lab
           "document": "Summarize the following article.\n\n{text}\n\nSummary:"}
LEARNING_RATES = {SMALL_T5: 1e-3, "minilm2minilm": 5e-4}


def minilm2minilm() -> str:
    """The warm-started encoder-decoder, saved once to a temporary folder."""
    out = Path(tempfile.gettempdir()) / "labs_lib" / "minilm2minilm"
    if not (out / "config.json").exists():
        source = models.model_path(MINILM)
        tokenizer = AutoTokenizer.from_pretrained(source)
        torch.manual_seed(0)
        model = EncoderDecoderModel.from_encoder_decoder_pretrained(source, source)
        for config in (model.config, model.generation_config):
            config.decoder_start_token_id = tokenizer.cls_token_id
            config.eos_token_id = tokenizer.sep_token_id
            config.pad_token_id = tokenizer.pad_token_id
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
    return str(out)


class StopAfter(TrainerCallback):
    def __init__(self, seconds):
        self.seconds, self.start = seconds, time.perf_counter()

    def on_step_end(self, args, state, control, **kwargs):
        control.should_training_stop = time.perf_counter() - self.start > self.seconds


def measure(candidate: str, task: str, seconds: float, batch_size: int = 16) -> dict:
    set_seed(0)
    path = minilm2minilm() if candidate == "minilm2minilm" else models.model_path(candidate)
    tokenizer, model = AutoTokenizer.from_pretrained(path), AutoModelForSeq2SeqLM.from_pretrained(path)
    data = summaries.load_summaries({"dialogue": DIALOGUES, "document": DOCUMENTS}[task], task)

    def tokenize(batch):
        encoded = tokenizer([PROMPTS[task].format(text=t) for t in batch[task]], max_length=384, truncation=True)
        encoded["labels"] = tokenizer(text_target=batch["summary"], max_length=64, truncation=True)["input_ids"]
        return encoded

    args = Seq2SeqTrainingArguments(
        output_dir=tempfile.mkdtemp(), per_device_train_batch_size=batch_size, learning_rate=LEARNING_RATES[candidate],
        num_train_epochs=1000, warmup_steps=20, lr_scheduler_type="constant_with_warmup", logging_steps=10,
        save_strategy="no", report_to="none", disable_tqdm=True, seed=0)
    trainer = Seq2SeqTrainer(model=model, args=args, train_dataset=data["train"].map(tokenize, batched=True,
                             remove_columns=data["train"].column_names), processing_class=tokenizer,
                             data_collator=DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100),
                             callbacks=[StopAfter(seconds)])
    trainer.remove_callback(PrinterCallback)
    start = time.perf_counter()
    trainer.train()
    trained = time.perf_counter() - start
    model.eval()
    row = {"candidate": candidate, "task": task, "train_seconds": round(trained), "steps": trainer.state.global_step,
           "seconds_per_step": round(trained / trainer.state.global_step, 2),
           "params": models.count_parameters(model)[1]}
    for split in ("validation", "test"):
        predicted = []
        for i in range(0, len(data[split]), 25):
            inputs = tokenizer([PROMPTS[task].format(text=t) for t in data[split][task][i:i + 25]], padding=True,
                               truncation=True, max_length=384, return_tensors="pt")
            with torch.no_grad():
                predicted += tokenizer.batch_decode(model.generate(**inputs, max_new_tokens=64, num_beams=4),
                                                    skip_special_tokens=True)
        scores = metrics.rouge_scores(predicted, data[split]["summary"]).mean()
        row.update({f"{split}_{name}": round(float(v), 4) for name, v in scores.items()})
    row["test_example"] = predicted[0]
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=150, help="training budget per task and candidate")
    parser.add_argument("--candidates", nargs="+", default=list(LEARNING_RATES), choices=list(LEARNING_RATES))
    parser.add_argument("--tasks", nargs="+", default=list(summaries.TASKS))
    args = parser.parse_args()
    runtime.quiet_logs()
    torch.manual_seed(0)
    rows = []
    for candidate in args.candidates:
        for task in args.tasks:
            rows.append(measure(candidate, task, args.seconds))
            print(json.dumps(rows[-1]), flush=True)
    print()
    print("| candidate | task | steps | s/step | params | val ROUGE-1 | val ROUGE-L | test ROUGE-1 | test ROUGE-2 | test ROUGE-L |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['candidate']} | {r['task']} | {r['steps']} | {r['seconds_per_step']} | {r['params'] / 1e6:.1f} M "
              f"| {r['validation_rouge1']:.3f} | {r['validation_rougeL']:.3f} | {r['test_rouge1']:.3f} "
              f"| {r['test_rouge2']:.3f} | {r['test_rougeL']:.3f} |")


if __name__ == "__main__":
    main()
