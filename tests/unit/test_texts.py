"""What the recommendation says, and the texts' contracts (seed sources, safety marks)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
import yaml

from bot.content import (
    advice,
    handout_texts,
    history_labels,
    insight_texts,
    plan,
    session_texts,
    texts,
    trend_messages,
)
from bot.content import lessons as lesson_texts
from bot.content.lessons import lessons
from bot.content.questions import programme_questions
from bot.domain.programme import Intake, Regimen, recommend
from bot.domain.trends import CheckinPoint, PlanState, progression, referral_reasons
from tests.support.paths import ROOT as PROJECT_ROOT

SEED = (PROJECT_ROOT / "seeds" / "step5-stretch-and-exercise.txt").read_text(encoding="utf-8")


def _message(**changes) -> str:  # type: ignore[no-untyped-def]
    base = dict(
        pain_direction="flexion", pain_duration_days=21, flexibility="normal",
        pain_score=6, leg_pain=False, spasm=False,
    )
    base.update(changes)
    intake = Intake(**base)  # type: ignore[arg-type]
    return plan.recommendation_message(intake, recommend(intake))


@pytest.mark.parametrize("advice", advice.ALL_ADVICE, ids=lambda a: a.source[:40])
def test_every_piece_of_advice_is_traceable_to_the_seed(advice: advice.Advice) -> None:
    assert advice.source in SEED


@pytest.mark.parametrize("lesson", lessons(), ids=lambda lesson: lesson.id)
def test_every_lesson_is_traceable_to_the_seed(lesson) -> None:  # type: ignore[no-untyped-def]
    assert lesson.passage in SEED


def test_the_lessons_cover_the_ideas_the_programme_asks_for() -> None:
    ids = {lesson.id for lesson in lessons()}
    assert {"core_mast", "freeze_up", "tight_hamstrings", "no_conclusions", "habit",
            "stay_stretched"} <= ids
    assert all(len(lesson.text) <= 400 for lesson in lessons())  # short: one idea


@pytest.mark.parametrize("name", sorted(advice.RESPONSE_PASSAGES))
def test_advice_written_in_the_domain_is_traceable_to_the_seed(name: str) -> None:
    assert advice.RESPONSE_PASSAGES[name] in SEED
    assert _domain_texts()[name], f"{name} is not a response of domain.yml"


def _every_text() -> list[tuple[str, str]]:
    """Every text Backstep can say, with its home: domain.yml responses, bot.content, and
    the programme's answers."""
    homes = [(f"domain.yml {name}", t) for name, ts in _domain_texts().items() for t in ts]
    homes += [("bot.content", t) for t in _module_texts()]
    homes += [(f"programme_questions.yml {t.name}", t.answer)
              for t in programme_questions().topics]
    homes += [(f"lessons.yml {lesson.id}", lesson.text) for lesson in lessons()]
    return homes


def test_no_text_is_written_twice() -> None:
    """Each sentence has one home: no text (of a sentence or more) is a copy of another,
    nor written out again inside a longer one; a shared text is a YAML anchor."""
    seen: dict[str, str] = {}
    copies = []
    texts_ = [(home, " ".join(t.split())) for home, t in _every_text() if len(t) >= 40]
    for home, text in texts_:
        if text in seen and seen[text] != home:
            copies.append((seen[text], home, text[:60]))
        seen.setdefault(text, home)
    inside = [
        (home_a, home_b, a[:60])
        for home_a, a in texts_
        for home_b, b in texts_
        if len(a) >= 60 and a != b and a in b
    ]
    assert copies == [] and inside == []


def test_step_2_plan_leads_with_the_step_and_ends_with_the_safety_net() -> None:
    message = _message()
    assert message.startswith("Step 2 now: McKenzie exercises.")
    assert "you said bending forward makes the pain worse" in message
    assert message.endswith(advice.SAFETY_NET.text)
    assert "Step 3, every day" in message
    assert "Step 4, aerobic exercise, comes once" in message


def test_step_1_plan_names_the_step_2_regimen_that_follows() -> None:
    message = _message(flexibility="tight", pain_direction="extension")
    assert message.startswith(
        "Step 1 now: passive stretching by a professional. "
        "Then Step 2: lumbar stabilisation exercises."
    )
    assert "your muscles feel tight" in message


def test_low_pain_adds_aerobic_exercise() -> None:
    message = _message(pain_score=2)
    assert "Step 4: your pain is under control" in message
    assert "3 to 6 times a week" in message


def test_both_directions_suggests_a_professional_finds_the_direction() -> None:
    assert advice.FIND_DIRECTION.text in _message(pain_direction="both")


@pytest.mark.parametrize(
    ("days", "shown"),
    [(1, "1 day (acute"), (10, "10 days (acute"), (21, "3 weeks (acute: under 6 weeks)"),
     (60, "2 months (subacute: 6 to 12 weeks)"), (120, "4 months (chronic: over 12 weeks)"),
     (730, "2 years (chronic")],
)
def test_duration_is_shown_with_its_class(days: int, shown: str) -> None:
    assert shown in _message(pain_duration_days=days)


