"""Rasa replies as Telegram messages: a turn's texts as one message, long texts split,
buttons as inline keyboards."""

from __future__ import annotations

import pytest
import yaml
from telegram import Bot

from bot.content.responses import variants
from bot.content.texts import URGENT_MARK
from bot.telegram.delivery import MAX_CALLBACK_BYTES, keyboard, send_replies, send_reply
from tests.support.botapi import BotApiEmulator
from tests.support.paths import ROOT

CHAT = 4242


async def test_a_long_reply_arrives_in_parts_with_the_keyboard_on_the_last() -> None:
    paragraph = "Keep the exercises gentle and stop if the pain shoots down your leg. " * 20
    text = "\n\n".join([paragraph] * 7)  # about 9,700 characters
    buttons = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    async with BotApiEmulator() as emulator:
        bot = Bot("123:DELIVERY", base_url=emulator.base_url, base_file_url=emulator.base_file_url)
        async with bot:
            await send_reply(bot, CHAT, {"text": text, "buttons": buttons})
        sent = emulator.sent(CHAT)
    parts = [record["params"]["text"] for record in sent]
    assert len(parts) > 2 and all(len(part) <= 4096 for part in parts)
    assert all(part.rstrip().endswith("your leg.") for part in parts)  # cut between paragraphs
    assert "".join(parts).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(
        " ", ""
    )
    markups = [record["params"].get("reply_markup") for record in sent]
    assert all(m is None for m in markups[:-1]) and markups[-1] is not None


async def test_a_turns_texts_arrive_as_one_message_with_the_question_s_buttons() -> None:
    buttons = [{"title": "8:00", "payload": "/inform"}, {"title": "Not now", "payload": "/deny"}]
    replies = [
        {"text": "Step 2 now: McKenzie exercises."},
        {"text": "If any answer changes, just tell me."},
        {"text": "When shall I check in?", "buttons": buttons},
    ]
    async with BotApiEmulator() as emulator:
        bot = Bot("123:DELIVERY", base_url=emulator.base_url, base_file_url=emulator.base_file_url)
        async with bot:
            await send_replies(bot, CHAT, replies)
        [message] = emulator.sent(CHAT)
    assert message["params"]["text"] == (
        "Step 2 now: McKenzie exercises.\n\nIf any answer changes, just tell me.\n\n"
        "When shall I check in?"
    )
    markup = message["params"]["reply_markup"]
    rows = markup["inline_keyboard"] if isinstance(markup, dict) else markup
    assert [b["text"] for row in rows for b in row] == ["8:00", "Not now"]


async def test_an_urgent_escalation_stays_a_message_of_its_own_and_first() -> None:
    urgent = f"{URGENT_MARK} Please call 999 or go to A&E now."
    replies = [{"text": urgent}, {"text": "I've paused your plan."}, {"text": "Take care."}]
    async with BotApiEmulator() as emulator:
        bot = Bot("123:DELIVERY", base_url=emulator.base_url, base_file_url=emulator.base_file_url)
        async with bot:
            await send_replies(bot, CHAT, replies)
        texts = emulator.texts(CHAT)
    assert texts == [urgent, "I've paused your plan.\n\nTake care."]


@pytest.mark.parametrize(
    ("titles", "rows"),
    [
        ([str(n) for n in range(11)], [6, 5]),  # pain scores: six to a row
        (["Better", "About the same", "Worse"], [2, 1]),
        (["My back is locked up / in spasm", "No, I'm fairly flexible"], [1, 1]),
    ],
)
def test_keyboards_fit_a_phone(titles: list[str], rows: list[int]) -> None:
    markup = keyboard([{"title": t, "payload": f"/inform{{\"x\": \"{t}\"}}"} for t in titles])
    assert markup is not None
    assert [len(row) for row in markup.inline_keyboard] == rows


def test_every_button_payload_fits_telegrams_callback_limit() -> None:
    names = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    too_long = [
        payload
        for name in names
        for variant in variants(name)
        for _, payload in variant.buttons
        if len(payload.encode("utf-8")) > MAX_CALLBACK_BYTES
    ]
    assert too_long == []
