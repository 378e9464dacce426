"""`scripts/open_labs.sh` (the README's "open the labs" line) starts JupyterLab on notebooks/, offline, with the
profile it was given: the server answers, lists every lab, serves the JupyterLab page, and a kernel it starts sees
the profile and the progress switch. A profile it does not know stops it with a message naming the valid ones."""

import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from jupyter_client import BlockingKernelClient

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, token: str, data: bytes | None = None, method: str = "GET"):
    request = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def test_open_labs_serves_every_lab_in_the_chosen_profile(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    env.pop("LABS_PROGRESS", None)
    server = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "open_labs.sh"), "--profile", "smoke", "--no-browser", "--ip", "127.0.0.1",
         f"--port={port}", f"--IdentityProvider.token={token}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                status, _ = get(f"{base}/api/status", token)
                break
            except OSError:
                assert server.poll() is None, f"JupyterLab exited: {server.stdout.read()}"
                assert time.time() < deadline, "JupyterLab did not answer within 120 s"
                time.sleep(1)
        listed = {item["name"] for item in json.loads(get(f"{base}/api/contents/", token)[1])["content"]}
        labs = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
        assert labs and labs <= listed
        status, page = get(f"{base}/lab", token)
        assert status == 200 and b"JupyterLab" in page
        # a kernel started by this server sees the profile and the progress switch the script set
        kernel = json.loads(get(f"{base}/api/kernels", token, data=b"{}", method="POST")[1])
        client = BlockingKernelClient(connection_file=str(tmp_path / "runtime" / f"kernel-{kernel['id']}.json"))
        client.load_connection_file()
        client.start_channels()
        seen = []
        try:
            client.wait_for_ready(timeout=60)
            client.execute_interactive("import os; print(os.environ['LABS_PROFILE'], os.environ['LABS_PROGRESS'])",
                                       timeout=60, output_hook=lambda msg: seen.append(msg["content"].get("text", "")))
        finally:
            client.stop_channels()
        assert "".join(seen).split() == ["smoke", "1"]
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "profile 'smoke'" in output


def test_open_labs_refuses_an_unknown_profile():
    run = subprocess.run(["bash", str(ROOT / "scripts" / "open_labs.sh"), "--profile", "gpu"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "unknown profile 'gpu': use smoke, cpu or full" in run.stderr
