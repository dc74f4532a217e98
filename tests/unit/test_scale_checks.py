"""The scale bench's verdicts on a chat's tracker and what the chat was sent: two turns run
at once, and replies of two turns interleaved, are found; a clean chat passes."""

from __future__ import annotations

from typing import Any

import pytest

from bench.scale.checks import anomalies, messages_sent, order_violations, turns_of_replies


def user(mid: str, ts: float) -> dict[str, Any]:
    return {"event": "user", "message_id": mid, "timestamp": ts}


def bot(text: str, ts: float, **data: Any) -> dict[str, Any]:
    return {"event": "bot", "text": text, "timestamp": ts, "data": data}


def listen(ts: float) -> dict[str, Any]:
    return {"event": "action", "name": "action_listen", "timestamp": ts}


def act(ts: float) -> dict[str, Any]:
    return {"event": "action", "name": "utter_x", "timestamp": ts}


CLEAN = [user("a", 1), act(2), bot("How long has it hurt?", 2), listen(3),
         user("b", 4), act(5), bot("Are you flexible?", 5), listen(6)]


@pytest.mark.parametrize(
    ("events", "found"),
    [
        (CLEAN, 0),
        # a second message taken in before the first turn listened again
        ([user("a", 1), act(2), user("b", 3), act(4), listen(5), listen(6)], 1),
        # events of two writers: time goes back (at both of the second writer's events)
        ([user("a", 1), act(5), listen(6), user("b", 3), act(4), listen(7)], 2),
        # a turn that only started (a setup's first message) is no anomaly
        ([user("a", 1), act(2)], 0),
    ],
)
def test_anomalies(events: list[dict[str, Any]], found: int) -> None:
    assert len(anomalies(events)) == found


TURNS = turns_of_replies(CLEAN)


@pytest.mark.parametrize(
    ("replies", "violations", "unmatched"),
    [
        (["How long has it hurt?", "Are you flexible?"], 0, 0),
        # the second turn's reply arrived before the first's
        (["Are you flexible?", "How long has it hurt?"], 1, 0),
        # a reply split in two parts belongs to one turn; HTML and spaces do not matter
        (["How long has <b>it</b>  hurt?", "How long has it hurt?", "Are you flexible?"], 0, 0),
        (["Something the tracker never said"], 0, 1),
    ],
)
def test_order_violations(replies: list[str], violations: int, unmatched: int) -> None:
    assert order_violations(TURNS, replies) == (violations, unmatched)


@pytest.mark.parametrize(
    ("events", "messages"),
    [
        (CLEAN, 2),
        # a turn's texts are one message; a keyboard ends it; a picture is one of its own
        ([user("a", 1), bot("Welcome", 2), bot("First, a safety check", 2, buttons=[{}]),
          bot("Tap one", 2)], 2),
        ([user("a", 1), bot("Today's session", 2), bot("", 2, image="file:///x.gif"),
          bot("How did it go?", 2)], 3),
        ([user("a", 1), act(2), listen(3)], 0),
    ],
)
def test_messages_sent(events: list[dict[str, Any]], messages: int) -> None:
    """What the person got before a scenario's own messages is skipped by this count."""
    assert messages_sent(events) == messages
