"""Teacher tools for the role-play: ``assign`` writes one private copy per role; ``debrief`` reads
every deal file, scores or rejects each, and writes one offline HTML report."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml
from tests.helpers import COURSE_DIR
from tests.roleplay_course import LESSON, build_roleplay_course

import lessonkit as lk
from lessonkit.cli.main import main
from lessonkit.roleplay.deal_file import build_deal, write_deal


def _notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import lessonkit as lk\ncourse = lk.load_course()"),
        nbformat.v4.new_code_cell('ROLE = "north"\nlk.role_brief(course, ROLE, lang="en")'),
        nbformat.v4.new_code_cell('lk.role_brief(course, "mediator", lang="en")'),
    ]
    path = folder / "en" / f"{LESSON}.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(nb, path)
    return folder


def _private_strings(course, lesson: str) -> dict[str, list[str]]:
    """Every role's private text (basis, red-line bases, gains, risks) in both languages."""
    found = {}
    for role in course.lesson(lesson).roleplay.roles:
        texts = [role.priorities_basis, role.gains, role.risks, *[r.basis for r in role.red_lines]]
        found[role.party] = [getattr(t, lang) for t in texts for lang in ("en", "ja")]
    return found


def _assert_private(out: Path, course, lang: str, lesson: str = LESSON) -> None:
    private = _private_strings(course, lesson)
    for party in private:
        folder = out / "roles" / party
        files = [p for p in folder.rglob("*") if p.is_file()]
        assert (folder / "notebooks" / lang / f"brief-{lesson}-{party}.json").is_file()
        assert not list(folder.rglob("roles.yaml")) and not list(folder.rglob("teacher-guide*"))
        for other, strings in private.items():
            for path in files:
                text = path.read_text(encoding="utf-8", errors="replace")
                for s in strings:
                    snippet = s[:40]
                    if other == party:
                        continue
                    assert snippet not in text, f"{party}'s copy {path} holds {other}'s private text"
    for path in (out / "student").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not any(s[:40] in text for strings in private.values() for s in strings), path


def test_assign_writes_one_private_copy_per_role(tmp_path):
    root = build_roleplay_course(tmp_path / "course")
    notebooks = _notebook(tmp_path / "notebooks")
    out = tmp_path / "out"
    assert main(["assign", "02", "--out", str(out), "--course", str(root), "--notebooks", str(notebooks)]) == 0
    course = lk.load_course(root)
    _assert_private(out, course, "en")
    nb = nbformat.read(out / "roles" / "south" / "notebooks" / "en" / f"{LESSON}-south.ipynb", as_version=4)
    calls = [c.source for c in nb.cells if "role_brief(" in c.source]
    assert calls == [
        'ROLE = "south"  # your role\nlk.role_brief(course, ROLE, lang="en", brief="brief-02-the-talks-south.json")'
    ]
    assert not (out / "student" / "notebooks" / "en" / f"{LESSON}.ipynb").exists()
    # the copy works: its course loads without roles.yaml, the brief comes from the file
    copy = lk.load_course(out / "roles" / "south" / "lessons")
    assert copy.lesson(LESSON).roleplay is None
    w = lk.role_brief(copy, "south", brief=out / "roles" / "south" / "notebooks" / "en" / f"brief-{LESSON}-south.json")
    w.choose(water="south-veto")
    assert w.score.score is not None


def _deal(party: str, group: str, round: str, choices: dict, **extra) -> dict:
    return build_deal(
        course="lake-treaty-sample",
        lesson=LESSON,
        class_name=extra.get("class_name", "3-B"),
        group=group,
        party=party,
        role="mediator" if party == "mediator" else "delegation",
        round=round,
        language="en",
        choices=choices,
    )


