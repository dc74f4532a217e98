"""The daily exercise session on any channel (bot.services.session) over the database:
what the person is shown, what each tap stores, the end question and the progression
message, on SQLite and PostgreSQL. Days are in January 2025, at noon UTC."""

from __future__ import annotations

from datetime import date, datetime, timezone

from bot.content import session_texts as words
from bot.content.texts import NO_PLAN_YET, PLAN_PAUSED
from bot.services import commands, session
from bot.store import journal, sessions


def noon(day: int) -> datetime:
    return datetime(2025, 1, day, 12, tzinfo=timezone.utc)


def plan(who: str, step: int = 2, regimen: str = "stabilisation", aerobic: bool = False,
         next_regimen: str | None = None) -> None:
    journal.record_recommendation(
        who, step=step, regimen=regimen, next_regimen=next_regimen, aerobic=aerobic,
        rule="test", message="plan",
    )


def do_session(who: str, day: int, outcome: str = "Done", pain: str = "Same",
               leg: str | None = None) -> str:
    """Ask for the day's session and tap ``outcome`` on every exercise, then ``pain`` (and
    ``leg``); return the last thing said."""
    reply = session.start_session(who, now=noon(day))
    assert reply.cards, reply.text
    tap = None
    for card in reply.cards:
        data = {b.title: b.data for b in card.buttons}[outcome]
        tap = session.answer_tap(who, data, now=noon(day))
    assert tap is not None and tap.question is not None
    tap = session.answer_tap(who, _data(tap.question, pain), now=noon(day))
    if leg is not None:
        assert tap.question is not None and tap.question.text == words.LEG_QUESTION
        tap = session.answer_tap(who, _data(tap.question, leg), now=noon(day))
    assert tap.question is None and len(tap.messages) == 1
    return tap.messages[0]


def _data(question: session.Question, title: str) -> str:
    return {b.title: b.data for b in question.buttons}[title]


def test_no_plan_no_session_and_a_red_flag_pauses_it(db_url: str) -> None:
    assert session.start_session("alice", now=noon(6)).text == NO_PLAN_YET
    plan("alice")
    journal.record_safety_event("alice", "red_flag", "cauda_equina", "numb")
    paused = session.start_session("alice", now=noon(6))
    assert (paused.text, paused.cards) == (PLAN_PAUSED, ())
    assert sessions.sessions_for("alice") == []
    journal.record_safety_event("alice", "assessed", None, "seen by my GP")
    assert session.start_session("alice", now=noon(6)).cards


def test_a_whole_session_is_shown_stored_and_answered(db_url: str) -> None:
    plan("alice", regimen="stabilisation", aerobic=True)
    reply = session.start_session("alice", now=noon(6))
    assert reply.text.startswith(
        "Today's session: level 1 of 5 of your lumbar stabilisation exercises, 2 exercises."
    )
    assert words.SESSION_INTRO_AEROBIC in reply.text
    names = [c.exercise.name for c in reply.cards]
    assert names == ["Tummy brace", "Pelvic tilt", "Brisk walking"]
    first = reply.cards[0]
    assert first.text.startswith("Tummy brace\n")
    assert "Level 1: 10 times, hold 10 seconds each time" in first.text
    assert "\n1. Lie on your back" in first.text
    assert "This week: 15 minutes, on 3 days" in reply.cards[2].text
    assert all(len(c.text) <= 1024 for c in reply.cards)  # a Telegram caption
    assert [b.title for b in first.buttons] == ["Done", "Partly", "Skip", "It hurt"]
    assert all(len(b.data.encode()) <= 64 for c in reply.cards for b in c.buttons)
    assert reply.question is None

    taps = [session.answer_tap("alice", {b.title: b.data for b in c.buttons}[t])
            for c, t in zip(reply.cards, ("Done", "Partly", "Skip"), strict=True)]
    assert [t.ack for t in taps] == ["Noted: done.", "Noted: partly done.", "Noted: skipped."]
    assert taps[0].question is None and taps[2].question is not None
    assert taps[2].question.text == words.PAIN_QUESTION
    assert [b.title for b in taps[2].question.buttons] == ["Better", "Same", "Worse"]
    end = session.answer_tap("alice", _data(taps[2].question, "Better"))
    [message] = end.messages
    assert message == (
        "1 of 2 exercises done, pain better during the session. 3 more sessions done in full "
        "with pain no worse will move you up to level 2 (you're at level 1)."
    )
    [stored] = sessions.sessions_for("alice")
    assert (stored.local_date, stored.regimen, stored.level, stored.status) == (
        date(2025, 1, 6), "stabilisation", 1, "complete"
    )
    assert [(r.exercise_id, r.outcome) for r in stored.results] == [
        ("abdominal_bracing", "done"), ("pelvic_tilt", "partly"), ("brisk_walking", "skip"),
    ]
    assert (stored.pain_during, stored.change, stored.next_level, stored.message) == (
        "better", "stay", 1, message
    )
    again = session.start_session("alice", now=noon(6))
    assert again.cards == () and message in again.text and "tomorrow" in again.text


