"""``import lessonkit`` against importing the libraries alone; ``lessonkit check lessons``.

Run: ``.venv/bin/python -m benchmarks.imports [--reps N]``.

Each variant is a fresh Python process, run in turn (A B C D E, A B C D E, ...) so drift
falls on all alike; reported: median wall and CPU time. The baseline is a process that
imports pandas, plotly.graph_objects and ipywidgets, what every lesson needs anyway.
Also checked: that ``lessonkit check`` imports neither plotly nor ipywidgets, and, to
explain where the course's loading time goes, parsing its YAML with PyYAML's
pure-Python composer (what ``lessonkit.course.yamltext`` does) against libyaml's C composer,
which keeps the same line marks.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.common import LESSONS, REPO, median

PY = sys.executable
LESSONKIT = str(Path(PY).with_name("lessonkit"))
VARIANTS = {
    "python": [PY, "-c", "pass"],
    "libs": [PY, "-c", "import pandas, plotly.graph_objects, ipywidgets"],
    "lessonkit": [PY, "-c", "import lessonkit"],
    # from the per-user cache of the checked course (warmed before the rounds), then without it
    "lessonkit+course": [PY, "-c", f"import lessonkit; lessonkit.load_course({str(LESSONS)!r})"],
    "lessonkit+course, no cache": [
        PY,
        "-c",
        f"import os; os.environ['LESSONKIT_CACHE_DIR'] = 'off'; "
        f"import lessonkit; lessonkit.load_course({str(LESSONS)!r})",
    ],
    "check": [LESSONKIT, "check", "lessons"],
    # what showing the first plotly figure in a kernel imports (plotly.io's renderers need it)
    "nbformat": [PY, "-c", "import nbformat"],
}
HEAVY = ("plotly", "ipywidgets", "pandas", "numpy", "pydantic", "yaml")

_CLI_MODULES = """
import json, sys
from lessonkit.cli.main import main
code = main(["check", "lessons"])
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
print(json.dumps({"exit": code, "loaded": loaded}))
"""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _once(argv: list[str]) -> tuple[float, float, int]:
    cpu, start = _child_cpu(), time.perf_counter()
    done = subprocess.run(argv, cwd=REPO, capture_output=True)
    return time.perf_counter() - start, _child_cpu() - cpu, done.returncode


def slowest_imports(statement: str, n: int = 3) -> list[dict[str, object]]:
    """The modules with the largest own import time under ``statement`` (``python -X importtime``)."""
    done = subprocess.run([PY, "-X", "importtime", "-c", statement], cwd=REPO, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            rows.append(
                {"module": parts[2].strip(), "self_ms": int(parts[0]) / 1000, "cumulative_ms": int(parts[1]) / 1000}
            )
    return sorted(rows, key=lambda r: r["self_ms"], reverse=True)[:n]


def course_loading(rounds: int = 5) -> dict[str, float]:
    """Where loading the course goes, in this process, each step in turn every round (medians).

    ``load_course()`` whole, validating (``cache=False``) and from the per-user cache; turning every
    YAML file into nodes with lessonkit's parser, with libyaml's C composer and with PyYAML's
    pure-Python one; and ``pickle.loads`` of the validated ``Course``, most of what a cache hit costs.
    A course that does not load leaves those out.
    """
    import pickle

    import yaml

    import lessonkit
    from lessonkit.course.yamltext import parse_yaml

    texts = [p.read_text(encoding="utf-8") for p in sorted(LESSONS.rglob("*.yaml"))]
    found: dict[str, float] = {"files": len(texts), "kib": sum(len(t.encode()) for t in texts) / 1024}
    with_c = getattr(yaml, "__with_libyaml__", False)
    try:
        data = pickle.dumps(lessonkit.load_course(LESSONS, cache=False))  # also the first load: imports
        lessonkit.load_course(LESSONS)  # fills the cache for the hits timed below (unless it is off)
    except Exception as e:  # reported by `lessonkit check` above
        found["error"] = f"{type(e).__name__}: {str(e).splitlines()[0]}"
        data = None
    times: dict[str, list[float]] = {"parse": [], "libyaml": [], "pure": [], "load": [], "cached": [], "unpickle": []}
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            parse_yaml(text)
        times["parse"].append(time.perf_counter() - start)
        if with_c:
            start = time.perf_counter()
            for text in texts:
                yaml.compose(text, Loader=yaml.CSafeLoader)
            times["libyaml"].append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            yaml.compose(text, Loader=yaml.SafeLoader)
        times["pure"].append(time.perf_counter() - start)
        if data is not None:
            start = time.perf_counter()
            lessonkit.load_course(LESSONS, cache=False)
            times["load"].append(time.perf_counter() - start)
            start = time.perf_counter()
            lessonkit.load_course(LESSONS)
            times["cached"].append(time.perf_counter() - start)
            start = time.perf_counter()
            pickle.loads(data)
            times["unpickle"].append(time.perf_counter() - start)
    found["lessonkit_parse_yaml_s"] = median(times["parse"])
    found["libyaml_compose_s"] = median(times["libyaml"]) if times["libyaml"] else float("nan")
    found["pure_python_s"] = median(times["pure"])
    found["load_course_s"] = median(times["load"]) if times["load"] else float("nan")
    found["load_course_cached_s"] = median(times["cached"]) if times["cached"] else float("nan")
    found["unpickle_s"] = median(times["unpickle"]) if times["unpickle"] else float("nan")
    found["pickle_kib"] = len(data) / 1024 if data is not None else float("nan")
    return found


def measure(reps: int = 7, log=print) -> dict:
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in VARIANTS}
    exits: dict[str, set[int]] = {k: set() for k in VARIANTS}
    _once(VARIANTS["libs"])  # warm the file cache
    _once(VARIANTS["lessonkit+course"])  # and lessonkit's cache of the checked course
    for _ in range(reps):
        for name, argv in VARIANTS.items():
            wall, cpu, code = _once(argv)
            samples[name].append((wall, cpu))
            exits[name].add(code)
    times = {
        name: {
            "wall_s": median([w for w, _ in s]),
            "cpu_s": median([c for _, c in s]),
            "n": len(s),
            "exit": sorted(exits[name]),
        }
        for name, s in samples.items()
    }
    for name, t in times.items():
        log(f"  {name:18} wall {t['wall_s'] * 1000:7.1f} ms  cpu {t['cpu_s'] * 1000:7.1f} ms  exit {t['exit']}")
    probe = subprocess.run(
        [PY, "-c", f"HEAVY = {HEAVY!r}\n{_CLI_MODULES}"], cwd=REPO, capture_output=True, text=True, check=False
    )
    try:
        cli = json.loads(probe.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        cli = {"exit": probe.returncode, "loaded": None, "stderr": probe.stderr[-500:]}
    log(f"  lessonkit check imported: {cli.get('loaded')}")
    slowest = {s: slowest_imports(s) for s in ("import nbformat", "import lessonkit")}
    for statement, mods in slowest.items():
        log(
            f"  slowest modules under {statement!r}: " + ", ".join(f"{m['module']} {m['self_ms']:.0f} ms" for m in mods)
        )
    yaml_times = course_loading()
    course_s = yaml_times["load_course_s"]
    if "error" in yaml_times:
        log(f"  load_course() failed: {yaml_times['error']}")
    log(
        f"  load_course() in process {course_s * 1000:.0f} ms, from the cache "
        f"{yaml_times['load_course_cached_s'] * 1000:.0f} ms; YAML nodes: lessonkit "
        f"{yaml_times['lessonkit_parse_yaml_s'] * 1000:.0f} ms, "
        f"libyaml {yaml_times['libyaml_compose_s'] * 1000:.0f} ms; "
        f"unpickling the course {yaml_times['unpickle_s'] * 1000:.0f} ms"
    )
    return {
        "reps": reps,
        "times": times,
        "cli": cli,
        "yaml": yaml_times,
        "load_course_s": course_s,
        "load_course_cached_s": yaml_times["load_course_cached_s"],
        "slowest_imports": slowest,
        "pickled_course": {"kib": yaml_times["pickle_kib"], "load_s": yaml_times["unpickle_s"]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    measure(parser.parse_args().reps)


if __name__ == "__main__":
    main()
