#!/usr/bin/env python3
"""Run the course's own JupyterHub on one server: install the course, start the hub, collect answers.

Run as root (it creates one system user a student, as The Littlest JupyterHub does). The
Makefile calls it; by hand:

    hubctl.py install-course --prefix /opt/road-to-peace --source .   # student copy + teacher key
    hubctl.py start --class class.csv [--state deploy/hub/state] ...   # prepare, then run JupyterHub
    hubctl.py collect --state deploy/hub/state --grade                # every student's answers, graded
    hubctl.py remove-class --state deploy/hub/state --yes             # delete the class's accounts

Only the Python standard library: it runs with the hub environment's Python.

Where things live (``--prefix``, default /opt/road-to-peace):

    PREFIX/env/        Python environment of the hub and of every student (JupyterHub, JupyterLab,
                       lessonkit, the pinned course packages); world-readable, as students run it
    PREFIX/course/     the student copy of the course (``lessonkit assign``: no readable answer
                       key, quiz answers only as salted hashes); copied into each student's home
    PREFIX/teacher/    root only: the full course with its answer key, both languages
    PREFIX/roles/      root only: the role-play's private part, one folder a role (its notebook
                       and brief, both languages); each student with a role in the class list
                       gets their own role's files, and only those
    STATE/             (``--state``, git-ignored) settings.json, and secrets/ (mode 700): cookie
                       secret, proxy token, passwords, the hub database
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import grp
import hashlib
import json
import os
import pwd
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_PREFIX = Path("/opt/road-to-peace")
DEFAULT_STATE = HERE / "state"
COURSE_DIR = "road-to-peace"  # the folder in every home
NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,29}$")
# collected role-play deals go to OUT/_deals/<username>/...: no username starts with "_", and
# `lessonkit grade OUT/[a-z]*/` (students' answers only) never meets a deal file
DEALS = "_deals"
ROLE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")  # a content id (lessonkit.content.base.ID_PATTERN)
RESPONSES_MAX = 1_000_000  # lessonkit refuses larger responses files anyway


class HubError(Exception):
    """A problem the person running the command can fix; printed without a traceback."""


# -- the class list ------------------------------------------------------------


def read_class(path: Path) -> list[dict[str, str]]:
    """``username[,full name[,student id[,role]]]`` a line; a header line ``username,...`` and ``#`` lines
    are skipped. ``role``: the role-play delegation the student is in (a party id such as ``ua``)."""
    if not path.is_file():
        raise HubError(f"{path}: no such class list (one student a line: username[,full name[,student id[,role]]])")
    students: list[dict[str, str]] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig", newline="") as f:
        for lineno, row in enumerate(csv.reader(f), 1):
            cells = [c.strip() for c in row]
            if not cells or not cells[0] or cells[0].startswith("#"):
                continue
            name = cells[0].lower()
            if lineno == 1 and name in ("username", "user", "name"):
                continue
            if not NAME_RE.match(name):
                raise HubError(
                    f"{path}:{lineno}: {cells[0]!r} is not a username: use a-z, 0-9, - and _, "
                    "starting with a letter, at most 30 characters"
                )
            if name in seen:
                raise HubError(f"{path}:{lineno}: {name!r} is listed twice")
            seen.add(name)
            role = cells[3].lower() if len(cells) > 3 else ""
            if role and not ROLE_RE.match(role):
                raise HubError(f"{path}:{lineno}: {cells[3]!r} is not a role: the role-play's party ids (ua, ru, ...)")
            students.append(
                {
                    "name": name,
                    "full_name": cells[1] if len(cells) > 1 else "",
                    "id": cells[2] if len(cells) > 2 else "",
                    "role": role,
                    "line": str(lineno),
                }
            )
    if not students:
        raise HubError(f"{path}: no student in the class list")
    return students


# -- settings and secrets ------------------------------------------------------


def load_settings(state: Path) -> dict:
    path = state / "settings.json"
    if not path.is_file():
        raise HubError(f"{path}: not found; start the hub once with `make hub` (hubctl.py start) first")
    return json.loads(path.read_text(encoding="utf-8"))


def _secret_file(path: Path, make) -> str:
    """Read a secret, or create it (mode 600) the first time."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(make() + "\n")
    return path.read_text().strip()


