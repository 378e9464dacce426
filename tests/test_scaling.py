"""Lab 10 (labs_lib.labs.lab10_scaling_out): the memory arithmetic of lab 10, against values worked out by hand."""

import pytest

from labs_lib.labs.lab10_scaling_out import bytes_per_parameter, fits, model_state_bytes, qlora_state_bytes

SEVEN_B = 7_000_000_000


def test_adam_keeps_16_bytes_per_parameter_in_every_scheme_split_differently():
    assert {s: sum(bytes_per_parameter(s).values()) for s in ("fp32", "autocast", "deepspeed-mixed")} == \
        {"fp32": 16, "autocast": 16, "deepspeed-mixed": 16}
    # the Trainer's bf16/fp16 is autocast: fp32 weights and gradients, as in fp32 training
    assert bytes_per_parameter("autocast") == {"weights": 4, "gradients": 4, "optimizer": 8}
    assert bytes_per_parameter("deepspeed-mixed") == {"weights": 2, "gradients": 2, "optimizer": 12}


@pytest.mark.parametrize("scheme, strategy, devices, gb", [
    ("autocast", "ddp", 8, 112.0),               # 7e9 x 16: every device holds everything
    ("deepspeed-mixed", "ddp", 8, 112.0),
    ("autocast", "zero1", 8, 63.0),              # 7e9 x (4 + 4 + 8 / 8)
    ("deepspeed-mixed", "zero1", 8, 38.5),       # 7e9 x (2 + 2 + 12 / 8)
    ("autocast", "zero2", 8, 38.5),              # 7e9 x (4 + (4 + 8) / 8)
    ("deepspeed-mixed", "zero2", 8, 26.25),      # 7e9 x (2 + (2 + 12) / 8)
    ("autocast", "zero3", 8, 14.0),              # 7e9 x 16 / 8: all sharded, the split no longer matters
    ("deepspeed-mixed", "zero3", 8, 14.0),
    ("autocast", "fsdp", 2, 56.0),               # 7e9 x 16 / 2
    ("deepspeed-mixed", "zero3", 1, 112.0),      # one device: sharding saves nothing
])
def test_a_7b_model(scheme, strategy, devices, gb):
    assert model_state_bytes(SEVEN_B, strategy, devices, scheme) / 1e9 == pytest.approx(gb)


def test_the_default_scheme_is_what_the_trainer_runs():
    assert model_state_bytes(SEVEN_B, "zero1", 8) / 1e9 == pytest.approx(63.0)


def test_fp32_zero1_shards_only_the_8_optimizer_bytes():
    assert model_state_bytes(1_000_000, "zero1", 4, "fp32") == 1_000_000 * (4 + 4 + 8 / 4)


def test_qlora_by_hand():
    # 1e9 frozen weights in 4 bits, no constants: 0.5 GB; 1e6 LoRA weights with fp32 Adam: 16 MB
    assert qlora_state_bytes(10**9, 10**6, constant_bits=0) == 0.5e9 + 16e6
    # 100 of them kept in 16 bits (embeddings, head): 2 bytes each instead of 0.5
    assert qlora_state_bytes(10**9, 0, unquantized=100, constant_bits=0) == (10**9 - 100) * 0.5 + 200
    # NF4 with double quantization: 4.127 bits per quantized weight
    assert qlora_state_bytes(8_000, 0) == pytest.approx(8_000 * 4.127 / 8)


def test_a_7b_qlora_fits_a_16_gb_t4():
    """Llama-2-7B's shape: 6,738,415,616 parameters, embeddings and head 2 x 32,000 x 4,096 kept in 16 bits; LoRA
    r=16 on the 7 projections of 32 layers: 32 x 16 x (4 x (4096 + 4096) + 3 x (4096 + 11008)) = 39,976,960."""
    lora = 32 * 16 * (4 * (4096 + 4096) + 3 * (4096 + 11008))
    assert lora == 39_976_960
    gb = qlora_state_bytes(6_738_415_616, lora, unquantized=2 * 32_000 * 4_096) / 1e9
    # (6,738,415,616 - 262,144,000) x 4.127 / 8 = 3.341 GB + 262,144,000 x 2 = 0.524 GB + 39,976,960 x 16 = 0.640 GB
    assert gb == pytest.approx(3.341 + 0.524 + 0.640, abs=0.002)
    assert gb < 0.8 * 16 < model_state_bytes(6_738_415_616) / 1e9   # full fine-tuning (107.8 GB) does not fit


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
    with pytest.raises(ValueError, match="unknown scheme 'mixed'"):
        model_state_bytes(1, "ddp", 1, "mixed")
