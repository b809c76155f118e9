"""A class of 30 on the course's real JupyterHub: sign in, start, run lessons 03 and 04, save the quizzes, grade.

Run: ``sudo make hub-bench`` (or, as root, ``.venv/bin/python -m benchmarks.hub_bench``;
``--students 3`` tries the machinery in about half a minute). About 3 minutes for 30 on 2 cores.

The hub is the one ``make hub`` starts (deploy/hub), on free loopback ports, with system
users of its own that are deleted afterwards. Every student does what a browser does,
through the hub's and the server's REST APIs and the kernel's websocket:

1. signs in (an API token for username and password) and starts their server; *login to
   ready* ends when the server answers through the proxy;
2. opens lesson 03 (a session: the kernel starts in the notebook's folder) and runs every
   code cell in order (*Run All*, timed from the first cell to the last reply), answers the
   exit quiz through the widget's inputs and presses *Save my answers*; closes the lesson
   (kernel shut down), then the same for lesson 04, whose kernel stays open.

Baseline: one student alone on the same hub, just before the class (same run, same
machine). Then the whole class starts at the same moment (the worst case: "log in and run
the lesson, now"). Then the teacher collects and grades (``hubctl.py collect --grade``,
what ``make hub-collect`` runs). Reported: login to ready and Run All, median and 95th
percentile, under load against alone (ratio); memory per student (resident memory of the
student's processes: server and the lesson-04 kernel) when everyone is done, and the peak
for the class; CPU used by the hub and by the proxy; failures; gradebook rows.
Nothing asserts: it measures. Results: benchmarks/hub_results.md and
test-artifacts/benchmarks/hub.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hub import classroom as C

from benchmarks.common import ARTIFACTS, REPO, load_average, machine, median, p95

RESULTS = REPO / "benchmarks" / "hub_results.md"
LESSONS = ("03-demands", "04-obstacles")
DEADLINE_S = 40 * 60  # the whole class must be done by then, or what is left counts as failed


async def _student(hub: C.Hub, name: str, index: int, answers: dict, t0: float) -> dict:
    """One student's lesson; every time in seconds from ``t0`` (the moment the class was told to start)."""
    s = C.Student(hub, name)
    lang = "ja" if index % 3 == 2 else "en"  # a third of the class in Japanese
    r: dict = {"name": name, "lang": lang, "ok": False}
    step = "sign in"
    try:
        await s.login()
        step = "server start"
        await s.start_server(timeout=900)
        r["login_to_ready_s"] = time.perf_counter() - t0
        for lesson in LESSONS:
            step = f"{lesson}: open"
            opened = time.perf_counter()
            kernel = await s.open(C.notebook_path(lang, lesson))
            try:
                start = time.perf_counter()
                r[f"{lesson}_open_s"] = start - opened
                step = f"{lesson}: Run All"
                for cell in C.code_cells(lang, lesson):
                    await kernel.execute(cell, timeout=900)
                r[f"{lesson}_run_all_s"] = time.perf_counter() - start
                step = f"{lesson}: quiz"
                mine, _dropped = C.one_wrong(answers[lesson], index)
                saved = await C.answer_quiz(kernel, mine)
                if not saved["saved"]:
                    raise RuntimeError(f"{lesson}: answers not saved")
            finally:
                await kernel.close(shutdown=lesson != LESSONS[-1])
        r["done_s"] = time.perf_counter() - t0
        r["ok"] = True
    except Exception as e:  # counted as a failure, with its first line
        text = str(e).strip()
        r["error"] = f"{step}: {type(e).__name__}: {text.splitlines()[0][:200] if text else ''}"
    return r


async def _class(hub: C.Hub, names: list[str], answers: dict) -> dict:
    uids = [hub.system_user(n).pw_uid for n in names]
    peak = 0.0
    done = asyncio.Event()

    async def monitor() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(C.rss_mb_of_uid(u) for u in uids))
            await asyncio.sleep(1.0)

    hub_pid, proxy_pid = hub.hub_pid(), hub.proxy_pid()
    cpu0 = {"hub": C.cpu_s(hub_pid), "proxy": C.cpu_s(proxy_pid)}
    watcher = asyncio.create_task(monitor())
    t0 = time.perf_counter()
    tasks = [_student(hub, n, i, answers, t0) for i, n in enumerate(names)]
    try:
        async with asyncio.timeout(DEADLINE_S):
            results = await asyncio.gather(*tasks)
    except TimeoutError:
        results = [{"name": n, "ok": False, "error": "TimeoutError: the class did not finish"} for n in names]
    wall = time.perf_counter() - t0
    cpu = {"hub": C.cpu_s(hub_pid) - cpu0["hub"], "proxy": C.cpu_s(proxy_pid) - cpu0["proxy"]}
    per_student = [C.rss_mb_of_uid(u) for u in uids]
    done.set()
    await watcher
    ok = [r for r in results if r["ok"]]

    def stat(key: str) -> dict:
        values = [r[key] for r in ok if key in r]
        return {"median_s": median(values), "p95_s": p95(values), "max_s": max(values, default=float("nan"))}

    return {
        "students": len(names),
        "wall_s": wall,
        "failures": len(names) - len(ok),
        "errors": sorted({r["error"] for r in results if "error" in r})[:5],
        "login_to_ready": stat("login_to_ready_s"),
        "run_all": {lesson: stat(f"{lesson}_run_all_s") for lesson in LESSONS},
        "open": {lesson: stat(f"{lesson}_open_s") for lesson in LESSONS},
        "done": stat("done_s"),
        "memory_per_student_mb": {"median": median(per_student), "max": max(per_student, default=float("nan"))},
        "memory_total_mb": sum(per_student),
        "memory_peak_total_mb": max(peak, sum(per_student)),
        "cpu_s": cpu,
        "cpu_share_of_one_core": {k: v / wall for k, v in cpu.items()},
        "langs": sorted({r.get("lang", "") for r in results}),
    }


