"""A clear "no" and a description of the back, read by kind (bot.nlu.answers)."""

import pytest

from bot.domain.answers import parse_score_answer
from bot.nlu.answers import (
    answer_intent,
    is_about_back_pain,
    marks_clear_no,
    reads_as_clear_no,
    starts_with_no,
)


@pytest.mark.parametrize(
    "text, clear",
    [
        ("No", True),
        ("Nope.", True),
        ("no lol", True),
        ("nah none of that", True),
        ("No, dear, none of those. My doctor checked me last month.", True),
        ("None of those, thank you", True),
        ("I don't have any of these", True),
        ("not having any of the above", True),
        ("never had any of that", True),
        # hedges are not a clear no
        ("no idea", False),
        ("not that I know of", False),
        ("no?", False),
        ("I can't remember having any", False),
        # a contrast says there is something
        ("No, but my foot is numb", False),
        ("nothing except some tingling", False),
        ("No, nothing like that. Only my back.", True),
        # a leading "no" that begins something else
        ("no point going on", False),
        ("no one would notice", False),
        ("i dont want anything anymore", False),
        ("i can't feel anything down there", False),
        ("", False),
    ],
)
def test_reads_as_clear_no(text: str, clear: bool) -> None:
    assert reads_as_clear_no(text) is clear


@pytest.mark.parametrize(
    "text, about",
    [
        ("mild low back ache since my daughter was born", True),
        ("my waist has been paining me", True),
        ("I have pain in back", True),
        ("sciatica again", True),
        ("back to work tomorrow", False),
        ("my knee hurts", False),
        ("hello", False),
    ],
)
def test_is_about_back_pain(text: str, about: bool) -> None:
    assert is_about_back_pain(text) is about


@pytest.mark.parametrize(
    "intent, entities, text, expected",
    [
        # a clear no the model did not hear as one
        ("inform", set(), "No, I don't have any of these.", "deny"),
        ("nlu_fallback", set(), "God forbid, I don't have any of those", "deny"),
        ("deny", set(), "no", None),
        # an intake answer inside it: the answer counts, not the "no"
        ("inform", {"leg_pain"}, "No, nothing below the knee", None),
        # either red-flag detector saw something: never touched
        ("inform", {"red_flag", "red_flag_uncertain"}, "no lah", None),
        ("red_flag", {"red_flag"}, "no, but I can't feel my groin", None),
        # a description of the back taken for something else
        ("out_of_scope", set(), "low back ache since my daughter was born", "inform"),
        ("greet", {"pain_duration_days"}, "Hello, my back hurts since Wednesday", "inform"),
        ("nlu_fallback", {"pain_direction"}, "worse when I bend", "inform"),
        # other readings stay
        ("out_of_scope", set(), "what's the weather tomorrow", None),
        ("ask_programme", set(), "is swimming good for my back pain?", None),
        ("greet", set(), "good morning", None),
    ],
)
def test_answer_intent(
    intent: str, entities: set[str], text: str, expected: str | None
) -> None:
    assert answer_intent(intent, entities, text) == expected


@pytest.mark.parametrize(
    "text, score",
    [
        ("7", 7.0),
        ("about six", 6.0),
        ("7. is strong", 7.0),
        ("Now is 4.", 4.0),
        ("Around 5 po.", 5.0),
        ("6/10 today", 6.0),
        ("3.5 out of 10", 3.5),
        ("it is a seven", 7.0),
        ("about 11", 11.0),  # out of range: the form says so
        ("a 6 out a 10", 6.0),
        ("6 outta 10", 6.0),
        ("8 yesterday, 5 now", None),
        ("bad", None),
        ("no one can say", None),
    ],
)
def test_parse_score_answer(text: str, score: float | None) -> None:
    assert parse_score_answer(text) == score


@pytest.mark.parametrize(
    "intent, entities, text, marked",
    [
        # a clear no that says more: marked, the intent stays
        ("inform", {"leg_pain"}, "No, nothing like that. Only my back.", True),
        # a plain no is a deny already; nothing to mark
        ("deny", {"leg_pain"}, "no, only my back", False),
        ("inform", set(), "no", False),
        # no answer in it, or a red flag seen, or not a clear no: not marked
        ("inform", {"leg_pain", "red_flag_uncertain"}, "No, only my back", False),
        ("inform", {"pain_direction"}, "bending hurts", False),
    ],
)
def test_marks_clear_no(intent: str, entities: set[str], text: str, marked: bool) -> None:
    assert marks_clear_no(intent, entities, text) is marked


@pytest.mark.parametrize(
    "text, no",
    [
        ("no it stays in my back", True),
        ("nah, just the back", True),
        ("no idea", False),
        ("yes, down to my ankle", False),
        ("not really sure", False),
    ],
)
def test_starts_with_no(text: str, no: bool) -> None:
    assert starts_with_no(text) is no
