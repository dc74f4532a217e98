"""Custom actions, run on trackers built in the test: what they say, set and store."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.intake
from actions.intake import ActionResetIntake, ValidateIntakeForm
from actions.questions import ActionAnswerQuestion
from actions.recommend import ActionRecommend, ActionShowPlan
from bot import settings
from bot.content import texts
from bot.content.questions import programme_questions
from bot.content.responses import variants
from bot.store import journal
from tests.support.trackers import DOMAIN, USER, run, tracker


@pytest.fixture(autouse=True)
def _journal(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKSTEP_DB_URL", sqlite_url)
    settings.get_settings.cache_clear()


async def test_out_of_range_pain_score_is_refused_kindly_and_journaled() -> None:
    said, slots = await run(
        ValidateIntakeForm(),
        tracker("15/10", slots={"requested_slot": "pain_score"}, just_set={"pain_score": 15}),
    )
    assert said == [texts.PAIN_SCORE_OUT_OF_RANGE.format(value="15")]
    assert slots["pain_score"] is None
    [answer] = journal.answers_for(USER)
    assert (answer.slot, answer.value, answer.accepted, answer.raw_text) == (
        "pain_score", 15, False, "15/10"
    )


@pytest.mark.parametrize(("text", "score"), [("7", 7.0), ("about six", 6.0), ("0", 0.0)])
async def test_a_bare_number_answers_the_pain_question(text: str, score: float) -> None:
    said, slots = await run(
        ValidateIntakeForm(), tracker(text, slots={"requested_slot": "pain_score"})
    )
    assert said == []
    assert slots["pain_score"] == score
    assert [(a.slot, a.value, a.raw_text) for a in journal.answers_for(USER)] == [
        ("pain_score", score, text)
    ]


async def test_a_negative_bare_number_is_refused() -> None:
    said, slots = await run(
        ValidateIntakeForm(), tracker("-3", slots={"requested_slot": "pain_score"})
    )
    assert said == [texts.PAIN_SCORE_OUT_OF_RANGE.format(value="-3")]
    assert slots["pain_score"] is None


async def test_a_bare_number_for_the_duration_asks_for_the_unit() -> None:
    said, slots = await run(
        ValidateIntakeForm(), tracker("10", slots={"requested_slot": "pain_duration_days"})
    )
    assert said == ["10 what: days, weeks, months or years?"]
    assert slots.get("pain_duration_days") is None
    assert slots["reprompts"] == 1


async def test_the_extractors_whole_reading_of_the_duration_answer_wins() -> None:
    """"It was a fortnight yesterday" names "yesterday", but the extractor read the whole
    answer (marked as an answer only to its own question, since it names nothing of the
    back): a fortnight."""
    entity = {"entity": "pain_duration_days", "value": 15, "role": "context",
              "start": 0, "end": 27}
    said, slots = await run(
        ValidateIntakeForm(),
        tracker("It was a fortnight yesterday.", slots={"requested_slot": "pain_duration_days"},
                entities=[entity]),
    )
    assert slots["pain_duration_days"] == 15.0


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("", texts.BAD_INPUT_REPLIES[texts.BadInput.EMPTY]),
        ("😩😩😩", texts.BAD_INPUT_REPLIES[texts.BadInput.EMOJI]),
        ("my story " * 600, texts.BAD_INPUT_REPLIES[texts.BadInput.TOO_LONG]),
        ("me duele mucho la espalda", texts.BAD_INPUT_REPLIES[texts.BadInput.OTHER_LANGUAGE]),
        ("banana", texts.BAD_INPUT_REPLIES[texts.BadInput.UNCLEAR]),
    ],
)
async def test_unusable_answers_get_a_kind_reply_and_are_kept(text: str, reply: str) -> None:
    said, slots = await run(
        ValidateIntakeForm(), tracker(text, intent="nlu_fallback",
                                      slots={"requested_slot": "leg_pain"})
    )
    assert said == [reply]
    assert slots["reprompts"] == 1  # the form stays active and asks again
    [answer] = journal.answers_for(USER)
    assert (answer.slot, answer.accepted, answer.raw_text) == ("leg_pain", False, text)


async def test_a_second_unclear_answer_adds_a_hint() -> None:
    said, _ = await run(
        ValidateIntakeForm(),
        tracker("banana", intent="nlu_fallback",
                slots={"requested_slot": "leg_pain", "reprompts": 1}),
    )
    assert said == [texts.BAD_INPUT_REPLIES[texts.BadInput.UNCLEAR], texts.INTAKE_HINT]


async def test_the_hint_under_a_question_without_buttons_does_not_say_tap_a_button() -> None:
    said, _ = await run(
        ValidateIntakeForm(),
        tracker("banana", intent="nlu_fallback",
                slots={"requested_slot": "pain_duration_days", "reprompts": 1}),
    )
    assert said == [texts.BAD_INPUT_REPLIES[texts.BadInput.UNCLEAR], texts.INTAKE_HINT_TYPED]
    assert "button" not in said[-1]


async def test_an_interruption_is_left_to_the_rules() -> None:
    said, slots = await run(
        ValidateIntakeForm(), tracker("help", intent="help", slots={"requested_slot": "leg_pain"})
    )
    assert said == [] and "reprompts" not in slots


async def test_several_answers_at_once_are_all_journaled() -> None:
    text = "it hurts when I bend forward, for three weeks, and my hamstrings are tight"
    said, slots = await run(
        ValidateIntakeForm(),
        tracker(text, just_set={"pain_direction": "flexion", "pain_duration_days": 21,
                                "flexibility": "tight"}),
    )
    assert said == []
    assert (slots["pain_direction"], slots["pain_duration_days"], slots["flexibility"]) == (
        "flexion", 21.0, "tight"
    )
    assert {(a.slot, a.raw_text) for a in journal.answers_for(USER)} == {
        ("pain_direction", text), ("pain_duration_days", text), ("flexibility", text)
    }


@pytest.mark.parametrize(("asked", "expected"), [("flexibility", "normal"), ("pain_score", None)])
async def test_fine_alone_answers_the_tightness_question_only(
    asked: str, expected: str | None
) -> None:
    _, slots = await run(ValidateIntakeForm(), tracker("Fine", slots={"requested_slot": asked}))
    assert slots.get("flexibility") == expected


async def test_flexible_after_all_clears_an_earlier_spasm() -> None:
    _, slots = await run(
        ValidateIntakeForm(),
        tracker("actually I'm fairly flexible", slots={"spasm": True},
                just_set={"flexibility": "normal"},
                entities=[{"entity": "flexibility", "value": "normal"}]),
    )
    assert slots["flexibility"] == "normal" and slots["spasm"] is False


async def test_the_answers_set_again_on_resuming_keep_the_spasm() -> None:
    # after "no" to a clarifying question the intake resumes with the answers given
    _, slots = await run(
        ValidateIntakeForm(),
        tracker("No po, I don't have any of that.", slots={"spasm": True},
                just_set={"flexibility": "normal"}),
    )
    assert slots["flexibility"] == "normal" and slots.get("spasm") is not False


async def test_flexible_with_a_spasm_in_the_same_answer_keeps_both() -> None:
    text = "supple enough, I touch my toes, but it seizes up now and then"
    _, slots = await run(
        ValidateIntakeForm(),
        tracker(text, slots={"requested_slot": "flexibility", "spasm": True},
                just_set={"flexibility": "normal"},
                entities=[{"entity": "flexibility", "value": "normal"},
                          {"entity": "spasm", "value": True}]),
    )
    assert slots["flexibility"] == "normal" and slots.get("spasm") is not False
    assert ("spasm", True) in {(a.slot, a.value) for a in journal.answers_for(USER)}


def _asked_again(first: str, text: str, entities: list[dict[str, Any]]) -> Tracker:
    """A tracker whose tightness question was asked, answered with ``first``, asked again
    and answered with ``text`` (the latest message, with ``entities`` read in both)."""
    spasm = next((e["value"] for e in entities if e["entity"] == "spasm"), None)
    base = tracker(text, slots={"requested_slot": "flexibility", "spasm": spasm},
                   entities=entities)
    ask = {"event": "slot", "name": "requested_slot", "value": "flexibility"}
    earlier = [ask, {"event": "user", "text": first,
                     "parse_data": {"text": first, "entities": entities}}]
    return Tracker(USER, base.slots, base.latest_message, [*earlier, *base.events], False,
                   None, {"name": "intake_form"}, "action_listen")


@pytest.mark.parametrize(
    ("first", "text", "entities"),
    [
        # only the spasm half, twice: the muscles half is not asked a third time
        ("it's never gone into spasm", "never locked up, like I said",
         [{"entity": "spasm", "value": False}]),
        # nothing read, twice
        ("the usual for a man my age", "same as ever really", []),
    ],
)
async def test_the_tightness_question_is_never_asked_a_third_time(
    first: str, text: str, entities: list[dict[str, Any]]
) -> None:
    said, slots = await run(ValidateIntakeForm(), _asked_again(first, text, entities))
    assert slots["flexibility"] == "tight"  # the cautious answer: the plan starts gently
    assert said == [texts.TAKEN_FOR_NOW["flexibility"]]
    [answer] = [a for a in journal.answers_for(USER) if a.slot == "flexibility"]
    assert (answer.value, answer.accepted, answer.raw_text) == ("tight", False, text)


async def test_half_an_answer_the_first_time_asks_for_the_rest() -> None:
    trk = tracker("it's never gone into spasm", slots={"requested_slot": "flexibility"},
                  just_set={"spasm": False}, entities=[{"entity": "spasm", "value": False}])
    said, slots = await run(ValidateIntakeForm(), trk)
    assert said == [] and slots.get("flexibility") is None and slots["reprompts"] == 0


COMPLETE = {"pain_direction": "flexion", "pain_duration_days": 21.0, "flexibility": "tight",
            "pain_score": 6.0, "leg_pain": False}


async def test_the_recommendation_is_given_and_stored() -> None:
    said, _ = await run(ActionRecommend(), tracker(slots=COMPLETE))
    assert said[0].startswith(
        "Step 1 now: passive stretching by a professional. Then Step 2: McKenzie exercises."
    )
    [rec] = journal.recommendations_for(USER)
    assert (rec.step, rec.regimen, rec.next_regimen, rec.rule, rec.message) == (
        1, "passive_stretching", "mckenzie", "tight_stretch_first+flexion_pain_mckenzie", said[0]
    )


async def test_no_recommendation_while_a_red_flag_is_unresolved() -> None:
    said, _ = await run(ActionRecommend(), tracker(slots={**COMPLETE, "red_flag_active": True}))
    assert said == [texts.PLAN_PAUSED]
    assert journal.recommendations_for(USER) == []


async def test_the_plan_shows_the_latest_recommendation() -> None:
    said, _ = await run(ActionShowPlan(), tracker("what's my plan"))
    assert said == [texts.NO_PLAN_YET]
    first, _ = await run(ActionRecommend(), tracker(slots=COMPLETE))
    second, _ = await run(ActionRecommend(), tracker(slots={**COMPLETE, "flexibility": "normal"}))
    shown, _ = await run(ActionShowPlan(), tracker("what's my plan"))
    assert second != first
    # the recommendation ends with how to change an answer; "my plan" shows the plan
    assert second[-1] == "utter_after_plan"
    assert shown[:-1] == second[:-1]
    # then where the person stands with the exercises (no session yet)
    assert shown[-1].startswith(("Your exercises:", "Stretching with your practitioner"))
    assert "/session" in shown[-1]


async def test_starting_over_clears_every_answer() -> None:
    said, slots = await run(ActionResetIntake(), tracker(slots={**COMPLETE, "spasm": True}))
    assert said == [texts.STARTING_OVER]
    assert all(slots[name] is None for name in [*COMPLETE, "spasm"])
    assert slots["reprompts"] == 0


def test_the_pain_question_offers_0_to_10_as_buttons() -> None:
    [message] = variants("utter_ask_pain_score")
    assert message.text.startswith("How bad is the pain right now, from 0")
    assert [title for title, _ in message.buttons] == [str(n) for n in range(11)]
    assert message.buttons[7][1] == '/inform{"pain_score": 7}'


async def test_the_check_in_asks_about_the_intakes_warning_signs() -> None:
    from actions.checkin import AskCheckinWarning

    dispatcher = CollectingDispatcher()
    await AskCheckinWarning().run(dispatcher, tracker(), DOMAIN)
    [message] = dispatcher.messages
    [screen] = variants("utter_ask_red_flag_screen")
    assert message["text"].startswith("Last one: since yesterday")
    assert message["text"].endswith(screen.text.split("\n", 1)[1])
    assert message["buttons"] == screen.button_dicts()


async def test_a_red_flag_is_recorded_and_pauses_the_plan() -> None:
    from actions.safety import ActionRecordRedFlag

    trk = tracker("I can't hold my urine", intent="red_flag",
                  slots={"red_flag_category": "cauda_equina"})
    said, slots = await run(ActionRecordRedFlag(), trk)
    assert said == [] and slots == {"red_flag_active": True}
    [event] = journal.safety_events_for(USER)
    assert (event.kind, event.category, event.raw_text) == (
        "red_flag", "cauda_equina", "I can't hold my urine"
    )


async def test_a_crisis_is_recorded_without_pausing_the_plan() -> None:
    from actions.safety import ActionRecordRedFlag

    said, slots = await run(ActionRecordRedFlag(), tracker("I want to end it", intent="crisis"))
    assert slots == {}
    assert [e.kind for e in journal.safety_events_for(USER)] == ["crisis"]


async def test_the_all_clear_resumes_a_paused_plan_only() -> None:
    from actions.safety import ActionAssessed

    said, slots = await run(ActionAssessed(), tracker("GP says fine", intent="assessed"))
    assert said == [texts.ASSESSED_NOTHING_PAUSED] and slots == {}
    # with no plan yet, the questions go on: never a turn that asks nothing
    events = await ActionAssessed().run(
        CollectingDispatcher(), tracker("GP says fine", intent="assessed"), DOMAIN
    )
    assert {"event": "followup", "name": "intake_form"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]
    said, slots = await run(
        ActionAssessed(),
        tracker("GP says fine", intent="assessed", slots={**COMPLETE, "red_flag_screen": False}),
    )
    assert said == [texts.ASSESSED_NOTHING_PAUSED_PLAN] and slots == {}
    said, slots = await run(
        ActionAssessed(),
        tracker("GP says fine", intent="assessed", slots={"red_flag_active": True}),
    )
    assert said == [texts.PLAN_RESUMED] and slots == {"red_flag_active": False}
    assert [e.kind for e in journal.safety_events_for(USER)] == ["assessed"]


async def test_a_red_flag_escalated_while_the_conversation_could_not_run_pauses_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database was down: the red flag got its 🚨 from the fallback and waited in the
    outbox, and never reached the conversation's slot. Back up, the plan shows as paused,
    and the all-clear resumes it."""
    from actions.safety import ActionAssessed
    from bot.store import outbox

    monkeypatch.setenv("BACKSTEP_DATA_DIR", str(tmp_path))
    settings.get_settings.cache_clear()
    down = "postgresql+psycopg2://postgres@127.0.0.1:1/backstep"
    assert not outbox.record_safety_event(USER, "red_flag", "cauda_equina", "numb", url=down)
    journal.record_recommendation(
        USER, step=2, regimen="mckenzie", next_regimen=None, aerobic=False, rule="r",
        message="Do the McKenzie exercises.",
    )

    said, _ = await run(ActionShowPlan(), tracker("what's my plan"))
    assert said == [texts.PLAN_PAUSED]
    assert [e.kind for e in journal.safety_events_for(USER)] == ["red_flag"]  # flushed
    said, _ = await run(ActionRecommend(), tracker(slots=COMPLETE))
    assert said == [texts.PLAN_PAUSED]

    said, slots = await run(ActionAssessed(), tracker("GP says fine", intent="assessed"))
    assert said == [texts.PLAN_RESUMED] and slots == {"red_flag_active": False}
    assert [e.kind for e in journal.safety_events_for(USER)] == ["red_flag", "assessed"]
    said, _ = await run(ActionShowPlan(), tracker("what's my plan"))
    assert said[0] == "Do the McKenzie exercises."
    assert said[1:] == [
        "Your exercises: McKenzie exercises, level 1 of 4. No session yet: send /session for "
        "today's, with pictures."
    ]


