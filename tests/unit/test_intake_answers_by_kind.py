"""Three kinds of intake answer once misread: leg pain named by a part of the leg (and a
screen answer about strength or numbness that says nothing of it), a pain score said as a
number word or a dictation homophone, and a question put back before the answer. Each
row in our own words."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bot.nlu.answers import answer_intent
from bot.nlu.echoes import answer_after_asking_back
from bot.nlu.pipeline import extract
from bot.nlu.scores import opening_number_word

MONDAY = datetime.date(2026, 12, 7)


def slot(text: str, name: str) -> Any:
    """The value read for ``name`` in ``text``, or None."""
    return next((e.value for e in extract(text, MONDAY) if e.entity == name), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the part of the leg, then yes, with a comma between
        ("Right thigh, yeah.", True),
        ("calf, yes", True),
        # pain as the subject reaching the lower leg: the pain travels, no hand reaches
        ("the ache reaches my left ankle now and then", True),
        ("pain reaching my foot on bad days", True),
        # going into the leg said after a negation of something else, joined by "and also"
        ("it never eases off properly and also goes into my right leg", True),
        ("not settling at all and also going into the thigh", True),
        # Scots and a dropped g: going down the leg
        ("aye it's gaun doon ma right leg tae the knee", True),
        ("its goin doon the left leg", True),
        ("it disnae go doon the legs", False),
        # counter-examples: a hand's reach is flexibility, a denial still denies
        ("I can reach my feet if I bend", None),
        ("my fingers reach my ankles, no further", None),
        ("no it doesn't go into my legs and also no pins and needles", False),
        ("just the low back, nothing goes down the leg", False),
    ],
)
def test_pain_reaching_or_going_into_the_leg(text: str, expected: bool | None) -> None:
    assert slot(text, "leg_pain") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the screen's strength or numbness, denied: nothing about pain in the leg
        ("none of those, my legs are fine strength wise", None),
        ("legs ok, no weakness, nothing else", None),
        ("no numbness in my legs or down below", None),
        ("no tingling in either leg", None),
        # counter-examples: pain denied, or legs said fine on their own, still say no
        ("no pain in my legs", False),
        ("my legs are fine, it's only the back", False),
    ],
)
def test_strength_or_numbness_denied_is_no_answer_about_leg_pain(
    text: str, expected: bool | None
) -> None:
    assert slot(text, "leg_pain") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dictation's homophones where a score form follows
        ("to out of ten right now", 2),
        ("too out of 10 i reckon", 2),
        ("for out of ten, not bad", 4),
        ("ate out of ten, it is rough", 8),
        ("won out of ten, barely there", 1),
        # counter-examples: the same words with no score form after them
        ("it went on for ten days", None),
        ("rate it from one to ten", None),
        ("I walked to work too", None),
        ("ate my tea and sat down for a bit", None),
    ],
)
def test_a_homophone_before_a_score_form(text: str, expected: int | None) -> None:
    assert slot(text, "pain_score") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one lah, hardly anything", 1),
        ("three. better than last week", 3),
        ("two, it's calmed down", 2),
        ("seven", 7),
        # counter-examples: "one" as a pronoun, a count of something, two numbers
        ("one of those mornings", None),
        ("one thing though, it aches at night", None),
        ("five days of this", None),
        ("two, maybe three", None),
        ("the usual", None),
    ],
)
def test_a_number_word_opening_the_score_answer(text: str, expected: float | None) -> None:
    assert opening_number_word(text) == expected


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("why? about a fortnight", "about a fortnight"),
        ("how come? erm 3 weeks", "erm 3 weeks"),
        ("does it matter? since sunday", "since sunday"),
        ("um why? 6", "6"),
        ("why do you ask? only the back", "only the back"),
        # counter-examples: the question alone, another question after, a real question
        ("why?", None),
        ("why? is that bad?", None),
        ("can I still swim? 2 weeks", None),
        ("how long will this take?", None),
    ],
)
def test_an_answer_after_a_question_put_back(text: str, answer: str | None) -> None:
    assert answer_after_asking_back(text) == answer


@pytest.mark.parametrize(
    ("intent", "entities", "text", "expected"),
    [
        ("ask_programme", {"pain_duration_days"}, "why? about ten days", "inform"),
        ("nlu_fallback", {"pain_duration_days"}, "how come? a week or so", "inform"),
        ("ask_programme", set(), "does it matter? 5", "inform"),
        # counter-examples: a programme question of its own stays one
        ("ask_programme", set(), "why?", None),
        ("ask_programme", set(), "how come? should I rest?", None),
        ("ask_programme", set(), "can I keep cycling to work?", None),
    ],
)
def test_a_question_put_back_then_answered_is_an_answer(
    intent: str, entities: set[str], text: str, expected: str | None
) -> None:
    assert answer_intent(intent, entities, text, frozenset(entities)) == expected
