"""Writes notebooks/09_causal_lm.ipynb from the cells below: a drafting aid of the lab09-wip branch (cpu row not chosen
yet: it still names the tiny model; issue 20). Delete it once the notebook is edited by hand."""
import json
import sys

LAB = "09_causal_lm"
cells = []


def md(text):
    cells.append({"cell_type": "markdown", "metadata": {}, "source": text.strip("\n")})


def code(text, tags=None):
    cells.append({"cell_type": "code", "execution_count": None, "metadata": {"tags": tags} if tags else {},
                  "outputs": [], "source": text.strip("\n")})


md(f"""
# Lab 09 — A causal language model as a classifier: prompt–completion fine-tuning

[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)](https://colab.research.google.com/github/finetuning-labs/finetuning-labs/blob/main/notebooks/{LAB}.ipynb)

Labs 01–08 put a head on an encoder. Most people now reach first for a **decoder-only** model that writes text, and
ask it for the answer. Fine-tuning one for a task means showing it **prompt–completion pairs**: the review in the
prompt, the label as the completion, and the loss **on the completion only** — the model should learn to answer,
not to write reviews.

| method | what it does | cost |
|---|---|---|
| zero-shot prompting | ask the base model, no training | nothing to train; as good as the model's instructions-following |
| few-shot prompting | the same, with a few solved examples in the prompt | longer prompts at every call |
| prompt–completion fine-tuning (LoRA) | train on pairs, loss on the answer | a small adapter per task |
| the same on a 4-bit base (QLoRA) | the frozen base stored in 4 bits | less memory, some precision |
| classification head on the decoder | lab 01's recipe on a decoder: last token → linear head | no text out, always a valid label |

Each is read two ways: **free generation** parsed to a label (it can answer something that is no label: we count
how often) and **scoring** each label's likelihood after the prompt (always a valid label).

**Profiles**: `smoke` (a tiny random Llama, seconds, CI), `cpu` (no pretrained causal LM ships offline: a 4-layer
Llama pretrained for a few minutes on the project's own text the first time it is asked for, chosen by
`benchmarks/causal_lm_cpu_candidates.py`; a base model that never saw an instruction, so cpu figures show the
mechanics, not what an instruct model reaches), `full` (SmolLM2-360M-Instruct on IMDB, Colab GPU, LoRA).

**One difference in `cpu`** (`lora_r=None`): it trains every weight of its 4-million-parameter decoder. The benchmark
chose that on validation: LoRA adapters on that small, briefly pretrained model stayed at chance (validation
accuracy .49-.51, whether on q/v or on every Linear, and even with the answer tokens' embeddings trainable), while
full fine-tuning reached .71. LoRA is the method where there is a real pretrained model to adapt (`smoke`
checks its mechanics; `full` uses it).
""")

code(f"""
# Colab only: fetch the course and install this lab's pinned packages (once per runtime). Does nothing elsewhere.
import sys
if "google.colab" in sys.modules:
    import os, shutil, subprocess
    REPO = "/content/finetuning-labs"
    if not os.path.isfile(f"{{REPO}}/labs_lib/colab.py"):   # absent, or a clone that broke off: clone afresh
        shutil.rmtree(REPO, ignore_errors=True)
        subprocess.run(["git", "clone", "-q", "--depth", "1", "https://github.com/finetuning-labs/finetuning-labs",
                        REPO], check=True)   # a failed clone stops the notebook here
    sys.path.insert(0, REPO)
    from labs_lib import colab
    colab.install("{LAB}")   # pip, version check, and a clear "restart the runtime" when one is needed
""")

md("""
## Parameters
Tagged `parameters` (papermill can set it). **`overrides`** changes any setting of the table below it, e.g.
`{"train_size": 400, "epochs": 2}`. **Your own data**: `data_path` to a CSV / JSONL / Parquet file with a text and a
label column (or a folder with `train.*` and `test.*`); the label *names* become the words the model writes, so
name classes with words (`"positive"`, not `1`), and say what the task is: `overrides = {"task": "Which team should
answer this ticket?"}`.
""")

