"""start: check the install and the class list, create the accounts, then run JupyterHub."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from classhub.accounts import ensure_account
from classhub.classlist import check_roles, read_class
from classhub.common import HUB, HubError
from classhub.homes import available_roles
from classhub.state import prepare_state


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
    proxy = HUB / "node_modules" / ".bin" / "configurable-http-proxy"
    if not proxy.exists():
        raise HubError(f"{proxy}: not found; run `make hub-install` (npm ci in deploy/hub)")
    students = read_class(args.class_list)
    if args.teacher in {s["name"] for s in students}:
        raise HubError(f"the teacher account {args.teacher!r} is also in the class list")
    roles = available_roles(prefix)
    check_roles(args.class_list, students, roles, "none: the installed course has no role-play")
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
    os.execve(hub, [hub, "-f", str(HUB / "jupyterhub_config.py")], env)


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
