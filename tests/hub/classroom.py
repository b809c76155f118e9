"""A class on a real JupyterHub, for the hub tests (tests/hub) and the hub benchmark (benchmarks/hub_bench.py).

``Hub`` starts the course's hub exactly as ``make hub`` does (deploy/hub/hubctl.py start) on
free loopback ports, with a class list of its own and system users under a prefix of its
own (``rtXXXX-``), so it never touches a school's accounts or another run's. ``close()``
stops every server and kernel of the class (by process id), the hub and its proxy, and
deletes the accounts and homes, whatever happened before.

``Student`` does what a student's browser does, through the hub's and the server's REST
APIs: signs in (a token requested with username and password), starts their server, opens
a notebook (a session, so the kernel runs in the notebook's folder), runs its code cells
one by one over the kernel's websocket, answers the quiz the way the widget is driven
(the answer inputs, the name boxes, then the *Save my answers* button) and saves a
notebook. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import datetime as dt
import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from tests.helpers import REPO, free_port
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

PREFIX = Path(os.environ.get("HUB_PREFIX", "/opt/road-to-peace"))
HUBCTL = REPO / "deploy" / "hub" / "hubctl.py"
PROXY = REPO / "deploy" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
STUDENT_COURSE = PREFIX / "course"
TEACHER_COURSE = PREFIX / "teacher"
ROLES = PREFIX / "roles"


def unavailable() -> str | None:
    """Why a hub cannot run here, or None."""
    if sys.platform != "linux":
        return "the course's hub runs on Linux (system users, /proc)"
    if os.geteuid() != 0:
        return "the hub creates one system user per student: run as root (CI does)"
    if not shutil.which("useradd"):
        return "useradd is missing (Debian package passwd)"
    missing = [
        p
        for p in (PREFIX / "env/bin/jupyterhub", STUDENT_COURSE / "lessons", TEACHER_COURSE, ROLES, PROXY)
        if not p.exists()
    ]
    if missing:
        return f"hub not installed ({missing[0]} missing): run `make hub-install` (.ci/run does)"
    return None


def proc_uid_pids(uid: int) -> list[int]:
    """The live processes of a user (zombies, dead but not yet reaped, left out)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                        if f.read().rsplit(")", 1)[1].split()[0] != "Z":
                            pids.append(int(entry))
    return pids


def _status_kb(pid: int, key: str) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return float(line.split()[1])
    except OSError:
        pass
    return 0.0


def rss_mb_of_uid(uid: int) -> float:
    """Resident memory of every process of a user (their server and kernels), MB."""
    return sum(_status_kb(p, "VmRSS") for p in proc_uid_pids(uid)) / 1024


