"""What the `full` (Colab) profile shares with the offline ones, checked here without the network:
the hub data path with IMDB's shape, and the DistilBERT module names the lab's LoRA and freezing use."""

import datasets
import pytest

from labs_lib import data, models
from labs_lib.profiles import lab_config


@pytest.fixture
def fake_imdb(monkeypatch):
    """A stand-in with stanfordnlp/imdb's shape: train/test/unsupervised, `text`, ClassLabel `label` neg/pos."""
    label = datasets.ClassLabel(names=["neg", "pos"])
    features = datasets.Features({"text": datasets.Value("string"), "label": label})

    def split(n, offset):
        return datasets.Dataset.from_dict({"text": [f"review {offset + i}" for i in range(n)],
                                           "label": [i % 2 for i in range(n)]}, features=features)

    fake = datasets.DatasetDict({"train": split(200, 0), "test": split(100, 1000), "unsupervised": split(10, 5000)})
    calls = []

    def load_dataset(name, *args, **kwargs):
        calls.append(name)
        return fake

    monkeypatch.setattr(datasets, "load_dataset", load_dataset)
    return calls


def test_hub_dataset_keeps_classlabel_names_and_carves_validation(fake_imdb):
    cfg = lab_config("01_classification", "full")
    ds, names = data.load_text_classification(cfg.data, train_size=100, eval_size=20)
    assert fake_imdb == ["stanfordnlp/imdb"]
    assert names == ["neg", "pos"]
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [100, 20, 20]
    assert not set(ds["train"]["text"]) & set(ds["validation"]["text"])


def test_bare_hub_name_is_not_taken_for_a_hub_id():
    with pytest.raises(data.DataError, match="no such file"):
        data.load_text_classification("imdb")


def test_full_profile_lora_targets_and_layers_exist_in_distilbert():
    from peft import LoraConfig, TaskType, get_peft_model
    from transformers import DistilBertConfig, DistilBertForSequenceClassification

    cfg = lab_config("01_classification", "full")
    model = DistilBertForSequenceClassification(DistilBertConfig(n_layers=6, dim=32, hidden_dim=64, n_heads=2))
    assert len(models.encoder_layers(model)) > max(cfg.freeze_sweep)
    peft_model = get_peft_model(model, LoraConfig(task_type=TaskType.SEQ_CLS, r=4, target_modules=cfg.lora_targets))
    lora_layers = {n.split(".lora_A")[0] for n, _ in peft_model.named_parameters() if "lora_A" in n}
    assert len(lora_layers) == 6 * 2


def test_cpu_profile_targets_exist_in_packaged_minilm():
    from transformers import AutoConfig, AutoModelForSequenceClassification

    cfg = lab_config("01_classification", "cpu")
    path = models.model_path(cfg.model)
    model = AutoModelForSequenceClassification.from_config(AutoConfig.from_pretrained(path, num_labels=2))
    names = {n.split(".")[-1] for n, _ in model.named_modules()}
    assert set(cfg.lora_targets) <= names
    assert max(cfg.freeze_sweep) < len(models.encoder_layers(model))


