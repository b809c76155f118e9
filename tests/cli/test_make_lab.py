"""`make lab LAB_ARGS=...` serves JupyterLab on the start page, as the README promises."""

from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.request

import pytest
from tests.helpers import REPO, free_port, running_server


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
    base = f"http://127.0.0.1:{port}"

    def ready() -> None:
        with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
            pass

    argv = ["make", "-s", "lab", f"LAB_ARGS={args}"]
    with running_server(argv, ready=ready, what="make lab (JupyterLab)", cwd=REPO, env=env):
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(f"{base}/?token={token}", timeout=5)
        location = redirect.value.headers["Location"]
        redirect.value.close()
        assert location.startswith("/lab/tree/notebooks/en/00-start-here.ipynb")
        with urllib.request.urlopen(f"{base}/api/contents/notebooks/ja?token={token}", timeout=5) as response:
            listing = response.read()
        assert b"00-start-here.ipynb" in listing
