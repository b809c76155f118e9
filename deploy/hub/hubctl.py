#!/usr/bin/env python3
"""Run the course's own JupyterHub on one server: install the course, start the hub, collect answers.

Run as root (it creates one system user a student, as The Littlest JupyterHub does). The
Makefile calls it; by hand:

    hubctl.py install-course --prefix /opt/road-to-peace --source .   # student copy + teacher key
    hubctl.py start --class class.csv [--state deploy/hub/state] ...   # prepare, then run JupyterHub
    hubctl.py collect --state deploy/hub/state --grade                # every student's answers, graded
    hubctl.py give-roles-api --url URL --class class.csv --start      # lesson 08's briefs, on Kubernetes
    hubctl.py remove-class --state deploy/hub/state --yes             # delete the class's accounts

Only the Python standard library: it runs with the hub environment's Python. Its parts are in
classhub/ beside it, one module a job (classhub/__init__.py lists them).

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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # classhub/, beside this file

from classhub.accounts import remove_class
from classhub.collect import collect
from classhub.collect_api import collect_api
from classhub.common import DEFAULT_PREFIX, DEFAULT_STATE, REPO, HubError
from classhub.give_roles_api import give_roles_api
from classhub.install import install_course
from classhub.start import start


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

    g = sub.add_parser(
        "give-roles-api", help="each delegation's role-play notebook and brief, through the hub's REST API (Z2JH)"
    )
    g.add_argument("--url", required=True, help="the hub, e.g. https://hub.example.org")
    g.add_argument("--class", dest="class_list", type=Path, required=True, help="CSV: username,full name,id,role")
    g.add_argument("--source", type=Path, default=REPO, help="the course checkout (lessons/, notebooks/)")
    g.add_argument("--lessonkit", type=Path, help="the lessonkit command to use (default: the one on PATH)")
    g.add_argument("--start", action="store_true", help="start stopped servers one at a time to give them")

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
        elif args.command == "give-roles-api":
            return give_roles_api(args)
        elif args.command == "remove-class":
            remove_class(args)
    except HubError as e:
        print(f"hubctl: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
