import pytest

from labs_lib import checks, metrics
from labs_lib.labs import lab01_classification as lab01
from labs_lib.labs import lab03_setfit as lab03
from labs_lib.labs import lab06_long_transcripts as lab06


def test_classification_scores_by_hand():
    # y_true 0 0 1 1 1, y_pred 0 1 1 1 0: 3 of 5 right.
    # class 0: P=1/2 R=1/2 F1=1/2; class 1: P=2/3 R=2/3 F1=2/3; macro F1 = (1/2 + 2/3) / 2 = 7/12
    scores = metrics.classification_scores([0, 0, 1, 1, 1], [0, 1, 1, 1, 0])
    assert scores["accuracy"] == pytest.approx(0.6)
    assert scores["f1_macro"] == pytest.approx(7 / 12)


def test_per_class_table_by_hand():
    table = metrics.per_class_table([0, 0, 1, 1, 1], [0, 0, 0, 1, 1], ["neg", "pos"])
    assert list(table.index) == ["neg", "pos"]
    assert table.loc["neg", "precision"] == pytest.approx(0.667, abs=1e-3)  # 2 of 3 predicted neg are neg
    assert table.loc["pos", "recall"] == pytest.approx(0.667, abs=1e-3)     # 2 of 3 pos found
    assert table.loc["pos", "precision"] == 1.0 and table.loc["neg", "recall"] == 1.0
    assert list(table["support"]) == [2, 3]


def test_padded_tokens_by_hand():
    # batches [3, 5] and [2]: dynamic = 2*5 + 1*2 = 12; fixed to 8 = 3*8 = 24
    assert metrics.padded_tokens([3, 5, 2], batch_size=2) == 12
    assert metrics.padded_tokens([3, 5, 2], batch_size=2, pad_to=8) == 24


def test_padding_exercise_accepts_right_rejects_wrong(capsys):
    lengths = [12, 30, 7, 25, 16]  # pads: (30-12) + (25-7) + 0 = 36
    assert lab01.check_dynamic_padding(None, lengths, 2) is False
    assert "Hint" in capsys.readouterr().out
    assert lab01.check_dynamic_padding(36, lengths, 2) is True
    with pytest.raises(AssertionError, match="longest"):
        lab01.check_dynamic_padding(40, lengths, 2)


def test_lora_exercise_counts_like_peft(tmp_path):
    from peft import LoraConfig, TaskType, get_peft_model
    from transformers import AutoModelForSequenceClassification

    from labs_lib.builders import build_tiny_bert

    model = AutoModelForSequenceClassification.from_pretrained(build_tiny_bert(tmp_path / "t"), num_labels=2)
    by_hand = 2 * 2 * 4 * (64 + 64)  # 2 layers x (query, value) x r * (in + out)
    assert checks.lora_added_parameters(model, 4, ["query", "value"])[0] == by_hand
    peft_model = get_peft_model(model, LoraConfig(task_type=TaskType.SEQ_CLS, r=4, target_modules=["query", "value"]))
    lora = sum(p.numel() for n, p in peft_model.named_parameters() if "lora_" in n)
    assert lora == by_hand
    assert lab01.check_lora_params(by_hand, AutoModelForSequenceClassification.from_pretrained(
        build_tiny_bert(tmp_path / "t"), num_labels=2), 4, ["query", "value"])
    fresh = AutoModelForSequenceClassification.from_pretrained(build_tiny_bert(tmp_path / "t"), num_labels=2)
    with pytest.raises(AssertionError, match="has 4 targeted Linear layers"):
        lab01.check_lora_params(by_hand + 1, fresh, 4, ["query", "value"])