code("""
profile = None        # "smoke" | "cpu" | "full"; None: $LABS_PROFILE, else "full" on a GPU, else "cpu"
overrides = {}        # any setting of this lab's table, e.g. {"train_size": 400}
data_path = None      # your own file or folder; None: the profile's data (lab 01's reviews)
columns = None        # e.g. {"text": "review", "label": "sentiment"}
results_dir = None    # None: $LABS_RESULTS_DIR, else results/ at the repository root
seed = 42
""", tags=["parameters"])

code(f"""
import labs_lib   # first: it quiets libraries that talk while they load
import json, math, tempfile, time
import numpy as np
import pandas as pd
import torch
from IPython.display import display
from datasets import Dataset
from peft import LoraConfig, TaskType, get_peft_model
from transformers import (AutoModelForCausalLM, AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorForSeq2Seq, DataCollatorWithPadding, PrinterCallback, Trainer,
                          TrainingArguments, set_seed)

from labs_lib import checks, data, metrics, models, plots, prompting, results

rt = labs_lib.runtime.setup()   # device, precision (bf16 on Ampere+, fp16 on a T4, fp32 on a CPU), quiet logs
cfg = labs_lib.lab_config("{LAB}", profile, overrides, data_path=data_path, columns=columns)
model_id = models.model_path(cfg.model)
print(f"profile: {{cfg.profile}} | model: {{cfg.model}} | {{rt}}")
labs_lib.show_config(cfg)
""")

md("""
## 1. The data: lab 01's reviews, labels as words
The same labelled reviews as lab 01, so the figures compare. A causal LM answers in words, so each class needs a
name the tokenizer can write; `label_token_ids` refuses a name that is empty or that tokenizes to nothing.
""")

code("""
raw, report = data.load(cfg, "classification", seed=seed)
print(report)
label_names = report.labels
tokenizer = AutoTokenizer.from_pretrained(model_id)
print("labels:", label_names)
""")

md("""
## 2. The pad token, and which side to pad
A causal LM is trained on unbroken text: many (GPT-2, Llama) ship with **no pad token**. Batches need one. The
usual fix is `pad_token = eos_token`, with a trap: a collator that masks *every* pad id in the labels also masks
the real EOS at the end of each answer, and the model never learns to stop. We build the labels before padding
and pad them with -100 by position (`DataCollatorForSeq2Seq`), so the EOS stays a target.

Padding side: for training, right padding (the text starts at position 0). For **generation**, pad on the **left**:
the model continues from the last position, which must be the prompt's last token, not a pad.
""")

code("""
print("pad token before:", tokenizer.pad_token, "| eos:", tokenizer.eos_token)
if tokenizer.pad_token is None:
    tokenizer.pad_token = tokenizer.eos_token
print("pad token now:", repr(tokenizer.pad_token), "id", tokenizer.pad_token_id)
""")

md("""
## 3. The exact string the model sees
An instruct model was tuned on its **chat template**: the same roles and markers at fine-tuning and at inference.
`apply_chat_template(..., add_generation_prompt=True)` writes the user turn and opens the assistant's turn; the
completion is the assistant's answer followed by EOS. Few-shot examples are earlier user/assistant turns.
""")

code("""
INSTRUCTION = f"{cfg.task} Answer with one of: {', '.join(label_names)}."   # the task, then the allowed answers

def build_prompt(text, shots=()):
    \"\"\"The prompt for one review: solved examples (shots) as earlier turns, then the review; ends where the answer
    starts.\"\"\"
    messages = []
    for shot_text, shot_label in shots:
        messages += [{"role": "user", "content": f"{INSTRUCTION}\\nText: {shot_text}"},
                     {"role": "assistant", "content": shot_label}]
    messages.append({"role": "user", "content": f"{INSTRUCTION}\\nText: {text}"})
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

# each label's tokens as the answer writes them (after the assistant's opening): empty or shared ones stop here
label_ids = prompting.label_token_ids(tokenizer, label_names, context=build_prompt(""))
print({name: tokenizer.convert_ids_to_tokens(ids) for name, ids in label_ids.items()})

# Fit the review, not the pair: what the template and the longest answer + EOS leave of max_length (less a margin:
# a cut text can tokenize a little differently) is the review's budget, cut at a token boundary of the review.
template_tokens = len(tokenizer(build_prompt(""), add_special_tokens=False)["input_ids"])
review_budget = cfg.max_length - template_tokens - max(map(len, label_ids.values())) - 1 - 4

def fit(text, budget=review_budget):
    offsets = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]
    return text if len(offsets) <= budget else text[:offsets[budget - 1][1]]

cut = np.mean([fit(t) != t for t in raw["train"]["text"]])
print(f"template {template_tokens} tokens; review budget {review_budget} tokens: {cut:.0%} of training reviews are cut")
example = raw["train"][0]
print(build_prompt(fit(example["text"])) + label_names[example["label"]] + tokenizer.eos_token)
""")

