"""The course in each home, and a delegation's own role-play files (never another role's)."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
from pathlib import Path

from classhub.accounts import ensure_account
from classhub.common import COURSE_DIR, HubError

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
