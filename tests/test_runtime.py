"""labs_lib.runtime decides once per lab: device, precision and whether progress is shown."""

import pytest

from labs_lib import runtime


def test_progress_is_on_unless_labs_progress_is_0_and_a_bad_value_is_named(monkeypatch):
    monkeypatch.delenv("LABS_PROGRESS", raising=False)
    assert runtime.show_progress() is True
    monkeypatch.setenv("LABS_PROGRESS", "0")
    assert runtime.show_progress() is False
    rt = runtime.setup()
    assert rt.progress is False and str(rt) == "device: cpu | precision: fp32 | progress: off"
    monkeypatch.setenv("LABS_PROGRESS", "yes")
    with pytest.raises(ValueError, match="LABS_PROGRESS='yes': use 1"):
        runtime.show_progress()


def test_labs_precision_must_be_a_known_name(monkeypatch):
    monkeypatch.setenv("LABS_PRECISION", "fp8")
    with pytest.raises(ValueError, match="use bf16, fp16 or fp32"):
        runtime.setup()


def test_embedding_progress_follows_the_switch(monkeypatch, capsys):
    import torch
    from transformers import AutoModel, AutoTokenizer

    from labs_lib import embeddings, models

    path = models.model_path("tiny:bert")
    tok, enc = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path)
    for value, shown in (("0", False), ("1", True)):
        monkeypatch.setenv("LABS_PROGRESS", value)
        with torch.inference_mode():
            embeddings.embed_sentences(["a short one.", "and another."], tok, enc, max_length=16)
        assert ("embedding sentences" in capsys.readouterr().err) is shown
