"""The course's own JupyterHub, for real: a class of three, a teacher, and the faults a school meets.

One hub for the module (deploy/hub/hubctl.py start, as ``make hub``), on free loopback
ports, with system users of its own that the fixture deletes, with every process of theirs,
whatever happens. Each test stands on its own: it signs its students in and starts their
servers itself (a server already running is simply used).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from tests.hub import classroom as C

pytestmark = [pytest.mark.slow, pytest.mark.hub]

LESSON = "03-demands"
ROLES = {"s01": "ua", "s02": "ru"}  # two delegations; s03 has no role
ROLE_PLAY = "08-role-play"


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    why = C.unavailable()
    if why:
        pytest.skip(why)
    hub = C.Hub(tmp_path_factory.mktemp("hub"), 3, roles=ROLES)
    try:
        hub.start()
        yield hub
    finally:
        hub.close()
    leftovers = [n for n in [*hub.names, hub.teacher] if _exists(hub.user_prefix + n)]
    assert not leftovers, f"accounts left behind: {leftovers}"


def _exists(user: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(user)
    except KeyError:
        return False
    return True


async def _ready(hub: C.Hub, name: str) -> C.Student:
    s = C.Student(hub, name)
    await s.login()
    await s.start_server()
    return s


def _tree(top: Path) -> dict[str, str]:
    """Every file under ``top`` (as root sees it) with its SHA-256."""
    found = {}
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d != ".ipynb_checkpoints"]
        for f in files:
            p = Path(folder) / f
            found[str(p.relative_to(top))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


def test_a_class_runs_a_lesson_saves_and_the_teacher_collects_and_grades(hub, tmp_path):
    answers, points = C.key_answers(LESSON)
    langs = {"s01": "en", "s02": "ja", "s03": "en"}
    expected: dict[str, int] = {}

    async def student(index: int, name: str) -> dict:
        s = await _ready(hub, name)
        kernel = await s.open(C.notebook_path(langs[name], LESSON))
        try:
            for cell in C.code_cells(langs[name], LESSON):
                await kernel.execute(cell)
            mine, dropped = C.one_wrong(answers, index)
            expected[s.student_id] = sum(points.values()) - (points[dropped] if dropped else 0)
            return await C.answer_quiz(kernel, mine)
        finally:
            await kernel.close()

    async def everyone():
        return await asyncio.gather(*(student(i, n) for i, n in enumerate(hub.names)))

    saved = hub.run(everyone())
    assert all(r["saved"] for r in saved), saved

    # what is in the homes, found by root, is exactly what the teacher's command collects
    in_homes = {}
    for name in hub.names:
        for rel, digest in _tree(hub.home(name) / "road-to-peace").items():
            if Path(rel).name.startswith("responses-"):
                in_homes[f"{name}/{rel}"] = digest
    assert len(in_homes) == 3, in_homes

    out = tmp_path / "collected"
    done = C.collect(hub, out)
    assert done.returncode == 0, done.stdout + done.stderr
    collected = {k: v for k, v in _tree(out).items() if k.split("/")[0] in hub.names}
    assert collected == in_homes
    manifest = (out / "manifest.csv").read_text(encoding="utf-8").splitlines()
    assert len(manifest) == 1 + 3 and all("no saved answers" not in line for line in manifest)

    rows = C.read_gradebook(out / "gradebook.csv")
    assert sorted(r["student_id"] for r in rows) == sorted(expected)
    for row in rows:
        assert int(float(row["total"])) == expected[row["student_id"]], row
        assert row["lesson"] == LESSON and row["quiz"] == "exit"
    assert {r["language"] for r in rows} == {"en", "ja"}
    assert (out / "report.html").stat().st_size > 1000
    assert "graded 3 of 3 files" in done.stdout


def test_a_server_killed_mid_lesson_comes_back_with_the_students_work(hub):
    lesson, path = "04-obstacles", C.notebook_path("en", "04-obstacles")
    answers, _ = C.key_answers(lesson)
    note = f"My notes {os.getpid()}: the sandbox shows whose red lines a deal crosses."

    async def before() -> dict:
        s = await _ready(hub, "s01")
        nb = (await s.read_file(path))["content"]
        nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": note})
        await s.save_notebook(path, nb)
        kernel = await s.open(path)
        for cell in C.code_cells("en", lesson):
            await kernel.execute(cell)
        saved = await C.answer_quiz(kernel, answers)
        # mid-lesson: a cell is running when everything of the student's dies
        await kernel.ws.write_message(json.dumps(_execute("import time; time.sleep(120)")))
        await asyncio.sleep(1)
        await kernel.close(shutdown=False)
        return saved

    saved = hub.run(before())
    assert saved["saved"]
    uid = hub.system_user("s01").pw_uid
    pids = C.proc_uid_pids(uid)
    assert pids
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while C.proc_uid_pids(uid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not C.proc_uid_pids(uid), "the student's processes did not die"

    async def after() -> tuple[dict, dict]:
        s = await _ready(hub, "s01")  # the hub sees the dead server and starts a new one
        nb = (await s.read_file(path))["content"]
        kernel = await s.open(path)
        try:
            for cell in C.code_cells("en", lesson):
                await kernel.execute(cell)
            return nb, await C.restore_quiz(kernel)
        finally:
            await kernel.close()

    nb, restored = hub.run(after())
    assert any(note in "".join(c["source"]) for c in nb["cells"]), "the saved notebook edit is gone"
    assert restored["restored"] is True
    # every answer is in the saved file, and the reopened quiz puts every one back
    on_disk = json.loads(Path(saved["path"]).read_text(encoding="utf-8"))
    assert on_disk["answers"] == json.loads(json.dumps(answers))
    assert restored["answers"] == json.loads(json.dumps(answers))


def _execute(code: str) -> dict:
    import uuid

    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "username": "",
            "session": uuid.uuid4().hex,
            "msg_type": "execute_request",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
        },
        "channel": "shell",
        "buffers": [],
    }


def test_a_hub_restart_loses_no_file_and_no_running_kernel(hub):
    async def before() -> tuple[str, str]:
        s = await _ready(hub, "s02")
        kernel = await s.open(C.notebook_path("ja", LESSON))
        await kernel.execute("marker = 'still here'")
        await kernel.close(shutdown=False)
        for name in ("s01", "s03"):
            await _ready(hub, name)
        return s.token, kernel.kernel_id

    token, kernel_id = hub.run(before())
    homes = {n: _tree(hub.home(n) / "road-to-peace") for n in hub.names}
    server_pids = {n: C.proc_uid_pids(hub.system_user(n).pw_uid) for n in hub.names}
    assert all(server_pids.values())

    hub.stop()
    assert all(C.proc_uid_pids(hub.system_user(n).pw_uid) for n in hub.names), "a server stopped with the hub"
    hub.start()

    async def after() -> str:
        s = C.Student(hub, "s02")
        s.token = token  # the hub's database kept it
        await s.start_server()  # already running: only waits until it answers through the new proxy
        url = f"ws://127.0.0.1:{hub.port}{s.base}/api/kernels/{kernel_id}/channels"
        ws = await C.websocket_connect(C.HTTPRequest(url, headers={"Authorization": f"token {token}"}))
        kernel = C.Kernel(s, "", kernel_id, ws)
        try:
            return await kernel.execute("print(marker)")
        finally:
            await C.close_ws(ws)

    assert hub.run(after()).strip() == "still here"
    for name in hub.names:
        assert _tree(hub.home(name) / "road-to-peace") == homes[name], f"{name}'s files changed"


def test_a_student_cannot_read_another_students_home_or_the_answer_key(hub):
    async def sign_in():
        for name in ("s01", "s02"):
            await _ready(hub, name)
        t = C.Student(hub, hub.teacher)
        t.token = await hub.teacher_token()
        await t.start_server()

    hub.run(sign_in())
    s1, s2 = hub.system_user("s01"), hub.system_user("s02")
    teacher = hub.system_user(hub.teacher)
    own = Path(s1.pw_dir) / C.notebook_path("en", LESSON)
    key_in_teacher_home = Path(teacher.pw_dir) / "road-to-peace" / "lessons" / LESSON / "quizzes.yaml"
    key_on_server = C.TEACHER_COURSE / "lessons" / LESSON / "quizzes.yaml"
    for path in (own, key_in_teacher_home, key_on_server):
        assert path.is_file(), path

    assert C.run_as(s1.pw_name, ["cat", str(own)]).returncode == 0  # their own work: yes
    for argv in (
        ["cat", str(own)],
        ["ls", s1.pw_dir],
        ["cat", str(key_in_teacher_home)],
        ["ls", teacher.pw_dir],
        ["cat", str(key_on_server)],
        ["ls", str(C.TEACHER_COURSE)],
    ):
        done = C.run_as(s2.pw_name, argv)
        assert done.returncode != 0 and "Permission denied" in done.stderr, (argv, done.stdout[:200], done.stderr)
    # the teacher can read a student's work (to collect it), not the other way round
    assert C.run_as(teacher.pw_name, ["cat", str(own)]).returncode == 0
    # and a student's own copy carries no readable key: quiz answers only as salted hashes
    for name in ("s01", "s02"):
        files = _tree(hub.home(name) / "road-to-peace")
        assert not [f for f in files if f.endswith("quizzes.yaml") or "answer-key" in f], name


def test_the_teacher_collects_through_the_hub_api_as_on_kubernetes(hub, tmp_path):
    """hubctl.py collect-api: what a district's teacher runs (students' files on their own volumes)."""
    answers, _ = C.key_answers(LESSON)

    async def prepare() -> str:
        s = await _ready(hub, "s03")
        kernel = await s.open(C.notebook_path("en", LESSON))
        try:
            for cell in C.code_cells("en", LESSON):
                await kernel.execute(cell)
            assert (await C.answer_quiz(kernel, answers))["saved"]
        finally:
            await kernel.close()
        await (await _ready(hub, "s02")).stop_server()  # a stopped server is started, collected, stopped
        return await hub.teacher_token()

    token = hub.run(prepare())
    out = tmp_path / "via-api"
    argv = [str(C.PREFIX / "env/bin/python"), str(C.HUBCTL), "collect-api", "--url", hub.url, "--out", str(out)]
    argv += ["--start", "--grade", "--course", str(C.TEACHER_COURSE / "lessons")]
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=600, env={**os.environ, "JUPYTERHUB_ADMIN_TOKEN": token}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    in_homes = {}
    for name in hub.names:
        for rel, digest in _tree(hub.home(name) / "road-to-peace" / "notebooks").items():
            if Path(rel).name.startswith("responses-"):
                in_homes[f"{name}/notebooks/{rel}"] = digest
    collected = {k: v for k, v in _tree(out).items() if k.split("/")[0] in hub.names}
    assert collected == in_homes and any(k.startswith("s03/") for k in collected)
    rows = C.read_gradebook(out / "gradebook.csv")
    assert len(rows) == len(collected)


def test_the_idle_culler_runs_as_a_hub_service(hub):
    async def services():
        return await hub.api("GET", "/hub/api/services", await hub.teacher_token())

    code, found = hub.run(services())
    assert code == 200 and "idle-culler" in found, found
    command = " ".join(found["idle-culler"].get("command") or [])
    assert "jupyterhub_idle_culler" in command and "--timeout=3600" in command, found["idle-culler"]
    culler = found["idle-culler"].get("pid")
    assert culler and Path(f"/proc/{culler}").exists(), "the culler is not running"


def test_first_use_sign_in_keeps_the_first_password(tmp_path):
    """HUB_AUTH=firstuse: the first password typed for a name becomes its password; a wrong one is refused."""
    if C.unavailable():
        pytest.skip(C.unavailable())
    hub = C.Hub(tmp_path, 1, auth="firstuse")
    try:
        hub.start()

        async def scenario() -> tuple[int, int, int]:
            body = {"auth": {"username": "s01", "password": "first-choice-1"}}
            first = (await hub.api("POST", "/hub/api/users/s01/tokens", body=body))[0]
            again = (await hub.api("POST", "/hub/api/users/s01/tokens", body=body))[0]
            body["auth"]["password"] = "someone-else-2"
            wrong = (await hub.api("POST", "/hub/api/users/s01/tokens", body=body))[0]
            return first, again, wrong

        assert hub.run(scenario()) == (201, 201, 403)
        assert list((hub.state / "secrets").glob("passwords.dbm*")), "passwords belong in the state's secrets"
    finally:
        hub.close()


def test_each_delegation_gets_its_own_role_play_runs_it_and_the_teacher_debriefs(hub, tmp_path):
    """The class list's role column: each student finds their own role's notebook and brief, in
    both languages, and no other role's; the roles' folder on the server is root's alone."""

    async def sign_in():
        return [await _ready(hub, name) for name in hub.names]

    students = hub.run(sign_in())
    for name in hub.names:
        user = hub.system_user(name)
        have = {
            p.name
            for lang in ("en", "ja")
            for p in (hub.home(name) / "road-to-peace" / "notebooks" / lang).iterdir()
            if p.name.startswith((ROLE_PLAY, f"brief-{ROLE_PLAY}"))
        }
        role = ROLES.get(name)
        want = {f"{ROLE_PLAY}-{role}.ipynb", f"brief-{ROLE_PLAY}-{role}.json"} if role else set()
        assert have == want, (name, have)
        for lang in ("en", "ja"):
            for f in want:
                path = hub.home(name) / "road-to-peace" / "notebooks" / lang / f
                assert path.stat().st_uid == user.pw_uid, path
    brief_ua = hub.home("s01") / "road-to-peace" / "notebooks" / "en" / f"brief-{ROLE_PLAY}-ua.json"
    for argv in (["ls", str(C.ROLES)], ["cat", str(C.ROLES / "ua" / "en" / brief_ua.name)], ["cat", str(brief_ua)]):
        done = C.run_as(hub.system_user("s02").pw_name, argv)
        assert done.returncode != 0 and "Permission denied" in done.stderr, (argv, done.stdout[:200], done.stderr)

    async def run_brief(student: C.Student, lang: str, role: str) -> str:
        """Run the role's notebook in the student's server; return its brief as text."""
        path = f"road-to-peace/notebooks/{lang}/{ROLE_PLAY}-{role}.ipynb"
        nb = json.loads((hub.home(student.name) / path).read_text(encoding="utf-8"))
        kernel = await student.open(path)
        try:
            for cell in nb["cells"]:
                if cell["cell_type"] == "code":
                    await kernel.execute("".join(cell["source"]))
            brief = f"brief-{ROLE_PLAY}-{role}.json"
            probe = (  # what the brief cell showed, as text; then the delegation saves its deal
                f"b = lk.role_brief(course, ROLE, lang={lang!r}, brief={brief!r})\n"
                "print(b.static_text())\n"
                "b.group_box.value = 'g1'\n"
                "b.save.click()\n"
                "print('saved:', b.saved_path.name)"
            )
            return await kernel.execute(probe)
        finally:
            await kernel.close()

    shown = hub.run(run_brief(students[0], "ja", "ua"))  # the Ukrainian delegation's brief, in Japanese
    assert "あなたの代表団：ウクライナ" in shown, shown[:500]
    deal = shown.split("saved: ")[-1].strip()
    assert deal.startswith("deal-08-role-play-") and deal.endswith("-ua-1.json"), shown[-300:]

    # the teacher's one command collects the deal apart from the answers, and debriefs it
    out = tmp_path / "collected"
    done = C.collect(hub, out)
    assert (out / "_deals" / "s01" / "notebooks" / "ja" / deal).is_file(), done.stdout + done.stderr
    assert not list(out.glob("s*/**/deal-*.json")), "deals are kept out of the graded folders"
    assert "lessonkit-deal" not in done.stdout + done.stderr, done.stdout  # grading never met a deal
    assert "role-play debrief:" in done.stdout, done.stdout + done.stderr
    assert "g1" in (out / "debrief.html").read_text(encoding="utf-8")


