"""A JupyterLab server and Debian's Chromium for the browser tier.

The server runs on 127.0.0.1 with a token, serving a temporary copy of the course so
saved answers and checkpoints never touch the repository. Chromium resolves no host but
127.0.0.1, and every request the page makes elsewhere is recorded; a test fails if the
page made any.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from tests.helpers import free_port, running_server

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # offline: no host resolves except this machine, whatever the page asks for
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def pytest_collection_modifyitems(config, items):
    reason = None
    if not CHROMIUM.exists():
        reason = "no browser: /usr/bin/chromium is missing (.ci/run installs Debian's chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "no browser driver: the playwright package is missing (pip install -e '.[dev]')"
    for item in items:
        if "browser" in item.keywords and reason:
            item.add_marker(pytest.mark.skip(reason=reason))


class LabServer:
    def __init__(self, root: Path, port: int, token: str):
        self.root, self.port, self.token = root, port, token
        self.base = f"http://127.0.0.1:{port}"

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}?token={self.token}"

    def api(self, path: str, method: str = "GET") -> object:
        # Listing kernels while one is starting can fail with a 500 (jupyter_server reads
        # the new kernel's last_activity before it is set): a GET is retried a few times.
        tries = 20 if method == "GET" else 1
        for attempt in range(1, tries + 1):
            request = urllib.request.Request(self.url(path), method=method)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    body = response.read()
                return json.loads(body) if body else None
            except urllib.error.HTTPError as e:
                if e.code < 500 or attempt == tries:
                    raise
                time.sleep(0.25)

    def reset_kernels(self) -> None:
        """Kernels and sessions outlive page loads; each test starts from none."""
        for session in self.api("api/sessions"):
            self.api(f"api/sessions/{session['id']}", method="DELETE")


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory) -> LabServer:
    root = tmp_path_factory.mktemp("course")
    for folder in ("lessons", "notebooks"):
        shutil.copytree(REPO / folder, root / folder)
    settings = tmp_path_factory.mktemp("lab-settings")
    # the classroom settings Binder and `make lab` install, as per-user settings files
    overrides = json.loads((REPO / "binder" / "overrides.json").read_text(encoding="utf-8"))
    for plugin, values in overrides.items():
        package, name = plugin.split(":")
        target = settings / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    port, token = free_port(), "browser-tier"
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path_factory.mktemp("workspaces")),
        "JUPYTER_RUNTIME_DIR": str(tmp_path_factory.mktemp("runtime")),
    }
    lab = Path(sys.executable).with_name("jupyter-lab")
    argv = [
        str(lab),
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
    ]
    server = LabServer(root, port, token)
    log = tmp_path_factory.mktemp("log") / "lab.log"
    with running_server(argv, ready=lambda: server.api("api/status"), what="JupyterLab", log=log, env=env):
        yield server


class VoilaServer:
    def __init__(self, root: Path, port: int):
        self.root, self.base = root, f"http://127.0.0.1:{port}"

    def url(self, notebook: str) -> str:
        return f"{self.base}/voila/render/{notebook}"


@pytest.fixture(scope="session")
def voila_server(lab_server, tmp_path_factory) -> VoilaServer:
    """`make app` as students get it: Voilà serving the notebooks folder, code hidden."""
    voila = Path(sys.executable).with_name("voila")
    if not voila.exists():
        pytest.skip("Voilà is not installed (pip install -e '.[app]')")
    port = free_port()
    argv = [
        str(voila),
        "notebooks",
        "--template=offline",
        '--VoilaConfiguration.extension_denylist=["@jupyter-notebook/lab-extension"]',  # as `make app`
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--ServerApp.port_retries=0",
    ]
    env = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(tmp_path_factory.mktemp("voila-runtime")),
        "JUPYTER_PATH": str(REPO / "app"),
    }
    server = VoilaServer(lab_server.root, port)

    def ready() -> None:
        with urllib.request.urlopen(server.base + "/", timeout=2):
            pass

    log = tmp_path_factory.mktemp("voila-log") / "voila.log"
    with running_server(argv, ready=ready, what="Voilà", log=log, cwd=lab_server.root, env=env):
        yield server


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class OutsideRequests(list):
    """URLs the page tried to load from anywhere but this machine."""


@contextlib.contextmanager
def student_page(browser, name: str, locale: str = "en-US"):
    """A fresh browser context and page, as a student opening the course for the first time.

    On leaving, saves a final screenshot ``{name}-final.png`` and the browser console's
    messages ``{name}-console.txt`` (to diagnose a widget that never rendered), and fails
    if the page requested anything outside 127.0.0.1.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale=locale)
    outside = OutsideRequests()

    def record(request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            outside.append(request.url)

    context.on("request", record)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    pg.outside_requests = outside
    console: list[str] = []
    start = time.monotonic()
    pg.on("console", lambda m: console.append(f"{time.monotonic() - start:7.1f}s {m.type}: {m.text}"))
    pg.on("pageerror", lambda e: console.append(f"{time.monotonic() - start:7.1f}s pageerror: {e}"))
    try:
        yield pg
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / f"{name}-console.txt").write_text("\n".join(console) + "\n", encoding="utf-8")
        pg.screenshot(path=str(ARTIFACTS / f"{name}-final.png"), full_page=False)
        context.close()
    assert list(outside) == [], f"the page requested addresses outside 127.0.0.1: {outside[:5]}"


@pytest.fixture
def page(browser, lab_server, request):
    lab_server.reset_kernels()
    with student_page(browser, request.node.name) as pg:
        yield pg


def pytest_terminal_summary(terminalreporter):
    if ARTIFACTS.exists() and any(ARTIFACTS.iterdir()):
        terminalreporter.write_line(f"browser screenshots for review: {ARTIFACTS}")
