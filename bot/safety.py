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
#: The clarifying yes/no question for a possible red flag, and the reply to its "no".
CHECK = "utter_red_flag_check"
CLEARED = "utter_red_flag_cleared"
#: The clarifying question each safety intent gets when it is only possible.
CHECKS: dict[str, str] = {"red_flag": CHECK}
#: What a red flag seen by the trained model alone gets. Measured end to end on the
#: corpus (tests/safety/corpus.yml): DIET alone raised 26 of 131 benign messages ("numb
#: foot", "i fell asleep on the sofa"), 18 of them at confidence >= 0.98, so a 🚨 on its
#: word alone would be a false alarm one time in five; it gets the clarifying question
#: instead, whose "yes" (or any answer but "no") escalates.
MODEL_ALONE_ASKS = True
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
    uncertain: bool = False,
    after_check: bool = False,
    resume_loop: str | None = None,
) -> str | None:
    """The next action of the safety sequence, or None when safety has nothing to say.

    The sequence wins over everything, an active form included: the escalation first,
    then the form is closed, then the event is recorded (when the action server is
    reachable; the escalation itself needs no action server), then listen.

    A possible red flag (``uncertain``: the matcher's hedged mention, or the model alone)
    gets one clarifying yes/no question instead, the form closed while it is answered.
    After it (``after_check``), "no" gets a thank-you and the interrupted form
    (``resume_loop``) goes on; anything else escalates: when in doubt, escalate.
    """
    done = [a for a in actions_since_message if a not in _BOOKKEEPING]
    if after_check and intent not in ESCALATIONS:
        if intent == "deny":
            return _cleared(done, resume_loop)
        intent = "red_flag"
    elif uncertain and intent == "red_flag" and not after_check:
        return _check(done, active_loop)
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


def _check(done: Sequence[str], active_loop: str | None) -> str | None:
    """Ask, close the form while the question is answered, listen."""
    if not done:
        return CHECK
    if done[-1] == CHECK:
        return DEACTIVATE_LOOP if active_loop else LISTEN
    if done[-1] == DEACTIVATE_LOOP and CHECK in done:
        return LISTEN
    return None


def _cleared(done: Sequence[str], resume_loop: str | None) -> str | None:
    """Thank them, then the interrupted form asks its question again (or listen)."""
    if not done:
        return CLEARED
    if done[-1] == CLEARED:
        return resume_loop or LISTEN
    return None


@dataclass(frozen=True)
class Union:
    """What the two detectors decide together: the intent to force, the category, and
    whether it is only possible (a clarifying question) rather than certain (🚨)."""

    intent: str | None
    category: str | None
    uncertain: bool = False


def union_of_detectors(
    model_intent: str | None,
    matcher_level: str,
    matcher_category: str | None,
    matcher_saw_only_negations: bool,
    *,
    model_alone_asks: bool = MODEL_ALONE_ASKS,
) -> Union:
    """Union of the trained model and the rule matcher; either one alone is heard.

    The matcher wins on category. Its certain mention escalates; its hedged mention
    ("clarify") gets the clarifying question, except for crisis language, which escalates
    (when in doubt, escalate). The model's red flag is overruled when the matcher saw the
    symptoms and every one was negated ("no numbness, bladder fine"); when the matcher
    saw nothing, it gets the clarifying question (``model_alone_asks``). The model's crisis
    alone is not acted on: ``Union(DEMOTE, None)`` tells the caller to fall back to the
    model's best other intent. Measured: on the fresh held-out set it caught none of the
    crisis messages the matcher missed, and on the corpus it raised 4 of 131 benign ones
    ("i'm going to hurt myself doing these stretches lol").
    """
    if matcher_level == "urgent" and matcher_category:
        intent = "crisis" if matcher_category == "crisis" else "red_flag"
        return Union(intent, matcher_category)
    if matcher_level == "clarify" and matcher_category:
        if matcher_category == "crisis":
            return Union("crisis", "crisis")
        return Union("red_flag", matcher_category, uncertain=True)
    if model_intent in ESCALATIONS:
        if matcher_saw_only_negations:
            return Union("inform", None)
        if model_intent == "red_flag" and model_alone_asks:
            return Union("red_flag", UNSPECIFIED, uncertain=True)
        return Union(DEMOTE, None)
    return Union(None, None)
