"""A range of months as two labelled dropdowns, "from" and "to".

It stands in for ipywidgets' ``SelectionRangeSlider``, whose two handles carry no accessible
name (axe-core: aria-input-field-name, serious) and which a keyboard user moves one step at a
time over some two hundred months. The API is the slider's: ``options`` as (label, value)
pairs, ``index`` and ``value`` as (first, last) tuples, observable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import traitlets

from lessonkit.style.controls import DESCRIPTION_STYLE
from lessonkit.style.shared import make, shared_layout


class MonthRange(widgets.HBox):
    index = traitlets.Tuple()
    value = traitlets.Tuple()

    def __init__(
        self, options: Sequence[tuple[str, Any]], index: tuple[int, int], *, first_label: str, last_label: str
    ) -> None:
        self.options = list(options)
        self._syncing = False
        self.first = make(
            widgets.Dropdown, options=self.options, index=index[0], description=first_label, style=DESCRIPTION_STYLE
        )
        self.last = make(
            widgets.Dropdown, options=self.options, index=index[1], description=last_label, style=DESCRIPTION_STYLE
        )
        super().__init__([self.first, self.last], layout=shared_layout(flex_flow="row wrap"))
        self.set_trait("index", (self.first.index, self.last.index))
        self.set_trait("value", (self.first.value, self.last.value))
        self.first.observe(self._picked, names="index")
        self.last.observe(self._picked, names="index")

    def _picked(self, change: Any) -> None:
        if self._syncing:
            return
        lo, hi = self.first.index, self.last.index
        if lo > hi:  # "from" after "to": the other end follows, as a slider's handles would meet
            lo, hi = (lo, lo) if change["owner"] is self.first else (hi, hi)
        self.index = (lo, hi)

    @traitlets.observe("index")
    def _index_changed(self, change: Any) -> None:
        lo, hi = change["new"]
        self._syncing = True
        try:
            self.first.index, self.last.index = lo, hi
        finally:
            self._syncing = False
        self.value = (self.options[lo][1], self.options[hi][1])

    @traitlets.observe("value")
    def _value_changed(self, change: Any) -> None:
        values = [v for _, v in self.options]
        index = (values.index(change["new"][0]), values.index(change["new"][1]))
        if index != self.index:
            self.index = index
