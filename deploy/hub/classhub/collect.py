"""collect: every student's saved answers and role-play deals from their homes, optionally graded."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import os
import pwd
import stat
import subprocess
import sys
from pathlib import Path

from classhub.accounts import groups, members, system_name
from classhub.common import COURSE_DIR, DEALS, RESPONSES_MAX
from classhub.state import load_settings


def collected_kind(fname: str) -> str | None:
    """``answers`` (a quiz's responses file), ``deal`` (a role-play deal), or None (not collected)."""
    if not fname.endswith(".json"):
        return None
    if fname.startswith("responses-"):
        return "answers"
    if fname.startswith("deal-"):
        return "deal"
    return None


def keep(out: Path, name: str, rel: str, data: bytes, kind: str, answers: list, deals: list) -> None:
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


def finish(
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
    accounts = sorted(set(members(students_group)) | {system_name(settings, s["name"]) for s in settings["students"]})
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
                kind = collected_kind(f)
                if kind is None:
                    continue
                data = _safe_read(os.path.join(folder, f))
                if data is None:
                    continue
                keep(out, name, os.path.relpath(os.path.join(folder, f), top), data, kind, manifest, deals)
                found += kind == "answers"
        if not found:
            missing.append((name, "no saved answers"))
    lessonkit = Path(settings["prefix"]) / "env" / "bin" / "lessonkit"
    course = args.course or Path(settings["prefix"]) / "teacher" / "lessons"
    code = finish(out, manifest, missing, len(accounts), lessonkit, course, args.grade, deals)
    if os.geteuid() == 0:
        for folder, dirs, files in os.walk(out):
            for item in (folder, *(os.path.join(folder, x) for x in dirs + files)):
                os.lchown(item, teacher.pw_uid, teacher.pw_gid)
        parent = out.parent
        if parent.name == "collected" and parent.parent == Path(teacher.pw_dir):
            os.lchown(parent, teacher.pw_uid, teacher.pw_gid)
    return code
