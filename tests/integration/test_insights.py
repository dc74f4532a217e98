"""Step 3 as the person sees it: the pattern in /history, in the handout's PDF and in the
weekly summary (sent once a week after a check-in, never while the plan is paused), and
what is stored (the summaries, in /export, gone with /delete), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from telegram import Bot

from actions.checkin import ActionCheckinDone
from bot import settings
from bot.content import handout_texts
from bot.content.lessons import LESSON_MORE
from bot.content.session_texts import SESSION_OFFER
from bot.services import commands, export, handout, history, weekly
from bot.store import checkins, erasure, journal, summaries
from bot.telegram.delivery import send_reply
from tests.support.botapi import BotApiEmulator
from tests.support.pdf import text_of
from tests.support.trackers import DOMAIN

MON = date(2025, 11, 3)
ZONE = "Europe/London"
MARKS = ("🚨", "⚠")
#: Nine completed check-ins: pain and what the person said made it worse, in their words.
JOURNAL = [
    (6, "sat at my desk all day"),
    (4, "nothing in particular"),
    (7, "long drive"),
    (4, "hoovering"),
    (5, "sitting"),
    (5, "the weather"),
    (6, "a long meeting, sitting through it"),
    (4, "no idea"),
    (4, "picked up my toddler"),
]
PATTERN = (
    "On the 4 days you said sitting made it worse, your pain averaged 6.0; on the other 5 "
    "days, 4.2."
)


def _utc(days: int, hour: int = 19) -> datetime:
    return datetime.combine(MON + timedelta(days=days), time(hour), tzinfo=timezone.utc)


def _checkin(person: str, days: int, pain: float, trigger: str | None,
             complete: bool = True) -> None:
    day = MON + timedelta(days=days)
    checkins.record_checkin_answer(person, "checkin_pain", pain, str(pain), local_date=day)
    if trigger is not None:
        checkins.record_checkin_answer(person, "checkin_trigger", trigger, trigger,
                                       local_date=day)
    if complete:
        checkins.complete_checkin(person, day, now=_utc(days))


def _person(person: str, rows: list[tuple[float, str]] = JOURNAL) -> None:
    """An intake, a plan, and a completed check-in a day from MON for each row."""
    checkins.set_schedule(person, time(19, 0), ZONE, now=_utc(0, 8))
    journal.record_answer(person, "pain_score", 6, "6")
    journal.record_recommendation(
        person, step=2, regimen="mckenzie", next_regimen=None, aerobic=False,
        rule="flexion_pain_mckenzie", message="Step 2 now: McKenzie exercises.",
    )
    for days, (pain, trigger) in enumerate(rows):
        _checkin(person, days, pain, trigger)


# ----------------------------------------------------------------------- /history


def test_history_shows_what_goes_with_worse_pain(db_url: str) -> None:
    _person("alice")
    _checkin("alice", 9, 9, "sitting", complete=False)  # unfinished: not counted
    lines = history.history_report("alice").summary.splitlines()
    assert len(lines) == 5  # pain, plan, referrals, the pattern, the exercises
    assert lines[3] == f"Step 3 pattern: {PATTERN}"
    assert commands.show_history("alice").text.splitlines()[3] == lines[3]


def test_with_too_few_days_history_says_how_many_more_check_ins(db_url: str) -> None:
    _person("bob", JOURNAL[:2])
    assert history.history_report("bob").summary.splitlines()[3] == (
        "Step 3 pattern: at least 4 more check-ins, then I can show what goes with worse "
        "pain (it takes 3 days that name the same thing and 3 that don't)."
    )
    _person("carol", [(5, "sitting"), (6, "sitting"), (5, "sitting"), (5, "no"), (4, "no")])
    assert history.history_report("carol").summary.splitlines()[3].startswith(
        "Step 3 pattern: at least 1 more check-in, then"
    )


def test_with_no_clear_difference_history_says_nothing_stands_out(db_url: str) -> None:
    _person("dan", [(5, "sitting"), (5, "walking"), (5, "sitting"), (5, "walking"),
                    (5, "sitting"), (5, "walking")])
    assert history.history_report("dan").summary.splitlines()[3] == (
        "Step 3 pattern: nothing stands out yet: over your 6 check-ins, pain on the days you "
        'named "sitting" or "standing or walking" was not a point or more above the other '
        "days."
    )


def test_each_person_sees_only_their_own_pattern(db_url: str) -> None:
    _person("alice")
    _person("erin", [(8, "walking")] * 3 + [(2, "nothing")] * 3)
    assert history.history_report("alice").summary.splitlines()[3] == f"Step 3 pattern: {PATTERN}"
    assert "standing or walking" in history.history_report("erin").summary


# ----------------------------------------------------------------------- the handout


def test_the_handout_shows_the_pattern_and_leaves_it_out_without_one(db_url: str) -> None:
    _person("alice")
    said = text_of(handout.make_handout("alice").file or b"")
    to_them = (
        "On the 4 days they said sitting made it worse, their pain averaged 6.0; on the "
        "other 5 days, 4.2."
    )
    assert handout_texts.SECTION_PATTERN in said and to_them in said
    assert handout.step3_pattern("alice") == to_them
    _person("bob", JOURNAL[:2])
    said = text_of(handout.make_handout("bob").file or b"")
    assert handout_texts.SECTION_PATTERN not in said and "Step 3 pattern" not in said
    assert handout.step3_pattern("bob") is None


# ----------------------------------------------------------------- the weekly summary


def _week(person: str) -> list[str | None]:
    """The summary (or None) after the check-in of each of the first 21 days."""
    said = []
    for days in range(21):
        pain, trigger = JOURNAL[days % len(JOURNAL)]
        _checkin(person, days, pain, trigger)
        said.append(weekly.weekly_summary_after_checkin(
            person, MON + timedelta(days=days), now=_utc(days, 20)))
    return said


def test_the_weekly_summary_goes_once_a_week_after_a_check_in(db_url: str) -> None:
    _person("alice", [])
    said = _week("alice")
    assert [i for i, text in enumerate(said) if text] == [6, 13, 20]
    first = said[6]
    assert first is not None
    assert first.splitlines() == [
        "Your week, Mon 3 Nov to Sun 9 Nov:",
        "Check-ins: 7 of the 7 days.",
        "Average pain: 5.3 this week (no check-ins the week before).",
        "Step 3 pattern: On the 4 days you said sitting made it worse, your pain averaged "
        "6.0; on the other 3 days, 4.3.",
        "Send /history any time for the chart and these lines.",
    ]
    second = said[13]
    assert second is not None
    assert second.splitlines()[1:3] == [
        "Check-ins: 7 of the 7 days.",
        "Average pain: 4.9 this week, down from 5.3 the week before.",
    ]
    assert not any(mark in text for text in said if text for mark in MARKS)
    # What was sent is kept: the day and the words, once each.
    sent = summaries.summaries_for("alice")
    assert [s.local_date for s in sent] == [MON + timedelta(days=d) for d in (6, 13, 20)]
    assert [s.message for s in sent] == [said[6], said[13], said[20]]
    # Asked again the same day (a second check-in), nothing more goes out.
    assert weekly.weekly_summary_after_checkin("alice", MON + timedelta(days=20)) is None
    assert len(summaries.summaries_for("alice")) == 3


def test_no_weekly_summary_while_the_plan_is_paused_for_a_warning_sign(db_url: str) -> None:
    _person("alice", JOURNAL[:6])
    journal.record_safety_event("alice", "red_flag", "cauda_equina", "numb down there")
    _checkin("alice", 6, 5, "sitting")
    assert weekly.weekly_summary_after_checkin("alice", MON + timedelta(days=6)) is None
    assert summaries.summaries_for("alice") == []
    journal.record_safety_event("alice", "assessed", None, "the GP checked me")
    _checkin("alice", 7, 5, "sitting")
    assert weekly.weekly_summary_after_checkin("alice", MON + timedelta(days=7)) is not None


def test_the_weekly_summary_is_in_the_export_and_gone_with_delete(db_url: str) -> None:
    _person("alice", JOURNAL[:7])
    text = weekly.weekly_summary_after_checkin("alice", MON + timedelta(days=6),
                                               now=_utc(6, 20))
    assert text is not None
    rows = list(csv.DictReader(io.StringIO(export.export_csv("alice").decode("utf-8-sig"))))
    [row] = [r for r in rows if r["kind"] == "weekly summary"]
    assert (row["when_utc"], row["local_date"]) == ("2025-11-09 20:00:00", "2025-11-09")
    assert (row["item"], row["detail"]) == ("week 2025-11-03 to 2025-11-09", text)
    assert erasure.erase_person("alice")
    assert summaries.summaries_for("alice") == []


# --------------------------------------------------- after the check-in, on each channel


def _done_tracker(person: str, red_flag: bool = False) -> Tracker:
    slots: dict[str, Any] = {name: None for name in DOMAIN["slots"]}
    slots.update(checkin_pain=5, checkin_trend="same", pain_score=6, red_flag_active=red_flag)
    return Tracker(person, slots, {"text": "no", "intent": {"name": "deny"}}, [], False, None,
                   {}, "action_listen")


def _today() -> date:
    return checkins.answer_date("alice", ZONE)


async def _after_checkin(person: str, red_flag: bool = False) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    await ActionCheckinDone().run(dispatcher, _done_tracker(person, red_flag), DOMAIN)
    return dispatcher.messages


def _week_to_today(person: str) -> None:
    """A plan, and six completed check-ins on the six days before today; today's pain."""
    today = _today()
    checkins.set_schedule(person, time(19, 0), ZONE, now=_utc(0, 8))
    journal.record_answer(person, "pain_score", 6, "6")
    journal.record_recommendation(
        person, step=2, regimen="mckenzie", next_regimen=None, aerobic=False,
        rule="flexion_pain_mckenzie", message="Step 2 now: McKenzie exercises.",
    )
    for back in range(6, 0, -1):
        day = today - timedelta(days=back)
        checkins.record_checkin_answer(person, "checkin_pain", 5, "5", local_date=day)
        checkins.record_checkin_answer(person, "checkin_trigger", "sitting", "sitting",
                                       local_date=day)
        checkins.complete_checkin(person, day)
    checkins.record_checkin_answer(person, "checkin_pain", 5, "5", local_date=today)


