"""Safety fails closed: a message the red-flag matcher failed on is asked about, never
cleared, and the failure is counted and logged without the person's words."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.domain.escalation import union_of_detectors
from bot.nlu.components.entities import BackstepEntityExtractor
from bot.nlu.components.safety_union import SafetyUnion
from bot.nlu.red_flags import DetectorFailed, assess, detector_failures, find_red_flags
from bot.nlu.red_flags import detector as matcher

WORDS = "bending forward hurts, been about a week, private detail 4471"


@pytest.fixture
def broken_matcher(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def fail(doc: object) -> list[object]:
        raise RuntimeError(f"index out of range near {WORDS!r}")

    assess.cache_clear()
    monkeypatch.setattr(matcher, "hits_in_doc", fail)
    yield
    assess.cache_clear()


def test_the_matcher_failing_is_its_own_error(broken_matcher: None) -> None:
    with pytest.raises(DetectorFailed):
        find_red_flags(WORDS)


def test_a_message_not_read_is_a_possible_red_flag(
    broken_matcher: None, caplog: pytest.LogCaptureFixture
) -> None:
    before = detector_failures()
    with caplog.at_level(logging.DEBUG):
        verdict = assess(WORDS)
    assert (verdict.level, verdict.category) == ("clarify", "unspecified")
    assert detector_failures() == before + 1
    assert "failed" in caplog.text
    assert "4471" not in caplog.text and "bending" not in caplog.text


def test_the_union_asks_when_the_matcher_failed(broken_matcher: None) -> None:
    verdict = assess(WORDS)
    union = union_of_detectors("inform", verdict.level, verdict.category, False)
    assert union.uncertain and union.intent == "red_flag"


def test_the_dialogue_is_told_to_ask(broken_matcher: None) -> None:
    message = Message(data={
        TEXT: WORDS,
        INTENT: {"name": "inform", "confidence": 0.99},
        INTENT_RANKING_KEY: [{"name": "inform", "confidence": 0.99}],
        ENTITIES: [],
    })
    (processed,) = SafetyUnion().process([message])
    marks = {e["entity"]: e["value"] for e in processed.get(ENTITIES)}
    assert marks.get("red_flag_uncertain") == "unspecified"
    assert processed.get(INTENT)["name"] == "inform"  # what it says is kept for after "no"


def test_the_entity_extractor_marks_the_whole_message_possible(broken_matcher: None) -> None:
    entities = BackstepEntityExtractor().entities_for(WORDS, [])
    marks = [(e["entity"], e["value"], e["start"], e["end"]) for e in entities
             if e["entity"].startswith("red_flag")]
    assert marks == [("red_flag_uncertain", "unspecified", 0, len(WORDS))]


@pytest.mark.parametrize("text", ["", "   ", None, 42])
def test_what_is_not_text_is_still_no_red_flag(text: object) -> None:
    assert find_red_flags(text) == []  # type: ignore[arg-type]
