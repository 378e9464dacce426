"""The models built here rather than downloaded, each from a config with random weights and a tokenizer trained on the
project's own text: ``BUILDERS`` maps a profile's model name (``tiny:bert``, ``scratch:llama-4x256``, ...) to the
function that builds it once into a cache folder and returns the folder. ``models.model_path`` is the one caller.

- ``tiny:bert``: a WordPiece tokenizer and a 2-layer BERT;
- ``tiny:longformer`` / ``tiny:bigbird`` (lab 06): the tiny BERT's tokenizer and a 2-layer Longformer (sliding-window
  attention) / BigBird (block-sparse attention) that read 1,024 tokens;
- ``tiny:llama`` (lab 09): a 2-layer Llama, SmolLM2's architecture, with a Unigram tokenizer (no pad token: as with
  the real one, the lab must choose one) and a ChatML chat template;
- ``scratch:llama-4x256`` (lab 09, cpu): likewise, then **pretrained** here as a causal LM on the project's own text
  (training splits only) for a fixed number of steps, a few minutes on 2 cores: the stand-in for a pretrained decoder
  (none ships offline; ``benchmarks/causal_lm_cpu_candidates.py`` chose it);
- ``tiny:t5`` and ``scratch:t5-3x256`` (lab 02): a T5 (sizes in ``T5_SIZES``) with a Unigram tokenizer built from the
  project's dialogues and documents.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import string
import tempfile
from pathlib import Path

from labs_lib.runtime import quiet_logs
from labs_lib.sources import SMALL_LLAMA, SMALL_T5, TINY_BERT, TINY_BIGBIRD, TINY_LLAMA, TINY_LONGFORMER, TINY_T5

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


# a profile's model name -> the function that builds it (once) and returns its folder
BUILDERS = {
    TINY_BERT: build_tiny_bert,
    TINY_LONGFORMER: build_tiny_longformer,
    TINY_BIGBIRD: build_tiny_bigbird,
    TINY_LLAMA: build_tiny_llama,
    SMALL_LLAMA: build_small_llama,
    TINY_T5: lambda: build_t5(TINY_T5),
    SMALL_T5: lambda: build_t5(SMALL_T5),
}
