"""Safety rules: when an escalation must be sent, and which detector decides.

Plain functions, no Rasa: the policy (:mod:`bot.rasa.safety_policy`) and the NLU union
(:mod:`bot.nlu.components.safety_union`) only feed them what the tracker or the message says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: The escalation each safety intent gets (responses in domain.yml, all starting with 🚨).
ESCALATIONS: dict[str, str] = {"red_flag": "utter_red_flag", "crisis": "utter_crisis"}
#: Urgent advice about someone else's emergency (worded for them, by category), and the
#: entity that marks one (its category).
SOMEONE_ELSES = "utter_red_flag_other"
OTHER_ENTITY = "other_red_flag"
RECORD_ACTION = "action_record_red_flag"
#: The slot that pauses the plan while a red flag is unresolved.
PAUSE_SLOT = "red_flag_active"
DEACTIVATE_LOOP = "action_deactivate_loop"
LISTEN = "action_listen"
#: The form a cleared clarifying question goes back to when nothing else was running.
INTAKE = "intake_form"
#: What follows it when there is nothing to go back to: what the person can do next.
WHAT_NEXT = "utter_what_next"
#: Questions a "yes" to which is a red flag: the intake screen and the check-in's last one.
#: The intake's warning-sign screen, its first question.
SCREEN_SLOT = "red_flag_screen"
SCREEN_SLOTS = frozenset({SCREEN_SLOT, "checkin_warning"})
#: Category given when only the trained model saw a red flag.
UNSPECIFIED = "unspecified"
#: The clarifying yes/no question each safety intent gets when it is only possible (the
#: red-flag one worded for the category seen), and the reply to its "no".
CHECKS: dict[str, str] = {"red_flag": "utter_red_flag_check", "crisis": "utter_crisis_check"}
CLEARS: dict[str, str] = {"red_flag": "utter_red_flag_cleared", "crisis": "utter_crisis_cleared"}
#: Words that make a "no" to a clarifying question not a clear one ("i don't know",
#: "no, i don't think so", "not sure", "no?"): it then escalates, as anything but "no" does.
_UNSURE = frozenset(
    {"sure", "unsure", "maybe", "perhaps", "think", "idk", "dunno", "possibly",
     "might", "certain", "sometimes", "guess", "kinda", "probably", "hmm", "unclear",
     "idea", "clue", "remember", "recall"}
)
#: Words of certainty: a hedge only after a negation ("not sure"; "I am sure" is sure).
_SURE = frozenset({"sure", "certain"})
#: "know" hedges after one of these ("i don't know", "who knows"), not alone ("I'd know").
_NOT_KNOWING = frozenset({"dont", "not", "no", "never", "didnt", "doesnt", "who", "god", "cant",
                          "nobody", "wouldnt"})
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
    possible: str | None = None,
    checked: str | None = None,
    resume_loop: str | None = None,
    unsure: bool = False,
    cleared_before: bool = False,
    intake_done: bool = True,
    opens_with_no: bool = False,
    screen_ahead: bool = False,
    screen_cleared: bool = False,
    someone_else: bool = False,
    unread_no: bool = False,
) -> str | None:
    """The next action of the safety sequence, or None when safety has nothing to say.

    The sequence wins over everything, an active form included: the escalation first,
    then the form is closed, then the event is recorded (when the action server is
    reachable; the escalation itself needs no action server), then listen.

    A possible red flag or crisis (``possible``: the safety intent a hedged mention of the
    matcher, or the model alone, calls for) gets one clarifying yes/no question instead,
    the form closed while it is answered; unless the person already said a clear "no" to
    the same words in this conversation (``cleared_before``): then the message is what it
    otherwise reads as. After the question (``checked``: the safety intent it asked about),
    "no" gets a thank-you and the conversation goes on where it was: the interrupted form
    (``resume_loop``), else the intake when it is not finished (``intake_done``). Anything
    else, an ``unsure`` "no" or a possible sign of the same kind in the answer included,
    escalates what was asked about: when in doubt, escalate. A "no" (or an answer that
    opens with one, ``opens_with_no``) with a possible sign of the other kind in it asks
    about that one. A certain one in the answer
    escalates as itself.

    A possible red flag that only the trained model heard, before the intake has asked
    its warning-sign screen (``screen_ahead``), starts the intake instead: the screen,
    its first question, asks about every sign the clarifying question would, so the
    person is asked once, not twice, and a "yes" to it escalates all the same. (On the
    47 seen intake sets the model alone took 1 opening in 9 for a possible sign.) A
    possible crisis is not on the screen and is still asked about. Once the screen has
    been answered with a clear no in this intake (``screen_cleared``), the model alone is
    not heard on the intake's later answers either, while the intake form runs: the
    screen has just asked about every sign, and the model takes ordinary answers for
    signs ("Since Tuesday, the 1st. Bin day, I noticed it"); the matcher, and a possible
    crisis, still are.

    An answer to the warning-sign screen that is neither a yes nor a clear no
    (``unread_no``: "No. I lost weight in the summer, but...", "I don't think so. I get
    tingling in my toes, it's been checked", or an answer about something else), like a
    hedged "no", gets the clarifying yes/no question once, never the list again.

    Someone else's emergency (``someone_else``, when nothing is the writer's own) gets the
    urgent advice about them; then the conversation goes on: the form asks its question
    again, or the bot listens.
    """
    done = [a for a in actions_since_message if a not in _BOOKKEEPING]
    if someone_else and checked is None and possible is None and intent not in ESCALATIONS:
        return _for_someone_else(done, active_loop)
    if checked in CHECKS and (intent not in ESCALATIONS or possible is not None):
        # Only a certain red flag or crisis in the answer escalates as itself; a possible
        # one (the model alone hearing "i don't know") is an answer that is not a clear no.
        if (intent == "deny" or opens_with_no) and not unsure and possible is None:
            # "no", or an answer that opens with one and raises nothing ("no leg works fine
            # just hurts"): cleared
            return _cleared(done, CLEARS[checked], resume_loop or (None if intake_done else INTAKE))
        if (
            (intent == "deny" or opens_with_no) and not unsure
            and possible in CHECKS and possible != checked
        ):
            # "No" to the question asked, with a possible sign of the other kind in it ("No,
            # I had a cancer scare years ago but the tests were all clear" to the crisis
            # question): that question is answered, the other one is asked
            return _check(done, CHECKS[possible], active_loop)
        intent = checked
    elif possible in CHECKS and checked is None and not cleared_before:
        if possible == "red_flag" and screen_ahead and active_loop is None:
            return None if done else INTAKE
        if possible == "red_flag" and screen_cleared and active_loop == INTAKE:
            return None
        return _check(done, CHECKS[possible], active_loop)
    elif (
        ((intent == "deny" and unsure) or unread_no) and checked is None
        and (screening or CHECKS["red_flag"] in done)
    ):
        # "I don't think so" to the warning-sign screen, or a "no" with more to it than
        # reads as a clear one: ask once.
        return _check(done, CHECKS["red_flag"], active_loop)
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


def possible_intent(category: str | None) -> str | None:
    """The safety intent a possible sign of this category calls for (None: no sign)."""
    if category is None:
        return None
    return "crisis" if category == "crisis" else "red_flag"


def same_words(text: str) -> str:
    """A message as "said the same way": lower case, letters and digits only."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("\u2019", "")))


