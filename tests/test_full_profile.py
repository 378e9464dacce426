"""What the `full` (Colab) profile shares with the offline ones, checked here without the network against the
rehearsal's stand-in hub (tests/standin_hub.py): every full hub id has a stand-in and a pinned revision, the labs'
readers see exactly the columns and label names the stand-ins declare, and the models' module names exist."""

from pathlib import Path

import datasets
import pandas as pd
import pytest

from labs_lib import data, models
from labs_lib.sources import HUB_REVISIONS
from labs_lib.labs import LABS, lab_config, table


@pytest.fixture(scope="module")
def standin(tmp_path_factory):
    """The stand-in hub of the rehearsal (tests/standin_hub.py), with datasets and huggingface_hub pointed at it."""
    import huggingface_hub.constants
    import standin_hub

    home = tmp_path_factory.mktemp("hf")
    standin_hub.build(home)
    patch = pytest.MonkeyPatch()
    patch.setattr(datasets.config, "HF_DATASETS_CACHE", home / "datasets")
    patch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(home / "hub"))
    patch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    patch.setattr(datasets.config, "HF_HUB_OFFLINE", True)
    yield standin_hub
    patch.undo()


def declared(standin_hub, repo_id):
    return standin_hub.DATASETS[repo_id]


def test_every_full_hub_id_has_a_stand_in_and_a_pinned_revision():
    import standin_hub

    ids = set()
    for lab in LABS:
        rows = table(lab)
        row = rows["full"]
        for key in ("model", "embed_model", "long_models", "bertscore_model", "data", "corpus"):
            values = row.get(key)
            for value in (values.values() if isinstance(values, dict) else [values]):
                if isinstance(value, str) and value.count("/") == 1 and not value.startswith("assets/"):
                    ids.add(value)
    assert ids == set(standin_hub.MODELS) | set(standin_hub.DATASETS)
    assert ids == set(HUB_REVISIONS), "every hub id of a full row is pinned to a revision"
    for repo_id, revision in HUB_REVISIONS.items():
        assert revision == "refs/convert/parquet" or len(revision) == 40 and int(revision, 16) >= 0, repo_id


def test_classification_readers_see_the_declared_labels(standin):
    for lab, repo_id in (("01_classification", "stanfordnlp/imdb"), ("03_setfit", "SetFit/sst2")):
        cfg = lab_config(lab, "full")
        assert cfg.data == repo_id
        splits, report = data.load(cfg, "classification", seed=0)
        spec = declared(standin, repo_id)
        names = spec["features"]["label"] if isinstance(spec["features"]["label"], list) else ["negative", "positive"]
        assert report.labels == names and splits["train"].features["label"].names == names
        assert splits.column_names["train"] == ["text", "label"]
        assert not set(splits["train"]["text"]) & set(splits["test"]["text"]) or lab == "03_setfit"
    assert lab_config("03_setfit", "full").label_prompt.format("positive") == "positive review"


def test_full_sizes_beyond_a_stand_in_are_capped_to_what_exists_and_reported(standin):
    cfg = lab_config("01_classification", "full")
    splits, report = data.load(cfg, "classification", seed=0)
    assert cfg.train_size > len(splits["train"]) > 0
    assert report.rows["train"][0] == report.rows["train"][1] == len(splits["train"])


def test_mlm_corpus_reads_imdb_unsupervised_and_test(standin):
    cfg = lab_config("04_mlm", "full")
    corpus, report = data.load(cfg, "texts", source="corpus", seed=0)
    spec = declared(standin, "stanfordnlp/imdb")
    assert set(corpus) == {"train", "test"}
    assert len(corpus["train"]) == spec["splits"]["unsupervised"] and len(corpus["test"]) == spec["splits"]["test"]


