"""The words of /history's chart and summary and of the /export CSV."""

from __future__ import annotations

from bot.domain.programme import (
    Regimen,
)
from bot.domain.trends import (
    ABOVE_BASELINE,
    NO_IMPROVEMENT,
    SEVERE_PAIN,
    SEVERE_TWO_DAYS,
    WORSE_TWO_DAYS,
)

HISTORY_TITLE = "Your back pain, day by day"
HISTORY_PAIN_AXIS = "pain (0-10)"
HISTORY_PAIN_POINTS = "pain at check-in"
HISTORY_START_LABEL = "start: {score}"
HISTORY_STEP_LABEL = "Step {step}: {regimen}"
HISTORY_STEP4_LABEL = "Step 4 added"
HISTORY_PLAN_CHANGE = "plan change"
HISTORY_REFERRAL_LABEL = "specialist suggested"
HISTORY_RED_FLAG_LABEL = "warning sign"
#: Short regimen names for the chart's labels.
HISTORY_REGIMEN_SHORT: dict[Regimen, str] = {
    Regimen.PASSIVE_STRETCHING: "stretching",
    Regimen.MCKENZIE: "McKenzie",
    Regimen.STABILISATION: "stabilisation",
}
HISTORY_NOTHING_YET = (
    "There's nothing to show yet: your chart starts with your first pain score. Say "
    "\"check in\" or send /checkin to tell me how your back is today, and I'll draw it from "
    "there."
)
HISTORY_PAIN_BOTH = (
    "Pain: {start} at the start, {latest} at your latest check-in ({day}); {count} since "
    "{first}."
)
HISTORY_PAIN_ONE = "Pain: {start} at the start, {latest} at your first check-in ({day})."
HISTORY_PAIN_NO_START = "Pain: {latest} at your latest check-in ({day}); {count} since {first}."
HISTORY_PAIN_NO_START_ONE = "Pain: {latest} at your first check-in ({day})."
HISTORY_PAIN_NO_CHECKINS = (
    "Pain: {start} at the start; no check-ins yet (say \"check in\" or send /checkin)."
)
HISTORY_CHECKINS = "{count} check-ins"
HISTORY_PLAN_NONE = "Plan: none yet; answer a few questions and I'll suggest one."
HISTORY_PLAN = "Plan: Step {step}, {regimen}, since {day}"
HISTORY_PLAN_NEXT = "{regimen} (Step 2) come next"
HISTORY_PLAN_AEROBIC = "Step 4 (aerobic) added {day}"
HISTORY_PLAN_PAUSED = "paused since {day} until a clinician has checked the warning sign"
HISTORY_NO_REFERRAL = "No specialist referral so far."
HISTORY_REFERRAL_ONCE = "Specialist suggested: once, on {day}{why}."
HISTORY_REFERRAL_MANY = "Specialist suggested: {times}, most recently on {day}{why}."
HISTORY_TWICE = "twice"
HISTORY_MANY_TIMES = "{count} times"
#: Each referral reason in a few words, for the summary.
HISTORY_REASONS: dict[str, str] = {
    WORSE_TWO_DAYS: "worse two days running",
    ABOVE_BASELINE: "pain above your start for 3 days",
    SEVERE_TWO_DAYS: f"pain {SEVERE_PAIN}/10 or more two days running",
    NO_IMPROVEMENT: "no clear improvement on your step",
}
EXPORT_COLUMNS = ("when_utc", "local_date", "kind", "item", "value", "detail")
EXPORT_FILENAME = "backstep-journal-{day}.csv"
EXPORT_YES = "yes"
EXPORT_NO = "no"
EXPORT_NOT_ACCEPTED = "not accepted"
EXPORT_CHECKIN_ITEM = "daily check-in"
EXPORT_NOT_ANSWERED = "sent, not answered"
#: The check-in day's answers, as the export's detail names them.
EXPORT_CHECKIN_FIELDS = {
    "trend": "trend",
    "exercises": "exercises",
    "trigger": "trigger",
    "warning_signs": "warning signs",
}
EXPORT_STEP = "Step {step}"
EXPORT_THEN = "then {regimen}"
EXPORT_AEROBIC = "Step 4 (aerobic)"
EXPORT_RULE = "rule: {rule}"
EXPORT_SESSION_ITEM = "exercise session: {regimen}, level {level}"
EXPORT_SESSION_NOT_ANSWERED = "not answered"
EXPORT_SESSION_MINUTES = "{name} ({minutes} min)"
EXPORT_SESSION_END = {
    "pain_during": "pain during",
    "leg_pain_moved": "pain moved down the leg",
    "stretched": "stretched by the practitioner",
}
EXPORT_SESSION_OPEN = "not finished"
EXPORT_SUMMARY_WEEK = "week {first} to {last}"
