"""The intake form on the three kinds once misread: a screen answer that says the legs
are fine keeps the leg pain an earlier message told, a number word first answers the
score question, and a question put back before the answer answers the open question.
Each row in our own words."""

from __future__ import annotations

import pytest

from actions.intake import ValidateIntakeForm
from bot import settings
from tests.support.trackers import run, tracker


@pytest.fixture(autouse=True)
def _journal(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSTEP_DB_URL", sqlite_url)
    settings.get_settings.cache_clear()


async def test_legs_fine_in_the_screen_keeps_the_leg_pain_told_before() -> None:
    """The opening said the pain goes into the calf; "legs fine" in the screen answer is
    about the screen, and the leg pain stays."""
    _, slots = await run(
        ValidateIntakeForm(),
        tracker("nothing like that, legs fine", slots={
            "requested_slot": "red_flag_screen", "leg_pain": True,
        }, just_set={"leg_pain": False}),
    )
    assert slots.get("leg_pain", True) is True


@pytest.mark.parametrize(
    ("text", "score"), [("two lah, calmer now", 2.0), ("one. much better", 1.0)]
)
async def test_a_number_word_first_answers_the_score_question(text: str, score: float) -> None:
    _, slots = await run(
        ValidateIntakeForm(), tracker(text, slots={"requested_slot": "pain_score"})
    )
    assert slots["pain_score"] == score


async def test_a_question_put_back_then_a_length_answers_the_duration_question() -> None:
    text = "how come? about 9 days"
    _, slots = await run(
        ValidateIntakeForm(),
        tracker(text, slots={"requested_slot": "pain_duration_days"}, entities=[{
            "entity": "pain_duration_days", "value": 9, "start": 10, "end": 22,
            "role": "context",
        }]),
    )
    assert slots["pain_duration_days"] == 9.0
