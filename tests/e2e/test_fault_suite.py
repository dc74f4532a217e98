"""The fault suite (issue 15): faults done to the real processes, not simulated.

Backstep runs as it does in production, ``python -m bot.app.cli run`` in Telegram mode (a
process of its own, long polling, with its action server child), on a throwaway PostgreSQL
cluster (``initdb`` in a temporary folder, a port of its own, stopped and started by the
test; the shared server is never touched), with the Bot API emulator as Telegram. The
process is killed with -9 in the middle of a message, its action server child is killed,
the cluster is stopped and started again, and forged, repeated and hostile updates are
sent. Each test checks what the person sees (the messages the emulator got for their chat)
and what is stored (journal rows in the cluster).

One Backstep process and one cluster serve every test; a test that kills Backstep starts it
again. ``BACKSTEP_FAULT_ROUNDS`` adds that many rounds of a fault at a random moment of an
intake (kill -9, the action server killed, the database stopped; ``make eval`` runs 20,
``make test`` none). The run ends with one line: faults survived, inputs tried, answers
lost.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot.content import session_texts, texts
from bot.domain.answers import without_invisible_marks
from bot.store import engine, journal, sessions
from tests.support.botapi import EmulatorThread, updates
from tests.support.domain import domain_response
from tests.support.live import (
    BackstepProcess,
    action_port,
    alive,
    wait_dead,
    wait_for_request,
)
from tests.support.paths import ROOT
from tests.support.postgres import ThrowawayCluster, find_pg_bin

pytestmark = pytest.mark.model

ROUNDS = int(os.environ.get("BACKSTEP_FAULT_ROUNDS", "0"))
TOKEN = "123456:FAULT-SUITE"
RED_FLAG = "since this morning I can't feel my bum or my privates and I wet myself"
ONE_MESSAGE_INTAKE = (
    "it hurts when I bend forward, for three weeks, I'm fairly flexible, pain 6/10, "
    "no leg pain"
)
ASK = {
    slot: domain_response(f"utter_ask_{slot}")
    for slot in (
        "red_flag_screen", "pain_direction", "pain_duration_days", "flexibility", "pain_score",
        "leg_pain", "checkin_time",
    )
}
_chat_ids = itertools.count(820_000_001)


@dataclass
class Tally:
    """The suite's figures."""

    faults: int = 0  #: faults done and survived (every check after it passed)
    inputs: int = 0  #: updates given to the bot
    lost: int = 0  #: messages that should have been answered and were not
    repeated: int = 0  #: replies a person got twice because of a fault
    journaled_twice: int = 0  #: answers journaled twice because of a fault

    def line(self) -> str:
        return (
            f"fault suite: {self.faults} faults survived, {self.inputs} inputs tried, "
            f"{self.lost} answers lost ({self.repeated} replies repeated, "
            f"{self.journaled_twice} answers journaled twice)"
        )


@dataclass
class Live:
    """The running system: the cluster, the emulator, Backstep, and the figures."""

    pg: ThrowawayCluster
    emu: Any  # EmulatorThread: the emulator's methods, run on its loop
    backstep: BackstepProcess
    tally: Tally = field(default_factory=Tally)
    #: What the people said, to look for in the logs afterwards.
    words: list[str] = field(default_factory=list)

    def kill_and_restart(self, orphan: int | None = None) -> None:
        """kill -9 Backstep; its action server child (``orphan``) must die with it; start
        Backstep again."""
        self.backstep.kill()
        if orphan is not None:
            assert wait_dead(orphan), f"the action server child {orphan} outlived its parent"
        self.emu.release()  # the calls held for the killed process: nobody waits for them
        self.emu.expire_callback_queries()  # a restart takes longer than a tap can wait
        self.backstep.start()

    def survived(self) -> None:
        assert self.backstep.process is not None and self.backstep.process.poll() is None
        self.tally.faults += 1

    def pending(self, update: dict[str, Any]) -> bool:
        return any(u["update_id"] == update["update_id"] for u in self.emu.pending_updates())

    def wait(self, update: dict[str, Any], timeout: float = 90.0) -> None:
        """Until Backstep has handled ``update`` and confirmed it (its replies are sent)."""
        deadline = time.monotonic() + timeout
        while self.pending(update):
            assert time.monotonic() < deadline, f"update {update['update_id']} not handled"
            process = self.backstep.process
            assert process is not None and process.poll() is None, "Backstep died"
            time.sleep(0.05)


