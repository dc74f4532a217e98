"""Where the person stands with their exercises, as /plan and /history say it: the
regimen, the level, the sessions done and the latest change, from the journal."""

from __future__ import annotations

from datetime import datetime, timezone

from bot.services import session
from bot.services.exercise_status import exercise_status
from bot.store import journal


def noon(day: int) -> datetime:
    return datetime(2025, 1, day, 12, tzinfo=timezone.utc)


def plan(who: str, regimen: str, step: int = 2) -> None:
    journal.record_recommendation(
        who, step=step, regimen=regimen, next_regimen=None, aerobic=False, rule="test",
        message="plan",
    )


def tap_all(who: str, day: int, outcome: str, end: list[str]) -> str:
    """Today's session, ``outcome`` on every card, then the end answers; the last message."""
    reply = session.start_session(who, now=noon(day))
    tap = None
    for card in (c for c in reply.cards if c.buttons):
        tap = session.answer_tap(who, {b.title: b.data for b in card.buttons}[outcome],
                                 now=noon(day))
    question = tap.question if tap is not None else reply.question
    said: list[str] = []
    for title in end:
        assert question is not None
        tap = session.answer_tap(who, {b.title: b.data for b in question.buttons}[title],
                                 now=noon(day))
        question, said = tap.question, list(tap.messages)
    return said[-1]


def test_no_plan_says_nothing(db_url: str) -> None:
    assert exercise_status("nobody") is None


def test_before_the_first_session_it_points_to_session(db_url: str) -> None:
    plan("bea", "stabilisation")
    assert exercise_status("bea") == (
        "Your exercises: lumbar stabilisation exercises, level 1 of 5. No session yet: send "
        "/session for today's, with pictures."
    )


def test_three_good_sessions_move_up_and_say_when_and_why(db_url: str) -> None:
    plan("cal", "stabilisation")
    for day in (1, 2, 3):
        last = tap_all("cal", day, "Done", ["Same"])
    status = exercise_status("cal")
    assert status is not None
    lines = status.splitlines()
    assert lines[0] == (
        "Your exercises: lumbar stabilisation exercises, level 2 of 5; 3 sessions done, the "
        "last on Fri 3 Jan."
    )
    assert lines[1] == f"Last change, Fri 3 Jan: {last}"
    assert "level 2" in last
    # a session that hurt steps back down, and that is now the last change
    hurt = tap_all("cal", 4, "It hurt", ["Worse"])
    lines = (exercise_status("cal") or "").splitlines()
    assert lines[0].startswith("Your exercises: lumbar stabilisation exercises, level 1 of 5;")
    assert lines[1] == f"Last change, Sat 4 Jan: {hurt}"


def test_a_session_left_half_done_is_not_counted(db_url: str) -> None:
    plan("dot", "mckenzie")
    reply = session.start_session("dot", now=noon(6))
    first = reply.cards[0]
    session.answer_tap("dot", {b.title: b.data for b in first.buttons}["Done"], now=noon(6))
    assert (exercise_status("dot") or "").startswith(
        "Your exercises: McKenzie exercises, level 1 of 4. No session yet"
    )


def test_step_1_counts_stretching_sessions_with_the_practitioner(db_url: str) -> None:
    plan("eve", "passive_stretching", step=1)
    assert exercise_status("eve") == (
        "Stretching with your practitioner: 0 sessions so far. Send /session for the routine "
        "to show them."
    )
    tap_all("eve", 7, "Done", ["Yes"])
    tap_all("eve", 8, "Done", ["No"])
    assert (exercise_status("eve") or "").startswith(
        "Stretching with your practitioner: 1 session so far."
    )


def test_history_ends_with_where_the_exercises_stand(db_url: str) -> None:
    from bot.services.history import history_report

    journal.record_answer("fay", "pain_score", 5, "5")
    plan("fay", "mckenzie")
    tap_all("fay", 2, "Done", ["Same", "No"])
    report = history_report("fay")
    assert report.summary.splitlines()[-1] == (
        "Your exercises: McKenzie exercises, level 1 of 4; 1 session done, the last on Thu 2 Jan."
    )