def cpu_s(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_as(user: str, argv: list[str]) -> subprocess.CompletedProcess:
    """A command as a given system user (no root privileges left), as a student at a terminal."""
    return subprocess.run(["runuser", "-u", user, "--", *argv], capture_output=True, text=True, timeout=60, check=False)


# -- the hub -------------------------------------------------------------------


def run_apart(coro):
    """``asyncio.run`` in a thread of its own: in a full test run the browser tier's sync
    Playwright keeps an event loop running in the main thread, where ``asyncio.run`` refuses."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


class Hub:
    def __init__(
        self,
        workdir: Path,
        students: int,
        *,
        teacher: str = "teacher",
        log_name: str = "hub.log",
        auth: str = "shared",
        roles: dict[str, str] | None = None,
    ):
        self.workdir, self.auth = workdir, auth
        self.tag = "rt" + secrets.token_hex(2)  # system users rtXXXX-s01 ...: this run's alone
        self.user_prefix = self.tag + "-"
        self.names = [f"s{i:02}" for i in range(1, students + 1)]
        self.teacher = teacher
        self.state = workdir / "state"
        self.class_csv = workdir / "class.csv"
        self.roles = roles or {}  # student -> the role-play delegation the class list puts them in
        rows = ["username,full name,student id,role"] + [
            f"{n},Student {n.upper()},{self.tag}-{n},{self.roles.get(n, '')}" for n in self.names
        ]
        self.class_csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
        self.password = secrets.token_urlsafe(12)
        self.teacher_password = secrets.token_urlsafe(32)
        self.port, self.api_port, self.proxy_api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / log_name
        self.proc: subprocess.Popen | None = None
        self.admin_token: str | None = None
        self._clients: dict[int, AsyncHTTPClient] = {}

    @property
    def http(self) -> AsyncHTTPClient:
        """One HTTP client per event loop (each ``asyncio.run`` has its own)."""
        loop = id(asyncio.get_running_loop())
        if loop not in self._clients:
            self._clients[loop] = AsyncHTTPClient(force_instance=True, max_clients=200)
        return self._clients[loop]

    def run(self, coro):
        """``asyncio.run`` for a scenario, closing the loop's HTTP client afterwards."""

        async def main():
            try:
                return await coro
            finally:
                client = self._clients.pop(id(asyncio.get_running_loop()), None)
                if client is not None:
                    client.close()

        return run_apart(main())

    # accounts
    def system_user(self, name: str) -> pwd.struct_passwd:
        return pwd.getpwnam(self.user_prefix + name)

    def home(self, name: str) -> Path:
        return Path(self.system_user(name).pw_dir)

    # process
    def start(self, timeout: float = 120) -> None:
        argv = [str(PREFIX / "env/bin/python"), str(HUBCTL), "start", "--class", str(self.class_csv)]
        argv += ["--state", str(self.state), "--prefix", str(PREFIX), "--teacher", self.teacher]
        argv += ["--user-prefix", self.user_prefix, "--port", str(self.port), "--api-port", str(self.api_port)]
        argv += ["--proxy-api-port", str(self.proxy_api_port), "--auth", self.auth]
        env = dict(os.environ, HUB_PASSWORD=self.password, HUB_TEACHER_PASSWORD=self.teacher_password)
        out = self.log.open("a")
        self.proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=env)
        out.close()
        deadline = time.monotonic() + timeout
        while True:
            try:
                run_apart(self._ping())
                return
            except (OSError, Exception):
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the hub did not start; see {self.log}:\n{self.tail()}") from None
                time.sleep(0.5)

    async def _ping(self) -> None:
        client = AsyncHTTPClient(force_instance=True)
        try:
            await client.fetch(f"{self.url}/hub/api/", request_timeout=5)
        finally:
            client.close()

    def tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the hub and its proxy and culler (its process group); students' servers keep running."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.proc = None

    def hub_pid(self) -> int | None:
        return self.proc.pid if self.proc and self.proc.poll() is None else None

    def proxy_pid(self) -> int | None:
        try:
            return int((self.state / "proxy.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def class_uids(self) -> list[int]:
        uids = []
        for name in [*self.names, self.teacher]:
            with contextlib.suppress(KeyError):
                uids.append(self.system_user(name).pw_uid)
        return uids

    def close(self) -> None:
        """Everything this hub started or created, gone: servers and kernels, hub, proxy, accounts, homes."""
        with contextlib.suppress(Exception):
            self.stop()
        for uid in self.class_uids():
            for pid in proc_uid_pids(uid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        pid = self.proxy_pid()
        if pid:
            with contextlib.suppress(ProcessLookupError):
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes() if Path(f"/proc/{pid}").exists() else b""
                if b"configurable-http-proxy" in cmdline:
                    os.kill(pid, signal.SIGKILL)
        if (self.state / "settings.json").exists():
            subprocess.run(
                [sys.executable, str(HUBCTL), "remove-class", "--state", str(self.state), "--yes"],
                capture_output=True,
                check=False,
                timeout=120,
            )

    # API
    async def api(self, method: str, path: str, token: str | None = None, body: Any = None, timeout: float = 600):
        headers = {"Authorization": f"token {token}"} if token else {}
        req = HTTPRequest(
            f"{self.url}{path}",
            method=method,
            headers=headers,
            body=None if body is None and method in ("GET", "DELETE") else json.dumps(body or {}),
            request_timeout=timeout,
            allow_nonstandard_methods=True,
        )
        resp = await self.http.fetch(req, raise_error=False)
        if resp.code == 599:
            raise ConnectionError(f"{method} {path}: {resp.error}")
        text = resp.body.decode() if resp.body else ""
        return resp.code, (json.loads(text) if text.strip().startswith(("{", "[")) else text)

    async def token_for(self, name: str, password: str) -> str:
        """Sign in through the hub's API: username and password in, an API token out."""
        body = {"auth": {"username": name, "password": password}, "note": "hub test", "expires_in": 3600}
        code, data = await self.api("POST", f"/hub/api/users/{name}/tokens", body=body)
        if code != 201:
            raise RuntimeError(f"sign-in of {name} refused: {code} {data}")
        return data["token"]

    async def teacher_token(self) -> str:
        if self.admin_token is None:
            self.admin_token = await self.token_for(self.teacher, self.teacher_password)
        return self.admin_token


# -- a student -----------------------------------------------------------------


class Student:
    def __init__(self, hub: Hub, name: str):
        self.hub, self.name = hub, name
        self.token: str | None = None
        self.base = f"/user/{name}"
        self.full_name = f"Student {name.upper()}"
        self.student_id = f"{hub.tag}-{name}"

    async def login(self) -> None:
        self.token = await self.hub.token_for(self.name, self.hub.password)

    async def start_server(self, timeout: float = 300) -> None:
        code, data = await self.hub.api("POST", f"/hub/api/users/{self.name}/server", self.token)
        if code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"{self.name}: server start refused: {code} {data}")
        deadline = time.monotonic() + timeout
        while True:
            code, user = await self.hub.api("GET", f"/hub/api/users/{self.name}", self.token)
            server = (user.get("servers") or {}).get("", {}) if code == 200 else {}
            if server.get("ready"):
                code, _ = await self.hub.api("GET", f"{self.base}/api/status", self.token)
                if code == 200:
                    return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: server not ready after {timeout:.0f} s ({code} {server})")
            await asyncio.sleep(0.5)

    async def stop_server(self) -> None:
        await self.hub.api("DELETE", f"/hub/api/users/{self.name}/server", self.token)

    async def open(self, path: str) -> Kernel:
        """A notebook session (the kernel runs in the notebook's folder) and its websocket."""
        body = {"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}}
        code, data = await self.hub.api("POST", f"{self.base}/api/sessions", self.token, body)
        if code != 201:
            raise RuntimeError(f"{self.name}: cannot open {path}: {code} {data}")
        url = f"ws://127.0.0.1:{self.hub.port}{self.base}/api/kernels/{data['kernel']['id']}/channels"
        ws = await websocket_connect(
            HTTPRequest(url, headers={"Authorization": f"token {self.token}"}, request_timeout=600),
            max_message_size=256 * 1024 * 1024,
        )
        return Kernel(self, data["id"], data["kernel"]["id"], ws)

    async def read_file(self, path: str) -> dict:
        code, data = await self.hub.api("GET", f"{self.base}/api/contents/{path}?content=1", self.token)
        if code != 200:
            raise RuntimeError(f"{self.name}: cannot read {path}: {code}")
        return data

    async def save_notebook(self, path: str, nb: dict) -> None:
        body = {"type": "notebook", "format": "json", "content": nb}
        code, data = await self.hub.api("PUT", f"{self.base}/api/contents/{path}", self.token, body)
        if code not in (200, 201):
            raise RuntimeError(f"{self.name}: cannot save {path}: {code} {data}")


class KernelError(RuntimeError):
    pass


class Kernel:
    def __init__(self, student: Student, session_id: str, kernel_id: str, ws):
        self.student, self.session_id, self.kernel_id, self.ws = student, session_id, kernel_id, ws
        self.session = uuid.uuid4().hex

    async def execute(self, code: str, timeout: float = 600) -> str:
        """Run one cell; return what it printed (stdout); raise KernelError on an error."""
        msg_id = uuid.uuid4().hex
        msg = {
            "header": {
                "msg_id": msg_id,
                "username": self.student.name,
                "session": self.session,
                "msg_type": "execute_request",
                "version": "5.3",
                "date": dt.datetime.now(dt.UTC).isoformat(),
            },
            "parent_header": {},
            "metadata": {},
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {}},
            "channel": "shell",
            "buffers": [],
        }
        msg["content"].update(allow_stdin=False, stop_on_error=True)
        await self.ws.write_message(json.dumps(msg))
        out: list[str] = []
        reply = idle = None
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.student.name}: cell did not finish in {timeout:.0f} s")
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                raise ConnectionError(f"{self.student.name}: kernel websocket closed")
            if isinstance(raw, bytes):
                continue  # binary frames (widget buffers) are not ours to read
            m = json.loads(raw)
            if m.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = m["header"]["msg_type"]
            if kind == "stream" and m["content"].get("name") == "stdout":
                out.append(m["content"]["text"])
            elif kind == "error":
                out.append("\n".join(m["content"].get("traceback", []))[-2000:])
            elif kind == "execute_reply":
                reply = m["content"]
            elif kind == "status" and m["content"]["execution_state"] == "idle":
                idle = True
        if reply.get("status") != "ok":
            raise KernelError(
                f"{self.student.name}: {reply.get('ename')}: {reply.get('evalue')}\n{''.join(out)[-1500:]}"
            )
        return "".join(out)

    async def close(self, shutdown: bool = True) -> None:
        await close_ws(self.ws)
        if shutdown:
            await self.student.hub.api(
                "DELETE", f"{self.student.base}/api/sessions/{self.session_id}", self.student.token
            )


async def close_ws(ws) -> None:
    """Close a websocket and wait (5 s at most) until the server has closed it too."""
    ws.close()
    with contextlib.suppress(Exception):
        async with asyncio.timeout(5):
            while await ws.read_message() is not None:
                pass


# -- lessons and answers -------------------------------------------------------


def notebook_path(lang: str, lesson: str) -> str:
    """The notebook's path in a student's home, as the server sees it (relative to the home)."""
    return f"road-to-peace/notebooks/{lang}/{lesson}.ipynb"


def code_cells(lang: str, lesson: str) -> list[str]:
    """The code cells of the student copy a student has in their home."""
    nb = json.loads((STUDENT_COURSE / "notebooks" / lang / f"{lesson}.ipynb").read_text(encoding="utf-8"))
    return [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == "code"
    ]


KEY_SCRIPT = """
import json, sys
import lessonkit as lk
try:
    from lessonkit.quizzes.types.match import opaque_id
except ImportError:  # before the quiz types moved into quizzes/types
    from lessonkit.quizzes.student_file import opaque_id

course = lk.load_course(sys.argv[1])
lesson, quiz = sys.argv[2], sys.argv[3]
answers, points = {}, {}
for q in course.lesson(lesson).quiz(quiz).questions:
    points[q.id] = q.points
    if q.type == "single":
        answers[q.id] = next(c.id for c in q.choices if c.correct)
    elif q.type == "multiple":
        answers[q.id] = [c.id for c in q.choices if c.correct]
    elif q.type in ("true_false", "numeric"):
        answers[q.id] = q.answer
    elif q.type == "order":
        answers[q.id] = [i.id for i in q.items]
    elif q.type == "match":  # student copies name the right-hand items with opaque ids
        answers[q.id] = {p.id: opaque_id(course.info.id, lesson, quiz, q.id, p.id) for p in q.pairs}
    elif q.type == "text":
        answers[q.id] = q.accepted["en"][0]
print(json.dumps([answers, points]))
"""


def key_answers(lesson: str, quiz: str = "exit") -> tuple[dict[str, Any], dict[str, int]]:
    """The right answer to every question of a quiz, in the saved shape, from the teacher's key; and the points.

    Read with the hub environment's lessonkit (the one the students' kernels run)."""
    argv = [str(PREFIX / "env/bin/python"), "-c", KEY_SCRIPT, str(TEACHER_COURSE / "lessons"), lesson, quiz]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=True)
    answers, points = json.loads(done.stdout)
    return answers, points