md("""
## 4. Labels: -100 on every prompt token
The loss is cross-entropy on every position whose label is not -100. So the labels are the input ids with the
prompt positions set to -100: the model is scored on the answer and the EOS only. Two details decide whether that
holds on real data:
- tokenize the pair **as one text** and split it where the prompt's tokens end: a tokenizer can write a word
  differently at the start of a text than after a newline, and the model must learn the tokens it will meet;
- a pair must fit `max_length` **with its answer**. Cutting the pair's end (TRL's `truncation_mode="keep_start"`,
  its default) cuts the answer off long reviews: TRL then drops pairs left with no answer and trains others on
  half of one. So we cut the *review* to its token budget before formatting (above); `encode_pair` still guards:
  a pair too long loses the start of its prompt, never its answer.
""")

code("""
def encode_pair(prompt, completion, max_length=cfg.max_length):
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]    # the template wrote any BOS
    full_ids = tokenizer(prompt + completion, add_special_tokens=False)["input_ids"]
    if full_ids[:len(prompt_ids)] != prompt_ids:   # the prompt's end would merge with the answer: no clean split
        raise ValueError(f"the prompt's last tokens change when {completion!r} follows it")
    if len(full_ids) == len(prompt_ids):           # an answer with no tokens teaches nothing
        raise ValueError(f"the completion {completion!r} tokenizes to nothing after this prompt")
    answer_ids = full_ids[len(prompt_ids):] + [tokenizer.eos_token_id]   # the answer, in context, then EOS
    room = max_length - len(answer_ids)
    if room < 1:   # an answer that alone does not fit: an error, never a silent cut
        raise ValueError(f"the completion {completion!r} takes {len(answer_ids)} tokens with EOS; "
                         f"max_length={max_length} leaves no room for a prompt")
    if len(prompt_ids) > room:   # too long: the prompt loses its START (its end holds the question)
        prompt_ids = prompt_ids[len(prompt_ids) - room:]
    input_ids = prompt_ids + answer_ids
    return {"input_ids": input_ids, "attention_mask": [1] * len(input_ids),
            "labels": [-100] * len(prompt_ids) + answer_ids}

def encode(row):
    return encode_pair(build_prompt(fit(row["text"])), label_names[row["label"]])

encoded = raw.map(encode, remove_columns=["text", "label"])
pair = encoded["train"][0]
display(pd.DataFrame({"token": tokenizer.convert_ids_to_tokens(pair["input_ids"]), "label": pair["labels"]}).tail(8).T)
# mechanics, on every training example: prompt positions are -100, the answer + EOS are targets, and the cell's
# function is labs_lib.prompting.encode_pair (the unit-tested copy)
for row, enc in zip(raw["train"], encoded["train"]):
    answer = label_ids[label_names[row["label"]]] + [tokenizer.eos_token_id]
    assert enc["labels"][-len(answer):] == answer and enc["input_ids"][-len(answer):] == answer
    assert all(label == -100 for label in enc["labels"][:-len(answer)]) and len(enc["input_ids"]) <= cfg.max_length
    # ... and no pair needed cutting: the unit-tested copy, without a length limit, gives the same pair
    assert enc == prompting.encode_pair(tokenizer, build_prompt(fit(row["text"])), label_names[row["label"]], 10**6)
longest = max(map(len, encoded["train"]["input_ids"]))
print(f"{len(encoded['train'])} training pairs: every prompt token is -100; longest {longest} tokens")
""")

