"""The intake form: reading answers in context, validating them, asking again kindly."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    FORM_SLOTS,
    answer_programme_question,
    entity_in_latest_message,
    journal_answer,
    latest_intent,
    latest_text,
    value_before_latest_message,
)
from actions.forms import KindFormValidation
from actions.intake_context import (
    answer_before_the_question,
    answer_marked,
    asked,
    bare_word_for_another_question,
    checked_in_place_of_the_screen,
    cleared_a_check,
    is_question,
    said_before_asking,
    spasm_still_to_ask,
    with_role,
)
from bot.content.texts import DURATION_NEEDS_UNIT, PAIN_SCORE_OUT_OF_RANGE, STARTING_OVER
from bot.domain.answers import parse_bare_number, parse_score_answer, valid_pain_score, with_halves
from bot.domain.escalation import OTHER_ENTITY, SCREEN_SLOT
from bot.domain.programme import DIRECTIONS, FLEXIBILITIES
from bot.nlu.answers import (
    adds_to_an_answer,
    correction_at,
    mentions_the_back_or_pain,
    only_says_fine,
    reads_as_correction,
    said_after_a_question,
    starts_with_yes,
)
from bot.nlu.clear_no import starts_with_no
from bot.nlu.dates import utc_today
from bot.nlu.duration import calendar_date_in, start_named_after_a_doubt, start_named_in, tokenize
from bot.nlu.echoes import hedged_value
from bot.nlu.named_days import qualified_holiday_days
from bot.nlu.patterns import CONTEXT_ROLE, HISTORY
from bot.nlu.red_flags import DetectorFailed, find_red_flags
from bot.nlu.scores import opening_number_word, settled_score, without_other_times

#: Questions whose answers may mention the legs without saying where the pain goes.
_NOT_ABOUT_LEG_PAIN = frozenset({SCREEN_SLOT, "flexibility"})
#: Longest plausible episode, in days (50 years).
MAX_DURATION_DAYS = 50 * 365


def _their_holiday(tracker: Tracker) -> int | None:
    """Days since the holiday the latest message names, for the country any of the person's
    messages names; None when none names one, or no holiday is named."""
    cues = frozenset(
        word for event in tracker.events if event.get("event") == "user"
        for word in tokenize(str(event.get("text") or ""))
    )
    text = latest_text(tracker)
    if calendar_date_in(text, utc_today()) is not None:
        return None  # "From Independence Day, the 30th of November": their own date wins
    found = qualified_holiday_days(tokenize(text), utc_today(), cues)
    return found[0] if found is not None and found[1] else None


def _not_the_backs_time(tracker: Tracker) -> list[EventType]:
    """A time said in the answer to the warning-sign screen, in a sentence about one of its
    signs, is that sign's time, not the back's: "No to all of those. I did fall off a
    bicycle about three years ago but only scraped my knee" (the how-long question still
    comes); "None of those. It has been three weeks now" dates the back."""
    if value_before_latest_message(tracker, "requested_slot") != "red_flag_screen":
        return []
    said = [
        e for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == "pain_duration_days" and isinstance(e.get("start"), int)
    ]
    if not said:
        return []  # no time said: the red-flag reader need not run again here
    text = latest_text(tracker)
    try:
        signs = [hit.start for hit in find_red_flags(text)]
    except DetectorFailed:
        return []  # not read: the safety union has already asked about the message
    if not any(_same_sentence(text, said[-1]["start"], at) for at in signs):
        return []
    before = value_before_latest_message(tracker, "pain_duration_days")
    if before == tracker.get_slot("pain_duration_days"):
        return []
    return [SlotSet("pain_duration_days", before)]


def _same_sentence(text: str, a: int, b: int) -> bool:
    low, high = sorted((a, b))
    return not re.search(r"[.!?]", text[low:high])


class ValidateIntakeForm(KindFormValidation):
    """Extracts context-dependent answers, validates and journals every answer."""

    form_slots = FORM_SLOTS
    half_answers = {"flexibility": "spasm"}  # "tight muscles, or is your back locked?"
    # asked twice and still not read: tight, which starts the plan gently (with stretching);
    # no spasm, which leaves the plan as the tightness answer set it
    last_resorts = {"flexibility": "tight", "spasm": False}

    def name(self) -> str:
        return "validate_intake_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The domain's questions, with spasm asked on its own after the tightness when
        the tightness was told in passing: the plan starts differently for a back that
        locks up."""
        if not spasm_still_to_ask(tracker):
            return domain_slots
        after = domain_slots.index("flexibility") + 1
        return [*domain_slots[:after], "spasm", *domain_slots[after:]]

    def _restore(
        self, event: EventType, tracker: Tracker, requested: str, corrected: int | None = None
    ) -> EventType | None:
        """As the form's, but a direction added to the other one given before ("Oh, and
        standing brings it on too", said with the how-long answer) makes it both."""
        restored = super()._restore(event, tracker, requested, corrected)
        if (
            restored is not None and event.get("name") == "pain_direction"
            and {restored.get("value"), event.get("value")} == {"flexion", "extension"}
            and adds_to_an_answer(latest_text(tracker))
        ):
            return SlotSet("pain_direction", "both")
        return restored

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """As the form's, but nothing from a message about someone else's emergency; and as
        the intake resumes after a clear "no" to a clarifying
        question: an answer accepted before the message that drew the question, which that
        message changed in passing, is put back ("I could not stand straight" said about
        the spasm does not change "bending is the worst"); the question it answered, or a
        correction, changes it."""
        if entity_in_latest_message(tracker, OTHER_ENTITY):
            # someone else's emergency: what it says is theirs, no answer of the writer's
            # (nothing is taken or journaled; the question comes again)
            return [
                SlotSet(slot, before) for slot in self.form_slots
                if (before := value_before_latest_message(tracker, slot))
                != tracker.get_slot(slot)
            ]
        events = await super().run(dispatcher, tracker, domain)
        events += await self._answered_then_asked(dispatcher, tracker, domain, events)
        if not cleared_a_check(tracker):
            return events + _not_the_backs_time(tracker)
        users = [e for e in tracker.events if e.get("event") == "user"]
        flagged = str(users[-2].get("text") or "") if len(users) >= 2 else ""
        if reads_as_correction(flagged):
            return events
        asked_then = value_before_latest_message(tracker, "requested_slot", back=2)
        said_now = {e.get("entity") for e in tracker.latest_message.get("entities", [])}
        # The answer to the clarifying question answers that question: what it says in
        # passing changes no answer already given ("No lah, I mean my back stiff, not the
        # leg weak"), and fills an open one only if it speaks of the back or the pain
        # ("No, I've lost 3 kilos on purpose, cut out the beer since August")
        of_the_pain = mentions_the_back_or_pain(latest_text(tracker))
        for slot in sorted(said_now & set(self.form_slots)):
            before = value_before_latest_message(tracker, slot)
            if (before is not None or not of_the_pain) and before != tracker.get_slot(slot):
                events.append(SlotSet(slot, before))
        for slot in self.form_slots:
            if slot in (asked_then, *said_now):
                continue
            before = value_before_latest_message(tracker, slot, back=2)
            if before is not None and before != tracker.get_slot(slot):
                events.append(SlotSet(slot, before))
        return events

    async def _answered_then_asked(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        events: list[EventType],
    ) -> list[EventType]:
        """An answer said before a question about the programme ("8 days. can I still
        play football?"): the answer taken and the question answered, so that neither is
        lost (the form goes on to its next question)."""
        requested = tracker.get_slot("requested_slot")
        if requested not in self.form_slots or requested == SCREEN_SLOT or any(
            e.get("event") == "slot" and e.get("name") == requested and e.get("value") is not None
            for e in events
        ):
            return []
        split = said_before_asking(latest_text(tracker))
        if split is None or not is_question(tracker) or dispatcher.messages:
            return []
        statement, question = split
        value = answer_before_the_question(statement, requested)
        if value is None:
            return []
        validate = getattr(self, f"validate_{requested}")
        taken = await validate(value, dispatcher, tracker, domain)
        if taken.get(requested) is None:
            return []
        answer_programme_question(dispatcher, question)
        return [SlotSet(name, v) for name, v in taken.items()]

    async def extract_pain_score(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The number of an answer ("7", "about six", "Now is 4.") answers the pain
        question when it was asked; the one settled on after thinking aloud ("8. Maybe 7.
        No, 8") over any other it names."""
        if tracker.get_slot("requested_slot") != "pain_score" or is_question(tracker):
            return {}
        text = latest_text(tracker)
        settled = settled_score(text)
        if settled is not None:
            return {"pain_score": settled}
        if entity_in_latest_message(tracker, "pain_score") and with_halves(text) == text:
            return {}  # not "four and a half": the entity's whole number
        number = parse_score_answer(text)
        if number is None:  # "A 6. It was a 7 but then I found this chat"
            number = parse_score_answer(without_other_times(text))
        if number is None and (after := said_after_a_question(text)) is not None:
            number = parse_score_answer(after)  # "out of 10 ah? 4 lah"
        if number is None:
            number = opening_number_word(text)  # "one lor, very mild now"
        return {} if number is None else {"pain_score": number}

    async def extract_pain_duration_days(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A start named without "since" ("Wednesday morning just gone", "I moved on
        Tuesday, and since then it hurts"), or a long history and nothing else ("on and off
        for years"), answers the how-long question when it was asked; said unasked, a
        history is the back's story, and the question about this bout still comes."""
        if tracker.get_slot("requested_slot") != "pain_duration_days":
            return {}
        # "like three weeks? why does it matter": hedged, and answered, whatever is asked
        text, entities = latest_text(tracker), tracker.latest_message.get("entities", [])
        hedged = hedged_value(text, entities, "pain_duration_days")
        if hedged is not None:  # "about two weeks? no, it was the Wednesday, the 18th"
            named = start_named_in(text[hedged[1] :], utc_today())
            hedged = hedged if named is None else (named, hedged[1])
        if hedged is None and is_question(tracker):
            return {}
        if entity_in_latest_message(tracker, "pain_duration_days"):
            # "two weeks ago? no way, less. it was wednesday last week": the start named
            # after the length is doubted is the answer
            lengths = [
                (int(e.get("start") or 0), int(e.get("end") or 0))
                for e in entities if e.get("entity") == "pain_duration_days"
            ]
            settled = start_named_after_a_doubt(text, lengths[-1], utc_today())
            settled = hedged[0] if settled is None and hedged else settled
            return {} if settled is None else {"pain_duration_days": float(settled)}
        if hedged is not None:
            return {"pain_duration_days": float(hedged[0])}
        # "since labour day" (whose, nothing said), "a fortnight yesterday" (nothing of
        # the back said): read whole by the extractor, taken as the answer here, a holiday
        # for the country an earlier message named ("kia ora" first, "since Labour Day" now)
        named = _their_holiday(tracker)
        if named is None:
            named = with_role(tracker, "pain_duration_days", CONTEXT_ROLE)
        if named is None:
            named = start_named_in(text, utc_today())
        if named is None:
            named = with_role(tracker, "pain_duration_days", HISTORY)
        return {} if named is None else {"pain_duration_days": float(named)}

    async def extract_pain_direction(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Movements named without saying that they hurt ("standing at the whiteboard and
        walking the kids out") answer the direction question when it was asked; said
        unasked, they are what the person does, and the question still comes."""
        return answer_marked(tracker, "pain_direction", CONTEXT_ROLE)

    async def extract_flexibility(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A back in spasm, with nothing said of the muscles ("it's locked up solid"),
        answers the tightness question when it was asked: held tight; "fine" alone, that
        they are not tight."""
        if tracker.get_slot("requested_slot") == "flexibility" and only_says_fine(
            latest_text(tracker)
        ) and not cleared_a_check(tracker):
            return {"flexibility": "normal"}
        return answer_marked(tracker, "flexibility", CONTEXT_ROLE)

    async def extract_spasm(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A plain yes or no to the spasm question asked on its own."""
        if tracker.get_slot("requested_slot") != "spasm" or entity_in_latest_message(
            tracker, "spasm"
        ):
            return {}
        answer = {"affirm": True, "deny": False}.get(latest_intent(tracker) or "")
        return {} if answer is None else {"spasm": answer}

    async def extract_red_flag_screen(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A clear "no" that says more ("No, nothing like that. Only my back.", marked
        ``clear_no`` by the NLU) answers the warning-sign screen; so does a clear "no" to
        the clarifying question asked in its place (it asks about every sign the screen
        does), which the bot has just thanked the person for."""
        if not asked(tracker, "red_flag_screen"):
            return {}
        if cleared_a_check(tracker, ("red_flag",)) and checked_in_place_of_the_screen(tracker):
            return {"red_flag_screen": False}
        return {"red_flag_screen": False} if entity_in_latest_message(tracker, "clear_no") else {}

    async def extract_leg_pain(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A "yes" or a "no" that says more ("Yes po, it goes to my shin", "no just my
        back") answers the leg-pain question: the person's own word first."""
        if tracker.get_slot("requested_slot") != "leg_pain" or cleared_a_check(tracker):
            return {}  # a "no" to a clarifying question answers that question only
        text = latest_text(tracker)
        at = correction_at(text)
        if at and any(e.get("entity") == "leg_pain" and e.get("start", 0) >= at
                      for e in tracker.latest_message.get("entities", [])):
            return {}  # "ja down the left leg... no wait, just my back": the second thought
        if starts_with_yes(text):
            return {"leg_pain": True}  # "Yes po, sometimes it goes down to my shin"
        if starts_with_no(text):
            # Their own "no" to the question ("No. A bit of an ache into the thigh, but
            # nothing below the knee") wins over what we would make of the details.
            return {"leg_pain": False}
        if entity_in_latest_message(tracker, "leg_pain"):
            return {}
        if entity_in_latest_message(tracker, "clear_no"):
            return {"leg_pain": False}
        # "sciatica", said when asked: the leg
        return answer_marked(tracker, "leg_pain", CONTEXT_ROLE)

    async def validate_red_flag_screen(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        ok = isinstance(value, bool)
        await journal_answer(tracker, "red_flag_screen", value, accepted=ok)
        return {"red_flag_screen": value if ok else None}

    async def validate_pain_direction(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == "none" and bare_word_for_another_question(tracker, "pain_direction"):
            # "nope, none" answers the warning-sign screen; an answer given before stays
            return {"pain_direction": value_before_latest_message(tracker, "pain_direction")}
        ok = value in DIRECTIONS
        await journal_answer(tracker, "pain_direction", value, accepted=ok)
        return {"pain_direction": value if ok else None}

    async def validate_pain_duration_days(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") == SCREEN_SLOT:
            # An answer to the warning-sign list dates its asides ("hurt my knee in high
            # school but that was 20 years ago"), not this bout: the question comes.
            return {"pain_duration_days": None}
        try:
            days = float(value)
        except (TypeError, ValueError):
            days = -1.0
        ok = 0 <= days <= MAX_DURATION_DAYS
        await journal_answer(tracker, "pain_duration_days", days if ok else value, accepted=ok)
        return {"pain_duration_days": days if ok else None}

    async def validate_flexibility(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        ok = value in FLEXIBILITIES
        await journal_answer(tracker, "flexibility", value, accepted=ok)
        if not ok:
            return {"flexibility": None}
        # The spasm slot is no form slot: it is filled before the form runs, so it is
        # read from the message itself, not from the form's slot candidates.
        spasm = next(
            (e.get("value") for e in tracker.latest_message.get("entities", [])
             if e.get("entity") == "spasm"),
            tracker.slots_to_validate().get("spasm"),
        )
        if spasm is not None:
            await journal_answer(tracker, "spasm", bool(spasm))
        said_now = entity_in_latest_message(tracker, "flexibility") or (
            tracker.get_slot("requested_slot") == "flexibility"
        )
        if value == "normal" and spasm is None and said_now:
            # "actually I'm fairly flexible" clears an earlier spasm; the answer set
            # again as the intake resumes after a clarifying question clears nothing
            return {"flexibility": value, "spasm": False}
        # "Flexible, can touch my toes, but it seizes up now and again": both stand
        return {"flexibility": value}

    async def validate_spasm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The answer to the spasm question on its own (with the tightness, the
        tightness's validation journals it)."""
        if tracker.get_slot("requested_slot") == "spasm":
            await journal_answer(tracker, "spasm", bool(value))
        return {"spasm": bool(value)}

    async def validate_pain_score(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        score = valid_pain_score(value)
        await journal_answer(
            tracker, "pain_score", score if score is not None else value, accepted=score is not None
        )
        if score is None:
            shown = f"{value:g}" if isinstance(value, (int, float)) else str(value)
            dispatcher.utter_message(text=PAIN_SCORE_OUT_OF_RANGE.format(value=shown))
        return {"pain_score": score}

    async def validate_leg_pain(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is False and tracker.get_slot("requested_slot") in _NOT_ABOUT_LEG_PAIN:
            # "No, only back pain" answers the warning-sign list, "couldn't get past my
            # knees" the tightness question, not the leg question: ask it, or keep what an
            # earlier message said ("it goes into my calf" in the opening). Pain that goes
            # down the leg counts wherever it is said.
            return {"leg_pain": value_before_latest_message(tracker, "leg_pain")}
        ok = isinstance(value, bool)
        await journal_answer(tracker, "leg_pain", value, accepted=ok)
        return {"leg_pain": value if ok else None}

    async def explain(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, requested: str
    ) -> None:
        """A bare number for the duration asks for its unit; else the kind default."""
        number = parse_bare_number(latest_text(tracker))
        if requested == "pain_duration_days" and number is not None:
            dispatcher.utter_message(text=DURATION_NEEDS_UNIT.format(value=f"{number:g}"))
            return
        await super().explain(dispatcher, tracker, requested)


class ActionResetIntake(Action):
    """Clears the intake answers so that the questions start again."""

    def name(self) -> str:
        return "action_reset_intake"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text=STARTING_OVER)
        return [SlotSet(slot, None) for slot in (*FORM_SLOTS, "spasm")] + [
            SlotSet("reprompts", 0)
        ]
