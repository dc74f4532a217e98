"""Turning Rasa's replies into Telegram messages: split long texts, buttons as inline
keyboards, and the weekly summary's chart (a custom message) as a photo."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message

from bot.services.commands import HISTORY_FILENAME
from bot.services.weekly import chart_png, is_chart_message
from bot.telegram.splitting import split_message

#: Telegram refuses callback data longer than this many bytes.
MAX_CALLBACK_BYTES = 64
#: Buttons with titles this short (like pain scores) go six to a row.
_SHORT_TITLE = 3


def callback_data(payload: str, title: str) -> str:
    """The data a button sends back: its Rasa payload, or its title when that is too long."""
    if len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES:
        return payload
    return title.encode("utf-8")[:MAX_CALLBACK_BYTES].decode("utf-8", "ignore")


def keyboard(buttons: Sequence[dict[str, Any]]) -> InlineKeyboardMarkup | None:
    """Rasa buttons as an inline keyboard: short titles six to a row, others two, long one."""
    if not buttons:
        return None
    keys = [
        InlineKeyboardButton(
            str(b.get("title", "")), callback_data=callback_data(str(b["payload"]), b["title"])
        )
        for b in buttons
        if b.get("payload") and b.get("title")
    ]
    longest = max(len(k.text) for k in keys) if keys else 0
    per_row = 6 if longest <= _SHORT_TITLE else (2 if longest <= 18 else 1)
    rows = [keys[i : i + per_row] for i in range(0, len(keys), per_row)]
    return InlineKeyboardMarkup(rows) if rows else None


async def send_chart(bot: Bot, chat_id: int | str) -> list[Message]:
    """The person's /history chart as a photo (nothing when there is nothing to draw)."""
    png = await asyncio.to_thread(chart_png, str(chat_id))
    if png is None:
        return []
    return [await bot.send_photo(chat_id=chat_id,
                                 photo=InputFile(png, filename=HISTORY_FILENAME))]


async def send_reply(bot: Bot, chat_id: int | str, reply: dict[str, Any]) -> list[Message]:
    """Send one Rasa reply: its text in parts of at most 4,096 characters, keyboard last;
    the chart when the reply asks for it."""
    if is_chart_message(reply.get("custom")):
        return await send_chart(bot, chat_id)
    text = str(reply.get("text") or "")
    markup = keyboard(reply.get("buttons") or [])
    parts = split_message(text) if text else []
    if not parts and markup is not None:
        parts = ["Choose one:"]
    sent: list[Message] = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent.append(
            await bot.send_message(
                chat_id=chat_id, text=part, reply_markup=markup if last else None
            )
        )
    return sent


async def send_replies(
    bot: Bot, chat_id: int | str, replies: Sequence[dict[str, Any]]
) -> list[Message]:
    """Send Rasa's replies in order."""
    sent: list[Message] = []
    for reply in replies:
        sent.extend(await send_reply(bot, chat_id, reply))
    return sent
