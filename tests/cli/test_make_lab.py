"""`make lab LAB_ARGS=...` serves JupyterLab on the start page, as the README promises."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_lab_serves_the_start_page(tmp_path):
    port, token = free_port(), "test-token"
    args = (
        f"--no-browser --ServerApp.ip=127.0.0.1 --port {port} --ServerApp.port_retries=0 "
        f"--IdentityProvider.token={token} --allow-root"
    )
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path)}
    proc = subprocess.Popen(
        ["make", "-s", "lab", f"LAB_ARGS={args}"],
        cwd=REPO,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, "make lab exited early"
                assert time.monotonic() < deadline, "JupyterLab did not answer within 90 s"
                time.sleep(0.5)
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(f"{base}/?token={token}", timeout=5)
        location = redirect.value.headers["Location"]
        redirect.value.close()
        assert location.startswith("/lab/tree/notebooks/en/00-start-here.ipynb")
        with urllib.request.urlopen(f"{base}/api/contents/notebooks/ja?token={token}", timeout=5) as response:
            listing = response.read()
        assert b"00-start-here.ipynb" in listing
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
