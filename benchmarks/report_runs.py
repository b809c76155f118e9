"""The report's section on Run All of every lesson against the two floors (``benchmarks/run_all.py``)."""

from __future__ import annotations

from benchmarks.report_text import f, number, step, table

BEFORE_04 = "en 2135 KiB, ja 2179 KiB (2026-11-26)"


class RunsReport:
    """Mixed into :class:`benchmarks.report.Report`."""

    r: dict
    summary: list
    misses: list[str]
    sections: list[str]

    def run_all(self) -> None:
        res = step(self.r, "run_all")
        if res is None:
            return
        if "floors" not in res:  # a results.json from before the two floors
            self.sections.append("## Run All\n\nThis results file predates the two floors; re-run `make bench`.")
            return
        bare, free = res["floors"]["bare"], res["floors"]["trap_free"]
        tb, tf, tr = res["target_bare"], res["target_trap_free"], res["target_rss_mb"]
        ok_rows = [row for row in res["lessons"] if "cells_s" in row]
        rows, plotly = [], []
        for row in res["lessons"]:
            if "cells_s" not in row:
                rows.append([row["notebook"], "failed: " + row["error"].replace("|", "/")] + [""] * 10)
                self.add(f"Run All {row['notebook']}", "failed", "", "", "", False)  # type: ignore[attr-defined]
                continue
            rows.append(
                [
                    row["notebook"],
                    f(row["cells_s"]),
                    f(row["ratio_bare"]),
                    f(row["ratio_bare_cpu"]),
                    f(row["ratio_trap_free"]),
                    f(row["ratio_trap_free_cpu"]),
                    f(row["start_s"]),
                    f(row["rss_mb"], 0),
                    f(row["hwm_mb"], 0),
                    f(row["executed_bytes"] / 1024, 0),
                    f"{row['size_largest_output'] / 1024:.0f} ({row['size_largest_where']})",
                    "**yes**" if row["size_plotly_js"] else "no",
                ]
            )
            if row["size_plotly_js"]:
                plotly.append(row["notebook"])
        if not ok_rows:
            return
        worst_b = max(ok_rows, key=lambda x: x["ratio_bare"])
        worst_f = max(ok_rows, key=lambda x: x["ratio_trap_free"])
        slow_b = [x for x in ok_rows if x["ratio_bare"] > tb]
        slow_f = [x for x in ok_rows if x["ratio_trap_free"] > tf]
        heavy = [x for x in ok_rows if x["hwm_mb"] > tr]
        self.add(  # type: ignore[attr-defined]
            f"Run All ÷ bare notebook, {len(ok_rows)} lessons (worst: {worst_b['notebook']})",
            f"{f(min(x['ratio_bare'] for x in ok_rows))}–{f(worst_b['ratio_bare'])}×; "
            f"{len(ok_rows) - len(slow_b)} of {len(ok_rows)} within",
            f"bare {f(bare['cells_s'])} s",
            f"{f(worst_b['ratio_bare'])}× (CPU {f(worst_b['ratio_bare_cpu'])}×)",
            f"≤ {tb}× bare",
            not slow_b,
        )
        self.add(  # type: ignore[attr-defined]
            f"Run All ÷ trap-free floor (worst: {worst_f['notebook']})",
            f"{f(min(x['ratio_trap_free'] for x in ok_rows))}–{f(worst_f['ratio_trap_free'])}×; "
            f"{len(ok_rows) - len(slow_f)} of {len(ok_rows)} within",
            f"trap-free {f(free['cells_s'])} s",
            f"{f(worst_f['ratio_trap_free'])}× (CPU {f(worst_f['ratio_trap_free_cpu'])}×)",
            f"≤ {tf}× trap-free",
            not slow_f,
        )
        top = max(ok_rows, key=lambda x: x["hwm_mb"])
        self.add(  # type: ignore[attr-defined]
            f"Peak kernel RSS, Run All (worst: {top['notebook']})",
            f"{f(top['hwm_mb'], 0)} MB",
            f"bare {f(bare['hwm_mb'], 0)} MB, trap-free {f(free['hwm_mb'], 0)} MB",
            f"{f(top['hwm_mb'] / bare['hwm_mb'])}× bare",
            f"≤ {tr:.0f} MB",
            not heavy,
        )
        o4 = [x for x in ok_rows if x["notebook"].endswith("/04-obstacles")]
        if o4:
            big = max(o4, key=lambda x: x["executed_bytes"])
            limit = res["target_size_04_bytes"]
            sizes = "; ".join(
                f"{x['notebook']} {x['executed_bytes'] / 2**20:.2f} MiB ({x['executed_bytes'] / 1e6:.2f} MB)"
                for x in o4
            )
            self.add(  # type: ignore[attr-defined]
                "Executed 04-obstacles (nbclient, widget state stored, as written by nbformat)",
                sizes,
                f"before typed arrays: {BEFORE_04}",
                "—",
                f"≤ {limit / 2**20:.1f} MiB (the issue's unit: it called 2135–2179 KiB “2.1 MB”)",
                big["executed_bytes"] <= limit,
            )
            if big["executed_bytes"] > limit:
                self.misses.append(  # type: ignore[attr-defined]
                    f"- **Executed {big['notebook']}: {big['executed_bytes'] / 1024:.0f} KiB against "
                    f"{limit / 1024:.0f} KiB.** Why: nbclient stores every widget model's full state (controls "
                    "share their layout and style models, `style/shared.py`), each course widget carries the "
                    "stylesheet (about 2 KiB) and each figure its text alternative as a second output; most of the "
                    "rest is map outlines (float32 typed arrays, repeated in each map). What would close it: the "
                    "sandbox showing its map only once a territory option is chosen (about 80 KiB per sandbox, two "
                    "in this lesson)."
                )
        self.add(  # type: ignore[attr-defined]
            "plotly.js embedded in an executed lesson", f"in {len(plotly)}", "", "", "never", not plotly
        )
        lines = [
            "## Run All against the two floors",
            "",
            f"Each lesson ran {res['reps']} times under a fresh kernel, each run grouped with one run of each floor "
            "just before it (bare, trap-free, lesson; the floors swap places each rep), "
            f"{bare['n']} runs of each floor in all. Both floors are a fresh kernel that imports pandas, plotly "
            "and ipywidgets and shows one four-point line:",
            "",
            f"- **bare notebook** (what any notebook with these libraries costs): the figure shown the usual way, "
            f"as a cell's value, through plotly's renderers. Run All {f(bare['cells_s'])} s (imports "
            f"{f(bare['imports_s'])} s, first figure {f(bare['figure_s'])} s: the renderers import nbformat and "
            f"jsonschema), kernel CPU {f(bare['cpu_s'])} s, kernel start {f(bare['start_s'])} s, peak RSS "
            f"{f(bare['hwm_mb'], 0)} MB.",
            f"- **trap-free floor** (the least such a notebook can cost): the same figure sent as plotly's own "
            f"mimetype with `display(..., raw=True)`, no renderers. Run All {f(free['cells_s'])} s (imports "
            f"{f(free['imports_s'])} s, figure {f(free['figure_s'])} s), kernel CPU {f(free['cpu_s'])} s, "
            f"kernel start {f(free['start_s'])} s, peak RSS {f(free['hwm_mb'], 0)} MB.",
            "",
            "Run All is from the first cell sent to the last reply on a kernel already up, as in JupyterLab "
            "(which starts the kernel when the notebook opens). Cells are sent one after the other, each once "
            "the previous one has replied (nbclient); JupyterLab sends them all at once. Timed that way "
            "(2026-12-04, raw jupyter_client, 4 runs each) lessons 02, 05 and 06 took 0–3 % less and the "
            "trap-free floor 4 % less, so their ratios to it were 1–4 % higher: the method here does not "
            "flatter the course, and a cell's round trip is the kernel's own work. Ratios are medians of "
            "the per-group ratios, CPU ratios (kernel user + system time) beside them as "
            "the steadier figure on a busy machine. Sizes are the executed notebook written by nbformat with "
            "the widget state nbclient stores; the plotly.js check searches the whole file for a bundled "
            'plotly.js ("plotly.js v…", a CDN link) and any single output over 1 MB.',
            "",
            *table(
                [
                    "notebook",
                    "Run All s",
                    "× bare",
                    "CPU × bare",
                    "× trap-free",
                    "CPU × trap-free",
                    "kernel start s",
                    "RSS MB",
                    "peak RSS MB",
                    "executed KiB",
                    "largest output KiB",
                    "plotly.js",
                ],
                rows,
            ),
        ]
        self.sections.append("\n".join(lines))
        if res.get("prices"):
            self.sections.append(self._made_of(res["prices"], ok_rows, free, tf))
        if slow_b or slow_f:
            self.misses.append(self._runs_miss(slow_b, slow_f, bare, free, tb, tf))
        if heavy:
            self.misses.append(
                f"- **Peak kernel RSS ≤ {tr:.0f} MB: missed by {', '.join(x['notebook'] for x in heavy)}** "
                f"(worst {f(top['hwm_mb'], 0)} MB)."
            )

    def _made_of(self, price: dict, rows: list, free: dict, tf: float) -> str:
        """Each lesson's Run All beside what it cannot avoid, priced in the same run (budget.py)."""
        from benchmarks.budget import estimate

        ms = {k: v * 1000 for k, v in price.items() if k.endswith("_s")}
        table_rows = []
        for row in rows:
            if "models" not in row:
                continue
            est = estimate(price, cells=row["code_cells"], models=row["models"], pandas=row["pandas"])
            target = free["cells_s"] * tf
            table_rows.append(
                [
                    row["notebook"],
                    str(row["code_cells"]),
                    str(row["models"]),
                    "yes" if row["pandas"] else "no",
                    f(est["total_s"] * 1000, 0),
                    f(row["cells_s"] * 1000, 0),
                    f((row["cells_s"] - est["total_s"]) * 1000, 0),
                    f(target * 1000, 0),
                    "**over**" if est["total_s"] > target else "within",
                ]
            )
        return "\n".join(
            [
                "### What a lesson's Run All is made of",
                "",
                f"Priced in a fresh kernel in the same run ({price['n']} runs, medians; `benchmarks/budget.py`): "
                f"one cell's round trip {f(ms['round_trip_s'], 1)} ms (an empty cell), one widget model "
                f"{f(ms['model_s'], 2)} ms (its comm and state), `import pandas` {f(ms['pandas_s'], 0)} ms, "
                f"`import ipywidgets` {f(ms['ipywidgets_s'], 0)} ms, `import lessonkit` with `load_course()` "
                f"from the cache {f(ms['lessonkit_s'], 0)} ms (most of it pydantic and the content model classes). "
                "*Unavoidable* below is what a lesson would cost if it did nothing but import what it uses, load "
                "the course, make one round trip per code cell and one comm per widget model; *the rest* is "
                "everything else (figure specs, quiz cards, tables, text). Where the unavoidable part alone is "
                "over the target, no speed-up of the rest can meet it: only fewer cells or widgets, or a lighter "
                "`import lessonkit`, can.",
                "",
                *table(
                    [
                        "notebook",
                        "code cells",
                        "widget models",
                        "pandas",
                        "unavoidable ms",
                        "Run All ms",
                        "the rest ms",
                        f"{tf}× trap-free ms",
                        "unavoidable part",
                    ],
                    table_rows,
                ),
            ]
        )

    def _runs_miss(self, slow_b: list, slow_f: list, bare: dict, free: dict, tb: float, tf: float) -> str:
        imp = step(self.r, "imports") or {}
        times = imp.get("times") or {}
        extra = ""
        if "lessonkit" in times and "load_course_s" in imp:
            cached = imp.get("load_course_cached_s")
            cached_ms = f(cached * 1000, 0) if number(cached) else "—"
            extra = (
                f" What every lesson pays before its own content, measured in fresh processes: `import lessonkit` "
                f"{times['lessonkit']['wall_s'] * 1000:.0f} ms (pydantic and the content model classes; their "
                "validators are built on first use) and `load_course()` (timed in one process), "
                f"{cached_ms} ms from lessonkit's cache of the checked course ({imp['load_course_s'] * 1000:.0f} ms "
                "when it parses and validates, as the first time or after an edit), then importing ipywidgets for "
                "the first widget (the floor imports it too, but a lesson also builds comms for every control). "
                "Figures cost a lesson almost nothing: a course figure sends its own spec and plotly is never "
                "imported in a lesson's kernel, while the floor imports it."
            )
        parts = []
        if slow_b:
            worst = max(slow_b, key=lambda x: x["ratio_bare"])
            parts.append(
                f"{len(slow_b)} lessons over {tb}× the bare notebook (worst {worst['notebook']} "
                f"{f(worst['ratio_bare'])}×, {f(worst['cells_s'])} s against {f(bare['cells_s'])} s)"
            )
        if slow_f:
            worst = max(slow_f, key=lambda x: x["ratio_trap_free"])
            parts.append(
                f"{len(slow_f)} lessons over {tf}× the trap-free floor (worst {worst['notebook']} "
                f"{f(worst['ratio_trap_free'])}×, {f(worst['cells_s'])} s against {f(free['cells_s'])} s)"
            )
        worst = max(slow_b or slow_f, key=lambda x: x["cells_s"])
        price = (step(self.r, "run_all") or {}).get("prices")
        if price and "models" in worst:
            from benchmarks.budget import estimate

            over = [x for x in slow_f if "models" in x]
            est = {
                x["notebook"]: estimate(price, cells=x["code_cells"], models=x["models"], pandas=x["pandas"])["total_s"]
                for x in over
            }
            target = free["cells_s"] * tf
            beyond = [n for n, e in est.items() if e > target]
            extra += (
                f' Priced in this run ("What a lesson\'s Run All is made of"), the lessons over {tf}× the trap-free '
                f"floor are {', '.join(sorted(est))}: "
                + f"{sum(x['pandas'] for x in over)} of them import pandas for their exercises; they have "
                f"{min(x['code_cells'] for x in over)}-{max(x['code_cells'] for x in over)} code cells and "
                f"{min(x['models'] for x in over)}-{max(x['models'] for x in over)} widget models. "
                + (
                    f"For {', '.join(sorted(beyond))} the unavoidable part alone (imports, loading the course, one "
                    f"round trip per cell, one comm per widget model) is over the {f(target * 1000, 0)} ms target: "
                    "no speed-up of lessonkit's own work can meet it there, only fewer cells or widget models. "
                    "(pydantic and the content model classes are about 57 ms of a lesson's first cell, timed "
                    "2026-12-04; a kernel without them would bring this part within the target but not the "
                    "rest, and lesson 05's exercise validates a student's events with pydantic anyway.) "
                    if beyond
                    else ""
                )
            )
            within = [x for x in over if x["notebook"] not in beyond]
            if within:
                extra += (
                    f"For {', '.join(x['notebook'] for x in within)} the unavoidable part is within the target "
                    "and the rest (building quiz cards, figure specs, tables, the explorer) is over it by "
                    + ", ".join(f"{f((x['cells_s'] - target) * 1000, 0)} ms" for x in within)
                    + " of its "
                    + ", ".join(f"{f((x['cells_s'] - est[x['notebook']]) * 1000, 0)} ms" for x in within)
                    + f": {_share(within, est, target)} of it would have to go."
                )
        cells = "; ".join(f"cell {c['cell']} `{c['source']}` {f(c['s'])} s" for c in worst.get("slowest_cells") or [])
        return (
            f"- **Run All: {'; '.join(parts)}.** Why: the floors import three libraries and show one line; a "
            "lesson also imports lessonkit, loads the whole course (parsing and checking it only when lessonkit's "
            "cache of it is cold), and builds and sends several "
            "figures and widgets (each widget is a comm with its own messages). The trap-free floor is about "
            f"{f(free['cells_s'])} s, so 1.25× of it leaves a lesson about {f(free['cells_s'] * tf - free['cells_s'])}"
            f" s for all of that. The slowest cells of {worst['notebook']}: {cells}.{extra}"
        )


def _share(rows: list, est: dict, target: float) -> str:
    """How much of each lesson's rest is over the target, as a range of percentages."""
    shares = [
        (x["cells_s"] - target) / (x["cells_s"] - est[x["notebook"]]) * 100
        for x in rows
        if x["cells_s"] > est[x["notebook"]]
    ]
    if not shares:
        return "all"
    low, high = min(shares), max(shares)
    return f"{low:.0f}%" if round(low) == round(high) else f"{low:.0f}-{high:.0f}%"
