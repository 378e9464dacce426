import torch

from labs_lib import models
from labs_lib.profiles import MINILM, TINY_BERT


def test_tiny_bert_vocab_is_the_trained_size_not_five(tmp_path):
    """Guards the trap where a hand-built BERT tokenizer silently has a 5-token vocabulary."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    path = models.build_tiny_bert(tmp_path / "tiny")
    tok = AutoTokenizer.from_pretrained(path)
    assert len(tok) == models.TINY_VOCAB_SIZE
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=3)
    assert model.config.vocab_size == len(tok)
    ids = tok("a wonderful film")["input_ids"]
    assert ids[0] == tok.cls_token_id and ids[-1] == tok.sep_token_id
    assert tok.unk_token_id not in ids  # real words of the corpus are in the vocabulary
    assert tok.pad_token_id == model.config.pad_token_id
    assert model(**tok(["a wonderful film"], return_tensors="pt")).logits.shape == (1, 3)


def test_tiny_bert_is_deterministic(tmp_path):
    a = models.build_tiny_bert(tmp_path / "a", seed=0)
    b = models.build_tiny_bert(tmp_path / "b", seed=0)
    assert (a / "model.safetensors").read_bytes() == (b / "model.safetensors").read_bytes()
    assert (a / "tokenizer.json").read_text() == (b / "tokenizer.json").read_text()


def test_model_path_for_each_kind():
    assert models.model_path("distilbert/distilbert-base-uncased") == "distilbert/distilbert-base-uncased"
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

    model = AutoModelForSequenceClassification.from_pretrained(models.build_tiny_bert(tmp_path / "t"), num_labels=2)
    trainable, total = models.count_parameters(model)
    assert trainable == total > 0
    for p in model.base_model.parameters():
        p.requires_grad = False
    assert models.count_parameters(model)[0] == 64 * 2 + 2  # only classifier weight + bias
    assert len(models.encoder_layers(model)) == 2
    distil = DistilBertForSequenceClassification(DistilBertConfig(n_layers=3, dim=32, hidden_dim=64, n_heads=2))
    assert len(models.encoder_layers(distil)) == 3
    assert isinstance(models.encoder_layers(distil)[0], torch.nn.Module)
