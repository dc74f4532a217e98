"""Short lessons, one idea of the programme each, from ``lessons.yml``.

Each lesson is written in our own words and names the seed passage it rests on (a test
checks the passage); the file's order is the order they are sent in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

LESSONS_FILE = "lessons.yml"
#: What a lesson looks like in the chat: its title, then its text.
LESSON_MESSAGE = "A short lesson: {title}\n\n{text}"
#: Said before the first lesson of a new round, once every lesson has been sent.
LESSONS_ROUND_AGAIN = "You've had all {count} lessons, so here they come round again."
#: The check-in's lesson ends with how to get another.
LESSON_MORE = "Send /learn any time for another."
#: An id is what the journal keeps: short, lower case, stable.
MAX_ID_CHARS = 64


@dataclass(frozen=True)
class Lesson:
    """One idea: a stable id, a title, a few sentences, and the seed passage."""

    id: str
    title: str
    text: str
    passage: str

    def message(self) -> str:
        """The lesson as sent."""
        return LESSON_MESSAGE.format(title=self.title, text=self.text)


def _text(body: dict[str, object], key: str, where: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{LESSONS_FILE}: {where}.{key} must be a non-empty text")
    return " ".join(value.split())


@cache
def lessons() -> tuple[Lesson, ...]:
    """Every lesson in the file's order, read once and checked: each field a text, each id
    unique."""
    raw = yaml.safe_load(
        resources.files("bot.content").joinpath(LESSONS_FILE).read_text("utf-8")
    )
    entries = raw.get("lessons") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{LESSONS_FILE}: lessons must be a list of lessons")
    found: list[Lesson] = []
    for i, body in enumerate(entries):
        if not isinstance(body, dict):
            raise ValueError(f"{LESSONS_FILE}: lessons[{i}] must be a mapping")
        lesson = Lesson(*(_text(body, key, f"lessons[{i}]")
                          for key in ("id", "title", "text", "passage")))
        if len(lesson.id) > MAX_ID_CHARS or any(lesson.id == other.id for other in found):
            raise ValueError(f"{LESSONS_FILE}: lessons[{i}].id {lesson.id!r} must be unique "
                             f"and at most {MAX_ID_CHARS} characters")
        found.append(lesson)
    return tuple(found)