ESCALATION_RESPONSES = ("utter_red_flag", "utter_crisis", "utter_red_flag_other")


def _domain_texts() -> dict[str, list[str]]:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    return {name: [v["text"] for v in variants] for name, variants in domain["responses"].items()}


def _other_bot_texts() -> list[str]:
    found = [t for name, ts in _domain_texts().items() if name not in ESCALATION_RESPONSES
             for t in ts]
    found += [a.text for a in advice.ALL_ADVICE]
    found += list(texts.BAD_INPUT_REPLIES.values())
    found += [texts.PAIN_SCORE_OUT_OF_RANGE, texts.DURATION_NEEDS_UNIT, texts.PLAN_PAUSED,
              texts.PLAN_RESUMED, texts.ASSESSED_NOTHING_PAUSED, texts.ASSESSED_NOTHING_PAUSED_PLAN,
              texts.NO_PLAN_YET,
              texts.INTAKE_HINT, texts.INTAKE_HINT_TYPED, texts.STARTING_OVER]
    for direction in ("flexion", "extension", "both", "none"):
        for flexibility in ("tight", "normal"):
            found.append(_message(pain_direction=direction, flexibility=flexibility))
    return found


def test_every_urgent_escalation_starts_with_the_siren() -> None:
    escalations = [t for name in ESCALATION_RESPONSES for t in _domain_texts()[name]]
    # six categories, the general one, the crisis message; and about someone else: the
    # six and a crisis, and the general one
    assert len(escalations) == 16
    assert all(t.startswith(texts.URGENT_MARK + " ") for t in escalations)
    assert all("⚠" not in t for t in escalations)


def test_no_other_text_uses_the_safety_marks() -> None:
    # ⚠️ starts the routine referral only (tested below); 🚨 only in escalations.
    others = _other_bot_texts() + _module_texts() + _progression_messages()
    others += [lesson.message() for lesson in lessons()]
    marked = [t for t in others if re.search("🚨|⚠", t)]
    assert marked == []


# Check-in trends: the routine referral (⚠️) and progression messages.

MON = date(2025, 11, 3)


Row = tuple[int, float, "str | None", "str | None"]  # days after MON, pain, trend, exercises


def _checkins(*rows: Row) -> list[CheckinPoint]:
    return [CheckinPoint(MON + timedelta(days=d), p, t, e) for d, p, t, e  # type: ignore[arg-type]
            in rows]


def _referral(plan: PlanState, *rows: Row) -> str:
    reasons = referral_reasons(plan, _checkins(*rows))
    assert reasons
    return trend_messages.referral_message(reasons)


def _plan(baseline: float, step: int = 2, aerobic: bool = False) -> PlanState:
    if step == 1:
        return PlanState(baseline, 1, Regimen.PASSIVE_STRETCHING, Regimen.MCKENZIE, aerobic, MON)
    return PlanState(baseline, 2, Regimen.MCKENZIE, None, aerobic, MON)


REFERRALS: dict[str, tuple[PlanState, tuple[Row, ...]]] = {
    "worse_two_days": (_plan(5), ((0, 5, "worse", "yes"), (1, 5, "worse", "partly"))),
    "above_baseline": (_plan(6), ((0, 7, "same", "no"), (1, 8, None, None), (2, 7, None, None))),
    "severe_two_days": (_plan(9), ((0, 8, None, None), (1, 9, None, None))),
    "no_improvement": (_plan(7), ((6, 6, "same", "yes"),)),
    "all_four": (_plan(6), ((4, 7, None, None), (5, 8, "worse", None), (6, 8, "worse", None))),
}


def _referral_messages() -> dict[str, str]:
    return {name: _referral(plan, *rows) for name, (plan, rows) in REFERRALS.items()}


def _progression_messages() -> list[str]:
    histories = [
        (_plan(6, step=1), ((0, 6, "same", "yes"), (1, 5, "better", "yes"),
                            (2, 5, "better", "yes"))),
        (_plan(6), ((0, 3, None, None), (1, 2, None, None), (2, 3, None, None))),
        (_plan(6, step=1), ((0, 3, None, "yes"), (1, 2, None, "yes"), (2, 2, None, "yes"))),
    ]
    found = []
    for current, rows in histories:
        moved = progression(current, _checkins(*rows))
        assert moved is not None
        found.append(trend_messages.progression_message(moved))
    return found


def _strings(value: object) -> Iterator[str]:
    """Every user-facing string in a texts.py value (advice, questions, tables)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, advice.Advice):
        yield value.text
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)


def _module_texts() -> list[str]:
    """Every text constant and template of bot.content's modules, bar the marks themselves."""
    marks = {"URGENT_MARK", "REFERRAL_MARK"}
    modules = (texts, advice, plan, trend_messages, history_labels, session_texts, handout_texts,
               lesson_texts, insight_texts)
    return [t for module in modules for name, value in vars(module).items()
            if name not in marks and not name.startswith("__") for t in _strings(value)]


def test_the_text_collector_sees_the_new_texts() -> None:
    collected = _module_texts()
    assert advice.REFERRAL_WARNING_SIGNS.text in collected
    assert texts.PLAN_PAUSED in collected
    assert texts.CHECKIN_WARNING_LEAD in collected


