"""Reading short answers in context, and telling kinds of bad input apart."""

from __future__ import annotations

import pytest

from bot.domain.answers import (
    BadInput,
    classify_bad_input,
    parse_bare_number,
    valid_pain_score,
    without_invisible_marks,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [("7", 7), ("about 6", 6), ("seven", 7), ("6.5", 6.5), ("-3", -3), ("15", 15),
     ("it's 4", 4), ("maybe 8.", 8), ("zero", 0), ("10/10", 10), ("3 out of ten", 3),
     ("", None), ("a lot", None), ("3 weeks", None), ("7 and 8", None), ("🙂", None)],
)
def test_bare_numbers(text: str, number: float | None) -> None:
    assert parse_bare_number(text) == number


@pytest.mark.parametrize(
    ("value", "score"),
    [(0, 0), (10, 10), (6.5, 6.5), ("7", 7), (-3, None), (15, None), (10.5, None),
     (None, None), ("seven", None), (True, None)],
)
def test_pain_scores_must_be_0_to_10(value: object, score: float | None) -> None:
    assert valid_pain_score(value) == score


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", BadInput.EMPTY),
        ("   \n ", BadInput.EMPTY),
        (None, BadInput.EMPTY),
        ("😭😭", BadInput.EMOJI),
        ("👍🏽", BadInput.EMOJI),
        ("❤️🔥", BadInput.EMOJI),
        ("x" * 5000, BadInput.TOO_LONG),
        ("me duele mucho la espalda", BadInput.OTHER_LANGUAGE),
        ("j'ai mal au dos depuis une semaine", BadInput.OTHER_LANGUAGE),
        ("ich habe Rückenschmerzen und nicht gut", BadInput.OTHER_LANGUAGE),
        ("kamar mein bahut dard hai, jhukne se hota hai", BadInput.OTHER_LANGUAGE),
        ("desde el cinco de noviembre", BadInput.OTHER_LANGUAGE),
        ("мне больно", BadInput.OTHER_LANGUAGE),
        ("腰が痛い", BadInput.OTHER_LANGUAGE),
        ("banana", BadInput.UNCLEAR),
        ("I feel like I could die", BadInput.UNCLEAR),
        ("?!", BadInput.UNCLEAR),
    ],
)
def test_bad_input_kinds(text: str | None, kind: BadInput) -> None:
    assert classify_bad_input(text) is kind


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("bl\u200badder", "bladder"),  # a zero-width space inside a word
        ("num\u202eb groin", "numb groin"),  # a direction control
        ("\ufeffhello", "hello"),
        ("sit\u00adting", "sitting"),  # a soft hyphen
        ("ba\u200dck", "back"),  # a joiner between letters
        ("👨\u200d👩\u200d👧 my family", "👨\u200d👩\u200d👧 my family"),  # an emoji keeps it
        ("ordinary text", "ordinary text"),
        ("six\x00", "six"),  # NUL, which PostgreSQL cannot store
    ],
)
def test_invisible_marks_are_taken_out(text: str, seen: str) -> None:
    assert without_invisible_marks(text) == seen