def _stop_servers(hub: C.Hub, names: list[str]) -> None:
    async def stop() -> None:
        token = await hub.teacher_token()
        await asyncio.gather(*(hub.api("DELETE", f"/hub/api/users/{n}/server", token) for n in names))

    try:
        hub.run(stop())
    except Exception:
        traceback.print_exc()


def measure(students: int = 30, log=print) -> dict:
    why = C.unavailable()
    if why:
        raise SystemExit(f"hub benchmark: {why}")
    answers = {lesson: C.key_answers(lesson)[0] for lesson in LESSONS}
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as tmp:
        hub = C.Hub(Path(tmp), students + 1)
        solo, everyone = hub.names[-1], hub.names[:-1]
        try:
            started = time.perf_counter()
            hub.start()
            hub_start_s = time.perf_counter() - started
            log(f"  hub up in {hub_start_s:.1f} s on 127.0.0.1:{hub.port} (load average {load_average()})")
            alone = hub.run(_class(hub, [solo], answers))
            log(f"  alone: {_line(alone)}")
            _stop_servers(hub, [solo])  # the class starts on a quiet machine
            time.sleep(3)
            log(f"  class of {students} (load average {load_average()})")
            crowd = hub.run(_class(hub, everyone, answers))
            log(f"  class: {_line(crowd)}")
            started = time.perf_counter()
            collected = C.collect(hub, Path(tmp) / "collected")
            collect_s = time.perf_counter() - started
            rows = C.read_gradebook(Path(tmp) / "collected" / "gradebook.csv") if collected.returncode == 0 else []
            by_quiz: dict[str, set[str]] = {}
            for row in rows:
                by_quiz.setdefault(row["lesson"], set()).add(row["student_id"])
            class_ids = {f"{hub.tag}-{n}" for n in everyone}
            grading = {
                "exit_code": collected.returncode,
                "seconds": collect_s,
                "rows": len(rows),
                "class_students_per_quiz": {q: len(ids & class_ids) for q, ids in sorted(by_quiz.items())},
                "summary": [line for line in collected.stdout.splitlines() if line.startswith(("collected", "graded"))],
            }
            log(
                f"  teacher: collect and grade {collect_s:.1f} s, {len(rows)} gradebook rows, "
                f"{grading['class_students_per_quiz']}"
            )
            _stop_servers(hub, hub.names)
        finally:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            if hub.log.exists():
                shutil.copy(hub.log, ARTIFACTS / "hub.log")
            hub.close()
    for key in ("login_to_ready",):
        crowd[f"ratio_{key}_median"] = crowd[key]["median_s"] / alone[key]["median_s"]
    crowd["ratio_run_all_median"] = {
        lesson: crowd["run_all"][lesson]["median_s"] / alone["run_all"][lesson]["median_s"] for lesson in LESSONS
    }
    crowd["ratio_run_all_p95"] = {
        lesson: crowd["run_all"][lesson]["p95_s"] / alone["run_all"][lesson]["median_s"] for lesson in LESSONS
    }
    return {"cores": os.cpu_count(), "hub_start_s": hub_start_s, "alone": alone, "class": crowd, "grading": grading}


def _line(r: dict) -> str:
    ra = ", ".join(
        f"{lesson[:2]} {r['run_all'][lesson]['median_s']:.1f}/{r['run_all'][lesson]['p95_s']:.1f} s"
        for lesson in LESSONS
    )
    return (
        f"{r['students']} students, wall {r['wall_s']:.1f} s, failures {r['failures']}, "
        f"login to ready {r['login_to_ready']['median_s']:.1f}/{r['login_to_ready']['p95_s']:.1f} s, "
        f"Run All (median/p95) {ra}, memory per student {r['memory_per_student_mb']['median']:.0f} MB "
        f"(peak total {r['memory_peak_total_mb']:.0f} MB), "
        f"CPU hub {r['cpu_s']['hub']:.1f} s, proxy {r['cpu_s']['proxy']:.1f} s"
        + (f"; errors {r['errors']}" if r["errors"] else "")
    )


