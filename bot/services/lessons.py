"""Short lessons, for any channel: /learn sends one now, and the daily check-in ends with
one when none has gone out that day.

Lessons go out in the file's order (:mod:`bot.content.lessons`), and none is sent again
until every one has been: the journal keeps which went to whom.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime

from bot.content.lessons import LESSON_MORE, LESSONS_ROUND_AGAIN, Lesson, lessons
from bot.services.commands import Reply
from bot.services.history_data import local_day
from bot.store import checkins
from bot.store import lessons as store


def next_lesson(every: Sequence[Lesson], sent: Sequence[str]) -> tuple[Lesson, bool]:
    """The lesson to send after ``sent`` (ids, oldest first): the first one sent least
    often; and whether it begins a new round (every lesson already sent as often)."""
    counts = Counter(lesson_id for lesson_id in sent)
    times = [counts[lesson.id] for lesson in every]
    fewest = min(times)
    chosen = every[times.index(fewest)]
    return chosen, fewest > 0 and all(t == fewest for t in times)


def _send(conversation_id: str, now: datetime | None) -> str:
    every = lessons()
    sent = [s.lesson_id for s in store.lessons_sent(conversation_id)]
    lesson, again = next_lesson(every, sent)
    store.record_lesson(conversation_id, lesson.id, now=now)
    message = lesson.message()
    return f"{LESSONS_ROUND_AGAIN.format(count=len(every))}\n\n{message}" if again else message


def learn(conversation_id: str, *, now: datetime | None = None) -> Reply:
    """/learn: the next lesson, now."""
    return Reply(_send(conversation_id, now))


def lesson_after_checkin(
    conversation_id: str, today: date, tz: str, *, now: datetime | None = None
) -> str | None:
    """The check-in's lesson: the next one, unless one was sent on the person's ``today``."""
    for sent in store.lessons_sent(conversation_id):
        if local_day(sent.created_at, tz) == today:
            return None
    return f"{_send(conversation_id, now or checkins.utcnow())}\n\n{LESSON_MORE}"
