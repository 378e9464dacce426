"""labs_lib.scaling: the memory arithmetic of lab 10, against values worked out by hand."""

import pytest

from labs_lib.scaling import bytes_per_parameter, fits, model_state_bytes

SEVEN_B = 7_000_000_000


def test_adam_keeps_16_bytes_per_parameter_in_fp32_and_in_mixed_precision():
    assert sum(bytes_per_parameter(True).values()) == 16 == sum(bytes_per_parameter(False).values())


@pytest.mark.parametrize("strategy, devices, gb", [
    ("ddp", 8, 112.0),        # 7e9 x 16: every device holds everything
    ("zero1", 8, 38.5),       # 7e9 x (2 + 2 + 12 / 8)
    ("zero2", 8, 26.25),      # 7e9 x (2 + (2 + 12) / 8)
    ("zero3", 8, 14.0),       # 7e9 x 16 / 8
    ("fsdp", 2, 56.0),        # 7e9 x 16 / 2
    ("zero3", 1, 112.0),      # one device: sharding saves nothing
])
def test_a_7b_model_in_mixed_precision(strategy, devices, gb):
    assert model_state_bytes(SEVEN_B, strategy, devices) / 1e9 == pytest.approx(gb)


def test_fp32_zero1_shards_only_the_8_optimizer_bytes():
    assert model_state_bytes(1_000_000, "zero1", 4, mixed_precision=False) == 1_000_000 * (4 + 4 + 8 / 4)


def test_what_fits_on_which_gpus():
    assert not fits(SEVEN_B, "ddp", 8, 80)          # 112 GB of states on each 80 GB device
    assert fits(SEVEN_B, "zero3", 8, 24)            # 14 GB <= 0.8 x 24
    assert not fits(SEVEN_B, "zero3", 2, 24)        # 56 GB
    assert fits(66_000_000, "ddp", 1, 16)           # DistilBERT: ~1.06 GB


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="unknown strategy 'zero4'"):
        model_state_bytes(1, "zero4")
    with pytest.raises(ValueError, match="devices must be >= 1"):
        model_state_bytes(1, "ddp", 0)
