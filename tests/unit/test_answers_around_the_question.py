"""Answers put around the question rather than under it: the question's scale asked back
before the score ("out of ten? a 3"), a half said in words, an earlier answer taken back in
passing in another answer ("oh and it's more like a month"), a reach that stops short of the
toes, a reach called a myth, Filipino "wala" and "lang", the leg denied with what lies
below it, a lift that is a machine. Each row in our own words."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bot.domain.answers import parse_score_answer
from bot.nlu.answers import answer_intent, corrected_in_passing, said_after_a_question
from bot.nlu.clear_no import reads_as_clear_no
from bot.nlu.pipeline import extract

MONDAY = datetime.date(2026, 12, 7)


def values(text: str) -> dict[str, Any]:
    return {e.entity: e.value for e in extract(text, MONDAY)}


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("three and a half", 3.5),
        ("7 and a half, maybe", 7.5),
        ("2½", 2.5),
        ("Six and a half. Not great.", 6.5),
        ("half past nothing", None),
        # a score in the other language of a mixed message, or said twice in two
        ("huit sur dix", 8.0),
        ("tano out of ten", 5.0),
        ("arba'a, maybe", 4.0),
        ("2 lang, only two", 2.0),
        ("7 yesterday, 4 today", None),
        # a range, then one of its numbers said again to open the last sentence
        ("5 or 6... 6, put that down", 6.0),
        ("3 o 4. 4 pon", 4.0),
        ("6. 2 hours ago it was 8", None),
    ],
)
def test_a_half_said_in_words(text: str, score: float | None) -> None:
    assert parse_score_answer(text) == score


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("ten is the worst? then a 3 i guess", " then a 3 i guess"),
        ("from 0 to 10 ah? 6 lor", " 6 lor"),
        ("what do you mean?", None),
        ("6", None),
    ],
)
def test_what_follows_a_question_put_back(text: str, answer: str | None) -> None:
    assert said_after_a_question(text) == answer
    if answer is not None:
        assert parse_score_answer(answer) is not None


@pytest.mark.parametrize(
    ("text", "named", "corrected"),
    [
        ("Palms to the floor. Oh and it's more like 5 weeks not 4, I miscounted.", "5 weeks",
         True),
        ("No locking. I said a 7 before but truthfully it's a 5 today.", "a 5", True),
        ("Tight hamstrings. Come to think of it sitting bothers it too.", "sitting", True),
        ("I can't bend down to touch my toes, they feel miles away.", "bend", False),
        ("Tight hamstrings. Sitting at work is fine.", "Sitting", False),
    ],
)
def test_an_earlier_answer_taken_back_in_passing(text: str, named: str, corrected: bool) -> None:
    assert corrected_in_passing(text, text.index(named)) is corrected


@pytest.mark.parametrize(
    ("text", "slot", "expected"),
    [
        # a reach that stops short of the toes, a reach called unreal, a filler before it
        ("I get to my knees but definitely not my toes", "flexibility", "tight"),
        ("reaching the floor is a pipe dream these days", "flexibility", "tight"),
        ("i get to like mid shin on a good day", "flexibility", "tight"),
        ("touching my toes is something i do every morning", "flexibility", "normal"),
        # the low back, then "only" or Filipino "lang"; not "only" before a verb
        ("none po, low back lang", "leg_pain", False),
        ("nope, lower back only.", "leg_pain", False),
        ("my lower back only aches when i stand", "leg_pain", None),
        # no or without in the other language of a mixed message
        ("tak, no leg pain", "leg_pain", False),
        ("tapi tak pernah spasm, ok lah", "spasm", False),
        # the leg named and denied with what lies below it; a cheek of the bottom only
        ("bum cheek only. the thigh and below nothing", "leg_pain", False),
        ("round the hip, not the thigh or lower", "leg_pain", False),
        ("it runs down the thigh and lower", "leg_pain", True),
        # a machine named after "on the": no movement; the movement itself still is
        ("sat under the van on the lift all day, sitting is the killer", "pain_direction",
         "flexion"),
        ("lifting the crates is the worst", "pain_direction", "flexion"),
        # clinical shorthand for a length ("3/52" three weeks), a half kept in a score
        ("this flare 3/52", "pain_duration_days", 21),
        ("roughly 4/12 now", "pain_duration_days", 120),
        ("NRS 6.5/10 at present", "pain_score", 6.5),
        # after a word of relief, the exception is the one that hurts; regional words for fine
        ("all good apart from bending over the sink", "pain_direction", "flexion"),
        ("standing hurts, but sitting in the cab is lekker", "pain_direction", "extension"),
        ("sitting kills me. walking about I'm tidy", "pain_direction", "flexion"),
        # a list, then none of it changes it
        ("bending, sitting, walking: none of them changes it", "pain_direction", "none"),
        ("sitting and standing all feel the same to be honest", "pain_direction", "none"),
        ("no directional preference that I can find", "pain_direction", "none"),
        # a likeness of a taut band; the leg said through the back or front side of it
        ("the backs of my thighs are like rubber bands", "flexibility", "tight"),
        ("sometimes it goes to back side of the right thigh", "leg_pain", True),
        ("only when I walk far it runs down de front of meh thigh", "leg_pain", True),
        ("it comes only up to the hip", "leg_pain", False),
    ],
)
def test_reaches_and_places(text: str, slot: str, expected: object) -> None:
    assert values(text).get(slot) == expected, values(text)


@pytest.mark.parametrize(
    ("text", "clear"),
    [
        # a denial of the whole list, reported in the clause that opens the answer
        ("Glad to say none of those, legs and waterworks all fine.", True),
        ("I can confirm none of the above", True),
        ("happy to report none of them except the numbness", False),
        ("pleased to say no fever but my bladder is playing up", False),
    ],
)
def test_a_reported_denial_is_a_clear_no(text: str, clear: bool) -> None:
    assert reads_as_clear_no(text) is clear


@pytest.mark.parametrize(
    ("intent", "entities", "text", "expected"),
    [
        # being seen needs a word of it; a back described without one is an answer
        ("assessed", {"pain_duration_days"},
         "Thank God it's only a small back ache, 2 weeks. Nothing serious, just want exercises",
         "inform"),
        ("assessed", set(), "my back hurts but it's not serious, just want to start", "inform"),
        ("assessed", set(), "the physio checked me over and said it's muscular", None),
    ],
)
def test_being_seen_needs_a_word_of_it(
    intent: str, entities: set[str], text: str, expected: str | None
) -> None:
    assert answer_intent(intent, entities, text) == expected
