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
