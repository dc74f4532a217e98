"""Safety rules: the escalation sequence, and how the two detectors are combined."""

from __future__ import annotations

import pytest

from bot.domain.escalation import Union, is_unsure, next_safety_action, union_of_detectors

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
        # The matcher's category wins when both see it; the model alone asks first.
        ("red_flag", "urgent", "fracture", False, Union("red_flag", "fracture")),
        ("crisis", "urgent", "crisis", False, Union("crisis", "crisis")),
        ("red_flag", "none", None, False, Union("red_flag", "unspecified", uncertain=True)),
        ("crisis", "none", None, False, Union("crisis", "crisis", uncertain=True)),
        # A crisis the model saw is not demoted by a red flag the matcher saw: the
        # matcher's certain mention decides, and a crisis there is one too.
        ("crisis", "urgent", "cauda_equina", False, Union("red_flag", "cauda_equina")),
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


@pytest.mark.parametrize("model", ["red_flag", "crisis"])
def test_the_model_alone_is_not_heard_on_a_message_too_long_for_it(model: str) -> None:
    # "my back my back ..." x 700: the model's guess is noise; the matcher still decides.
    assert union_of_detectors(model, "none", None, False, model_can_read=False) == Union(
        "inform", None
    )
    assert union_of_detectors(
        model, "urgent", "cauda_equina", False, model_can_read=False
    ) == Union("red_flag", "cauda_equina")


CHECK, CLEARED, INTAKE = "utter_red_flag_check", "utter_red_flag_cleared", "intake_form"
CRISIS_CHECK, CRISIS_CLEARED, CHECKIN = "utter_crisis_check", "utter_crisis_cleared", "checkin_form"
RF_ASKED, CRISIS_ASKED = "red_flag", "crisis"


@pytest.mark.parametrize(
    ("intent", "done", "loop", "uncertain", "checked", "resume", "expected"),
    [
        # A possible red flag: one clarifying question, the form closed meanwhile.
        ("red_flag", [], None, True, None, None, CHECK),
        ("red_flag", [CHECK], None, True, None, None, "action_listen"),
        ("red_flag", [], INTAKE, True, None, None, CHECK),
        ("red_flag", [CHECK], INTAKE, True, None, None, "action_deactivate_loop"),
        ("red_flag", [CHECK, "action_deactivate_loop"], None, True, None, None,
         "action_listen"),
        # "No": thanks, then the interrupted form goes on (or we listen).
        ("deny", [], None, False, RF_ASKED, INTAKE, CLEARED),
        ("deny", [CLEARED], None, False, RF_ASKED, INTAKE, INTAKE),
        ("deny", [CLEARED], None, False, RF_ASKED, None, "utter_what_next"),
        ("deny", [CLEARED, "utter_what_next"], None, False, RF_ASKED, None, "action_listen"),
        ("deny", [CLEARED, INTAKE], INTAKE, False, RF_ASKED, INTAKE, None),
        # "Yes", or anything but "no": when in doubt, escalate.
        ("affirm", [], None, False, RF_ASKED, INTAKE, RF),
        ("affirm", [RF], None, False, RF_ASKED, INTAKE, "action_record_red_flag"),
        ("out_of_scope", [], None, False, RF_ASKED, None, RF),
        ("nlu_fallback", [], None, False, RF_ASKED, None, RF),
        ("red_flag", [], None, True, RF_ASKED, None, RF),  # asked once, not twice
        ("crisis", [], None, False, RF_ASKED, None, CRISIS),
        # Possible crisis language: one gentle question, the form closed meanwhile.
        ("crisis", [], None, True, None, None, CRISIS_CHECK),
        ("crisis", [], CHECKIN, True, None, None, CRISIS_CHECK),
        ("crisis", [CRISIS_CHECK], CHECKIN, True, None, None, "action_deactivate_loop"),
        ("crisis", [CRISIS_CHECK, "action_deactivate_loop"], None, True, None, None,
         "action_listen"),
        # Its "no" carries on; anything else gets the crisis message, not the red flag's.
        ("deny", [], None, False, CRISIS_ASKED, CHECKIN, CRISIS_CLEARED),
        ("deny", [CRISIS_CLEARED], None, False, CRISIS_ASKED, CHECKIN, CHECKIN),
        ("affirm", [], None, False, CRISIS_ASKED, None, CRISIS),
        ("nlu_fallback", [], None, False, CRISIS_ASKED, None, CRISIS),
        ("crisis", [], None, True, CRISIS_ASKED, None, CRISIS),  # asked once, not twice
        # A red flag said in answer to it is escalated as a red flag; one only the model
        # heard ("i don't know" read as a red flag) is an answer that is not a clear no.
        ("red_flag", [], None, False, CRISIS_ASKED, None, RF),
        ("red_flag", [], None, True, CRISIS_ASKED, None, CRISIS),
        ("crisis", [], None, True, RF_ASKED, None, RF),
    ],
)
def test_the_clarifying_question(
    intent: str,
    done: list[str],
    loop: str | None,
    uncertain: bool,
    checked: str | None,
    resume: str | None,
    expected: str | None,
) -> None:
    assert (
        next_safety_action(
            intent, done, active_loop=loop, possible=intent if uncertain else None,
            checked=checked, resume_loop=resume,
        )
        == expected
    )