async def test_the_safety_screen_answer_is_journaled() -> None:
    _, slots = await run(
        ValidateIntakeForm(),
        tracker("none of these", intent="deny", slots={"requested_slot": "red_flag_screen"},
                just_set={"red_flag_screen": False}),
    )
    assert slots["red_flag_screen"] is False
    assert [(a.slot, a.value) for a in journal.answers_for(USER)] == [("red_flag_screen", False)]


async def test_a_duration_in_an_answer_to_the_screen_dates_an_aside_not_the_bout() -> None:
    _, slots = await run(
        ValidateIntakeForm(),
        tracker("none of those, broke my ankle 20 years ago but it healed", intent="deny",
                slots={"requested_slot": "red_flag_screen"},
                just_set={"red_flag_screen": False, "pain_duration_days": 7300.0}),
    )
    assert slots["red_flag_screen"] is False
    assert slots["pain_duration_days"] is None
    assert [a.slot for a in journal.answers_for(USER)] == ["red_flag_screen"]


async def test_an_answer_changed_in_passing_by_a_message_that_drew_a_check_is_put_back() -> None:
    """Asked about tightness, the person says "I could not stand up straight" (read as a
    painful direction, and asked about as a possible weak leg); after their clear "no",
    the direction they gave before stands, and the tightness answer is taken."""
    flagged = "hands reach my knees only, tight. On Sunday it locked, I could not stand straight"
    values = {name: None for name in DOMAIN["slots"]}
    values.update({"red_flag_screen": False, "pain_direction": "extension",
                   "pain_duration_days": 5.0, "flexibility": "tight"})
    events = [
        {"event": "slot", "name": "red_flag_screen", "value": False},
        {"event": "slot", "name": "pain_direction", "value": "flexion"},
        {"event": "slot", "name": "pain_duration_days", "value": 5.0},
        {"event": "slot", "name": "requested_slot", "value": "flexibility"},
        {"event": "user", "text": flagged, "parse_data": {"text": flagged}},
        {"event": "slot", "name": "pain_direction", "value": "extension"},
        {"event": "slot", "name": "flexibility", "value": "tight"},
        {"event": "action", "name": "utter_red_flag_check"},
        {"event": "user", "text": "no", "parse_data": {"text": "no"}},
        {"event": "action", "name": "utter_red_flag_cleared"},
        # the form, resuming, validates every answer already filled
        {"event": "slot", "name": "pain_direction", "value": "extension"},
        {"event": "slot", "name": "flexibility", "value": "tight"},
    ]
    latest = {"text": "no", "intent": {"name": "deny", "confidence": 1.0}, "entities": []}
    trk = Tracker(USER, values, latest, events, False, None, {"name": "intake_form"},
                  "action_listen")
    events = await ValidateIntakeForm().run(CollectingDispatcher(), trk, DOMAIN)
    # the form sets every answer again as it resumes; the last word on each is what stands
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["pain_direction"] == "flexion"
    assert "flexibility" not in slots or slots["flexibility"] == "tight"


