import torch

from labs_lib import builders, models
from labs_lib.sources import MINILM, TINY_BERT


def test_tiny_bert_vocab_is_the_trained_size_not_five(tmp_path):
    """Guards the trap where a hand-built BERT tokenizer silently has a 5-token vocabulary."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    path = builders.build_tiny_bert(tmp_path / "tiny")
    tok = AutoTokenizer.from_pretrained(path)
    assert len(tok) == builders.TINY_VOCAB_SIZE
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=3)
    assert model.config.vocab_size == len(tok)
    ids = tok("a wonderful film")["input_ids"]
    assert ids[0] == tok.cls_token_id and ids[-1] == tok.sep_token_id
    assert tok.unk_token_id not in ids  # real words of the corpus are in the vocabulary
    assert tok.pad_token_id == model.config.pad_token_id
    assert model(**tok(["a wonderful film"], return_tensors="pt")).logits.shape == (1, 3)


def test_tiny_bert_is_deterministic(tmp_path):
    a = builders.build_tiny_bert(tmp_path / "a", seed=0)
    b = builders.build_tiny_bert(tmp_path / "b", seed=0)
    assert (a / "model.safetensors").read_bytes() == (b / "model.safetensors").read_bytes()
    assert (a / "tokenizer.json").read_text() == (b / "tokenizer.json").read_text()


def test_model_path_for_each_kind(tmp_path, monkeypatch):
    import huggingface_hub.constants
    import pytest

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path))   # an empty hub cache
    # a hub id is fetched at its pinned revision; offline and not cached, the error names the id and the revision
    with pytest.raises(ValueError, match="distilbert/distilbert-base-uncased at revision 12040acc.*could not fetch"):
        models.model_path("distilbert/distilbert-base-uncased")
    assert models.model_path(MINILM).endswith("model")
    assert "tiny-bert" in models.model_path(TINY_BERT)


def test_packaged_minilm_loads_offline():
    from transformers import AutoConfig, AutoTokenizer

    path = models.model_path(MINILM)
    cfg = AutoConfig.from_pretrained(path)
    assert (cfg.num_hidden_layers, cfg.hidden_size, cfg.vocab_size) == (6, 384, 30522)
    assert len(AutoTokenizer.from_pretrained(path)) == 30522


def test_count_parameters_and_encoder_layers(tmp_path):
    from transformers import AutoModelForSequenceClassification, DistilBertConfig, DistilBertForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(builders.build_tiny_bert(tmp_path / "t"), num_labels=2)
    trainable, total = models.count_parameters(model)
    assert trainable == total > 0
    for p in model.base_model.parameters():
        p.requires_grad = False
    assert models.count_parameters(model)[0] == 64 * 2 + 2  # only classifier weight + bias
    assert len(models.encoder_layers(model)) == 2
    distil = DistilBertForSequenceClassification(DistilBertConfig(n_layers=3, dim=32, hidden_dim=64, n_heads=2))
    assert len(models.encoder_layers(distil)) == 3
    assert isinstance(models.encoder_layers(distil)[0], torch.nn.Module)


def test_tiny_t5_is_deterministic_and_trains(tmp_path):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    from labs_lib.sources import TINY_T5

    a = builders.build_t5(TINY_T5, tmp_path / "a")
    b = builders.build_t5(TINY_T5, tmp_path / "b")
    assert (a / "model.safetensors").read_bytes() == (b / "model.safetensors").read_bytes()
    assert (a / "tokenizer.json").read_text() == (b / "tokenizer.json").read_text()
    tok, model = AutoTokenizer.from_pretrained(a), AutoModelForSeq2SeqLM.from_pretrained(a)
    assert len(tok) == model.config.vocab_size == builders.T5_SIZES[TINY_T5]["vocab_size"]
    assert (tok.pad_token_id, tok.eos_token_id) == (0, 1) == (model.config.pad_token_id, model.config.eos_token_id)
    text = "#Person1# wants to book a table for three on Friday."
    ids = tok(text)["input_ids"]
    assert ids[-1] == tok.eos_token_id and tok.unk_token_id not in ids
    assert tok.convert_ids_to_tokens(ids)[0] == "▁#Person1#"  # speaker tags are one token
    assert tok.decode(ids, skip_special_tokens=True) == text  # spacing and punctuation survive the round trip
    batch = tok([text], return_tensors="pt")
    loss = model(**batch, labels=tok(text_target=["a booking"], return_tensors="pt")["input_ids"]).loss
    assert torch.isfinite(loss)
    loss.backward()
    assert all(p.grad is not None for p in model.parameters() if p.requires_grad)


def test_unknown_local_model_is_named():
    import pytest

    with pytest.raises(ValueError, match="Unknown local model 'tiny:gpt'"):
        models.model_path("tiny:gpt")


def test_tiny_longformer_reads_long_inputs_for_classification_and_regression(tmp_path):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    path = builders.build_tiny_longformer(tmp_path / "lf")
    tok = AutoTokenizer.from_pretrained(path)
    batch = tok(["word " * 900, "a short one"], padding=True, truncation=True, max_length=1024, return_tensors="pt")
    assert batch["input_ids"].shape[1] > 512  # longer than a BERT window
    for num_labels, problem, labels in ((3, "single_label_classification", torch.tensor([0, 2])),
                                        (1, "regression", torch.tensor([[7.0], [2.0]]))):
        model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels, problem_type=problem)
        out = model(**batch, labels=labels)
        assert out.logits.shape == (2, num_labels) and torch.isfinite(out.loss)
        out.loss.backward()


def test_tiny_bigbird_reads_long_inputs_with_block_sparse_attention_for_classification_and_regression(tmp_path):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from labs_lib.sources import TINY_BIGBIRD

    path = builders.build_tiny_bigbird(tmp_path / "bb")
    built = (path / "model.safetensors").stat().st_mtime_ns
    assert builders.build_tiny_bigbird(tmp_path / "bb") == path   # a second call reuses the folder, not rebuilt
    assert (path / "model.safetensors").stat().st_mtime_ns == built
    tok = AutoTokenizer.from_pretrained(path)
    assert len(tok) == builders.TINY_VOCAB_SIZE and tok.model_max_length == 1024
    batch = tok(["word " * 900, "a short one"], padding=True, truncation=True, max_length=600, return_tensors="pt")
    assert batch["input_ids"].shape[1] == 600   # > (5 + 2 * 2 random blocks) * 16 = 144, and not a multiple of 16
    for num_labels, problem, labels in ((3, "single_label_classification", torch.tensor([0, 2])),
                                        (1, "regression", torch.tensor([[7.0], [2.0]]))):
        model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=num_labels, problem_type=problem)
        assert (model.config.attention_type, model.config.block_size) == ("block_sparse", 16)
        out = model(**batch, labels=labels)
        assert out.logits.shape == (2, num_labels) and torch.isfinite(out.loss)
        # a too-short batch switches the body (not the config) to full attention for good; this one must not
        assert model.base_model.attention_type == "block_sparse"
        out.loss.backward()
    model(**tok(["a short one"], return_tensors="pt"))   # the fallback the check above would catch
    assert model.base_model.attention_type == "original_full" and model.config.attention_type == "block_sparse"
    assert models.model_path(TINY_BIGBIRD) == models.model_path(TINY_BIGBIRD)
    assert "tiny-bigbird" in models.model_path(TINY_BIGBIRD)


def test_the_training_estimate_says_what_share_of_the_training_rows_a_run_sees(tmp_path):
    """A budget is stated before training: time, and epochs of the learner's rows; under one epoch gets a NOTE."""
    from datasets import Dataset
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding

    path = builders.build_tiny_bert(tmp_path / "tiny")
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
    rows = Dataset.from_dict({"text": ["a wonderful film", "a dull film"] * 50, "label": [1, 0] * 50})
    rows = rows.map(lambda b: tok(b["text"]), batched=True)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    short = models.estimate_training(model, DataCollatorWithPadding(tok), rows, batch_size=8, steps=5, shorten="steps")
    assert "each run sees 40 examples: 0.4 epochs of the 100 training rows" in short
    assert "NOTE: under one epoch, each run trains on about 40% of them; raise steps" in short
    enough = models.estimate_training(model, DataCollatorWithPadding(tok), rows, batch_size=8, steps=25, runs=2)
    assert "2 runs x 25 steps" in enough and "2 epochs of the 100 training rows" in enough and "NOTE" not in enough
    assert all(torch.equal(v, model.state_dict()[k]) for k, v in before.items())   # timing steps change no weight
