"""The weekly summary, for any channel: once a week, after a check-in, the pain chart, the
week's numbers (check-ins, average pain against the week before) and the Step 3 line.

It goes out after the check-in of the seventh local day of check-ins, then a week (or
more) after the last one (:func:`bot.domain.insights.summary_due`), never while the plan
is paused for a warning sign. It is recorded before it goes out, one per person and local
day, so it is not sent twice. The chart is asked of the channel with
:data:`CHART_MESSAGE` (a Rasa custom message, sent before the text): Telegram sends the
/history chart as a photo, the terminal saves it and says where.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.content import insight_texts as words
from bot.content.trend_messages import format_dates
from bot.domain.insights import insight, summary_due, week_numbers
from bot.domain.pause import plan_paused
from bot.services import history
from bot.services.insights import trigger_days
from bot.store import journal, summaries

#: The custom message that asks the channel for the person's /history chart.
CHART_MESSAGE: dict[str, str] = {"backstep_chart": "history"}


def is_chart_message(custom: Any) -> bool:
    """Whether a reply's custom payload asks for the chart."""
    return isinstance(custom, dict) and custom.get("backstep_chart") == "history"


def chart_png(conversation_id: str) -> bytes | None:
    """The person's /history chart as a PNG (None when there is nothing to draw)."""
    return history.history_report(conversation_id).png


def weekly_summary_after_checkin(
    conversation_id: str, today: date, *, now: datetime | None = None, url: str | None = None
) -> str | None:
    """The summary's text when one is due after today's check-in (and recorded as sent),
    else None. ``today`` is the person's local day of the check-in."""
    if plan_paused([e.kind for e in journal.safety_events_for(conversation_id, url)]):
        return None
    days = trigger_days(conversation_id, url)
    sent = summaries.summaries_for(conversation_id, url)
    first = min((d.day for d in days), default=None)
    last = max((s.local_date for s in sent), default=None)
    if not summary_due(first, last, today):
        return None
    week = week_numbers([(d.day, d.pain) for d in days], today)
    text = words.weekly_summary(
        week, insight(days), format_dates([week.first]), format_dates([week.last])
    )
    if not summaries.record_summary(conversation_id, today, text, now=now, url=url):
        return None
    return text