def test_three_sessions_done_move_up_a_level_and_it_hurting_moves_down(db_url: str) -> None:
    plan("bob")
    assert "2 more sessions" in do_session("bob", 6)
    assert "1 more session done" in do_session("bob", 7)
    assert do_session("bob", 8) == (
        "3 sessions done with pain no worse: moving you up to level 2 of 5."
    )
    level2 = session.start_session("bob", now=noon(9))
    assert "level 2 of 5" in level2.text
    assert [c.exercise.id for c in level2.cards] == [
        "abdominal_bracing", "pelvic_tilt", "bridge", "supine_march",
    ]
    session.answer_tap("bob", level2.cards[0].buttons[0].data)
    for card in level2.cards[1:]:
        tap = session.answer_tap("bob", card.buttons[3].data)  # It hurt
    assert tap.question is not None
    message = session.answer_tap("bob", _data(tap.question, "Same")).messages[0]
    assert message.startswith("It hurt during 3 of 4 exercises: back to level 1 of 5")
    assert [s.next_level for s in sessions.sessions_for("bob")] == [1, 1, 2, 1]
    # At level 1, what hurt (pelvic tilt) is left out while another exercise is there.
    assert [c.exercise.id for c in session.start_session("bob", now=noon(10)).cards] == [
        "abdominal_bracing"
    ]


def test_mckenzie_asks_about_the_leg_and_pain_down_it_stops_progression(db_url: str) -> None:
    plan("carol", regimen="mckenzie")
    do_session("carol", 6, leg="No")
    message = do_session("carol", 7, leg="Yes")
    assert "moved down your leg" in message and "tell your clinician" in message
    assert "⚠" not in message
    last = sessions.sessions_for("carol")[-1]
    assert (last.leg_pain_moved, last.change, last.next_level) == (True, "stop", 1)
    # The run starts again from nothing: two good sessions do not move her up yet.
    assert "2 more sessions" in do_session("carol", 8, leg="No")
    assert "1 more session done" in do_session("carol", 9, leg="No")


def test_step_1_is_the_routine_to_show_and_the_stretching_question(db_url: str) -> None:
    plan("dan", step=1, regimen="passive_stretching", next_regimen="stabilisation")
    reply = session.start_session("dan", now=noon(6))
    assert reply.text.startswith("Step 1 is stretching done for you by a professional")
    assert len(reply.cards) == 6 and all(c.buttons == () for c in reply.cards)
    assert all(words.CAPTION_PRACTITIONER in c.text for c in reply.cards)
    assert reply.question is not None and reply.question.text == words.STRETCH_QUESTION
    said = session.answer_tap("dan", _data(reply.question, "Yes")).messages
    assert said == ("Good: 1 stretching session with your practitioner so far. Keep the "
                    "routine handy.",)
    reply = session.start_session("dan", now=noon(7))
    assert reply.question is not None
    said = session.answer_tap("dan", _data(reply.question, "No")).messages
    assert "(1 stretching session with your practitioner so far)" in said[0]
    assert [s.stretched for s in sessions.sessions_for("dan")] == [True, False]


def test_forged_stale_and_repeated_taps_get_a_kind_reply_and_change_nothing(
    db_url: str
) -> None:
    plan("erin")
    plan("frank")
    mine = session.start_session("erin", now=noon(6))
    data = mine.cards[0].buttons[0].data
    for forged in ("ex:", "ex:x:y:z", "ex:1:0:q", "se:1:p:zzz", "ex:999999:0:d", "nonsense",
                   data.replace(":0:", ":99:")):
        reply = session.answer_tap("erin", forged)
        assert reply.messages == (words.STALE_BUTTON,), forged
    assert session.answer_tap("frank", data).messages == (words.STALE_BUTTON,)  # not his
    assert session.answer_tap("erin", data).ack == "Noted: done."
    assert session.answer_tap("erin", mine.cards[0].buttons[3].data).ack == words.ANSWERED_BEFORE
    [stored] = sessions.sessions_for("erin")
    assert [r.outcome for r in stored.results] == ["done", None]
    assert sessions.sessions_for("frank") == []
    # Asked again mid-way: only what is left, then the end question after it.
    rest = session.start_session("erin", now=noon(6))
    assert rest.text == words.SESSION_CARRY_ON.format(answered=1, count=2)
    assert [c.exercise.id for c in rest.cards] == ["pelvic_tilt"]
    tap = session.answer_tap("erin", rest.cards[0].buttons[0].data)
    assert tap.question is not None
    pain = _data(tap.question, "Worse")
    session.answer_tap("erin", pain)
    # The session is over: its buttons are stale now.
    assert session.answer_tap("erin", pain).messages == (words.STALE_BUTTON,)
    assert session.answer_tap("erin", data).messages == (words.STALE_BUTTON,)


def test_export_has_each_session_and_delete_erases_them(db_url: str) -> None:
    plan("gina", regimen="mckenzie")
    do_session("gina", 6, outcome="It hurt", pain="Worse", leg="No")
    csv_text = (commands.export_journal("gina").file or b"").decode("utf-8-sig")
    [line] = [row for row in csv_text.splitlines() if "exercise session" in row]
    assert "2025-01-06" in line and "McKenzie exercises, level 1" in line
    assert "Lying face down: hurt" in line
    assert "pain during: worse" in csv_text and "pain moved down the leg: no" in csv_text
    assert commands.delete_everything("gina").text
    assert sessions.sessions_for("gina") == []
