"""Voice-to-text sound-alikes of several words (``sound_alikes`` in ``rules/vocabulary.yml``)
are read as the word meant: merged into one token ("epic dural" -> epidural) or given
the words meant word for word ("settle area" -> saddle area), offsets and text kept."""

from __future__ import annotations

import pytest

from bot.nlu.red_flags import assess, make_doc
from bot.nlu.red_flags import vocabulary as RV


def test_a_phrase_meant_as_one_word_becomes_one_token_with_its_text_and_offsets() -> None:
    text = "had an epic dural, then another epic dural"
    doc = make_doc(text)
    assert doc.text == text
    merged = [t for t in doc if t.norm_ == "epidural"]
    assert [(t.text, t.idx) for t in merged] == [("epic dural", 7), ("epic dural", 32)]


def test_a_phrase_meant_as_as_many_words_keeps_its_tokens() -> None:
    doc = make_doc("numb in my settle area")
    assert [t.norm_ for t in doc][-2:] == ["saddle", "area"]
    assert [t.text for t in doc][-2:] == ["settle", "area"]


def test_the_longest_sound_alike_wins_and_ordinary_words_are_left_alone() -> None:
    assert [t.norm_ for t in make_doc("my sigh a tick a again")] == ["my", "sciatica", "again"]
    assert [t.norm_ for t in make_doc("the epic was a dural read")][1] == "epic"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i have a temper ture since the epic dural", "infection"),
        ("they said i have ostia porosis", "fracture"),
        ("tingling right round the saddle aria", "cauda_equina"),
        # dictation slips: "numb-er" heard as a number, incontinence as continents
        ("dictating this, in continents of bowel since last night and back is agony",
         "cauda_equina"),
        ("my bum cheeks feel number than they did this morning", "cauda_equina"),
    ],
)
def test_a_misheard_red_flag_is_raised(text: str, category: str) -> None:
    verdict = assess(text)
    assert (verdict.level, verdict.category) == ("urgent", category)


def test_every_sound_alike_is_several_words_and_none_is_an_ordinary_phrase() -> None:
    assert all(len(heard.split()) >= 2 for heard in RV.SOUND_ALIKES)
    assert assess("we went on an epic hike, then the dust will settle").level == "none"
    assert assess("a higher number than last year came to my back class").level == "none"
    assert assess("we toured the continent and my back ached in the coach").level == "none"
