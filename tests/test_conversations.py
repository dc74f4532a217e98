"""Whole conversations through the trained model, the action server and the journal.

The model is loaded once for the module (it takes ~40 s); each test talks as a new person.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import journal, settings, texts
from bot.runtime import ActionServer, load_agent, quiet_third_party_logs, respond
from bot.tracker_store import BackstepTrackerStore

pytestmark = pytest.mark.model

QUESTION = {slot: q.text for slot, q in texts.QUESTIONS.items()}


class Person:
    """Someone chatting with Backstep; ``say`` returns the bot's replies."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.id = f"test-{uuid.uuid4().hex[:12]}"
        self.last: list[dict[str, Any]] = []

    def say(self, text: str) -> list[str]:
        self.last = self.bot.loop.run_until_complete(respond(self.bot.agent, text, self.id))
        return [str(m.get("text", "")) for m in self.last]


class Bot:
    def __init__(self, loop: asyncio.AbstractEventLoop, agent: Any, db_url: str) -> None:
        self.loop, self.agent, self.db_url = loop, agent, db_url


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    quiet_third_party_logs()
    db_url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'backstep.sqlite3'}"
    mp = pytest.MonkeyPatch()
    mp.setenv("BACKSTEP_DB_URL", db_url)
    settings.get_settings.cache_clear()
    journal.upgrade_database(db_url)
    loop = asyncio.new_event_loop()
    log = Path(tmp_path_factory.mktemp("logs")) / "action-server.log"
    with ActionServer(log_path=log) as server:
        agent = loop.run_until_complete(load_agent(settings.get_settings().model_path, server.url))
        yield Bot(loop, agent, db_url)
    loop.close()
    mp.undo()
    settings.get_settings.cache_clear()


@pytest.fixture
def person(bot: Bot) -> Person:
    return Person(bot)


def asks(replies: list[str], slot: str) -> bool:
    return bool(replies) and replies[-1] == QUESTION[slot]


def test_a_newcomer_finishes_the_intake_step_by_step(person: Person) -> None:
    greeting = person.say("hi")
    assert greeting[0].startswith("Hi, I'm Backstep")
    assert [b["title"] for b in person.last[0]["buttons"]] == ["Start", "What can you do?"]
    assert asks(person.say("/start"), "pain_direction")
    assert [b["title"] for b in person.last[-1]["buttons"]] == [
        "Bending forward", "Leaning back", "Both", "No clear direction"
    ]
    assert asks(person.say("tying my shoes kills me"), "pain_duration_days")
    assert asks(person.say("about three weeks"), "flexibility")
    assert asks(person.say("my hamstrings are really tight"), "pain_score")
    assert asks(person.say("6"), "leg_pain")
    plan = person.say("no")
    assert plan[0].startswith(
        "Step 1 now: passive stretching by a professional. Then Step 2: McKenzie exercises."
    )
    assert "3 weeks (acute: under 6 weeks)" in plan[0]
    assert plan[0].endswith(texts.SAFETY_NET.text)

    stored = {(a.slot, a.value, a.raw_text) for a in journal.answers_for(person.id)}
    assert stored == {
        ("pain_direction", "flexion", "tying my shoes kills me"),
        ("pain_duration_days", 21.0, "about three weeks"),
        ("flexibility", "tight", "my hamstrings are really tight"),
        ("pain_score", 6.0, "6"),
        ("leg_pain", False, "no"),
    }
    [rec] = journal.recommendations_for(person.id)
    assert (rec.step, rec.regimen, rec.next_regimen) == (1, "passive_stretching", "mckenzie")


def test_buttons_answer_the_questions(person: Person) -> None:
    person.say("/start")
    assert asks(person.say('/inform{"pain_direction": "extension"}'), "pain_duration_days")
    assert asks(person.say("10 days"), "flexibility")
    assert asks(person.say('/inform{"flexibility": "normal"}'), "pain_score")
    assert asks(person.say('/inform{"pain_score": 2}'), "leg_pain")
    plan = person.say('/inform{"leg_pain": false}')
    assert plan[0].startswith("Step 2 now: lumbar stabilisation exercises.")
    assert "Step 4: your pain is under control" in plan[0]


