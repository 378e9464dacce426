"""A stand-in Hugging Face hub on local disk, for rehearsing the `full` (Colab) profile offline.

Every hub id that a `full` profile row names gets, in a throw-away ``HF_HOME``, what ``from_pretrained`` /
``snapshot_download`` and ``load_dataset`` find there when ``HF_HUB_OFFLINE=1``:

- models: a tiny model with random weights of the SAME architecture class and module names as the real one (so
  LoRA targets, freezing by layer, pooling modules and BERTScore's layer exist), saved as a hub snapshot under the
  revision the profile pins, with a tokenizer of the same family trained on the project's own text;
- datasets: a few hundred rows of the project's own data reshaped to the hub dataset's config name, split names and
  features (column names, ``ClassLabel`` names, DialogSum's repeated test dialogues), written where ``datasets``
  looks for a prepared dataset when it cannot reach the hub.

It rehearses OUR code on the hub's shapes, not the hub: downloads, GPU memory and speed are not proven here.
Each schema names the page it was taken from. Run: ``python tests/standin_hub.py DIR`` (``scripts/rehearse_full.sh``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NER_TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]

# hub id -> (model class, config class, config arguments: tiny sizes, the real model's layout; tokenizer; source)
MODELS = {
    "distilbert/distilbert-base-uncased": dict(
        cls="DistilBertForMaskedLM", config="DistilBertConfig",
        args=dict(dim=32, hidden_dim=64, n_layers=6, n_heads=2, max_position_embeddings=512),
        tokenizer="wordpiece-uncased",
        source="https://huggingface.co/distilbert/distilbert-base-uncased (config.json: DistilBertForMaskedLM, "
               "6 layers; modules q_lin/k_lin/v_lin/out_lin; the classifier adds pre_classifier + classifier)"),
    "google/flan-t5-base": dict(
        cls="T5ForConditionalGeneration", config="T5Config",
        args=dict(d_model=32, d_ff=64, d_kv=16, num_layers=2, num_decoder_layers=2, num_heads=2,
                  feed_forward_proj="gated-gelu", tie_word_embeddings=False, decoder_start_token_id=0,
                  pad_token_id=0, eos_token_id=1),
        tokenizer="unigram-t5",
        source="https://huggingface.co/google/flan-t5-base (config.json: T5ForConditionalGeneration, gated-gelu, "
               "untied lm_head, pad 0 / eos 1, decoder starts with pad; modules q/k/v/o, wi_0/wi_1/wo)"),
    "google-bert/bert-base-cased": dict(
        cls="BertForMaskedLM", config="BertConfig",
        args=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2),
        tokenizer="wordpiece-cased",
        source="https://huggingface.co/google-bert/bert-base-cased (BertForMaskedLM, cased WordPiece)"),
    "sentence-transformers/paraphrase-mpnet-base-v2": dict(
        cls="MPNetModel", config="MPNetConfig",
        args=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2),
        tokenizer="wordpiece-uncased", sentence_transformer=dict(pooling="mean", normalize=False),
        source="https://huggingface.co/sentence-transformers/paraphrase-mpnet-base-v2 (modules.json: Transformer "
               "(MPNetModel) -> Pooling (mean))"),
    "sentence-transformers/all-mpnet-base-v2": dict(
        cls="MPNetModel", config="MPNetConfig",
        args=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2),
        tokenizer="wordpiece-uncased", sentence_transformer=dict(pooling="mean", normalize=True),
        source="https://huggingface.co/sentence-transformers/all-mpnet-base-v2 (modules.json: Transformer "
               "(MPNetModel) -> Pooling (mean) -> Normalize)"),
    "FacebookAI/roberta-large": dict(
        cls="RobertaModel", config="RobertaConfig",
        args=dict(hidden_size=16, intermediate_size=32, num_hidden_layers=24, num_attention_heads=2,
                  max_position_embeddings=514),
        tokenizer="bpe-roberta",
        source="https://huggingface.co/FacebookAI/roberta-large (24 layers: BERTScore reads layer 17; byte-level "
               "BPE vocab.json + merges.txt)"),
    "allenai/longformer-base-4096": dict(
        cls="LongformerForMaskedLM", config="LongformerConfig",
        args=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
                  attention_window=64, max_position_embeddings=4098),
        tokenizer="bpe-roberta", bin_only=True, model_max_length=4096,
        source="https://huggingface.co/allenai/longformer-base-4096 (LongformerForMaskedLM, 4,098 positions; the "
               "repo ships pytorch_model.bin only, so the stand-in does too)"),
    "google/bigbird-roberta-base": dict(
        cls="BigBirdForMaskedLM", config="BigBirdConfig",
        args=dict(hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=2,
                  attention_type="block_sparse", block_size=64, num_random_blocks=3, max_position_embeddings=4096,
                  sep_token_id=5),   # the stand-in tokenizer's [SEP] (the real one's is 66)
        tokenizer="unigram-bigbird", model_max_length=4096,
        source="https://huggingface.co/google/bigbird-roberta-base (BigBird, block_sparse attention in blocks of 64 "
               "with 3 random blocks, 4,096 positions; cased SentencePiece Unigram spiece.model for BigBirdTokenizer "
               "with [CLS] ... [SEP]; the stand-in writes that tokenizer as tokenizer.json)"),
    "HuggingFaceTB/SmolLM2-360M-Instruct": dict(
        cls="LlamaForCausalLM", config="LlamaConfig",
        # every projection's width a multiple of 32 (bitsandbytes' 4-bit CPU kernel, QLoRA in the lab, needs it);
        # wide enough that LoRA r 16 on q, k, v, o is under 5% of the parameters, as on the real model
        args=dict(hidden_size=192, intermediate_size=384, num_hidden_layers=2, num_attention_heads=3,
                  num_key_value_heads=1, tie_word_embeddings=True, bos_token_id=1, eos_token_id=2,
                  max_position_embeddings=8192),
        tokenizer="bpe-smollm", model_max_length=8192, dtype="bfloat16",
        source="https://huggingface.co/HuggingFaceTB/SmolLM2-360M-Instruct (LlamaForCausalLM: 32 layers, hidden 960, "
               "weights stored in bf16 (config torch_dtype bfloat16), "
               "15 query / 5 key-value heads, tied embeddings, modules q_proj/k_proj/v_proj/o_proj; GPT2TokenizerFast "
               "byte-level BPE, ids 0 <|endoftext|>, 1 <|im_start|> (BOS), 2 <|im_end|> (EOS and pad); a ChatML "
               "template that adds a default system turn)"),
}

# hub id -> config name, splits and features as the dataset card documents them; rows come from the project's data
DATASETS = {
    "stanfordnlp/imdb": dict(
        config="plain_text", splits={"train": 240, "test": 240, "unsupervised": 240},
        features={"text": "string", "label": ["neg", "pos"]}, make="reviews",
        source="https://huggingface.co/datasets/stanfordnlp/imdb (config plain_text; splits train/test/unsupervised; "
               "text, label ClassLabel neg/pos; unsupervised rows have label -1)"),
    "SetFit/sst2": dict(
        config="default", splits={"train": 200, "validation": 60, "test": 60},
        features={"text": "string", "label": "int64", "label_text": "string"}, make="sst2",
        source="https://huggingface.co/datasets/SetFit/sst2 (train/validation/test; text, label 0/1, "
               "label_text negative/positive)"),
    "knkarthick/dialogsum": dict(
        config="default", splits={"train": 120, "validation": 20, "test": 20},
        features={"id": "string", "dialogue": "string", "summary": "string", "topic": "string"}, make="dialogsum",
        source="https://huggingface.co/datasets/knkarthick/dialogsum (CSV train/validation/test; id, dialogue, "
               "summary, topic; the test split repeats each dialogue with three reference summaries)"),
    "abisee/cnn_dailymail": dict(
        config="3.0.0", splits={"train": 120, "validation": 20, "test": 20},
        features={"article": "string", "highlights": "string", "id": "string"}, make="cnn",
        source="https://huggingface.co/datasets/abisee/cnn_dailymail (configs 1.0.0/2.0.0/3.0.0; article, "
               "highlights, id)"),
    "mteb/banking77": dict(
        config="default", splits={"train": 320, "test": 160},
        features={"text": "string", "label": "int64", "label_text": "string"}, make="intents",
        source="https://huggingface.co/datasets/mteb/banking77 (train/test; text, label int 0-76, label_text the "
               "intent name, e.g. card_arrival)"),
    "eriktks/conll2003": dict(
        config="conll2003", splits={"train": 200, "validation": 50, "test": 50},
        features={"id": "string", "tokens": ["string"], "pos_tags": ["int"], "chunk_tags": ["int"],
                  "ner_tags": [NER_TAGS]}, make="conll",
        source="https://huggingface.co/datasets/eriktks/conll2003 at refs/convert/parquet (config conll2003; id, "
               "tokens, pos_tags, chunk_tags, ner_tags: Sequence of ClassLabel O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, "
               "I-LOC, B-MISC, I-MISC)"),
}


def features_of(spec: dict):
    """The datasets.Features a schema above declares: a list of names is a ClassLabel, [x] a Sequence of x."""
    import datasets

    def one(kind):
        if isinstance(kind, list) and len(kind) == 1:
            return datasets.Sequence(one(kind[0]))
        if isinstance(kind, list):
            return datasets.ClassLabel(names=kind)
        return datasets.Value({"int": "int32"}.get(kind, kind))

    return datasets.Features({name: one(kind) for name, kind in spec["features"].items()})


# ------------------------------------------------------------------------------------------------ rows


def _rows(make: str, split: str, n: int) -> dict:
    """n rows for one split, from the project's own files (cycled if a split needs more)."""
    import pandas as pd

    assets = ROOT / "assets"
    side = "train" if split in ("train", "unsupervised") else ("validation" if split == "validation" else "test")

    def take(frame):
        frame = frame.reset_index(drop=True)
        return frame.loc[[i % len(frame) for i in range(n)]].reset_index(drop=True)

    if make in ("reviews", "sst2"):
        frame = take(pd.read_csv(assets / "reviews" / f"{side}.csv"))
        names = sorted(frame["label"].astype(str).unique())
        label = frame["label"].astype(str).map({name: i for i, name in enumerate(names)}).tolist()
        if make == "reviews":
            return {"text": frame["text"].tolist(), "label": [-1] * n if split == "unsupervised" else label}
        return {"text": frame["text"].tolist(), "label": label,
                "label_text": [["negative", "positive"][i] for i in label]}
    if make == "intents":
        frame = take(pd.read_csv(assets / "intents" / f"{side}.csv"))
        names = sorted(pd.read_csv(assets / "intents" / "train.csv")["label"].unique())
        return {"text": frame["text"].tolist(), "label": [names.index(x) for x in frame["label"]],
                "label_text": frame["label"].tolist()}
    if make in ("dialogsum", "cnn"):
        folder, column = ("dialogues", "dialogue") if make == "dialogsum" else ("documents", "document")
        frame = take(pd.read_csv(assets / folder / f"{side}.csv"))
        if make == "cnn":
            return {"article": frame[column].tolist(), "highlights": frame["summary"].tolist(),
                    "id": [f"{split}-{i}" for i in range(n)]}
        repeat = 3 if split == "test" else 1   # DialogSum's test dialogues come with three summaries each
        frame = frame.loc[[i // repeat for i in range(n)]].reset_index(drop=True)
        return {"id": [f"{split}_{i}" for i in range(n)], "dialogue": frame[column].tolist(),
                "summary": [s if i % repeat == 0 else f"{s} ({i % repeat})" for i, s in enumerate(frame["summary"])],
                "topic": ["meeting"] * n}
    if make == "conll":
        from labs_lib.ner import read_conll

        sentences = read_conll(assets / "ner" / f"{side}.conll")
        picked = [sentences[i % len(sentences)] for i in range(n)]
        return {"id": [str(i) for i in range(n)], "tokens": [t for t, _ in picked],
                "pos_tags": [[0] * len(t) for t, _ in picked], "chunk_tags": [[0] * len(t) for t, _ in picked],
                "ner_tags": [[NER_TAGS.index(tag) for tag in tags] for _, tags in picked]}
    raise ValueError(make)


def write_dataset(repo_id: str, spec: dict, datasets_cache: Path) -> Path:
    """Write the splits where ``datasets`` looks for a prepared copy of ``repo_id`` when the hub is unreachable."""
    import datasets
    from datasets.arrow_writer import ArrowWriter
    from datasets.naming import camelcase_to_snakecase

    owner, name = repo_id.split("/")
    folder = datasets_cache / f"{owner}___{camelcase_to_snakecase(name)}" / spec["config"] / "0.0.0" / "standin"
    folder.mkdir(parents=True, exist_ok=True)
    features, splits = features_of(spec), datasets.SplitDict()
    for split, n in spec["splits"].items():
        table = datasets.Dataset.from_dict(_rows(spec["make"], split, n), features=features).data.table
        with ArrowWriter(features=features, path=str(folder / f"{camelcase_to_snakecase(name)}-{split}.arrow")) as w:
            w.write_table(table)
            rows, size = w.finalize()
        splits.add(datasets.SplitInfo(name=split, num_examples=rows, num_bytes=size, dataset_name=name))
    datasets.DatasetInfo(features=features, splits=splits, config_name=spec["config"], dataset_name=name,
                         builder_name="parquet", description=f"stand-in for {repo_id}").write_to_directory(str(folder))
    return folder


# ------------------------------------------------------------------------------------------------ models


# ChatML with a default system turn when the conversation has none, as SmolLM2-Instruct's template does (the wording
# of its default system message is the real template's; written here, not copied from the file)
SMOLLM_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and message['role'] != 'system' %}{{ '<|im_start|>system\\n"
    "You are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\\n' }}{% endif %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def _tokenizer(kind: str, texts: list[str], folder: Path, max_length: int):
    from labs_lib import builders

    if kind.startswith("wordpiece"):
        tok = builders.train_wordpiece_tokenizer(texts, lowercase=kind.endswith("uncased"))
    elif kind == "unigram-t5":   # the summaries' own words too, as FLAN-T5's vocabulary holds them
        tok = builders.train_unigram_tokenizer(texts + builders.summary_corpus(), 2000)
    elif kind == "unigram-bigbird":   # BigBird's cased SentencePiece Unigram ("▁word", "."), as tokenizer.json
        import math
        import re
        import string
        from collections import Counter

        from transformers import BigBirdTokenizer

        pieces = Counter()   # each word's letters/digits with "▁" in front, its punctuation as pieces of its own
        for word in (w for t in texts for w in t.split()):
            parts = re.findall(r"\w+|\S", word)
            pieces.update(["▁" + parts[0], *parts[1:]])
        chars = sorted({c for p in pieces for c in p} | set(string.ascii_letters + string.digits + string.punctuation))
        total = sum(pieces.values())
        vocab = [(t, 0.0) for t in ("<pad>", "</s>", "<s>", "<unk>", "[CLS]", "[SEP]", "[MASK]")]
        vocab += [(c, -20.0) for c in chars] + [("▁" + c, -20.0) for c in chars if c != "▁"]
        seen = {p for p, _ in vocab}
        vocab += [(p, round(math.log(n / total), 6)) for p, n in sorted(pieces.items(), key=lambda kv: (-kv[1], kv[0]))
                  if p not in seen][:1000 - len(vocab)]
        tok = BigBirdTokenizer(vocab=vocab)
    elif kind == "bpe-smollm":   # SmolLM2-Instruct's byte-level BPE (GPT2TokenizerFast), ChatML specials first
        from tokenizers import ByteLevelBPETokenizer
        from transformers import GPT2TokenizerFast

        specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
        bpe = ByteLevelBPETokenizer()
        bpe.train_from_iterator(texts, vocab_size=1000, special_tokens=specials)
        tok = GPT2TokenizerFast(tokenizer_object=bpe._tokenizer, bos_token="<|im_start|>", eos_token="<|im_end|>",
                                pad_token="<|im_end|>", unk_token="<|endoftext|>")
        tok.chat_template = SMOLLM_TEMPLATE
    else:  # RoBERTa's byte-level BPE, as vocab.json + merges.txt
        from tokenizers import ByteLevelBPETokenizer
        from transformers import RobertaTokenizer

        bpe = ByteLevelBPETokenizer()
        bpe.train_from_iterator(texts, vocab_size=1000, special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"])
        bpe.save_model(str(folder))
        vocab = json.loads((folder / "vocab.json").read_text())
        merges = [tuple(line.split()) for line in (folder / "merges.txt").read_text().splitlines()[1:] if line]
        tok = RobertaTokenizer(vocab=vocab, merges=merges)   # (vocab_file=... gives a 5-token vocabulary)
    tok.model_max_length = max_length   # as the real tokenizer_config.json states it
    tok.save_pretrained(folder)
    return tok


def write_model(repo_id: str, spec: dict, hub_cache: Path, revision: str | None, texts: list[str]) -> Path:
    """A tiny model of the real architecture under models--owner--name/snapshots/<revision> (+ refs/main)."""
    import hashlib

    import torch
    import transformers

    commit = revision or hashlib.sha1(repo_id.encode()).hexdigest()
    repo = hub_cache / ("models--" + repo_id.replace("/", "--"))
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True, exist_ok=True)
    (repo / "refs").mkdir(exist_ok=True)
    (repo / "refs" / "main").write_text(commit)
    tok = _tokenizer(spec["tokenizer"], texts, snapshot, spec.get("model_max_length", 512))
    args = dict(spec["args"], vocab_size=len(tok))
    if "pad_token_id" not in args and tok.pad_token_id is not None:
        args["pad_token_id"] = tok.pad_token_id
    config = getattr(transformers, spec["config"])(**args)
    config.architectures = [spec["cls"]]
    torch.manual_seed(0)
    model = getattr(transformers, spec["cls"])(config)
    if spec.get("dtype"):   # stored as the hub stores it: from_pretrained's default dtype="auto" loads it so
        model = model.to(getattr(torch, spec["dtype"]))
    model.save_pretrained(snapshot, safe_serialization=not spec.get("bin_only", False))
    st = spec.get("sentence_transformer")
    if st:  # the sentence-transformers layout: modules.json, the pooling folder, (Normalize)
        modules = [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                   {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]
        if st["normalize"]:
            modules.append({"idx": 2, "name": "2", "path": "2_Normalize",
                            "type": "sentence_transformers.models.Normalize"})
            (snapshot / "2_Normalize").mkdir(exist_ok=True)
        (snapshot / "modules.json").write_text(json.dumps(modules, indent=2))
        (snapshot / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 128,
                                                                        "do_lower_case": False}))
        (snapshot / "1_Pooling").mkdir(exist_ok=True)
        (snapshot / "1_Pooling" / "config.json").write_text(json.dumps(
            {"word_embedding_dimension": config.hidden_size, "pooling_mode_mean_tokens": True,
             "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False}))
    return snapshot


def build(home: str | Path) -> dict:
    """Fill ``home`` (used as HF_HOME) with every stand-in; returns {hub id: folder}."""
    from labs_lib.builders import default_corpus
    from labs_lib.sources import HUB_REVISIONS

    home = Path(home)
    texts = default_corpus()
    made = {}
    for repo_id, spec in MODELS.items():
        made[repo_id] = write_model(repo_id, spec, home / "hub", HUB_REVISIONS.get(repo_id), texts)
    for repo_id, spec in DATASETS.items():
        made[repo_id] = write_dataset(repo_id, spec, home / "datasets")
    return made


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    target = Path(sys.argv[1])
    from labs_lib.runtime import quiet_logs

    quiet_logs()
    for repo_id, folder in build(target).items():
        print(f"{repo_id:50s} -> {folder.relative_to(target)}")
