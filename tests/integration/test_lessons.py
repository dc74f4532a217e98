"""/learn and the check-in's lesson: stored per person, never repeated before all are sent."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timezone

from bot.app.terminal import run_command
from bot.content.lessons import LESSON_MORE, LESSONS_ROUND_AGAIN, lessons
from bot.services.lessons import learn, lesson_after_checkin
from bot.store import lessons as store

ZONE = "America/New_York"


def _at(day: int, hour: int) -> datetime:
    return datetime(2025, 11, day, hour, tzinfo=timezone.utc)


def test_learn_sends_each_lesson_once_then_says_they_come_round_again(db_url: str) -> None:
    every = lessons()
    said = [learn("alice").text for _ in every]
    assert said == [lesson.message() for lesson in every]
    assert [s.lesson_id for s in store.lessons_sent("alice")] == [lesson.id for lesson in every]
    again = learn("alice").text
    assert again == f"{LESSONS_ROUND_AGAIN.format(count=len(every))}\n\n{every[0].message()}"
    assert learn("alice").text == every[1].message()


def test_each_person_has_their_own_place_in_the_lessons(db_url: str) -> None:
    learn("alice")
    learn("alice")
    assert learn("bob").text == lessons()[0].message()
    assert [s.lesson_id for s in store.lessons_sent("bob")] == [lessons()[0].id]


def test_the_check_in_sends_one_lesson_a_local_day(db_url: str) -> None:
    # 03:00 UTC on the 5th is still the 4th in New York.
    first = lesson_after_checkin("alice", date(2025, 11, 4), ZONE, now=_at(5, 3))
    assert first == f"{lessons()[0].message()}\n\n{LESSON_MORE}"
    assert lesson_after_checkin("alice", date(2025, 11, 4), ZONE, now=_at(5, 4)) is None
    second = lesson_after_checkin("alice", date(2025, 11, 5), ZONE, now=_at(5, 22))
    assert second is not None and second.startswith(lessons()[1].message())


def test_a_lesson_asked_for_with_learn_counts_for_the_day(db_url: str) -> None:
    learn("alice", now=_at(6, 15))
    assert lesson_after_checkin("alice", date(2025, 11, 6), ZONE, now=_at(6, 23)) is None


def test_the_terminal_answers_learn(db_url: str) -> None:
    said: list[str] = []
    asyncio.run(run_command("/learn", "terminal-alice", input, said.append))
    assert lessons()[0].title in said[0]
    assert [s.lesson_id for s in store.lessons_sent("terminal-alice")] == [lessons()[0].id]