@pytest.mark.parametrize(
    ("answer", "unsure"),
    [
        ("no", False),
        ("/deny", False),
        ("nope, none of those", False),
        ("no, just the usual ache", False),
        ("i don't know", True),
        ("I dont think so", True),
        ("not sure", True),
        ("no?", True),
        ("no… maybe a bit", True),
        ("idk", True),
        ("dunno tbh", True),
        ("no, I\u2019m not certain", True),
        ("No, nothing, I am sure.", False),
        ("nope, quite certain", False),
        ("no... never sure with these things", True),
        # their own wording unclear is no doubt about the answer
        ("No, sorry if I was unclear, none of that", False),
        ("no... it's unclear", True),
        # a "no" said first, then why the question was asked: no doubt about the answer
        ("No, nothing like that. Why do you keep asking?", False),
        ("nah, how come?", False),
        ("no? why?", True),
        ("No. Should I be worried?", True),
    ],
)
def test_a_no_that_hedges_is_not_a_clear_no(answer: str, unsure: bool) -> None:
    assert is_unsure(answer) is unsure
    expected = RF if unsure else CLEARED
    assert next_safety_action("deny", [], active_loop=None, checked=RF_ASKED,
                              unsure=is_unsure(answer)) == expected


def test_a_hedged_no_to_the_warning_sign_screen_is_asked_about_once() -> None:
    def step(done: list[str], **kw: object) -> str | None:
        return next_safety_action("deny", done, active_loop=INTAKE, screening=True, **kw)  # type: ignore[arg-type]

    assert step([], unsure=True) == CHECK
    assert step([CHECK], unsure=True) == "action_deactivate_loop"
    # ... and the form closed, listens.
    assert next_safety_action("deny", [CHECK, "action_deactivate_loop"], active_loop=None,
                              unsure=True) == "action_listen"
    assert step([], unsure=False) is None  # a clear "no" is the form's answer
    # Its "no" then clears it like any other clarifying question.
    assert next_safety_action("deny", [], active_loop=None, checked=RF_ASKED,
                              resume_loop=INTAKE) == CLEARED


def test_a_no_to_the_screen_that_says_more_than_a_clear_no_is_asked_about_once() -> None:
    # "No. Lost some weight in the summer, but..." (not read as a clear no, nothing seen)
    def step(done: list[str], **kw: object) -> str | None:
        return next_safety_action("inform", done, active_loop=INTAKE, **kw)  # type: ignore[arg-type]

    assert step([], screening=True, unread_no=True) == CHECK
    assert step([CHECK], screening=True, unread_no=True) == "action_deactivate_loop"
    assert next_safety_action("inform", [CHECK, "action_deactivate_loop"], active_loop=None,
                              unread_no=True) == "action_listen"
    # Only to the screen: elsewhere the form reads it as whatever it answers
    assert step([], screening=False, unread_no=True) is None
    assert step([], screening=True, unread_no=False) is None