class Person:
    """Someone in a private chat with the bot."""

    def __init__(self, live: Live) -> None:
        self.live = live
        self.emu = live.emu
        self.id = next(_chat_ids)
        self.key = str(self.id)

    def seen(self) -> int:
        return len(self.emu.texts(self.id))

    def since(self, before: int) -> list[str]:
        return list(self.emu.texts(self.id)[before:])

    def push(self, update: dict[str, Any], words: str | None = None) -> dict[str, Any]:
        self.live.tally.inputs += 1
        if words:
            self.live.words.append(words)
        return dict(self.emu.push_update(update))

    def push_text(self, text: str) -> dict[str, Any]:
        return self.push(updates.text_update(self.id, text), words=text)

    def push_tap(self, title: str) -> dict[str, Any]:
        return self.push({"callback_query": self._query(self.buttons()[title])})

    def _query(self, data: str) -> dict[str, Any]:
        return dict(self.emu.api.callback_query(self.id, data))

    def answered(self, update: dict[str, Any], before: int) -> list[str]:
        """Wait for ``update`` to be handled; what the person got for it (counted lost
        when nothing)."""
        self.live.wait(update)
        said = self.since(before)
        if not said:
            self.live.tally.lost += 1
        return said

    def say(self, text: str) -> list[str]:
        before = self.seen()
        return self.answered(self.push_text(text), before)

    def tap(self, title: str) -> list[str]:
        before = self.seen()
        return self.answered(self.push_tap(title), before)

    def send(self, update: dict[str, Any], words: str | None = None) -> list[str]:
        before = self.seen()
        return self.answered(self.push(update, words), before)

    def buttons(self) -> dict[str, str]:
        """Titles and callback data of the latest message with an inline keyboard."""
        for record in reversed(self.emu.sent(self.id, "sendMessage")):
            if keys := _keyboard(record):
                return keys
        return {}

    def answers(self, slot: str) -> list[tuple[Any, bool]]:
        """The journaled answers for ``slot``: (value, accepted), oldest first."""
        rows = journal.answers_for(self.key, url=self.live.pg.url)
        return [(a.value, a.accepted) for a in rows if a.slot == slot]

    def to_pain_direction(self) -> None:
        """/start and no warning sign: the intake asks which movement hurts."""
        assert ends_with(self.say("/start"), ASK["red_flag_screen"])
        assert self.say("none of those") == [ASK["pain_direction"]]


def ends_with(said: list[str], text: str) -> bool:
    """Whether the last message ends with ``text``: alone, or after the turn's texts before
    it (a turn's texts arrive as one message, paragraphs apart)."""
    return bool(said) and (said[-1] == text or said[-1].endswith("\n\n" + text))


def together(people: list[Person], texts_: list[str]) -> list[list[str]]:
    """Each person sends their text at the same moment (one batch, chats side by side);
    what each got back."""
    before = [p.seen() for p in people]
    pushed = [p.push_text(t) for p, t in zip(people, texts_, strict=True)]
    return [p.answered(u, b) for p, u, b in zip(people, pushed, before, strict=True)]


def at_pain_direction(live: Live, count: int) -> list[Person]:
    """``count`` people who have started the intake together and are asked which movement
    hurts."""
    people = [Person(live) for _ in range(count)]
    said = together(people, ["/start"] * count)
    assert all(ends_with(s, ASK["red_flag_screen"]) for s in said), said
    said = together(people, ["none of those"] * count)
    assert said == [[ASK["pain_direction"]]] * count
    return people


def _keyboard(record: dict[str, Any]) -> dict[str, str]:
    """The titles and callback data of a sent message's inline keyboard."""
    markup = record["params"].get("reply_markup") or {}
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else markup
    return {b["text"]: b["callback_data"] for row in rows for b in row}


