"""One answer control per question type, each reading and writing the saved answer shape.

Every control is a native ipywidgets input (radio buttons, checkboxes, drop-downs, text
boxes), so it works with the keyboard, and every one has a label:
the choice or item text itself, or "Answer". Labels and options are rendered by the
front end as text, not HTML, so content needs no escaping here.

``get()`` returns the answer in the shape ``scoring`` grades and responses files store,
or None while the question is unanswered; ``set()`` takes the same shape back. Each question
type (``quizzes.types``) builds its control in ``make_input``, importing this module there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as W

from lessonkit.content.base import Localized
from lessonkit.content.quiz import (
    MultipleQuestion,
    NumericQuestion,
    OrderQuestion,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from lessonkit.quizzes.common import UI, shuffled
from lessonkit.style.shared import make
from lessonkit.text.i18n import ui

_WIDE = {"description_width": "initial"}
# ipywidgets gives every control a fixed 300px width: long choices would wrap over each other
_FULL = {"width": "100%", "max_width": "100%"}
# order and match: the item's text takes half the line and its drop-down the rest, never a sliver
_HALF = {"description_width": "50%"}


def _unset(menu: W.Dropdown) -> None:
    """Back to "(choose)", shown: a None value alone leaves the box blank (no index), and
    index 0 alone is turned back into no index by ipywidgets when the value was another."""
    menu.value = None
    menu.index = 0


class AnswerInput:
    """The common face of every control; ``widget`` is what the card shows."""

    widget: W.Widget
    controls: list[W.ValueWidget]

    def get(self) -> Any:
        raise NotImplementedError

    def set(self, answer: Any) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def incomplete(self) -> bool:
        """True when the student has started but the answer cannot be read yet (order only)."""
        return False

    def set_disabled(self, disabled: bool) -> None:
        for control in self.controls:
            control.disabled = disabled

    def on_change(self, callback: Callable[[], None]) -> None:
        for control in self.controls:
            control.observe(lambda _change: callback(), names=["value"])


class SingleInput(AnswerInput):
    def __init__(self, q: SingleQuestion, lang: str, seed: int):
        options = [(c.text.get(lang), c.id) for c in shuffled(q.choices, seed, q.id)]
        self.radio = make(
            W.RadioButtons, options=options, index=None, description=ui(UI, "answer", lang), style=_WIDE, layout=_FULL
        )
        self.widget, self.controls = self.radio, [self.radio]

    def get(self) -> str | None:
        return self.radio.value

    def set(self, answer: str) -> None:
        self.radio.value = answer

    def clear(self) -> None:
        self.radio.index = None


class MultipleInput(AnswerInput):
    def __init__(self, q: MultipleQuestion, lang: str, seed: int):
        self.order = [c.id for c in q.choices]
        shown = shuffled(q.choices, seed, q.id)
        self.boxes = {
            c.id: make(W.Checkbox, value=False, description=c.text.get(lang), indent=False, layout=_FULL) for c in shown
        }
        self.widget = make(W.VBox, [self.boxes[c.id] for c in shown])
        self.controls = list(self.boxes.values())

    def get(self) -> list[str] | None:
        picked = [cid for cid in self.order if self.boxes[cid].value]
        return picked or None

    def set(self, answer: list[str]) -> None:
        for cid, box in self.boxes.items():
            box.value = cid in answer

    def clear(self) -> None:
        self.set([])


class TrueFalseInput(AnswerInput):
    def __init__(self, q: TrueFalseQuestion, lang: str, seed: int):
        options = [(ui(UI, "true", lang), True), (ui(UI, "false", lang), False)]
        # radio buttons in a row, not ToggleButtons: those show the choice only by a shade of grey and
        # tell a screen reader nothing (no aria-pressed); a radio's checked state is read out
        self.toggle = make(
            W.RadioButtons,
            options=options,
            index=None,
            orientation="horizontal",
            description=ui(UI, "answer", lang),
            style=_WIDE,
        )
        self.widget, self.controls = self.toggle, [self.toggle]

    def get(self) -> bool | None:
        return self.toggle.value

    def set(self, answer: bool) -> None:
        self.toggle.value = answer

    def clear(self) -> None:
        self.toggle.value = None


class OrderInput(AnswerInput):
    """Items shown shuffled, each with a drop-down of positions 1..n (keyboard-friendly, no dragging)."""

    def __init__(self, q: OrderQuestion, lang: str, seed: int):
        n = len(q.items)
        positions = [(ui(UI, "choose", lang), None)] + [(str(i), i) for i in range(1, n + 1)]
        shown = shuffled(q.items, seed, q.id)
        self.positions = {
            i.id: make(W.Dropdown, options=positions, index=0, description=i.text.get(lang), style=_HALF, layout=_FULL)
            for i in shown
        }
        self.widget = make(W.VBox, [self.positions[i.id] for i in shown])
        self.controls = list(self.positions.values())

    def get(self) -> list[str] | None:
        chosen = {item_id: d.value for item_id, d in self.positions.items()}
        if None in chosen.values() or len(set(chosen.values())) != len(chosen):
            return None
        return sorted(chosen, key=lambda item_id: chosen[item_id])

    def incomplete(self) -> bool:
        return self.get() is None and any(d.value is not None for d in self.positions.values())

    def set(self, answer: list[str]) -> None:
        for place, item_id in enumerate(answer, start=1):
            self.positions[item_id].value = place

    def clear(self) -> None:
        for d in self.positions.values():
            _unset(d)


class MatchInput(AnswerInput):
    """One drop-down per left item, offering the rights in the order given (the match type shuffles them).

    ``lefts`` and ``offered`` are (id, text) pairs: pair ids, or in a student copy the
    rights' opaque ids (see ``quizzes.types.match``).
    """

    def __init__(self, lefts: Sequence[tuple[str, Localized]], offered: Sequence[tuple[str, Localized]], lang: str):
        rights = [(ui(UI, "choose", lang), None), *((text.get(lang), rid) for rid, text in offered)]
        self.menus = {
            pid: make(W.Dropdown, options=rights, index=0, description=left.get(lang), style=_HALF, layout=_FULL)
            for pid, left in lefts
        }
        self.widget = make(W.VBox, list(self.menus.values()))
        self.controls = list(self.menus.values())

    def get(self) -> dict[str, str] | None:
        chosen = {left: d.value for left, d in self.menus.items() if d.value is not None}
        return chosen or None

    def set(self, answer: dict[str, str]) -> None:
        for left, d in self.menus.items():
            if answer.get(left) is None:
                _unset(d)
            else:
                d.value = answer[left]

    def clear(self) -> None:
        self.set({})


class NumericInput(AnswerInput):
    """A number box; it counts as answered once the student (or a restore) has set it."""

    def __init__(self, q: NumericQuestion, lang: str, seed: int):
        label = ui(UI, "answer_unit", lang, unit=q.unit.get(lang)) if q.unit else ui(UI, "answer", lang)
        self.box = make(W.FloatText, value=0.0, description=label, style=_WIDE)
        self.touched = False
        self.box.observe(self._touch, names=["value"])
        self.widget, self.controls = self.box, [self.box]

    def _touch(self, _change: object) -> None:
        self.touched = True

    def get(self) -> float | None:
        return self.box.value if self.touched else None

    def set(self, answer: float) -> None:
        self.box.value = float(answer)
        self.touched = True

    def clear(self) -> None:
        self.box.value = 0.0
        self.touched = False


class TextInput(AnswerInput):
    def __init__(self, q: TextQuestion, lang: str, seed: int):
        self.box = make(W.Text, value="", description=ui(UI, "answer", lang), style=_WIDE)
        self.widget, self.controls = self.box, [self.box]

    def get(self) -> str | None:
        return self.box.value if self.box.value.strip() else None

    def set(self, answer: str) -> None:
        self.box.value = answer

    def clear(self) -> None:
        self.box.value = ""
