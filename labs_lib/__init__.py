"""Thin helpers shared by the labs, one room per lab.

labs/       one module per lab (labNN_<name>.py): everything only that lab uses -- its settings table (values shared by
            the profiles, what each profile sets, a meaning per setting), the code its notebook teaches (copied from
            the cells marked #@save), its helpers, lesson checks, figures, exercise and study key. A notebook imports
            its own as ``lab``; labs/__init__.py is the table of contents (lab name -> module).

What several labs share:
profiles    -- the settings machinery: resolve the profile, merge a lab's table, apply overrides, show_config
sources     -- where things live: the local model names, the project's data folders, the hub revisions pinned
runtime     -- device, precision (bf16 / fp16 / fp32), quiet logging, and the Trainer's plumbing (rt.args, rt.trainer)
data        -- one way in for data: load(cfg, kind) reads, checks, splits and caps, and reports what it did
reading     -- the steps every reader shares (resolve, read, rename and check columns, split, cap, report, DataError)
ner         -- the tagged-sentence reader: CoNLL / JSONL / hub, BIO checks, the tag list (lab 05's data)
summaries   -- the summarization reader: dialogues or documents with reference summaries (lab 02's data)
transcripts -- long transcripts: loading, the grouped split, the text rules, TF-IDF's linear model (labs 06-07)
embeddings  -- frozen sentence embeddings: sentence pieces, embedding with a cache and a precision, the poolers' training
models      -- where a profile's model lives (a hub id at its pinned revision, the packaged MiniLM, a local build)
builders    -- the tiny and scratch models built here from a config, with their tokenizers (smoke, lab 02/09 cpu)
metrics     -- scores from scikit-learn, SciPy, rouge-score, bert-score; the collapse check; padding counts
text        -- sentence splitting
plots       -- the figures several labs draw
results     -- write results/<lab>.json (with the whole config) and the summary table of every lab
checks      -- mechanics vs lesson checks (lesson: assert on our data, a note on yours) and the exercises' verdict
exercises   -- the runner of each lab's coding exercise (the cases live in the lab's module), checked against a library
study       -- the runner of the study questions (the key lives in the lab's module), checked letter by letter
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
