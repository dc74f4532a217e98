"""A scripted person who plays an intake scenario through any channel and judges how it ended.

The person answers whatever the bot asks by topic (the form's requested slot, or the
clarifying safety question), in the scenario's own words; a button is never tapped, since a
scenario's words are what the person would type. The transport is the REST channel
(``make eval``) or the agent in process (the tests).

Each scenario ends as one of:

- ``correct``: the plan came, with the expected answers and the expected plan;
- ``wrong``: the plan came, but an answer or the plan differs from the expected ones;
- ``escalated``: an ordinary scenario drew a 🚨;
- ``dead_end``: a bot turn asked nothing and gave no plan;
- ``loop``: the same topic asked a third time, or no plan within the turn limit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from bot.content.plan import recommendation_message
from bot.content.texts import URGENT_MARK
from bot.domain.escalation import CHECKS
from bot.domain.programme import Intake, recommend
from tests.support.domain import domain_responses

#: The topic a scenario answers, by the slot the intake form asks for.
TOPICS = {
    "red_flag_screen": "safety_screen",
    "pain_direction": "direction",
    "pain_duration_days": "duration",
    "flexibility": "flexibility",
    "spasm": "flexibility",  # asked on its own after tightness told in passing
    "pain_score": "pain_score",
    "leg_pain": "leg_pain",
}
INTAKE_SLOTS = ("pain_direction", "pain_duration_days", "flexibility", "pain_score", "leg_pain")
MAX_TURNS = 20
#: How far a duration may be from the expected one: events are dated loosely.
DURATION_TOLERANCE = 0.25
OUTCOMES = ("correct", "wrong", "escalated", "dead_end", "loop")


class Transport(Protocol):
    """A channel to the bot: send a message, read the conversation's state."""

    def send(self, sender: str, text: str) -> list[dict[str, Any]]:
        """The bot's replies to ``text`` (each with ``text`` and maybe ``buttons``)."""

    def state(self, sender: str) -> dict[str, Any]:
        """The tracker as Rasa's HTTP API shows it (``slots``, ``events``, ``active_loop``)."""


@dataclass(frozen=True)
class Scenario:
    """One person's intake: what they say first, how they answer, what should come of it."""

    id: str
    opening: str
    answers: dict[str, str]
    expected: dict[str, Any]
    question: str | None = None
    who: str = ""


@dataclass
class Result:
    """How a scenario ended, and the whole conversation for a failure's transcript."""

    scenario: Scenario
    outcome: str = "loop"
    problems: list[str] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)
    #: Ordinary messages sent, and how many of them drew the clarifying safety question.
    messages: int = 0
    clarified: int = 0
    #: Those messages, as "[topic] text", to see what kind of wording draws the question.
    clarified_by: list[str] = field(default_factory=list)
    #: A question about the programme answered with "I can only help with low back pain".
    question_out_of_scope: bool = False


def load_set(path: Path) -> tuple[str, list[Scenario]]:
    """A scenario set file: its name and its scenarios."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    scenarios = [
        Scenario(
            id=str(s["id"]),
            opening=str(s["opening"]),
            answers={k: str(v) for k, v in s["answers"].items()},
            expected=dict(s["expected"]),
            question=s.get("question") or None,
            who=str(s.get("who", "")),
        )
        for s in data["scenarios"]
    ]
    return str(data.get("set", path.stem)), scenarios


def expected_intake(expected: dict[str, Any]) -> Intake:
    """The expected answers as the domain's intake."""
    return Intake(
        pain_direction=expected["pain_direction"],
        pain_duration_days=float(expected["pain_duration_days"]),
        flexibility=expected["flexibility"],
        pain_score=float(expected["pain_score"]),
        leg_pain=bool(expected["leg_pain"]),
        spasm=bool(expected.get("spasm", False)),
    )


def plan_lead(intake: Intake) -> str:
    """The first paragraph of the plan for ``intake``: the steps, without the details."""
    return recommendation_message(intake, recommend(intake)).split("\n\n")[0]


def is_clarifying_question(text: str) -> bool:
    """Whether a reply is one of the clarifying safety questions."""
    return any(text in domain_responses(name) for name in CHECKS.values())


def _out_of_scope(text: str) -> bool:
    return text in domain_responses("utter_out_of_scope")


