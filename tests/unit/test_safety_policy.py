"""The safety policy on real trackers: what it predicts after a message the NLU marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa.safety_policy import SafetyPolicy
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(ROOT / "domain.yml")


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory) -> SafetyPolicy:
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("policy")))
    return SafetyPolicy.create(
        SafetyPolicy.get_default_config(), storage, Resource("safety"),
        ExecutionContext(GraphSchema({})),
    )


def _possible_sign(intent: str, category: str) -> UserUttered:
    """A message the NLU marked as a possible red flag, keeping its ordinary reading."""
    return UserUttered(
        "an opening",
        intent={"name": intent, "confidence": 1.0},
        entities=[{"entity": "red_flag_uncertain", "value": category, "start": 0, "end": 3}],
    )


def _predicted(policy: SafetyPolicy, domain: Domain, events: list) -> str | None:
    tracker = DialogueStateTracker.from_events("someone", events, domain.slots)
    prediction = policy.predict_action_probabilities(tracker, domain)
    best = max(range(len(prediction.probabilities)), key=prediction.probabilities.__getitem__)
    return domain.action_names_or_texts[best] if prediction.probabilities[best] > 0 else None


START = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]


@pytest.mark.parametrize(
    ("before", "category", "expected"),
    [
        # Only the model heard a possible red flag in an opening: the intake starts, and
        # its warning-sign screen (its first question) asks about the same signs, once.
        ([], "unspecified", "intake_form"),
        # The matcher's hedged mention of a named sign is asked about in its own words.
        ([], "cauda_equina", "utter_red_flag_check"),
        # After the screen was answered, the model's possible sign is asked about.
        ([SlotSet("red_flag_screen", False)], "unspecified", "utter_red_flag_check"),
    ],
)
def test_a_possible_red_flag_before_the_screen(
    policy: SafetyPolicy, domain: Domain, before: list, category: str, expected: str
) -> None:
    events = [*START, *before, _possible_sign("greet", category)]
    assert _predicted(policy, domain, events) == expected


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        # Mid-intake, its screen answered no: what only the model heard is not asked about
        # (the form goes on with the answer) ...
        ("unspecified", None),
        # ... while the matcher's possible sign, and a possible crisis, still are.
        ("cauda_equina", "utter_red_flag_check"),
        ("crisis", "utter_crisis_check"),
    ],
)
def test_in_the_intake_after_a_clear_screen_the_model_alone_asks_nothing(
    policy: SafetyPolicy, domain: Domain, category: str, expected: str | None
) -> None:
    intake = [
        ActiveLoop("intake_form"), SlotSet("red_flag_screen", False),
        SlotSet("requested_slot", "pain_duration_days"), ActionExecuted("action_listen"),
    ]
    sign = _possible_sign("inform", category)
    assert _predicted(policy, domain, [*START, *intake, sign]) == expected


def test_a_possible_crisis_is_asked_about_even_before_the_screen(
    policy: SafetyPolicy, domain: Domain
) -> None:
    events = [*START, _possible_sign("inform", "crisis")]
    assert _predicted(policy, domain, events) == "utter_crisis_check"


def _prediction_after(
    policy: SafetyPolicy, domain: Domain, message: UserUttered
) -> PolicyPrediction:
    tracker = DialogueStateTracker.from_events("someone", [*START, message], domain.slots)
    return policy.predict_action_probabilities(tracker, domain)


def test_a_red_flag_pauses_the_plan_with_its_escalation(
    policy: SafetyPolicy, domain: Domain
) -> None:
    """The pause is set beside the 🚨, not by the action server that journals it: with the
    action server down, /plan still shows no exercises to someone with a red flag."""
    sign = UserUttered(
        "a red flag", intent={"name": "red_flag", "confidence": 1.0},
        entities=[{"entity": "red_flag", "value": "cauda_equina", "start": 0, "end": 3}],
    )
    prediction = _prediction_after(policy, domain, sign)
    best = max(range(len(prediction.probabilities)), key=prediction.probabilities.__getitem__)
    assert domain.action_names_or_texts[best] == "utter_red_flag"
    assert SlotSet("red_flag_active", True) in prediction.optional_events


def test_a_crisis_pauses_nothing(policy: SafetyPolicy, domain: Domain) -> None:
    prediction = _prediction_after(
        policy, domain, UserUttered("a crisis", intent={"name": "crisis", "confidence": 1.0})
    )
    assert not prediction.optional_events
