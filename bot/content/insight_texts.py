"""The words of Step 3's insight (what goes with worse pain, in /history, the handout and
the weekly summary) and of the weekly summary itself.

Never a cause: the days the person named something against the other days, with the
averages ("On the 4 days you said sitting made it worse, your pain averaged 6.0; on the
other 5 days, 4.2."). No safety mark (🚨, ⚠️): those are for warnings only.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.insights import (
    BENDING,
    EVENINGS,
    LYING,
    MIN_DAYS,
    MORNINGS,
    SITTING,
    STANDING,
    WEEK,
    Comparison,
    Insight,
    WeekNumbers,
)

#: What the person said, after "On the 4 days {who} said ".
SAID = {
    SITTING: "sitting made it worse",
    BENDING: "bending or lifting made it worse",
    STANDING: "standing or walking made it worse",
    LYING: "lying in bed made it worse",
    MORNINGS: "it was worse in the mornings",
    EVENINGS: "it was worse in the evenings",
}
#: Several categories named on the very same days.
SAID_SEVERAL = "{who} named {names}"
SAID_ONE = "{who} said {said}"
PATTERN = (
    "On the {days_with} days {said}, {whose} pain averaged {mean_with}; on the other "
    "{days_without} days, {mean_without}."
)
#: Who said it and whose pain, to the person and (in the handout) to their practitioner.
TO_THE_PERSON = ("you", "your")
TO_THE_PRACTITIONER = ("they", "their")
STEP3_LINE = "Step 3 pattern: {text}"
TOO_FEW = (
    "at least {count} more {checkins}, then I can show what goes with worse pain (it takes "
    "{least} days that name the same thing and {least} that don't)."
)
CHECKINS = ("check-in", "check-ins")
NO_DIFFERENCE = (
    "nothing stands out yet: over your {count} check-ins, pain on the days you named "
    "{names} was not a point or more above the other days."
)

WEEKLY_TITLE = "Your week, {first} to {last}:"
WEEKLY_CHECKINS = "Check-ins: {count} of the {days} days."
WEEKLY_DOWN = "Average pain: {now} this week, down from {before} the week before."
WEEKLY_UP = "Average pain: {now} this week, up from {before} the week before."
WEEKLY_SAME = "Average pain: {now} this week, the same as the week before."
WEEKLY_NO_BEFORE = "Average pain: {now} this week (no check-ins the week before)."
WEEKLY_NONE = "Average pain: no check-ins this week."
WEEKLY_MORE = "Send /history any time for the chart and these lines."


def average(pain: float) -> str:
    """An average pain as the insight writes it: one decimal ("6.0", "4.2")."""
    return f"{pain:.1f}"


def _joined(items: Sequence[str], word: str) -> str:
    """Categories named in a sentence, each in quotes (some hold an "or" of their own):
    '"a"', '"a" or "b"', '"a", "b" or "c"' (``word``: "or", "and")."""
    quoted = [f'"{item}"' for item in items]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {word} {quoted[-1]}"


def pattern_sentence(found: Comparison, *, practitioner: bool = False) -> str:
    """The finding in one sentence, with its counts and averages: to the person ("you
    said ..., your pain ..."), or about them to their ``practitioner`` ("they said ...,
    their pain ...")."""
    who, whose = TO_THE_PRACTITIONER if practitioner else TO_THE_PERSON
    if len(found.categories) == 1:
        said = SAID_ONE.format(who=who, said=SAID[found.categories[0]])
    else:
        said = SAID_SEVERAL.format(who=who, names=_joined(found.categories, "and"))
    return PATTERN.format(
        days_with=found.days_with, said=said, whose=whose, mean_with=average(found.mean_with),
        days_without=found.days_without, mean_without=average(found.mean_without),
    )


def step3_line(found: Insight) -> str:
    """The Step 3 line of /history and the weekly summary: the finding, that nothing
    stands out, or how many more check-ins it takes."""
    if found.pattern is not None:
        return STEP3_LINE.format(text=pattern_sentence(found.pattern))
    if found.compared:
        names = [c for comparison in found.compared for c in comparison.categories]
        text = NO_DIFFERENCE.format(count=found.days, names=_joined(names, "or"))
    else:
        checkins = CHECKINS[0] if found.more_needed == 1 else CHECKINS[1]
        text = TOO_FEW.format(count=found.more_needed, checkins=checkins, least=MIN_DAYS)
    return STEP3_LINE.format(text=text)


def _pain_line(week: WeekNumbers) -> str:
    if week.average is None:
        return WEEKLY_NONE
    now = average(week.average)
    if week.previous_average is None:
        return WEEKLY_NO_BEFORE.format(now=now)
    before = average(week.previous_average)
    if now == before:
        return WEEKLY_SAME.format(now=now)
    template = WEEKLY_DOWN if week.average < week.previous_average else WEEKLY_UP
    return template.format(now=now, before=before)


def weekly_summary(week: WeekNumbers, found: Insight, first: str, last: str) -> str:
    """The weekly summary's text (the chart goes with it): the week's check-ins, its
    average pain against the week before's, and the Step 3 line. ``first`` and ``last``
    are the week's days as the person reads them."""
    return "\n".join([
        WEEKLY_TITLE.format(first=first, last=last),
        WEEKLY_CHECKINS.format(count=week.checkins, days=WEEK),
        _pain_line(week),
        step3_line(found),
        WEEKLY_MORE,
    ])
