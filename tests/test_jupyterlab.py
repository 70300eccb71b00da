"""JupyterLab starts on the project's notebooks and lists them: the README's
way in (`make lab` runs `jupyter lab notebooks` from the project's root)."""
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

from khabar.article import PROJECT_ROOT
from khabar.export import notebook_paths


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_jupyterlab_lists_the_notebooks(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "notebooks", "--no-browser", "--ip=127.0.0.1",
         f"--port={port}", f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0"]
        + (["--allow-root"] if os.geteuid() == 0 else []),
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL, stderr=open(tmp_path / "lab.log", "wb"),
        env={"JUPYTER_RUNTIME_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        listing = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and listing is None:
            try:
                with urllib.request.urlopen(f"{base}/api/contents?token={token}", timeout=5) as answer:
                    listing = json.load(answer)
            except OSError:
                assert server.poll() is None, (tmp_path / "lab.log").read_text()
                time.sleep(0.5)
        assert listing is not None, (tmp_path / "lab.log").read_text()
        names = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
        assert names == [path.name for path in notebook_paths()]
        with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=10) as answer:
            assert answer.status == 200 and b"JupyterLab" in answer.read()
    finally:
        server.terminate()
        server.wait(timeout=30)
