"""Run every benchmark, print the results table and write docs/benchmarks.md.

Measuring lives in one module a measurement (``imports``, ``handlers``, ``quiz_handlers``,
``grade_class``, ``run_all``, ``browser_click``, ``load_test``); writing the report in
``report.py`` and its section modules (``report_runs``, ``report_handlers``,
``report_load``). This module runs the chosen measurements and hands the results over.

Run: ``make bench`` (or ``.venv/bin/python -m benchmarks.run``). ``--quick`` runs each
measurement once, small, to try the machinery (about 3 minutes); ``--only``/``--skip``
pick measurements by name (imports, handlers, quiz_handlers, grade_class, run_all,
load_test, browser). Raw numbers go to test-artifacts/benchmarks/results.json.
Nothing here asserts: a missed target is reported, with by how much and why.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import browser_click, grade_class, handlers, imports, load_test, quiz_handlers, run_all
from benchmarks.common import ARTIFACTS, REPO, compile_lessonkit, load_average, machine, summary_ms
from benchmarks.report import Report
from benchmarks.report_text import table

DOC = REPO / "docs" / "benchmarks.md"
STEPS = ("imports", "handlers", "quiz_handlers", "grade_class", "run_all", "browser", "load_test")


def _git() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = [line for line in git("status", "--porcelain").splitlines() if line.strip()]
    return f"{head}" + (f" with {len(changed)} uncommitted changes" if changed else "")


def _run_steps(args: argparse.Namespace) -> dict:
    quick = args.quick
    plan: dict[str, Callable[[], object]] = {
        "imports": lambda: imports.measure(reps=2 if quick else 7),
        "handlers": lambda: handlers.measure(rounds=1 if quick else 3),
        "quiz_handlers": lambda: {
            name: summary_ms(t) for name, t in quiz_handlers.measure(10 if quick else quiz_handlers.RUNS).items()
        },
        "grade_class": lambda: grade_class.measure((30,) if quick else (30, 300)),
        "run_all": lambda: run_all.measure(
            reps=1 if quick else args.reps, langs=("en",) if quick else ("en", "ja"), log=_log
        ),
        "load_test": lambda: load_test.measure(classes=(3,) if quick else tuple(args.classes), log=_log),
        "browser": lambda: browser_click.measure(clicks=5 if quick else args.clicks, log=_log),
    }
    chosen = [s for s in STEPS if (not args.only or s in args.only) and s not in (args.skip or [])]
    # before any step: the imports step times `import lessonkit` too
    bytecode = compile_lessonkit()
    _log(bytecode)
    results: dict = {"machine": machine(), "commit": _git(), "quick": quick, "bytecode": bytecode, "steps": {}}
    for name in chosen:
        _log(f"== {name} (load average {load_average()})")
        start = time.perf_counter()
        try:
            value = plan[name]()
            results["steps"][name] = {"ok": True, "result": value}
        except Exception as e:  # one failing measurement must not lose the others
            traceback.print_exc()
            results["steps"][name] = {"ok": False, "error": f"{type(e).__name__}: {str(e).splitlines()[0][:300]}"}
        results["steps"][name]["seconds"] = time.perf_counter() - start
        results["steps"][name]["load_average"] = load_average()
    return results


def _log(text: str) -> None:
    print(text, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="each measurement once and small")
    parser.add_argument("--only", nargs="+", choices=STEPS)
    parser.add_argument("--skip", nargs="+", choices=STEPS)
    parser.add_argument("--reps", type=int, default=3, help="Run All repetitions per lesson")
    parser.add_argument("--classes", type=int, nargs="+", default=[10, 30], help="load test class sizes")
    parser.add_argument("--clicks", type=int, default=browser_click.CLICKS)
    parser.add_argument("--out", type=Path, default=DOC)
    parser.add_argument("--from-json", type=Path, help="rewrite the report from a results.json")
    args = parser.parse_args()
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        results = _run_steps(args)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    report = Report(results)
    text = report.build()
    print()
    print("\n".join(table(["measurement", "result", "baseline", "ratio", "target", "status"], report.summary)))
    args.out.write_text(text, encoding="utf-8")
    print(f"\nwritten: {args.out}" + (f"; raw numbers: {ARTIFACTS / 'results.json'}" if not args.from_json else ""))


if __name__ == "__main__":
    main()