def _stat_row(what: str, r: dict) -> str:
    return f"| {what} | {r['median_s']:.1f} s | {r['p95_s']:.1f} s | {r['max_s']:.1f} s |"


def report(res: dict, info: dict) -> str:
    a, c, g = res["alone"], res["class"], res["grading"]

    def row(what: str, alone: float, crowd: float, unit: str = "s", digits: int = 1) -> str:
        ratio = crowd / alone if alone and alone == alone else float("nan")
        return f"| {what} | {alone:.{digits}f} {unit} | {crowd:.{digits}f} {unit} | {ratio:.2f} |"

    lines = [
        "# The course's JupyterHub under a class (benchmark results)",
        "",
        f"Written by `benchmarks/hub_bench.py` (`sudo make hub-bench`) on {info.get('date', '?')}: "
        f"{info.get('cpu', '?')}, {res['cores']} cores, {info.get('memory', '?')}; commit {info.get('commit', '?')}. "
        "Measurements, not assertions: the baseline is one student alone on the same hub, just before "
        "the class, in the same run. See docs/deployment.md for what the numbers mean for a school.",
        "",
        f"Hub: JupyterHub with configurable-http-proxy on 127.0.0.1, one system user a student "
        f"(deploy/hub); hub up in {res['hub_start_s']:.1f} s. Class: {c['students']} students started "
        f"at the same moment; a third in Japanese. Each signed in through the hub's API, started a server, "
        "ran every code cell of lesson 03 over the kernel's websocket, answered and saved its exit quiz "
        "through the widget, closed it, and did the same with lesson 04 (kept open).",
        "",
        "| measure | one student alone | class (median) | ratio |",
        "|---|---|---|---|",
        row(
            "login to ready (sign-in, server start, first answer through the proxy)",
            a["login_to_ready"]["median_s"],
            c["login_to_ready"]["median_s"],
        ),
    ]
    for lesson in LESSONS:
        lines.append(
            row(f"Run All, lesson {lesson}", a["run_all"][lesson]["median_s"], c["run_all"][lesson]["median_s"])
        )
    lines.append(row("whole session (login to lesson 04 saved)", a["done"]["median_s"], c["done"]["median_s"]))
    lines += [
        "",
        "| class of " + str(c["students"]) + " | median | 95th percentile | slowest |",
        "|---|---|---|---|",
        _stat_row("login to ready", c["login_to_ready"]),
    ]
    for lesson in LESSONS:
        lines.append(_stat_row(f"Run All, lesson {lesson}", c["run_all"][lesson]))
    lines += [
        "",
        f"- **Ratios under load** (class median / alone): login to ready {c['ratio_login_to_ready_median']:.2f}; "
        + "; ".join(
            f"Run All {lesson} {c['ratio_run_all_median'][lesson]:.2f} "
            f"(95th percentile / alone: {c['ratio_run_all_p95'][lesson]:.2f})"
            for lesson in LESSONS
        )
        + ".",
        f"- **Failures: {c['failures']}** of {c['students']}"
        + (f" ({'; '.join(c['errors'])})" if c["errors"] else "")
        + ".",
        "- **Memory per student** (server and the lesson-04 kernel, resident): "
        f"median {c['memory_per_student_mb']['median']:.0f} MB, "
        f"largest {c['memory_per_student_mb']['max']:.0f} MB (alone: {a['memory_per_student_mb']['median']:.0f} MB); "
        f"the class together {c['memory_total_mb'] / 1024:.1f} GB when done, "
        f"{c['memory_peak_total_mb'] / 1024:.1f} GB at the peak.",
        f"- **Hub and proxy CPU** while the class ran ({c['wall_s']:.0f} s): hub {c['cpu_s']['hub']:.1f} CPU-s "
        f"({100 * c['cpu_share_of_one_core']['hub']:.1f} % of one core), proxy {c['cpu_s']['proxy']:.1f} CPU-s "
        f"({100 * c['cpu_share_of_one_core']['proxy']:.1f} %). The kernels use the rest.",
        f"- **Teacher**: collect and grade (`make hub-collect`) in {g['seconds']:.1f} s, exit code {g['exit_code']}; "
        f"gradebook {g['rows']} rows (one per student and quiz, the baseline student included); class students "
        f"with a row per quiz: {', '.join(f'{q}: {n}' for q, n in g['class_students_per_quiz'].items())}.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--out", type=Path, default=RESULTS, help="the results file (Markdown)")
    args = parser.parse_args()
    info = machine()
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
    )
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True, check=False)
    info["commit"] = head.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")
    print(f"== hub benchmark: {args.students} students (load average {load_average()})", flush=True)
    res = measure(args.students, log=lambda text: print(text, flush=True))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "hub.json").write_text(json.dumps({"machine": info, **res}, indent=1, default=str), encoding="utf-8")
    args.out.write_text(report(res, info), encoding="utf-8")
    print(f"written: {args.out}; raw numbers: {ARTIFACTS / 'hub.json'}")


if __name__ == "__main__":
    main()
