"""What the conversation so far tells the intake form: which question is open or was
asked, whether a clarifying question was just cleared, answers the NLU marked for a
question, and questions that answer nothing."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.common import (
    FORM_SLOTS,
    entity_in_latest_message,
    latest_intent,
    latest_text,
    value_before_latest_message,
)
from bot.domain.escalation import CHECKS, CLEARS, SCREEN_SLOT
from bot.nlu.answers import asks_about_what_it_said, asks_in_so_many_words, concludes, stated_at
from bot.nlu.dates import utc_today
from bot.nlu.duration import start_named_in
from bot.nlu.echoes import answer_after_asking_back
from bot.nlu.patterns import HISTORY
from bot.nlu.pipeline import extract


def with_role(tracker: Tracker, entity: str, role: str) -> Any:
    """The value of an entity the NLU marked with ``role`` in the latest message: a long
    recurring history ("on and off for 20 years"), a movement named without saying that
    it hurts ("standing at the whiteboard and walking the kids out"). After a clear "no"
    to a clarifying question, the message it asked about, which answered the question the
    form asks again ("bending forward, and i think my legs might be getting weaker?")."""
    messages = [tracker.latest_message]
    if cleared_a_check(tracker):
        users = [e for e in reversed(tracker.events) if e.get("event") == "user"]
        messages += [u.get("parse_data") or {} for u in users[1:2]]
    for message in messages:
        for e in message.get("entities", []):
            if e.get("entity") == entity and e.get("role") == role:
                return e["value"]
    return None


def answer_marked(tracker: Tracker, slot: str, role: str) -> dict[str, Any]:
    """The slot set from an entity the NLU marked with ``role``, when the form asked for
    it and the message holds no plain answer; else nothing."""
    if not asked(tracker, slot) or is_question(tracker):
        return {}
    if entity_in_latest_message(tracker, slot):
        return {}
    value = with_role(tracker, slot, role)
    return {} if value is None else {slot: value}


def asked(tracker: Tracker, slot: str) -> bool:
    """Whether the form asked for ``slot``: its question is the open one, or the intake
    resumes after a clear "no" to a clarifying question that interrupted that question
    (the first one not yet answered)."""
    requested = tracker.get_slot("requested_slot")
    if requested is not None:
        return bool(requested == slot)
    unanswered = [name for name in FORM_SLOTS if tracker.get_slot(name) is None]
    return cleared_a_check(tracker) and unanswered[:1] == [slot]


def ever_asked(tracker: Tracker, slot: str) -> bool:
    """Whether the form has asked for ``slot`` since the intake last started over."""
    asked = False
    for event in tracker.events:
        kind, name, value = event.get("event"), event.get("name"), event.get("value")
        if kind == "restart" or (kind == "slot" and name == slot and value is None):
            asked = False
        elif kind == "slot" and name == "requested_slot":
            asked = asked or value == slot
    return asked


def spasm_still_to_ask(tracker: Tracker) -> bool:
    """Whether the spasm half needs a question of its own: the tightness was told in
    passing (in the opening, with another answer), so the two-part question that also
    asks about spasm never came, and nothing was said of spasm before the latest message
    (an answer in it is validated and journaled as the answer to that question)."""
    return (
        value_before_latest_message(tracker, "spasm") is None
        and tracker.get_slot("flexibility") is not None
        and not ever_asked(tracker, "flexibility")
    )


def cleared_a_check(tracker: Tracker, checks: tuple[str, ...] = tuple(CLEARS)) -> bool:
    """Whether the bot thanked the person for a clear "no" to a clarifying question (of
    one of ``checks``) since their latest message."""
    thanks = {CLEARS[check] for check in checks}
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") in thanks:
            return True
    return False


def checked_in_place_of_the_screen(tracker: Tracker) -> bool:
    """Whether the latest clarifying red-flag question was asked while the screen was the
    open question (an answer to it that was neither a yes nor a clear no)."""
    events = list(tracker.events)
    asked = next(
        (i for i in range(len(events) - 1, -1, -1)
         if events[i].get("event") == "action" and events[i].get("name") == CHECKS["red_flag"]),
        None,
    )
    if asked is None:
        return False
    requested = next(
        (e.get("value") for e in reversed(events[:asked])
         if e.get("event") == "slot" and e.get("name") == "requested_slot"),
        None,
    )
    return bool(requested == SCREEN_SLOT)


def is_question(tracker: Tracker) -> bool:
    """A question about the programme ("is 3 times a week ok?") answers nothing, also when
    the model read it otherwise ("Christmas is our busiest time, should I wear a belt?")."""
    entities = tracker.latest_message.get("entities", [])
    text = latest_text(tracker)
    requested = tracker.get_slot("requested_slot")
    if asks_about_what_it_said(text) and any(
        e.get("entity") == requested and stated_at(text, int(e.get("start") or 0))
        for e in entities
    ):
        return False  # "Sorta into the right hip. Is that leg?": stated, then asked about
    if latest_intent(tracker) == "ask_programme":
        return True
    if answer_after_asking_back(text) is not None:
        return False  # "why? um 5 days": a question put back, then the answer
    plain = any(not e.get("role") for e in entities)
    # "Why, is that a bad sign? Anyway no, it doesn't go down either leg": asked, then answered
    return not plain and asks_in_so_many_words(text) and not concludes(text)


def bare_word_for_another_question(tracker: Tracker, slot: str) -> bool:
    """Whether ``slot``'s entity is a single word ("none", "neither") in a message that
    answers another question (another intake question, or a clarifying safety question:
    "No, none."): there it is that question's answer, not this one's."""
    requested = tracker.get_slot("requested_slot")
    if requested in (None, slot) and not cleared_a_check(tracker):
        return False
    text = latest_text(tracker)
    spans = [
        text[int(e.get("start", 0)) : int(e.get("end", 0))]
        for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == slot
    ]
    return bool(spans) and all(len(span.split()) == 1 for span in spans)


#: Where a sentence ends, before the one that asks.
_SENTENCE_END = re.compile(r"[.!;\n]")


def said_before_asking(text: str) -> tuple[str, str] | None:
    """A message that says something, then asks ("8 days. can I still play football?"):
    the statement before the sentence that asks, and that question; None if the message
    opens with its question or asks nothing."""
    mark = text.find("?")
    if mark < 0:
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, mark)]
    if not ends or not text[: ends[-1]].strip(" .!;\n"):
        return None
    return text[: ends[-1]].strip(), text[ends[-1] :].strip()


def answer_before_the_question(statement: str, slot: str) -> Any:
    """The answer to ``slot``, the open question, in the statement said before a question
    about the programme ("8 days. can I still play football?", "bending forward hurts.
    should I stop yoga?"): read from the statement alone, so the question asks nothing
    away from it. None when the statement does not answer it (a history is no answer)."""
    for found in extract(statement, utc_today()):
        if found.entity == slot and found.role != HISTORY:
            return found.value
    if slot == "pain_duration_days":
        return start_named_in(statement, utc_today())  # "monday 30/11. is that bad?"
    return None
