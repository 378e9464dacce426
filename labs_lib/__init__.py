"""Thin helpers shared by the labs. Each module does one thing:

profiles    -- the one table per lab (smoke / cpu / full) and lab_config(): the table row + the learner's overrides
runtime     -- device, precision (bf16 / fp16 / fp32) and quiet logging, decided once per lab
data        -- one way in for data: load(cfg, kind) reads, checks, splits and caps, and reports what it did
models      -- where a profile's model lives (a hub id, the packaged MiniLM, or a tiny local build)
metrics     -- scores from scikit-learn, SciPy, rouge-score, bert-score; the collapse check; padding counts
text        -- sentence splitting
summaries   -- summarization data (dialogues, documents) and the lead-N baseline (lab 02)
ner         -- tagged sentences: CoNLL / JSONL readers, BIO checks, entity spans, sub-token alignment (lab 05)
transcripts -- long transcripts: loading, cleaning, sections, grouped split, token windows, aggregation (labs 06-07)
fewshot     -- zero-shot label words (a warning for bare-number labels) and a gap read against seed spread (lab 03)
highlight   -- HTML views of masked tokens (lab 04) and entities (lab 05)
plots       -- the figures the labs draw
results     -- write results/<lab>.json (with the whole config) and the summary table of every lab
checks      -- mechanics vs lesson checks (lesson: assert on our data, a note on yours) and the self-checking exercises
study       -- the study guide's questions (labs 01, 03, 04, 05 end with them): the key, checked letter by letter
exercises   -- each lab's coding exercise, checked against the library that does the same job
scaling     -- memory arithmetic for more than one device (DDP, ZeRO, FSDP) and the full models' sizes (lab 10)
colab       -- the Colab set-up cell: pinned installs, version checks, "restart the runtime" when needed
"""

import logging

# Imported first in every lab, before transformers: `from transformers import Trainer` imports bitsandbytes (lab 09's
# QLoRA), whose CPU backend logs a warning on import on some CPUs about an optional kernel it could fetch from the hub.
logging.getLogger("bitsandbytes").setLevel(logging.ERROR)

from labs_lib import runtime  # noqa: E402,F401
from labs_lib.labs import lab_config, show_config  # noqa: E402,F401
from labs_lib.profiles import PROFILES, resolve_profile  # noqa: E402,F401

__version__ = "0.1.0"
