"""Whole conversations through the trained model, the action server and the journal.

The model is loaded once for the module (it takes ~40 s); each test talks as a new person.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import yaml

from bot.content import advice, texts
from bot.rasa.runtime import respond
from bot.rasa.tracker_store import BackstepTrackerStore
from bot.store import journal
from tests.support.domain import domain_response, domain_responses
from tests.support.paths import SAFETY_SETS
from tests.support.runtime import RasaRuntime

pytestmark = pytest.mark.model

QUESTION = {
    slot: domain_response(f"utter_ask_{slot}")
    for slot in ("red_flag_screen", "pain_direction", "pain_duration_days", "flexibility",
                 "spasm", "pain_score", "leg_pain")
}
SCHEDULE_TIME_QUESTION = domain_response("utter_ask_checkin_time")
CHECK = domain_response("utter_red_flag_check", red_flag_category="neuro_deficit")
CHECKS = domain_responses("utter_red_flag_check")
CLEARED = domain_response("utter_red_flag_cleared")
CRISIS_CHECK = domain_response("utter_crisis_check")
CRISIS_CLEARED = domain_response("utter_crisis_cleared")


class Person:
    """Someone chatting with Backstep; ``say`` returns the bot's replies."""

    def __init__(self, bot: RasaRuntime) -> None:
        self.bot = bot
        self.id = f"test-{uuid.uuid4().hex[:12]}"
        self.last: list[dict[str, Any]] = []

    def say(self, text: str) -> list[str]:
        self.last = self.bot.loop.run_until_complete(respond(self.bot.agent, text, self.id))
        return [str(m.get("text", "")) for m in self.last]


@pytest.fixture(scope="module")
def bot(rasa_runtime: RasaRuntime) -> RasaRuntime:
    return rasa_runtime


@pytest.fixture
def person(bot: RasaRuntime) -> Person:
    return Person(bot)


def asks(replies: list[str], slot: str) -> bool:
    return bool(replies) and replies[-1] == QUESTION[slot]


def test_a_newcomer_finishes_the_intake_step_by_step(person: Person) -> None:
    greeting = person.say("hi")
    assert greeting[0].startswith("Hi, I'm Backstep")
    assert [b["title"] for b in person.last[0]["buttons"]] == ["Start", "What can you do?"]
    assert asks(person.say("/start"), "red_flag_screen")
    assert [b["title"] for b in person.last[-1]["buttons"]] == [
        "None of these", "Yes, at least one"
    ]
    assert asks(person.say("none of these"), "pain_direction")
    assert [b["title"] for b in person.last[-1]["buttons"]] == [
        "Bending forward", "Leaning back", "Both", "No clear direction"
    ]
    assert asks(person.say("tying my shoes kills me"), "pain_duration_days")
    assert asks(person.say("about three weeks"), "flexibility")
    assert asks(person.say("my hamstrings are really tight"), "pain_score")
    assert asks(person.say("6"), "leg_pain")
    plan = person.say("no")
    assert plan[0].startswith(
        "Step 1 now: passive stretching by a professional. Then Step 2: McKenzie exercises."
    )
    assert "3 weeks (acute: under 6 weeks)" in plan[0]
    assert plan[0].endswith(advice.SAFETY_NET.text)

    stored = {(a.slot, a.value, a.raw_text) for a in journal.answers_for(person.id)}
    assert stored == {
        ("red_flag_screen", False, "none of these"),
        ("pain_direction", "flexion", "tying my shoes kills me"),
        ("pain_duration_days", 21.0, "about three weeks"),
        ("flexibility", "tight", "my hamstrings are really tight"),
        ("pain_score", 6.0, "6"),
        ("leg_pain", False, "no"),
    }
    [rec] = journal.recommendations_for(person.id)
    assert (rec.step, rec.regimen, rec.next_regimen) == (1, "passive_stretching", "mckenzie")


def test_buttons_answer_the_questions(person: Person) -> None:
    person.say("/start")
    assert asks(person.say("/deny"), "pain_direction")
    assert asks(person.say('/inform{"pain_direction": "extension"}'), "pain_duration_days")
    assert asks(person.say("10 days"), "flexibility")
    assert asks(person.say('/inform{"flexibility": "normal"}'), "pain_score")
    assert asks(person.say('/inform{"pain_score": 2}'), "leg_pain")
    plan = person.say('/inform{"leg_pain": false}')
    assert plan[0].startswith("Step 2 now: lumbar stabilisation exercises.")
    assert "Step 4: your pain is under control" in plan[0]