md("""
## 5. Two ways to read an answer
- **generate** a few tokens greedily and parse them to a label: what a user of a chat model does; it can answer
  something that is no label (counted as wrong, and its rate reported);
- **score** each label's log-likelihood after the prompt and take the best: always a valid label, one forward pass
  per label.
""")

code("""
from sklearn.metrics import accuracy_score, f1_score

def generate_answers(model, prompts):
    max_new_tokens = max(map(len, label_ids.values())) + 1   # room for the longest label and EOS
    tokenizer.padding_side = "left"                            # generation continues from the last position
    answers = []
    for i in range(0, len(prompts), cfg.eval_batch_size):
        batch = tokenizer(prompts[i:i + cfg.eval_batch_size], return_tensors="pt", padding=True,
                          add_special_tokens=False).to(model.device)
        with torch.inference_mode():
            out = model.generate(**batch, max_new_tokens=max_new_tokens, do_sample=False,
                                 pad_token_id=tokenizer.pad_token_id)
        answers += tokenizer.batch_decode(out[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
    tokenizer.padding_side = "right"
    return answers

def evaluate(model, split, shots=()):
    prompts = [build_prompt(fit(t), shots) for t in raw[split]["text"]]
    y = np.array(raw[split]["label"])
    parsed = [prompting.parse_label(a, label_names) for a in generate_answers(model, prompts)]
    generated = np.array([label_names.index(p) if p is not None else -1 for p in parsed])
    scored = prompting.score_labels(model, tokenizer, prompts, label_names, cfg.eval_batch_size).argmax(1).numpy()
    assert set(scored) <= set(range(len(label_names)))        # scoring always names a label
    return {"accuracy": accuracy_score(y, scored), "f1_macro": f1_score(y, scored, average="macro"),
            "generated_accuracy": accuracy_score(y, generated), "invalid_rate": float(np.mean(generated == -1))}
""")

md("""
## 6. Prompting alone: zero-shot and few-shot
Before training anything: what does the base model do with the instruction, and with a few solved examples in the
prompt? Choose on validation, report on test: the shots come from the training split.
""")

code("""
set_seed(seed)
# fp32 weights: the hub stores SmolLM2 in bf16, which a T4 cannot compute in; the Trainer trains in bf16/fp16
# where the GPU has it (mixed precision over fp32 weights), and base and tuned model are compared in one precision
base = AutoModelForCausalLM.from_pretrained(model_id, dtype=torch.float32).to(rt.device)
rng = np.random.default_rng(seed)
shots = [(fit(raw["train"][int(i)]["text"]), label_names[raw["train"][int(i)]["label"]])
         for i in rng.choice(len(raw["train"]), cfg.shots, replace=False)]
rows = []
for name, s in [("zero-shot prompting", ()), (f"few-shot prompting ({cfg.shots} examples)", shots)]:
    scores = evaluate(base, "test", s)
    rows.append({"method": name, **scores, "train_seconds": 0.0, "trainable_params": 0,
                 "total_params": models.count_parameters(base)[1]})
    print(name, {k: round(v, 3) for k, v in scores.items()})
""")

md("""
## 7. Fine-tune with LoRA, two ways
LoRA on the decoder's attention projections (`q_proj`, `v_proj` in Llama-family models; `lora_r=None` trains every
weight instead, as `cpu` does). First the plain `Trainer` with our masking; then TRL's `SFTTrainer`, which does the
same from a dataset of `prompt` / `completion` strings (`completion_only_loss`). Same model, seed and data: their
first losses must agree.
""")

