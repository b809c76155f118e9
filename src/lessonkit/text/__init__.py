"""Words and text: interface words per language, locale helpers, safe HTML, line breaking."""