@pytest.fixture(scope="module")
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Live]:
    if find_pg_bin() is None:
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed")
    folder = tmp_path_factory.mktemp("faults")
    with ThrowawayCluster() as pg, EmulatorThread() as emu:
        env = {
            "PYTHONPATH": str(ROOT),
            "BACKSTEP_HOME": str(ROOT),
            "BACKSTEP_DATA_DIR": str(folder),
            "BACKSTEP_DB_URL": pg.url,
            "BACKSTEP_LOG_LEVEL": "INFO",  # the most it logs: the words must not be there
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": emu.url,
            "TELEGRAM_WEBHOOK_URL": "",
            "PYTHONWARNINGS": "ignore",
        }
        backstep = BackstepProcess(env, folder / "backstep.log", ROOT)
        backstep.start()
        running = Live(pg, emu, backstep)
        try:
            yield running
        finally:
            backstep.stop()
            engine.dispose_engines()
            reporter = request.config.pluginmanager.get_plugin("terminalreporter")
            capture = request.config.pluginmanager.get_plugin("capturemanager")
            if reporter is not None and capture is not None:
                with capture.global_and_fixture_disabled():
                    reporter.write("\n" + running.tally.line() + "\n")


# --- the action server killed -------------------------------------------------------------


def test_the_action_server_killed_between_messages_and_during_one(live: Live) -> None:
    person = Person(live)
    person.to_pain_direction()

    first = live.backstep.action_server_pid()
    assert first is not None
    os.kill(first, signal.SIGKILL)
    assert wait_dead(first)
    # started again before the next message: nothing is lost, nothing is said about it
    assert person.say("bending forward") == [ASK["pain_duration_days"]]
    second = live.backstep.wait_for_action_server(not_pid=first)
    live.survived()

    os.kill(second, signal.SIGSTOP)
    before = person.seen()
    update = person.push_text("about three weeks")
    wait_for_request(action_port(second))
    os.kill(second, signal.SIGKILL)
    said = person.answered(update, before)
    # never silence: a plain word that it may not have been taken in
    assert ends_with(said, texts.PART_RESTARTED), said
    assert not any(texts.SOMETHING_WENT_WRONG in s for s in said)
    assert [a for a in person.answers("pain_duration_days") if a[1]] == []
    live.backstep.wait_for_action_server(not_pid=second)
    # the next message works, and the answer is taken once
    assert person.say("about three weeks") == [ASK["flexibility"]]
    assert [a for a in person.answers("pain_duration_days") if a[1]] == [(21.0, True)]
    live.survived()


# --- kill -9 ----------------------------------------------------------------------------


def test_kill_9_while_the_action_server_works_on_a_message(live: Live) -> None:
    """The action server is busy with the answer (stopped, so the call stays in flight)
    when Backstep is killed: after the restart the answer is taken once, the next question
    comes once, and the orphaned action server is gone."""
    person = Person(live)
    person.to_pain_direction()
    child = live.backstep.action_server_pid()
    assert child is not None
    os.kill(child, signal.SIGSTOP)
    before = person.seen()
    update = person.push_text("bending forward")
    wait_for_request(action_port(child))  # Rasa's call lies unread in the child's socket
    live.kill_and_restart(orphan=child)

    live.wait(update)
    assert person.since(before) == [ASK["pain_duration_days"]]
    assert person.answers("pain_direction") == [("flexion", True)]
    # the intake goes on from there
    assert person.say("about three weeks") == [ASK["flexibility"]]
    live.survived()


def test_kill_9_while_the_reply_to_a_tap_is_on_its_way(live: Live) -> None:
    """The turn is done and saved, its reply not yet delivered, when Backstep is killed:
    Telegram hands the tap over again, too old to answer by then. The person gets the
    question they never saw, once, and the answer is journaled once (before the fix the tap
    was read again as the answer to the next question: "Sorry, I didn't quite catch that",
    and a wrong answer journaled)."""
    person = Person(live)
    person.to_pain_direction()
    assert person.tap("Bending forward") == [ASK["pain_duration_days"]]
    assert person.say("about three weeks") == [ASK["flexibility"]]
    live.emu.hold("sendMessage", person.id)
    before = person.seen()
    update = person.push_tap("No, I'm fairly flexible")
    live.emu.wait_for_hold(60)
    live.kill_and_restart(orphan=live.backstep.action_server_pid())

    live.wait(update)
    assert person.since(before) == [ASK["pain_score"]]
    assert person.answers("flexibility") == [("normal", True)]
    assert person.tap("6") == [ASK["leg_pain"]]
    live.survived()