@pytest.mark.parametrize(
    ("intent", "done", "loop", "kw", "expected"),
    [
        # A possible sign keeps the message's ordinary reading, and is asked about.
        ("inform", [], INTAKE, {"possible": "red_flag"}, CHECK),
        ("affirm", [], INTAKE, {"possible": "crisis"}, CRISIS_CHECK),
        # The same words cleared before: the message is what it otherwise reads as.
        ("inform", [], INTAKE, {"possible": "red_flag", "cleared_before": True}, None),
        ("crisis", [], None, {"possible": "crisis", "cleared_before": True}, CRISIS),
        # A "no" that the model alone reads as a red flag is not a clear no.
        ("deny", [], None, {"possible": "red_flag", "checked": RF_ASKED}, RF),
        # After a clear "no" with nothing running: the intake, unless it is done.
        ("deny", [CLEARED], None, {"checked": RF_ASKED, "intake_done": False}, INTAKE),
        ("deny", [CLEARED], None, {"checked": RF_ASKED, "intake_done": True}, "utter_what_next"),
        ("deny", [CRISIS_CLEARED], None, {"checked": CRISIS_ASKED, "intake_done": False},
         INTAKE),
        # Only the model heard a possible red flag and the intake's screen is still to
        # come: the intake starts, and its screen asks (once, not twice) ...
        ("greet", [], None, {"possible": "red_flag", "screen_ahead": True}, INTAKE),
        ("greet", [INTAKE], None, {"possible": "red_flag", "screen_ahead": True}, None),
        # ... but not a possible crisis, which the screen does not ask about,
        ("inform", [], None, {"possible": "crisis", "screen_ahead": True}, CRISIS_CHECK),
        # nor in the middle of a form (its screen is behind it, or being answered).
        ("inform", [], INTAKE, {"possible": "red_flag", "screen_ahead": True}, CHECK),
        # Only the model heard a possible red flag, in an intake answer after its screen
        # was answered no: the answer is read as an answer, nothing is asked ...
        ("inform", [], INTAKE, {"possible": "red_flag", "screen_cleared": True}, None),
        # ... but a possible crisis still is.
        ("inform", [], INTAKE, {"possible": "crisis", "screen_cleared": True}, CRISIS_CHECK),
        # ... and the interrupted form wins over the intake.
        ("deny", [CLEARED], None,
         {"checked": RF_ASKED, "resume_loop": CHECKIN, "intake_done": False}, CHECKIN),
    ],
)
def test_possible_signs_and_what_follows_a_clear_no(
    intent: str, done: list[str], loop: str | None, kw: dict[str, object], expected: str | None
) -> None:
    assert next_safety_action(intent, done, active_loop=loop, **kw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("model", ["red_flag", "crisis"])
def test_the_model_alone_is_heard_only_from_its_floor(model: str) -> None:
    # below the floor its guess asks nothing; at it, the clarifying question; the
    # matcher is heard whatever the model's confidence
    low = union_of_detectors(model, "none", None, False, model_confidence=0.5,
                             model_alone_floor=0.9)
    assert low == Union("inform", None)
    at = union_of_detectors(model, "none", None, False, model_confidence=0.9,
                            model_alone_floor=0.9)
    assert at.uncertain and at.intent == model
    assert union_of_detectors(
        model, "urgent", "fracture", False, model_confidence=0.1, model_alone_floor=0.9
    ) == Union("red_flag", "fracture")


@pytest.mark.parametrize("model", ["red_flag", "crisis"])
def test_the_model_alone_is_not_heard_on_a_clear_no(model: str) -> None:
    assert union_of_detectors(model, "none", None, False, clear_no=True) == Union("inform", None)
    # the matcher is still heard, "no" or not
    assert union_of_detectors(model, "clarify", "cancer", False, clear_no=True) == Union(
        "red_flag", "cancer", uncertain=True
    )
    assert union_of_detectors(model, "urgent", "crisis", False, clear_no=True) == Union(
        "crisis", "crisis"
    )


@pytest.mark.parametrize("text", ["no idea", "I can't remember", "no clue, sorry"])
def test_not_knowing_is_unsure(text: str) -> None:
    assert is_unsure(text)


@pytest.mark.parametrize(
    ("intent", "possible", "opens_with_no", "unsure", "checked", "expected"),
    [
        # "No, I had a cancer scare years ago but the tests were all clear" to the crisis
        # question: that one is answered, the possible red flag is asked about
        ("inform", "red_flag", True, False, CRISIS_ASKED, CHECK),
        ("deny", "red_flag", False, False, CRISIS_ASKED, CHECK),
        ("inform", "crisis", True, False, RF_ASKED, CRISIS_CHECK),
        # an answer that opens with a no and raises nothing: cleared, like a plain "no"
        ("inform", None, True, False, CRISIS_ASKED, CRISIS_CLEARED),
        ("inform", None, True, False, RF_ASKED, CLEARED),
        ("inform", None, True, True, RF_ASKED, RF),
        # a possible sign of the kind asked about, a hedged no, or no "no": escalate
        ("inform", "crisis", True, False, CRISIS_ASKED, CRISIS),
        ("inform", "red_flag", True, True, CRISIS_ASKED, CRISIS),
        ("inform", "red_flag", False, False, CRISIS_ASKED, CRISIS),
    ],
)
def test_a_no_with_a_sign_of_the_other_kind_asks_about_that_one(
    intent: str, possible: str | None, opens_with_no: bool, unsure: bool, checked: str,
    expected: str,
) -> None:
    assert next_safety_action(
        intent, [], active_loop=None, possible=possible, checked=checked, unsure=unsure,
        opens_with_no=opens_with_no,
    ) == expected


OTHERS = "utter_red_flag_other"


@pytest.mark.parametrize(
    ("intent", "done", "loop", "expected"),
    [
        # Someone else's emergency: the advice about them, then the form asks again...
        ("inform", [], INTAKE, OTHERS),
        ("inform", [OTHERS], INTAKE, INTAKE),
        ("inform", [OTHERS, INTAKE], INTAKE, None),
        # ... or the bot listens
        ("greet", [], None, OTHERS),
        ("greet", [OTHERS], None, "action_listen"),
        # the writer's own red flag comes first
        ("red_flag", [], None, RF),
    ],
)
def test_someone_elses_emergency_then_the_conversation_goes_on(
    intent: str, done: list[str], loop: str | None, expected: str | None
) -> None:
    assert next_safety_action(intent, done, active_loop=loop, someone_else=True) == expected


def test_someone_elses_emergency_waits_for_the_writers_own_question() -> None:
    # the clarifying question about the writer is answered first
    assert next_safety_action(
        "deny", [], active_loop=None, checked="red_flag", resume_loop=INTAKE, someone_else=True
    ) == CLEARED


def test_the_matcher_seeing_someone_elses_overrules_the_models_reading() -> None:
    union = union_of_detectors("red_flag", "other", "fracture", False)
    assert union == Union(None, None, someone_else="fracture")
