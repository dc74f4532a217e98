"""What a person's life and a dictating phone add to an answer: a pregnancy's weeks, a
word said again to put a misheard one right, a dialect's "out of", a simile for tight
muscles, the day of last month, a movement waved off, a joint of its own, a score said
again at the end. Each row in our own words."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from bot.nlu.duration import start_named_after_a_doubt
from bot.nlu.pipeline import extract
from bot.nlu.repairs import drop_slips
from bot.nlu.scores import settled_score

MONDAY = datetime.date(2026, 12, 7)


def values(text: str) -> dict[str, Any]:
    """Each slot's value, and whether it was said only in passing (role "context")."""
    return {e.entity: (e.value, e.role) for e in extract(text, MONDAY)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how far on a pregnancy is, or since the birth: the baby's time, not the bout's
        ("I'm 30 weeks pregnant and my back aches by teatime", {}),
        ("six months pregnant, back is sore", {}),
        ("32 weeks gone, the bump pulls on my back", {}),
        ("8 weeks postpartum and my lower back hurts", {}),
        ("22 weeks pregnant, back sore for 3 weeks now", {"pain_duration_days": (21, None)}),
        # a birth dated in passing: the question is still asked; with "since", the pain's
        ("gave birth 2 months ago and my back is bad", {"pain_duration_days": (60, "context")}),
        # "28 weeks" alone, with no pregnancy said, is a length
        ("28 weeks along this road of back pain", {"pain_duration_days": (196, None)}),
        # the day of last month, the month said first
        ("since last month 12th", {"pain_duration_days": (25, None)}),
        ("since last month, the 2nd", {"pain_duration_days": (35, None)}),
        ("since 12th last month", {"pain_duration_days": (25, None)}),
        ("since last month", {"pain_duration_days": (30, None)}),
        # a dialect's "out of"
        ("eight oot o ten", {"pain_score": (8, None)}),
        # a score said again after a contrast, past a word of agreeing, ends the sentence
        ("4. Maybe 5 after a day's gardening, but yeah, 4.", {"pain_score": (4, None)}),
        ("3, maybe 4 after a long drive, but 3", {"pain_score": (3, None)}),
    ],
)
def test_times_and_scores(text: str, expected: dict[str, Any]) -> None:
    found = values(text)
    assert {k: v for k, v in found.items() if k in ("pain_duration_days", "pain_score")} == (
        expected
    )


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        # a simile of a taut thing, a word or two before it
        ("my hamstrings are like barbed wire", "flexibility", "tight"),
        ("hammies like fiddle strings", "flexibility", "tight"),
        # "next nor near": nowhere near; "would not get near" them
        ("couldn't tell you, I'd get next nor near my toes", "flexibility", "tight"),
        ("I wouldn't get close to my toes", "flexibility", "tight"),
        # the pain on past the buttock into the leg, the verb unmarked
        ("the ache go down to left bum and calf", "leg_pain", True),
        # a movement waved off, however the clause goes
        ("Leaning back hurts. Bending over is grand really, doesn't bother it at all.",
         "pain_direction", "extension"),
        ("Bending over hurts. Walking is not even the problem.", "pain_direction", "flexion"),
        ("Bending over hurts. Standing isn't really the issue.", "pain_direction", "flexion"),
    ],
)
def test_said_through_a_life(text: str, slot: str, value: Any) -> None:
    assert values(text)[slot][0] == value


@pytest.mark.parametrize(
    "text",
    [
        "no trouble apart from my back and my knees",  # knees of their own (arthritis, say)
        "my back and ankles are stiff in the mornings",
    ],
)
def test_a_joint_named_beside_the_back_is_no_leg_pain(text: str) -> None:
    assert "leg_pain" not in values(text)


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        # the word meant said again on its own, spelt right: the misheard one goes
        ("It never locks. Locks up.", "It never locks. Locks up."),  # the same word: kept
        ("about a for. Four.", "about a Four."),
        ("I'd like some advise. Advice.", "I'd like some Advice."),
        ("It doesn't cease up though. Seize up.", "It doesn't Seize up."),
        ("should I take a brake from it? A break.", "should I take a break."),
        # a sentence that only sounds alike, or says more, is kept
        ("My back is bad. Bed rest helps.", "My back is bad. Bed rest helps."),
        ("Not really. No.", "Not really. No."),
    ],
)
def test_a_word_said_again_puts_a_misheard_one_right(text: str, repaired: str) -> None:
    assert drop_slips(text)[0] == repaired