async def test_a_bare_none_to_a_clarifying_question_is_no_answer_to_the_intake() -> None:
    """Asked about direction, the person names one in a message that draws a clarifying
    question; their "No, none." answers that question: the direction stands."""
    flagged = "standing all day is what does it, and leaning back"
    values = {name: None for name in DOMAIN["slots"]}
    values.update({"red_flag_screen": False, "pain_direction": "none",
                   "requested_slot": "pain_direction"})
    events = [
        {"event": "slot", "name": "red_flag_screen", "value": False},
        {"event": "slot", "name": "requested_slot", "value": "pain_direction"},
        {"event": "user", "text": flagged, "parse_data": {"text": flagged}},
        {"event": "slot", "name": "pain_direction", "value": "extension"},
        {"event": "action", "name": "utter_red_flag_check"},
        {"event": "user", "text": "No, none.", "parse_data": {"text": "No, none."}},
        {"event": "action", "name": "utter_red_flag_cleared"},
        {"event": "slot", "name": "pain_direction", "value": "none"},
    ]
    none = {"entity": "pain_direction", "value": "none", "start": 4, "end": 8}
    latest = {"text": "No, none.", "intent": {"name": "deny", "confidence": 1.0},
              "entities": [none]}
    trk = Tracker(USER, values, latest, events, False, None, {"name": "intake_form"},
                  "action_listen")
    events = await ValidateIntakeForm().run(CollectingDispatcher(), trk, DOMAIN)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["pain_direction"] == "extension"
    assert ("pain_direction", "none") not in [(a.slot, a.value) for a in journal.answers_for(USER)]


