"""Lab 08's library pieces, and the bottleneck adapter the lab writes in its own cell (marked #@save there, exported
into the lab module by scripts/export_taught.py)."""
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import torch

from labs_lib import lab_config, models
from labs_lib.profiles import ConfigError
from labs_lib.labs import lab08_peft_and_search as lab08

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "08_peft_and_search.ipynb"


@pytest.fixture(scope="module")
def tiny_classifier():
    from transformers import AutoModelForSequenceClassification

    path = models.model_path("tiny:bert")

    def build():
        torch.manual_seed(0)
        return AutoModelForSequenceClassification.from_pretrained(path, num_labels=3)
    return build


def is_head(name):   # the tiny BERT's head: the classifier and the pooler under it
    return any(p in name.split(".") for p in ["classifier", "pooler"])


def test_a_new_adapter_is_the_identity():
    adapter = lab08.BottleneckAdapter(hidden=8, size=2)
    x = torch.randn(4, 5, 8)
    assert torch.equal(adapter(x), x)
    assert sum(p.numel() for p in adapter.parameters()) == 2 * 8 * 2 + 2 + 8


def test_adapters_leave_the_model_unchanged_at_start_and_train_alone(tiny_classifier):
    base, adapted = tiny_classifier().eval(), tiny_classifier()
    lab08.add_bottleneck_adapters(adapted, ["attention.output.dense", "output.dense"], size=4, is_head=is_head)
    adapted.eval()
    ids = torch.randint(5, 100, (2, 7))
    with torch.no_grad():
        assert torch.allclose(base(input_ids=ids).logits, adapted(input_ids=ids).logits, atol=1e-6)
    layers = models.encoder_layers(adapted)
    hidden = adapted.config.hidden_size
    adapters = [m for m in adapted.modules() if isinstance(m, lab08.BottleneckAdapter)]
    assert len(adapters) == 2 * len(layers)
    trainable = {n for n, p in adapted.named_parameters() if p.requires_grad}
    assert not any("attention.self" in n or "word_embeddings" in n for n in trainable), "the body must stay frozen"
    adapter_params = sum(p.numel() for a in adapters for p in a.parameters())
    assert adapter_params == 2 * len(layers) * (2 * hidden * 4 + 4 + hidden)
    adapted.train()
    out = adapted(input_ids=ids, labels=torch.tensor([0, 2]))
    out.loss.backward()
    ups = [a.up.weight.grad for a in adapters]
    assert all(g is not None and g.abs().sum() > 0 for g in ups), "gradients reach every adapter"


def test_pareto_front_by_hand():
    table = pd.DataFrame({"params": [10, 100, 1000, 50, 100], "acc": [0.5, 0.8, 0.9, 0.4, 0.7]},
                         index=["a", "b", "c", "dominated by a", "dominated by b"])
    assert lab08.pareto_front(table, "params", "acc") == ["a", "b", "c"]
    tie = pd.DataFrame({"params": [10, 10], "acc": [0.5, 0.5]}, index=["x", "y"])
    assert lab08.pareto_front(tie, "params", "acc") == ["x", "y"], "equal rows do not dominate each other"


def test_grid_size_and_adapter_exercises(capsys):
    grid = {"learning_rate": [1e-4, 3e-4, 1e-3], "lora_r": [4, 8, 16, 32], "lora_dropout": [0.0, 0.1]}
    assert lab08.check_grid_size(None, grid) is False
    assert "Not answered yet" in capsys.readouterr().out
    assert lab08.check_grid_size(24, grid) is True
    with pytest.raises(AssertionError, match="3 x 4 x 2"):
        lab08.check_grid_size(9, grid)
    assert lab08.check_adapter_params(2 * 384 * 32 + 32 + 384, hidden=384, size=32) is True
    with pytest.raises(AssertionError):
        lab08.check_adapter_params(2 * 384 * 32, hidden=384, size=32)


