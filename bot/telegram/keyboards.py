"""Rasa buttons as Telegram inline keyboards.

A module of its own, light to import: the check-in sender (``backstep checkins send-due``)
needs the keyboard and nothing else of :mod:`bot.telegram.delivery`, whose chart and
history imports pull in spaCy and TensorFlow (seconds of CPU at each sender's start, while
people are talking to the replicas on the same machine).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

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