# --- the database stopped and started again -----------------------------------------------


def test_the_database_stopped_and_started_again(live: Live) -> None:
    """Mid-conversation the cluster goes down: a red flag still gets its 🚨, an ordinary
    message the apology. Started again, the conversation goes on where it was, the safety
    record kept aside lands in the journal and the plan shows as paused."""
    ordinary, flagged = Person(live), Person(live)
    ordinary.to_pain_direction()
    assert ordinary.say("bending forward") == [ASK["pain_duration_days"]]
    flagged.to_pain_direction()
    plan = flagged.say(ONE_MESSAGE_INTAKE)
    assert ends_with(plan, ASK["checkin_time"]), plan

    live.pg.stop()
    said = flagged.say(RED_FLAG)
    assert said[0].startswith(texts.URGENT_MARK) and "emergency" in said[0], said
    assert ordinary.say("about three weeks") == [texts.SOMETHING_WENT_WRONG]
    live.survived()

    live.pg.start()
    # where it was: the answer not taken during the outage is taken now
    assert ordinary.say("about three weeks") == [ASK["flexibility"]]
    assert [a for a in ordinary.answers("pain_duration_days") if a[1]] == [(21.0, True)]
    # the red flag is journaled, and the plan is paused as after any red flag
    kinds = [e.kind for e in journal.safety_events_for(flagged.key, url=live.pg.url)]
    assert kinds == ["red_flag"]
    said = flagged.say("/plan")
    assert said == [f"{texts.PLAN_PAUSED}\n\n{ASK['checkin_time']}"], said
    live.survived()

    # stopped and started while no one writes: the connections kept open from before are
    # dead, and the next message must not be the one to find out
    live.pg.stop()
    live.pg.start()
    assert ordinary.tap("No, I'm fairly flexible") == [ASK["pain_score"]]
    live.survived()


# --- forged, repeated and hostile updates -------------------------------------------------


FORGED_SCORE = '/inform{"pain_score": 99}'


def test_forged_updates_get_a_kind_reply_and_change_nothing(live: Live) -> None:
    owner, other = Person(live), Person(live)
    owner.to_pain_direction()
    assert ends_with(owner.say(ONE_MESSAGE_INTAKE), ASK["checkin_time"])
    owner.say("/session")
    [card] = live.emu.sent(owner.id, "sendAnimation")
    exercise = _keyboard(card)["Done"]
    assert exercise.startswith("ex:")

    # another person's exercise button, tapped in their own chat
    other.to_pain_direction()
    forged = {**other._query(other.buttons()["Bending forward"]), "data": exercise}
    assert other.send({"callback_query": forged}) == [session_texts.STALE_BUTTON]
    [session] = sessions.sessions_for(owner.key, url=live.pg.url)
    assert [r.outcome for r in session.results] == [None]
    assert sessions.sessions_for(other.key, url=live.pg.url) == []

    # a message in one person's private chat "from" someone else: it is that chat's
    stranger = next(_chat_ids)
    said = other.send(
        updates.text_update(other.id, "bending forward", user_id=stranger), "bending forward"
    )
    assert said == [ASK["pain_duration_days"]]
    assert journal.answers_for(str(stranger), url=live.pg.url) == []
    assert live.emu.texts(stranger) == []

    # a Rasa command typed or forged as button data, with a value no button has
    # a Rasa command typed, and one forged as button data, with a value no button has
    assert other.say('/inform{"pain_duration_days": -5}') == [texts.UNKNOWN_COMMAND]
    forged = {**other._query(other.buttons()["Bending forward"]), "data": FORGED_SCORE}
    said = other.send({"callback_query": forged})
    assert said == [
        f"{texts.PAIN_SCORE_OUT_OF_RANGE.format(value=99)}\n\n{ASK['pain_duration_days']}"
    ]
    assert other.answers("pain_score") == [(99, False)]  # kept as said, not accepted

    # a button tapped in a group: answered with an alert, nothing said or stored
    group = -1_009_000_001
    query = {
        "id": "4000000000000777001",
        "from": {"id": other.id, "is_bot": False, "first_name": "Test"},
        "chat_instance": "77",
        "data": '/inform{"pain_direction": "flexion"}',
        "message": {
            "message_id": 1, "date": 1_700_000_000, "text": "Which movement?",
            "chat": {"id": group, "type": "group", "title": "Back club"},
        },
    }
    live.emu.api.callback_query_ids.add(query["id"])
    update = other.push({"callback_query": query})
    live.wait(update)
    assert live.emu.texts(group) == []
    assert live.emu.callback_answers()[-1]["text"] == texts.GROUP_CHAT
    assert journal.answers_for(str(group), url=live.pg.url) == []
    live.survived()


