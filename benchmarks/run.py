"""Run every benchmark, print the results table and write docs/benchmarks.md.

Run: ``make bench`` (or ``.venv/bin/python -m benchmarks.run``). ``--quick`` runs each
measurement once, small, to try the machinery (about 3 minutes); ``--only``/``--skip``
pick measurements by name (imports, handlers, quiz_handlers, grade_class, run_all,
load_test, browser). Raw numbers go to test-artifacts/benchmarks/results.json.
Nothing here asserts: a missed target is reported, with by how much and why.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import browser_click, grade_class, handlers, imports, load_test, quiz_handlers, run_all
from benchmarks.common import ARTIFACTS, REPO, load_average, machine, summary_ms

DOC = REPO / "docs" / "benchmarks.md"
STEPS = ("imports", "handlers", "quiz_handlers", "grade_class", "run_all", "browser", "load_test")
HOST_RESERVE_GB = 1.0  # what the operating system and JupyterHub itself keep on a school server


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
    results: dict = {"machine": machine(), "commit": _git(), "quick": quick, "steps": {}}
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


# -- formatting ----------------------------------------------------------------


def _ok(met: bool | None) -> str:
    return "—" if met is None else ("met" if met else "**missed**")


def _f(x: float, digits: int = 2) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def _number(x: object) -> bool:
    """A measured value: a number that is not NaN."""
    return isinstance(x, int | float) and x == x


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return out


def _step(results: dict, name: str) -> dict | None:
    step = results["steps"].get(name)
    return step["result"] if step and step.get("ok") else None


class Report:
    """Builds the summary rows (with targets) and the detailed sections from the results."""

    def __init__(self, results: dict):
        self.r = results
        self.summary: list[list[str]] = []  # measurement, result, baseline, ratio, target, status
        self.misses: list[str] = []
        self.sections: list[str] = []

    def add(self, what: str, value: str, baseline: str, ratio: str, target: str, met: bool | None) -> None:
        self.summary.append([what, value, baseline, ratio, target, _ok(met)])

    # each measurement adds its summary rows, a section and, when missed, a closing note

    def run_all(self) -> None:
        res = _step(self.r, "run_all")
        if res is None:
            return
        fl, target, rss_target = res["floor"], res["target_ratio"], res["target_rss_mb"]
        rows, slow, heavy, plotly = [], [], [], []
        for row in res["lessons"]:
            if "cells_s" not in row:
                rows.append([row["notebook"], "failed: " + row["error"].replace("|", "/")] + [""] * 10)
                self.add(f"Run All {row['notebook']}", "failed", "", "", f"≤ {target}× floor", False)
                continue
            rows.append(
                [
                    row["notebook"],
                    _f(row["cells_s"]),
                    _f(row["ratio"]),
                    _f(row["ratio_cpu"]),
                    _f(row["start_s"]),
                    _f(row["ratio_total"]),
                    _f(row["rss_mb"], 0),
                    _f(row["rss_mb"] / fl["rss_mb"]),
                    _f(row["hwm_mb"], 0),
                    _f(row["size_bytes"] / 1024, 0),
                    f"{row['size_largest_output'] / 1024:.0f} ({row['size_largest_where']})",
                    "**yes**" if row["size_plotly_js"] else "no",
                ]
            )
            if row["ratio"] > target:
                slow.append(row)
            if row["rss_mb"] > rss_target:
                heavy.append(row)
            if row["size_plotly_js"]:
                plotly.append(row["notebook"])
        ok_rows = [row for row in res["lessons"] if "cells_s" in row]
        worst = max(ok_rows, key=lambda x: x["ratio"], default=None)
        if worst:
            self.add(
                f"Run All, {len(ok_rows)} lesson notebooks (worst: {worst['notebook']})",
                f"{_f(min(x['ratio'] for x in ok_rows))}–{_f(worst['ratio'])}× floor; worst {_f(worst['cells_s'])} s",
                f"floor {_f(fl['cells_s'])} s",
                f"{_f(worst['ratio'])}× (CPU {_f(worst['ratio_cpu'])}×)",
                f"≤ {target}× floor",
                not slow,
            )
            top = max(ok_rows, key=lambda x: x["rss_mb"])
            self.add(
                f"Kernel RSS after Run All (worst: {top['notebook']})",
                f"{_f(top['rss_mb'], 0)} MB",
                f"floor {_f(fl['rss_mb'], 0)} MB",
                f"{_f(top['rss_mb'] / fl['rss_mb'])}×",
                f"≤ {rss_target:.0f} MB",
                not heavy,
            )
            biggest = max(ok_rows, key=lambda x: x["size_bytes"])
            self.add(
                f"Executed notebook size (largest: {biggest['notebook']}); plotly.js embedded",
                f"{biggest['size_bytes'] / 1024:.0f} KiB; plotly.js in {len(plotly)}",
                f"floor {fl['size_bytes'] / 1024:.0f} KiB",
                f"{biggest['size_bytes'] / fl['size_bytes']:.1f}×",
                "no plotly.js",
                not plotly,
            )
        lines = [
            "## Run All against the floor",
            "",
            f"Each lesson ran {res['reps']} times under a fresh kernel, each run paired with a floor run just "
            f"before it ({fl['n']} floor runs in all, alternating floor, lesson, floor, lesson…). The floor is a fresh "
            "kernel that imports pandas, plotly.graph_objects and ipywidgets and draws one figure: "
            f"Run All {_f(fl['cells_s'])} s (kernel CPU {_f(fl['cpu_s'])} s), kernel start {_f(fl['start_s'])} s, "
            f"RSS {_f(fl['rss_mb'], 0)} MB, executed notebook {fl['size_bytes'] / 1024:.0f} KiB. "
            f"{self._floor_text(fl)} Run All is "
            "from the first cell sent to the last reply on a kernel already up, as in JupyterLab; ratios are "
            "medians of the per-pair ratios. The CPU ratio (kernel user + system time) is the steadier figure "
            "on a busy machine. Sizes include the widget state nbclient stores; the plotly.js check searches "
            'the whole file for a bundled plotly.js ("plotly.js v…", a CDN link) and any single output over 1 MB.',
            "",
            *_table(
                [
                    "notebook",
                    "Run All s",
                    "× floor",
                    "CPU × floor",
                    "kernel start s",
                    "× floor incl. start",
                    "RSS MB",
                    "RSS × floor",
                    "peak RSS MB",
                    "size KiB",
                    "largest output KiB",
                    "plotly.js",
                ],
                rows,
            ),
        ]
        self.sections.append("\n".join(lines))
        if slow:
            self._run_all_miss(slow, fl, target)
        if heavy:
            self._rss_miss(heavy, fl, rss_target, [x for x in res["lessons"] if "rss_mb" in x])
        if plotly:
            self.misses.append(
                f"- **plotly.js embedded** in {', '.join(plotly)}: a figure was displayed with a renderer that "
                "bundles plotly.js (`notebook`/`iframe`). Keep plotly's `plotly_mimetype` renderer, or display "
                "figures through `lessonkit.style.plot.figure_output` as the explorer does."
            )

    def _floor_text(self, fl: dict) -> str:
        """What the floor's time is made of: the imports, then the first figure shown."""
        if "figure_s" not in fl:
            return ""
        text = f"Of the floor's Run All, the imports take {_f(fl['imports_s'])} s and showing the first figure " + (
            f"{_f(fl['figure_s'])} s"
        )
        imp = _step(self.r, "imports") or {}
        nbf = (imp.get("times") or {}).get("nbformat")
        slowest = (imp.get("slowest_imports") or {}).get("import nbformat") or []
        if nbf and fl["figure_s"] > 0.5:
            text += (
                f": plotly's renderers import nbformat the first time a figure is displayed, and `import nbformat` "
                f"takes {nbf['wall_s'] * 1000:.0f} ms in a fresh process here"
            )
            if slowest:
                top = slowest[0]
                text += (
                    f"; `python -X importtime` puts most of it in `{top['module']}` ({top['self_ms']:.0f} ms in "
                    "that run), which jsonschema's format checkers pull in and which builds a grammar at import"
                )
        return text + "."

    def _run_all_miss(self, slow: list[dict], fl: dict, target: float) -> None:
        imp = _step(self.r, "imports") or {}
        worst = max(slow, key=lambda x: x["ratio"])
        note = (
            f"- **Run All within {target}× the floor: missed by {len(slow)} lesson notebooks.** The worst, "
            f"{worst['notebook']}, takes {_f(worst['cells_s'])} s against the floor's {_f(fl['cells_s'])} s: "
            f"{_f(worst['ratio'])}×, {worst['ratio'] / target:.1f} times the allowed ratio "
            f"(kernel CPU {_f(worst['ratio_cpu'])}×). "
        )
        cells = worst.get("slowest_cells") or []
        if cells:
            note += "Its slowest cells: " + "; ".join(f"cell {c['cell']} `{c['source']}` {_f(c['s'])} s" for c in cells)
            note += ". "
        course_s, yml = imp.get("load_course_s"), imp.get("yaml") or {}
        py, c, pure = yml.get("lessonkit_parse_yaml_s"), yml.get("libyaml_compose_s"), yml.get("pure_python_s")
        on_libyaml = _number(py) and _number(c) and py <= 2 * c
        saving = None
        if _number(course_s):
            note += (
                "Why: every lesson's first cell loads and validates the whole course with `lk.load_course()`, "
                f"{_f(course_s)} s in one process here ({course_s / fl['cells_s']:.1f}× the floor's whole Run All "
                "on its own); the cells that draw a plotly figure then pay the same first-figure cost as the "
                "floor, and the rest builds widgets. "
            )
            if on_libyaml:
                note += (
                    f"Parsing is no longer the problem: `lessonkit.course.yamltext.parse_yaml` reads the "
                    f"{yml['files']} YAML files ({yml['kib']:.0f} KiB) with libyaml's composer in {_f(py)} s"
                    + (f" (PyYAML's pure-Python composer takes {_f(pure)} s)" if _number(pure) else "")
                    + f"; the other {_f(max(course_s - py, 0))} s of `load_course()` is building, validating and "
                    "cross-checking the models. "
                )
            elif _number(py) and _number(c):
                saving = max(0.0, min(py - c, course_s))
                note += (
                    f"Most of `load_course()` is parsing: `lessonkit.course.yamltext.parse_yaml` turns the "
                    f"{yml['files']} YAML files ({yml['kib']:.0f} KiB) into nodes with PyYAML's pure-Python "
                    f"composer in {_f(py)} s ({min(py / course_s, 1):.0%}); libyaml's C composer "
                    "(`yaml.CSafeLoader`, installed here) builds the same nodes, with the same line marks for error "
                    f"messages, in {_f(c, 3)} s. "
                )
        note += "What would close it: "
        cache = imp.get("pickled_course") or {}
        can_cache = _number(cache.get("load_s")) and _number(course_s)
        fixes, label = [], {}
        if saving is not None:
            label["yaml"] = f"({len(fixes) + 1})"
            fixes.append(
                f"{label['yaml']} base `yamltext._Loader` on `yaml.CSafeLoader` when libyaml is available, keeping "
                f"`SafeLoader` as the fallback: about {_f(saving)} s off every lesson"
            )
        if can_cache:
            label["cache"] = f"({len(fixes) + 1})"
            fixes.append(
                f"{label['cache']} cache the validated course between kernels (a pickle of the `Course`, "
                f"{cache['kib']:.0f} KiB, keyed by the data files' sizes and modification times, written by "
                f"`lessonkit check` or on first load): `pickle.loads` gives it back in {_f(cache['load_s'], 3)} s "
                f"instead of {_f(course_s)} s, so validation is paid once per server, not once per student and lesson"
            )
        label["figures"] = f"({len(fixes) + 1})"
        fixes.append(
            f"{label['figures']} return lesson figures that display as plotly's mimetype directly (as "
            "`lessonkit.style.plot.figure_output` does for `TimelineExplorer`) instead of a `go.Figure`, "
            "so the kernel never "
            "imports plotly's renderers, nbformat and jsonschema, nor loads plotly's validators: the floor's "
            f"first-figure cost ({_f(fl.get('figure_s'))} s) is avoided in every lesson that shows a figure"
        )
        note += "; ".join(fixes) + ". "
        estimates = []
        for row in sorted(slow, key=lambda x: -x["ratio"])[:4]:
            # scale the measured ratio by the share of the lesson's time that would remain
            parts, t, ratio = [], row["cells_s"], row["ratio"]
            if saving is not None:
                parts.append(f"{label['yaml']} {ratio * max(t - saving, 0) / t:.2f}×")
            if can_cache:
                t2 = t - (course_s - cache["load_s"])
                parts.append(f"{label['cache']} {ratio * max(t2, 0) / t:.2f}×")
                if row.get("figure_cells") and fl.get("figure_s"):
                    both = f"{label['cache']}+{label['figures']}"
                    est = ratio * max(t2 - fl["figure_s"], 0) / t
                    parts.append(f"{both} {est:.2f}×" if est >= 0.1 else f"{both} under 0.1×")
            if parts:
                estimates.append(f"{row['notebook']} {', '.join(parts)}")
        if estimates:
            note += (
                "Estimated ratios for the slowest lessons, taking the measured savings off this run's Run All "
                "times: "
                + "; ".join(estimates)
                + f". {label['figures']} makes a lesson cheaper than the floor because the floor itself pays for "
                "plotly's renderers. These are estimates, not measurements: re-run `make bench` after a change."
            )
        self.misses.append(note)

    def _rss_miss(self, heavy: list[dict], fl: dict, target: float, rows: list[dict]) -> None:
        worst = max(heavy, key=lambda x: x["rss_mb"])
        step = worst.get("biggest_step") or {}
        note = (
            f"- **Kernel RSS ≤ {target:.0f} MB: missed by {', '.join(h['notebook'] for h in heavy)}**; the "
            f"largest, {worst['notebook']}, holds {_f(worst['rss_mb'], 0)} MB, {worst['rss_mb'] - target:.0f} MB "
            f"({worst['rss_mb'] / target - 1:.0%}) over. Why: the libraries. The floor kernel (the three "
            f"libraries and one figure) holds {_f(fl['rss_mb'], 0)} MB"
        )
        if "ready_rss_mb" in fl:
            note += (
                f": {_f(fl['ready_rss_mb'], 0)} MB when the kernel is ready, {_f(fl['imports_rss_mb'], 0)} MB "
                f"after importing pandas, plotly and ipywidgets, {_f(fl['rss_mb'], 0)} MB after the first figure "
                "(plotly loads its validators, a 3 MB JSON file, for the first `go.Figure`, and its renderers "
                "import nbformat and jsonschema)"
            )
        note += f"; the lesson adds {worst['rss_mb'] - fl['rss_mb']:.0f} MB of its own. "
        if step:
            note += (
                f"In {worst['notebook']} the biggest step is cell {step['cell']} (`{step['source']}`), "
                f"+{_f(step['grew_mb'], 0)} MB from a kernel that held {_f(step['ready_mb'], 0)} MB when ready. "
            )
        note += (
            "What would close it: the figure change proposed for Run All above, figures that display as plotly's "
            "mimetype without a `go.Figure` (no validators, no nbformat or jsonschema in the kernel), and pandas "
            "imported only in the cells that make a DataFrame. "
        )
        light = [x for x in rows if x["rss_mb"] < fl.get("imports_rss_mb", 0)]
        if light:
            names = ", ".join(x["notebook"] for x in light)
            note += (
                f"The lessons that never import pandas or build a `go.Figure` ({names}) "
                f"stay at or below {max(x['rss_mb'] for x in light):.0f} MB, which shows the size of the prize. "
            )
        note += f"Or set the target relative to the floor, which alone is {_f(fl['rss_mb'], 0)} MB here."
        self.misses.append(note)

    def imports(self) -> None:
        res = _step(self.r, "imports")
        if res is None:
            return
        t = res["times"]
        libs = t["libs"]["wall_s"]
        lk = t["lessonkit"]["wall_s"]
        self.add(
            "`import lessonkit` (fresh process)",
            f"{lk * 1000:.0f} ms",
            f"pandas+plotly+ipywidgets {libs * 1000:.0f} ms",
            f"{lk / libs:.2f}×",
            "—",
            None,
        )
        check = t["check"]
        loaded = res["cli"].get("loaded")
        heavy = sorted(set(loaded or []) & {"plotly", "ipywidgets"})
        self.add(
            "`lessonkit check lessons` (wall)",
            f"{check['wall_s'] * 1000:.0f} ms (exit {', '.join(map(str, check['exit']))})",
            f"pandas+plotly+ipywidgets {libs * 1000:.0f} ms",
            f"{check['wall_s'] / libs:.2f}×",
            "CLI imports no plotly/ipywidgets",
            None if loaded is None else not heavy,
        )
        rows = [
            [
                name,
                f"{v['wall_s'] * 1000:.0f}",
                f"{v['cpu_s'] * 1000:.0f}",
                f"{v['wall_s'] / libs:.2f}",
                ", ".join(map(str, v["exit"])),
            ]
            for name, v in t.items()
        ]
        yml = res["yaml"]
        lines = [
            "## Imports and the command line",
            "",
            f"Fresh processes, each variant in turn, {res['reps']} rounds; medians. `python` is the bare "
            "interpreter start; `libs` imports pandas, plotly.graph_objects and ipywidgets (the baseline); "
            "`lessonkit+course` also loads the course; `check` is `lessonkit check lessons`.",
            "",
            *_table(["variant", "wall ms", "CPU ms", "× libs", "exit"], rows),
            "",
            f"Top-level packages `lessonkit check` imported: {', '.join(loaded or []) or 'none'} "
            f"(plotly or ipywidgets among them: {'**yes**' if heavy else 'no'}).",
            "",
            f"Where loading the course goes (in one process): `load_course()` {_f(res['load_course_s'])} s; "
            f"turning its {yml['files']} YAML files ({yml['kib']:.0f} KiB) into nodes with "
            f"`lessonkit.course.yamltext.parse_yaml` {_f(yml['lessonkit_parse_yaml_s'])} s, with libyaml's composer "
            f"{_f(yml['libyaml_compose_s'], 3)} s"
            + (
                f", with PyYAML's pure-Python composer {_f(yml['pure_python_s'])} s"
                if _number(yml.get("pure_python_s"))
                else ""
            )
            + f"; `pickle.loads` of the validated course {_f((res.get('pickled_course') or {}).get('load_s'), 3)} s.",
        ]
        if any(e != 0 for e in check["exit"]):
            lines.append(
                "\n`lessonkit check lessons` did not exit 0 in this run: the course in the working tree had "
                "problems, so its time is that of a run that reports errors."
            )
        self.sections.append("\n".join(lines))

    def handlers(self) -> None:
        res = _step(self.r, "handlers")
        if res is None:
            return
        base = res["baseline"]
        tm, tp = res["target_median_ms"], res["target_p95_ms"]
        rows, missed = [], []
        main = {"quiz check", "stance selection", "timeline filter", "sandbox choice"}
        for name, s in res["interactions"].items():
            targeted = not name.startswith("stance:")
            met = s["median_ms"] <= tm and s["p95_ms"] <= tp
            rows.append(
                [
                    name,
                    str(s["n"]),
                    _f(s["median_ms"]),
                    _f(s["p95_ms"]),
                    _f(s["max_ms"], 1),
                    _f(s.get("cpu_median_ms")),
                    _f(s.get("cpu_p95_ms")),
                    f"{s['ratio_median']:.0f}",
                    _f(s.get("html_kb"), 0) if "html_kb" in s else "",
                    _ok(met) if targeted else "(diagnostic)",
                ]
            )
            if name in main:
                self.add(
                    f"Handler: {name} (kernel side)",
                    f"median {_f(s['median_ms'])} ms, p95 {_f(s['p95_ms'])} ms",
                    f"one-value handler {_f(base['median_ms'])} ms",
                    f"{s['ratio_median']:.0f}×",
                    f"median ≤ {tm:.0f} ms, p95 ≤ {tp:.0f} ms",
                    met,
                )
            if targeted and not met:
                missed.append((name, s))
        lines = [
            "## Interaction handlers, kernel side",
            "",
            f"Inside a real ipykernel (every widget has a comm; each change is serialized and sent as for a "
            f"student), on the real course, in English and Japanese, {res['rounds']} rounds on fresh widgets. "
            f"Baseline in the same kernel: a button whose handler sets one HTML value, median "
            f"{_f(base['median_ms'])} ms, p95 {_f(base['p95_ms'])} ms (n={base['n']}). "
            f"Target: median ≤ {tm:.0f} ms, p95 ≤ {tp:.0f} ms. {self._gc_text(res)}",
            "",
            "Wall time is what the target is about; *CPU* is the time the kernel's main thread spent "
            "computing, the handler's own work: when the wall p95 is far above the CPU p95, the difference is "
            "time spent waiting for a CPU on this shared machine.",
            "",
            *_table(
                [
                    "interaction",
                    "n",
                    "median ms",
                    "p95 ms",
                    "max ms",
                    "CPU median ms",
                    "CPU p95 ms",
                    "× baseline",
                    "HTML sent kB",
                    "target",
                ],
                rows,
            ),
        ]
        self.sections.append("\n".join(lines))
        for name, s in missed:
            how = []
            if s["median_ms"] > tm:
                how.append(f"median {_f(s['median_ms'])} ms, {s['median_ms'] - tm:.1f} ms over")
            if s["p95_ms"] > tp:
                how.append(f"p95 {_f(s['p95_ms'])} ms, {s['p95_ms'] - tp:.1f} ms over")
            note = f"- **Handler {name}: {'; '.join(how)}.** "
            cpu_med, cpu_p95 = s.get("cpu_median_ms"), s.get("cpu_p95_ms")
            own = False
            if _number(cpu_p95):
                own = cpu_med <= tm and cpu_p95 <= tp
                note += f"The handler's own CPU time has median {_f(cpu_med)} ms and p95 {_f(cpu_p95)} ms" + (
                    ", within the target: the rest of the wall time is waiting for a CPU on this machine, "
                    f"whose load average was {self._load('handlers')} on {self._cores()} cores, so on a server "
                    "with a free core (a class server between Run Alls) this interaction meets the target. "
                    if own
                    else ". "
                )
            close = "What would make it cheaper still" if own else "What would close it"
            if name == "stance selection":
                send = res["interactions"].get("stance: sending its HTML alone", {})
                note += (
                    f"Why: each change rebuilds the cards not yet cached and sends the whole comparison as one "
                    f"HTML value (median {_f(s.get('html_kb'), 0)} kB); sending that HTML alone takes median "
                    f"{_f(send.get('median_ms'))} ms, p95 {_f(send.get('p95_ms'))} ms, so the rest is building "
                    "cards: each card looks up its stance, its history and its sources with linear scans "
                    f"(`Course._find`, `Course.stance_history`). {close}: index stances by "
                    "(party, issue) and sources by id once per course; build all cards of the course once in "
                    "the widget's constructor (or lazily on first view) so a change only joins cached strings; "
                    "and send one HTML widget per issue so a change sends only the sections that changed."
                )
            elif name == "timeline filter":
                note += (
                    "Why: each filter change rebuilds the figure spec for every event shown, the text list and "
                    f"the event menu, and sends the spec through the Output widget. {close}: cache "
                    "the per-event traces and hover texts (already partly done) and send only the changed traces."
                )
            elif name == "sandbox clear":
                choice = res["interactions"].get("sandbox choice", {})
                note += (
                    "Why: Clear sets every issue's drop-down back to undecided, one message to the browser per "
                    f"drop-down, then assesses the empty deal once; its median ({_f(s['median_ms'])} ms) is close to "
                    f"a single choice's ({_f(choice.get('median_ms'))} ms), so the work is small and the tail is "
                    "the machine and Python's garbage collections."
                )
            else:
                note += (
                    f"Why: its median is {s['ratio_median']:.0f}× the one-value baseline, so most of the time is "
                    "the handler's own work; a p95 far above the median is the machine (other processes) and "
                    "Python's full garbage collections."
                )
            gcs = res.get("gc") or {}
            if s["p95_ms"] > tp and gcs:
                note += (
                    f" A full garbage collection in this kernel takes {_f(gcs['full_collect_ms'], 0)} ms (the "
                    f"validated course is tens of thousands of objects) and ran {gcs['full_collections']} times "
                    "during the run, each time inside some handler: calling `gc.freeze()` after loading the course "
                    "(in `load_course`) moves those objects out of the collector's way and removes that tail."
                )
            self.misses.append(note)

    def _load(self, step: str) -> str:
        return (self.r["steps"].get(step) or {}).get("load_average", "unknown").split(" ")[0]

    def _cores(self) -> str:
        return self.r["machine"]["cores"].split(" ")[0]

    @staticmethod
    def _gc_text(res: dict) -> str:
        gcs = res.get("gc") or {}
        if not gcs:
            return ""
        return (
            f"The maxima are mostly Python's full garbage collections: one takes {_f(gcs['full_collect_ms'], 0)} ms "
            f"in this kernel once the course is loaded, and {gcs['full_collections']} ran during the measurement, "
            "each inside whichever handler happened to allocate at that moment."
        )

    def browser(self) -> None:
        res = _step(self.r, "browser")
        if res is None:
            return
        if "skipped" in res:
            self.sections.append(
                "## Click-to-feedback in JupyterLab\n\nNot measured in this run:\n\n```\n" + res["skipped"] + "\n```"
            )
            self.add("Browser click-to-feedback", "not measured", "", "", "—", None)
            return
        self.add(
            f"Browser click-to-feedback, quiz Check ({res['clicks']} clicks)",
            f"median {res['check_median_ms']:.0f} ms, p95 {res['check_p95_ms']:.0f} ms",
            f"Ping button {res['ping_median_ms']:.0f} ms",
            f"{res['ratio']:.2f}×",
            "—",
            None,
        )
        mem = ""
        if "server_rss_mb" in res:
            mem = (
                f" After the clicks the JupyterLab server held {res['server_rss_mb']:.0f} MB and its kernel "
                f"{res['kernel_rss_mb']:.0f} MB."
            )
        self.sections.append(
            "\n".join(
                [
                    "## Click-to-feedback in JupyterLab",
                    "",
                    "JupyterLab and Debian's Chromium started by the browser tests' own fixtures "
                    "(`tests/browser/conftest.py`), on a copy of `00-start-here` with a Ping button added at the "
                    "end (its handler writes one counter into an HTML widget: the baseline round trip). Timed in "
                    "the page from the click on Check until the feedback text appears, after picking an answer "
                    "in the exit quiz's first question; Check and Ping alternate; the first two of each are "
                    "warm-up.",
                    "",
                    *_table(
                        ["click", "n", "median ms", "p95 ms", "max ms"],
                        [
                            [
                                "quiz Check → feedback",
                                str(res["clicks"]),
                                f"{res['check_median_ms']:.0f}",
                                f"{res['check_p95_ms']:.0f}",
                                f"{max(res['check_ms']):.0f}",
                            ],
                            [
                                "Ping → pong (baseline)",
                                str(len(res["ping_ms"])),
                                f"{res['ping_median_ms']:.0f}",
                                f"{res['ping_p95_ms']:.0f}",
                                f"{max(res['ping_ms']):.0f}",
                            ],
                        ],
                    ),
                    "",
                    f"Run All of the page in the browser took {res['run_all_s']:.1f} s.{mem}",
                ]
            )
        )

    def load_test(self) -> None:
        res = _step(self.r, "load_test")
        if res is None:
            return
        alone = res["alone"]
        rows = []
        for row in [alone, *res["classes"]]:
            rows.append(
                [
                    str(row["students"]),
                    _f(row["wall_s"], 1),
                    _f(row["ratio_wall"], 1),
                    _f(row["student_median_s"], 1),
                    _f(row["student_max_s"], 1),
                    str(row["failures"]),
                    _f(row["total_rss_mb"], 0),
                    _f(row["peak_total_rss_mb"], 0),
                    _f(row["per_kernel_rss_mb"], 0),
                    _f(row["kernel_cpu_s"], 0),
                ]
            )
            if row is not alone:
                self.add(
                    f"Load test: {row['students']} kernels run {res['lesson']} at once",
                    f"{_f(row['wall_s'], 1)} s, {row['failures']} failures, {row['total_rss_mb'] / 1024:.2f} GB",
                    f"1 kernel {_f(alone['wall_s'], 1)} s",
                    f"{_f(row['ratio_wall'], 1)}×",
                    "no failures",
                    row["failures"] == 0,
                )
                if row["failures"]:
                    self.misses.append(
                        f"- **Load test, {row['students']} kernels: {row['failures']} failed** "
                        f"({'; '.join(row['errors'])}). Kernels that cannot start in time on a saturated machine "
                        "need a longer start timeout, or a hub that limits concurrent spawns."
                    )
        lines = [
            "## Classroom load test",
            "",
            f"Every student's kernel starts and runs every cell of {res['lesson']} at the same moment on this "
            f"{res['cores']}-core machine (the worst case: the whole class presses Run All together); all kernels "
            "stay up until the last one has finished. Baseline: one kernel alone, measured just before.",
            "",
            *_table(
                [
                    "kernels",
                    "wall s",
                    "× alone",
                    "each, median s",
                    "slowest s",
                    "failures",
                    "total RSS MB",
                    "peak total MB",
                    "per kernel MB",
                    "kernel CPU s",
                ],
                rows,
            ),
        ]
        self.sections.append("\n".join(lines))
        self.sections.append(self._capacity(res))

    def _capacity(self, res: dict) -> str:
        biggest = res["classes"][-1] if res["classes"] else res["alone"]
        per_kernel = biggest["per_kernel_rss_mb"]
        ra = _step(self.r, "run_all")
        if ra:
            per_kernel = max([per_kernel] + [x["rss_mb"] for x in ra["lessons"] if "rss_mb" in x])
        br = _step(self.r, "browser") or {}
        server = br.get("server_rss_mb")
        server_txt = (
            f"{server:.0f} MB for the student's own Jupyter server (measured in the browser run)"
            if server
            else "about 100 MB for the student's own Jupyter server (not measured in this run)"
        )
        server = server or 100.0
        student = per_kernel + server
        cpu_each = biggest["kernel_cpu_s"] / max(1, biggest["students"])
        cores = res["cores"]
        class_gb = 30 * student / 1024
        pick = next((g for g in (4, 8, 12, 16, 24, 32, 64) if g >= 1.3 * (class_gb + HOST_RESERVE_GB)), 64)
        idle_txt = ""
        if "idle_cpu_s" in biggest:
            share = biggest["idle_cpu_s"] / biggest["idle_s"] / cores
            idle_txt = (
                f" Once the lesson had run, the {biggest['students']} idle kernels used "
                f"{biggest['idle_cpu_s']:.2f} CPU-seconds in {biggest['idle_s']:.0f} s, {share:.1%} of the machine."
            )
        rows = []
        for ram in (4, 8, 16, 32, 64):
            n1 = int((ram - HOST_RESERVE_GB) * 1024 // student)
            n2 = int((ram - HOST_RESERVE_GB) * 1024 // (student + per_kernel))
            rows.append([f"{ram} GB", str(n1), str(n2)])
        return "\n".join(
            [
                "### What this means for a school server",
                "",
                f"Memory per student: {per_kernel:.0f} MB for a kernel after the heaviest lesson plus {server_txt}: "
                f"**{student:.0f} MB**, so about **{1024 / student:.1f} students per GB** once "
                f"{HOST_RESERVE_GB:.0f} GB is kept for the system and the hub. CPU: Run All of {res['lesson']} "
                f"costs a kernel about {cpu_each:.1f} CPU-seconds (start-up included); with {biggest['students']} "
                f"students pressing Run All together, {cores} cores finished the class in "
                f"{_f(biggest['wall_s'], 0)} s (slowest student {_f(biggest['student_max_s'], 0)} s, against "
                f"{_f(res['alone']['wall_s'], 0)} s alone). Outside Run All a kernel waits for a click and a "
                "click costs milliseconds (see the handlers above), so in a lesson the cores sit mostly idle and "
                "a slow start for a simultaneous Run All is the only CPU effect, while every open kernel holds "
                "its memory for the whole lesson. **Memory, not CPU, is the limit.**",
                "",
                *_table(["server RAM", "students (one notebook open)", "students (two notebooks open)"], rows),
                "",
                f"A class of 30 with one notebook each needs about {class_gb:.1f} GB for the students and "
                f"{HOST_RESERVE_GB:.0f} GB for the system, {class_gb + HOST_RESERVE_GB:.1f} GB; with 30 % headroom "
                f"for students' own experiments (TLJH's rule of thumb is 20–40 %), a **{pick} GB** server. CPU only "
                f"decides how long a simultaneous Run All takes: about {cpu_each:.0f} CPU-seconds per student, so "
                f"roughly students × {cpu_each:.0f} s ÷ cores for the whole class at once ({biggest['students']} × "
                f"{cpu_each:.1f} s ÷ {cores} = {biggest['students'] * cpu_each / cores:.0f} s predicted, "
                f"{_f(biggest['wall_s'], 0)} s measured).{idle_txt}",
            ]
        )

    def teacher_tools(self) -> None:
        qh, gc = _step(self.r, "quiz_handlers"), _step(self.r, "grade_class")
        lines = []
        if qh:
            lines += [
                "### Quiz handlers on the sample course (`benchmarks/quiz_handlers.py`)",
                "",
                "In this process (no kernel, no comm), on the packaged sample course, Japanese.",
                "",
                *_table(
                    ["click", "n", "median ms", "p95 ms", "max ms"],
                    [[k, str(v["n"]), _f(v["median_ms"]), _f(v["p95_ms"]), _f(v["max_ms"])] for k, v in qh.items()],
                ),
                "",
            ]
        if gc:
            rows = [
                [str(c["students"]), f"{c['grade_s'] * 1000:.0f}", f"{c['command_s'] * 1000:.0f}"]
                for c in gc["classes"]
            ]
            lines += [
                "### Grading a class (`benchmarks/grade_class.py`)",
                "",
                "Simulated classes on the sample quiz, gradebook CSV and HTML report written. Baseline: "
                f"`lessonkit --version` {gc['baseline_command_s'] * 1000:.0f} ms (start-up and imports).",
                "",
                *_table(["students", "grade() ms", "lessonkit grade ms"], rows),
            ]
        if lines:
            self.sections.append("## Teacher tools\n\n" + "\n".join(lines))

    def build(self) -> str:
        for part in (self.run_all, self.imports, self.handlers, self.browser, self.load_test, self.teacher_tools):
            try:
                part()
            except Exception as e:  # a report section that cannot be built says so
                self.sections.append(f"## {part.__name__}\n\nCould not be reported: {type(e).__name__}: {e}")
        m = self.r["machine"]
        failed = {k: v["error"] for k, v in self.r["steps"].items() if not v.get("ok")}
        took = sum(v["seconds"] for v in self.r["steps"].values())
        head = [
            "# Benchmarks",
            "",
            "Written by `make bench` (`benchmarks/run.py`); do not edit by hand. Each figure stands beside a "
            "baseline measured in the same run, on the same machine, and the ratio between them; absolute "
            "times depend on the machine, ratios much less. Nothing here is a test: a missed target is "
            "reported below with by how much, why, and what would close it.",
            "",
            "## Machine",
            "",
            f"- Date: {m['date']}; commit {self.r['commit']}" + (" (**quick run**)" if self.r["quick"] else ""),
            f"- CPU: {m['cpu']}, {m['cores']}",
            f"- Memory: {m['memory']}",
            f"- OS: {m['os']}",
            f"- Python: {m['python']}",
            f"- Packages: {m['packages']}",
            f"- Browser: {m['browser']}",
            "- Load average (1, 5, 15 min) after each step: "
            + "; ".join(f"{k} {v['load_average']}" for k, v in self.r["steps"].items())
            + ". The machine is shared: other work ran during the measurements, which is why runs alternate "
            "with their baselines and CPU-time ratios are given beside wall-time ratios.",
            f"- `make bench` took {took / 60:.1f} minutes.",
            "",
            "## Summary",
            "",
            *_table(["measurement", "result", "baseline (same run)", "ratio", "target", "status"], self.summary),
        ]
        if failed:
            head += ["", "Measurements that failed in this run:", ""]
            head += [f"- {k}: {v}" for k, v in failed.items()]
        tail = ["## Closing note: targets missed", ""]
        tail += self.misses or ["Every target with a number was met in this run."]
        return "\n\n".join(["\n".join(head), *self.sections, "\n".join(tail)]) + "\n"


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
    print("\n".join(_table(["measurement", "result", "baseline", "ratio", "target", "status"], report.summary)))
    args.out.write_text(text, encoding="utf-8")
    print(f"\nwritten: {args.out}" + (f"; raw numbers: {ARTIFACTS / 'results.json'}" if not args.from_json else ""))


if __name__ == "__main__":
    main()
