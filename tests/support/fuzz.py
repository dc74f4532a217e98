"""Seeded random walks through the dialogue, checking what must hold whatever people say.

A walk sends a random prefix drawn from a pool of messages (intake answers in many
wordings, hedged and plain red flags, corrections, questions, small talk, bad input,
button payloads), then only valid answers. After every bot turn of the intake:

- **no dead end**: the turn asks something (the intake's question, the clarifying safety
  question, buttons) or ends explicitly (🚨, the plan, a pause the person asked for);
- **no re-asking**: an answer the bot accepted is not asked for again unless the person
  corrected it or started over;
- **progress**: once the prefix is over, valid answers reach the plan within a bounded
  number of turns, unless a red flag was escalated (then the plan stays paused).

A failing walk is reported with its seed and transcript; the seed replays it exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from bot.content.texts import URGENT_MARK
from tests.support.domain import domain_responses
from tests.support.scripted_user import INTAKE_SLOTS, Transport, is_clarifying_question

#: Messages a walk's prefix draws from, by kind (our own wording, not an evaluation set).
POOL: dict[str, tuple[str, ...]] = {
    "answer": (
        "bending forward hurts", "it's worse when i lean back", "both ways really",
        "no movement makes it worse, it's just there", "putting my socks on is agony",
        "about three weeks", "since last month", "two months now", "on and off for years",
        "my hamstrings are tight", "i'm pretty flexible", "it locks up in the mornings",
        "6", "about a 4", "7/10", "yes down to my calf", "no just my back",
        "none of those", "nothing like that", "no",
    ),
    "hedged": (
        "i think my legs might be getting a bit weaker?",
        "my bum feels a bit funny maybe",
        "not sure if it's numb around there or not",
    ),
    "red_flag": (
        "i wet myself this morning and didn't feel it",
        "i can't feel anything when i wipe",
    ),
    "correction": (
        "actually it's been two months", "sorry i meant leaning back hurts", "start over",
    ),
    "question": (
        "how often should i do the exercises?", "is swimming ok for my back?",
        "why do i need stretching first?", "what can you do?",
    ),
    "small_talk": ("hi", "thanks", "ok", "lol", "are you a bot?", "good morning"),
    "bad_input": (
        "", "🙂🙂🙂", "x" * 5000, "¿dónde me duele? no sé", "-5", "999", "???", "/unknowncommand",
    ),
    "payload": ("/affirm", "/deny", "/start", "/help"),
}
#: The answer a person gives to each question once the prefix is over.
VALID: dict[str, str] = {
    "red_flag_screen": "none of these",
    "pain_direction": "bending forward makes it worse",
    "pain_duration_days": "3 weeks",
    "flexibility": "no, not tight at all",
    "spasm": "no, it hasn't locked up",
    "pain_score": "5",
    "leg_pain": "no",
}
#: Replies that end a turn well: each says what to do next, or ends what the person ended.
ENDINGS = (
    "utter_default", "utter_help", "utter_out_of_scope", "utter_goodbye", "utter_intake_paused",
    "utter_checkin_paused", "utter_schedule_skipped", "utter_after_plan", "utter_youre_welcome",
)
#: Turns allowed to reach the plan after the prefix: each question, a clarifying
#: question and its "no", and a few to spare.
PROGRESS_TURNS = 2 * len(VALID) + 4


@dataclass
class Walk:
    """One walk: its seed, what was said, and what went wrong."""

    seed: int
    transcript: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    escalated: bool = False
    planned: bool = False

    def report(self) -> str:
        """The seed, what went wrong, and the conversation."""
        return "\n".join(
            [f"walk seed={self.seed}: " + "; ".join(self.violations), *self.transcript]
        )


def _prefix(rng: random.Random, length: int) -> list[tuple[str, str]]:
    kinds = list(POOL)
    return [(k, rng.choice(POOL[k])) for k in (rng.choice(kinds) for _ in range(length))]


def _asks(replies: list[dict[str, Any]], state: dict[str, Any]) -> bool:
    """Whether the bot's turn asks something or ends explicitly."""
    texts = [str(r.get("text") or "") for r in replies]
    loop = (state.get("active_loop") or {}).get("name")
    return bool(
        (loop and (state.get("slots") or {}).get("requested_slot"))
        or any(r.get("buttons") for r in replies)
        or any(is_clarifying_question(t) or t.startswith(URGENT_MARK) for t in texts)
        or (texts and texts[-1].rstrip().endswith("?"))
        or (texts and any(texts[-1] in domain_responses(name) for name in ENDINGS))
    )


def _recommended(state: dict[str, Any], since: int) -> bool:
    events = (state.get("events") or [])[since:]
    return any(e.get("event") == "action" and e.get("name") == "action_recommend" for e in events)


def walk(transport: Transport, seed: int, sender: str, prefix_length: int = 6) -> Walk:
    """One seeded walk (see the module docstring for what it checks)."""
    rng = random.Random(seed)
    result = Walk(seed)
    accepted: dict[str, Any] = {}

    def turn(kind: str, text: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        before = len(transport.state(sender).get("events") or [])
        replies = transport.send(sender, text)
        state = transport.state(sender)
        result.transcript.append(f"  [{kind}] {text[:120]}")
        result.transcript.extend(f"      bot: {str(r.get('text') or '')[:160]}" for r in replies)
        slots = state.get("slots") or {}
        texts = [str(r.get("text") or "") for r in replies]
        if any(t.startswith(URGENT_MARK) for t in texts):
            result.escalated = True
        if _recommended(state, before):
            result.planned = True
        requested = slots.get("requested_slot")
        if kind == "correction" or (kind == "payload" and text == "/start"):
            accepted.clear()  # a correction or a fresh start may ask again
        elif requested in accepted and requested in INTAKE_SLOTS and not result.escalated:
            result.violations.append(f"asked again for {requested} after accepting it")
        for slot in INTAKE_SLOTS:
            if slots.get(slot) is not None:
                accepted[slot] = slots[slot]
            else:
                accepted.pop(slot, None)
        in_intake = not result.planned and not result.escalated
        if in_intake and not _asks(replies, state):
            result.violations.append(f"dead end after [{kind}]")
        return replies, state

    for kind, text in _prefix(rng, prefix_length):
        turn(kind, text)
        if result.violations:
            return result
    if result.escalated or result.planned:
        return result
    replies, state = turn("answer", "hi")
    for _ in range(PROGRESS_TURNS):
        if result.planned or result.escalated or result.violations:
            return result
        texts = [str(r.get("text") or "") for r in replies]
        requested = (state.get("slots") or {}).get("requested_slot")
        loop = (state.get("active_loop") or {}).get("name")
        if any(is_clarifying_question(t) for t in texts):
            text = "no"
        elif loop == "intake_form" and requested in VALID:
            text = VALID[str(requested)]
        else:
            text = "start"  # what every prompt outside the intake says to type
        replies, state = turn("valid", text)
    if not (result.planned or result.escalated):
        result.violations.append(f"no plan within {PROGRESS_TURNS} turns of valid answers")
    return result
