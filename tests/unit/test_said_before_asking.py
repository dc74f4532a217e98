"""A message that answers, then asks: the statement and the question, apart."""

from __future__ import annotations

import pytest

from actions.intake_context import said_before_asking


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ten days. can I still run?", ("ten days.", "can I still run?")),
        ("since friday! is that long?", ("since friday!", "is that long?")),
        ("tight hamstrings\nshould I stretch?", ("tight hamstrings", "should I stretch?")),
        # a question first, or no question at all: nothing said before asking
        ("can I still run? ten days", None),
        ("ten days, no more", None),
        ("is it ok to walk?", None),
    ],
)
def test_the_statement_before_the_question(text: str, expected: tuple[str, str] | None) -> None:
    assert said_before_asking(text) == expected