def ordinary_reading(ranking: Sequence[str]) -> str:
    """What a message reads as apart from safety: the model's best intent that is not a
    safety one nor the fallback's mark (``inform`` when it ranked none)."""
    return next(
        (name for name in ranking if name not in ESCALATIONS and name != "nlu_fallback"),
        "inform",
    )


def is_unsure(text: str) -> bool:
    """Whether an answer hedges ("i don't know", "not sure", "no?"): not a clear "no"."""
    plain = text.lower().replace("'", "").replace("\u2019", "")
    words = re.findall(r"[a-z]+", plain)
    # within a clause: "no, definitely not, I'd know" knows (the "not" is the clause before)
    not_knowing = any(
        w in ("know", "knows") and set(said[max(0, i - 2) : i]) & _NOT_KNOWING
        for said in (re.findall(r"[a-z]+", clause) for clause in re.split(r"[,.;:!]", plain))
        for i, w in enumerate(said)
    )
    # "sorry if I was unclear": their own wording, no doubt about the answer
    own_wording = {
        i for i, w in enumerate(words) if w == "unclear" and set(words[max(0, i - 2) : i]) & {
            "was", "were", "been", "being", "im", "am"
        }
    }
    # "I am sure", "quite certain", "No, I'm quite sure": sure of the answer; "not sure",
    # "never certain": unsure (a "no" before a comma is the answer, not a doubt)
    clause_of = [
        n for n, c in enumerate(re.split(r"[,.;:!]", plain)) for _ in re.findall(r"[a-z]+", c)
    ]
    doubted = {
        i for i, w in enumerate(words)
        if w in _SURE and not {
            v for j, v in enumerate(words[max(0, i - 3) : i], max(0, i - 3))
            if clause_of[j] == clause_of[i]
        } & _NOT_KNOWING
    }
    return _ends_in_doubt(text) or not_knowing or any(
        w in _UNSURE and i not in own_wording and i not in doubted for i, w in enumerate(words)
    )