def prepare_state(state: Path) -> Path:
    """STATE/secrets (700) with the cookie secret, proxy token and the generated passwords."""
    state.mkdir(parents=True, exist_ok=True)
    os.chmod(state, 0o755)
    box = state / "secrets"
    box.mkdir(exist_ok=True)
    os.chmod(box, 0o700)
    _secret_file(box / "proxy_auth_token", lambda: secrets.token_hex(32))
    _secret_file(box / "jupyterhub_cookie_secret", lambda: secrets.token_hex(32))
    _secret_file(box / "student-password", lambda: secrets.token_urlsafe(9))
    _secret_file(box / "teacher-password", lambda: secrets.token_urlsafe(32))  # JupyterHub wants 32+ for admins
    return box


# -- accounts ------------------------------------------------------------------


def system_name(settings: dict, name: str) -> str:
    return settings["user_prefix"] + name


def groups(settings: dict) -> tuple[str, str]:
    """The class's unix groups: students, and teachers (who may read the students' homes)."""
    return settings["user_prefix"] + "students", settings["user_prefix"] + "teachers"


def _run(argv: list[str]) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise HubError(f"{' '.join(argv)}: {done.stderr.strip() or done.stdout.strip()}")


def ensure_group(name: str) -> None:
    try:
        grp.getgrnam(name)
    except KeyError:
        _run(["groupadd", "--system", name])


def ensure_account(settings: dict, name: str) -> pwd.struct_passwd:
    """The system user behind a hub user, created the first time, with a private home.

    A student's home is ``drwxr-x---`` owner student, group teachers: the teacher can read
    (and so collect) it, no other student can. The teacher's home is ``drwx------``.
    """
    students, teachers = groups(settings)
    teacher = name == settings["teacher"]
    sysname = system_name(settings, name)
    try:
        user = pwd.getpwnam(sysname)
    except KeyError:
        ensure_group(students)
        ensure_group(teachers)
        home = Path(settings["home_base"]) / sysname
        useradd = ["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash", "--user-group"]
        _run([*useradd, "--groups", teachers if teacher else students, "--comment", f"Road to Peace {name}", sysname])
        user = pwd.getpwnam(sysname)
    home = Path(user.pw_dir)
    if teacher:
        os.chown(home, user.pw_uid, user.pw_gid)
        os.chmod(home, 0o700)
    else:
        os.chown(home, user.pw_uid, grp.getgrnam(teachers).gr_gid)
        os.chmod(home, 0o750)
    return user


