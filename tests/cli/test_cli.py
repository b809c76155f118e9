"""The CLI in-process: exit codes, output shapes, and no heavy imports on its path."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

import lessonkit
from lessonkit.cli.main import main

SAMPLE = str(lessonkit.sample_course_path())


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_ok_prints_counts(capsys):
    code, out, _ = run(capsys, "check", SAMPLE)
    assert code == 0
    assert out.startswith("lake-treaty-sample: OK: 2 events, 2 sources, 3 parties")


def test_check_finds_course_upward(capsys, tmp_path, monkeypatch):
    import shutil

    shutil.copytree(SAMPLE, tmp_path / "lessons")
    (tmp_path / "notebooks" / "en").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "notebooks" / "en")
    code, out, _ = run(capsys, "check")
    assert code == 0 and "OK" in out


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["data", "treaties"], ["list", "--lang", "fr"]])
def test_usage_errors_exit_2(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err
    assert "Traceback" not in err


def test_help_exits_0(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "check" in out


@pytest.mark.parametrize(
    ("lang", "title", "unit"), [("en", "The lake dispute", "45 min"), ("ja", "湖をめぐる対立", "45分")]
)
def test_list_one_line_per_lesson(capsys, lang, title, unit):
    code, out, _ = run(capsys, "list", "--course", SAMPLE, "--lang", lang)
    assert code == 0
    assert out.splitlines() == [f"01-the-lake\t{title}\t{unit}"]


def test_list_objectives(capsys):
    _, out, _ = run(capsys, "list", "--course", SAMPLE, "--objectives")
    assert "\t- Describe each country's position" in out


EXPECTED_FIELDS = {
    "events": {"id", "date", "end_date", "title", "summary", "actors", "category", "certainty", "sources"},
    "parties": {"id", "name", "kind"},
    "people": {"id", "name", "role", "party"},
    "issues": {"id", "name", "question", "options"},
    "stances": {
        "party",
        "issue",
        "position",
        "acceptable",
        "stated",
        "summary",
        "quote",
        "speaker",
        "quote_date",
        "sources",
        "as_of",
    },
    "sources": {"id", "publisher", "title", "url", "published", "language", "kind"},
}


@pytest.mark.parametrize("kind", sorted(EXPECTED_FIELDS))
def test_data_json_is_a_list_of_objects_with_the_fields(capsys, kind):
    code, out, _ = run(capsys, "data", kind, "--course", SAMPLE, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert isinstance(rows, list) and rows
    for row in rows:
        assert EXPECTED_FIELDS[kind] <= set(row)


def test_data_events_values(capsys):
    _, out, _ = run(capsys, "data", "events", "--course", SAMPLE, "--format", "json", "--lang", "ja")
    first, second = json.loads(out)
    assert first["date"] == "2020-05-01" and first["end_date"] is None
    assert first["title"] == "ノースランドが湖を閉鎖"
    assert second["end_date"] == "2024-03-12"
    assert second["actors"] == ["north", "south", "mediator"]


def test_data_stance_no_public_position_is_null(capsys):
    _, out, _ = run(capsys, "data", "stances", "--course", SAMPLE, "--format", "json")
    mediator = [row for row in json.loads(out) if row["party"] == "mediator"]
    assert len(mediator) == 1
    assert mediator[0]["position"] is None and mediator[0]["stated"] is False


def test_data_csv(capsys):
    code, out, _ = run(capsys, "data", "issues", "--course", SAMPLE)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["id"] == "fishing"
    assert rows[0]["options"] == "north-only=Northland only;quotas=Shared quotas;open=Open to both"


def test_data_on_broken_course_exits_1(capsys, sample_copy):
    (sample_copy / "data/events.yaml").write_text("events: [", encoding="utf-8")
    code, _, err = run(capsys, "data", "events", "--course", str(sample_copy))
    assert code == 1 and "not valid YAML" in err


def test_cli_imports_no_plotly_or_ipywidgets():
    """Teachers run the CLI where only the course files matter: keep it light."""
    code = (
        "import sys; from lessonkit.cli.main import main; "
        f"main(['check', {SAMPLE!r}]); main(['data', 'events', '--course', {SAMPLE!r}]); "
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'plotly', 'ipywidgets', 'pandas', 'IPython'}); "
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out


def test_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "lessonkit", "check", SAMPLE], capture_output=True, text=True)
    assert result.returncode == 0 and "OK" in result.stdout


def test_output_piped_into_a_reader_that_stops_early():
    """`lessonkit data sources | head -1` must not end in a traceback (the real course's
    sources are larger than a pipe's buffer, so the writer does meet the closed pipe)."""
    from tests.helpers import COURSE_DIR

    reader = "import sys; sys.stdin.readline()"
    argv = [sys.executable, "-m", "lessonkit", "data", "sources", "--format", "json", "--course", str(COURSE_DIR)]
    writer = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen([sys.executable, "-c", reader], stdin=writer.stdout)
    writer.stdout.close()  # only the reader holds the pipe now, as in a shell pipeline
    head.wait()
    err = writer.stderr.read().decode()
    writer.stderr.close()
    assert writer.wait() == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err, err
