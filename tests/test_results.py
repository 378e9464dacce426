import json

import pytest

from labs_lib import results

ROW = {"method": "m", "accuracy": 0.5, "f1_macro": 0.4}


def test_save_results_writes_the_shape(tmp_path):
    path = results.save_results("01_x", [ROW], ["method", "accuracy"], tmp_path, profile="smoke", model="tiny")
    doc = json.loads(path.read_text())
    assert path.name == "01_x.json"
    assert doc["lab"] == "01_x" and doc["profile"] == "smoke" and doc["methods"] == [ROW]


def test_save_results_refuses_incomplete_or_nan(tmp_path):
    with pytest.raises(ValueError, match="lacks"):
        results.save_results("x", [ROW], ["method", "train_seconds"], tmp_path)
    with pytest.raises(ValueError, match="non-finite"):
        results.save_results("x", [{**ROW, "accuracy": float("nan")}], ["accuracy"], tmp_path)


def test_results_dir_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv("LABS_RESULTS_DIR", str(tmp_path / "r"))
    assert results.results_dir() == tmp_path / "r" and (tmp_path / "r").is_dir()


def test_summary_has_a_table_per_lab(tmp_path):
    results.save_results("01_a", [ROW, {**ROW, "method": "n", "train_seconds": 1.5}], ["method"], tmp_path)
    results.save_results("02_b", [ROW], ["method"], tmp_path)
    text = results.write_summary(tmp_path).read_text()
    assert "## 01_a" in text and "## 02_b" in text
    assert "| method | accuracy | f1_macro | train_seconds |" in text
    assert "| n | 0.500 | 0.400 | 1.500 |" in text
