"""/handout: the practitioner's PDF, read back as text, for one person only."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot import settings
from bot.app.terminal import run_command
from bot.content import handout_texts
from bot.exercises.library import exercise_library
from bot.services import handout
from bot.store import checkins, journal
from bot.store.engine import session_scope
from bot.store.models import Answer, Person, RecommendationRecord, SafetyEvent
from tests.support.pdf import pages_of, text_of

MON = date(2025, 11, 3)
ZONE = "Europe/London"
ONE_MESSAGE = "tying my shoes kills me, been about three weeks"
PAINS = [(1, 6), (2, 6), (3, 5), (4, 5), (5, 4), (6, 4), (7, 3)]


def _utc(days: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(MON + timedelta(days=days), time(hour, minute), tzinfo=timezone.utc)


def _backdate(model: Any, person: str, when: datetime, url: str) -> None:
    """Move the person's newest ``model`` row to ``when`` (the journal stamps rows 'now')."""
    with session_scope(url) as session:
        row = session.execute(
            select(model).join(Person).where(Person.conversation_id == person)
            .order_by(model.id.desc()).limit(1)
        ).scalar_one()
        row.created_at = when


def _answer(person: str, slot: str, value: Any, raw: str, minute: int, url: str) -> None:
    journal.record_answer(person, slot, value, raw)
    _backdate(Answer, person, _utc(0, 9, minute), url)


def carol(url: str, person: str = "carol") -> None:
    """A finished intake (tight hamstrings, pain bending forward), Step 1 then McKenzie,
    a week of check-ins."""
    checkins.set_schedule(person, time(20, 0), ZONE, now=_utc(0, 8))
    _answer(person, "red_flag_screen", False, "none of these", 0, url)
    _answer(person, "pain_direction", "flexion", ONE_MESSAGE, 1, url)
    _answer(person, "pain_duration_days", 21, ONE_MESSAGE, 1, url)
    _answer(person, "flexibility", "tight", "my hamstrings are really tight", 2, url)
    _answer(person, "pain_score", 6, "6", 3, url)
    _answer(person, "leg_pain", False, "no", 4, url)
    journal.record_recommendation(
        person, step=1, regimen="passive_stretching", next_regimen="mckenzie", aerobic=False,
        rule="tight_stretch_first+flexion_pain_mckenzie", message="Step 1 now: ...",
    )
    _backdate(RecommendationRecord, person, _utc(0, 9, 5), url)
    for days, pain in PAINS:
        day = MON + timedelta(days=days)
        checkins.record_checkin_answer(person, "checkin_pain", pain, str(pain), local_date=day)
        checkins.record_checkin_answer(person, "checkin_warning", False, "no", local_date=day)
    journal.record_recommendation(
        person, step=2, regimen="mckenzie", next_regimen=None, aerobic=False,
        rule="start_step_2", message="Step 2 now: ...",
    )
    _backdate(RecommendationRecord, person, _utc(5, 20), url)


def test_the_handout_holds_the_answers_the_screen_the_plan_and_the_routine(
    db_url: str,
) -> None:
    carol(db_url)
    reply = handout.make_handout("carol")
    assert reply.text == handout_texts.HANDOUT_CAPTION
    assert reply.filename is not None and reply.filename.endswith(".pdf")
    assert "carol" not in reply.filename
    assert reply.file is not None and reply.file.startswith(b"%PDF-")
    assert pages_of(reply.file) == 2
    said = text_of(reply.file)
    # The answers, as the practitioner reads them, and in the person's own words.
    for answer in ("Bending forward (flexion)", "3 weeks (acute: under 6 weeks)",
                   "Tight hamstrings, buttocks or hips", "6/10", ONE_MESSAGE,
                   "my hamstrings are really tight"):
        assert answer in said, answer
    # The screen, the check-ins' warning question, the plan and its level.
    assert "No warning signs reported at the start (Mon 3 Nov)." in said
    assert "no warning signs reported in 7 check-ins" in said
    assert "Step 2 now: McKenzie exercises." in said
    assert "McKenzie: level 1 of" in said
    assert "Pain: 6/10 at the start, 3/10 at the latest check-in (Mon 10 Nov)" in said
    # The routine: every stretch with its dose and steps.
    for stretch in exercise_library().regimen("passive_stretching"):
        assert stretch.name in said, stretch.name
        assert " ".join(stretch.steps[0].split()) in said, stretch.steps[0]
    assert "Hold 30 seconds each time" in said or "hold 30 seconds each time" in said


def test_a_reported_warning_sign_is_said_and_a_paused_plan_too(db_url: str) -> None:
    carol(db_url)
    journal.record_safety_event("carol", "red_flag", "neuro_deficit", "my leg keeps giving way")
    _backdate(SafetyEvent, "carol", _utc(8, 10), db_url)
    said = text_of(handout.make_handout("carol").file or b"")
    assert "Tue 11 Nov: reported a warning sign (progressive leg weakness or foot drop)" in said
    assert handout_texts.PLAN_STILL_PAUSED in said


def test_the_step_3_pattern_has_its_line_when_there_is_one(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    carol(db_url)
    assert handout_texts.SECTION_PATTERN not in text_of(handout.make_handout("carol").file or b"")
    line = "On the 4 days sitting made it worse, pain averaged 6.0; on the other 3, 4.2."
    monkeypatch.setattr(handout, "PATTERN_SOURCE", lambda _: line)
    said = text_of(handout.make_handout("carol").file or b"")
    assert handout_texts.SECTION_PATTERN in said and line in said


def test_someone_with_no_intake_gets_a_kind_message_and_no_file(db_url: str) -> None:
    journal.record_answer("dave", "pain_direction", "flexion", "bending")
    for who in ("dave", "nobody"):
        reply = handout.make_handout(who)
        assert reply.text == handout_texts.HANDOUT_NO_INTAKE and reply.file is None


def test_the_handout_is_the_persons_own(db_url: str) -> None:
    carol(db_url)
    journal.record_answer("erin", "pain_direction", "extension", "ERIN-SECRET leaning back")
    journal.record_safety_event("erin", "red_flag", "infection", "ERIN fever")
    said = text_of(handout.make_handout("carol").file or b"")
    assert "ERIN" not in said and "infection" not in said


def test_the_persons_odd_characters_do_not_break_it(db_url: str) -> None:
    carol(db_url)
    _answer("carol", "leg_pain", False, "nope 😩 \u4e2d\u6587 — “really” no", 6, db_url)
    said = text_of(handout.make_handout("carol").file or b"")
    assert "“really” no" in said


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> Path:
    monkeypatch.setenv("BACKSTEP_DB_URL", sqlite_url)
    monkeypatch.setenv("BACKSTEP_DATA_DIR", str(tmp_path / "var"))
    settings.get_settings.cache_clear()
    yield tmp_path / "var"  # type: ignore[misc]
    settings.get_settings.cache_clear()


def test_the_terminal_saves_the_handout_and_says_where(data_dir: Path, sqlite_url: str) -> None:
    said: list[str] = []
    asyncio.run(run_command("/handout", "terminal-carol", input, said.append))
    assert "".join(handout_texts.HANDOUT_NO_INTAKE.split()) in "".join(
        " ".join(said).replace("Backstep:", "").split())
    carol(sqlite_url, "terminal-carol")
    asyncio.run(run_command("/handout", "terminal-carol", input, said.append))
    [pdf] = list(data_dir.glob("*.pdf"))
    assert "Bending forward (flexion)" in text_of(pdf.read_bytes())
    assert pdf.name in "".join(said[-1].split())
