"""Step 3's arithmetic: what goes with worse pain in the person's own journal.

The seed asks the person to notice what brings their pain on (Step 3: "noticing what
brings the pain on"). Each daily check-in records the pain (0-10) and what seemed to make
it worse, grouped into the check-in's categories (the buttons of
``utter_ask_checkin_trigger``; free text is grouped by :mod:`bot.nlu.triggers`). From
the completed check-ins, one per local day, each category with at least
:data:`MIN_DAYS` days with it and :data:`MIN_DAYS` without it is compared: the days and
the average pain on each side. The one whose days average the most above the others goes
with worse pain, when that is at least :data:`MIN_DIFFERENCE` points; under that, nothing
is said. It is a comparison of averages, never a cause: the words are in
:mod:`bot.content.insight_texts`.

Also the weekly summary's numbers: the check-ins and average pain of the 7 local days
ending today against the 7 before, and when the summary is due (once a week, from the
seventh day of check-ins on).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

#: The check-in's categories of what made it worse (its buttons' values, in their order).
SITTING: Final = "sitting"
BENDING: Final = "bending or lifting"
STANDING: Final = "standing or walking"
LYING: Final = "lying in bed"
MORNINGS: Final = "mornings"
EVENINGS: Final = "evenings"
Category = Literal[
    "sitting", "bending or lifting", "standing or walking", "lying in bed", "mornings",
    "evenings",
]
CATEGORIES: tuple[Category, ...] = (SITTING, BENDING, STANDING, LYING, MORNINGS, EVENINGS)
#: The button that names nothing; and free text that names none of the categories.
NOTHING: Final = "nothing in particular"
OTHER: Final = "other"

#: Days with a category, and days without it, before the two are compared.
MIN_DAYS = 3
#: A difference in average pain under this many points says nothing.
MIN_DIFFERENCE = 1.0
#: The weekly summary goes out this many days apart (and first on the seventh day).
WEEK = 7

_EPSILON = 1e-9

InsightKind = Literal["pattern", "no_difference", "too_few"]


@dataclass(frozen=True)
class TriggerDay:
    """One completed check-in: its local day, the pain, the categories of what made it
    worse (none for "nothing in particular" or words of no category)."""

    day: date
    pain: float
    categories: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Comparison:
    """The days that named ``categories`` against the other days: how many, and their
    average pain. More than one category only when they were named on the very same days
    ("woke up stiff after a bad night in bed": mornings and lying in bed, every time)."""

    categories: tuple[Category, ...]
    days_with: int
    mean_with: float
    days_without: int
    mean_without: float

    @property
    def difference(self) -> float:
        """How much higher the pain averaged on the days with it (negative: lower)."""
        return self.mean_with - self.mean_without


@dataclass(frozen=True)
class Insight:
    """What the journal shows: the comparison that goes with worse pain (``pattern``), or
    none; every comparison that could be made (``compared``); how many completed check-ins
    there are (``days``) and, while no comparison can be made, how many more it takes at
    the least (``more_needed``)."""

    days: int
    pattern: Comparison | None
    compared: tuple[Comparison, ...]
    more_needed: int

    @property
    def kind(self) -> InsightKind:
        if self.pattern is not None:
            return "pattern"
        return "no_difference" if self.compared else "too_few"


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def one_per_day(days: Iterable[TriggerDay]) -> list[TriggerDay]:
    """Oldest day first, one per local day: the last given for a day wins."""
    latest: dict[date, TriggerDay] = {}
    for day in days:
        latest[day.day] = day
    return [latest[d] for d in sorted(latest)]


def _needed(with_it: int, without: int) -> int:
    return max(0, MIN_DAYS - with_it) + max(0, MIN_DAYS - without)


def _comparisons(days: Sequence[TriggerDay]) -> list[Comparison]:
    """Each category that can be compared; categories named on the very same days are one
    comparison."""
    by_days: dict[frozenset[date], list[Category]] = {}
    for category in CATEGORIES:
        named = frozenset(d.day for d in days if category in d.categories)
        if len(named) >= MIN_DAYS and len(days) - len(named) >= MIN_DAYS:
            by_days.setdefault(named, []).append(category)
    found = []
    for named, categories in by_days.items():
        with_it = [d.pain for d in days if d.day in named]
        without = [d.pain for d in days if d.day not in named]
        found.append(Comparison(tuple(categories), len(with_it), _mean(with_it), len(without),
                                _mean(without)))
    return found


def _order(comparison: Comparison) -> tuple[float, int, int]:
    """Largest difference first; a tie goes to the one named on more days, then to the
    one whose first category comes first among the buttons."""
    return (-round(comparison.difference, 9), -comparison.days_with,
            CATEGORIES.index(comparison.categories[0]))


def insight(days: Iterable[TriggerDay]) -> Insight:
    """What goes with worse pain in these check-ins (see the module's docstring)."""
    daily = one_per_day(days)
    compared = sorted(_comparisons(daily), key=_order)
    if not compared:
        more = min(
            _needed(sum(1 for d in daily if c in d.categories),
                    sum(1 for d in daily if c not in d.categories))
            for c in CATEGORIES
        )
        return Insight(len(daily), None, (), more)
    best = compared[0]
    pattern = best if best.difference + _EPSILON >= MIN_DIFFERENCE else None
    return Insight(len(daily), pattern, tuple(compared), 0)


# ------------------------------------------------------------------ the weekly summary


@dataclass(frozen=True)
class WeekNumbers:
    """The 7 local days ending ``last`` and the 7 before: check-ins and average pain."""

    first: date
    last: date
    checkins: int
    average: float | None
    previous_checkins: int
    previous_average: float | None


def week_numbers(pains: Iterable[tuple[date, float]], today: date) -> WeekNumbers:
    """This week (``today`` and the 6 days before) against the week before, from the
    completed check-ins' pain, one per local day (the last given for a day wins)."""
    daily = dict(pains)
    first = today - timedelta(days=WEEK - 1)
    before = first - timedelta(days=WEEK)
    this = [p for d, p in daily.items() if first <= d <= today]
    last = [p for d, p in daily.items() if before <= d < first]
    return WeekNumbers(
        first, today, len(this), _mean(this) if this else None,
        len(last), _mean(last) if last else None,
    )


def summary_due(first_checkin: date | None, last_summary: date | None, today: date) -> bool:
    """Whether the weekly summary goes out after today's check-in: a week of check-ins
    (the first one 6 days before today or earlier) and the last summary a week ago or
    earlier (today, or any of the 6 days before it, is too soon)."""
    if first_checkin is None or (today - first_checkin).days < WEEK - 1:
        return False
    return last_summary is None or (today - last_summary).days >= WEEK
