"""Answers to questions about the programme, from ``programme_questions.yml``.

Each answer is written in our own words and names the seed passage it rests on; a
question no topic covers gets a plain "ask your clinician".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from bot.content.advice import SAFETY_NET


@dataclass(frozen=True)
class Topic:
    """A topic people ask about: the phrases that name it, its answer, its seed passage."""

    name: str
    cues: tuple[str, ...]
    answer: str
    passage: str
    #: Whether the answer ends with the safety net (see a specialist if no better).
    safety_net: bool = False


@dataclass(frozen=True)
class ProgrammeQuestions:
    """Every topic, in the file's order, and the answer to a question none covers."""

    topics: tuple[Topic, ...]
    unknown: str

    def cues(self) -> dict[str, tuple[str, ...]]:
        """Each topic's cue phrases, by topic name."""
        return {t.name: t.cues for t in self.topics}

    def answer(self, topic: str | None) -> str:
        """The answer for a topic name (the clinician answer for None or an unknown name)."""
        for t in self.topics:
            if t.name == topic:
                return f"{t.answer} {SAFETY_NET.text}" if t.safety_net else t.answer
        return self.unknown


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"programme_questions.yml: {where} must be a non-empty text")
    return value.strip()


@cache
def programme_questions() -> ProgrammeQuestions:
    """The topics, read once and checked: every field there, every cue a text."""
    raw = yaml.safe_load(
        resources.files("bot.content").joinpath("programme_questions.yml").read_text("utf-8")
    )
    topics = []
    for name, body in (raw.get("topics") or {}).items():
        cues = body.get("cues")
        if not isinstance(cues, list) or not cues:
            raise ValueError(f"programme_questions.yml: {name}.cues must be a list of phrases")
        topics.append(
            Topic(
                name=str(name),
                cues=tuple(_text(c, f"{name}.cues") for c in cues),
                answer=_text(body.get("answer"), f"{name}.answer"),
                passage=_text(body.get("passage"), f"{name}.passage"),
                safety_net=bool(body.get("safety_net", False)),
            )
        )
    unknown = _text((raw.get("unknown") or {}).get("answer"), "unknown.answer")
    return ProgrammeQuestions(tuple(topics), unknown)
