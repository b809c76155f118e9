"""The negotiation sandbox: the pure assess()/zones_of_agreement() logic, then the widget."""

from __future__ import annotations

import pytest

import lessonkit
from lessonkit.widgets.sandbox import Assessment, NegotiationSandbox, assess, zones_of_agreement


def test_zones_of_agreement_in_the_sample(sample):
    assert zones_of_agreement(sample, ["north", "south"]) == {"fishing": ["quotas"], "water": []}
    assert zones_of_agreement(sample) == zones_of_agreement(sample, ["north", "south"])  # principal parties
    assert zones_of_agreement(sample, ["south"], issues=["water"]) == {"water": ["joint-board", "south-veto"]}


def test_a_party_without_an_estimate_does_not_decide_the_zone(sample):
    assert zones_of_agreement(sample, ["north", "south", "mediator"]) == {"fishing": ["quotas"], "water": []}
    before = zones_of_agreement(sample, as_of="2024-01-01")
    assert before == {
        "fishing": ["north-only", "quotas", "open"],
        "water": ["north-decides", "joint-board", "south-veto"],
    }


def test_assess_a_deal_that_crosses_a_limit(sample):
    a = assess(sample, {"fishing": "quotas", "water": "joint-board"}, ["north", "south"])
    assert isinstance(a, Assessment)
    assert a.outside == {"north": ["water"], "south": []}
    assert a.crossed == ["north"]
    assert a.no_zone == ["water"]
    assert a.zones["fishing"] == ["quotas"]
    assert not a.acceptable_to_all


def test_assess_a_deal_inside_every_limit(sample):
    a = assess(sample, {"fishing": "quotas", "water": None})
    assert a.choices == {"fishing": "quotas"}
    assert a.outside == {"north": [], "south": []} and a.acceptable_to_all


def test_assess_reports_missing_estimates_as_unknown(sample):
    a = assess(sample, {"fishing": "open", "water": "south-veto"}, ["north", "south", "mediator"])
    assert a.unknown == {"north": [], "south": [], "mediator": ["fishing", "water"]}
    assert a.outside["north"] == ["fishing", "water"] and a.outside["mediator"] == []
    assert not assess(sample, {}).acceptable_to_all  # nothing decided is no deal


def test_assess_refuses_unknown_issues_and_options(sample):
    with pytest.raises(ValueError, match="unknown issue 'borders'"):
        assess(sample, {"borders": "open"})
    with pytest.raises(ValueError, match=r"unknown option for issue 'fishing':.*known: north-only, quotas, open"):
        assess(sample, {"fishing": "everything"})
    with pytest.raises(ValueError, match="unknown party"):
        assess(sample, {}, ["atlantis"])


def test_widget_shows_whose_limits_a_choice_crosses(sample):
    x = NegotiationSandbox(sample)
    assert list(x.choices) == ["fishing", "water"]
    assert [d.description for d in x.choices.values()] == ["Fishing rights", "Water level"]
    assert "Pick an option" in x.results.value
    x.choices["water"].value = "joint-board"
    assert x.assessment == assess(sample, {"fishing": None, "water": "joint-board"})
    assert "the deal crosses the limits of: Northland." in x.results.value
    assert "Water level: you picked “A joint board”; it could accept: “Northland decides”." in x.results.value
    assert "Within its estimated limits on every issue you decided." in x.results.value  # Southland
    x.choices["water"].value = "north-decides"
    assert (
        "Southland" in x.results.value
        and "it could accept: “A joint board”, “Southland holds a veto”" in x.results.value
    )
    x.choices["water"].value = ""  # back to "not decided"
    x.choices["fishing"].value = "quotas"
    assert "every party could accept the options you picked" in x.results.value


def test_widget_lists_zones_and_the_basis_of_every_estimate(sample):
    x = NegotiationSandbox(sample)
    assert '<li data-issue="fishing">Fishing rights: “Shared quotas”</li>' in x.zones.value
    assert "Water level: no zone of agreement" in x.zones.value
    assert "Northland has refused any shared control since 2020." in x.basis.value
    assert '<a href="https://example.org/north-gazette/2020/lake-closed"' in x.basis.value
    assert "analytical estimate" in x.disclaimer.value and "30 Jun 2024" in x.disclaimer.value


def test_widget_with_a_party_that_has_no_estimate(sample):
    x = NegotiationSandbox(sample, parties=["north", "south", "mediator"])
    x.choices["fishing"].value = "quotas"
    assert "No estimate for: Fishing rights." in x.results.value
    assert "(no estimate for The Mediator)" in x.zones.value
    assert "<b>The Mediator:</b> No estimate." in x.basis.value


def test_clear_button(sample):
    x = NegotiationSandbox(sample)
    x.choices["fishing"].value = "open"
    x.choices["water"].value = "south-veto"
    x.clear.click()
    assert all(d.value == "" for d in x.choices.values())
    assert x.assessment.choices == {} and "Pick an option" in x.results.value


def test_japanese_interface(sample):
    x = NegotiationSandbox(sample, lang="ja")
    assert "分析上の見立て" in x.disclaimer.value and "2024年6月30日現在" in x.disclaimer.value
    assert [d.description for d in x.choices.values()] == ["漁業権", "水位"]
    assert x.choices["water"].options[0] == ("― 未定 ―", "")
    assert x.choices["water"].label == "― 未定 ―"  # shown, not a blank box
    x.choices["water"].value = "joint-board"
    assert "水位：選んだのは「共同委員会」。受け入れうる選択肢は「ノースランドが決める」。" in x.results.value
    assert "水位：合意可能領域なし" in x.zones.value
    assert x.clear.description == "案をリセット"


def test_every_control_has_a_description(sample):
    for lang in ("en", "ja"):
        x = NegotiationSandbox(sample, lang=lang)
        assert all(c.description.strip() for c in [*x.choices.values(), x.clear])


def test_display_bundle_has_static_fallbacks(sample):
    x = NegotiationSandbox(sample)
    x.choices["fishing"].value = "open"
    bundle = x._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert x.results.value in bundle["text/html"] and x.basis.value in bundle["text/html"]
    text = bundle["text/plain"]
    assert "Your deal: Fishing rights = “Open to both”." in text
    assert "Water level: no zone of agreement: no option every party could accept." in text


def test_lazy_export():
    assert lessonkit.NegotiationSandbox is NegotiationSandbox


def test_hostile_content_is_escaped(hostile):
    x = NegotiationSandbox(hostile)
    x.choices["water"].value = "joint-board"
    html = x._repr_mimebundle_()["text/html"]
    assert "<img" not in html and "<script" not in html and "javascript:" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
