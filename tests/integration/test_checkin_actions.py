"""The check-in's actions on built trackers: reading answers in the person's words."""

from __future__ import annotations

import pytest

from actions.checkin import ValidateCheckinForm, exercises_from_text, trend_from_text
from bot import settings
from bot.content import texts
from bot.store import checkins, journal
from tests.support.trackers import USER, run, tracker


@pytest.fixture(autouse=True)
def _journal(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSTEP_DB_URL", sqlite_url)
    settings.get_settings.cache_clear()


@pytest.mark.parametrize(
    ("text", "trend"),
    [
        ("better", "better"),
        ("a bit better today", "better"),
        ("worse", "worse"),
        ("much worse since the drive", "worse"),
        ("about the same", "same"),
        ("no change really", "same"),
        ("better in the morning, worse at night", None),  # asked again
        ("dunno", None),
    ],
)
def test_better_same_or_worse_in_everyday_words(text: str, trend: str | None) -> None:
    assert trend_from_text(text) == trend


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("yes", "yes"),
        ("did them all", "yes"),
        ("partly", "partly"),
        ("some of them", "partly"),
        ("no", "no"),
        ("forgot, sorry", "no"),
        ("the cat is asleep", None),
    ],
)
def test_exercises_done_in_everyday_words(text: str, done: str | None) -> None:
    assert exercises_from_text(text) == done


async def test_an_out_of_range_pain_score_is_refused_kindly_and_journaled() -> None:
    said, slots = await run(
        ValidateCheckinForm(),
        tracker("15", slots={"requested_slot": "checkin_pain"}, just_set={"checkin_pain": 15}),
    )
    assert said == [texts.PAIN_SCORE_OUT_OF_RANGE.format(value="15")]
    assert slots["checkin_pain"] is None
    [answer] = journal.answers_for(USER)
    assert (answer.slot, answer.value, answer.accepted) == ("checkin_pain", 15, False)
    assert checkins.checkins_for(USER) == []  # nothing lands on the day's row


@pytest.mark.parametrize("intent", ["inform", "out_of_scope", "nlu_fallback"])
async def test_what_made_it_worse_is_taken_in_the_persons_own_words(intent: str) -> None:
    text = "sitting through a long meeting"
    said, slots = await run(
        ValidateCheckinForm(),
        tracker(text, intent=intent, slots={"requested_slot": "checkin_trigger"}),
    )
    assert said == []
    assert slots["checkin_trigger"] == text
    [day] = checkins.checkins_for(USER)
    assert day.trigger == text


async def test_an_emoji_for_what_made_it_worse_gets_a_kind_reply_and_is_asked_again() -> None:
    said, slots = await run(
        ValidateCheckinForm(),
        tracker("😩😩", intent="nlu_fallback", slots={"requested_slot": "checkin_trigger"}),
    )
    assert said[0] == texts.BAD_INPUT_REPLIES[texts.BadInput.EMOJI]
    assert "checkin_trigger" not in slots or slots["checkin_trigger"] is None
    assert checkins.checkins_for(USER) == []
