"""The network guard must trip: a process started with it cannot connect out, and the attempt is logged."""

import os
import socket
import subprocess
import sys
from pathlib import Path

GUARD = Path(__file__).parent / "netguard"

PROBE = """
import socket
try:
    socket.socket().connect(("10.255.255.2", 443))
    print("CONNECTED")
except OSError as err:
    print("REFUSED", err)
try:
    socket.create_connection(("10.255.255.1", 443), timeout=2)
    print("CONNECTED")
except OSError as err:
    print("REFUSED", err)
try:
    socket.getaddrinfo("huggingface.co", 443)
    print("RESOLVED")
except OSError as err:
    print("REFUSED", err)
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(1)
client = socket.create_connection(server.getsockname(), timeout=2)
print("LOOPBACK OK")
"""


def test_guard_refuses_outside_and_allows_loopback(tmp_path):
    log = tmp_path / "net.log"
    env = {**os.environ, "PYTHONPATH": str(GUARD), "LABS_NETGUARD_LOG": str(log)}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60).stdout
    assert out.count("REFUSED labs network guard") == 3, out
    assert "CONNECTED" not in out and "RESOLVED" not in out
    assert "LOOPBACK OK" in out
    logged = log.read_text()
    assert "connect to ('10.255.255.2', 443)" in logged and "huggingface.co" in logged


def test_this_test_run_is_guarded():
    """The test command puts the guard on PYTHONPATH for every process, this one included."""
    if not os.environ.get("LABS_NETGUARD_LOG"):
        import pytest

        pytest.skip("run through scripts/run_tests.sh to get the guard")
    assert socket.getaddrinfo.__name__ == "_guarded_getaddrinfo"
