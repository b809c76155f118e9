"""A delegation's notebook view: its private brief, then a deal builder that scores for it alone.

``role_brief(course, "ua", lang="en")`` in the teacher's copy reads the role-play from the
lesson's ``roles.yaml``; in a student's copy (``lessonkit assign``) it reads the one brief the
copy holds, ``brief="brief-08-role-play-ua.json"``. Either way the widget keeps only its own
role: no other party's priorities or red lines are in its state, its HTML or its saved file.
The deal builder reuses the sandbox's controls and look (one dropdown per issue, the same
"nothing chosen" entry and layouts); it shows this party's score and the red lines of its own
that the draft crosses, and saves the deal as a file beside the notebook. Works in Voilà (no
FigureWidget) and leaves a static text/HTML rendering in saved notebooks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from lessonkit.roleplay.brief import brief_html, brief_text, option_list, role_heading, t
from lessonkit.roleplay.brief_file import read_brief
from lessonkit.roleplay.deal_file import ROUNDS, DealError, build_deal, default_filename, write_deal
from lessonkit.roleplay.scoring import PartyScore, score_role
from lessonkit.style.controls import (
    BUTTON_LAYOUT,
    DESCRIPTION_STYLE,
    FULL_WIDTH,
    ISSUE_LABEL_STYLE,
    NOTHING,
    PROSE,
    StaticFallback,
)
from lessonkit.style.shared import make, shared_layout
from lessonkit.style.sheet import dressed
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import check_lang

if TYPE_CHECKING:
    import os

    from lessonkit.content.roleplay import RolePlay
    from lessonkit.course.model import Course


def _find_play(course: Course, party: str, lesson: str | None) -> tuple[str, RolePlay]:
    """The lesson id and role-play holding ``party``'s brief, in the teacher's copy of the course."""
    lessons = [course.lesson(lesson)] if lesson else [x for x in course.lessons if x.roleplay is not None]
    found = [(x.id, x.roleplay) for x in lessons if x.roleplay is not None and party in x.roleplay.parties]
    if len(found) == 1:
        return found[0]
    if not found:
        raise KeyError(
            f"no role-play brief for {party!r} in this course; in a student's copy pass "
            f"brief='brief-<lesson>-{party}.json' (the file beside the notebook)"
        )
    raise KeyError(f"several lessons have a brief for {party!r}; pass lesson=")


class RoleBrief(StaticFallback, widgets.VBox):
    """One role's brief and deal builder; ``deal`` is the draft, ``score`` its score for this party."""

    def __init__(
        self,
        course: Course,
        play: RolePlay,
        party: str,
        *,
        lesson: str,
        lang: str = "en",
        save_dir: str | os.PathLike[str] | None = None,
        class_name: str = "",
        group: str = "",
    ) -> None:
        self.course, self.lang, self.lesson = course, check_lang(lang), lesson
        self.role = play.role(party)
        self.party = party
        # keep only this role: nothing of the others stays reachable from the widget
        self.play = play.model_copy(update={"roles": [self.role]})
        self.save_dir = Path(save_dir) if save_dir is not None else None
        self.saved_path: Path | None = None
        self.brief = make(widgets.HTML, brief_html(course, self.play, party, lang))
        self.choices = {
            issue: make(
                widgets.Dropdown,
                options=[(t("open", lang), NOTHING), *((o.label.get(lang), o.id) for o in course.issue(issue).options)],
                value=NOTHING,
                description=course.issue(issue).name.get(lang),
                style=ISSUE_LABEL_STYLE,
                layout=FULL_WIDTH,  # the chosen option reads in full, however long its label
            )
            for issue in play.scenario.issues
        }
        self.result = make(widgets.HTML)
        default_round = "final" if self.role.kind == "mediator" else "1"
        self.class_box = make(widgets.Text, value=class_name, description=t("class", lang), style=DESCRIPTION_STYLE)
        self.group_box = make(widgets.Text, value=group, description=t("group", lang), style=DESCRIPTION_STYLE)
        self.round = make(
            widgets.Dropdown,
            options=[(t(f"round_{r}", lang), r) for r in ROUNDS],
            value=default_round,
            description=t("round", lang),
            style=DESCRIPTION_STYLE,
        )
        self.save = make(
            widgets.Button, description=t("save", lang), icon="save", layout=BUTTON_LAYOUT, button_style="primary"
        )
        self.status = make(widgets.HTML)
        head = f'<h4>{esc(t("builder", lang))}</h4><p style="{PROSE}">{esc(t("builder_note", lang))}</p>'
        parts = [
            self.brief,
            make(widgets.HTML, head),
            *self.choices.values(),
            self.result,
            make(widgets.HBox, [self.class_box, self.group_box, self.round], layout={"flex_flow": "row wrap"}),
            make(widgets.HBox, [self.save]),  # a button as wide as its label, not the whole row
            self.status,
        ]
        # the course's stylesheet, as the sandbox it reuses
        super().__init__(**dressed(parts, "lk-roleplay"), layout=shared_layout())
        for dropdown in self.choices.values():
            dropdown.observe(self._refresh, names="value")
        self.save.on_click(self._save)
        self.score: PartyScore = score_role(course, self.play, self.role, self.deal)
        self._refresh()

    @property
    def deal(self) -> dict[str, str | None]:
        return {issue: d.value or None for issue, d in self.choices.items()}

    def choose(self, **choices: str | None) -> None:
        """Set dropdowns by issue id (None: open), as a student would click them."""
        for issue, option in choices.items():
            self.choices[issue].value = option or NOTHING

    def _refresh(self, change: object = None) -> None:
        self.score = score_role(self.course, self.play, self.role, self.deal)
        self.result.value = f'<div style="{PROSE}" aria-live="polite">{self._result_html()}</div>'

    def _result_lines(self) -> list[str]:
        s, lang = self.score, self.lang
        lines = [t("score", lang, score=s.rounded) if s.rounded is not None else t("no_score", lang)]
        for line in s.crossed:
            issue = self.course.issue(line.issue)
            how = t("stated" if line.stated else "estimate", lang)
            option = option_list(self.course, line.issue, [line.option], lang)
            lines.append(t("crossed", lang, issue=issue.name.get(lang), option=option, how=how))
        if not s.crossed:
            lines.append(t("crossed_none", lang))
        return lines

    def _result_html(self) -> str:
        first, *rest = self._result_lines()
        items = "".join(f"<li>{esc(line)}</li>" for line in rest)
        return f"<p><b>{esc(first)}</b></p><ul>{items}</ul>"

    def _save(self, button: object = None) -> Path | None:
        """Write the deal file; the status line shows the path or, in plain words, why not."""
        group = self.group_box.value.strip()
        if not group:
            self.status.value = f"<p>{esc(t('need_group', self.lang))}</p>"
            return None
        try:
            data = build_deal(
                course=self.course.info.id,
                lesson=self.lesson,
                class_name=self.class_box.value.strip(),
                group=group,
                party=self.party,
                role=self.role.kind,
                round=self.round.value,
                language=self.lang,
                choices=self.deal,
                saved_at=dt.datetime.now(dt.UTC),
            )
            name = default_filename(self.lesson, data["class"], group, self.party, self.round.value)
            path = write_deal((self.save_dir or Path.cwd()) / name, data)
        except (DealError, OSError) as exc:
            self.status.value = f"<p>{esc(t('not_saved', self.lang, error=exc))}</p>"
            return None
        self.saved_path = path
        self.status.value = f"<p>{esc(t('saved', self.lang, path=path))}</p>"
        return path

    def static_text(self) -> str:
        picked = [
            t("deal_line", self.lang, issue=self.course.issue(i).name.get(self.lang), option=d.label or "")
            for i, d in self.choices.items()
            if d.value
        ]
        body = [brief_text(self.course, self.play, self.party, self.lang), "", t("builder", self.lang), *picked]
        return "\n".join([*body, *self._result_lines()])

    def static_html(self) -> str:
        return f'<div lang="{self.lang}">{self.brief.value}{self.result.value}</div>'

    @property
    def heading(self) -> str:
        return role_heading(self.course, self.role, self.lang)


def role_brief(
    course: Course,
    party: str,
    *,
    lang: str = "en",
    lesson: str | None = None,
    brief: str | os.PathLike[str] | None = None,
    save_dir: str | os.PathLike[str] | None = None,
    class_name: str = "",
    group: str = "",
) -> RoleBrief:
    """A delegation's (or the mediator's) private brief and deal builder.

    ``brief``: a student copy's brief file (see ``lessonkit.roleplay.brief_file``); without it
    the role-play comes from the course's ``roles.yaml`` (``lesson`` picks one when several
    lessons have a role-play). Deals are saved in ``save_dir`` (default: the notebook's folder).
    """
    if brief is not None:
        found = read_brief(brief)
        if found.party != party:
            raise ValueError(f"{brief} is the brief of {found.party!r}, not {party!r}")
        lesson_id, play = found.lesson, found.play
    else:
        lesson_id, play = _find_play(course, party, lesson)
    return RoleBrief(
        course, play, party, lesson=lesson_id, lang=lang, save_dir=save_dir, class_name=class_name, group=group
    )