def test_everything_in_one_message_asks_only_what_is_missing(person: Person) -> None:
    replies = person.say(
        "it hurts when I bend forward, for three weeks, and my hamstrings are tight"
    )
    assert asks(replies, "red_flag_screen")  # nobody gets advice without the safety screen
    # the tightness came in passing, so the spasm half of its question is asked on its own
    assert asks(person.say("no"), "spasm")
    assert QUESTION["pain_direction"] not in replies
    assert asks(person.say("no, it hasn't locked up"), "pain_score")
    assert asks(person.say("7/10"), "leg_pain")
    plan = person.say("yes, it shoots down my left leg")
    assert plan[0].startswith("Step 1 now:")
    assert "in spasm" not in plan[0]


def test_a_back_in_spasm_told_only_when_asked_changes_the_plan(person: Person) -> None:
    person.say("it hurts when I bend forward, I can't touch my toes, ten days now")
    assert asks(person.say("none of those"), "spasm")
    assert asks(person.say("yes, on Saturday it seized up and I couldn't move"), "pain_score")
    person.say("5")
    plan = person.say("no, just the back")
    assert plan[0].startswith("Step 1 now:")
    assert "in spasm" in plan[0]
    stored = {(a.slot, a.value) for a in journal.answers_for(person.id)}
    assert ("spasm", True) in stored


def test_the_spasm_question_is_not_asked_a_third_time(person: Person) -> None:
    person.say("it hurts when I bend forward, I can't touch my toes, ten days now")
    assert asks(person.say("none of those"), "spasm")
    assert asks(person.say("my hamstrings are really tight"), "spasm")
    replies = person.say("my hamstrings are really tight")
    assert texts.TAKEN_FOR_NOW["spasm"] in replies
    assert asks(replies, "pain_score")


def test_the_tightness_question_answered_is_not_followed_by_a_spasm_question(
    person: Person,
) -> None:
    person.say("/start")
    person.say("none")
    person.say("bending forward")
    assert asks(person.say("two weeks"), "flexibility")
    assert asks(person.say("fairly tight"), "pain_score")


def test_an_answer_to_one_question_keeps_the_answers_already_given(person: Person) -> None:
    person.say("/start")
    assert asks(person.say("nope, none"), "pain_direction")
    assert asks(person.say("reaching up to the top cupboard is the worst"), "pain_duration_days")
    assert asks(person.say("about a month"), "flexibility")
    # mentions bending, but answers the tightness question; the direction stays
    assert asks(person.say("very tight, I can't bend down and touch the floor"), "pain_score")
    assert asks(person.say("a 4 I'd say, maybe"), "leg_pain")
    plan = person.say("no, nothing in my legs, only across my lower back")
    assert "leaning back makes the pain worse" in plan[0]
    stored = {(a.slot, a.value) for a in journal.answers_for(person.id)}
    assert ("pain_direction", "extension") in stored and ("pain_score", 4.0) in stored


def test_a_clear_no_in_many_words_answers_the_screen(person: Person) -> None:
    person.say("/start")
    assert asks(person.say("thankfully I don't have any of those at all"), "pain_direction")
    [answer] = [a for a in journal.answers_for(person.id) if a.slot == "red_flag_screen"]
    assert answer.value is False


def test_not_understood_offers_to_start(person: Person) -> None:
    replies = person.say("qwzx plorb")
    assert replies[0].startswith("Sorry")
    assert "/start" in [b["payload"] for b in person.last[-1].get("buttons") or []]


