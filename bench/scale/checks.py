"""What the scenarios check after the fact: each chat's tracker (Rasa's ``events`` rows),
what the emulator delivered to the chat, and the journal.

* **lost**: an update delivered (or given up on) whose message no ``UserUttered`` holds
  (the channel gives each one ``message_id="telegram-<update_id>"``);
* **processed twice**: a message in two ``UserUttered`` events;
* **tracker anomaly**: two messages taken in with no ``action_listen`` between them (two
  turns ran on one tracker at once), or event times going backwards;
* **reply-order violation**: a reply the chat got that belongs to an earlier turn than a
  reply it got before it (replies of two turns interleaved).
"""

from __future__ import annotations

import html
import json
import re
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from bench.scale.pusher import Delivery
from bot.domain.answers import without_invisible_marks
from bot.telegram.delivery import messages_of_turn

JSON = dict[str, Any]
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
#: Methods whose text or caption a person reads.
REPLY_METHODS = ("sendMessage", "sendPhoto", "sendAnimation", "sendDocument")


def message_id(update_id: int) -> str:
    """The id the Telegram channel gives the message of ``update_id``."""
    return f"telegram-{update_id}"


def tracker_events(engine: Engine, chat: int) -> list[JSON]:
    """The chat's tracker events, oldest first (type, timestamp and Rasa's JSON data)."""
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT type_name, timestamp, data FROM events WHERE sender_id = :s ORDER BY id"),
            {"s": str(chat)},
        ).all()
    return [{"event": t, "timestamp": ts, **json.loads(data or "{}")} for t, ts, data in rows]


def emulator_replies(emulator_url: str, chat: int) -> list[str]:
    """The texts (or captions) the emulator delivered to ``chat``, in order."""
    url = f"{emulator_url}/_emulator/calls?chat_id={chat}"
    with urllib.request.urlopen(url, timeout=30) as answer:
        calls = json.loads(answer.read())
    return [
        str(c["params"].get("text") or c["params"].get("caption") or "")
        for c in calls
        if c["status"] == 200 and c["method"] in REPLY_METHODS
    ]


def _plain(value: str) -> str:
    value = html.unescape(_TAG.sub("", without_invisible_marks(value)))
    return _SPACE.sub(" ", value).strip().lower()


@dataclass
class ChatCheck:
    """One chat's verdicts."""

    chat: int
    lost: list[int] = field(default_factory=list)
    twice: list[int] = field(default_factory=list)
    anomalies: list[str] = field(default_factory=list)
    order_violations: int = 0
    unmatched_replies: int = 0


def check_chat(
    engine: Engine, emulator_url: str, chat: int, deliveries: list[Delivery], since: int = 0
) -> ChatCheck:
    """The verdicts for ``chat`` on the updates in ``deliveries``; ``since``: tracker
    events before it (a setup) are not looked at for anomalies and order."""
    events = tracker_events(engine, chat)
    taken = [e.get("message_id") for e in events if e["event"] == "user"]
    result = ChatCheck(chat)
    for delivery in deliveries:
        count = taken.count(message_id(delivery.update_id))
        if count == 0:
            result.lost.append(delivery.update_id)
        elif count > 1:
            result.twice.append(delivery.update_id)
    result.anomalies = anomalies(events[since:])
    bot_turns = turns_of_replies(events[since:])
    replies = emulator_replies(emulator_url, chat)
    sent_before = messages_sent(events[:since])
    result.order_violations, result.unmatched_replies = order_violations(
        bot_turns, replies[sent_before:]
    )
    return result


def anomalies(events: list[JSON]) -> list[str]:
    """Signs that two turns of the chat ran at once."""
    found = []
    listening = True
    last_ts = float("-inf")
    for event in events:
        ts = event.get("timestamp") or 0.0
        if ts < last_ts - 1e-6:
            found.append(f"time goes back at {event['event']}")
        last_ts = max(last_ts, ts)
        if event["event"] == "user":
            if not listening:
                found.append(f"message {event.get('message_id')} taken in mid-turn")
            listening = False
        elif event["event"] == "action" and event.get("name") == "action_listen":
            listening = True
    return found


def turns_of_replies(events: list[JSON]) -> list[list[str]]:
    """The bot's texts, grouped by the turn (the message taken in) they answered."""
    turns: list[list[str]] = []
    for event in events:
        if event["event"] == "user":
            turns.append([])
        elif event["event"] == "bot" and event.get("text"):
            if not turns:
                turns.append([])
            turns[-1].append(_plain(str(event["text"])))
    return turns


def messages_sent(events: list[JSON]) -> int:
    """How many messages the bot's replies in ``events`` made (a turn's consecutive texts
    go as one, :func:`bot.telegram.delivery.messages_of_turn`)."""
    turns: list[list[JSON]] = [[]]
    for event in events:
        if event["event"] == "user":
            turns.append([])
        elif event["event"] == "bot":
            reply = {k: v for k, v in (event.get("data") or {}).items() if v}
            if event.get("text") or reply:
                turns[-1].append({**reply, "text": event.get("text")})
    return sum(len(messages_of_turn(turn)) for turn in turns)


def order_violations(turns: list[list[str]], replies: list[str]) -> tuple[int, int]:
    """How many delivered replies belong to an earlier turn than a reply delivered before
    them, and how many match no turn (a reply split in parts matches by its start)."""
    pointer, violations, unmatched = 0, 0, 0
    for reply in replies:
        plain = _plain(reply)
        head = plain[:60]

        def matches(turn: list[str], head: str = head, plain: str = plain) -> bool:
            return any(head in said or said[:60] in plain for said in turn if said)

        ahead = next((i for i in range(pointer, len(turns)) if matches(turns[i])), None)
        if ahead is not None:
            pointer = ahead
        elif any(matches(turn) for turn in turns[:pointer]):
            violations += 1
        else:
            unmatched += 1
    return violations, unmatched


def engine_for(url: str) -> Engine:
    """A small engine for reading the cluster's database from the bench."""
    return create_engine(
        url, pool_size=2, max_overflow=0, future=True,
        connect_args={"application_name": "bench"},
    )
