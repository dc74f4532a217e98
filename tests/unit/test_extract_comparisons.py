"""Which way it hurts when the person compares two movements: the worse of the two is the
answer ("reaching down is easier than arching back" is extension), whichever way round the
comparison is put; a message that says both hurt stays "both"; a comparison of a movement
with something else ("worse than last week") compares no movements. Each row in our own
words."""

from __future__ import annotations

import datetime

import pytest

from bot.nlu.pipeline import extract

MONDAY = datetime.date(2026, 12, 7)


def direction(text: str) -> object:
    """The painful direction read from the message, if any."""
    return next((e.value for e in extract(text, MONDAY) if e.entity == "pain_direction"), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first is the easier one: the second is the worse
        ("Honestly bending down to my feet is easier than arching backwards", "extension"),
        ("arching back is much easier than stooping over", "flexion"),
        ("Sat in a chair I'm better than when I'm on my feet", "extension"),
        ("standing at the bench is better than sitting down", "flexion"),
        ("walking about is way less painful than sitting at the desk", "flexion"),
        ("sitting in the recliner is more comfortable than walking the dog", "extension"),
        ("I find sitting more bearable than standing in a queue", "extension"),
        ("walking is less sore than sitting", "flexion"),
        ("I'd rather sit than stand, to be honest", "extension"),
        # the first is the worse one
        ("stooping over is worse than leaning backwards", "flexion"),
        ("standing all day is worse than sitting", "extension"),
        ("standing at the counter is harder than sitting", "extension"),
        ("slouching on the couch is more painful than walking", "flexion"),
        ("it's worse when I sit than when I stand", "flexion"),
        ("it aches more sitting than standing", "flexion"),
        ("walking is less comfortable than sitting", "extension"),
        # "hurts more than" and "hurts less than"
        ("sitting hurts more than standing", "flexion"),
        ("standing up hurts a lot more than bending down", "extension"),
        ("sitting hurts less than standing", "extension"),
        ("walking hurts less than sitting", "flexion"),
        # "not as bad as": the second is the worse
        ("sitting isn't as bad as standing", "extension"),
        ("standing is not nearly as sore as sitting", "flexion"),
        # "fine compared to" and its turned-round form
        ("sitting is fine compared to standing", "extension"),
        ("walking is okay compared with sitting", "flexion"),
        ("standing is nothing compared to sitting", "flexion"),
        ("compared with standing, sitting is agony", "flexion"),
        ("Compared to sitting, walking is a breeze.", "flexion"),
    ],
)
def test_the_worse_of_two_compared_is_the_answer(text: str, expected: str) -> None:
    assert direction(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both said to hurt, one more than the other: both, as a physio would note it
        ("both are sore but bending more", "both"),
        ("sitting and standing both hurt, sitting more than standing", "both"),
        ("standing hurts but sitting hurts more", "both"),
        ("sitting is just as bad as standing", "both"),
        # a movement compared with another time, not with a movement
        ("sitting is worse than it was last week", "flexion"),
        ("standing is worse than yesterday, sitting is fine", "extension"),
        # doing one more often than another says nothing of pain
        ("bending hurts. I walk more than I sit", "flexion"),
    ],
)
def test_what_is_no_comparison_of_pain_reads_as_before(text: str, expected: str) -> None:
    assert direction(text) == expected
