"""What the recommendation says, and the texts' contracts (seed sources, safety marks)."""

from __future__ import annotations

import re

import pytest
import yaml

from bot import texts
from bot.rules import Intake, recommend
from bot.settings import PROJECT_ROOT

SEED = (PROJECT_ROOT / "seeds" / "step5-stretch-and-exercise.txt").read_text(encoding="utf-8")


def _message(**changes) -> str:  # type: ignore[no-untyped-def]
    base = dict(
        pain_direction="flexion", pain_duration_days=21, flexibility="normal",
        pain_score=6, leg_pain=False, spasm=False,
    )
    base.update(changes)
    intake = Intake(**base)  # type: ignore[arg-type]
    return texts.recommendation_message(intake, recommend(intake))


@pytest.mark.parametrize("advice", texts.ALL_ADVICE, ids=lambda a: a.source[:40])
def test_every_piece_of_advice_is_traceable_to_the_seed(advice: texts.Advice) -> None:
    assert advice.source in SEED


def test_step_2_plan_leads_with_the_step_and_ends_with_the_safety_net() -> None:
    message = _message()
    assert message.startswith("Step 2 now: McKenzie exercises.")
    assert "you said bending forward makes the pain worse" in message
    assert message.endswith(texts.SAFETY_NET.text)
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
    assert texts.FIND_DIRECTION.text in _message(pain_direction="both")


@pytest.mark.parametrize(
    ("days", "shown"),
    [(1, "1 day (acute"), (10, "10 days (acute"), (21, "3 weeks (acute: under 6 weeks)"),
     (60, "2 months (subacute: 6 to 12 weeks)"), (120, "4 months (chronic: over 12 weeks)"),
     (730, "2 years (chronic")],
)
def test_duration_is_shown_with_its_class(days: int, shown: str) -> None:
    assert shown in _message(pain_duration_days=days)


ESCALATION_RESPONSES = ("utter_red_flag", "utter_crisis")


def _domain_texts() -> dict[str, list[str]]:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    return {name: [v["text"] for v in variants] for name, variants in domain["responses"].items()}


def _other_bot_texts() -> list[str]:
    found = [t for name, ts in _domain_texts().items() if name not in ESCALATION_RESPONSES
             for t in ts]
    found += [a.text for a in texts.ALL_ADVICE]
    found += list(texts.BAD_INPUT_REPLIES.values())
    found += [q.text for q in texts.QUESTIONS.values()]
    found += [texts.PAIN_SCORE_OUT_OF_RANGE, texts.DURATION_NEEDS_UNIT, texts.PLAN_PAUSED,
              texts.PLAN_RESUMED, texts.ASSESSED_NOTHING_PAUSED, texts.NO_PLAN_YET,
              texts.INTAKE_HINT, texts.STARTING_OVER]
    for direction in ("flexion", "extension", "both", "none"):
        for flexibility in ("tight", "normal"):
            found.append(_message(pain_direction=direction, flexibility=flexibility))
    return found


def test_every_urgent_escalation_starts_with_the_siren() -> None:
    escalations = [t for name in ESCALATION_RESPONSES for t in _domain_texts()[name]]
    assert len(escalations) == 7  # five categories, the general one, the crisis message
    assert all(t.startswith(texts.URGENT_MARK + " ") for t in escalations)
    assert all("⚠" not in t for t in escalations)


def test_no_other_text_uses_the_safety_marks() -> None:
    # No routine referral exists yet, so ⚠️ appears nowhere; 🚨 only in escalations.
    marked = [t for t in _other_bot_texts() if re.search("🚨|⚠", t)]
    assert marked == []