def test_a_correction_after_the_plan_updates_it(person: Person) -> None:
    person.say("it hurts when I lean back, for 10 days, I can touch my toes, pain 2/10")
    person.say("none of those")
    first = person.say("no")
    assert first[0].startswith("Step 2 now: lumbar stabilisation exercises.")
    updated = person.say("actually it's been two months")
    assert updated[0].startswith("Step 2 now:")
    assert "2 months (subacute: 6 to 12 weeks)" in updated[0]
    assert len(journal.recommendations_for(person.id)) == 2
    # The check-in time question follows the plan; "my plan" answers (the plan, then where
    # the exercises stand), then asks it again.
    plan, exercises, again = person.say("what's my plan?")
    assert (plan, again) == (updated[0], SCHEDULE_TIME_QUESTION)
    assert exercises.startswith("Your exercises: lumbar stabilisation exercises, level 1 of 5.")


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("", texts.BAD_INPUT_REPLIES[texts.BadInput.EMPTY]),
        ("😭😭", texts.BAD_INPUT_REPLIES[texts.BadInput.EMOJI]),
        ("my back " * 700, texts.BAD_INPUT_REPLIES[texts.BadInput.TOO_LONG]),
        ("me duele mucho la espalda", texts.BAD_INPUT_REPLIES[texts.BadInput.OTHER_LANGUAGE]),
        ("15/10", texts.PAIN_SCORE_OUT_OF_RANGE.format(value="15")),
        ("-3", texts.PAIN_SCORE_OUT_OF_RANGE.format(value="-3")),
    ],
    ids=["empty", "emoji", "5000 chars", "spanish", "15/10", "-3"],
)
def test_bad_answers_get_a_kind_reply_and_the_question_again(
    person: Person, text: str, reply: str
) -> None:
    person.say("it hurts when I bend forward, for three weeks, my hamstrings are tight, no spasm")
    person.say("no")
    replies = person.say(text)
    assert replies[0] == reply
    assert asks(replies, "pain_score")
    assert asks(person.say("5"), "leg_pain")  # nothing was lost: the intake goes on
    rejected = [a for a in journal.answers_for(person.id) if not a.accepted]
    assert [a.raw_text for a in rejected] == [text.strip()[: journal.MAX_RAW_TEXT]]


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("", texts.BAD_INPUT_REPLIES[texts.BadInput.EMPTY]),
        ("😭", texts.BAD_INPUT_REPLIES[texts.BadInput.EMOJI]),
        ("?!", texts.BAD_INPUT_REPLIES[texts.BadInput.UNCLEAR]),
    ],
    ids=["empty", "emoji", "punctuation"],
)
def test_unreadable_messages_never_answer_a_yes_no_question(
    person: Person, text: str, reply: str
) -> None:
    person.say("it hurts when I bend forward, for three weeks, tight hamstrings, no spasm, 7/10")
    person.say("no")
    replies = person.say(text)
    assert replies[0] == reply
    assert asks(replies, "leg_pain")
    assert not journal.recommendations_for(person.id)


def test_a_thumbs_up_answers_yes(person: Person) -> None:
    person.say("it hurts when I bend forward, for three weeks, tight hamstrings, no spasm, 7/10")
    person.say("👎")  # no warning signs
    plan = person.say("👍")
    assert "pain spreads into a leg" in plan[0]


def test_starting_over_clears_the_answers(person: Person) -> None:
    person.say("it hurts when I bend forward, for three weeks")
    replies = person.say("start over")
    assert replies[0] == texts.STARTING_OVER
    assert asks(replies, "red_flag_screen")


def test_help_in_the_middle_of_the_intake_then_carry_on(person: Person) -> None:
    person.say("/start")
    replies = person.say("how does this work?")
    assert replies[0].startswith("I'm Backstep.")
    assert asks(replies, "red_flag_screen")


def test_the_conversation_survives_a_restart(bot: RasaRuntime, person: Person) -> None:
    person.say("it hurts when I lean back, for 10 days")
    fresh_store = BackstepTrackerStore(domain=bot.agent.domain, host=bot.db_url)
    tracker = bot.loop.run_until_complete(fresh_store.retrieve(person.id))
    assert tracker is not None
    assert tracker.get_slot("pain_direction") == "extension"
    assert tracker.get_slot("pain_duration_days") == 10


# --- Safety -----------------------------------------------------------------------------

URGENT = texts.URGENT_MARK


def test_a_red_flag_in_the_first_message_is_escalated_at_once(person: Person) -> None:
    replies = person.say("my back is killing me and I wet myself without noticing")
    assert replies[0].startswith(URGENT)
    assert "emergency department" in replies[0] and "bladder" in replies[0]
    [event] = journal.safety_events_for(person.id)
    assert (event.kind, event.category) == ("red_flag", "cauda_equina")


def test_a_red_flag_inside_an_ordinary_answer_stops_the_intake(person: Person) -> None:
    person.say("/start")
    person.say("no")
    person.say("bending forward")
    replies = person.say("three weeks, and today I can't hold my urine")
    assert replies[0].startswith(URGENT)
    assert not any(r.startswith(q) for r in replies for q in QUESTION.values())
    # The plan stays paused until a clinician has checked them.
    for answer in ("/start", "my hamstrings are tight", "5", "no"):
        replies = person.say(answer)
    assert texts.PLAN_PAUSED in replies
    assert person.say("I saw my GP today and she said it's fine") == [
        texts.PLAN_RESUMED, SCHEDULE_TIME_QUESTION
    ]
    assert person.say("what's my plan?")[0].startswith("Step 1 now:")


def test_a_negated_symptom_in_the_intake_carries_on(person: Person) -> None:
    person.say("/start")
    person.say("none of these")
    replies = person.say("bending forward, no numbness or tingling anywhere")
    assert not any(r.startswith(URGENT) for r in replies)
    assert asks(replies, "pain_duration_days")


