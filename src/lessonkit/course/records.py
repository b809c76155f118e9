"""Flat rows of course content, one dict per item, for CSV, JSON and pandas.

Pure Python: the CLI uses these without importing pandas.
"""

from __future__ import annotations

from typing import Any

RECORD_KINDS = ("events", "parties", "people", "issues", "stances", "statements", "sources", "claims", "regions")


def records(course: Any, kind: str, lang: str = "en") -> list[dict[str, Any]]:
    if kind not in RECORD_KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(RECORD_KINDS)}")
    if kind == "regions":  # status on the course's as-of date
        return [_region(r, lang, course.as_of) for r in course.regions]
    return [_ROW[kind](item, lang) for item in getattr(course, kind)]


def _d(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _event(e: Any, lang: str) -> dict[str, Any]:
    return {
        "id": e.id,
        "date": _d(e.date),
        "end_date": _d(e.end_date),
        "title": e.title.get(lang),
        "summary": e.summary.get(lang),
        "actors": list(e.actors),
        "category": e.category,
        "place": e.place.get(lang) if e.place else None,
        "host": e.host,
        "certainty": e.certainty.value,
        "era": e.era,
        "people": list(e.people),
        "sources": list(e.sources),
    }


def _party(p: Any, lang: str) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name.get(lang),
        "short": p.short.get(lang),
        "kind": p.kind.value,
        "colour": p.colour,
        "description": p.description.get(lang),
    }


def _person(p: Any, lang: str) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name.get(lang),
        "role": p.role.get(lang),
        "party": p.party,
        "roles": [{"since": _d(r.since), "role": r.role.get(lang)} for r in p.roles],
    }


def _issue(i: Any, lang: str) -> dict[str, Any]:
    return {
        "id": i.id,
        "name": i.name.get(lang),
        "question": i.question.get(lang),
        "options": [{"id": o.id, "label": o.label.get(lang)} for o in i.options],
    }


def _stance(s: Any, lang: str) -> dict[str, Any]:
    q = s.quote
    return {
        "party": s.party,
        "issue": s.issue,
        "position": s.position,
        "acceptable": list(s.acceptable),
        "stated": s.stated,
        "summary": s.summary.get(lang),
        "quote": q.text.get(lang) if q else None,
        "speaker": q.speaker if q else None,
        "quote_date": _d(q.date) if q else None,
        "quote_translated_from": q.translated_from if q else None,
        "quote_translation_source": q.translation_source if q else None,
        "sources": list(s.sources),
        "as_of": _d(s.as_of),
    }


def _statement(s: Any, lang: str) -> dict[str, Any]:
    return {
        "id": s.id,
        "date": _d(s.date),
        "speaker": s.speaker,
        "event": s.event,
        "verbatim": s.verbatim,
        "translated_from": s.translated_from,
        "translation_source": s.translation_source,
        "context": s.context.get(lang) if s.context else None,
        "text": s.text.get(lang),
        "sources": list(s.sources),
    }


def _source(s: Any, lang: str) -> dict[str, Any]:
    return {
        "id": s.id,
        "publisher": s.publisher,
        "title": s.title,
        "url": s.url,
        "published": _d(s.published),
        "language": s.language,
        "kind": s.kind.value,
        "note": s.note,
    }


def _region(r: Any, lang: str, as_of: Any) -> dict[str, Any]:
    period = r.period(as_of)
    share = r.occupied_share
    return {
        "id": r.id,
        "name": r.name.get(lang),
        "status": period.status if period else None,
        "since": _d(period.since) if period else None,
        "held_share": share.text.get(lang) if share else None,
        "sources": list(period.sources) if period else [],
    }


def _claim(c: Any, lang: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "where": c.where.get(lang),
        "excerpt": c.excerpt.get(lang),
        "verdict": c.verdict.value,
        "correction": c.correction.get(lang),
        "sources": list(c.sources),
        "events": list(c.events),
    }


_ROW = {
    "events": _event,
    "parties": _party,
    "people": _person,
    "issues": _issue,
    "stances": _stance,
    "statements": _statement,
    "sources": _source,
    "claims": _claim,
}
