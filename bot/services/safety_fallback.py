"""What a person is told when the dialogue cannot run (its database or its action server
is down): safety fails closed.

A red flag the rule detector is sure of still gets its 🚨 and is kept for the journal
(:mod:`bot.store.outbox`); a possible one gets the apology with the warning signs to act
on, never a silent all-clear; someone else's emergency gets the advice about them;
anything else gets the plain apology.
"""

from __future__ import annotations

from typing import Any

from bot.content.responses import response
from bot.content.texts import SOMETHING_WENT_WRONG, SOMETHING_WENT_WRONG_SIGNS
from bot.domain.escalation import ESCALATIONS, SOMEONE_ELSES
from bot.nlu.red_flags import assess
from bot.nlu.red_flags.vocabulary import CRISIS
from bot.store import outbox


def reply_without_dialogue(conversation_id: str, text: str) -> list[dict[str, Any]]:
    """The replies to ``text`` when the conversation itself cannot be run."""
    verdict = assess(text or "")
    if verdict.level == "urgent" and verdict.category is not None:
        crisis = verdict.category == CRISIS
        kind = "crisis" if crisis else "red_flag"
        escalation = response(ESCALATIONS[kind], red_flag_category=verdict.category).text
        outbox.record_safety_event(conversation_id, kind, verdict.category, text)
        return [{"text": escalation}, {"text": SOMETHING_WENT_WRONG}]
    if verdict.level == "clarify":
        return [{"text": SOMETHING_WENT_WRONG_SIGNS}]
    if verdict.level == "other" and verdict.category is not None:
        # someone else's emergency: the advice about them, whatever is down
        advice = response(SOMEONE_ELSES, other_red_flag=verdict.category).text
        return [{"text": advice}, {"text": SOMETHING_WENT_WRONG}]
    return [{"text": SOMETHING_WENT_WRONG}]
