"""The red-flag detector's verdict on one row of a table of kinds, told in full when a
row fails."""

from __future__ import annotations

from bot.nlu.red_flags import assess


def describe(text: str) -> str:
    """The text, its level and category, and every hit, for a failing row."""
    verdict = assess(text)
    return f"{text!r} -> {verdict.level}/{verdict.category} {verdict.hits}"


def assert_verdict(text: str, level: str, category: str | None) -> None:
    """The detector gives ``text`` this level and category."""
    verdict = assess(text)
    assert (verdict.level, verdict.category) == (level, category), describe(text)