def remove_account(settings: dict, name: str) -> bool:
    sysname = system_name(settings, name)
    try:
        user = pwd.getpwnam(sysname)
    except KeyError:
        return False
    for pid in user_pids(user.pw_uid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
    for _ in range(40):  # a killed process is gone only once its parent (or init) has reaped it
        done = subprocess.run(["userdel", "--remove", sysname], capture_output=True, text=True, check=False)
        if done.returncode in (0, 12):  # 12: the home could not be removed (already gone)
            return True
        if "currently used by process" not in done.stderr:
            raise HubError(f"userdel {sysname}: {done.stderr.strip()}")
        time.sleep(0.5)
    raise HubError(f"userdel {sysname}: the user's processes do not end")


def user_pids(uid: int) -> list[int]:
    """Processes owned by ``uid`` (from /proc)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    pids.append(int(entry))
            except OSError:
                continue
    return pids


# -- the course in each home ---------------------------------------------------

# Runs as the student (never as root, so nothing a student puts in their home can redirect
# root's writes): the first time, the whole student copy; later, fresh course data
# (lessons/, which students never edit) and only the notebooks they do not have yet, so
# their work and their saved answers (responses-*.json beside the notebooks) stay.
COPY_COURSE = r"""
import os, shutil, sys, time
src, dest = sys.argv[1], sys.argv[2]
os.umask(0o022)
if os.path.lexists(dest) and not (os.path.isdir(dest) and not os.path.islink(dest)):
    os.rename(dest, dest + ".moved-" + time.strftime("%Y%m%d-%H%M%S"))
if not os.path.exists(dest):
    tmp = dest + ".new"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(src, tmp)
    os.rename(tmp, dest)
    sys.exit(0)
new, old = os.path.join(dest, ".lessons.new"), os.path.join(dest, ".lessons.old")
for p in (new, old):
    shutil.rmtree(p, ignore_errors=True)
shutil.copytree(os.path.join(src, "lessons"), new)
if os.path.lexists(os.path.join(dest, "lessons")):
    os.rename(os.path.join(dest, "lessons"), old)
os.rename(new, os.path.join(dest, "lessons"))
shutil.rmtree(old, ignore_errors=True)
top = os.path.join(src, "notebooks")
for folder, _dirs, files in os.walk(top):
    there = os.path.join(dest, "notebooks", os.path.relpath(folder, top))
    os.makedirs(there, exist_ok=True)
    for f in files:
        if not os.path.lexists(os.path.join(there, f)):
            shutil.copy2(os.path.join(folder, f), os.path.join(there, f))
"""


def _as_user(user: pwd.struct_passwd):
    def drop() -> None:
        os.setgroups(os.getgrouplist(user.pw_name, user.pw_gid))
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)
        os.chdir(user.pw_dir)

    return drop


def give_course(settings: dict, name: str) -> Path:
    """Copy the course into the user's home (student copy; the teacher gets the full course and the key)."""
    user = ensure_account(settings, name)
    dest = Path(user.pw_dir) / COURSE_DIR
    prefix = Path(settings["prefix"])
    if name == settings["teacher"]:
        # root copies, once, from the root-only teacher folder into the teacher's private home
        if not os.path.lexists(dest):
            tmp = Path(user.pw_dir) / f".{COURSE_DIR}.new"
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(prefix / "teacher", tmp, symlinks=True)
            for folder, dirs, files in os.walk(tmp):
                for item in (folder, *(os.path.join(folder, x) for x in dirs + files)):
                    os.lchown(item, user.pw_uid, user.pw_gid)
            os.rename(tmp, dest)
        return dest
    argv = [str(prefix / "env" / "bin" / "python"), "-I", "-c", COPY_COURSE, str(prefix / "course"), str(dest)]
    done = subprocess.run(argv, preexec_fn=_as_user(user), capture_output=True, text=True, check=False, env={})
    if done.returncode != 0:
        raise HubError(f"copying the course for {name} failed: {done.stderr.strip()[-500:]}")
    role = next((s.get("role", "") for s in settings["students"] if s["name"] == name), "")
    if role:
        give_role(prefix, user, dest, role)
    return dest


# root reads the role's private files (PREFIX/roles is root only); the student's own process
# writes them into the home, so nothing root does follows a link a student may have planted
GIVE_ROLE = r"""
import json, os, sys
dest = os.path.join(sys.argv[1], "notebooks")
os.umask(0o022)
for rel, text in json.load(sys.stdin).items():
    path = os.path.join(dest, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.lexists(path) and not os.path.basename(path).startswith("brief-"):
        continue  # the student's notebook, with their work: kept; the brief (data) is refreshed
    with open(path + ".new", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".new", path)
"""


def role_files(prefix: Path, role: str) -> dict[str, str]:
    """``{"<lang>/<file>": text}``: one role's notebooks and briefs, as installed."""
    top = prefix / "roles" / role
    if not top.is_dir():
        known = ", ".join(available_roles(prefix)) or "none: the course has no role-play"
        raise HubError(f"role {role!r}: not one of the role-play's roles ({known})")
    return {f"{p.parent.name}/{p.name}": p.read_text(encoding="utf-8") for p in sorted(top.glob("*/*")) if p.is_file()}


def available_roles(prefix: Path) -> list[str]:
    return sorted(p.name for p in (prefix / "roles").glob("*") if p.is_dir())


def give_role(prefix: Path, user: pwd.struct_passwd, dest: Path, role: str) -> None:
    """The student's own role-play notebook and brief, both languages, beside the other lessons."""
    files = json.dumps(role_files(prefix, role))
    argv = [str(prefix / "env" / "bin" / "python"), "-I", "-c", GIVE_ROLE, str(dest)]
    done = subprocess.run(
        argv, input=files, preexec_fn=_as_user(user), capture_output=True, text=True, check=False, env={}
    )
    if done.returncode != 0:
        raise HubError(f"giving {user.pw_name} the role {role!r} failed: {done.stderr.strip()[-500:]}")


# -- install-course ------------------------------------------------------------


def install_course(prefix: Path, source: Path, lessonkit: Path | None = None) -> None:
    """PREFIX/course (student copy, en and ja notebooks), PREFIX/teacher and PREFIX/roles (root only)."""
    lessonkit = lessonkit or prefix / "env" / "bin" / "lessonkit"
    if not lessonkit.exists():
        raise HubError(f"{lessonkit}: not found; install the hub environment first (make hub-install)")
    prefix.mkdir(parents=True, exist_ok=True)
    import yaml  # the course's own dependency: in the environment that runs lessonkit

    # the lessons the course lists (a folder being written but not yet listed is left out)
    lessons = yaml.safe_load((source / "lessons" / "course.yaml").read_text(encoding="utf-8"))["lessons"]
    work = Path(tempfile.mkdtemp(prefix="rtp-course-", dir=prefix))
    try:
        for lang in ("en", "ja"):
            argv = [str(lessonkit), "assign", *lessons, "--out", str(work / lang), "--lang", lang]
            argv += ["--course", str(source / "lessons"), "--notebooks", str(source / "notebooks")]
            done = subprocess.run(argv, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise HubError(f"lessonkit assign failed:\n{done.stdout}{done.stderr}")
        student = work / "course"
        shutil.copytree(work / "en" / "student" / "lessons", student / "lessons")
        for lang in ("en", "ja"):
            shutil.copytree(work / lang / "student" / "notebooks" / lang, student / "notebooks" / lang)
        # the role-play's private part: each role's notebook and brief (`lessonkit assign` writes a
        # complete copy a role; the rest of it is the course's public part, already in course/)
        roles = work / "roles"
        roles.mkdir()
        for lang in ("en", "ja"):
            for copy in sorted((work / lang / "roles").glob("*")):
                if (copy / "notebooks" / lang).is_dir():
                    shutil.copytree(copy / "notebooks" / lang, roles / copy.name / lang)
        teacher = work / "teacher"
        shutil.copytree(source / "lessons", teacher / "lessons")
        for lang in ("en", "ja"):
            shutil.copytree(
                source / "notebooks" / lang,
                teacher / "notebooks" / lang,
                ignore=shutil.ignore_patterns("responses-*.json", ".ipynb_checkpoints"),
            )
            shutil.copytree(work / lang / "teacher", teacher / "answer-key", dirs_exist_ok=True)
        for folder, _dirs, files in os.walk(student):
            os.chmod(folder, 0o755)
            for f in files:
                os.chmod(os.path.join(folder, f), 0o644)
        os.chmod(student, 0o755)
        os.chmod(teacher, 0o700)
        os.chmod(roles, 0o700)
        for name in ("course", "teacher", "roles"):
            old = prefix / f".{name}.old"
            shutil.rmtree(old, ignore_errors=True)
            if (prefix / name).exists():
                os.rename(prefix / name, old)
            os.rename(work / name, prefix / name)
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"course installed: {prefix / 'course'} (students), {prefix / 'teacher'} (root only), "
        f"{prefix / 'roles'} (root only; roles: {', '.join(available_roles(prefix)) or 'none'})"
    )


# -- start ---------------------------------------------------------------------


def start(args: argparse.Namespace) -> None:
    if os.geteuid() != 0:
        raise HubError("run as root (sudo make hub): the hub creates one system user per student")
    prefix = args.prefix.resolve()
    for need in (
        prefix / "env" / "bin" / "jupyterhub",
        prefix / "course" / "lessons",
        prefix / "teacher",
        prefix / "roles",
    ):
        if not need.exists():
            raise HubError(f"{need}: not found; run `make hub-install` first")
    python = (prefix / "env" / "bin" / "python").resolve()
    if any(not part.stat().st_mode & 0o001 for part in python.parents):
        raise HubError(
            f"{python} is in a folder other accounts cannot enter, so students could not run it: "
            "make the environment with the system's python3 (make hub-install HUB_PYTHON=/usr/bin/python3)"
        )
    proxy = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
    if not proxy.exists():
        raise HubError(f"{proxy}: not found; run `make hub-install` (npm ci in deploy/hub)")
    students = read_class(args.class_list)
    if args.teacher in {s["name"] for s in students}:
        raise HubError(f"the teacher account {args.teacher!r} is also in the class list")
    roles = available_roles(prefix)
    for s in students:
        if s["role"] and s["role"] not in roles:
            known = ", ".join(roles) or "none: the installed course has no role-play"
            raise HubError(f"{args.class_list}:{s['line']}: role {s['role']!r} is not one of the role-play's ({known})")
    state = args.state.resolve()
    box = prepare_state(state)
    settings = {
        "prefix": str(prefix),
        "state": str(state),
        "class_list": str(args.class_list.resolve()),
        "students": students,
        "teacher": args.teacher,
        "user_prefix": args.user_prefix,
        "home_base": str(args.home_base),
        "ip": "127.0.0.1" if not args.listen_all else "",
        "port": args.port,
        "api_port": args.api_port,
        "proxy_api_port": args.proxy_api_port,
        "cull_timeout": args.cull_timeout,
        "auth": args.auth,
        "lang": args.lang,
        "proxy": str(proxy),
    }
    (state / "settings.json").write_text(json.dumps(settings, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for s in students:
        ensure_account(settings, s["name"])
    ensure_account(settings, args.teacher)
    _warn_readable_key(Path(args.source))
    where = f"http://{settings['ip'] or '0.0.0.0'}:{args.port}"
    print(f"JupyterHub for {len(students)} students and the teacher {args.teacher!r} at {where}", flush=True)
    if args.auth == "shared":
        if not os.environ.get("HUB_PASSWORD"):
            print(f"  student password: in {box / 'student-password'} (or set HUB_PASSWORD)", flush=True)
        if not os.environ.get("HUB_TEACHER_PASSWORD"):
            print(f"  teacher password: in {box / 'teacher-password'} (or set HUB_TEACHER_PASSWORD)", flush=True)
    else:
        print("  first-use passwords: each person chooses theirs at first sign-in", flush=True)
    print("  collect and grade the answers: make hub-collect", flush=True)
    env = dict(os.environ, RTP_HUB_STATE=str(state), PATH=f"{prefix / 'env' / 'bin'}:{os.environ.get('PATH', '')}")
    hub = str(prefix / "env" / "bin" / "jupyterhub")
    os.chdir(state)
    os.execve(hub, [hub, "-f", str(HERE / "jupyterhub_config.py")], env)


def _warn_readable_key(source: Path) -> None:
    """The checkout holds the answer key (lessons/*/quizzes.yaml): students must not reach it."""
    path = source.resolve()
    for part in [path, *path.parents]:
        mode = part.stat().st_mode
        if not mode & 0o001:  # one folder on the way that others cannot enter is enough
            return
    if (source / "lessons").is_dir() and (source / "lessons").stat().st_mode & 0o004:
        print(
            f"  warning: {source} is readable by every account, and its lessons/ hold the answer key;"
            f" keep the checkout private: chmod 700 {source}",
            flush=True,
        )


# -- collect -------------------------------------------------------------------


def _members(group: str) -> list[str]:
    try:
        return sorted(grp.getgrnam(group).gr_mem)
    except KeyError:
        return []


def _collected_kind(fname: str) -> str | None:
    """``answers`` (a quiz's responses file), ``deal`` (a role-play deal), or None (not collected)."""
    if not fname.endswith(".json"):
        return None
    if fname.startswith("responses-"):
        return "answers"
    if fname.startswith("deal-"):
        return "deal"
    return None


def _keep(out: Path, name: str, rel: str, data: bytes, kind: str, answers: list, deals: list) -> None:
    """Write one collected file (answers under OUT/<name>/, deals under OUT/_deals/<name>/) and list it."""
    target = out / name / rel if kind == "answers" else out / DEALS / name / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    (answers if kind == "answers" else deals).append([name, rel, str(len(data)), hashlib.sha256(data).hexdigest()])


def _safe_read(path: str) -> bytes | None:
    """A regular file's bytes, never following a link a student left (O_NOFOLLOW, then fstat)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > RESPONSES_MAX:
            return None
        return f.read(RESPONSES_MAX + 1)


def _finish(
    out: Path,
    manifest: list[list[str]],
    missing: list[tuple[str, str]],
    total: int,
    lessonkit: Path,
    course: Path,
    grade: bool,
    deals: list[list[str]] | None = None,
) -> int:
    """Write OUT/manifest.csv, say what was collected and, with ``grade``, run lessonkit grade (and
    lessonkit debrief on the role-play deals in OUT/_deals)."""
    deals = deals or []
    with (out / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["student", "file", "bytes", "sha256"])
        w.writerows(manifest)
        w.writerows(deals)
        for name, why in missing:
            w.writerow([name, "", "0", why])
    students_with = len({m[0] for m in manifest})
    print(f"collected {len(manifest)} files from {students_with} of {total} students into {out}")
    if deals:
        print(f"collected {len(deals)} role-play deals from {len({d[0] for d in deals})} students into {out / DEALS}")
    for name, why in missing:
        print(f"  {name}: {why}")
    folders = [str(out / m) for m in sorted({m[0] for m in manifest})]  # not the manifest: it is no responses file
    argv = [str(lessonkit), "grade", *(folders or [str(out)]), "--course", str(course)]
    argv += ["--out", str(out / "gradebook.csv"), "--report", str(out / "report.html")]
    debrief = [str(lessonkit), "debrief", str(out / DEALS), "--course", str(course), "--out", str(out / "debrief.html")]
    code = 0
    if grade and manifest:
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        sys.stdout.write(done.stderr)
        print(f"gradebook: {out / 'gradebook.csv'}; report: {out / 'report.html'}")
        code = done.returncode
    elif manifest:
        print("grade them with:\n  " + " ".join(argv))
    if grade and deals:
        done = subprocess.run(debrief, capture_output=True, text=True, check=False)
        sys.stdout.write(done.stdout + done.stderr)
        print(f"role-play debrief: {out / 'debrief.html'}")
        code = code or done.returncode
    elif deals:
        print("debrief the role-play with:\n  " + " ".join(debrief))
    return code


def collect(args: argparse.Namespace) -> int:
    """Copy every student's responses-*.json into OUT/<student>/... and role-play deals (deal-*.json)
    into OUT/_deals/<student>/..., write a manifest, optionally grade and debrief."""
    settings = load_settings(args.state.resolve())
    prefix_len = len(settings["user_prefix"])
    students_group, _ = groups(settings)
    accounts = sorted(set(_members(students_group)) | {system_name(settings, s["name"]) for s in settings["students"]})
    teacher = pwd.getpwnam(system_name(settings, settings["teacher"]))
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    out = (args.out or Path(teacher.pw_dir) / "collected" / stamp).resolve()
    out.mkdir(parents=True, exist_ok=False)
    manifest, missing, deals = [], [], []
    for sysname in accounts:
        try:
            user = pwd.getpwnam(sysname)
        except KeyError:
            missing.append((sysname[prefix_len:], "no account"))
            continue
        name = sysname[prefix_len:]
        top = os.path.join(user.pw_dir, COURSE_DIR)
        found = 0
        for folder, dirs, files in os.walk(top):  # os.walk does not follow links to folders
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                kind = _collected_kind(f)
                if kind is None:
                    continue
                data = _safe_read(os.path.join(folder, f))
                if data is None:
                    continue
                _keep(out, name, os.path.relpath(os.path.join(folder, f), top), data, kind, manifest, deals)
                found += kind == "answers"
        if not found:
            missing.append((name, "no saved answers"))
    lessonkit = Path(settings["prefix"]) / "env" / "bin" / "lessonkit"
    course = args.course or Path(settings["prefix"]) / "teacher" / "lessons"
    code = _finish(out, manifest, missing, len(accounts), lessonkit, course, args.grade, deals)
    if os.geteuid() == 0:
        for folder, dirs, files in os.walk(out):
            for item in (folder, *(os.path.join(folder, x) for x in dirs + files)):
                os.lchown(item, teacher.pw_uid, teacher.pw_gid)
        parent = out.parent
        if parent.name == "collected" and parent.parent == Path(teacher.pw_dir):
            os.lchown(parent, teacher.pw_uid, teacher.pw_gid)
    return code


# -- collect-api: the same through the hub's REST API (Zero to JupyterHub) ---------


def collect_api(args: argparse.Namespace) -> int:
    """Every student's responses-*.json through the hub's API, as an admin (students' files on their own volumes).

    The token: an admin's API token (the teacher makes one on the hub's Token page), in
    JUPYTERHUB_ADMIN_TOKEN. A student whose server is stopped is listed, or with --start
    started, collected and stopped again, one at a time.
    """
    import urllib.error
    import urllib.parse
    import urllib.request

    token = os.environ.get("JUPYTERHUB_ADMIN_TOKEN", "")
    if not token:
        raise HubError("set JUPYTERHUB_ADMIN_TOKEN to an admin's API token (the hub's Token page)")
    hub = args.url.rstrip("/")

    def call(method: str, path: str) -> object:
        req = urllib.request.Request(hub + path, method=method, headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(req, timeout=300) as resp:
            body = resp.read()
        return json.loads(body) if body.strip() else None

    users: list[dict] = []
    while True:
        page = call("GET", f"/hub/api/users?offset={len(users)}&limit=200")
        users += page  # type: ignore[operator]
        if len(page) < 200:  # type: ignore[arg-type]
            break
    students = sorted((u for u in users if not u.get("admin")), key=lambda u: u["name"])
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=False)
    manifest, missing, deals = [], [], []
    for user in students:
        name = user["name"]
        quoted = urllib.parse.quote(name)
        started = False
        if not (user.get("servers") or {}).get("", {}).get("ready"):
            if not args.start:
                missing.append((name, "server not running (collect with --start, or while the class is on)"))
                continue
            call("POST", f"/hub/api/users/{quoted}/server")
            deadline = time.monotonic() + 300
            while not (call("GET", f"/hub/api/users/{quoted}")["servers"].get("", {}).get("ready")):  # type: ignore[index]
                if time.monotonic() > deadline:
                    raise HubError(f"{name}: server did not start in 300 s")
                time.sleep(1)
            started = True
        found = 0
        try:
            for lang in ("en", "ja"):
                rel = f"{COURSE_DIR}/notebooks/{lang}"
                try:
                    listing = call("GET", f"/user/{quoted}/api/contents/{rel}?content=1")
                except urllib.error.HTTPError as e:
                    if e.code == 404:
                        continue
                    raise
                for entry in listing["content"]:  # type: ignore[index]
                    fname = entry["name"]
                    kind = _collected_kind(fname)
                    if not (entry["type"] == "file" and kind):
                        continue
                    if (entry.get("size") or 0) > RESPONSES_MAX:
                        continue
                    got = call(
                        "GET", f"/user/{quoted}/api/contents/{rel}/{urllib.parse.quote(fname)}?content=1&format=text"
                    )
                    data = got["content"].encode("utf-8")  # type: ignore[index]
                    _keep(out, name, f"notebooks/{lang}/{fname}", data, kind, manifest, deals)
                    found += kind == "answers"
        finally:
            if started:
                call("DELETE", f"/hub/api/users/{quoted}/server")
        if not found:
            missing.append((name, "no saved answers"))
    lessonkit = Path(shutil.which("lessonkit") or Path(sys.prefix) / "bin" / "lessonkit")
    course = args.course or Path.home() / COURSE_DIR / "lessons"
    return _finish(out, manifest, missing, len(students), lessonkit, course, args.grade, deals)


# -- remove-class --------------------------------------------------------------


def remove_class(args: argparse.Namespace) -> None:
    settings = load_settings(args.state.resolve())
    if not args.yes:
        raise HubError("this deletes every student's account and home folder; add --yes")
    names = [s["name"] for s in settings["students"]] + [settings["teacher"]]
    gone = [n for n in names if remove_account(settings, n)]
    for group in groups(settings):
        if not _members(group):
            subprocess.run(["groupdel", group], capture_output=True, check=False)
    print(f"removed {len(gone)} accounts and their homes")


# -- command line --------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    i = sub.add_parser(
        "install-course", help="write PREFIX/course (students), PREFIX/teacher and PREFIX/roles (root only)"
    )
    i.add_argument("--prefix", type=Path, default=DEFAULT_PREFIX)
    i.add_argument("--source", type=Path, default=REPO, help="the course checkout (lessons/, notebooks/)")
    i.add_argument("--lessonkit", type=Path, help="the lessonkit command to use (default PREFIX/env/bin/lessonkit)")

    s = sub.add_parser("start", help="create the class's accounts and run JupyterHub (foreground)")
    s.add_argument("--class", dest="class_list", type=Path, required=True, help="CSV: username[,full name[,id[,role]]]")
    s.add_argument("--state", type=Path, default=DEFAULT_STATE)
    s.add_argument("--prefix", type=Path, default=DEFAULT_PREFIX)
    s.add_argument("--source", type=Path, default=REPO)
    s.add_argument("--teacher", default="teacher")
    s.add_argument("--user-prefix", default="jupyter-", help="system user = prefix + hub username (as TLJH)")
    s.add_argument("--home-base", type=Path, default=Path("/home"))
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--api-port", type=int, default=8081)
    s.add_argument("--proxy-api-port", type=int, default=8001)
    s.add_argument("--cull-timeout", type=int, default=3600)
    s.add_argument("--auth", choices=["shared", "firstuse"], default="shared")
    s.add_argument("--lang", choices=["en", "ja"], default="en", help="the start page students land on")
    s.add_argument("--listen-all", action="store_true", help="listen on every address, not only 127.0.0.1")

    c = sub.add_parser("collect", help="copy every student's saved answers into one folder")
    c.add_argument("--state", type=Path, default=DEFAULT_STATE)
    c.add_argument("--out", type=Path, help="default: the teacher's ~/collected/<date-time>")
    c.add_argument("--course", type=Path, help="course with the answer key (default PREFIX/teacher/lessons)")
    c.add_argument("--grade", action="store_true", help="also run lessonkit grade: gradebook.csv, report.html")

    a = sub.add_parser("collect-api", help="the same through the hub's REST API, as an admin (Zero to JupyterHub)")
    a.add_argument("--url", required=True, help="the hub, e.g. https://hub.example.org")
    a.add_argument("--out", type=Path, required=True)
    a.add_argument("--course", type=Path, help="course with the answer key (default ~/road-to-peace/lessons)")
    a.add_argument("--grade", action="store_true")
    a.add_argument("--start", action="store_true", help="start stopped servers one at a time to collect them")

    r = sub.add_parser("remove-class", help="delete the class's system users and their homes")
    r.add_argument("--state", type=Path, default=DEFAULT_STATE)
    r.add_argument("--yes", action="store_true")

    args = p.parse_args(argv)
    try:
        if args.command == "install-course":
            install_course(args.prefix.resolve(), args.source.resolve(), args.lessonkit)
        elif args.command == "start":
            start(args)
        elif args.command == "collect":
            return collect(args)
        elif args.command == "collect-api":
            return collect_api(args)
        elif args.command == "remove-class":
            remove_class(args)
    except HubError as e:
        print(f"hubctl: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