def test_yes_to_the_safety_screen_is_escalated(person: Person) -> None:
    person.say("/start")
    replies = person.say("yes")
    assert replies[0].startswith(URGENT)


def test_a_crisis_gets_the_crisis_message(person: Person) -> None:
    person.say("/start")
    replies = person.say("honestly I don't want to live like this anymore, I want to end it")
    assert replies[0].startswith(URGENT)
    assert "116 123" in replies[0] and "988" in replies[0]


def test_the_escalation_does_not_need_the_action_server(bot: RasaRuntime, person: Person) -> None:
    bot.server.stop()
    try:
        replies = person.say("I fell off a ladder yesterday and my back hurts")
        assert replies and replies[0].startswith(URGENT)
    finally:
        bot.server.start()


def test_the_safety_corpus_end_to_end(bot: RasaRuntime) -> None:
    """Every red flag of the corpus escalates at once; every hedged one is asked about and
    escalates on "yes"; almost no benign message escalates."""
    corpus = yaml.safe_load((SAFETY_SETS / "corpus.yml").read_text())

    def first_reply(text: str) -> str:
        return Person(bot).say(text)[0]

    flags = [row["text"] for row in corpus["red_flags"]]
    missed = [t for t in flags if not first_reply(t).startswith(URGENT)]
    assert missed == []
    for row in corpus["uncertain"]:
        person = Person(bot)
        first = person.say(row["text"])[0]
        assert first.startswith(URGENT) or first in CHECKS, row["text"]
        if first in CHECKS:
            assert person.say("yes")[0].startswith(URGENT), row["text"]
    benign = [row["text"] for row in corpus["benign"]]
    false_urgent = [t for t in benign if first_reply(t).startswith(URGENT)]
    assert len(false_urgent) / len(benign) <= 0.05, false_urgent

def test_a_possible_red_flag_is_asked_about_and_no_carries_on(person: Person) -> None:
    person.say("/start")
    person.say("none of these")
    replies = person.say("bending forward, and i think my legs might be getting weaker?")
    assert replies == [CHECK]
    assert [b["title"] for b in person.last[-1]["buttons"]] == [
        "Yes, or not sure", "No, none of these"
    ]
    replies = person.say("no")
    assert replies[0] == CLEARED
    assert not any(r.startswith(URGENT) for r in replies)
    # The intake goes on where it was, with the answer given alongside ("bending forward").
    assert asks(replies, "pain_duration_days")
    assert person.say("three weeks")[-1] == QUESTION["flexibility"]
    assert journal.safety_events_for(person.id) == []


@pytest.mark.parametrize("answer", ["yes", "/red_flag", "i don't know what you mean"])
def test_anything_but_no_to_the_clarifying_question_escalates(
    person: Person, answer: str
) -> None:
    assert person.say("i think my legs might be getting weaker?") == [CHECK]
    replies = person.say(answer)
    assert replies[0].startswith(URGENT)
    [event] = journal.safety_events_for(person.id)
    assert (event.kind, event.category, event.raw_text) == (
        "red_flag", "neuro_deficit", f"i think my legs might be getting weaker? / {answer}"
    )


#: What the union sends on when only the trained model saw crisis language (the union
#: itself is table-tested in test_safety_rules); a payload, so DIET's guess is not needed.
POSSIBLE_CRISIS = '/crisis{"red_flag": "crisis", "red_flag_uncertain": "crisis"}'


def test_possible_crisis_language_gets_a_gentle_question_and_no_carries_on(
    person: Person,
) -> None:
    person.say("/start")
    assert asks(person.say("none of these"), "pain_direction")
    assert person.say(POSSIBLE_CRISIS) == [CRISIS_CHECK]
    assert [b["title"] for b in person.last[-1]["buttons"]] == ["Yes, or not sure", "No"]
    replies = person.say("no")
    assert replies[0] == CRISIS_CLEARED
    assert not any(r.startswith((URGENT, texts.REFERRAL_MARK)) for r in replies)
    assert asks(replies, "pain_direction")
    assert journal.safety_events_for(person.id) == []


def test_a_no_to_the_crisis_question_with_a_possible_red_flag_asks_about_that(
    person: Person,
) -> None:
    assert person.say(POSSIBLE_CRISIS) == [CRISIS_CHECK]
    replies = person.say("No. I did have a cancer scare once, still waiting on the tests")
    assert replies == [domain_response("utter_red_flag_check", red_flag_category="cancer")], (
        "the crisis question is answered; the possible red flag is asked about"
    )
    replies = person.say("no")
    assert replies[0] == domain_response("utter_red_flag_cleared")
    assert not any(r.startswith((URGENT, texts.REFERRAL_MARK)) for r in replies)
    assert journal.safety_events_for(person.id) == []