async def test_a_holiday_is_read_for_the_country_an_earlier_message_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """"kia ora" in the first message, "since Labour Day" in the answer: New Zealand's
    Labour Day (the fourth Monday of October), not the first Monday of September."""
    monkeypatch.setattr(actions.intake, "utc_today", lambda: datetime.date(2026, 12, 4))
    values = {name: None for name in DOMAIN["slots"]}
    values["requested_slot"] = "pain_duration_days"
    unsettled = {"entity": "pain_duration_days", "value": 88, "role": "context",
                 "start": 0, "end": 16}
    latest = {"text": "since Labour Day", "intent": {"name": "inform", "confidence": 0.9},
              "entities": [unsettled]}
    events = [
        {"event": "user", "text": "kia ora, my back's crook", "parse_data": {}},
        {"event": "slot", "name": "requested_slot", "value": "pain_duration_days"},
        {"event": "user", "text": "since Labour Day", "parse_data": latest},
    ]
    trk = Tracker(USER, values, latest, events, False, None, {"name": "intake_form"},
                  "action_listen")
    said, slots = await run(ValidateIntakeForm(), trk)
    assert slots["pain_duration_days"] == 39.0  # Monday 26 October 2026


async def test_their_own_date_beside_a_holiday_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Independence Day falls on different dates by country; "the 30th of November" said
    beside it is the start (6 days), not the 4th of July."""
    monkeypatch.setattr(actions.intake, "utc_today", lambda: datetime.date(2026, 12, 6))
    values = {name: None for name in DOMAIN["slots"]}
    values["requested_slot"] = "pain_duration_days"
    text = "From the Independence Day holiday, the 30th of November, when I bent to the oven."
    dated = {"entity": "pain_duration_days", "value": 6, "role": "context",
             "start": 0, "end": 60}
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.9},
              "entities": [dated]}
    events = [
        {"event": "user", "text": "morning, my back's gone bad", "parse_data": {}},
        {"event": "slot", "name": "requested_slot", "value": "pain_duration_days"},
        {"event": "user", "text": text, "parse_data": latest},
    ]
    trk = Tracker(USER, values, latest, events, False, None, {"name": "intake_form"},
                  "action_listen")
    said, slots = await run(ValidateIntakeForm(), trk)
    assert slots["pain_duration_days"] == 6.0


async def test_a_message_that_only_asks_is_answered_not_misunderstood() -> None:
    """Asked how long, the person asks two questions, one naming a movement they gave
    before: the question is answered, the direction stays, and nothing is marked unclear."""
    text = "Would a salon stool help? Is standing all day going to make it worse?"
    said, slots = await run(
        ValidateIntakeForm(),
        tracker(text, slots={"requested_slot": "pain_duration_days",
                             "pain_direction": "extension"},
                just_set={"pain_direction": "extension"}),
    )
    questions = programme_questions()
    answers = {questions.answer(t.name) for t in questions.topics} | {questions.unknown}
    assert len(said) == 1 and said[0] in answers
    assert slots.get("reprompts") in (None, 0)


async def test_a_correction_within_an_answer_corrects_that_answer_only() -> None:
    """Asked how long, the person corrects themselves within the answer and mentions the
    drive home: the duration is taken, and the direction given before stands."""
    text = "A month or so. Actually it started the 30th, felt it on the drive home."
    _, slots = await run(
        ValidateIntakeForm(),
        tracker(text, slots={"requested_slot": "pain_duration_days", "pain_direction": "both"},
                just_set={"pain_duration_days": 34.0, "pain_direction": "flexion"},
                entities=[{"entity": "pain_duration_days", "value": 34, "start": 0, "end": 13},
                          {"entity": "pain_duration_days", "value": 6, "start": 24,
                           "end": 42, "role": "context"},
                          {"entity": "pain_direction", "value": "flexion", "start": 60,
                           "end": 70}]),
    )
    assert slots["pain_duration_days"] == 34.0
    assert slots["pain_direction"] == "both"


async def test_a_correction_after_the_answer_asked_for_changes_an_earlier_one() -> None:
    """Asked about the leg, the person answers, then corrects the tightness: both stand."""
    text = "No. Oh wait, I just tried and I can't get past my knees now, tight after all"
    _, slots = await run(
        ValidateIntakeForm(),
        tracker(text, slots={"requested_slot": "leg_pain", "flexibility": "normal"},
                just_set={"leg_pain": False, "flexibility": "tight"},
                entities=[{"entity": "flexibility", "value": "tight", "start": 37,
                           "end": 61}]),
    )
    assert slots["leg_pain"] is False
    assert slots["flexibility"] == "tight"


async def test_a_yes_taken_back_about_the_leg_is_a_no() -> None:
    """Asked about the leg, the person says yes, then takes it back: the leg is not in it."""
    text = "ja down the left leg... no wait sorry, its just my back, nothing in the leg"
    _, slots = await run(
        ValidateIntakeForm(),
        tracker(text, slots={"requested_slot": "leg_pain"}, just_set={"leg_pain": False},
                entities=[{"entity": "leg_pain", "value": False, "start": 60, "end": 78}]),
    )
    assert slots["leg_pain"] is False


async def test_a_correction_of_an_earlier_answer_changes_it() -> None:
    """Asked how bad, the person corrects the direction instead: it changes."""
    text = "sorry, I meant bending forward, not leaning back"
    _, slots = await run(
        ValidateIntakeForm(),
        tracker(text, slots={"requested_slot": "pain_score", "pain_direction": "extension"},
                just_set={"pain_direction": "flexion"}),
    )
    assert slots["pain_direction"] == "flexion"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a time in a sentence about one of the screen's signs is that sign's
        ("None of them. I did fall off my bike about two years ago, just a graze. No fever.",
         None),
        # a time in a sentence of its own dates the back
        ("None of them. The fall was nothing. My back has hurt for two years.", 730.0),
    ],
)
async def test_a_time_in_the_screens_answer_dates_the_sign_it_is_said_of(
    text: str, kept: float | None
) -> None:
    values = {name: None for name in DOMAIN["slots"]}
    values.update({"red_flag_screen": False, "pain_duration_days": 730.0})
    events = [
        {"event": "slot", "name": "requested_slot", "value": "red_flag_screen"},
        {"event": "user", "text": text, "parse_data": {"text": text}},
        {"event": "slot", "name": "pain_duration_days", "value": 730.0},
    ]
    at = text.index("two years")
    duration = {"entity": "pain_duration_days", "value": 730, "start": at, "end": at + 9}
    latest = {"text": text, "intent": {"name": "deny", "confidence": 1.0},
              "entities": [duration]}
    trk = Tracker(USER, values, latest, events, False, None, {"name": "intake_form"},
                  "action_listen")
    events = await ValidateIntakeForm().run(CollectingDispatcher(), trk, DOMAIN)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots.get("pain_duration_days", 730.0) == kept


async def test_a_start_named_after_the_length_is_taken_back_is_the_answer() -> None:
    """"Three weeks? No, less. It was yesterday morning.": the extractor read three weeks;
    the person took it back and named the start."""
    entity = {"entity": "pain_duration_days", "value": 21, "start": 0, "end": 11}
    said, slots = await run(
        ValidateIntakeForm(),
        tracker("Three weeks? No, less. It was yesterday morning.",
                slots={"requested_slot": "pain_duration_days"}, entities=[entity],
                just_set={"pain_duration_days": 21}),
    )
    assert slots["pain_duration_days"] == 1.0


async def test_an_answer_stated_then_asked_about_is_taken() -> None:
    """"Only as far as my hip. Is that the leg?": the hip stated (answered only when asked),
    then a question about it; the answer stands, the question is not asked again."""
    entity = {"entity": "leg_pain", "value": False, "role": "context", "start": 0, "end": 20}
    said, slots = await run(
        ValidateIntakeForm(),
        tracker("Only as far as my hip. Is that the leg?", intent="ask_programme",
                slots={"requested_slot": "leg_pain"}, entities=[entity]),
    )
    assert slots["leg_pain"] is False


@pytest.mark.parametrize(
    ("text", "requested", "entity", "taken"),
    [
        # answered, then a question about something else: the answer is taken
        ("Honestly about a 6. Oh and can my husband use the app too?", "pain_score",
         {"entity": "pain_score", "value": 6, "start": 16, "end": 19}, 6.0),
        ("Mostly bending. Should I keep going to pilates?", "pain_direction",
         {"entity": "pain_direction", "value": "flexion", "start": 7, "end": 14}, "flexion"),
        # the number is the question's own: nothing is taken
        ("Is 3 times a week enough?", "pain_score",
         {"entity": "pain_score", "value": 3, "start": 3, "end": 4}, None),
    ],
)
async def test_an_answer_said_before_a_question_is_taken_with_the_answer_to_it(
    text: str, requested: str, entity: dict[str, object], taken: object
) -> None:
    said, slots = await run(
        ActionAnswerQuestion(),
        tracker(text, intent="ask_programme", slots={"requested_slot": requested},
                entities=[entity]),
    )
    questions = programme_questions()
    answers = {questions.answer(t.name) for t in questions.topics} | {questions.unknown}
    assert said[0] in answers
    assert slots.get(requested) == taken
    stored = [(a.slot, a.value) for a in journal.answers_for(USER)]
    assert stored == ([] if taken is None else [(requested, taken)])


@pytest.mark.parametrize(
    ("text", "intent", "entity", "taken"),
    [
        # a length said unsure, then a question put back: the answer is taken
        ("maybe 2 months? why do you even need that", "ask_programme",
         {"entity": "pain_duration_days", "value": 60, "role": "context", "start": 6,
          "end": 14}, 60.0),
        ("like four weeks? since I changed jobs", "inform",
         {"entity": "pain_duration_days", "value": 28, "start": 5, "end": 15}, 28.0),
        # the start named after the unsure length is the answer
        ("about three weeks? no, it began yesterday", "inform",
         {"entity": "pain_duration_days", "value": 21, "start": 0, "end": 17}, 1.0),
    ],
)
async def test_a_length_said_unsure_answers_the_how_long_question(
    text: str, intent: str, entity: dict[str, Any], taken: float
) -> None:
    said, slots = await run(
        ValidateIntakeForm(),
        tracker(text, intent=intent, slots={"requested_slot": "pain_duration_days"},
                entities=[entity]),
    )
    assert slots["pain_duration_days"] == taken


@pytest.mark.parametrize(
    ("text", "entity", "taken"),
    [
        ("maybe 2 months? why does that matter", {"entity": "pain_duration_days", "value": 60,
                                                   "start": 6, "end": 14}, 60.0),
        # a question about a length is no answer
        ("Is 3 weeks normal for this?", {"entity": "pain_duration_days", "value": 21,
                                          "start": 3, "end": 10}, None),
    ],
)
async def test_a_length_said_unsure_before_a_question_is_taken_with_the_answer_to_it(
    text: str, entity: dict[str, object], taken: object
) -> None:
    said, slots = await run(
        ActionAnswerQuestion(),
        tracker(text, intent="ask_programme", slots={"requested_slot": "pain_duration_days"},
                entities=[entity]),
    )
    assert slots.get("pain_duration_days") == taken