@pytest.mark.parametrize("name", REFERRALS)
def test_a_routine_referral_starts_with_the_warning_mark(name: str) -> None:
    message = _referral_messages()[name]
    assert message.startswith(texts.REFERRAL_MARK + " ")
    assert message.count("⚠") == 1
    assert "🚨" not in message
    assert "book an appointment with a specialist" in message
    assert "physiotherapist, a sports or musculoskeletal doctor, or your GP" in message
    assert "examine you" in message
    assert "keep doing the gentle parts" in message
    # The warning signs, without the urgent mark.
    assert "numbness around your groin" in message
    assert "bladder or bowels" in message
    assert "weakness in your legs that is getting worse" in message


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("worse_two_days", '- you said "worse" on Mon 3 and Tue 4 Nov'),
        ("above_baseline", "- your pain was 7/10, 8/10 and 7/10 at your last three check-ins "
                           "(Mon 3, Tue 4 and Wed 5 Nov), above the 6/10 you started at"),
        ("severe_two_days", "- your pain was 8/10 and 9/10 on Mon 3 and Tue 4 Nov: 8/10 or "
                            "more two days running"),
        ("no_improvement", "- after 6 days on Step 2 your pain is 6/10, down 1 point from "
                           "7/10; a drop of 2 points would show the plan is working"),
    ],
)
def test_the_referral_says_why_in_numbers(name: str, why: str) -> None:
    assert why in _referral_messages()[name]


def test_a_referral_for_several_reasons_lists_each() -> None:
    message = _referral_messages()["all_four"]
    why = message.split("Why I'm suggesting it:\n")[1].split("\n\n")[0]
    assert why.splitlines() == [
        '- you said "worse" on Sat 8 and Sun 9 Nov',
        "- your pain was 7/10, 8/10 and 8/10 at your last three check-ins (Fri 7, Sat 8 and "
        "Sun 9 Nov), above the 6/10 you started at",
        "- your pain was 8/10 and 8/10 on Sat 8 and Sun 9 Nov: 8/10 or more two days running",
        "- after 6 days on Step 2 your pain is 8/10, up 2 points from 6/10; a drop of 1.8 "
        "points (30% of 6/10) would show the plan is working",
    ]


@pytest.mark.parametrize(
    ("baseline", "pain", "said"),
    [
        (4, 3.5, "down 0.5 points from 4/10; a drop of 1.2 points (30% of 4/10)"),
        (5, 5, "the same as the 5/10 you started at; a drop of 1.5 points (30% of 5/10)"),
        (10, 9, "down 1 point from 10/10; a drop of 2 points would show"),
    ],
)
def test_no_improvement_names_the_drop_that_would_count(
    baseline: float, pain: float, said: str
) -> None:
    assert said in _referral(_plan(baseline), (5, pain, None, None))


def test_dates_across_a_month_end() -> None:
    assert trend_messages.format_dates([date(2025, 10, 31), date(2025, 11, 1)]) == (
        "Fri 31 Oct and Sat 1 Nov"
    )


def test_moving_on_to_step_2_names_the_regimen_and_why() -> None:
    message = _progression_messages()[0]
    assert message.startswith("Well done! Step 2 now: McKenzie exercises.")
    assert ("you've done the stretching on 3 days since Step 1 began, and today your pain is "
            "5/10, down from the 6/10 you started at, and not getting worse") in message
    assert advice.REGIMEN_HOW[Regimen.MCKENZIE].text in message
    assert advice.START_SLOWLY.text in message
    assert "Step 4" not in message


def test_adding_step_4_says_how_often_and_why() -> None:
    message = _progression_messages()[1]
    assert message.startswith("Well done! Step 4 added: aerobic exercise.")
    assert ("your pain was 3/10, 2/10 and 3/10 at your last three check-ins (Mon 3, Tue 4 and "
            "Wed 5 Nov), 3/10 or less, so it's under control") in message
    assert "3 to 6 times a week" in message
    assert "Step 2 now" not in message


def test_both_moves_in_one_message() -> None:
    message = _progression_messages()[2]
    assert message.index("Step 2 now: McKenzie exercises.") < message.index(
        "Step 4 added: aerobic exercise."
    )


def test_every_response_is_sent_as_written_and_logs_nothing() -> None:
    """Rasa fills slots into every response it sends: a brace it cannot fill logs an error
    that carries every slot's value (health data) and sends the text unchanged. Each
    response, filled with every slot set, comes out whole, its buttons as
    bot.content.responses reads them, and nothing is logged."""
    from rasa.core.nlg.interpolator import interpolate
    from structlog.testing import capture_logs

    from bot.content.responses import variants

    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    slots = {name: "x" for name in domain["slots"]}
    for name, raw in domain["responses"].items():
        for variant, response in zip(raw, variants(name), strict=True):
            with capture_logs() as logs:
                sent = interpolate(dict(variant), slots)
            assert logs == [], name
            assert sent["text"] == response.text or "{" in response.text, name
            assert [(b["title"], b["payload"]) for b in sent.get("buttons") or []] == list(
                response.buttons
            ), name
