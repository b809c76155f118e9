"""give-roles-api: each delegation's role-play notebook and brief, through the hub's REST API as
an admin (Zero to JupyterHub), into that student's home and no one else's.

On Kubernetes every student's pod runs the same image, so the briefs cannot be in it: the
teacher, on their own machine with the checkout, runs ``lessonkit assign`` and writes each
student's own role's files through that student's server (so they are the student's, on the
student's volume), as ``make hub`` does at every server start: the notebook once (the
student's work in it stays), the brief afresh.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from classhub.classlist import check_roles, read_class
from classhub.common import COURSE_DIR, HUB_NAME_RE, HubError, lessonkit_command
from classhub.homes import available_roles, role_files
from classhub.hubapi import HubAPI
from classhub.install import assign_all, gather_roles


def give_roles_api(args: argparse.Namespace) -> int:
    students = [s for s in read_class(args.class_list, names=HUB_NAME_RE) if s["role"]]
    if not students:
        raise HubError(f"{args.class_list}: no student with a role (the 4th column: ua, ru, ...)")
    lessonkit = args.lessonkit or lessonkit_command()
    api = HubAPI(args.url)  # the token is checked before anything is built
    with tempfile.TemporaryDirectory(prefix="rtp-roles-") as tmp:
        work = Path(tmp)
        assign_all(lessonkit, args.source.resolve(), work)
        gather_roles(work)
        check_roles(args.class_list, students, available_roles(work), "none: the course has no role-play")
        files = {role: role_files(work, role) for role in {s["role"] for s in students}}
    given, kept, missing = 0, 0, []
    for s in students:
        user = api.user(s["name"])
        if user is None:
            missing.append((s["name"], "no such user on the hub (they have not signed in yet?)"))
            continue
        with api.server(user, args.start) as up:
            if not up:
                missing.append((s["name"], "server not running (give with --start, or while the class is on)"))
                continue
            for rel, text in sorted(files[s["role"]].items()):
                path = f"{COURSE_DIR}/notebooks/{rel}"
                if rel.endswith(".ipynb"):
                    if api.contents(s["name"], path, content="0") is not None:
                        kept += 1  # their notebook, with their work: kept
                        continue
                    model = {"type": "notebook", "format": "json", "content": json.loads(text)}
                else:  # the brief: data the notebook reads, refreshed every time
                    model = {"type": "file", "format": "text", "content": text}
                api.save(s["name"], path, model)
            given += 1
    print(f"gave {given} of {len(students)} students their role-play files ({kept} notebooks already there, kept)")
    for name, why in missing:
        print(f"  {name}: {why}")
    return 1 if missing else 0