def test_everything_in_one_message_asks_only_what_is_missing(person: Person) -> None:
    replies = person.say(
        "it hurts when I bend forward, for three weeks, and my hamstrings are tight"
    )
    assert asks(replies, "pain_score")
    assert QUESTION["pain_direction"] not in replies
    assert asks(person.say("7/10"), "leg_pain")
    plan = person.say("yes, it shoots down my left leg")
    assert plan[0].startswith("Step 1 now:")


def test_a_correction_after_the_plan_updates_it(person: Person) -> None:
    person.say("it hurts when I lean back, for 10 days, I can touch my toes, pain 2/10")
    first = person.say("no")
    assert first[0].startswith("Step 2 now: lumbar stabilisation exercises.")
    updated = person.say("actually it's been two months")
    assert updated[0].startswith("Step 2 now:")
    assert "2 months (subacute: 6 to 12 weeks)" in updated[0]
    assert len(journal.recommendations_for(person.id)) == 2
    assert person.say("what's my plan?") == [updated[0]]


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("", texts.BAD_INPUT_REPLIES[texts.BadInput.EMPTY]),
        ("😭😭", texts.BAD_INPUT_REPLIES[texts.BadInput.EMOJI]),
        ("my back " * 700, texts.BAD_INPUT_REPLIES[texts.BadInput.TOO_LONG]),
        ("me duele mucho la espalda", texts.BAD_INPUT_REPLIES[texts.BadInput.OTHER_LANGUAGE]),
        ("15/10", texts.PAIN_SCORE_OUT_OF_RANGE.format(value="15")),
        ("-3", texts.PAIN_SCORE_OUT_OF_RANGE.format(value="-3")),
    ],
    ids=["empty", "emoji", "5000 chars", "spanish", "15/10", "-3"],
)
def test_bad_answers_get_a_kind_reply_and_the_question_again(
    person: Person, text: str, reply: str
) -> None:
    person.say("it hurts when I bend forward, for three weeks, and my hamstrings are tight")
    replies = person.say(text)
    assert replies[0] == reply
    assert asks(replies, "pain_score")
    assert asks(person.say("5"), "leg_pain")  # nothing was lost: the intake goes on
    rejected = [a for a in journal.answers_for(person.id) if not a.accepted]
    assert [a.raw_text for a in rejected] == [text.strip()[: journal.MAX_RAW_TEXT]]


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("", texts.BAD_INPUT_REPLIES[texts.BadInput.EMPTY]),
        ("😭", texts.BAD_INPUT_REPLIES[texts.BadInput.EMOJI]),
        ("?!", texts.BAD_INPUT_REPLIES[texts.BadInput.UNCLEAR]),
    ],
    ids=["empty", "emoji", "punctuation"],
)
def test_unreadable_messages_never_answer_a_yes_no_question(
    person: Person, text: str, reply: str
) -> None:
    person.say("it hurts when I bend forward, for three weeks, hamstrings are tight, 7/10")
    replies = person.say(text)
    assert replies[0] == reply
    assert asks(replies, "leg_pain")
    assert not journal.recommendations_for(person.id)


def test_a_thumbs_up_answers_yes(person: Person) -> None:
    person.say("it hurts when I bend forward, for three weeks, hamstrings are tight, 7/10")
    plan = person.say("👍")
    assert "pain goes below the knee" in plan[0]


def test_starting_over_clears_the_answers(person: Person) -> None:
    person.say("it hurts when I bend forward, for three weeks")
    replies = person.say("start over")
    assert replies[0] == texts.STARTING_OVER
    assert asks(replies, "pain_direction")


def test_help_in_the_middle_of_the_intake_then_carry_on(person: Person) -> None:
    person.say("/start")
    replies = person.say("how does this work?")
    assert replies[0].startswith("I'm Backstep.")
    assert asks(replies, "pain_direction")


def test_the_conversation_survives_a_restart(bot: Bot, person: Person) -> None:
    person.say("it hurts when I lean back, for 10 days")
    fresh_store = BackstepTrackerStore(domain=bot.agent.domain, host=bot.db_url)
    tracker = bot.loop.run_until_complete(fresh_store.retrieve(person.id))
    assert tracker is not None
    assert tracker.get_slot("pain_direction") == "extension"
    assert tracker.get_slot("pain_duration_days") == 10
