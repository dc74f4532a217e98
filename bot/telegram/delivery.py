"""Turning Rasa's replies into Telegram messages: a turn's consecutive texts as one
message, long texts split, buttons as inline keyboards, our own pictures as animations,
and the weekly summary's chart (a custom message) as a photo."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from telegram import Bot, InputFile, Message

from bot.content.texts import REFERRAL_MARK, URGENT_MARK
from bot.services.commands import HISTORY_FILENAME
from bot.services.weekly import chart_png, is_chart_message
from bot.settings import get_settings
from bot.telegram.keyboards import MAX_CALLBACK_BYTES, callback_data, keyboard
from bot.telegram.splitting import (
    TELEGRAM_CAPTION_LIMIT,
    TELEGRAM_TEXT_LIMIT,
    split_message,
    utf16_len,
)

__all__ = [
    "MAX_CALLBACK_BYTES", "callback_data", "keyboard", "local_picture", "messages_of_turn",
    "send_chart", "send_replies", "send_reply",
]

#: Between two of a turn's texts sent as one message: a blank line.
PARAGRAPH = "\n\n"
#: Reply parts that are more than a text and its keyboard (a picture, a chart...).
_NOT_PLAIN = ("image", "custom", "attachment", "elements")


def local_picture(image: Any, folder: Path | None = None) -> Path | None:
    """The file a reply's ``image`` names when it is one of our pictures (a ``file://`` URI
    of a file in the pictures folder), else None: nothing else on disk is ever sent."""
    if not isinstance(image, str) or not image.startswith("file://"):
        return None
    path = Path(unquote(urlparse(image).path)).resolve()
    folder = (folder or get_settings().pictures_dir).resolve()
    return path if path.is_file() and path.is_relative_to(folder) else None


async def send_chart(bot: Bot, chat_id: int | str) -> list[Message]:
    """The person's /history chart as a photo (nothing when there is nothing to draw)."""
    png = await asyncio.to_thread(chart_png, str(chat_id))
    if png is None:
        return []
    return [await bot.send_photo(chat_id=chat_id,
                                 photo=InputFile(png, filename=HISTORY_FILENAME))]


async def send_reply(bot: Bot, chat_id: int | str, reply: dict[str, Any]) -> list[Message]:
    """Send one Rasa reply: its picture (an animation, the text as its caption when it
    fits), else its text in parts of at most 4,096 characters, keyboard last; the chart
    when the reply asks for it."""
    if is_chart_message(reply.get("custom")):
        return await send_chart(bot, chat_id)
    text = str(reply.get("text") or "")
    markup = keyboard(reply.get("buttons") or [])
    picture = local_picture(reply.get("image"))
    if picture is not None and utf16_len(text) <= TELEGRAM_CAPTION_LIMIT:
        data = await asyncio.to_thread(picture.read_bytes)
        return [
            await bot.send_animation(
                chat_id=chat_id,
                animation=InputFile(data, filename=picture.name),
                caption=text or None,
                reply_markup=markup,
            )
        ]
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


def _text(reply: dict[str, Any]) -> str:
    return str(reply.get("text") or "")


def _plain(reply: dict[str, Any]) -> bool:
    """A text (or a keyboard) and nothing more, and not an escalation: one that starts
    with 🚨 or ⚠️ is always a message of its own, so that it still starts with its mark
    and nothing is read before it."""
    if any(reply.get(part) for part in _NOT_PLAIN):
        return False
    text = _text(reply)
    if text.startswith((URGENT_MARK, REFERRAL_MARK)):
        return False
    return bool(text.strip() or reply.get("buttons"))


def _joins(first: dict[str, Any], then: dict[str, Any]) -> bool:
    """Whether ``then`` can go at the end of the message ``first``: both plain, ``first``
    without a keyboard (its buttons stay under its own question), and within one message."""
    if not (_plain(first) and _plain(then)) or first.get("buttons") or not _text(first).strip():
        return False
    joined = utf16_len(_text(first)) + utf16_len(PARAGRAPH) + utf16_len(_text(then))
    return joined <= TELEGRAM_TEXT_LIMIT


def messages_of_turn(replies: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """A turn's replies as the messages to send: consecutive texts joined into one,
    paragraphs apart, the keyboard of the last one under it (one notification, not three
    a second apart). Pictures, charts and escalations (🚨, ⚠️) stay messages of their
    own; a text too long to share a message with the next is not joined."""
    messages: list[dict[str, Any]] = []
    for reply in replies:
        if messages and _joins(messages[-1], reply):
            first = messages[-1]
            text = _text(reply)
            messages[-1] = {
                **reply, "text": _text(first) + (PARAGRAPH + text if text.strip() else "")
            }
        else:
            messages.append(dict(reply))
    return messages


async def send_replies(
    bot: Bot, chat_id: int | str, replies: Sequence[dict[str, Any]]
) -> list[Message]:
    """Send Rasa's replies in order, a turn's consecutive texts as one message
    (:func:`messages_of_turn`)."""
    sent: list[Message] = []
    for reply in messages_of_turn(replies):
        sent.extend(await send_reply(bot, chat_id, reply))
    return sent
