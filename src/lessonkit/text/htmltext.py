"""Safe HTML from untrusted text: every content string and student answer passes here."""

from __future__ import annotations

import html
from urllib.parse import urlparse


def esc(text: object) -> str:
    """Escape text for HTML element content and quoted attributes."""
    return html.escape("" if text is None else str(text), quote=True)


def safe_url(url: str) -> str | None:
    """The URL if it is plain http(s), else None: never a ``javascript:`` link."""
    parsed = urlparse(url.strip())
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return url.strip()
    return None


def link(text: object, url: str) -> str:
    href = safe_url(url)
    if href is None:
        return esc(text)
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'