def test_a_role_the_course_does_not_have_stops_the_hub_with_its_line(tmp_path):
    if C.unavailable():
        pytest.skip(C.unavailable())
    roster = tmp_path / "class.csv"
    roster.write_text("username,full name,student id,role\ns01,A,1,ua\ns02,B,2,xx\n", encoding="utf-8")
    argv = [str(C.PREFIX / "env/bin/python"), str(C.HUBCTL), "start", "--class", str(roster)]
    done = subprocess.run([*argv, "--state", str(tmp_path / "state")], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert f"{roster}:3: role 'xx' is not one of the role-play's (eu, ru, sa, ua, us)" in done.stderr, done.stderr
    assert not (tmp_path / "state").exists(), "nothing is prepared before the class list is right"


def test_on_kubernetes_the_teacher_gives_each_delegation_its_role_through_the_hub_api(hub, tmp_path):
    """hubctl.py give-roles-api: the images of Zero to JupyterHub cannot hold the briefs, so the
    teacher writes each delegation's own files through its own server; a notebook already there
    (with the student's work) is kept, the brief is refreshed, no other role's files arrive."""
    roster = tmp_path / "class.csv"
    roster.write_text("username,full name,student id,role\ns03,C,3,us\ns02,B,2,ru\n", encoding="utf-8")
    notebooks = hub.home("s03") / "road-to-peace" / "notebooks"

    async def prepare() -> str:
        await _ready(hub, "s03")
        await (await _ready(hub, "s02")).stop_server()  # a stopped server is started, given, stopped
        return await hub.teacher_token()

    token = hub.run(prepare())
    argv = [str(C.PREFIX / "env/bin/python"), str(C.HUBCTL), "give-roles-api", "--url", hub.url]
    argv += ["--class", str(roster), "--source", str(C.REPO), "--start"]
    env = {**os.environ, "JUPYTERHUB_ADMIN_TOKEN": token}
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0 and "gave 2 of 2 students" in done.stdout, done.stdout + done.stderr

    s03 = hub.system_user("s03")
    brief = f"brief-{ROLE_PLAY}-us.json"
    for lang in ("en", "ja"):
        have = {p.name for p in (notebooks / lang).iterdir() if p.name.startswith((ROLE_PLAY, "brief-"))}
        assert have == {f"{ROLE_PLAY}-us.ipynb", brief}, (lang, have)
        for name in have:
            assert (notebooks / lang / name).stat().st_uid == s03.pw_uid, name
        installed = C.ROLES / "us" / lang
        assert (notebooks / lang / brief).read_text(encoding="utf-8") == (installed / brief).read_text("utf-8")
        given = json.loads((notebooks / lang / f"{ROLE_PLAY}-us.ipynb").read_text(encoding="utf-8"))
        want = json.loads((installed / f"{ROLE_PLAY}-us.ipynb").read_text(encoding="utf-8"))
        assert [c["source"] for c in given["cells"]] == [c["source"] for c in want["cells"]]

    # again, after the delegation has worked: their notebook stays, a spoiled brief is made whole
    worked = notebooks / "en" / f"{ROLE_PLAY}-us.ipynb"
    nb = json.loads(worked.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "markdown", "id": "mine", "metadata": {}, "source": "our delegation's notes"})
    worked.write_text(json.dumps(nb), encoding="utf-8")  # root writes into the file: the owner stays s03
    (notebooks / "ja" / brief).write_text("{}", encoding="utf-8")
    roster.write_text("username,full name,student id,role\ns03,C,3,us\n", encoding="utf-8")
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0 and "(2 notebooks already there, kept)" in done.stdout, done.stdout + done.stderr
    assert "our delegation's notes" in worked.read_text(encoding="utf-8"), "the delegation's work is kept"
    assert (notebooks / "ja" / brief).read_text("utf-8") == (C.ROLES / "us" / "ja" / brief).read_text("utf-8")

    # a role the course does not have: the class list's line, and nothing is given
    roster.write_text("username,full name,student id,role\ns01,A,1,xx\n", encoding="utf-8")
    done = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 1 and f"{roster}:2: role 'xx' is not one of the role-play's" in done.stderr, done.stderr