def judge_answers(actual: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """What differs between the slots the bot kept and the expected answers."""
    problems = []
    for slot in ("pain_direction", "flexibility", "leg_pain"):
        if actual.get(slot) != expected[slot]:
            problems.append(f"{slot}: got {actual.get(slot)!r}, expected {expected[slot]!r}")
    if bool(actual.get("spasm")) != bool(expected.get("spasm", False)):
        problems.append(f"spasm: got {actual.get('spasm')!r}, expected {expected.get('spasm')!r}")
    score = actual.get("pain_score")
    if score is None or float(score) != float(expected["pain_score"]):
        problems.append(f"pain_score: got {score!r}, expected {expected['pain_score']!r}")
    days, want = actual.get("pain_duration_days"), float(expected["pain_duration_days"])
    if days is None or abs(float(days) - want) > max(3.0, DURATION_TOLERANCE * want):
        problems.append(f"pain_duration_days: got {days!r}, expected about {want:g}")
    return problems


def _start_button(replies: list[dict[str, Any]]) -> str | None:
    """The payload of a button that starts the intake, which a person here would tap."""
    for reply in replies:
        for button in reply.get("buttons") or []:
            if str(button.get("payload", "")).startswith("/start"):
                return str(button["payload"])
    return None


def _plan_reached(events: list[dict[str, Any]], since: int) -> bool:
    return any(
        e.get("event") == "action" and e.get("name") == "action_recommend" for e in events[since:]
    )


def play(transport: Transport, scenario: Scenario, sender: str) -> Result:
    """Play ``scenario`` as ``sender`` and judge how it ended."""
    result = Result(scenario)
    asked: Counter[str] = Counter()
    question_pending = scenario.question
    answered = 0
    text = scenario.opening
    topic = "opening"
    for _ in range(MAX_TURNS):
        events_before = len(transport.state(sender).get("events") or [])
        replies = transport.send(sender, text)
        said = [str(r.get("text") or "") for r in replies]
        result.transcript.append(f"[{topic}] {text}")
        result.transcript.extend(f"    bot: {s}" for s in said)
        state = transport.state(sender)
        slots = state.get("slots") or {}
        clarifying = any(is_clarifying_question(s) for s in said)
        if topic not in ("safety_clarify", "start"):
            result.messages += 1
            result.clarified += clarifying
            if clarifying:
                result.clarified_by.append(f"[{topic}] {text}")
        if topic == "question" and any(_out_of_scope(s) for s in said):
            result.question_out_of_scope = True
        if any(s.startswith(URGENT_MARK) for s in said):
            result.outcome = "escalated"
            return result
        if _plan_reached(state.get("events") or [], events_before):
            return _judge_plan(result, slots, said)
        if clarifying:
            topic = "safety_clarify"
        else:
            requested = slots.get("requested_slot")
            loop = (state.get("active_loop") or {}).get("name")
            start = _start_button(replies)
            if loop != "intake_form" and start and topic != "start":
                text, topic = start, "start"
                continue
            if loop != "intake_form" or requested not in TOPICS:
                result.outcome = "dead_end"
                result.problems.append("the bot's turn asked nothing and gave no plan")
                return result
            topic = TOPICS[str(requested)]
            if question_pending and answered >= 2:
                topic, question_pending = "question", None
        if topic not in ("question", "safety_clarify"):
            asked[topic] += 1
            answered += 1
            if asked[topic] > 2:
                result.problems.append(f"asked about {topic} a third time")
                return result
        text = (scenario.question or "") if topic == "question" else scenario.answers[topic]
    result.problems.append(f"no plan after {MAX_TURNS} messages")
    return result


def _judge_plan(result: Result, slots: dict[str, Any], said: list[str]) -> Result:
    expected = result.scenario.expected
    result.problems = judge_answers(slots, expected)
    lead = plan_lead(expected_intake(expected))
    if not any(s.split("\n\n")[0] == lead for s in said):
        result.problems.append(f"plan: expected {lead!r}")
    result.outcome = "wrong" if result.problems else "correct"
    return result


def summary(name: str, results: list[Result]) -> str:
    """One line per set: the outcomes, the clarifying-question rate, programme questions."""
    counts = Counter(r.outcome for r in results)
    messages = sum(r.messages for r in results)
    clarified = sum(r.clarified for r in results)
    questions = sum(1 for r in results if r.scenario.question)
    out_of_scope = sum(r.question_out_of_scope for r in results)
    parts = [f"{counts[o]} {o.replace('_', ' ')}" for o in OUTCOMES]
    rate = clarified / messages if messages else 0.0
    return (
        f"{name}: {len(results)} scenarios: " + ", ".join(parts)
        + f"; safety question on {clarified}/{messages} ordinary messages ({rate:.1%})"
        + f"; programme questions out of scope {out_of_scope}/{questions}"
    )
