"""Safety rules: when an escalation must be sent, and which detector decides.

Plain functions, no Rasa: the policy (:mod:`bot.safety_policy`) and the NLU union
(:mod:`bot.nlp.safety_union`) only feed them what the tracker or the message says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: The escalation each safety intent gets (responses in domain.yml, all starting with 🚨).
ESCALATIONS: dict[str, str] = {"red_flag": "utter_red_flag", "crisis": "utter_crisis"}
RECORD_ACTION = "action_record_red_flag"
DEACTIVATE_LOOP = "action_deactivate_loop"
LISTEN = "action_listen"
#: Questions a "yes" to which is a red flag: the intake screen and the check-in's last one.
SCREEN_SLOTS = frozenset({"red_flag_screen", "checkin_warning"})
#: Category given when only the trained model saw a red flag.
UNSPECIFIED = "unspecified"
#: Union verdict: drop the model's safety intent for its best other guess.
DEMOTE = "demote"
#: Whether the trained model alone may escalate. Measured end to end on the held-out
#: corpus (tests/safety/corpus.yml): DIET alone raised 26 of 131 benign messages ("numb
#: foot", "i fell asleep on the sofa"), 18 of them at confidence >= 0.98, while the rule
#: matcher caught all 201 red flags with no false alarm. Until a model-only hit gets a
#: clarifying question instead of a 🚨, the model escalates only with the matcher.
MODEL_ALONE_ESCALATES = False
#: Actions Rasa runs by itself that say nothing about the conversation's course.
_BOOKKEEPING = frozenset({"action_listen", "action_extract_slots", "action_session_start"})


def escalation_for(intent: str | None, *, screening: bool = False) -> str | None:
    """The escalation a message calls for: a safety intent, or "yes" to the intake screen."""
    if intent in ESCALATIONS:
        return ESCALATIONS[intent]
    if screening and intent == "affirm":
        return ESCALATIONS["red_flag"]
    return None


def next_safety_action(
    intent: str | None,
    actions_since_message: Sequence[str],
    *,
    active_loop: str | None,
    screening: bool = False,
) -> str | None:
    """The next action of the escalation sequence, or None when safety has nothing to say.

    The sequence wins over everything, an active form included: the escalation first,
    then the form is closed, then the event is recorded (when the action server is
    reachable; the escalation itself needs no action server), then listen.
    """
    done = [a for a in actions_since_message if a not in _BOOKKEEPING]
    # A "yes" to a screening question stays one once the form it answered is closed.
    screened = screening or (intent == "affirm" and ESCALATIONS["red_flag"] in done)
    escalation = escalation_for(intent, screening=screened)
    if escalation is None:
        return None
    if not done:
        return escalation
    if done[-1] == escalation:
        return DEACTIVATE_LOOP if active_loop else RECORD_ACTION
    if done[-1] == DEACTIVATE_LOOP and escalation in done:
        return RECORD_ACTION
    if done[-1] == RECORD_ACTION:
        return LISTEN
    return None


@dataclass(frozen=True)
class Union:
    """What the two detectors decide together: the intent to force and the category."""

    intent: str | None
    category: str | None


def union_of_detectors(
    model_intent: str | None,
    matcher_level: str,
    matcher_category: str | None,
    matcher_saw_only_negations: bool,
    *,
    model_alone_escalates: bool = MODEL_ALONE_ESCALATES,
) -> Union:
    """Union of the trained model and the rule matcher; either one alone can escalate.

    The matcher wins on category. "clarify" escalates too (when in doubt, escalate). The
    model's red flag is overruled when the matcher saw the symptoms and every one was
    negated ("no numbness, bladder fine"), and, while ``model_alone_escalates`` is off,
    whenever the matcher saw nothing: ``Union(DEMOTE, None)`` then tells the caller to
    fall back to the model's best other intent.
    """
    if matcher_level in ("urgent", "clarify") and matcher_category:
        intent = "crisis" if matcher_category == "crisis" else "red_flag"
        return Union(intent, matcher_category)
    if model_intent in ESCALATIONS:
        if matcher_saw_only_negations:
            return Union("inform", None)
        if not model_alone_escalates:
            return Union(DEMOTE, None)
        return Union(model_intent, "crisis" if model_intent == "crisis" else UNSPECIFIED)
    return Union(None, None)
