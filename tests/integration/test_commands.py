"""The data commands on any channel: what they say and store, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import time
from pathlib import Path

import pytest

from bot import settings
from bot.app.terminal import run_command
from bot.content.texts import (
    CHECKINS_NOT_SET,
    DELETE_CANCELLED,
    DELETE_DONE,
    DELETE_NOTHING,
    SOMETHING_WENT_WRONG,
)
from bot.services import commands
from bot.store import checkins, journal


def _person_with_a_schedule(who: str) -> None:
    journal.record_answer(who, "pain_score", 6, "6")
    checkins.set_schedule(who, time(8, 0), "Europe/London")


def test_pause_and_resume_say_when_the_next_check_in_comes(db_url: str) -> None:
    assert commands.pause_checkins("nobody", paused=True).text == CHECKINS_NOT_SET
    _person_with_a_schedule("alice")
    assert "/resume" in commands.pause_checkins("alice", paused=True).text
    assert checkins.schedule_for("alice").paused  # type: ignore[union-attr]
    resumed = commands.pause_checkins("alice", paused=False).text
    assert "8" in resumed and "London" in resumed
    assert not checkins.schedule_for("alice").paused  # type: ignore[union-attr]


def test_export_is_the_persons_own_journal_only(db_url: str) -> None:
    journal.record_answer("alice", "pain_score", 6, "six")
    journal.record_answer("bob", "pain_score", 2, "two")
    reply = commands.export_journal("alice")
    assert reply.filename and reply.filename.endswith(".csv")
    assert reply.file is not None and b"six" in reply.file and b"two" not in reply.file


def test_delete_erases_and_says_so(db_url: str) -> None:
    _person_with_a_schedule("alice")
    assert commands.delete_everything("alice").text == DELETE_DONE
    assert checkins.schedule_for("alice") is None
    assert commands.delete_everything("alice").text == DELETE_NOTHING


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> Path:
    monkeypatch.setenv("BACKSTEP_DB_URL", sqlite_url)
    monkeypatch.setenv("BACKSTEP_DATA_DIR", str(tmp_path / "var"))
    settings.get_settings.cache_clear()
    yield tmp_path / "var"  # type: ignore[misc]
    settings.get_settings.cache_clear()


def _terminal(command: str, answers: list[str]) -> str:
    """What the terminal printed, without its wrapping (so a long path reads whole)."""
    said: list[str] = []
    asyncio.run(run_command(command, "terminal-alice", lambda _: answers.pop(0), said.append))
    return "".join("\n".join(said).replace("Backstep:", "").split())


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_terminal_saves_the_export_and_says_where(data_dir: Path) -> None:
    journal.record_answer("terminal-alice", "pain_score", 6, "six")
    said = _terminal("/export", [])
    files = list(data_dir.glob("*.csv"))
    assert len(files) == 1 and _squeezed(str(files[0])) in said
    assert b"six" in files[0].read_bytes()


def test_the_terminal_asks_before_deleting(data_dir: Path) -> None:
    journal.record_answer("terminal-alice", "pain_score", 6, "six")
    assert _terminal("/delete", ["2"]).endswith(_squeezed(DELETE_CANCELLED))
    assert journal.answers_for("terminal-alice")
    assert _terminal("/delete", ["1"]).endswith(_squeezed(DELETE_DONE))
    assert not journal.answers_for("terminal-alice")


def test_a_data_command_that_fails_gets_an_apology_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKSTEP_DB_URL", f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}")
    settings.get_settings.cache_clear()
    try:
        assert _terminal("/export", []) == _squeezed(SOMETHING_WENT_WRONG)
    finally:
        settings.get_settings.cache_clear()


def test_the_terminal_shows_the_session_saves_its_pictures_and_takes_the_answers(
    data_dir: Path,
) -> None:
    from bot.app.terminal import run_session
    from bot.content import session_texts as words
    from bot.store import sessions

    journal.record_recommendation(
        "terminal-alice", step=2, regimen="stabilisation", next_regimen=None, aerobic=False,
        rule="test", message="plan",
    )
    said: list[str] = []
    answers = ["1", "It hurt", "2"]  # Done, It hurt, then the pain was the same
    asyncio.run(run_session("terminal-alice", lambda _: answers.pop(0), said.append))
    text = _squeezed("\n".join(said).replace("Backstep:", ""))
    pictures = sorted((data_dir / "pictures").glob("*.png"))
    assert len(pictures) == 2 and all(_squeezed(str(p)) in text for p in pictures)
    assert _squeezed("Tummy brace") in text and _squeezed("[4] It hurt") in text
    assert _squeezed(words.PAIN_QUESTION) in text
    assert _squeezed("It hurt during 1 of 2 exercises. You're at level 1") in text
    [stored] = sessions.sessions_for("terminal-alice")
    assert [r.outcome for r in stored.results] == ["done", "hurt"]
    assert (stored.pain_during, stored.change) == ("same", "swap")
    # Asked again the same day: what it came to.
    said.clear()
    asyncio.run(run_session("terminal-alice", lambda _: "1", said.append))
    assert "tomorrow" in said[0] and len(said) == 1
    # An answer that is no button keeps the session for later.
    journal.record_recommendation(
        "terminal-bob", step=2, regimen="mckenzie", next_regimen=None, aerobic=False,
        rule="test", message="plan",
    )
    said.clear()
    asyncio.run(run_session("terminal-bob", lambda _: "what?", said.append))
    assert said[-1].endswith(words.SESSION_KEPT)
    [open_one] = sessions.sessions_for("terminal-bob")
    assert [r.outcome for r in open_one.results] == [None]