def test_debrief_accounts_for_every_file(tmp_path, capsys):
    root = build_roleplay_course(tmp_path / "course")
    deals = tmp_path / "deals"
    (deals / "more").mkdir(parents=True)
    hostile = "<script>alert(1)</script>"
    write_deal(deals / "a.json", _deal("north", f"{hostile}North", "1", {"fishing": "quotas"}, class_name=hostile))
    write_deal(deals / "more" / "b.json", _deal("south", "S", "final", {"fishing": "quotas", "ferry": "monthly"}))
    (deals / "broken.json").write_text("{", encoding="utf-8")
    write_deal(deals / "unknown.json", _deal("north", "N", "1", {"fishing": "bogus"}))
    write_deal(deals / "stranger.json", {**_deal("north", "N", "1", {}), "party": "east"})
    write_deal(deals / "other-lesson.json", {**_deal("north", "N", "1", {}), "lesson": "01-the-lake"})
    report = tmp_path / "report.html"
    code = main(["debrief", str(deals), "--out", str(report), "--course", str(root)])
    err = capsys.readouterr().err
    assert code == 1
    assert "2 deals scored, 4 files rejected" in err
    for name in ("broken.json", "unknown.json", "stranger.json", "other-lesson.json"):
        assert name in err
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "&lt;script&gt;" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # offline: nothing from the network
    assert html.count("<svg") == 3 and "✓ zone" in html
    assert "bogus" in html and "broken.json" in html  # rejected files listed with their reasons
    assert "Discussion prompts" in html


def test_debrief_exit_codes(tmp_path, capsys):
    root = build_roleplay_course(tmp_path / "course")
    write_deal(tmp_path / "d.json", _deal("north", "N", "final", {"fishing": "quotas", "water": "joint-board"}))
    out = tmp_path / "r.html"
    assert main(["debrief", str(tmp_path / "d.json"), "--out", str(out), "--course", str(root), "--lang", "ja"]) == 0
    assert "話し合いのための問い" in out.read_text(encoding="utf-8")
    assert main(["debrief", str(tmp_path / "missing"), "--out", str(out), "--course", str(root)]) == 2
    assert main(["debrief", str(tmp_path / "d.json"), "--course", str(root)]) == 2  # --out required
    assert main(["debrief", str(tmp_path / "d.json"), "--out", str(out), "--course", str(root), "--lesson", "01"]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["debrief", str(empty), "--out", str(out), "--course", str(root)]) == 1


def _real_copy(tmp_path: Path) -> Path | None:
    """A copy of lessons/ that lists lesson 08, when its role-play files exist."""
    folder = COURSE_DIR / "08-role-play"
    lesson = next((p for p in (folder / "lesson.yaml", folder / "lesson.pending.yaml") if p.is_file()), None)
    if lesson is None or not (folder / "roles.yaml").is_file():
        return None
    target = tmp_path / "lessons"
    shutil.copytree(COURSE_DIR, target)
    shutil.move(target / "08-role-play" / lesson.name, target / "08-role-play" / "lesson.yaml")
    info = yaml.safe_load((target / "course.yaml").read_text(encoding="utf-8"))
    if "08-role-play" not in info["lessons"]:
        text = (target / "course.yaml").read_text(encoding="utf-8")
        last = info["lessons"][-1]
        text = re.sub(rf"^(\s*)- {last}$", r"\g<0>\n\g<1>- 08-role-play", text, count=1, flags=re.M)
        (target / "course.yaml").write_text(text, encoding="utf-8")
    return target


def test_real_role_play_assigns_privately(tmp_path):
    lessons = _real_copy(tmp_path)
    if lessons is None:
        pytest.skip("lessons/08-role-play has no roles.yaml yet")
    course = lk.load_course(lessons)
    out = tmp_path / "out"
    assert main(["assign", "08", "--out", str(out), "--course", str(lessons), "--lang", "ja"]) == 0
    _assert_private(out, course, "ja", "08-role-play")
    for party in course.lesson("08").roleplay.parties:
        brief = json.loads(
            (out / "roles" / party / "notebooks" / "ja" / f"brief-08-role-play-{party}.json").read_text()
        )
        assert [r["party"] for r in brief["roleplay"]["roles"]] == [party]
