"""Thin helpers shared by the labs. Each module does one thing:

profiles  -- the one table per lab of model ids, data and sizes for smoke / cpu / full
data      -- load the default data or the learner's own file, validated and split
models    -- where a profile's model lives (a hub id, the packaged MiniLM, or a tiny local build)
metrics   -- small wrappers over scikit-learn, rouge-score and bert-score for tables of scores
summaries -- summarization data (dialogues, documents) and the lead-N baseline (lab 02)
ner       -- tagged sentences: CoNLL / JSONL readers, BIO checks, sub-token alignment (lab 05)
highlight -- HTML views of masked tokens and entities
plots     -- the figures the labs draw
results   -- write results/<lab>.json and the summary table of every lab
checks    -- self-checking exercises
"""

from labs_lib.profiles import PROFILES, lab_config, resolve_profile, show_config  # noqa: F401

__version__ = "0.1.0"