@pytest.fixture
def fake_setfit_sst2(monkeypatch):
    """A stand-in with SetFit/sst2's shape: train/validation/test, `text`, int `label`, and `label_text`."""
    def split(n, offset):
        return datasets.Dataset.from_dict({"text": [f"sentence {offset + i}" for i in range(n)],
                                           "label": [i % 2 for i in range(n)],
                                           "label_text": ["negative", "positive"] * (n // 2)})

    fake = datasets.DatasetDict({"train": split(100, 0), "validation": split(20, 500), "test": split(40, 900)})
    monkeypatch.setattr(datasets, "load_dataset", lambda name, *a, **k: fake)


def test_setfit_full_data_takes_label_names_from_label_text(fake_setfit_sst2):
    cfg = lab_config("03_setfit", "full")
    ds, names = data.load_text_classification(cfg.data, eval_size=cfg.eval_size)
    assert names == ["negative", "positive"]
    assert [len(ds[s]) for s in ("train", "validation", "test")] == [100, 20, 40]
    assert list(ds["test"]["label"])[:2] == [0, 1]  # ids keep the dataset's own order
    assert cfg.label_prompt.format(names[1]) == "positive review"


def test_setfit_full_model_is_a_sentence_transformer_id():
    cfg = lab_config("03_setfit", "full")
    assert cfg.model == "sentence-transformers/paraphrase-mpnet-base-v2" and cfg.data == "SetFit/sst2"
    assert cfg.n_seeds >= 3 and sorted(cfg.shots) == cfg.shots


def test_mlm_body_copies_into_a_classifier_for_the_full_and_offline_model_kinds():
    """Lab 04 builds each classifier from the original checkpoint and copies an adapted masked-LM body into it:
    DistilBERT (full) must match key for key; BERT/MiniLM (offline) may only lack the pooler, which MLM models have not."""
    from transformers import (BertConfig, BertForMaskedLM, BertForSequenceClassification, DistilBertConfig,
                              DistilBertForMaskedLM, DistilBertForSequenceClassification)

    distil = DistilBertConfig(n_layers=2, dim=32, hidden_dim=64, n_heads=2, vocab_size=100)
    missing, unexpected = DistilBertForSequenceClassification(distil).base_model.load_state_dict(
        DistilBertForMaskedLM(distil).base_model.state_dict(), strict=False)
    assert (missing, unexpected) == ([], [])
    bert = BertConfig(num_hidden_layers=2, hidden_size=32, intermediate_size=64, num_attention_heads=2, vocab_size=100)
    missing, unexpected = BertForSequenceClassification(bert).base_model.load_state_dict(
        BertForMaskedLM(bert).base_model.state_dict(), strict=False)
    assert unexpected == [] and missing and all(k.startswith("pooler") for k in missing)
    assert lab_config("04_mlm", "full").model == "distilbert/distilbert-base-uncased"


@pytest.fixture
def fake_summarization_hub(monkeypatch):
    """Stand-ins with the shapes of knkarthick/dialogsum (id, dialogue, summary, topic) and abisee/cnn_dailymail
    config 3.0.0 (article, highlights with one sentence per line, id); each has train/validation/test."""
    def dialogsum(n, offset):
        return datasets.Dataset.from_dict({"id": [f"train_{offset + i}" for i in range(n)],
                                           "dialogue": [f"#Person1#: Hello {offset + i}.\n#Person2#: Hi." for i in range(n)],
                                           "summary": [f"#Person1# greets #Person2# {i}." for i in range(n)],
                                           "topic": ["greeting"] * n})

    def cnn(n, offset):
        return datasets.Dataset.from_dict({"article": [f"Story {offset + i}. More text." for i in range(n)],
                                           "highlights": [f"Point {i} .\nAnother point ." for i in range(n)],
                                           "id": [str(offset + i) for i in range(n)]})

    calls = []

    def load_dataset(name, *args, **kwargs):
        calls.append((name, args))
        make = {"knkarthick/dialogsum": dialogsum, "abisee/cnn_dailymail": cnn}[name]
        if name == "abisee/cnn_dailymail" and args != ("3.0.0",):
            raise ValueError("Config name is missing.")
        return datasets.DatasetDict({"train": make(300, 0), "validation": make(40, 1000), "test": make(60, 2000)})

    monkeypatch.setattr(datasets, "load_dataset", load_dataset)
    return calls


def test_summarization_full_data_loads_both_tasks_with_their_columns(fake_summarization_hub):
    from labs_lib.summaries import load_summaries

    cfg = lab_config("02_summarization", "full")
    for task in ("dialogue", "document"):
        ds = load_summaries(cfg.data[task], task, columns=cfg.columns[task], hub_config=cfg.hub_config[task],
                            train_size=cfg.train_size, eval_size=cfg.eval_size)
        assert ds.column_names["test"] == [task, "summary"]
        assert [len(ds[s]) for s in ("train", "validation", "test")] == [300, 40, 60]
    assert fake_summarization_hub == [("knkarthick/dialogsum", ()), ("abisee/cnn_dailymail", ("3.0.0",))]


def test_summarization_full_lora_targets_exist_in_flan_t5_base_and_train_under_5_percent():
    """flan-t5-base's published configuration, built on the meta device (shapes only, no memory, no download)."""
    import torch
    from peft import LoraConfig, TaskType, get_peft_model
    from transformers import T5Config, T5ForConditionalGeneration

    cfg = lab_config("02_summarization", "full")
    assert cfg.model == "google/flan-t5-base" and cfg.bertscore_model == "roberta-large"
    config = T5Config(vocab_size=32128, d_model=768, d_ff=2048, d_kv=64, num_layers=12, num_decoder_layers=12,
                      num_heads=12, feed_forward_proj="gated-gelu", tie_word_embeddings=False)
    with torch.device("meta"):
        model = get_peft_model(T5ForConditionalGeneration(config), LoraConfig(
            task_type=TaskType.SEQ_2_SEQ_LM, r=cfg.lora_r, target_modules=cfg.lora_targets))
    adapted = {n.split(".lora_A")[0] for n, _ in model.named_parameters() if "lora_A" in n}
    assert len(adapted) == 12 * 2 + 12 * 4  # encoder: self-attention q, v; decoder: self- and cross-attention q, v
    trainable, total = models.count_parameters(model)
    assert trainable == len(adapted) * cfg.lora_r * (768 + 768)
    assert trainable / total < 0.05
