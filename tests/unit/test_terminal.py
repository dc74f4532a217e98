"""The terminal chat: buttons can be picked by title or number, and are shown clearly."""

from __future__ import annotations

import pytest

from bot.app.terminal import Buttons, render
from bot.content.responses import response


def _buttons(slot: str) -> Buttons:
    return Buttons(response(f"utter_ask_{slot}").button_dicts())


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("2", '/inform{"pain_direction": "extension"}'),
        ("leaning back", '/inform{"pain_direction": "extension"}'),
        ("  Both ", '/inform{"pain_direction": "both"}'),
        ("9", "9"),  # not a button number: sent as typed
        ("it hurts when I sit", "it hurts when I sit"),
    ],
)
def test_direction_buttons(typed: str, sent: str) -> None:
    assert _buttons("pain_direction").resolve(typed) == sent


def test_a_number_typed_at_the_pain_question_is_the_score_not_the_button_position() -> None:
    assert _buttons("pain_score").resolve("7") == '/inform{"pain_score": 7}'
    assert _buttons("pain_score").resolve("12") == "12"


def test_messages_are_wrapped_with_numbered_buttons() -> None:
    shown = render({"text": "Which movement makes your back pain worse?",
                    "buttons": [{"title": "Bending forward"}, {"title": "Leaning back"}]})
    assert shown.splitlines() == [
        "Backstep: Which movement makes your back pain worse?",
        "             [1] Bending forward",
        "             [2] Leaning back",
    ]


def test_score_buttons_are_shown_on_one_line() -> None:
    shown = render({"text": "How bad?", "buttons": [{"title": str(n)} for n in range(11)]})
    assert shown.splitlines()[1].strip() == "[ 0  1  2  3  4  5  6  7  8  9  10 ]"