def test_a_spasm_denied_then_spelt_again_stays_denied() -> None:
    found = values("I can't touch my toes. It doesn't cease up though. Seize up.")
    assert found["spasm"][0] is False
    assert found["flexibility"][0] == "tight"


@pytest.mark.parametrize(
    ("text", "slot", "expected"),
    [
        # a sentence the next takes back, opening with a correction word or "no"
        ("bending hurts. lying on my tummy too? wait no that's my shoulder, ignore that",
         "pain_direction", ("flexion", None)),
        # a cause of a word or two, a comma, then the movement: how it began, asked anyway
        ("sore back from the warehouse, lifting crates on Saturday", "pain_direction",
         ("flexion", "context")),
        # getting out of a vehicle one sits in, "of" left out
        ("getting out the van after a long day is the worst", "pain_direction",
         ("flexion", None)),
        # the barbell hinge, not a verdict of "good"
        ("squats are the problem, and good mornings", "pain_direction", ("flexion", None)),
        # a haircut done, not the pain fading
        ("standing for ten hours doing fades, by the end I'm wrecked", "pain_direction",
         ("extension", "context")),
        ("When I sit it does ease off.", "pain_direction", ("extension", None)),
        # the hands' reach with the knuckles
        ("I get my knuckles on the floor easy", "flexibility", ("normal", None)),
        # a bare "no" ends the word it follows
        ("Stiff, no. Touch my toes fine.", "flexibility", ("normal", None)),
        # a pastime says how supple they were: asked anyway
        ("I do pilates every week but my back is sore now", "flexibility",
         ("normal", "context")),
        # as far as the hip, answered only when asked
        ("it goes more into my left hip", "leg_pain", (False, "context")),
        ("it goes into my hip and down the thigh", "leg_pain", (True, None)),
        # Creole "di": the
        ("since Friday di 20th", "pain_duration_days", (17, None)),
        # "the" weekday told by what happened on it, then its date
        ("since the Saturday we went bowling with the kids, the 14th", "pain_duration_days",
         (23, None)),
    ],
)
def test_taken_back_caused_or_done(text: str, slot: str, expected: tuple[Any, Any]) -> None:
    assert values(text).get(slot) == expected


@pytest.mark.parametrize(
    ("text", "length", "days"),
    [
        # a length taken back, then the start the person settles on
        ("three weeks? no, less. it was Tuesday last week", (0, 11), 6),
        ("a month... let me count, no, it started on the 20th of last month", (0, 7), 17),
        # "actually" for emphasis takes nothing back
        ("Two weeks ago today, actually, because it was a Monday", (0, 16), None),
        # a length said again after the "no" is what the person settles on
        ("A fortnight, maybe 3 weeks. No, a fortnight, it was the 23rd", (32, 42), None),
        # "or so", "maybe more" keep the length: a weekday said after it is no start
        ("3 weeks or so, it started on a Monday", (0, 7), None),
        ("about a month, maybe more, it began on a Sunday", (6, 13), None),
        # a start named first is read whole by the extractor, its correction too
        ("Since Easter. Actually no, the Tuesday after, the 13th", (0, 12), None),
    ],
)
def test_a_start_named_after_a_length_is_taken_back(
    text: str, length: tuple[int, int], days: int | None
) -> None:
    assert start_named_after_a_doubt(text, length, MONDAY) == days


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Five. Maybe six. Five, I'd say, I'm not one to moan", 5.0),
        ("one of those days, honestly", None),
        # the 10 of "out of 10" is no score settled on
        ("Right now it is 5 out of 10 I would say.", 5.0),
        ("Honestly 5 out of 10 I would say", 5.0),
    ],
)
def test_the_score_settled_on(text: str, score: float | None) -> None:
    assert settled_score(text) == score
