"""One system user a student (as The Littlest JupyterHub does), the class's groups, removing them."""

from __future__ import annotations

import argparse
import contextlib
import grp
import os
import pwd
import subprocess
import time
from pathlib import Path

from classhub.common import HubError
from classhub.state import load_settings


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


def members(group: str) -> list[str]:
    try:
        return sorted(grp.getgrnam(group).gr_mem)
    except KeyError:
        return []


def remove_class(args: argparse.Namespace) -> None:
    settings = load_settings(args.state.resolve())
    if not args.yes:
        raise HubError("this deletes every student's account and home folder; add --yes")
    names = [s["name"] for s in settings["students"]] + [settings["teacher"]]
    gone = [n for n in names if remove_account(settings, n)]
    for group in groups(settings):
        if not members(group):
            subprocess.run(["groupdel", group], capture_output=True, check=False)
    print(f"removed {len(gone)} accounts and their homes")