def test_an_update_delivered_twice_is_handled_once(live: Live) -> None:
    person, barrier = Person(live), Person(live)
    person.to_pain_direction()
    before = person.seen()
    update = person.push_text("bending forward")
    live.wait(update)
    assert person.since(before) == [ASK["pain_duration_days"]]

    live.emu.redeliver(update)
    live.tally.inputs += 1
    barrier.say("/help")  # handled after the repeat
    assert person.since(before) == [ASK["pain_duration_days"]]
    assert person.answers("pain_direction") == [("flexion", True)]
    live.survived()


#: Hostile payloads that still say bending forward hurts (long, NUL, direction marks).
HOSTILE_BENDING = (
    "my back " + "hurts when I bend forward, and " * 170 + "that's it",  # 5,000+ characters
    "it hurts when I\x00 bend forward",
    "it hurts when I \u202ebend\u202c forward",
    "\u200f\u200ebending\u2066 forward\u2069",
)
#: And others: emoji only, other languages and scripts, markup, SQL, format strings.
HOSTILE_OTHER = (
    "😩😩😩🔥",
    "мне больно, когда я наклоняюсь вперёд",
    "弯腰的时候背很疼",
    "يؤلمني ظهري عندما أنحني",
    "<script>alert('x')</script>",
    "'); DROP TABLE answers; --",
    "%s %d {0} ${HOME} \\n \\u0000",
)
HOSTILE = HOSTILE_BENDING + HOSTILE_OTHER


def test_hostile_payloads_get_a_kind_reply_and_are_stored_verbatim(live: Live) -> None:
    """Each sent by another person, at the same moment, in answer to the first question."""
    people = at_pain_direction(live, len(HOSTILE))
    for text, said in zip(HOSTILE, together(people, list(HOSTILE)), strict=True):
        assert said, f"no reply to {text[:40]!r}"
        assert all(texts.SOMETHING_WENT_WRONG not in s for s in said), (text[:40], said)
        assert all(len(s) <= 4096 for s in said)
        # read as the answer, or the question asked again: the intake goes on
        next_question = "pain_duration_days" if text in HOSTILE_BENDING else "pain_direction"
        assert ends_with(said, ASK[next_question]), (text[:40], said)
    for update in (
        updates.sticker_update(people[0].id),
        updates.photo_update(people[1].id, caption="my back \u202e!"),
        updates.voice_update(people[2].id),
        updates.location_update(people[3].id),
    ):
        chat = update["message"]["chat"]["id"]
        [person] = [p for p in people if p.id == chat]
        assert person.send(update) == [texts.UNSUPPORTED_MESSAGE]

    for person, text in zip(people, HOSTILE, strict=True):
        stored = [a.raw_text for a in journal.answers_for(person.key, url=live.pg.url)]
        # what the person wrote, whole (invisible marks and NUL, which PostgreSQL cannot
        # store, taken out before the message was read), or nothing when it was not read
        # as an answer at all
        assert set(stored) <= {"none of those", without_invisible_marks(text)}, stored
    assert [a.raw_text for a in journal.answers_for(people[0].key, url=live.pg.url)] == [
        "none of those", HOSTILE[0]  # the long one, all of it
    ]
    live.survived()


