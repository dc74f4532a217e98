"""The words of the practitioner's handout (/handout): a PDF the person shows a
physiotherapist, chiropractor or trainer, written to them about the person."""

from __future__ import annotations

from bot.domain.programme import Regimen

HANDOUT_CAPTION = (
    "Your summary for your practitioner: your answers, the warning-sign check, your plan, "
    "the stretching routine and your pain chart. Show it at your next appointment."
)
HANDOUT_NO_INTAKE = (
    "There's nothing to put in a handout yet: it is made from your answers to my questions "
    "and the plan they lead to. Send /start to answer them (it takes a couple of minutes), "
    "then /handout."
)
HANDOUT_FILENAME = "backstep-handout-{day}.pdf"

TITLE = "Low back pain: summary for the practitioner"
BRAND = "BACKSTEP"
PREPARED = "Prepared {day}"
INTRO = (
    "The person gave these answers to Backstep, a self-help coach for low back pain that "
    "follows a four-step stretch-and-exercise programme and keeps a daily journal. Backstep "
    "does not examine or diagnose: please rely on your own assessment."
)
PAGE_FOOTER = "Backstep summary for the practitioner, page {page} of {pages}"

SECTION_SCREEN = "Warning-sign screen"
SECTION_ANSWERS = "Intake answers"
SECTION_PLAN = "Current plan"
SECTION_CHART = "Pain at each daily check-in (0-10)"
SECTION_PATTERN = "Step 3: what goes with worse pain"
SECTION_ROUTINE = "Step 1: the passive stretching routine"

SCREEN_CLEAR = "No warning signs reported at the start ({day})."
SCREEN_FLAGGED = "Said yes to at least one warning sign at the start ({day})."
SCREEN_NOT_ANSWERED = "The warning-sign screen was not answered."
SCREEN_ASKED = "Asked about: {signs}."
RED_FLAG_EVENT = (
    "{day}: reported a warning sign ({category}); Backstep advised urgent medical help and "
    "paused the exercises."
)
ASSESSED_EVENT = "{day}: said a clinician had checked them; the plan resumed."
PLAN_STILL_PAUSED = "The exercise plan is paused until a clinician has checked the warning sign."
CHECKIN_SIGNS_NONE = "Daily check-ins: no warning signs reported in {count}."
CHECKIN_SIGNS_SOME = "Daily check-ins: warning signs reported on {days}."
#: The red-flag categories, as a clinician would name them.
RED_FLAG_CATEGORIES = {
    "vascular": "sudden tearing, chest pain, breathlessness or fainting: possible vascular, "
    "heart or lung emergency",
    "cauda_equina": "bladder, bowel or saddle symptoms: possible cauda equina",
    "neuro_deficit": "progressive leg weakness or foot drop",
    "infection": "fever, chills or night sweats: possible infection",
    "fracture": "fall or injury: possible fracture",
    "cancer": "cancer history, weight loss or night pain",
    "unspecified": "not specified",
}

#: The intake's rows: question, then each answer as the practitioner reads it.
ANSWER_QUESTIONS = {
    "pain_direction": "Painful movement",
    "pain_duration_days": "How long",
    "flexibility": "Muscle tightness",
    "pain_score": "Pain at the start",
    "leg_pain": "Pain below the buttock",
}
DIRECTION_ANSWERS = {
    "flexion": "Bending forward (flexion)",
    "extension": "Leaning back (extension)",
    "both": "Both bending forward and leaning back",
    "none": "No clear direction",
}
FLEXIBILITY_ANSWERS = {
    "tight": "Tight hamstrings, buttocks or hips",
    "normal": "Not tight",
}
SPASM_ANSWER = "Back locked up or in spasm"
LEG_ANSWERS = {True: "Yes, into the thigh, calf or foot", False: "No"}
IN_THEIR_WORDS = "In their words: \u201c{text}\u201d"
NOT_ANSWERED = "not answered"

PLAN_NOW_THEN = "Step 1 now: {regimen}; then Step 2: {next}."
PLAN_NOW = "Step {step} now: {regimen}."
PLAN_SINCE = "Since {day}; chosen for {why}."
PLAN_AEROBIC = "Step 4, aerobic exercise: added {day}."
PLAN_AEROBIC_LATER = "Step 4, aerobic exercise: once pain is 3/10 or less."
PLAN_LEVEL = "{regimen}: level {level} of {top}; exercise sessions done: {sessions}."
PLAN_EXERCISES = "Exercises at this level: {names}."
PLAN_REFERRALS = "Backstep suggested seeing a specialist on {days}."
#: The rules that chose a plan, in a clinician's words.
PLAN_RULES = {
    "tight_stretch_first": "tight muscles (stretched first)",
    "spasm_stretch_first": "a back in spasm (stretched first)",
    "flexion_pain_mckenzie": "pain on flexion",
    "leg_pain_mckenzie": "leg pain",
    "extension_pain_stabilisation": "pain on extension",
    "both_directions_stabilisation": "pain in both directions",
    "no_direction_stabilisation": "no clear painful direction",
    "start_step_2": "a back settling after the stretching",
    "add_aerobic": "pain under control",
}
REGIMEN_SHORT: dict[Regimen | str, str] = {
    Regimen.PASSIVE_STRETCHING: "Passive stretching",
    Regimen.MCKENZIE: "McKenzie",
    Regimen.STABILISATION: "Lumbar stabilisation",
}

PAIN_LINE = "Pain: {start} at the start, {latest} at the latest check-in ({day}); {count}."
PAIN_NO_CHECKINS = "No daily check-ins yet: the pain at the start was {start}."
CHECKINS_COUNTED = "{count} check-ins since {first}"
ONE_CHECKIN = "1 check-in"

ROUTINE_INTRO = (
    "The programme asks the person to show you this routine: you do the stretching while "
    "they lie still and relaxed, using their legs as levers. Please check it suits them. "
    "It is usually repeated daily or every other day for a few sessions, until the "
    "strengthening exercises can be done comfortably."
)
ROUTINE_STOP = "Stop: {text}"
ROUTINE_DOSE = "{dose}."