@pytest.mark.parametrize("answer", ["yes", "/crisis", "i don't know"])
def test_anything_but_no_to_the_crisis_question_gets_the_crisis_message(
    person: Person, answer: str
) -> None:
    assert person.say(POSSIBLE_CRISIS) == [CRISIS_CHECK]
    replies = person.say(answer)
    assert replies[0] == domain_response("utter_crisis")
    [event] = journal.safety_events_for(person.id)
    # Journaled as a crisis, with the words that raised it and the answer.
    assert (event.kind, event.raw_text) == ("crisis", f"{POSSIBLE_CRISIS} / {answer}")


def test_the_clarifying_question_asks_about_the_signs_seen(person: Person) -> None:
    # Hedged leg weakness is asked about legs, not bladders.
    assert person.say("i think my legs might be getting weaker?") == [CHECK]
    assert "leg" in CHECK and "bladder" not in CHECK


def test_a_hedged_no_to_the_warning_sign_screen_is_asked_about(person: Person) -> None:
    person.say("/start")
    replies = person.say("i don't think so")
    assert replies == [domain_response("utter_red_flag_check")]
    replies = person.say("no")
    assert replies[0] == CLEARED
    assert asks(replies, "pain_direction")


def test_a_softener_then_a_full_no_clears_the_clarifying_question(person: Person) -> None:
    assert person.say("i think my legs might be getting weaker?") == [CHECK]
    replies = person.say("No, I don't think so, none of that.")
    assert replies[0] == CLEARED
    assert not any(r.startswith(URGENT) for r in replies)
    assert journal.safety_events_for(person.id) == []


def test_a_long_history_said_unasked_still_gets_the_question_about_this_bout(
    person: Person,
) -> None:
    person.say("Had back trouble on and off for about 20 years. It's flared up again")
    assert asks(person.say("no, none of those"), "pain_direction")
    # the history is not this bout's length: the bout is asked about
    assert asks(person.say("bending down to the bottom shelves is the worst"), "pain_duration_days")
    assert asks(person.say("ten days, this time"), "flexibility")
    person.say("my hamstrings have always been tight, no spasms")
    person.say("a 6")
    plan = person.say("no, just my back")
    assert any("lasting 10 days" in line for line in plan)


def test_a_holiday_of_no_known_country_said_unasked_still_gets_the_question(
    person: Person,
) -> None:
    person.say("My lower back has been sore since labour day")
    assert asks(person.say("no, none of those"), "pain_direction")
    # labour day is in September in the US, October in New Zealand, May in Nigeria
    assert asks(person.say("bending forward is the worst"), "pain_duration_days")
    # asked, the same words are the answer
    assert asks(person.say("since labour day, like I said"), "flexibility")


def test_sciatica_said_unasked_still_gets_the_leg_question(person: Person) -> None:
    person.say("my sciatica is playing up")
    person.say("no, none of those")
    person.say("bending forward")
    person.say("two weeks")
    person.say("tight hamstrings")
    # sciatica is often said of a buttock: the leg is asked about, and the answer counts
    assert asks(person.say("5"), "leg_pain")
    plan = person.say("sciatica, like I said")
    assert any("pain spreads into a leg" in line for line in plan)


def test_a_long_history_is_the_answer_when_it_is_all_there_is(person: Person) -> None:
    person.say("/start")
    person.say("nope")
    person.say("bending forward")
    assert asks(person.say("on and off for twenty years or so"), "flexibility")
    person.say("tight")
    person.say("5")
    plan = person.say("no")
    assert any("lasting 20 years" in line for line in plan)


def test_a_movement_said_only_as_what_someone_does_still_gets_the_question(
    person: Person,
) -> None:
    person.say("I run a market stall and stand there the whole day. My lower back is bad.")
    # standing is what they do, not said to hurt: the direction is asked
    assert asks(person.say("no, none of those"), "pain_direction")
    # asked, the same kind of words are the answer
    assert asks(person.say("standing at the stall and walking about"), "pain_duration_days")
    stored = {(a.slot, a.value) for a in journal.answers_for(person.id)}
    assert ("pain_direction", "extension") in stored


def test_checked_by_a_clinician_with_nothing_paused_goes_on_with_the_questions(
    person: Person,
) -> None:
    replies = person.say("/assessed")
    assert replies[0] == texts.ASSESSED_NOTHING_PAUSED
    assert asks(replies, "red_flag_screen")  # never a turn that asks nothing