#: Openings of a question asked back about the question itself ("why do you ask?").
_ASKING_WHY = re.compile(r"^\s*(?:but\s+|and\s+)?(?:why|how come|what for)\b", re.IGNORECASE)


def _ends_in_doubt(text: str) -> bool:
    """Whether the answer ends on a question mark that doubts it ("no?", "not really?"),
    not on a question asked back after an answer said first ("No, it's not urgent. Why do
    you ask?", "no, why?")."""
    body = text.rstrip()
    if not body.endswith("?"):
        return False
    body = body[:-1]
    cut = max(body.rfind(mark) for mark in ".!,;")
    if "?" in body or cut < 0:
        return True
    said, asked = body[:cut], body[cut + 1 :]
    return not (said.strip() and _ASKING_WHY.match(asked))


def _check(done: Sequence[str], check: str, active_loop: str | None) -> str | None:
    """Ask, close the form while the question is answered, listen."""
    if not done:
        return check
    if done[-1] == check:
        return DEACTIVATE_LOOP if active_loop else LISTEN
    if done[-1] == DEACTIVATE_LOOP and check in done:
        return LISTEN
    return None


def _for_someone_else(done: Sequence[str], active_loop: str | None) -> str | None:
    """The advice about them, then the form (if one was running) or listen."""
    if not done:
        return SOMEONE_ELSES
    if done[-1] == SOMEONE_ELSES:
        return active_loop or LISTEN
    return None


def _cleared(done: Sequence[str], cleared: str, resume_loop: str | None) -> str | None:
    """Thank them, then the interrupted form asks its question again, or say what the
    person can do next; then listen."""
    if not done:
        return cleared
    if done[-1] == cleared:
        return resume_loop or WHAT_NEXT
    if done[-1] == WHAT_NEXT:
        return LISTEN
    return None


@dataclass(frozen=True)
class Union:
    """What the two detectors decide together: the intent to force, the category, and
    whether it is only possible (a clarifying question) rather than certain (🚨)."""

    intent: str | None
    category: str | None
    uncertain: bool = False
    someone_else: str | None = None  # the category of another person's emergency


def union_of_detectors(
    model_intent: str | None,
    matcher_level: str,
    matcher_category: str | None,
    matcher_saw_only_negations: bool,
    *,
    model_can_read: bool = True,
    clear_no: bool = False,
    model_confidence: float = 1.0,
    model_alone_floor: float = 0.0,
) -> Union:
    """Union of the trained model and the rule matcher; either one alone is heard.

    The matcher wins on category. Its certain mention escalates; its hedged mention
    ("clarify") gets the clarifying question, except for crisis language, which escalates
    (when in doubt, escalate). The model's red flag or crisis is overruled when the
    matcher saw the symptoms and every one was negated ("no numbness, bladder fine");
    when the matcher saw nothing, it gets the clarifying question.

    Why the model alone asks rather than escalates or is ignored: on the corpus
    (tests/sets/safety/corpus.yml) DIET alone raised 26 of 131 benign messages ("numb foot",
    "i fell asleep on the sofa"), 18 of them at confidence >= 0.98, so a 🚨 on its word
    alone would be a false alarm one time in five. Ignoring it would be worse: on the
    blind set of 2026-11-24 it was the only detector to see 4 of 10 crisis messages
    ("whats the point of carrying on like this. kids would manage without me").

    ``model_can_read`` is False for a message longer than any the model learnt from (over
    :data:`bot.domain.answers.LONG_MESSAGE` characters, "my back my back ..." pasted 700 times):
    its guess alone is noise there, while the matcher still reads every word. Nor is it
    heard alone on a ``clear_no`` ("no lah, don't have that", :mod:`bot.nlu.answers`): as
    the answer to its own clarifying question, such a "no" would escalate every time.
    Nor below ``model_alone_floor`` (its confidence, ``model_confidence``, too low for the
    model alone: see ``model_alone_min_confidence`` in config.yml for how it was chosen).
    """
    if matcher_level == "urgent" and matcher_category:
        intent = "crisis" if matcher_category == "crisis" else "red_flag"
        return Union(intent, matcher_category)
    if matcher_level == "clarify" and matcher_category:
        if matcher_category == "crisis":
            return Union("crisis", "crisis")
        return Union("red_flag", matcher_category, uncertain=True)
    if matcher_level == "other" and matcher_category:
        # someone else's, and nothing of the writer's: what the model heard is theirs too
        return Union(None, None, someone_else=matcher_category)
    if model_intent in ESCALATIONS:
        if (
            matcher_saw_only_negations or not model_can_read or clear_no
            or model_confidence < model_alone_floor
        ):
            return Union("inform", None)
        category = "crisis" if model_intent == "crisis" else UNSPECIFIED
        return Union(model_intent, category, uncertain=True)
    return Union(None, None)
