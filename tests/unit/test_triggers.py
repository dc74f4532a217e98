"""What made the pain worse, in the check-in's categories: the person's words grouped into
the buttons' categories from the intake lexicon's activities, table by table."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.domain.insights import (
    BENDING,
    CATEGORIES,
    EVENINGS,
    LYING,
    MORNINGS,
    NOTHING,
    OTHER,
    SITTING,
    STANDING,
)
from bot.nlu import patterns as P
from bot.nlu.triggers import trigger_categories
from tests.support.paths import ROOT

CASES: list[tuple[str, tuple[str, ...]]] = [
    # The brief's examples.
    ("sat at my desk all day", (SITTING,)),
    ("hoovering", (BENDING,)),
    ("long drive", (SITTING,)),
    ("stood at a gig", (STANDING,)),
    ("woke up stiff", (MORNINGS,)),
    # Kinds from blind set triggers_2026_12_05 (our own words): seats and rides, heavy
    # things shifted, a restless night, a meal of the evening, nothing that set it off.
    ("an hour on the coach to the match", (SITTING,)),
    ("the long sermon on hard pews", (SITTING,)),
    ("hauling sacks of compost", (BENDING,)),
    ("we moved house at the weekend", (BENDING,)),
    ("kneeling down to scrub the floor", (BENDING,)),
    ("stripped the beds, then the laundry", (BENDING,)),  # beds made, not lain in
    ("tossed and turned till 3", (LYING,)),
    ("after supper it crept up", (EVENINGS,)),
    ("all shift on my feet", (STANDING,)),  # a work shift is no lifting
    ("nothing really stood out", (NOTHING,)),
    ("couldn't pin it down today", (NOTHING,)),
    ("it wasn't anything particular", (NOTHING,)),
    # Everyday words for each category.
    ("the commute", (SITTING,)),
    ("Driving to work", (SITTING,)),
    ("hours at the laptop", (SITTING,)),
    ("I sat for the rest of the day", (SITTING,)),
    ("picked up my toddler", (BENDING,)),
    ("carrying the shopping", (BENDING,)),
    ("cleaning the bathroom", (BENDING,)),
    ("tying my shoelaces", (BENDING,)),
    ("walked the dog for an hour", (STANDING,)),
    ("on my feet all day at work", (STANDING,)),
    ("queueing at the post office", (STANDING,)),
    ("ironing", (STANDING,)),
    ("a terrible mattress at the hotel", (LYING,)),
    ("getting out of bed", (LYING,)),
    ("didn't sleep well", (LYING,)),
    ("rough night", (LYING,)),
    ("lying on my stomach reading", (LYING,)),
    ("first thing in the morning", (MORNINGS,)),
    ("by the evening it was bad", (EVENINGS,)),
    ("after work", (EVENINGS,)),
    ("late at night", (EVENINGS,)),
    # Several at once, in the buttons' order.
    ("gardening then sat on the sofa all evening", (SITTING, BENDING, EVENINGS)),
    ("at night in bed", (LYING, EVENINGS)),
    # Denied, or said to ease it: not what made it worse.
    ("not sitting, standing at the counter", (STANDING,)),
    ("sitting was fine, bending over the bath wasn't", (BENDING,)),
    ("sitting down eased it but the drive home was awful", (SITTING,)),
    ("a walk helped", (OTHER,)),
    ("no lifting today", (OTHER,)),
    # Hard to do is no denial.
    ("couldn't sit for long", (SITTING,)),
    ("I cannae sit", (SITTING,)),
    # The longest words win: getting up from a seat is sitting, arms overhead no lifting.
    ("standing up from the sofa", (SITTING,)),
    ("lifting my arms over my head", (OTHER,)),
    ("bending backwards", (OTHER,)),
    # Nothing in particular, in so many words; and words of no category.
    ("nothing really", (NOTHING,)),
    ("no idea", (NOTHING,)),
    ("no difference", (NOTHING,)),
    ("all the time", (NOTHING,)),
    ("it was a good day", (NOTHING,)),
    ("nothing in particular, maybe the sitting", (SITTING,)),
    ("the weather", (OTHER,)),
    ("stress at work", (OTHER,)),
    ("played golf", (OTHER,)),
    ("😩", (OTHER,)),
]


@pytest.mark.parametrize(("text", "categories"), CASES)
def test_the_persons_words_in_the_check_ins_categories(
    text: str, categories: tuple[str, ...]
) -> None:
    assert trigger_categories(text) == categories


def _buttons() -> list[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    [question] = domain["responses"]["utter_ask_checkin_trigger"]
    return [re.search(r'"checkin_trigger": "([^"]+)"', b["payload"]).group(1)  # type: ignore[union-attr]
            for b in question["buttons"]]


def test_the_buttons_are_the_categories_and_each_is_read_as_itself() -> None:
    assert _buttons() == [*CATEGORIES, NOTHING]
    for value in _buttons():
        assert trigger_categories(value) == (value,)
        assert trigger_categories(value.title()) == (value,)


def test_every_category_has_its_words_in_the_lexicon() -> None:
    assert set(P.ACTIVITY_PATTERNS) == {*CATEGORIES, NOTHING}
    assert all(P.ACTIVITY_PATTERNS.values())


def test_the_intake_reads_the_activities_as_the_painful_direction() -> None:
    """One home for the words: each activity's pattern under a direction is in the intake's
    table for that direction, and a check-in-only one in none."""
    raw = yaml.safe_load((ROOT / "bot" / "nlu" / P.LEXICON).read_text(encoding="utf-8"))
    table = P.PATTERN_TABLES[P.PAIN_DIRECTION]
    for category, by_direction in raw["activities"].items():
        for direction, specs in by_direction.items():
            assert set(specs) <= set(P.ACTIVITY_PATTERNS[category])
            for spec in specs:
                if direction == P.CHECKIN_ONLY:
                    assert not any(spec in own for own in table.values()), spec
                else:
                    assert spec in table[direction], spec
    assert "sit|sits|sitting|sat|seated|siting|sittin" in table["flexion"]
    assert "walk|walking|walks" in table["extension"]


def test_the_times_of_day_are_one_list_for_the_intake_and_the_check_in() -> None:
    assert P.CONTEXT_WORDS["times_of_day"] == frozenset(
        P.TOKEN_CLASSES["MORNING"]["LOWER"]["IN"] + P.TOKEN_CLASSES["EVENING"]["LOWER"]["IN"]
    )
    assert {"morning", "woke", "night", "evenings"} <= P.CONTEXT_WORDS["times_of_day"]


@pytest.mark.parametrize(
    ("activities", "complaint"),
    [
        ({"sitting": {"flexion": ["sit"]}}, "exactly"),
        ({**{c: {"checkin_only": ["x"]} for c in (*CATEGORIES, NOTHING)},
          SITTING: {"sideways": ["sit"]}}, "sideways"),
        ({**{c: {"checkin_only": ["x"]} for c in (*CATEGORIES, NOTHING)},
          SITTING: {"flexion": []}}, "non-empty"),
        ({**{c: {"checkin_only": ["x"]} for c in (*CATEGORIES, NOTHING)},
          SITTING: {"flexion": ["@NOSUCH sit"]}}, "unknown class"),
    ],
)
def test_a_malformed_activity_is_refused_with_where(activities: object, complaint: str) -> None:
    with pytest.raises(P.LexiconError, match=complaint):
        P._activities(activities, P.TOKEN_CLASSES)
