"""A turn's replies as Telegram messages: consecutive texts arrive as one message,
paragraphs apart, with the keyboard of the last under it; pictures, charts and
escalations (🚨, ⚠️) stay messages of their own, and an escalation still starts with its
mark."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content.texts import REFERRAL_MARK, URGENT_MARK
from bot.services.weekly import CHART_MESSAGE
from bot.telegram.delivery import messages_of_turn
from bot.telegram.splitting import TELEGRAM_TEXT_LIMIT

YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
URGENT = f"{URGENT_MARK} Please call 999 now."
REFERRAL = f"{REFERRAL_MARK} Please see your GP this week."
PICTURE = {"text": "Cat-camel", "image": "file:///pictures/cat.gif"}
LONG = "word " * 800  # 4,000 characters: no room for another text


def text(body: str, buttons: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"text": body, "buttons": buttons} if buttons else {"text": body}


@pytest.mark.parametrize(
    ("replies", "messages"),
    [
        ([text("Hello")], [text("Hello")]),
        # the plan, a note and the next question: one message, the question's buttons under it
        (
            [text("Your plan"), text("A note"), text("What time?", YES_NO)],
            [text("Your plan\n\nA note\n\nWhat time?", YES_NO)],
        ),
        # a keyboard stays under its own question: what follows is a new message
        ([text("Ready?", YES_NO), text("Take your time")],
         [text("Ready?", YES_NO), text("Take your time")]),
        # buttons with no text of their own go under the text before them
        ([text("Pick a time"), {"buttons": YES_NO}], [text("Pick a time", YES_NO)]),
        # an escalation is a message of its own, first when it came first
        ([text(URGENT), text("Your plan is paused")],
         [text(URGENT), text("Your plan is paused")]),
        ([text("Thanks"), text(URGENT), text("More")],
         [text("Thanks"), text(URGENT), text("More")]),
        ([text("Pain 8/10 noted"), text(REFERRAL)], [text("Pain 8/10 noted"), text(REFERRAL)]),
        ([text(URGENT), text(REFERRAL)], [text(URGENT), text(REFERRAL)]),
        # pictures and the chart go as they are, texts on either side are not joined to them
        ([text("Today's session"), PICTURE, text("How did it go?")],
         [text("Today's session"), PICTURE, text("How did it go?")]),
        ([text("Your week"), {"custom": CHART_MESSAGE}, text("Well done")],
         [text("Your week"), {"custom": CHART_MESSAGE}, text("Well done")]),
        # two texts that would not fit one message stay two
        ([text(LONG), text("And one more thing " * 10)],
         [text(LONG), text("And one more thing " * 10)]),
        ([], []),
    ],
)
def test_a_turns_texts_arrive_as_one_message(
    replies: list[dict[str, Any]], messages: list[dict[str, Any]]
) -> None:
    assert messages_of_turn(replies) == messages


def test_no_joined_message_is_longer_than_telegram_allows() -> None:
    replies = [text("x" * 1500) for _ in range(9)]
    messages = messages_of_turn(replies)
    assert len(messages) < len(replies)
    assert all(len(m["text"]) <= TELEGRAM_TEXT_LIMIT for m in messages)
    assert "\n\n".join(m["text"] for m in messages) == "\n\n".join(r["text"] for r in replies)


def test_every_message_that_carried_a_mark_still_starts_with_it() -> None:
    replies = [text("a"), text(URGENT), text("b"), text(REFERRAL), text("c", YES_NO)]
    marked = [m["text"] for m in messages_of_turn(replies) if URGENT_MARK in m["text"]
              or REFERRAL_MARK in m["text"]]
    assert marked == [URGENT, REFERRAL]
