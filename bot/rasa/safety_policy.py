"""A dialogue policy that makes the safety escalation win over any active form.

Rasa's RulePolicy always lets an active form run first, so a red flag said in the middle
of the intake would be swallowed. This policy predicts the escalation sequence of
:func:`bot.domain.escalation.next_safety_action` with a priority above RulePolicy's, as a prediction
that overrules the form's own. It has nothing to learn.
"""

from __future__ import annotations

from typing import Any

from rasa.core.constants import POLICY_PRIORITY, RULE_POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.domain.escalation import (
    CHECKS,
    CLEARS,
    DEACTIVATE_LOOP,
    ESCALATIONS,
    LISTEN,
    OTHER_ENTITY,
    PAUSE_SLOT,
    SCREEN_SLOT,
    SCREEN_SLOTS,
    UNSPECIFIED,
    is_unsure,
    next_safety_action,
    possible_intent,
    same_words,
)
from bot.domain.programme import INTAKE_SLOTS
from bot.nlu.clear_no import starts_with_no

#: What may follow the clarifying question in the same bot turn.
_QUIET = frozenset({DEACTIVATE_LOOP, LISTEN})


#: The safety intent each clarifying question asks about.
_CHECKED = {check: intent for intent, check in CHECKS.items()}


def _clarifying(tracker: DialogueStateTracker) -> tuple[str | None, str | None]:
    """The safety intent the bot's last turn asked about, if it ended with a clarifying
    question, and which form was active then (the one to go back to after a "no")."""
    events = list(tracker.events)
    latest = next(
        (i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), None
    )
    if latest is None:
        return None, None
    asked_at = None
    for i in range(latest - 1, -1, -1):
        event = events[i]
        if isinstance(event, UserUttered):
            return None, None
        if isinstance(event, ActionExecuted) and event.action_name:
            if event.action_name in _CHECKED:
                asked_at = i
                break
            if event.action_name not in _QUIET:
                return None, None
    if asked_at is None:
        return None, None
    checked = _CHECKED[str(events[asked_at].action_name)]
    for event in reversed(events[:asked_at]):
        if isinstance(event, ActiveLoop):
            return checked, event.name
    return checked, None


def _possible(message: UserUttered | None) -> str | None:
    """The category of a possible red flag or crisis the NLU marked in a message."""
    for entity in (message.entities if message else None) or []:
        if entity.get("entity") == "red_flag_uncertain":
            return str(entity.get("value") or "unspecified")
    return None


def _someone_elses(message: UserUttered | None) -> bool:
    """Whether the message tells of someone else's emergency (the safety union marks it)."""
    return message is not None and any(
        e.get("entity") == OTHER_ENTITY for e in message.entities or []
    )


def _says_clear_no(message: UserUttered | None) -> bool:
    """Whether the NLU marked a clear "no" that also holds an intake answer ("No, nothing
    like that. Only my back."): an answer to the clarifying question like a plain "no"."""
    return any(
        entity.get("entity") == "clear_no" for entity in (message.entities if message else [])
    )


def _cleared_signs(tracker: DialogueStateTracker) -> set[tuple[str, str]]:
    """The possible signs a clear "no" has cleared in this conversation, each as its
    category and its words (see :func:`bot.domain.escalation.same_words`)."""
    cleared: set[tuple[str, str]] = set()
    last: UserUttered | None = None
    asked_about: UserUttered | None = None
    clears = set(CLEARS.values())
    for event in tracker.events:
        if isinstance(event, UserUttered):
            last = event
        elif isinstance(event, ActionExecuted) and event.action_name in _CHECKED:
            asked_about = last
        elif isinstance(event, ActionExecuted) and event.action_name in clears and asked_about:
            category = _possible(asked_about)
            if category is not None:
                cleared.add((category, same_words(asked_about.text or "")))
            asked_about = None
    return cleared


def _actions_since_last_message(tracker: DialogueStateTracker) -> list[str]:
    actions: list[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted) and event.action_name:
            actions.append(event.action_name)
    return list(reversed(actions))


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=True
)
class SafetyPolicy(Policy):
    """Predicts the escalation, closing the form, recording, listening (see module)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Above RulePolicy, so that it wins ties with the form's prediction."""
        return {POLICY_PRIORITY: RULE_POLICY_PRIORITY + 1}

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        """Nothing to learn: the rules are in :mod:`bot.domain.escalation`."""
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Confidence 1 for the next escalation step, nothing otherwise."""
        probabilities = self._default_predictions(domain)
        intent = tracker.latest_message.intent.get("name") if tracker.latest_message else None
        text = (tracker.latest_message.text if tracker.latest_message else None) or ""
        checked, resume_loop = _clarifying(tracker)
        category = _possible(tracker.latest_message)
        if checked and _says_clear_no(tracker.latest_message):
            intent = "deny"
        intake_done = all(tracker.get_slot(slot) is not None for slot in INTAKE_SLOTS)
        action = next_safety_action(
            intent,
            _actions_since_last_message(tracker),
            active_loop=tracker.active_loop_name,
            screening=bool(tracker.active_loop_name)
            and tracker.get_slot("requested_slot") in SCREEN_SLOTS,
            possible=intent if category and intent in CHECKS else possible_intent(category),
            checked=checked,
            resume_loop=resume_loop,
            unsure=is_unsure(text) and not _says_clear_no(tracker.latest_message),
            cleared_before=category is not None
            and (category, same_words(text)) in _cleared_signs(tracker),
            intake_done=intake_done,
            opens_with_no=starts_with_no(text),
            # only the model heard it, and the intake's screen has yet to be asked
            screen_ahead=category == UNSPECIFIED and not intake_done
            and tracker.get_slot(SCREEN_SLOT) is None,
            # only the model heard it, in this intake after its screen was answered no
            screen_cleared=category == UNSPECIFIED and not intake_done
            and tracker.get_slot(SCREEN_SLOT) is False,
            someone_else=_someone_elses(tracker.latest_message),
            # an answer to the screen that is neither a yes nor a clear no (not a question:
            # "how does this work?" gets its answer and the screen again)
            unread_no=category is None and not _says_clear_no(tracker.latest_message)
            and not text.rstrip().endswith("?") and (
                intent == "inform" or starts_with_no(text)
                and intent not in ("deny", "affirm", "ask_programme", "help", *ESCALATIONS)
            ),
        )
        if action is None:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        # A red flag pauses the plan here, with the 🚨, so the pause holds even when the
        # action server that journals it is down.
        pause = [SlotSet(PAUSE_SLOT, True)] if action == ESCALATIONS["red_flag"] else None
        # Like the form's own prediction, this one does not depend on featurised user
        # input, and among such predictions the higher priority wins.
        return self._prediction(probabilities, optional_events=pause, is_no_user_prediction=True)
