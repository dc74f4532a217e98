"""Short lessons: the file is checked when read, and the order never repeats a lesson
before every one has gone out."""

from __future__ import annotations

import pytest

from bot.content import lessons as lesson_texts
from bot.content.lessons import Lesson, lessons
from bot.services.lessons import next_lesson

A, B, C = (Lesson(i, i.upper(), f"{i} text", "passage") for i in ("a", "b", "c"))


@pytest.mark.parametrize(
    ("sent", "expected", "again"),
    [
        ([], "a", False),
        (["a"], "b", False),
        (["a", "b"], "c", False),
        (["a", "b", "c"], "a", True),  # all sent: round two, said so
        (["a", "b", "c", "a"], "b", False),
        (["b"], "a", False),  # one sent out of order (a lesson added later): the rest first
        (["c", "a"], "b", False),
        (["a", "a", "b", "c"], "b", False),  # b and c once, a twice: b first
        (["retired", "a"], "b", False),  # an id no longer in the file is ignored
    ],
)
def test_the_next_lesson_is_the_first_sent_least_often(
    sent: list[str], expected: str, again: bool
) -> None:
    lesson, new_round = next_lesson((A, B, C), sent)
    assert (lesson.id, new_round) == (expected, again)


def test_no_lesson_repeats_until_all_have_been_sent() -> None:
    every = lessons()
    sent: list[str] = []
    for _ in range(2 * len(every)):
        lesson, _ = next_lesson(every, sent)
        sent.append(lesson.id)
    first, second = sent[: len(every)], sent[len(every):]
    assert sorted(first) == sorted(lesson.id for lesson in every) == sorted(second)


def test_a_lesson_reads_as_its_title_then_its_text() -> None:
    lesson = lessons()[0]
    assert lesson.message() == f"A short lesson: {lesson.title}\n\n{lesson.text}"
    assert "\n" not in lesson.text and "  " not in lesson.text  # folded from the YAML


def test_a_malformed_file_is_refused_with_the_field_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    class Files:
        def __init__(self, text: str) -> None:
            self.text = text

        def joinpath(self, _: str) -> Files:
            return self

        def read_text(self, _: str) -> str:
            return self.text

    bad = "lessons:\n  - {id: a, title: A, text: '', passage: p}\n"
    monkeypatch.setattr(lesson_texts.resources, "files", lambda _: Files(bad))
    lessons.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"lessons\.yml: lessons\[0\]\.text"):
            lessons()
        twice = "lessons:\n  - {id: a, title: A, text: t, passage: p}\n" \
                "  - {id: a, title: B, text: u, passage: q}\n"
        monkeypatch.setattr(lesson_texts.resources, "files", lambda _: Files(twice))
        lessons.cache_clear()
        with pytest.raises(ValueError, match="must be unique"):
            lessons()
    finally:
        lessons.cache_clear()