async def test_after_the_seventh_check_in_the_chart_and_the_summary_come_once(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKSTEP_DB_URL", sqlite_url)
    settings.get_settings.cache_clear()
    _week_to_today("alice")
    messages = await _after_checkin("alice")
    customs = [m for m in messages if m.get("custom")]
    assert customs == [{**customs[0], "custom": weekly.CHART_MESSAGE}]
    texts = [m.get("text") for m in messages]
    chart_at = messages.index(customs[0])
    summary = texts[chart_at + 1]
    assert summary is not None and summary.startswith("Your week, ")
    assert texts[chart_at + 2] == SESSION_OFFER
    assert not any(LESSON_MORE in (t or "") for t in texts)  # the summary took its place
    assert not any(mark in (t or "") for t in texts for mark in MARKS)
    # The same day again: no second summary, and the lesson comes as usual.
    again = await _after_checkin("alice")
    assert not any(m.get("custom") for m in again)
    assert any(LESSON_MORE in (m.get("text") or "") for m in again)
    settings.get_settings.cache_clear()


async def test_after_a_check_in_with_the_plan_paused_no_summary(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKSTEP_DB_URL", sqlite_url)
    settings.get_settings.cache_clear()
    _week_to_today("alice")
    messages = await _after_checkin("alice", red_flag=True)
    assert not any(m.get("custom") for m in messages)
    assert not any((m.get("text") or "").startswith("Your week") for m in messages)
    assert summaries.summaries_for("alice") == []
    settings.get_settings.cache_clear()


async def test_telegram_sends_the_chart_as_a_photo(db_url: str) -> None:
    _person("4242", JOURNAL[:7])
    async with BotApiEmulator() as emulator:
        bot = Bot("123:WEEKLY", base_url=emulator.base_url, base_file_url=emulator.base_file_url)
        async with bot:
            await send_reply(bot, 4242, {"custom": weekly.CHART_MESSAGE})
            await send_reply(bot, 4343, {"custom": weekly.CHART_MESSAGE})  # nothing to draw
        photos = emulator.sent(method="sendPhoto")
    assert [p["chat"] for p in photos] == ["4242"]
    assert emulator.sent(4343, method=None) == []


def test_the_terminal_saves_the_chart_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    from bot.app.terminal import save_chart

    monkeypatch.setenv("BACKSTEP_DB_URL", sqlite_url)
    monkeypatch.setenv("BACKSTEP_DATA_DIR", str(tmp_path / "var"))
    settings.get_settings.cache_clear()
    _person("terminal-alice", JOURNAL[:7])
    said: list[str] = []
    asyncio.run(save_chart("terminal-alice", said.append))
    [png] = list((tmp_path / "var").glob("*.png"))
    assert png.read_bytes().startswith(b"\x89PNG")
    assert png.name in "".join("".join(said).split())
    settings.get_settings.cache_clear()
