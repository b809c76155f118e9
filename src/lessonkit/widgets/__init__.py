"""Widgets and lesson pages: the explorer, stance comparison, sandbox, claims, lesson page parts."""
