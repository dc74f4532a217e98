"""Safety rules: the escalation sequence, and how the two detectors are combined."""

from __future__ import annotations

import pytest

from bot.safety import DEMOTE, Union, next_safety_action, union_of_detectors

RF, CRISIS = "utter_red_flag", "utter_crisis"
FORM = "intake_form"


@pytest.mark.parametrize(
    ("intent", "done", "loop", "screening", "expected"),
    [
        # Outside the intake: escalate, record, listen.
        ("red_flag", [], None, False, RF),
        ("red_flag", ["action_listen", "action_extract_slots"], None, False, RF),
        ("red_flag", [RF], None, False, "action_record_red_flag"),
        ("red_flag", [RF, "action_record_red_flag"], None, False, "action_listen"),
        ("crisis", [], None, False, CRISIS),
        ("crisis", [CRISIS], None, False, "action_record_red_flag"),
        # In the middle of the intake: the form is closed before anything else.
        ("red_flag", [], FORM, False, RF),
        ("red_flag", [RF], FORM, False, "action_deactivate_loop"),
        ("red_flag", [RF, "action_deactivate_loop"], None, False, "action_record_red_flag"),
        ("crisis", [CRISIS], FORM, False, "action_deactivate_loop"),
        # "Yes" to the intake's safety screen is a red flag; elsewhere it is not.
        ("affirm", [], FORM, True, RF),
        ("affirm", [], FORM, False, None),
        ("deny", [], FORM, True, None),
        # ... and stays one while the sequence goes on, once the form is closed.
        ("affirm", [RF], FORM, True, "action_deactivate_loop"),
        ("affirm", [RF, "action_deactivate_loop"], None, False, "action_record_red_flag"),
        ("affirm", [RF, "action_deactivate_loop", "action_record_red_flag"], None, False,
         "action_listen"),
        # Anything else is left to the other policies.
        ("inform", [], FORM, False, None),
        (None, [], None, False, None),
        ("red_flag", ["action_deactivate_loop"], None, False, None),  # not ours to finish
    ],
)
def test_escalation_sequence(
    intent: str | None, done: list[str], loop: str | None, screening: bool, expected: str | None
) -> None:
    assert next_safety_action(intent, done, active_loop=loop, screening=screening) == expected


@pytest.mark.parametrize(
    ("model", "level", "category", "only_negated", "expected"),
    [
        # The matcher alone raises it, with its category; "clarify" escalates too.
        ("inform", "urgent", "cauda_equina", False, Union("red_flag", "cauda_equina")),
        ("greet", "clarify", "neuro_deficit", False, Union("red_flag", "neuro_deficit")),
        ("inform", "urgent", "crisis", False, Union("crisis", "crisis")),
        # The matcher's category wins when both see it; the model alone is demoted for now.
        ("red_flag", "urgent", "fracture", False, Union("red_flag", "fracture")),
        ("red_flag", "none", None, False, Union(DEMOTE, None)),
        ("crisis", "none", None, False, Union(DEMOTE, None)),
        # The model is overruled only when the matcher saw the symptoms all negated.
        ("red_flag", "none", None, True, Union("inform", None)),
        ("crisis", "none", None, True, Union("inform", None)),
        # Neither: nothing changes.
        ("inform", "none", None, False, Union(None, None)),
        ("inform", "none", None, True, Union(None, None)),
    ],
)
def test_union_of_detectors(
    model: str, level: str, category: str | None, only_negated: bool, expected: Union
) -> None:
    assert union_of_detectors(model, level, category, only_negated) == expected


@pytest.mark.parametrize(
    ("model", "expected"),
    [("red_flag", Union("red_flag", "unspecified")), ("crisis", Union("crisis", "crisis"))],
)
def test_the_model_alone_can_escalate_once_allowed(model: str, expected: Union) -> None:
    assert union_of_detectors(model, "none", None, False, model_alone_escalates=True) == expected
