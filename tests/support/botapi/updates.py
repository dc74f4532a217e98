"""Incoming updates as Telegram sends them, for tests to push: texts and commands, stickers,
photos, voice, locations, edits and group messages. The emulator fills in update_id, and
a message's message_id and date, when the update is pushed.

``sender`` arguments: user_id (by default the chat id, in groups 4242), first_name,
chat_type ("private", "group", "supergroup") and title (of a group)."""

from __future__ import annotations

import base64
import re
import uuid
from typing import Any

JSON = dict[str, Any]

DEFAULT_GROUP_USER_ID = 4242
_COMMAND = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])")


def new_file(prefix: str, **fields: Any) -> JSON:
    """A file (sticker, voice, photo size, document) with a fresh file_id and
    file_unique_id that look like Telegram's; ``prefix`` tells the kind."""
    raw = uuid.uuid4().bytes
    file_id = prefix + base64.urlsafe_b64encode(raw + raw[:8]).decode().rstrip("=")
    unique_id = "AQAD" + base64.urlsafe_b64encode(raw[:9]).decode()
    return {"file_id": file_id, "file_unique_id": unique_id, **fields}


def photo_sizes(width: int, height: int, file_size: int = 0) -> list[JSON]:
    """Telegram's PhotoSize list: thumbnails of 90, 320, 800 and 1280 px on the long side
    below the full size (at most 2560 px)."""
    scale = min(1.0, 2560 / max(width, height))
    full = (max(1, round(width * scale)), max(1, round(height * scale)))
    factors = [side / max(full) for side in (90, 320, 800, 1280) if side < max(full)]
    return [
        new_file(
            "AgACAgIAAxkBAA",
            width=max(1, round(full[0] * factor)),
            height=max(1, round(full[1] * factor)),
            file_size=file_size,
        )
        for factor in [*factors, 1.0]
    ]


def user_dict(user_id: int, first_name: str = "Test") -> JSON:
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}


def chat_dict(
    chat_id: int, chat_type: str = "private", first_name: str = "Test", title: str | None = None
) -> JSON:
    """A Telegram Chat: a private one carries the person's name, a group its title."""
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": first_name}
    return {"id": chat_id, "type": chat_type, "title": title or "Test group"}


def _message(
    chat_id: int,
    user_id: int | None = None,
    first_name: str = "Test",
    chat_type: str = "private",
    title: str | None = None,
    **content: Any,
) -> JSON:
    if user_id is None:
        user_id = chat_id if chat_type == "private" else DEFAULT_GROUP_USER_ID
    chat = chat_dict(chat_id, chat_type, first_name, title)
    message = {"from": user_dict(user_id, first_name), "chat": chat, **content}
    text = message.get("text", "")
    if entities := [
        {"type": "bot_command", "offset": _utf16(text[: m.start()]), "length": _utf16(m[0])}
        for m in _COMMAND.finditer(text)
    ]:
        message["entities"] = entities
    return message


def _utf16(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def text_update(chat_id: int, text: str, **sender: Any) -> JSON:
    """A text message; /commands in it get bot_command entities."""
    return {"message": _message(chat_id, text=text, **sender)}


def group_text_update(
    chat_id: int, text: str, *, user_id: int = DEFAULT_GROUP_USER_ID, **sender: Any
) -> JSON:
    """A text message in a group (``chat_id`` negative)."""
    return text_update(chat_id, text, user_id=user_id, **{"chat_type": "group", **sender})


def sticker_update(chat_id: int, *, emoji: str = "👍", **sender: Any) -> JSON:
    sticker = new_file("CAACAgIAAxkBAA", type="regular", emoji=emoji, width=512, height=512)
    sticker |= {"is_animated": False, "is_video": False}
    return {"message": _message(chat_id, sticker=sticker, **sender)}


def photo_update(chat_id: int, *, caption: str | None = None, **sender: Any) -> JSON:
    """A photo of 1280 x 960, with a caption if given."""
    if caption is not None:
        sender["caption"] = caption
    return {"message": _message(chat_id, photo=photo_sizes(1280, 960, 120_000), **sender)}


def voice_update(chat_id: int, *, duration: int = 3, **sender: Any) -> JSON:
    voice = new_file("AwACAgIAAxkBAA", duration=duration, mime_type="audio/ogg", file_size=8000)
    return {"message": _message(chat_id, voice=voice, **sender)}


def location_update(
    chat_id: int, latitude: float = 52.3676, longitude: float = 4.9041, **sender: Any
) -> JSON:
    location = {"latitude": latitude, "longitude": longitude}
    return {"message": _message(chat_id, location=location, **sender)}


def edited_text_update(chat_id: int, message_id: int, text: str, **sender: Any) -> JSON:
    """The person changed the text of their message ``message_id``."""
    return {"edited_message": _message(chat_id, message_id=message_id, text=text, **sender)}