code("""
def tunable_model():
    set_seed(seed)
    model = AutoModelForCausalLM.from_pretrained(model_id, dtype=torch.float32)
    model.config.pad_token_id = tokenizer.pad_token_id
    if cfg.lora_r is None:   # no adapter: every weight trains (cpu's small scratch decoder, see the top of the lab)
        return model
    return get_peft_model(model, LoraConfig(task_type=TaskType.CAUSAL_LM, r=cfg.lora_r, lora_alpha=2 * cfg.lora_r,
                                            lora_dropout=0.0, target_modules=cfg.lora_targets))

def training_args(name, **extra):
    return dict(output_dir=tempfile.mkdtemp(prefix=f"lab09-{name}-"), learning_rate=cfg.lr, num_train_epochs=cfg.epochs,
                per_device_train_batch_size=cfg.batch_size, gradient_accumulation_steps=cfg.grad_accum,
                warmup_steps=0.1, logging_steps=1, save_strategy="no", bf16=rt.bf16, fp16=rt.fp16,
                dataloader_pin_memory=rt.cuda, seed=seed, report_to="none", disable_tqdm=True, **extra)

tuned = tunable_model()
trainable, total = models.count_parameters(tuned)
how = "LoRA" if cfg.lora_r else "full fine-tuning"
print(f"{how} trains {trainable:,} of {total:,} parameters ({trainable / total:.2%})")
assert cfg.lora_r is None or trainable / total < 0.05
trainer = Trainer(model=tuned, args=TrainingArguments(**training_args("trainer")), train_dataset=encoded["train"],
                  data_collator=DataCollatorForSeq2Seq(tokenizer, label_pad_token_id=-100))   # labels padded with -100
trainer.remove_callback(PrinterCallback)
trainer.loss_is_scaled_for_ga = False   # a per-batch mean loss (see lab 01)
start = time.perf_counter()
trainer.train()
seconds = time.perf_counter() - start
losses = [h["loss"] for h in trainer.state.log_history if "loss" in h]
print(f"trained in {seconds:.0f} s; loss {losses[0]:.3f} -> {losses[-1]:.3f}")
checks.lesson(cfg, np.mean(losses[-3:]) < losses[0], "the training loss falls", f"{losses[0]:.3f} -> {losses[-1]:.3f}")
""")

code("""
from trl import SFTConfig, SFTTrainer

pairs = Dataset.from_dict({"prompt": [build_prompt(fit(t)) for t in raw["train"]["text"]],
                           "completion": [label_names[y] for y in raw["train"]["label"]]})
sft = SFTTrainer(model=tunable_model(), processing_class=tokenizer, train_dataset=pairs,
                 args=SFTConfig(**training_args("sft", max_steps=1), max_length=None,   # every pair fits already
                                completion_only_loss=True))
# the data TRL prepared is ours, token for token, -100 for -100
prepared = sft.train_dataset
assert len(prepared) == len(encoded["train"])
assert all(a["input_ids"] == b["input_ids"] and a["labels"] == b["labels"] for a, b in zip(prepared, encoded["train"]))
sft.remove_callback(PrinterCallback)
sft.loss_is_scaled_for_ga = False   # a per-batch mean, as for our Trainer; left to decide, the Trainer took TRL's
sft.train()                         # loss as already scaled and logged grad_accum times ours (seen in the rehearsal)
sft_first = sft.state.log_history[0]["loss"]
print(f"first-step loss: Trainer with our masking {losses[0]:.5f} | SFTTrainer {sft_first:.5f}")
assert abs(sft_first - losses[0]) < 1e-3, "same model, seed and data: the first losses must agree"
""")

code("""
scores = evaluate(tuned, "test")
rows.append({"method": f"prompt-completion fine-tuning ({how})", **scores, "train_seconds": round(seconds, 1),
             "trainable_params": trainable, "total_params": total})
print({k: round(v, 3) for k, v in scores.items()})
""")

md("""
### QLoRA: the same adapters on a 4-bit base
QLoRA (Dettmers et al., 2023) keeps the frozen base in 4 bits — the NF4 format, with the quantization constants
quantized again ("double quantization") — and computes in 16 bits; only the adapters train, in full precision. A
model whose 16-bit weights do not fit the GPU may fit in 4 bits; the price is the quantization error and
de-quantizing at every step. `prepare_model_for_kbit_training` keeps the norms in fp32 and lets gradients reach the
adapters through the frozen 4-bit layers. bitsandbytes runs it on a CUDA GPU and (slower) on a CPU; `qlora` in the
profile turns it on (`cpu` trains every weight instead, so it has no adapters to put on a 4-bit base).
""")

