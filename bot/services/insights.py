"""Step 3 for any channel: what the person's journal shows about what goes with worse
pain, for /history, the handout and the weekly summary.

The completed check-ins are read from the person's own journal (their conversation id
only); what each one said made it worse is grouped into the check-in's categories
(:mod:`bot.nlu.triggers`) each time it is read, so better grouping reaches old answers
too; the arithmetic is :mod:`bot.domain.insights`, the words :mod:`bot.content.insight_texts`.
"""

from __future__ import annotations

from bot.content import insight_texts as words
from bot.domain.insights import CATEGORIES, Insight, TriggerDay, insight
from bot.nlu.triggers import trigger_categories
from bot.store import checkins


def trigger_days(conversation_id: str, url: str | None = None) -> list[TriggerDay]:
    """The completed check-ins with a pain score: the day, the pain, and the categories
    of what the person said made it worse."""
    return [
        TriggerDay(
            day.local_date,
            float(day.pain),
            frozenset(c for c in trigger_categories(day.trigger or "") if c in CATEGORIES),
        )
        for day in checkins.checkins_for(conversation_id, url)
        if day.completed_at is not None and day.pain is not None
    ]


def journal_insight(conversation_id: str, url: str | None = None) -> Insight:
    """What the person's check-ins show so far."""
    return insight(trigger_days(conversation_id, url))


def step3_line(conversation_id: str, url: str | None = None) -> str:
    """/history's Step 3 line: the pattern, that nothing stands out, or how many more
    check-ins it takes."""
    return words.step3_line(journal_insight(conversation_id, url))


def step3_pattern(conversation_id: str, url: str | None = None) -> str | None:
    """The pattern in one sentence for the person's practitioner ("On the 4 days they
    said sitting made it worse, their pain averaged 6.0; ..."), or None while there is
    none (too few days, or no difference of a point or more)."""
    found = journal_insight(conversation_id, url).pattern
    return words.pattern_sentence(found, practitioner=True) if found is not None else None
