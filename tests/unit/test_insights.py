"""Step 3's arithmetic: what goes with worse pain, and the weekly summary's numbers, table
by table."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from bot.content import insight_texts as words
from bot.domain.insights import (
    BENDING,
    CATEGORIES,
    EVENINGS,
    LYING,
    MORNINGS,
    SITTING,
    STANDING,
    Comparison,
    TriggerDay,
    insight,
    one_per_day,
    summary_due,
    week_numbers,
)

MON = date(2025, 11, 3)


def day(offset: int) -> date:
    return MON + timedelta(days=offset)


def journal(*rows: tuple[float, tuple[str, ...]]) -> list[TriggerDay]:
    """One check-in a day from MON: pain and the categories named."""
    return [TriggerDay(day(i), pain, frozenset(named)) for i, (pain, named) in enumerate(rows)]


S, B, N = (SITTING,), (BENDING,), ()

# The brief's example: 4 days sitting averaging 6.0, 5 other days averaging 4.2.
EXAMPLE = journal((6, S), (4, N), (7, S), (4, B), (5, S), (5, N), (6, S), (4, N), (4, B))


@pytest.mark.parametrize(
    ("days", "kind", "categories", "numbers", "more"),
    [
        # No check-ins, a few, not yet 3 and 3: how many more it takes at the least.
        ([], "too_few", None, None, 6),
        (journal((5, S)), "too_few", None, None, 5),
        (journal((5, S), (6, S), (7, S)), "too_few", None, None, 3),
        (journal((5, S), (6, S), (7, S), (2, N), (2, N)), "too_few", None, None, 1),
        # Every day names the same thing: nothing to compare it with.
        (journal(*[(6, S)] * 8), "too_few", None, None, 3),
        # Never anything named: 3 days naming the same thing still to come.
        (journal(*[(6, N)] * 8), "too_few", None, None, 3),
        # 3 and 3, a clear difference: the pattern, with its numbers.
        (journal((6, S), (7, S), (8, S), (4, N), (4, N), (4, N)), "pattern", S,
         (3, 7.0, 3, 4.0), 0),
        (EXAMPLE, "pattern", S, (4, 6.0, 5, 4.2), 0),
        # Exactly 1 point counts; just under it says nothing.
        (journal((5, S), (5, S), (5, S), (4, N), (4, N), (4, N)), "pattern", S,
         (3, 5.0, 3, 4.0), 0),
        (journal((5, S), (5, S), (4.9, S), (4, N), (4, N), (4, N)), "no_difference", None,
         None, 0),
        # No difference at all, and a category with lower pain: nothing goes with worse.
        (journal((5, S), (5, S), (5, S), (5, N), (5, N), (5, N)), "no_difference", None,
         None, 0),
        (journal((2, S), (2, S), (2, S), (6, N), (6, N), (6, N)), "no_difference", None,
         None, 0),
        # Two categories: the larger difference wins.
        (journal((7, S), (7, S), (7, S), (6, B), (6, B), (6, B), (3, N), (3, N), (3, N)),
         "pattern", S, (3, 7.0, 6, 4.5), 0),
        # A tie in difference (2 points each) goes to the category named on more days ...
        (journal((9, S), (9, S), (9, S), (9, B), (9, B), (9, B), (8, B), (0, N)),
         "pattern", B, (4, 8.75, 4, 6.75), 0),
        # ... and, named as often, to the first of the buttons.
        (journal((7, B), (7, B), (7, B), (7, S), (7, S), (7, S), (3, N), (3, N), (3, N)),
         "pattern", S, (3, 7.0, 6, 5.0), 0),
        # Named on the very same days ("woke up stiff in bed"): one finding, both named.
        (journal((7, (LYING, MORNINGS)), (7, (LYING, MORNINGS)), (6, (LYING, MORNINGS)),
                 (3, N), (4, N), (3, (EVENINGS,))),
         "pattern", (LYING, MORNINGS), (3, 6.67, 3, 3.33), 0),
    ],
)
def test_what_goes_with_worse_pain(
    days: list[TriggerDay], kind: str, categories: tuple[str, ...] | None,
    numbers: tuple[int, float, int, float] | None, more: int,
) -> None:
    found = insight(days)
    assert found.kind == kind
    assert found.more_needed == more
    if categories is None:
        assert found.pattern is None
        return
    pattern = found.pattern
    assert pattern is not None and pattern.categories == categories
    with_days, with_mean, without_days, without_mean = numbers  # type: ignore[misc]
    assert (pattern.days_with, pattern.days_without) == (with_days, without_days)
    assert round(pattern.mean_with, 2) == pytest.approx(with_mean, abs=0.01)
    assert round(pattern.mean_without, 2) == pytest.approx(without_mean, abs=0.01)


def test_one_check_in_a_day_the_last_given_wins() -> None:
    days = [TriggerDay(day(0), 9, frozenset(S)), TriggerDay(day(0), 5, frozenset()),
            TriggerDay(day(1), 4)]
    assert [d.pain for d in one_per_day(reversed(days))] == [9, 4]
    assert [d.pain for d in one_per_day(days)] == [5, 4]
    assert insight(days).days == 2


def test_every_comparison_that_could_be_made_is_kept() -> None:
    found = insight(journal((7, S), (7, S), (7, S), (6, B), (6, B), (6, B), (3, N), (3, N),
                            (3, N)))
    assert [c.categories for c in found.compared] == [S, B]
    assert isinstance(found.compared[1], Comparison)
    assert round(found.compared[1].difference, 2) == 1.0


def test_a_day_of_several_categories_counts_for_each() -> None:
    days = journal((7, (SITTING, STANDING)), (7, S), (7, (STANDING,)), (7, (STANDING,)),
                   (4, N), (4, S), (4, N))
    found = insight(days)
    by = {c.categories: c for c in found.compared}
    assert (by[S].days_with, by[S].days_without) == (3, 4)
    assert (by[(STANDING,)].days_with, by[(STANDING,)].days_without) == (3, 4)
    assert found.pattern is not None and found.pattern.categories == (STANDING,)


@pytest.mark.parametrize(
    ("pains", "numbers"),
    [
        # Sun 9 Nov: this week is Mon 3 to Sun 9, the week before Mon 27 Oct to Sun 2 Nov.
        ([(0, 6), (2, 5), (6, 4)], (3, 5.0, 0, None)),
        ([(-7, 8), (-1, 6), (0, 4), (6, 2)], (2, 3.0, 2, 7.0)),
        ([(-8, 9), (-14, 9)], (0, None, 0, None)),  # older than two weeks
        ([(6, 3), (6, 5)], (1, 5.0, 0, None)),  # one a day: the last given
    ],
)
def test_the_weeks_numbers(pains: list[tuple[int, float]],
                           numbers: tuple[int, float | None, int, float | None]) -> None:
    week = week_numbers([(day(d), p) for d, p in pains], day(6))
    assert (week.first, week.last) == (day(0), day(6))
    assert (week.checkins, week.average, week.previous_checkins,
            week.previous_average) == numbers


@pytest.mark.parametrize(
    ("first", "last", "today", "due"),
    [
        (None, None, 6, False),  # no check-in yet
        (0, None, 5, False),  # six days of check-ins
        (0, None, 6, True),  # the seventh day
        (0, None, 20, True),  # late: whenever the next check-in comes
        (0, 6, 12, False),  # a week after the last one ...
        (0, 6, 13, True),  # ... is the seventh day after it
        (0, 6, 6, False),  # never twice a day
    ],
)
def test_the_summary_goes_once_a_week(
    first: int | None, last: int | None, today: int, due: bool
) -> None:
    assert summary_due(
        day(first) if first is not None else None, day(last) if last is not None else None,
        day(today),
    ) is due


# ------------------------------------------------------------------------- the words

CAUSAL = re.compile(r"\b(because|caus\w*|due to|leads? to|led to|results? in|so that)\b", re.I)


def _every_insight_text() -> list[str]:
    """Each kind of Step 3 line and of weekly summary, for every category."""
    found = [insight(journal(*[(7, (c,))] * 3, *[(3, N)] * 3)) for c in CATEGORIES]
    found += [insight(journal((7, (LYING, MORNINGS)), (7, (LYING, MORNINGS)),
                              (7, (LYING, MORNINGS)), (3, N), (3, N), (3, N))),
              insight([]), insight(journal((5, S))),
              insight(journal((5, S), (5, S), (5, S), (5, B), (5, B), (5, B)))]
    lines = [words.step3_line(f) for f in found]
    weeks = [week_numbers(p, day(13)) for p in (
        [(day(7), 4), (day(13), 5), (day(0), 6)], [(day(7), 6), (day(0), 5)],
        [(day(7), 5), (day(0), 5)], [(day(13), 5)], [])]
    lines += [words.weekly_summary(w, f, "Mon 10 Nov", "Sun 16 Nov") for w in weeks
              for f in found[:1] + found[-3:]]
    return lines


def test_the_words_never_say_cause_nor_carry_a_safety_mark() -> None:
    said = _every_insight_text()
    assert len(said) == 30
    assert [t for t in said if CAUSAL.search(t) or "🚨" in t or "⚠" in t] == []


@pytest.mark.parametrize(
    ("category", "sentence"),
    [
        (SITTING, "On the 3 days you said sitting made it worse, your pain averaged 7.0; on "
                  "the other 3 days, 3.0."),
        (MORNINGS, "On the 3 days you said it was worse in the mornings, your pain averaged "
                   "7.0; on the other 3 days, 3.0."),
    ],
)
def test_the_pattern_in_one_sentence(category: str, sentence: str) -> None:
    found = insight(journal(*[(7, (category,))] * 3, *[(3, N)] * 3)).pattern
    assert found is not None and words.pattern_sentence(found) == sentence


def test_categories_named_on_the_same_days_are_named_together() -> None:
    found = insight(journal(*[(7, (LYING, MORNINGS))] * 3, *[(3, N)] * 3)).pattern
    assert found is not None
    assert words.pattern_sentence(found).startswith(
        'On the 3 days you named "lying in bed" and "mornings", your pain averaged 7.0'
    )


@pytest.mark.parametrize(
    ("pains", "line"),
    [
        ([(7, 4), (13, 5), (0, 6)], "Average pain: 4.5 this week, down from 6.0 the week before."),
        ([(7, 6), (0, 5)], "Average pain: 6.0 this week, up from 5.0 the week before."),
        ([(7, 5.04), (0, 5)], "Average pain: 5.0 this week, the same as the week before."),
        ([(13, 5)], "Average pain: 5.0 this week (no check-ins the week before)."),
    ],
)
def test_the_weeks_pain_against_the_week_before(pains: list[tuple[int, float]],
                                                line: str) -> None:
    week = week_numbers([(day(d), p) for d, p in pains], day(13))
    text = words.weekly_summary(week, insight([]), "Mon 10 Nov", "Sun 16 Nov")
    assert text.splitlines()[2] == line