# --- faults at a random moment (make eval) ---------------------------------------------------

#: An intake by text and taps: (what the person does, what they must get back last).
INTAKE = (
    ("say", "/start", ASK["red_flag_screen"]),
    ("tap", "None of these", ASK["pain_direction"]),
    ("say", "bending forward", ASK["pain_duration_days"]),
    ("say", "about three weeks", ASK["flexibility"]),
    ("tap", "No, I'm fairly flexible", ASK["pain_score"]),
    ("say", "6", ASK["leg_pain"]),
    ("tap", "No", ASK["checkin_time"]),
)
EXPECTED = {
    "pain_direction": "flexion", "pain_duration_days": 21.0, "flexibility": "normal",
    "pain_score": 6.0, "leg_pain": False,
}
#: What asks the person to send their message again.
SEND_AGAIN = (texts.PART_RESTARTED, texts.SOMETHING_WENT_WRONG)
#: The faults a round draws from: Backstep killed with -9 (twice as likely), its action
#: server killed, the database stopped for a moment.
FAULTS = ("kill -9", "kill -9", "action server", "database")


def _fault(live: Live, fault: str, rng: random.Random) -> None:
    if fault == "kill -9":
        live.kill_and_restart(orphan=live.backstep.action_server_pid())
    elif fault == "action server":
        child = live.backstep.action_server_pid()
        if child is not None:
            os.kill(child, signal.SIGKILL)
    else:
        live.pg.stop()
        time.sleep(rng.uniform(0.2, 1.5))
        live.pg.start()


@pytest.mark.parametrize("round_", [pytest.param(n, id=f"round_{n}") for n in range(ROUNDS)] or [
    pytest.param(0, marks=pytest.mark.skip(reason="make eval runs these (BACKSTEP_FAULT_ROUNDS)"))
])
def test_a_fault_at_a_random_moment_of_an_intake(live: Live, round_: int) -> None:
    """A fault strikes one step of an intake at a random moment after it was sent (before
    it was fetched, in the conversation, or while the replies go out). Each step still gets
    its question (the person sends it again when asked to), nothing goes unanswered, and
    every answer in the journal is the one given. Replies a person got twice, and answers
    journaled twice (the action server had written one when the fault struck), are counted."""
    rng = random.Random(round_)
    person = Person(live)
    struck_at, fault = rng.randrange(len(INTAKE)), rng.choice(FAULTS)
    for step, (kind, what, last) in enumerate(INTAKE):
        for attempt in range(3):
            before = person.seen()
            update = person.push_text(what) if kind == "say" else person.push_tap(what)
            if step == struck_at and attempt == 0:
                time.sleep(rng.uniform(0.0, 2.0))
                _fault(live, fault, rng)
            said = person.answered(update, before)
            assert said, (fault, step)
            live.tally.repeated += len(said) - len(set(said))
            if not said[-1].endswith(SEND_AGAIN):
                break
        assert ends_with(said, last), (fault, step, said)
    for slot, value in EXPECTED.items():
        accepted = [v for v, ok in person.answers(slot) if ok]
        assert accepted and set(accepted) == {value}, (fault, slot, accepted)
        live.tally.journaled_twice += len(accepted) - 1
    assert len(journal.recommendations_for(person.key, url=live.pg.url)) == 1
    live.survived()


# --- afterwards ---------------------------------------------------------------------------


def test_the_persons_words_never_reach_the_logs(live: Live) -> None:
    """Backstep logged at INFO through every fault above: no one's words are in its log or
    its action server's."""
    logs = live.backstep.output()
    server_log = Path(live.backstep.env["BACKSTEP_DATA_DIR"]) / "action-server.log"
    if server_log.exists():
        logs += server_log.read_text(encoding="utf-8", errors="replace")
    words = {w for w in live.words if len(w) >= 8 and not w.startswith("/")}
    assert words
    leaked = sorted(w[:40] for w in words if without_invisible_marks(w) in logs or w in logs)
    assert leaked == []
    assert alive(live.backstep.pid)