def test_a_dict_setting_takes_some_entries_and_refuses_unknown_ones():
    cfg = lab_config("08_peft_and_search", "smoke", {"lrs": {"lora": [1e-3, 3e-3]}})
    assert cfg.lrs["lora"] == [1e-3, 3e-3]
    assert cfg.lrs["full"] == lab_config("08_peft_and_search", "smoke").lrs["full"], "other entries stay"
    with pytest.raises(ConfigError, match="no entry \\['loraa'\\]"):
        lab_config("08_peft_and_search", "smoke", {"lrs": {"loraa": [1e-3]}})


def test_every_method_of_the_lab_has_candidate_learning_rates_in_every_profile():
    keys = {frozenset(lab_config("08_peft_and_search", p).lrs) for p in ("smoke", "cpu", "full")}
    assert len(keys) == 1
    nb = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for key in lab_config("08_peft_and_search", "smoke").lrs:
        assert f'"{key}"' in source, f"lrs entry {key!r} is used by no method in the lab"


def test_the_grid_lies_inside_the_search_space():
    for profile in ("smoke", "cpu", "full"):
        cfg = lab_config("08_peft_and_search", profile)
        lo, hi = cfg.search_space["learning_rate"]
        assert all(lo <= v <= hi for v in cfg.search_grid["learning_rate"])
        assert set(cfg.search_grid["lora_r"]) <= set(cfg.search_space["lora_r"])
        lo, hi = cfg.search_space["lora_dropout"]
        assert all(lo <= v <= hi for v in cfg.search_grid["lora_dropout"])


def test_the_grid_does_not_reuse_the_learning_rates_section_5_validated():
    for profile in ("smoke", "cpu", "full"):
        cfg = lab_config("08_peft_and_search", profile)
        assert not set(cfg.search_grid["learning_rate"]) & set(cfg.lrs["lora"]), profile


@pytest.mark.parametrize("profile", ["smoke", "full"])
def test_ia3_scales_keys_values_and_the_feed_forward_inner_activation(profile):
    """(IA)3's vectors: keys and values (hidden wide) and the feed-forward's inner activation (intermediate wide, the
    input of the second Linear); not the queries, not the attention's output projection."""
    from peft import IA3Config, TaskType, get_peft_model
    from transformers import AutoModelForSequenceClassification, DistilBertConfig

    cfg = lab_config("08_peft_and_search", profile)
    if profile == "smoke":
        model = AutoModelForSequenceClassification.from_pretrained(models.model_path(cfg.model), num_labels=3)
        hidden, inner, layers = model.config.hidden_size, model.config.intermediate_size, model.config.num_hidden_layers
    else:   # the full profile's DistilBERT architecture, small and random
        config = DistilBertConfig(vocab_size=100, dim=32, hidden_dim=80, n_layers=2, n_heads=2, num_labels=3)
        model = AutoModelForSequenceClassification.from_config(config)
        hidden, inner, layers = 32, 80, 2
    model = get_peft_model(model, IA3Config(task_type=TaskType.SEQ_CLS, target_modules=cfg.ia3_targets,
                                            feedforward_modules=cfg.ia3_feedforward))
    vectors = {n: p for n, p in model.named_parameters() if "ia3_l" in n}
    assert sum(p.numel() for p in vectors.values()) == (2 * hidden + inner) * layers
    assert not any(part in n for n in vectors for part in ("query", "q_lin", "attention.output", "out_lin"))
    assert sum(p.numel() == inner for p in vectors.values()) == layers, "one inner-width vector per block"


def test_samplers_are_ordered_only_when_their_means_are_more_than_two_standard_errors_apart():
    by_sampler = pd.DataFrame({"min": [0.80, 0.82], "max": [0.81, 0.83], "mean": [0.805, 0.825]},
                              index=["random", "Bayesian (TPE)"])   # ranges apart; means .02 apart
    spread = lab08.sampler_spread(by_sampler, n_validation=600)   # standard error about .016
    assert not spread["overlap"] and spread["spread"] < 2 * spread["val_se"] and not spread["orderable"]
    assert lab08.sampler_spread(by_sampler, n_validation=60000)["orderable"]   # standard error about .0016
    overlapping = by_sampler.assign(max=[0.84, 0.83])
    assert lab08.sampler_spread(overlapping, n_validation=60000)["overlap"]
