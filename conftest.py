import importlib.util
import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")


def pytest_sessionfinish(session, exitstatus):
    """Fail the whole run if the network guard (tests/netguard/sitecustomize.py) refused anything."""
    log = os.environ.get("LABS_NETGUARD_LOG")
    if log and Path(log).exists() and Path(log).read_text().strip():
        print(f"\nNETWORK GUARD: something tried to reach the network during the run:\n{Path(log).read_text()}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def asset_generator():
    """``asset_generator("make_ner")`` imports assets/make_ner.py (the data generators are scripts, not a package)."""
    def load(name):
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "assets" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load