@pytest.mark.parametrize("n,k", [(1, 2), (4, 2), (8, 3), (8, 5), (16, 2)])
def test_pair_formula_matches_setfits_sampler(n, k):
    # same-class pairs K*N(N+1)/2, cross-class K(K-1)/2*N^2; oversampling yields 2*max of the two
    same, cross = k * n * (n + 1) // 2, k * (k - 1) // 2 * n * n
    assert lab03.setfit_pair_count(n, k) == 2 * max(same, cross)
    assert lab03.setfit_pair_count(n, k, num_iterations=3) == 2 * 3 * n * k


def test_pair_count_exercise_accepts_right_rejects_wrong(capsys):
    # 8 shots x 3 classes: same 3*36 = 108, cross 3*64 = 192 -> 2*192 = 384
    assert lab03.check_pair_count(None, 8, 3) is False
    assert "Hint" in capsys.readouterr().out
    assert lab03.check_pair_count(384, 8, 3) is True
    with pytest.raises(AssertionError, match="max"):
        lab03.check_pair_count(300, 8, 3)
    with pytest.raises(AssertionError, match="num_iterations"):
        lab03.check_pair_count(384, 8, 3, num_iterations=20)


def test_windows_exercise_accepts_right_rejects_wrong(capsys):
    # 3,000 tokens, windows of 254 that share 32: the first covers 254, each next adds 222 -> 1 + ceil(2746 / 222) = 14
    assert lab06.check_windows(None, 3000, 254, 32) is False
    assert lab06.check_windows(14, 3000, 254, 32) is True
    with pytest.raises(AssertionError):
        lab06.check_windows(13, 3000, 254, 32)


def test_aggregate_exercise_takes_the_mean_probability_not_the_vote():
    probs = [[0.6, 0.3, 0.1], [0.1, 0.5, 0.4], [0.1, 0.45, 0.45]]  # means 0.267, 0.417, 0.317; votes Low, Medium, tie
    assert lab06.check_aggregate("Medium", probs, ["Low", "Medium", "High"]) is True
    with pytest.raises(AssertionError):
        lab06.check_aggregate("Low", probs, ["Low", "Medium", "High"])


def test_check_r2_against_a_hand_computed_value(capsys):
    from labs_lib.labs.lab07_honest_evaluation import check_r2

    # mean 5; constant 6: squared errors 16 + 4 + 0 + 4 = 24, squared distances from the mean 9 + 1 + 1 + 9 = 20
    assert check_r2(1 - 24 / 20, [2, 4, 6, 8], [6, 6, 6, 6]) is True
    assert check_r2(None, [2, 4, 6, 8], [6, 6, 6, 6]) is False and "Hint" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="can be negative"):
        check_r2(0.0, [2, 4, 6, 8], [6, 6, 6, 6])


def test_a_lesson_outcome_asserts_on_our_data_and_notes_on_yours(capsys):
    from types import SimpleNamespace

    ours = SimpleNamespace(profile="smoke", overridden=[])
    yours = SimpleNamespace(profile="cpu", overridden=["data"])
    colab = SimpleNamespace(profile="full", overridden=[])
    assert checks.lesson(ours, 0.9 > 0.8, "A beats B", "A 0.9, B 0.8") is True
    assert "lesson check passed: A beats B" in capsys.readouterr().out
    with pytest.raises(AssertionError, match=r"lesson check failed on the project's own data \(smoke\): A beats B"):
        checks.lesson(ours, 0.7 > 0.8, "A beats B", "A 0.7, B 0.8")   # a deliberately broken lesson stops nbval
    for cfg in (yours, colab):
        assert checks.lesson(cfg, 0.7 > 0.8, "A beats B", "A 0.7, B 0.8", meaning="B suits this data.") is False
        out = capsys.readouterr().out
        assert "NOTE -- lesson outcome not seen here: A beats B. Measured: A 0.7, B 0.8. B suits this data." in out
    assert checks.lesson_guarded(SimpleNamespace(profile="cpu", overridden=[]))
    assert not checks.lesson_guarded(SimpleNamespace(profile="smoke", overridden=["epochs"]))
