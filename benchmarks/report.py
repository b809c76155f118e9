"""docs/benchmarks.md from the measurements' results: the summary table, then one section a
measurement, then the closing note on every missed target (by how much, why, what would
close it). Writing only: ``run.py`` measures, the sections live beside this module
(``report_runs``, ``report_handlers``, ``report_load``).
"""

from __future__ import annotations

from benchmarks.report_handlers import HandlersReport
from benchmarks.report_load import LoadReport
from benchmarks.report_runs import RunsReport
from benchmarks.report_text import f, number, ok, step, table

ALL_STEPS = ("imports", "handlers", "quiz_handlers", "grade_class", "run_all", "browser", "load_test")


class Report(RunsReport, HandlersReport, LoadReport):
    """Builds the summary rows (with targets) and the detailed sections from the results."""

    def __init__(self, results: dict):
        self.r = results
        self.summary: list[list[str]] = []  # measurement, result, baseline, ratio, target, status
        self.misses: list[str] = []
        self.sections: list[str] = []

    def add(self, what: str, value: str, baseline: str, ratio: str, target: str, met: bool | None) -> None:
        self.summary.append([what, value, baseline, ratio, target, ok(met)])

    # each measurement adds its summary rows, a section and, when missed, a closing note

    def imports(self) -> None:
        res = step(self.r, "imports")
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
            "`lessonkit+course` also loads the course, from lessonkit's cache of the checked course (filled "
            "before the rounds), and `lessonkit+course, no cache` with the cache off (`LESSONKIT_CACHE_DIR=off`: "
            "parse, validate, cross-check); `check` is `lessonkit check lessons` (never the cache).",
            "",
            *table(["variant", "wall ms", "CPU ms", "× libs", "exit"], rows),
            "",
            f"Top-level packages `lessonkit check` imported: {', '.join(loaded or []) or 'none'} "
            f"(plotly or ipywidgets among them: {'**yes**' if heavy else 'no'}).",
            "",
            f"Where loading the course goes (in one process): `load_course()` {f(res['load_course_s'])} s "
            f"validating, {f(res.get('load_course_cached_s'), 3)} s from the cache; "
            f"turning its {yml['files']} YAML files ({yml['kib']:.0f} KiB) into nodes with "
            f"`lessonkit.course.yamltext.parse_yaml` {f(yml['lessonkit_parse_yaml_s'])} s, with libyaml's composer "
            f"{f(yml['libyaml_compose_s'], 3)} s"
            + (
                f", with PyYAML's pure-Python composer {f(yml['pure_python_s'])} s"
                if number(yml.get("pure_python_s"))
                else ""
            )
            + f"; `pickle.loads` of the validated course {f((res.get('pickled_course') or {}).get('load_s'), 3)} s.",
        ]
        if any(e != 0 for e in check["exit"]):
            lines.append(
                "\n`lessonkit check lessons` did not exit 0 in this run: the course in the working tree had "
                "problems, so its time is that of a run that reports errors."
            )
        self.sections.append("\n".join(lines))

    def browser(self) -> None:
        res = step(self.r, "browser")
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
                    *table(
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

    def teacher_tools(self) -> None:
        qh, gc = step(self.r, "quiz_handlers"), step(self.r, "grade_class")
        lines = []
        if qh:
            lines += [
                "### Quiz handlers on the sample course (`benchmarks/quiz_handlers.py`)",
                "",
                "In this process (no kernel, no comm), on the packaged sample course, Japanese.",
                "",
                *table(
                    ["click", "n", "median ms", "p95 ms", "max ms"],
                    [[k, str(v["n"]), f(v["median_ms"]), f(v["p95_ms"]), f(v["max_ms"])] for k, v in qh.items()],
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
                *table(["students", "grade() ms", "lessonkit grade ms"], rows),
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
            f"- Python: {m['python']}"
            + (f"; bytecode: {m['bytecode']}" if "bytecode" in m else "")
            + (f" ({self.r['bytecode']})" if self.r.get("bytecode") else ""),
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
            *table(["measurement", "result", "baseline (same run)", "ratio", "target", "status"], self.summary),
        ]
        if failed:
            head += ["", "Measurements that failed in this run:", ""]
            head += [f"- {k}: {v}" for k, v in failed.items()]
        skipped = [name for name in ALL_STEPS if name not in self.r["steps"]]
        if skipped:
            head += [
                "",
                f"Not run this time (`--only`/`--skip`): {', '.join(skipped)}; their last figures are in this "
                "file's git history.",
            ]
        tail = ["## Closing note: targets missed", ""]
        tail += self.misses or ["Every target with a number was met in this run."]
        return "\n\n".join(["\n".join(head), *self.sections, "\n".join(tail)]) + "\n"
