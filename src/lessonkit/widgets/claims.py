"""Fact-checking practice: students judge each claim of a text, then see the verdict.

Verdicts and corrections stay hidden until the student checks a claim, so the widget
works as an exercise; the static fallback shows the claims without their verdicts.
"""

from __future__ import annotations

import random

import ipywidgets as W

from lessonkit.content import Claim
from lessonkit.course.model import Course
from lessonkit.style.controls import BUTTON_LAYOUT, DESCRIPTION_STYLE, NOTHING, PROSE, StaticFallback
from lessonkit.style.shared import make, shared_layout
from lessonkit.style.sheet import dressed
from lessonkit.text.htmltext import esc
from lessonkit.text.i18n import check_lang, mark, ui
from lessonkit.text.sources import sources_html
from lessonkit.text.words import table

VERDICTS = ("correct", "wrong", "misattributed", "unsupported", "simplified")

UI = table("claims")


class ClaimCheck(StaticFallback, W.VBox):
    """One card per claim: the excerpt, a verdict to choose, and a Check button."""

    def __init__(self, course: Course, *, claims: list[str] | None = None, lang: str = "en", seed: int = 0):
        self.course, self.lang = course, check_lang(lang)
        chosen = [c for c in course.claims if claims is None or c.id in claims]
        # a seeded shuffle: the data's own order (grouped by verdict, say) must not hint at answers
        random.Random(f"claims:{seed}").shuffle(chosen)
        self.claims = chosen
        self.choices: dict[str, W.Dropdown] = {}
        self.results: dict[str, W.HTML] = {}
        self.checked: dict[str, bool] = {}
        self.score = make(W.HTML)
        cards = [self._card(n, claim) for n, claim in enumerate(chosen, 1)]
        super().__init__(**dressed([*cards, self.score], "lk-claims"), layout=shared_layout())
        self._update_score()

    def _label(self, verdict: str) -> str:
        return ui(UI, verdict, self.lang)

    def _card(self, n: int, claim: Claim) -> W.VBox:
        lang, total = self.lang, len(self.claims)
        head = ui(UI, "claim", lang, n=n, total=total, where=claim.where.get(lang))
        original = claim.excerpt.get(claim.original_language)
        body = f"<p><small>{esc(head)}</small><br><strong>{esc(original)}</strong></p>"
        if lang != claim.original_language:
            colon = mark("colon", lang)
            body += f"<p><em>{esc(ui(UI, 'translation', lang))}{colon}{esc(claim.excerpt.get(lang))}</em></p>"
        options = [(ui(UI, "pick", lang), NOTHING)] + [(self._label(v), v) for v in VERDICTS]
        choice = make(
            W.Dropdown,
            options=options,
            value=NOTHING,
            description=ui(UI, "verdict", lang),
            tooltip=ui(UI, "verdict_tip", lang, n=n),
            style=DESCRIPTION_STYLE,
        )
        button = make(
            W.Button,
            description=ui(UI, "check", lang),
            tooltip=ui(UI, "check_tip", lang, n=n),
            layout=BUTTON_LAYOUT,
            button_style="primary",
        )
        result = make(W.HTML)
        button.on_click(lambda _b, cid=claim.id: self.check(cid))
        self.choices[claim.id], self.results[claim.id] = choice, result
        parts = [make(W.HTML, f'<div style="{PROSE}">{body}</div>'), make(W.HBox, [choice, button]), result]
        return make(W.VBox, parts, _dom_classes=("lk-card",))  # border, padding, spacing: style/course.css

    def check(self, claim_id: str) -> None:
        claim = next(c for c in self.claims if c.id == claim_id)
        chosen = self.choices[claim_id].value
        out = self.results[claim_id]
        if chosen == NOTHING:
            out.value = f"<p>{esc(ui(UI, 'choose_first', self.lang))}</p>"
            return
        right = chosen == claim.verdict.value
        self.checked[claim_id] = right
        verdict, mine = self._label(claim.verdict.value), self._label(chosen)
        line = (
            ui(UI, "right", self.lang, verdict=verdict)
            if right
            else ui(UI, "differs", self.lang, verdict=verdict, chosen=mine)
        )
        mark = "✔" if right else "✖"
        out.value = (
            f'<div style="{PROSE}"><p><strong>{mark} {esc(line)}</strong></p>'
            f"<p>{esc(claim.correction.get(self.lang))}</p>"
            f"<details><summary>{esc(ui(UI, 'sources', self.lang))}</summary>"
            f"{sources_html(self.course, claim.sources, self.lang)}</details></div>"
        )
        self._update_score()

    def _update_score(self) -> None:
        self.score.value = "<p>{}</p>".format(
            esc(
                ui(
                    UI,
                    "score",
                    self.lang,
                    checked=len(self.checked),
                    total=len(self.claims),
                    right=sum(self.checked.values()),
                )
            )
        )

    def static_text(self) -> str:
        return "\n".join(
            f"{n}. {mark('label', self.lang).format(c.where.get(self.lang))}{c.excerpt.get(c.original_language)}"
            for n, c in enumerate(self.claims, 1)
        )

    def static_html(self) -> str:
        items = "".join(
            f"<li><small>{esc(c.where.get(self.lang))}</small> {esc(c.excerpt.get(c.original_language))}</li>"
            for c in self.claims
        )
        return f"<ol>{items}</ol>"
