"""Questions about the programme: which topic, and answers that rest on the seed."""

from __future__ import annotations

import pytest

from bot.content.questions import programme_questions
from bot.nlu.topics import best_topic
from tests.support.paths import SEED


def _normal(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def test_every_answer_names_a_passage_of_the_seed() -> None:
    seed = _normal(SEED.read_text(encoding="utf-8"))
    for topic in programme_questions().topics:
        assert _normal(topic.passage) in seed, topic.name


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how often do i do these", "how_often"),
        ("how many reps should i do", "how_often"),
        ("Is it OK to go swimming?", "activity"),
        ("would a chiropractor help", "practitioner"),
        ("why stretching first and not exercises", "why_stretch_first"),
        ("what's a mckenzie exercise", "mckenzie"),
        ("do I keep doing them once it's better", "stop_when_better"),
        ("how long until it gets better", "how_long_to_improve"),
        ("should i push through the pain", "keep_going_when_it_hurts"),
        ("is it alright to keep going to my spin classes?", "activity"),
        ("why start with stretching instead of strengthening?", "why_stretch_first"),
        ("can I skip the exercises at the weekend?", "how_often"),
        ("how many weeks will it take to be ok again?", "how_long_to_improve"),
        ("Can I go hiking this weekend?", "activity"),
        ("Is kayaking okay or should I give it a rest?", "activity"),
        ("are there stretches i can do at work", "who_stretches"),
        ("new here with a dodgy back, any tips?", "getting_started"),
        ("what's the weather like", None),
    ],
)
def test_a_question_finds_its_topic(question: str, topic: str | None) -> None:
    assert best_topic(question, programme_questions().cues()) == topic


def test_a_question_no_topic_covers_is_passed_to_a_clinician() -> None:
    questions = programme_questions()
    assert questions.answer(None) == questions.unknown
    assert "physiotherapist or doctor" in questions.unknown
    assert "only help with low back pain" not in questions.unknown