def test_summaries_read_both_tasks_with_their_columns_and_dialogsum_test_once_per_dialogue(standin):
    cfg = lab_config("02_summarization", "full")
    for task, repo_id in (("dialogue", "knkarthick/dialogsum"), ("document", "abisee/cnn_dailymail")):
        splits, report = data.load(cfg, "summaries", task=task, seed=0)
        assert splits.column_names["test"] == [task, "summary", "references"]
        spec = declared(standin, repo_id)
        expected_test = -(-spec["splits"]["test"] // (3 if task == "dialogue" else 1))
        assert len(splits["test"]) == expected_test, "one row per input: DialogSum's test repeats each dialogue 3x"
        assert any("streamed" in note for note in report.notes)


def test_ner_reads_conll2003_tag_names_from_its_classlabel(standin):
    cfg = lab_config("05_ner", "full")
    splits, report = data.load(cfg, "ner", seed=0)
    tags = declared(standin, "eriktks/conll2003")["features"]["ner_tags"][0]
    names = splits["train"].features["ner_tags"].feature.names
    assert sorted(report.labels) == sorted(names) == sorted(tags)
    hub = datasets.load_dataset("eriktks/conll2003", split="test")   # the stand-in as the hub reader sees it
    first = splits["test"][0]
    row = next(r for r in hub if r["tokens"] == first["tokens"])
    assert [names[i] for i in first["ner_tags"]] == [tags[i] for i in row["ner_tags"]], "tag names follow the ids"


def test_full_models_load_from_the_pinned_snapshot_with_the_real_module_names(standin):
    from peft import LoraConfig, TaskType, get_peft_model
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    cfg = lab_config("01_classification", "full")
    path = models.model_path(cfg.model)
    assert path.endswith(HUB_REVISIONS[cfg.model])
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
    assert type(model).__name__ == "DistilBertForSequenceClassification"
    assert len(models.encoder_layers(model)) > max(cfg.freeze_sweep)
    assert len(AutoTokenizer.from_pretrained(path)) > 100, "a real vocabulary, not only special tokens"
    assert set(cfg.head_modules) <= {n.split(".")[-1] for n, _ in model.named_modules()}
    peft_model = get_peft_model(model, LoraConfig(task_type=TaskType.SEQ_CLS, r=4, target_modules=cfg.lora_targets))
    lora_layers = {n.split(".lora_A")[0] for n, _ in peft_model.named_parameters() if "lora_A" in n}
    assert len(lora_layers) == len(models.encoder_layers(model)) * len(cfg.lora_targets)


def test_bertscore_full_model_is_rescaled_at_layer_17_with_a_prefix_space_tokenizer(standin):
    from labs_lib import metrics

    cfg = lab_config("02_summarization", "full")
    scorer = metrics.bertscorer(cfg.bertscore_model, cfg.bertscore_layers)
    assert scorer.rescale_with_baseline and scorer.baseline_path.endswith("roberta-large.tsv")
    assert len(scorer._model.encoder.layer) == cfg.bertscore_layers == 17
    assert scorer._tokenizer.add_prefix_space and len(scorer._tokenizer) > 100
    same = metrics.bertscore_f1(["the cat sat on the mat"], ["the cat sat on the mat"], scorer)[0]
    assert same == pytest.approx(1.0, abs=1e-3), "identical texts rescale to 1"


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
    assert all(0 < k < len(models.encoder_layers(model)) for k in cfg.freeze_sweep)   # cpu may have none


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


def test_summarization_full_lora_targets_exist_in_flan_t5_base_and_train_under_5_percent():
    """flan-t5-base's published configuration, built on the meta device (shapes only, no memory, no download)."""
    import torch
    from peft import LoraConfig, TaskType, get_peft_model
    from transformers import T5Config, T5ForConditionalGeneration

    cfg = lab_config("02_summarization", "full")
    assert cfg.model == "google/flan-t5-base" and cfg.bertscore_model == "FacebookAI/roberta-large"
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


def test_banking77_reads_its_intent_names_and_gets_a_validation_split_carved_from_train(standin):
    cfg = lab_config("08_peft_and_search", "full")
    assert cfg.data == "mteb/banking77"
    splits, report = data.load(cfg, "classification", seed=0)
    spec = declared(standin, "mteb/banking77")
    names = sorted(pd.read_csv(Path(__file__).resolve().parent.parent / "assets" / "intents" / "train.csv")["label"].unique())
    assert report.labels == names, "int labels take their names from label_text, in id order"
    assert set(splits) == {"train", "validation", "test"}
    assert len(splits["train"]) + len(splits["validation"]) == spec["splits"]["train"]
    assert "15% of train" in report.split
