"""The report's section on the classroom load test and what it means for a school server."""

from __future__ import annotations

from benchmarks.report_text import f, step, table

HOST_RESERVE_GB = 1.0  # what the operating system and JupyterHub itself keep on a school server


class LoadReport:
    """Mixed into :class:`benchmarks.report.Report`."""

    r: dict
    summary: list
    misses: list[str]
    sections: list[str]

    def load_test(self) -> None:
        res = step(self.r, "load_test")
        if res is None:
            return
        alone = res["alone"]
        rows = []
        for row in [alone, *res["classes"]]:
            rows.append(
                [
                    str(row["students"]),
                    f(row["wall_s"], 1),
                    f(row["ratio_wall"], 1),
                    f(row["student_median_s"], 1),
                    f(row["student_max_s"], 1),
                    str(row["failures"]),
                    f(row["total_rss_mb"], 0),
                    f(row["peak_total_rss_mb"], 0),
                    f(row["per_kernel_rss_mb"], 0),
                    f(row["kernel_cpu_s"], 0),
                ]
            )
            if row is not alone:
                self.add(
                    f"Load test: {row['students']} kernels run {res['lesson']} at once",
                    f"{f(row['wall_s'], 1)} s, {row['failures']} failures, {row['total_rss_mb'] / 1024:.2f} GB",
                    f"1 kernel {f(alone['wall_s'], 1)} s",
                    f"{f(row['ratio_wall'], 1)}×",
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
            *table(
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
        ra = step(self.r, "run_all")
        if ra:
            per_kernel = max([per_kernel] + [x["rss_mb"] for x in ra["lessons"] if "rss_mb" in x])
        br = step(self.r, "browser") or {}
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
                f"{f(biggest['wall_s'], 0)} s (slowest student {f(biggest['student_max_s'], 0)} s, against "
                f"{f(res['alone']['wall_s'], 0)} s alone). Outside Run All a kernel waits for a click and a "
                "click costs milliseconds (see the handlers above), so in a lesson the cores sit mostly idle and "
                "a slow start for a simultaneous Run All is the only CPU effect, while every open kernel holds "
                "its memory for the whole lesson. **Memory, not CPU, is the limit.**",
                "",
                *table(["server RAM", "students (one notebook open)", "students (two notebooks open)"], rows),
                "",
                f"A class of 30 with one notebook each needs about {class_gb:.1f} GB for the students and "
                f"{HOST_RESERVE_GB:.0f} GB for the system, {class_gb + HOST_RESERVE_GB:.1f} GB; with 30 % headroom "
                f"for students' own experiments (TLJH's rule of thumb is 20–40 %), a **{pick} GB** server. CPU only "
                f"decides how long a simultaneous Run All takes: about {cpu_each:.0f} CPU-seconds per student, so "
                f"roughly students × {cpu_each:.0f} s ÷ cores for the whole class at once ({biggest['students']} × "
                f"{cpu_each:.1f} s ÷ {cores} = {biggest['students'] * cpu_each / cores:.0f} s predicted, "
                f"{f(biggest['wall_s'], 0)} s measured).{idle_txt}",
            ]
        )
