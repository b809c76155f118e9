"""The grading report's interface strings in English and Japanese (checked complete by a test).

Values are escaped before they are put in (see ``report._t``), so a string here may hold
markup of its own but never a student's text unescaped.
"""

from __future__ import annotations

from lessonkit.text.words import table

UI = table("report")
