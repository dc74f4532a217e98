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
        # The matcher alone raises it, with its category; its hedged mention asks first,
        # except crisis language, which escalates.
        ("inform", "urgent", "cauda_equina", False, Union("red_flag", "cauda_equina")),
        ("greet", "clarify", "neuro_deficit", False,
         Union("red_flag", "neuro_deficit", uncertain=True)),
        ("inform", "urgent", "crisis", False, Union("crisis", "crisis")),
        ("inform", "clarify", "crisis", False, Union("crisis", "crisis")),
        # The matcher's category wins when both see it; the model alone asks (red flag) or
        # is demoted (crisis).
        ("red_flag", "urgent", "fracture", False, Union("red_flag", "fracture")),
        ("red_flag", "none", None, False, Union("red_flag", "unspecified", uncertain=True)),
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


def test_without_the_clarifying_question_the_model_alone_is_demoted() -> None:
    assert union_of_detectors("red_flag", "none", None, False, model_alone_asks=False) == Union(
        DEMOTE, None
    )


CHECK, CLEARED, INTAKE = "utter_red_flag_check", "utter_red_flag_cleared", "intake_form"


@pytest.mark.parametrize(
    ("intent", "done", "loop", "uncertain", "after_check", "resume", "expected"),
    [
        # A possible red flag: one clarifying question, the form closed meanwhile.
        ("red_flag", [], None, True, False, None, CHECK),
        ("red_flag", [CHECK], None, True, False, None, "action_listen"),
        ("red_flag", [], INTAKE, True, False, None, CHECK),
        ("red_flag", [CHECK], INTAKE, True, False, None, "action_deactivate_loop"),
        ("red_flag", [CHECK, "action_deactivate_loop"], None, True, False, None,
         "action_listen"),
        # "No": thanks, then the interrupted form goes on (or we listen).
        ("deny", [], None, False, True, INTAKE, CLEARED),
        ("deny", [CLEARED], None, False, True, INTAKE, INTAKE),
        ("deny", [CLEARED], None, False, True, None, "action_listen"),
        ("deny", [CLEARED, INTAKE], INTAKE, False, True, INTAKE, None),
        # "Yes", or anything but "no": when in doubt, escalate.
        ("affirm", [], None, False, True, INTAKE, RF),
        ("affirm", [RF], None, False, True, INTAKE, "action_record_red_flag"),
        ("out_of_scope", [], None, False, True, None, RF),
        ("nlu_fallback", [], None, False, True, None, RF),
        ("red_flag", [], None, True, True, None, RF),  # asked once, not twice
        ("crisis", [], None, False, True, None, CRISIS),
    ],
)
def test_the_clarifying_question(
    intent: str,
    done: list[str],
    loop: str | None,
    uncertain: bool,
    after_check: bool,
    resume: str | None,
    expected: str | None,
) -> None:
    assert (
        next_safety_action(
            intent, done, active_loop=loop, uncertain=uncertain, after_check=after_check,
            resume_loop=resume,
        )
        == expected
    )