code("""
if cfg.qlora and cfg.lora_r:
    from peft import prepare_model_for_kbit_training
    from transformers import BitsAndBytesConfig

    four_bit = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                                  bnb_4bit_compute_dtype=torch.bfloat16 if rt.bf16 else torch.float16 if rt.fp16
                                  else torch.float32)
    set_seed(seed)
    q_model = AutoModelForCausalLM.from_pretrained(model_id, quantization_config=four_bit,
                                                   device_map={"": 0 if rt.cuda else "cpu"})
    q_model.config.pad_token_id = tokenizer.pad_token_id
    q_model = prepare_model_for_kbit_training(q_model, use_gradient_checkpointing=False)
    q_model = get_peft_model(q_model, LoraConfig(task_type=TaskType.CAUSAL_LM, r=cfg.lora_r, lora_alpha=2 * cfg.lora_r,
                                                 lora_dropout=0.0, target_modules=cfg.lora_targets))
    q_trainer = Trainer(model=q_model, args=TrainingArguments(**training_args("qlora")), train_dataset=encoded["train"],
                        data_collator=DataCollatorForSeq2Seq(tokenizer, label_pad_token_id=-100))
    q_trainer.remove_callback(PrinterCallback)
    q_trainer.loss_is_scaled_for_ga = False
    start = time.perf_counter()
    q_trainer.train()
    q_seconds = time.perf_counter() - start
    q_trainable = models.count_parameters(q_model)[0]   # the 4-bit layers store two weights per byte: count the base's
    assert q_trainable == trainable, "the same adapters as LoRA's"
    q_scores = evaluate(q_model, "test")
    rows.append({"method": "prompt-completion fine-tuning (QLoRA, 4-bit base)", **q_scores,
                 "train_seconds": round(q_seconds, 1), "trainable_params": q_trainable, "total_params": total})
    mb = lambda model: model.get_memory_footprint() / 2**20   # noqa: E731 -- weights and buffers in memory
    print(f"weights in memory: LoRA on the fp32 base {mb(tuned):.1f} MB | "
          f"QLoRA {mb(q_model):.1f} MB (x{mb(q_model) / mb(tuned):.2f})")
    print({k: round(v, 3) for k, v in q_scores.items()}, f"trained in {q_seconds:.0f} s")
    assert mb(q_model) < mb(tuned)
else:
    print(f"QLoRA is off here (qlora={cfg.qlora}, lora_r={cfg.lora_r}): it needs LoRA adapters and qlora=True")
""")

md("""
## 8. The same decoder with a classification head
Lab 01's recipe on a decoder: `AutoModelForSequenceClassification` puts a linear head on the **last non-pad
token** (a causal model's only position that has seen the whole text), so it needs `pad_token_id` to find it.
No text comes out: the head always names a label.
""")

code("""
set_seed(seed)
head_model = AutoModelForSequenceClassification.from_pretrained(model_id, num_labels=len(label_names),
                                                                dtype=torch.float32)
head_model.config.pad_token_id = tokenizer.pad_token_id
if cfg.lora_r is not None:   # adapters on the body; peft trains the new head whole (SEQ_CLS)
    head_model = get_peft_model(head_model, LoraConfig(task_type=TaskType.SEQ_CLS, r=cfg.lora_r,
                                                       lora_alpha=2 * cfg.lora_r, target_modules=cfg.lora_targets))
plain = raw.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg.max_length), batched=True,
                remove_columns=["text"])
head_trainer = Trainer(model=head_model, args=TrainingArguments(**training_args("head")),
                       train_dataset=plain["train"], data_collator=DataCollatorWithPadding(tokenizer))
head_trainer.remove_callback(PrinterCallback)
head_trainer.loss_is_scaled_for_ga = False
start = time.perf_counter()
head_trainer.train()
head_seconds = time.perf_counter() - start
pred = head_trainer.predict(plain["test"]).predictions.argmax(-1)
y_test = np.array(raw["test"]["label"])
ht, htotal = models.count_parameters(head_model)
rows.append({"method": f"classification head on the decoder ({how})", "accuracy": accuracy_score(y_test, pred),
             "f1_macro": f1_score(y_test, pred, average="macro"), "train_seconds": round(head_seconds, 1),
             "trainable_params": ht, "total_params": htotal})
print(rows[-1])
""")