def one_wrong(answers: dict[str, Any], index: int) -> tuple[dict[str, Any], str | None]:
    """The same answers with one question (chosen by ``index``) left out: a class whose scores differ."""
    if index % 3 == 0:
        return dict(answers), None
    qids = sorted(answers)
    drop = qids[index % len(qids)]
    return {k: v for k, v in answers.items() if k != drop}, drop


ANSWER_CELL = """\
import json as _json
_quiz = [_v for _v in Out.values() if type(_v).__name__ == "Quiz"][-1]
for _qid, _a in _json.loads({answers!r}).items():
    _quiz.cards[_qid].input.set(_a)
_quiz.name.value, _quiz.student_id.value = {name!r}, {sid!r}
_quiz.save_button.click()
print(_json.dumps({{"path": str(_quiz.path()), "saved": _quiz.path().exists(), "answered": sorted(_quiz.answers())}}))
"""

RESTORE_CELL = """\
import json as _json
_quiz = [_v for _v in Out.values() if type(_v).__name__ == "Quiz"][-1]
_quiz.name.value, _quiz.student_id.value = {name!r}, {sid!r}
print(_json.dumps({{"restored": _quiz.load(), "answers": _quiz.answers()}}))
"""


async def answer_quiz(kernel: Kernel, answers: dict[str, Any]) -> dict:
    s = kernel.student
    text = await kernel.execute(ANSWER_CELL.format(answers=json.dumps(answers), name=s.full_name, sid=s.student_id))
    return json.loads(text.strip().splitlines()[-1])


async def restore_quiz(kernel: Kernel) -> dict:
    s = kernel.student
    text = await kernel.execute(RESTORE_CELL.format(name=s.full_name, sid=s.student_id))
    return json.loads(text.strip().splitlines()[-1])


def collect(hub: Hub, out: Path) -> subprocess.CompletedProcess:
    """The teacher's one command (``make hub-collect``), into ``out``."""
    argv = [
        str(PREFIX / "env/bin/python"),
        str(HUBCTL),
        "collect",
        "--state",
        str(hub.state),
        "--out",
        str(out),
        "--grade",
    ]
    return subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)


def read_gradebook(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))