md("""
## 9. Did it forget? Perplexity on general text
Fine-tuning on one narrow task can cost the model elsewhere (catastrophic forgetting). We compare the base's and
the tuned model's perplexity on text unlike the training data (the project's news-style documents). LoRA keeps the
base weights: with the adapter disabled we get the base model back exactly (asserted); full fine-tuning keeps no
copy, so the base is the one we loaded for prompting.
""")

code("""
def perplexity(model, texts):
    enc = [tokenizer(t, add_special_tokens=False, truncation=True, max_length=cfg.max_length)["input_ids"]
           for t in texts]
    nll, n = 0.0, 0
    model.eval()
    with torch.inference_mode():
        for ids in enc:
            ids = torch.tensor([ids], device=model.device)
            nll += model(input_ids=ids, labels=ids).loss.item() * (ids.shape[1] - 1)   # mean over predicted tokens
            n += ids.shape[1] - 1
    return math.exp(nll / n)

general = pd.read_csv(models.REPO_ROOT / "assets" / "documents" / "test.csv")["document"].head(cfg.ppl_texts).tolist()
ppl_base, ppl_tuned = perplexity(base, general), perplexity(tuned, general)
if cfg.lora_r is not None:   # the adapter switched off gives the base model back
    with tuned.disable_adapter():
        assert math.isclose(perplexity(tuned, general), ppl_base, rel_tol=1e-3)
print(f"perplexity on general text: base {ppl_base:.1f} | after fine-tuning {ppl_tuned:.1f} "
      f"(x{ppl_tuned / ppl_base:.2f})")
""")

md("""
## 10. Results
Accuracy from label scoring, and beside it the accuracy of free generation (an answer that is no label counts as
wrong). Lab 01's encoder trained on the same reviews is added from its results file when it scored the same test
rows in the same profile: its full fine-tuning and LoRA rows, named in advance (picking lab 01's best on the test
split would flatter it).
""")

code("""
table = pd.DataFrame(rows).set_index("method")
lab01 = results.results_dir(results_dir) / "01_classification.json"
same_rows = lambda saved: (saved["profile"] == cfg.profile and saved["data"] == report.source     # noqa: E731
                           and saved["data_report"]["data"]["rows"]["test"]["used"] == len(raw["test"]))
if lab01.exists() and same_rows(saved := json.loads(lab01.read_text())):
    for m in saved["methods"]:
        if m["method"] in ("full fine-tuning", "LoRA (r=8)"):
            table.loc[f"lab 01 encoder: {m['method']}", ["accuracy", "f1_macro", "train_seconds", "trainable_params",
                                                         "total_params"]] = [m[k] for k in ("accuracy", "f1_macro",
                                                         "train_seconds", "trainable_params", "total_params")]
else:
    print("lab 01's results are absent or from other test rows: run lab 01 in this profile first to compare")
path = results.save_results(LAB := "09_causal_lm", rows, out_dir=results_dir, cfg=cfg, report=report,
                            required=["method", "accuracy", "f1_macro", "train_seconds", "trainable_params",
                                      "total_params"],
                            perplexity={"base": ppl_base, "tuned": ppl_tuned})
print("wrote", path)
plots.plot_method_comparison(table, metrics=("accuracy", "generated_accuracy"))   # no bar: no text out
table.round(3)
""")

md("""
## 11. Your turn
**Exercise.** A prompt of 5 tokens and the completion `positive` (1 token) plus EOS: how many positions of the
encoded pair carry the label -100?
""")

code("""
answer = None   # your number here
checks.verdict(answer, 5, hint="every prompt position is -100; the answer and EOS are targets",
               wrong="count the prompt's tokens only: the completion and its EOS are what the model learns to write");
""")

nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                   "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
for i, c in enumerate(nb["cells"]):
    c["id"] = f"c{i:02d}"
    c["source"] = [line + "\n" for line in c["source"].split("\n")]
    c["source"][-1] = c["source"][-1].rstrip("\n")
out = sys.argv[1] if len(sys.argv) > 1 else f"notebooks/{LAB}.ipynb"
with open(out, "w") as f:
    json.dump(nb, f, indent=1, ensure_ascii=False)
    f.write("\n")
print("wrote", out)
