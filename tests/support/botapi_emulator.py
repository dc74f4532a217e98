"""A local emulator of the Telegram Bot API, for end-to-end tests and benchmarks.

Telegram cannot be reached from test machines, so this aiohttp server answers the Bot API
methods Backstep uses the way Telegram does (same JSON shapes, same error codes and
descriptions), records every call, and lets a test push updates, inject ``429 Too Many
Requests`` answers and switch on Telegram's flood limits.

Point python-telegram-bot at it with ``Bot(token, base_url=emu.base_url,
base_file_url=emu.base_file_url)`` or ``ApplicationBuilder().base_url(emu.base_url)``; any
token is accepted. Three ways to run it:

* ``async with BotApiEmulator() as emu:`` in the test's own event loop;
* ``with EmulatorThread() as emu:`` from synchronous code (own thread and loop);
* ``python -m tests.support.botapi_emulator --port N`` as a separate process, inspected and
  driven over the JSON control endpoints under ``/_emulator/`` (see :meth:`BotApiEmulator._routes`).

Only the methods Backstep calls are emulated (getMe, getUpdates, the webhook methods,
sendMessage, sendPhoto, sendDocument, sendChatAction, setMyCommands, answerCallbackQuery,
editMessageReplyMarkup); every other method answers ``404 Not Found``, as Telegram does
for unknown ones. Backstep sends plain text, so a ``parse_mode`` is refused with a 400
rather than half emulated. Webhook delivery is not emulated (``setWebhook`` is stored and
blocks ``getUpdates`` like on Telegram, but nothing is POSTed).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import inspect
import itertools
import json
import math
import mimetypes
import re
import signal
import struct
import sys
import threading
import time
import uuid
import zlib
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from aiohttp import web

JSON = dict[str, Any]
P = ParamSpec("P")
T = TypeVar("T")

#: The id getMe reports when the token does not start with a number.
DEFAULT_BOT_ID = 7000000001
#: Default sender of pushed messages in groups (in private chats the user id is the chat id).
DEFAULT_GROUP_USER_ID = 4242
MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

#: Update types getUpdates leaves out unless asked for explicitly (as Telegram does).
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
_MESSAGE_UPDATE_KEYS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_message",
    "edited_business_message",
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

# Typed parameters: form-encoded requests carry every value as a string (PTB JSON-encodes
# everything that is not a string), so the server converts by parameter name, like Telegram.
_CHAT_ID_PARAMS = frozenset({"chat_id", "from_chat_id"})
_INT_PARAMS = frozenset(
    {
        "message_id",
        "offset",
        "limit",
        "timeout",
        "reply_to_message_id",
        "message_thread_id",
        "user_id",
        "cache_time",
        "max_connections",
        "duration",
        "width",
        "height",
    }
)
_BOOL_PARAMS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "show_alert",
        "drop_pending_updates",
        "disable_web_page_preview",
        "allow_sending_without_reply",
        "has_spoiler",
        "disable_content_type_detection",
        "show_caption_above_media",
        "allow_paid_broadcast",
    }
)
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "allowed_updates",
        "commands",
        "scope",
        "reply_parameters",
        "link_preview_options",
        "media",
    }
)
_FILE_PARAMS = {"sendPhoto": "photo", "sendDocument": "document"}
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_COMMAND_RE = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])")
_BOT_COMMAND_NAME_RE = re.compile(r"[a-z0-9_]{1,32}")


# --------------------------------------------------------------------------------------------
# Errors and small helpers


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status, description and optional parameters."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> JSON:
        """The JSON body Telegram sends with this error."""
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


def _too_many_requests(retry_after: int) -> ApiError:
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def _utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def chat_key(chat_id: int | str) -> str:
    """The key the emulator files a chat under (also the key in stats' ``per_chat``)."""
    return str(chat_id)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_response(payload: Any, status: int = 200) -> web.Response:
    return web.json_response(payload, status=status, dumps=_dumps)


def _new_file_id(prefix: str) -> tuple[str, str]:
    """A fresh (file_id, file_unique_id) pair that looks like Telegram's."""
    raw = uuid.uuid4().bytes
    file_id = prefix + base64.urlsafe_b64encode(raw + raw[:8]).decode().rstrip("=")
    return file_id, "AQAD" + base64.urlsafe_b64encode(raw[:9]).decode()


# --------------------------------------------------------------------------------------------
# Images


def tiny_png(width: int = 1, height: int = 1, rgb: tuple[int, int, int] = (255, 255, 255)) -> bytes:
    """A valid PNG of one colour, for sendPhoto tests (the emulator reads image sizes)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG (Backstep's charts); None for anything else."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return (int(width), int(height)) if width > 0 and height > 0 else None


# --------------------------------------------------------------------------------------------
# parse_mode: HTML, MarkdownV2 and legacy Markdown to plain text plus entities

_HTML_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}


_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_MARKS = {
    "*": ("bold", "Bold"),
    "_": ("italic", "Italic"),
    "__": ("underline", "Underline"),
    "~": ("strikethrough", "Strikethrough"),
    "||": ("spoiler", "Spoiler"),
}


def format_text(text: str, parse_mode: str | None) -> tuple[str, list[JSON]]:
    """``text`` as sent: Backstep sends plain text only, so a parse mode is refused loudly
    (a 400, as Telegram answers a mode it cannot parse) rather than half emulated."""
    if parse_mode:
        raise _bad_request("parse_mode is not supported by this emulator")
    return text, []


def command_entities(text: str) -> list[JSON]:
    """bot_command entities for every /command in ``text``, as Telegram adds them."""
    return [
        {
            "type": "bot_command",
            "offset": _utf16_len(text[: m.start()]),
            "length": _utf16_len(m.group()),
        }
        for m in _COMMAND_RE.finditer(text)
    ]


# --------------------------------------------------------------------------------------------
# Builders for incoming updates (without update_id; push_update fills in ids and dates)


def user_dict(user_id: int, first_name: str = "Test", *, username: str | None = None) -> JSON:
    """A Telegram User for a person."""
    user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "en"}
    if username:
        user["username"] = username
    return user


def chat_dict(
    chat_id: int, chat_type: str = "private", *, first_name: str = "Test", title: str | None = None
) -> JSON:
    """A Telegram Chat: private chats carry the person's name, groups a title."""
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": first_name}
    return {"id": chat_id, "type": chat_type, "title": title or "Test group"}


def _base_message(
    chat_id: int,
    *,
    user_id: int | None,
    first_name: str,
    chat_type: str,
    title: str | None = None,
) -> JSON:
    if user_id is None:
        user_id = chat_id if chat_type == "private" else DEFAULT_GROUP_USER_ID
    return {
        "from": user_dict(user_id, first_name),
        "chat": chat_dict(chat_id, chat_type, first_name=first_name, title=title),
    }


def text_update(
    chat_id: int,
    text: str,
    *,
    user_id: int | None = None,
    first_name: str = "Test",
    chat_type: str = "private",
    title: str | None = None,
) -> JSON:
    """A text message update; /commands get their bot_command entities."""
    message = _base_message(
        chat_id, user_id=user_id, first_name=first_name, chat_type=chat_type, title=title
    )
    message["text"] = text
    entities = command_entities(text)
    if entities:
        message["entities"] = entities
    return {"message": message}


def group_text_update(
    chat_id: int,
    text: str,
    *,
    user_id: int = DEFAULT_GROUP_USER_ID,
    first_name: str = "Test",
    title: str = "Test group",
    chat_type: str = "group",
) -> JSON:
    """A text message in a group (``chat_id`` should be negative) or supergroup."""
    return text_update(
        chat_id, text, user_id=user_id, first_name=first_name, chat_type=chat_type, title=title
    )


def sticker_update(
    chat_id: int,
    *,
    emoji: str = "👍",
    file_id: str | None = None,
    user_id: int | None = None,
    first_name: str = "Test",
    chat_type: str = "private",
) -> JSON:
    """A sticker message update."""
    message = _base_message(chat_id, user_id=user_id, first_name=first_name, chat_type=chat_type)
    new_id, unique_id = _new_file_id("CAACAgIAAxkBAA")
    message["sticker"] = {
        "file_id": file_id or new_id,
        "file_unique_id": unique_id,
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": emoji,
        "file_size": 20480,
    }
    return {"message": message}


def photo_update(
    chat_id: int,
    *,
    file_id: str | None = None,
    width: int = 1280,
    height: int = 960,
    caption: str | None = None,
    user_id: int | None = None,
    first_name: str = "Test",
    chat_type: str = "private",
) -> JSON:
    """A photo message update (a thumbnail plus the full size, which gets ``file_id``)."""
    message = _base_message(chat_id, user_id=user_id, first_name=first_name, chat_type=chat_type)
    message["photo"] = _photo_sizes(width, height, file_id, 0)
    if caption is not None:
        message["caption"] = caption
    return {"message": message}


def voice_update(
    chat_id: int,
    *,
    duration: int = 3,
    file_id: str | None = None,
    mime_type: str = "audio/ogg",
    file_size: int = 8000,
    user_id: int | None = None,
    first_name: str = "Test",
    chat_type: str = "private",
) -> JSON:
    """A voice message update."""
    message = _base_message(chat_id, user_id=user_id, first_name=first_name, chat_type=chat_type)
    new_id, unique_id = _new_file_id("AwACAgIAAxkBAA")
    message["voice"] = {
        "file_id": file_id or new_id,
        "file_unique_id": unique_id,
        "duration": duration,
        "mime_type": mime_type,
        "file_size": file_size,
    }
    return {"message": message}


def location_update(
    chat_id: int,
    latitude: float = 52.3676,
    longitude: float = 4.9041,
    *,
    user_id: int | None = None,
    first_name: str = "Test",
    chat_type: str = "private",
) -> JSON:
    """A location message update."""
    message = _base_message(chat_id, user_id=user_id, first_name=first_name, chat_type=chat_type)
    message["location"] = {"latitude": latitude, "longitude": longitude}
    return {"message": message}


def edited_text_update(
    chat_id: int,
    message_id: int,
    text: str,
    *,
    user_id: int | None = None,
    first_name: str = "Test",
    chat_type: str = "private",
) -> JSON:
    """An edited_message update: the person changed the text of message ``message_id``."""
    message = _base_message(chat_id, user_id=user_id, first_name=first_name, chat_type=chat_type)
    message.update({"message_id": message_id, "text": text})
    entities = command_entities(text)
    if entities:
        message["entities"] = entities
    return {"edited_message": message}


def _photo_sizes(width: int, height: int, file_id: str | None, file_size: int) -> list[JSON]:
    """Telegram's PhotoSize list: thumbnails below the (at most 2560 px) full size."""
    scale = min(1.0, 2560 / max(width, height))
    full = (max(1, round(width * scale)), max(1, round(height * scale)))
    sides = [side for side in (90, 320, 800, 1280) if side < max(full)]
    sizes: list[JSON] = []
    for side in sides:
        factor = side / max(full)
        new_id, unique_id = _new_file_id("AgACAgIAAxkBAA")
        sizes.append(
            {
                "file_id": new_id,
                "file_unique_id": unique_id,
                "width": max(1, round(full[0] * factor)),
                "height": max(1, round(full[1] * factor)),
                "file_size": file_size,
            }
        )
    new_id, unique_id = _new_file_id("AgACAgIAAxkBAA")
    sizes.append(
        {
            "file_id": file_id or new_id,
            "file_unique_id": unique_id,
            "width": full[0],
            "height": full[1],
            "file_size": file_size,
        }
    )
    return sizes


# --------------------------------------------------------------------------------------------
# The emulator


@dataclass
class UploadedFile:
    """A file part of a multipart request."""

    part: str
    file_name: str | None
    mime_type: str | None
    data: bytes

    def describe(self) -> JSON:
        """The record entry: name, type, size and the bytes."""
        return {
            "part": self.part,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "size": len(self.data),
            "data": self.data,
        }


@dataclass
class StoredFile:
    """A file the emulator can hand out via getFile and the file download URL."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None
    width: int | None = None
    height: int | None = None

    def as_file(self) -> JSON:
        """The Bot API File object."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


@dataclass
class _Call:
    token: str
    method: str
    params: JSON
    files: dict[str, UploadedFile]
    bot: JSON


@dataclass
class _FailRule:
    method: str | None
    chat: str | None
    retry_after: int
    remaining: int


@dataclass
class _Limits:
    overall_per_second: int | None
    per_chat_per_second: int | None
    per_group_per_minute: int | None


@dataclass
class _Poll:
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    conflict: bool = False


class _Window:
    """Timestamps of the events of the last ``span`` seconds (amortised O(1) per event)."""

    __slots__ = ("span", "times")

    def __init__(self, span: float) -> None:
        self.span = span
        self.times: deque[float] = deque()

    def count(self, now: float) -> int:
        """Events within (now - span, now]."""
        while self.times and self.times[0] <= now - self.span:
            self.times.popleft()
        return len(self.times)

    def free_in(self, now: float) -> float:
        """Seconds until the oldest event leaves the window."""
        return self.times[0] + self.span - now if self.times else 0.0


class _Signal:
    """Wakes every waiter on each notify (a fresh asyncio.Event per generation)."""

    def __init__(self) -> None:
        self._event: asyncio.Event | None = None

    def notify(self) -> None:
        if self._event is not None:
            self._event.set()
            self._event = None

    async def wait(self, timeout: float) -> None:
        if self._event is None:
            self._event = asyncio.Event()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._event.wait(), timeout)


class BotApiEmulator:
    """The Bot API on 127.0.0.1: records calls, serves pushed updates, injects failures.

    All methods except ``start``/``stop``/``wait_*`` are synchronous and must be called from
    the event loop the server runs in (use :class:`EmulatorThread` from other threads).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        first_name: str = "Backstep",
        username: str = "backstep_test_bot",
    ) -> None:
        self.host = host
        self._requested_port = port
        self._port: int | None = None
        self.first_name = first_name
        self.username = username
        self._runner: web.AppRunner | None = None
        self._closing = False
        self._last_update_id = 0
        self._callback_ids = itertools.count(4_000_000_000_000_000_001)
        self._polls: dict[str, _Poll] = {}
        self._activity = _Signal()
        self._bots: dict[str, JSON] = {}
        self._methods: dict[str, tuple[str, Callable[[_Call], Any]]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "sendMessage": self._send_message,
                "sendChatAction": self._send_chat_action,
                "answerCallbackQuery": self._answer_callback_query,
                "setMyCommands": self._set_my_commands,
                "setWebhook": self._set_webhook,
                "deleteWebhook": self._delete_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "sendPhoto": self._send_photo,
                "sendDocument": self._send_document,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "close": self._true,
                "logOut": self._true,
            }.items()
        }
        self._reset_state()

    def _reset_state(self) -> None:
        """Everything a test observes; update ids keep counting so live pollers stay in step."""
        self._calls: list[JSON] = []
        self._calls_by_method: dict[str, list[JSON]] = {}
        self._ok_by_method: dict[str, list[JSON]] = {}
        self._ok_by_chat: dict[tuple[str, str], list[JSON]] = {}
        self._rejected: list[JSON] = []
        self._pending: deque[JSON] = deque()
        self._pushed: list[JSON] = []
        self._allowed_updates: frozenset[str] | None = None
        self._chats: dict[str, JSON] = {}
        self._message_ids: dict[str, int] = {}
        self._messages: dict[tuple[str, int], JSON] = {}
        self._last_bot_message: dict[str, int] = {}
        self._last_keyboard_message: dict[str, int] = {}
        self._callback_queries: dict[str, JSON] = {}
        self._files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._webhook: JSON = {}
        self._fail_rules: list[_FailRule] = []
        self._limits: _Limits | None = None
        self._overall_window = _Window(1.0)
        self._chat_windows: dict[str, _Window] = {}
        self._group_windows: dict[str, _Window] = {}
        self._stats: JSON = {
            "total": 0,
            "per_chat": {},
            "first_ts": None,
            "last_ts": None,
            "first_monotonic": None,
            "last_monotonic": None,
            "rejected_429": 0,
            "rejected_per_chat": {},
            "duplicates": 0,
            "max_in_1s": 0,
            "max_per_chat_in_1s": 0,
            "errors": 0,
        }
        self._seen_texts: set[tuple[str, str]] = set()

    # ---- lifecycle

    async def start(self) -> BotApiEmulator:
        """Bind the port and serve."""
        if self._runner is not None:
            raise RuntimeError("BotApiEmulator already started")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.add_routes(self._routes())
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=2.0
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self._requested_port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        self._port = int(runner.addresses[0][1])
        self._closing = False
        return self

    async def stop(self) -> None:
        """End pending long polls and close the server."""
        if self._runner is None:
            return
        self._closing = True
        for poll in self._polls.values():
            poll.wake.set()
        self._activity.notify()
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> BotApiEmulator:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """The bound port."""
        if self._port is None:
            raise RuntimeError("BotApiEmulator is not started")
        return self._port

    @property
    def url(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``Bot(base_url=...)``: PTB appends the token, then ``/method``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``Bot(base_file_url=...)``."""
        return f"{self.url}/file/bot"

    # ---- pushing updates

    def push_update(self, raw: JSON) -> JSON:
        """Queue an update for getUpdates; fills in update_id, message ids and dates."""
        update = dict(raw)
        if "update_id" in update:
            update["update_id"] = int(update["update_id"])
            self._last_update_id = max(self._last_update_id, update["update_id"])
        else:
            self._last_update_id += 1
            update["update_id"] = self._last_update_id
        for key in _MESSAGE_UPDATE_KEYS:
            if isinstance(update.get(key), dict):
                update[key] = self._complete_incoming(update[key], edited=key.startswith("edit"))
        query = update.get("callback_query")
        if isinstance(query, dict) and "id" in query:
            self._callback_queries[str(query["id"])] = query
        if self._pending and self._pending[-1]["update_id"] > update["update_id"]:
            self._pending = deque(sorted([*self._pending, update], key=lambda u: u["update_id"]))
        else:
            self._pending.append(update)
        self._pushed.append(update)
        for poll in self._polls.values():
            poll.wake.set()
        return update

    def push_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        first_name: str = "Test",
        chat_type: str = "private",
    ) -> JSON:
        """A person writes ``text`` (``/commands`` in it get bot_command entities)."""
        return self.push_update(
            text_update(chat_id, text, user_id=user_id, first_name=first_name, chat_type=chat_type)
        )

    def push_command(
        self, chat_id: int, command: str, args: str = "", *, user_id: int | None = None
    ) -> JSON:
        """A person sends ``/command [args]`` (the leading slash is optional here)."""
        text = command if command.startswith("/") else f"/{command}"
        return self.push_text(chat_id, f"{text} {args}" if args else text, user_id=user_id)

    def push_callback(
        self,
        chat_id: int,
        data: str,
        message_id: int | None = None,
        *,
        user_id: int | None = None,
        first_name: str = "Test",
    ) -> JSON:
        """A person taps an inline button with ``data``.

        ``message`` is the bot message ``message_id`` in its current state; by default the
        bot's latest message with an inline keyboard in this chat (or its latest message).
        """
        key = chat_key(chat_id)
        if message_id is None:
            message_id = self._last_keyboard_message.get(key, self._last_bot_message.get(key))
        if user_id is None:
            user_id = chat_id if chat_id > 0 else DEFAULT_GROUP_USER_ID
        query: JSON = {
            "id": str(next(self._callback_ids)),
            "from": user_dict(user_id, first_name),
            "chat_instance": str(zlib.crc32(key.encode()) * 1_000_003),
            "data": data,
        }
        if message_id is not None:
            message = self._messages.get((key, message_id))
            if message is None:
                message = {
                    "message_id": message_id,
                    "from": self._bot_user(None),
                    "chat": self._chat_for(key, chat_id),
                    "date": int(time.time()),
                }
            query["message"] = message
        return self.push_update({"callback_query": query})

    # Builders, also reachable as emulator attributes.
    text_update = staticmethod(text_update)
    group_text_update = staticmethod(group_text_update)
    sticker_update = staticmethod(sticker_update)
    photo_update = staticmethod(photo_update)
    voice_update = staticmethod(voice_update)
    location_update = staticmethod(location_update)
    edited_text_update = staticmethod(edited_text_update)

    def add_file(
        self, data: bytes, *, file_name: str | None = None, mime_type: str | None = None
    ) -> StoredFile:
        """Store a file the bot can fetch (getFile + download), e.g. for a pushed photo."""
        size = image_size(data)
        kind = "photos" if size else "documents"
        return self._store_file(data, file_name, mime_type, kind, size)

    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates offset."""
        return list(self._pending)

    def pushed_updates(self) -> list[JSON]:
        """Every update pushed since the last reset."""
        return list(self._pushed)

    # ---- inspection

    def calls(self, method: str | None = None) -> list[JSON]:
        """Every request (any outcome), oldest first; ``method`` is case-insensitive."""
        if method is None:
            return list(self._calls)
        return list(self._calls_by_method.get(self._canonical(method), ()))

    def sent(
        self, chat_id: int | str | None = None, method: str | None = "sendMessage"
    ) -> list[JSON]:
        """Successful calls of ``method`` (None: of any method), optionally to one chat."""
        if method is None:
            records = [r for r in self._calls if r["status"] == 200]
            if chat_id is None:
                return records
            return [r for r in records if r["chat"] == chat_key(chat_id)]
        name = self._canonical(method)
        if chat_id is None:
            return list(self._ok_by_method.get(name, ()))
        return list(self._ok_by_chat.get((name, chat_key(chat_id)), ()))

    def rejected(self, method: str | None = None, chat_id: int | str | None = None) -> list[JSON]:
        """Calls answered 429 (injected or flood control), oldest first."""
        name = self._canonical(method) if method else None
        return [
            r
            for r in self._rejected
            if (name is None or r["method"] == name)
            and (chat_id is None or r["chat"] == chat_key(chat_id))
        ]

    def texts(self, chat_id: int | str) -> list[str]:
        """The ``text`` parameter of each delivered sendMessage to ``chat_id``."""
        return [r["params"]["text"] for r in self.sent(chat_id)]

    def message(self, chat_id: int | str, message_id: int) -> JSON | None:
        """A message as it stands now (after edits), bot's or pushed."""
        return self._messages.get((chat_key(chat_id), message_id))

    def callback_answers(self) -> list[JSON]:
        """Parameters of each answerCallbackQuery that succeeded."""
        return [r["params"] for r in self.sent(method="answerCallbackQuery")]

    def stats(self) -> JSON:
        """sendMessage counts per chat and in total, timings, 429s and rates (JSON-ready)."""
        stats = dict(self._stats)
        stats["per_chat"] = dict(self._stats["per_chat"])
        stats["rejected_per_chat"] = dict(self._stats["rejected_per_chat"])
        stats["calls"] = {name: len(calls) for name, calls in self._calls_by_method.items()}
        stats["pending_updates"] = len(self._pending)
        stats["limits"] = None if self._limits is None else vars(self._limits).copy()
        return stats

    async def wait_for_sent(
        self,
        count: int,
        *,
        chat_id: int | str | None = None,
        method: str = "sendMessage",
        timeout: float = 30.0,
    ) -> list[JSON]:
        """Wait until at least ``count`` successful ``method`` calls (to ``chat_id``) exist."""
        deadline = time.monotonic() + timeout
        while True:
            records = self.sent(chat_id, method)
            if len(records) >= count:
                return records
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._closing:
                raise AssertionError(self._missing_report(count, chat_id, method, timeout))
            await self._activity.wait(remaining)

    async def wait_for_messages(
        self, chat_id: int | str, count: int, timeout: float = 30.0
    ) -> list[JSON]:
        """Wait for ``count`` delivered sendMessage calls to ``chat_id``; AssertionError if not."""
        return await self.wait_for_sent(count, chat_id=chat_id, timeout=timeout)

    async def wait_for_calls(
        self, method: str, count: int = 1, timeout: float = 30.0
    ) -> list[JSON]:
        """Wait until ``count`` requests of ``method`` have arrived (answered or not yet)."""
        deadline = time.monotonic() + timeout
        while True:
            records = self.calls(method)
            if len(records) >= count:
                return records
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._closing:
                raise AssertionError(
                    f"expected {count} {method} call(s) within {timeout}s, got {len(records)}"
                )
            await self._activity.wait(remaining)

    def _missing_report(
        self, count: int, chat_id: int | str | None, method: str, timeout: float
    ) -> str:
        records = self.sent(chat_id, method)
        where = "" if chat_id is None else f" to chat {chat_id}"
        arrived = [r["params"].get("text", r["params"].get("caption")) for r in records]
        others = {
            chat: n
            for chat, n in itertools.islice(self._stats["per_chat"].items(), 20)
            if chat_id is None or chat != chat_key(chat_id)
        }
        failed = [
            f"{r['method']} -> {r['status']} {r['error']}"
            for r in self._calls[-200:]
            if r["status"] not in (None, 200)
        ][-10:]
        return (
            f"expected {count} {method} call(s){where} within {timeout}s, got {len(records)}: "
            f"{arrived!r}; sendMessage to other chats: {others}; recent failed calls: {failed}"
        )

    # ---- fault injection and flood control

    def fail_next(
        self,
        method: str | None = "sendMessage",
        retry_after: int = 1,
        count: int = 1,
        chat_id: int | str | None = None,
    ) -> None:
        """Answer the next ``count`` matching calls with 429 (``method`` None: any method)."""
        self._fail_rules.append(
            _FailRule(
                method=self._canonical(method) if method else None,
                chat=None if chat_id is None else chat_key(chat_id),
                retry_after=int(retry_after),
                remaining=int(count),
            )
        )

    def enforce_limits(
        self,
        overall_per_second: int | None = 30,
        per_chat_per_second: int | None = 1,
        per_group_per_minute: int | None = 20,
    ) -> None:
        """Telegram's flood limits for messages: over them, a 429 with retry_after."""
        self._limits = _Limits(overall_per_second, per_chat_per_second, per_group_per_minute)

    def disable_limits(self) -> None:
        """No flood limits (the default)."""
        self._limits = None

    def reset(self) -> None:
        """Forget calls, updates, messages, files, failures and limits."""
        self._reset_state()
        self._activity.notify()

    # ---- internals: HTTP

    def _routes(self) -> list[web.RouteDef]:
        """The Bot API, and the ``/_emulator/`` control endpoints (JSON) that drive the
        emulator when it runs as its own process (``bench.broadcast``):

        GET  /_emulator/health                  {"ok": true, "base_url": ...}
        GET  /_emulator/stats
        POST /_emulator/limits                  {"overall_per_second", ...}; {} turns them off
        POST /_emulator/reset
        """
        return [
            web.get("/_emulator/health", self._http_health),
            web.get("/_emulator/stats", self._http_stats),
            web.post("/_emulator/limits", self._http_limits),
            web.post("/_emulator/reset", self._http_reset),
            web.route("*", "/bot{token}/{method}", self._http_method),
        ]

    async def _http_method(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        name, handler = self._methods.get(
            request.match_info["method"].lower(), (request.match_info["method"], None)
        )
        error: ApiError | None = None
        raw: JSON = {}
        uploads: dict[str, UploadedFile] = {}
        try:
            raw, uploads = await self._read_params(request)
        except ApiError as exc:
            error = exc
        record = self._record(token, name, raw, uploads)
        try:
            if error is not None:
                raise error
            if handler is None:
                raise ApiError(404, "Not Found")
            params = {key: _normalize(key, value) for key, value in raw.items()}
            record["params"] = params
            chat = params.get("chat_id")
            record["chat"] = None if chat in (None, "") else chat_key(chat)
            self._check_injected(name, record["chat"])
            call = _Call(token, name, params, uploads, self._bot_user(token))
            result = handler(call)
            if inspect.isawaitable(result):
                result = await result
        except ApiError as exc:
            return self._finish(record, exc.code, exc.payload(), rejected=exc.code == 429)
        return self._finish(record, 200, {"ok": True, "result": result})

    async def _read_params(self, request: web.Request) -> tuple[JSON, dict[str, UploadedFile]]:
        """Query string plus a JSON, form-encoded or multipart body."""
        params: JSON = dict(request.query)
        uploads: dict[str, UploadedFile] = {}
        if not request.body_exists:
            return params, uploads
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise _bad_request("can't parse JSON object") from None
            if not isinstance(body, dict):
                raise _bad_request("can't parse JSON object")
            params.update(body)
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    uploads[key] = UploadedFile(
                        key, value.filename, value.content_type, value.file.read()
                    )
                else:
                    params[key] = value if isinstance(value, str) else bytes(value).decode()
        # Files attached as "attach://<part>" belong to the parameter that names them.
        for key, value in params.items():
            if isinstance(value, str) and value.startswith("attach://"):
                part = value.removeprefix("attach://")
                if part in uploads:
                    uploads[key] = uploads.pop(part)
        return params, uploads

    def _record(
        self, token: str, method: str, params: JSON, uploads: dict[str, UploadedFile]
    ) -> JSON:
        chat = params.get("chat_id")
        record: JSON = {
            "seq": len(self._calls) + 1,
            "method": method,
            "token": token,
            "params": params,
            "files": {name: upload.describe() for name, upload in uploads.items()},
            "chat": None if chat in (None, "") else chat_key(chat),
            "ts": time.time(),
            "monotonic": time.monotonic(),
            "status": None,
            "ok": None,
            "result": None,
            "error": None,
            "retry_after": None,
        }
        self._calls.append(record)
        self._calls_by_method.setdefault(method, []).append(record)
        self._activity.notify()
        return record

    def _finish(
        self, record: JSON, status: int, payload: JSON, *, rejected: bool = False
    ) -> web.Response:
        record["status"] = status
        record["ok"] = status == 200
        if status == 200:
            record["result"] = payload["result"]
            self._ok_by_method.setdefault(record["method"], []).append(record)
            if record["chat"] is not None:
                key = (record["method"], record["chat"])
                self._ok_by_chat.setdefault(key, []).append(record)
            if record["method"] == "sendMessage":
                self._count_message(record)
        else:
            record["error"] = payload["description"]
            self._stats["errors"] += 1
        if rejected:
            record["retry_after"] = payload["parameters"]["retry_after"]
            self._rejected.append(record)
            self._stats["rejected_429"] += 1
            if record["chat"] is not None:
                per_chat = self._stats["rejected_per_chat"]
                per_chat[record["chat"]] = per_chat.get(record["chat"], 0) + 1
        self._activity.notify()
        return _json_response(payload, status)

    def _count_message(self, record: JSON) -> None:
        stats = self._stats
        stats["total"] += 1
        chat = record["chat"]
        stats["per_chat"][chat] = stats["per_chat"].get(chat, 0) + 1
        if stats["first_ts"] is None:
            stats["first_ts"] = record["ts"]
            stats["first_monotonic"] = record["monotonic"]
        stats["last_ts"] = record["ts"]
        stats["last_monotonic"] = record["monotonic"]
        seen = (chat, str(record["params"].get("text")))
        if seen in self._seen_texts:
            stats["duplicates"] += 1
        else:
            self._seen_texts.add(seen)

    def _check_injected(self, method: str, chat: str | None) -> None:
        for rule in self._fail_rules:
            if rule.method not in (None, method):
                continue
            if rule.chat is not None and chat != rule.chat:
                continue
            rule.remaining -= 1
            if rule.remaining <= 0:
                self._fail_rules.remove(rule)
            raise _too_many_requests(rule.retry_after)

    def _admit(self, key: str) -> None:
        """Flood control for one message to chat ``key``; also feeds the rate statistics."""
        now = time.monotonic()
        overall = self._overall_window
        chat_window = self._chat_windows.get(key)
        if chat_window is None:
            chat_window = self._chat_windows[key] = _Window(1.0)
        group_window: _Window | None = None
        if key.startswith("-"):
            group_window = self._group_windows.get(key)
            if group_window is None:
                group_window = self._group_windows[key] = _Window(60.0)
        limits = self._limits
        if limits is not None:
            waits = []
            checks = (
                (overall, limits.overall_per_second),
                (chat_window, limits.per_chat_per_second),
                (group_window, limits.per_group_per_minute),
            )
            for window, limit in checks:
                if window is not None and limit is not None and window.count(now) >= limit:
                    waits.append(window.free_in(now))
            if waits:
                raise _too_many_requests(max(1, math.ceil(max(waits))))
        for window in (overall, chat_window, group_window):
            if window is not None:
                window.times.append(now)
        self._stats["max_in_1s"] = max(self._stats["max_in_1s"], overall.count(now))
        self._stats["max_per_chat_in_1s"] = max(
            self._stats["max_per_chat_in_1s"], chat_window.count(now)
        )

    # ---- internals: state

    def _canonical(self, method: str) -> str:
        return self._methods.get(method.lower(), (method, None))[0]

    def _bot_user(self, token: str | None) -> JSON:
        if token is None:
            return next(iter(self._bots.values()), None) or self._bot_user("")
        bot = self._bots.get(token)
        if bot is None:
            head = token.split(":", 1)[0]
            bot_id = int(head) if head.isdigit() and len(head) < 16 else DEFAULT_BOT_ID
            bot = {
                "id": bot_id,
                "is_bot": True,
                "first_name": self.first_name,
                "username": self.username,
            }
            self._bots[token] = bot
        return bot

    def _chat_for(self, key: str, chat_id: int | str) -> JSON:
        chat = self._chats.get(key)
        if chat is None:
            if isinstance(chat_id, str):
                raise _bad_request("chat not found")
            if chat_id > 0:
                chat = chat_dict(chat_id)
            elif key.startswith("-100"):
                chat = chat_dict(chat_id, "supergroup")
            else:
                chat = chat_dict(chat_id, "group")
            self._chats[key] = chat
        return chat

    def _require_chat(self, params: JSON) -> tuple[str, JSON]:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad_request("chat_id is empty")
        key = chat_key(chat_id)
        return key, self._chat_for(key, chat_id)

    def _next_message_id(self, key: str) -> int:
        self._message_ids[key] = self._message_ids.get(key, 0) + 1
        return self._message_ids[key]

    def _complete_incoming(self, raw: JSON, *, edited: bool) -> JSON:
        message = dict(raw)
        chat = message.get("chat")
        if not isinstance(chat, dict) or "id" not in chat:
            raise ValueError("a pushed message needs a chat with an id")
        key = chat_key(chat["id"])
        self._chats.setdefault(key, chat)
        now = int(time.time())
        if "message_id" not in message:
            message["message_id"] = self._next_message_id(key)
        else:
            self._message_ids[key] = max(self._message_ids.get(key, 0), message["message_id"])
        stored = self._messages.get((key, message["message_id"]))
        message.setdefault("date", stored["date"] if edited and stored else now)
        if edited:
            message.setdefault("edit_date", now)
        self._messages[(key, message["message_id"])] = message
        return message

    def _store_file(
        self,
        data: bytes,
        file_name: str | None,
        mime_type: str | None,
        kind: str,
        size: tuple[int, int] | None = None,
        file_id: str | None = None,
    ) -> StoredFile:
        prefix = "AgACAgIAAxkBAA" if kind == "photos" else "BQACAgIAAxkBAA"
        new_id, unique_id = _new_file_id(prefix)
        suffix = mimetypes.guess_extension(mime_type or "") or ""
        if file_name and "." in file_name:
            suffix = "." + file_name.rsplit(".", 1)[1]
        stored = StoredFile(
            file_id=file_id or new_id,
            file_unique_id=unique_id,
            file_path=f"{kind}/file_{len(self._files_by_path)}{suffix}",
            data=data,
            file_name=file_name,
            mime_type=mime_type,
            width=size[0] if size else None,
            height=size[1] if size else None,
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    def _bot_message(self, call: _Call, key: str, chat: JSON, content: JSON) -> JSON:
        params = call.params
        reply_to = self._reply_target(key, params)
        self._admit(key)
        message: JSON = {
            "message_id": self._next_message_id(key),
            "from": call.bot,
            "chat": chat,
            "date": int(time.time()),
        }
        message.update({k: v for k, v in content.items() if v not in (None, [])})
        if reply_to is not None:
            message["reply_to_message"] = {
                k: v for k, v in reply_to.items() if k != "reply_to_message"
            }
        if params.get("message_thread_id"):
            message["message_thread_id"] = params["message_thread_id"]
        self._messages[(key, message["message_id"])] = message
        self._last_bot_message[key] = message["message_id"]
        if "reply_markup" in message:
            self._last_keyboard_message[key] = message["message_id"]
        return message

    def _reply_target(self, key: str, params: JSON) -> JSON | None:
        reply = params.get("reply_parameters")
        message_id = params.get("reply_to_message_id")
        allow_missing = bool(params.get("allow_sending_without_reply"))
        if isinstance(reply, dict):
            message_id = reply.get("message_id")
            allow_missing = bool(reply.get("allow_sending_without_reply", allow_missing))
            if reply.get("chat_id") not in (None, ""):
                key = chat_key(reply["chat_id"])
        if not message_id:
            return None
        target = self._messages.get((key, int(message_id)))
        if target is None and not allow_missing:
            raise _bad_request("message to be replied not found")
        return target

    # ---- internals: Bot API methods

    def _true(self, call: _Call) -> bool:
        return True

    def _get_me(self, call: _Call) -> JSON:
        return {
            **call.bot,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, call: _Call) -> list[JSON]:
        if self._webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        params = call.params
        limit = min(100, max(1, int(params.get("limit") or 100)))
        timeout = max(0, int(params.get("timeout") or 0))
        if "allowed_updates" in params:
            allowed = params["allowed_updates"]
            if not isinstance(allowed, list):
                raise _bad_request("can't parse allowed updates")
            self._allowed_updates = frozenset(map(str, allowed)) if allowed else None
        self._confirm(int(params.get("offset") or 0))
        previous = self._polls.get(call.token)
        if previous is not None:
            previous.conflict = True
            previous.wake.set()
        poll = self._polls[call.token] = _Poll()
        deadline = time.monotonic() + timeout
        try:
            while True:
                poll.wake.clear()
                if poll.conflict:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; "
                        "make sure that only one bot instance is running",
                    )
                batch = self._select(limit)
                remaining = deadline - time.monotonic()
                if batch or remaining <= 0 or self._closing:
                    return batch
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(poll.wake.wait(), remaining)
        finally:
            if self._polls.get(call.token) is poll:
                del self._polls[call.token]

    def _confirm(self, offset: int) -> None:
        """Forget updates below ``offset`` (negative: keep only the last -offset)."""
        pending = self._pending
        if offset < 0:
            while len(pending) > -offset:
                pending.popleft()
        elif offset:
            while pending and pending[0]["update_id"] < offset:
                pending.popleft()

    def _select(self, limit: int) -> list[JSON]:
        allowed = self._allowed_updates
        batch: list[JSON] = []
        for update in self._pending:
            kind = next((key for key in update if key != "update_id"), "")
            if (kind in allowed) if allowed is not None else (kind not in _OPT_IN_UPDATES):
                batch.append(update)
                if len(batch) >= limit:
                    break
        return batch

    def _text_content(self, params: JSON, name: str, limit: int) -> tuple[str, list[JSON]]:
        """Validated text or caption and its entities."""
        value = params.get(name)
        text = "" if value is None else str(value)
        body, entities = format_text(text, params.get("parse_mode"))
        if not params.get("parse_mode"):
            given = params.get("entities" if name == "text" else "caption_entities")
            if given is not None:
                if not isinstance(given, list):
                    raise _bad_request("can't parse entities JSON object")
                entities = given
        if name == "text" and not body.strip():
            raise _bad_request("message text is empty")
        if len(body) > limit:
            raise _bad_request(
                "message is too long" if name == "text" else "message caption is too long"
            )
        return body, entities

    def _inline_markup(self, params: JSON) -> JSON | None:
        """Validate reply_markup; Telegram echoes it in the message only if it is inline."""
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict) or not any(
            key in markup
            for key in ("inline_keyboard", "keyboard", "remove_keyboard", "force_reply")
        ):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        keyboard = markup.get("inline_keyboard", markup.get("keyboard"))
        if keyboard is not None and not (
            isinstance(keyboard, list) and all(isinstance(row, list) for row in keyboard)
        ):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" not in markup:
            return None
        actions = (
            "callback_data",
            "url",
            "switch_inline_query",
            "login_url",
            "web_app",
            "switch_inline_query_current_chat",
            "switch_inline_query_chosen_chat",
            "copy_text",
            "callback_game",
            "pay",
        )
        for row in markup["inline_keyboard"]:
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise _bad_request("can't parse inline keyboard button: Text must be non-empty")
                if not any(key in button for key in actions):
                    raise _bad_request("text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= 64:
                    raise _bad_request("BUTTON_DATA_INVALID")
        return markup

    def _send_message(self, call: _Call) -> JSON:
        key, chat = self._require_chat(call.params)
        text, entities = self._text_content(call.params, "text", MAX_MESSAGE_LENGTH)
        markup = self._inline_markup(call.params)
        content = {"text": text, "entities": entities, "reply_markup": markup}
        return self._bot_message(call, key, chat, content)

    def _send_chat_action(self, call: _Call) -> bool:
        self._require_chat(call.params)
        if call.params.get("action") not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return True

    def _answer_callback_query(self, call: _Call) -> bool:
        query_id = str(call.params.get("callback_query_id") or "")
        if query_id not in self._callback_queries:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(call.params.get("text") or "")) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        return True

    def _commands_key(self, params: JSON) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _set_my_commands(self, call: _Call) -> bool:
        commands = call.params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request('parameter "commands" is required')
        if len(commands) > 100:
            raise _bad_request("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not isinstance(command, dict) or not _BOT_COMMAND_NAME_RE.fullmatch(
                str(command.get("command", ""))
            ):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self._commands[self._commands_key(call.params)] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    def _set_webhook(self, call: _Call) -> bool:
        url = str(call.params.get("url") or "")
        if url and not url.startswith("https://"):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if call.params.get("drop_pending_updates"):
            self._pending.clear()
        self._webhook = {"url": url} if url else {}
        for name in ("max_connections", "allowed_updates"):
            if url and name in call.params:
                self._webhook[name] = call.params[name]
        return True

    def _delete_webhook(self, call: _Call) -> bool:
        if call.params.get("drop_pending_updates"):
            self._pending.clear()
        self._webhook = {}
        return True

    def _get_webhook_info(self, call: _Call) -> JSON:
        return {
            "url": self._webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
            **{k: v for k, v in self._webhook.items() if k != "url"},
        }

    def _media(self, call: _Call, name: str) -> tuple[StoredFile | None, str | None]:
        """The uploaded or referenced file of a send method (or a URL it names)."""
        upload = call.files.get(name)
        if upload is not None:
            mime = upload.mime_type or mimetypes.guess_type(upload.file_name or "")[0]
            size = image_size(upload.data) if name == "photo" else None
            if name == "photo" and size is None:
                raise _bad_request("IMAGE_PROCESS_FAILED")
            kind = "photos" if name == "photo" else "documents"
            return self._store_file(upload.data, upload.file_name, mime, kind, size), None
        value = call.params.get(name)
        if not value:
            raise _bad_request(f"there is no {name} in the request")
        value = str(value)
        if value in self._files:
            return self._files[value], None
        if value.startswith(("http://", "https://")):
            return None, value
        raise _bad_request("wrong file identifier/HTTP URL specified")

    def _send_photo(self, call: _Call) -> JSON:
        key, chat = self._require_chat(call.params)
        stored, url = self._media(call, "photo")
        caption, entities = self._text_content(call.params, "caption", MAX_CAPTION_LENGTH)
        markup = self._inline_markup(call.params)
        if stored is None:
            stored = self._store_file(
                b"", url.rsplit("/", 1)[-1] if url else None, None, "photos", (800, 600)
            )
        width, height = stored.width or 800, stored.height or 600
        sizes = _photo_sizes(width, height, None, len(stored.data))
        for size in sizes:  # every size can be fetched (with the original's bytes)
            self._files[size["file_id"]] = stored
        content = {
            "photo": sizes,
            "caption": caption or None,
            "caption_entities": entities,
            "reply_markup": markup,
        }
        return self._bot_message(call, key, chat, content)

    def _send_document(self, call: _Call) -> JSON:
        key, chat = self._require_chat(call.params)
        stored, url = self._media(call, "document")
        caption, entities = self._text_content(call.params, "caption", MAX_CAPTION_LENGTH)
        markup = self._inline_markup(call.params)
        if stored is None:
            name = (url or "").rsplit("/", 1)[-1] or "file"
            stored = self._store_file(b"", name, mimetypes.guess_type(name)[0], "documents")
        document: JSON = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
        }
        if stored.file_name:
            document["file_name"] = stored.file_name
        if stored.mime_type:
            document["mime_type"] = stored.mime_type
        content = {
            "document": document,
            "caption": caption or None,
            "caption_entities": entities,
            "reply_markup": markup,
        }
        return self._bot_message(call, key, chat, content)

    def _editable(self, call: _Call) -> tuple[str, JSON]:
        key, _ = self._require_chat(call.params)
        message_id = call.params.get("message_id")
        if not message_id:
            raise _bad_request("message identifier is not specified")
        message = self._messages.get((key, int(message_id)))
        if message is None:
            raise _bad_request("message to edit not found")
        if message.get("from", {}).get("id") != call.bot["id"]:
            raise _bad_request("message can't be edited")
        return key, message

    def _store_edit(self, key: str, message: JSON, changes: JSON) -> JSON:
        edited = {**message, **changes, "edit_date": int(time.time())}
        edited = {k: v for k, v in edited.items() if v not in (None, [])}
        self._messages[(key, edited["message_id"])] = edited
        return edited

    def _edit_message_reply_markup(self, call: _Call) -> JSON | bool:
        markup = self._inline_markup(call.params)
        if call.params.get("inline_message_id"):
            return True
        key, message = self._editable(call)
        if message.get("reply_markup") == markup:
            raise _bad_request(_NOT_MODIFIED)
        return self._store_edit(key, message, {"reply_markup": markup})

    # ---- internals: control endpoints

    async def _http_health(self, request: web.Request) -> web.Response:
        return _json_response({"ok": True, "base_url": self.base_url, "port": self.port})

    async def _http_stats(self, request: web.Request) -> web.Response:
        return _json_response(self.stats())

    async def _http_limits(self, request: web.Request) -> web.Response:
        def apply(body: JSON) -> JSON:
            if body:
                self.enforce_limits(**body)
            else:
                self.disable_limits()
            return {"ok": True, "limits": self.stats()["limits"]}

        return await _control(request, apply)

    async def _http_reset(self, request: web.Request) -> web.Response:
        self.reset()
        return _json_response({"ok": True})

def _normalize(name: str, value: Any) -> Any:
    """Convert a parameter to the type Telegram reads it as (form values are strings)."""
    if name in _CHAT_ID_PARAMS:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise _bad_request("chat not found")
        if isinstance(value, str):
            text = value.strip()
            if re.fullmatch(r"-?\d+", text):
                return int(text)
            if text and not text.startswith("@"):
                raise _bad_request("chat not found")
            return text
        return value
    if name in _INT_PARAMS and isinstance(value, str):
        try:
            return int(value) if value.strip() else None
        except ValueError:
            raise _bad_request(f"{name} is invalid") from None
    if name in _BOOL_PARAMS and isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    if name in _JSON_PARAMS and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            if name == "reply_markup":
                raise _bad_request("can't parse reply keyboard markup JSON object") from None
            raise _bad_request(f"can't parse {name} JSON object") from None
    return value


def _public(record: JSON) -> JSON:
    """A record as JSON: file bytes become base64."""
    if not record["files"]:
        return record
    files = {}
    for name, info in record["files"].items():
        info = dict(info)
        info["data_base64"] = base64.b64encode(info.pop("data")).decode()
        files[name] = info
    return {**record, "files": files}


async def _control(request: web.Request, action: Callable[[JSON], Any]) -> web.Response:
    """Run a control action on the JSON body; bad input is a 400 with the reason."""
    try:
        body = await request.json() if request.body_exists else {}
        if not isinstance(body, dict):
            raise TypeError("the body must be a JSON object")
        return _json_response(action(body))
    except (TypeError, ValueError, KeyError) as exc:
        return _json_response({"error": f"{type(exc).__name__}: {exc}"}, 400)


# --------------------------------------------------------------------------------------------
# Running outside the caller's event loop


class EmulatorThread:
    """A :class:`BotApiEmulator` on its own thread and event loop, driven from sync code."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, **kwargs: Any) -> None:
        self.emulator = BotApiEmulator(host, port, **kwargs)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    def start(self) -> EmulatorThread:
        """Start the thread and wait until the port is bound."""
        if self._thread is not None:
            raise RuntimeError("EmulatorThread already started")
        self._thread = threading.Thread(target=self._main, name="botapi-emulator", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            self._thread.join()
            raise self._error
        return self

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self.emulator.start())
        except BaseException as exc:  # reported to start()
            self._error = exc
            self._ready.set()
            loop.close()
            return
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self.emulator.stop())
            loop.close()

    def stop(self) -> None:
        """Stop the server and the thread."""
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop = None

    def __enter__(self) -> EmulatorThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``fn`` on the emulator's loop and return its result."""

        async def run() -> T:
            return fn(*args, **kwargs)

        return self._wait(run())

    def _wait(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        if self._loop is None:
            coro.close()
            raise RuntimeError("EmulatorThread is not running")
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return future.result(timeout)

    @property
    def port(self) -> int:
        """The bound port."""
        return self.emulator.port

    @property
    def url(self) -> str:
        """http://127.0.0.1:PORT (control endpoints live under /_emulator/)."""
        return self.emulator.url

    @property
    def base_url(self) -> str:
        """For ``Bot(base_url=...)``."""
        return self.emulator.base_url

    @property
    def base_file_url(self) -> str:
        """For ``Bot(base_file_url=...)``."""
        return self.emulator.base_file_url

    def push_update(self, raw: JSON) -> JSON:
        """See :meth:`BotApiEmulator.push_update`."""
        return self._call(self.emulator.push_update, raw)

    def push_text(self, chat_id: int, text: str, **kwargs: Any) -> JSON:
        """See :meth:`BotApiEmulator.push_text`."""
        return self._call(self.emulator.push_text, chat_id, text, **kwargs)

    def push_command(self, chat_id: int, command: str, args: str = "", **kwargs: Any) -> JSON:
        """See :meth:`BotApiEmulator.push_command`."""
        return self._call(self.emulator.push_command, chat_id, command, args, **kwargs)

    def push_callback(
        self, chat_id: int, data: str, message_id: int | None = None, **kwargs: Any
    ) -> JSON:
        """See :meth:`BotApiEmulator.push_callback`."""
        return self._call(self.emulator.push_callback, chat_id, data, message_id, **kwargs)

    def add_file(self, data: bytes, **kwargs: Any) -> StoredFile:
        """See :meth:`BotApiEmulator.add_file`."""
        return self._call(self.emulator.add_file, data, **kwargs)

    def pending_updates(self) -> list[JSON]:
        """See :meth:`BotApiEmulator.pending_updates`."""
        return self._call(self.emulator.pending_updates)

    def calls(self, method: str | None = None) -> list[JSON]:
        """See :meth:`BotApiEmulator.calls`."""
        return self._call(self.emulator.calls, method)

    def sent(
        self, chat_id: int | str | None = None, method: str | None = "sendMessage"
    ) -> list[JSON]:
        """See :meth:`BotApiEmulator.sent`."""
        return self._call(self.emulator.sent, chat_id, method)

    def rejected(self, method: str | None = None, chat_id: int | str | None = None) -> list[JSON]:
        """See :meth:`BotApiEmulator.rejected`."""
        return self._call(self.emulator.rejected, method, chat_id)

    def texts(self, chat_id: int | str) -> list[str]:
        """See :meth:`BotApiEmulator.texts`."""
        return self._call(self.emulator.texts, chat_id)

    def message(self, chat_id: int | str, message_id: int) -> JSON | None:
        """See :meth:`BotApiEmulator.message`."""
        return self._call(self.emulator.message, chat_id, message_id)

    def stats(self) -> JSON:
        """See :meth:`BotApiEmulator.stats`."""
        return self._call(self.emulator.stats)

    def wait_for_messages(
        self, chat_id: int | str, count: int, timeout: float = 30.0
    ) -> list[JSON]:
        """See :meth:`BotApiEmulator.wait_for_messages`."""
        return self._wait(self.emulator.wait_for_messages(chat_id, count, timeout))

    def wait_for_sent(self, count: int, **kwargs: Any) -> list[JSON]:
        """See :meth:`BotApiEmulator.wait_for_sent`."""
        return self._wait(self.emulator.wait_for_sent(count, **kwargs))

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 30.0) -> list[JSON]:
        """See :meth:`BotApiEmulator.wait_for_calls`."""
        return self._wait(self.emulator.wait_for_calls(method, count, timeout))

    def fail_next(
        self,
        method: str | None = "sendMessage",
        retry_after: int = 1,
        count: int = 1,
        chat_id: int | str | None = None,
    ) -> None:
        """See :meth:`BotApiEmulator.fail_next`."""
        self._call(self.emulator.fail_next, method, retry_after, count, chat_id)

    def enforce_limits(
        self,
        overall_per_second: int | None = 30,
        per_chat_per_second: int | None = 1,
        per_group_per_minute: int | None = 20,
    ) -> None:
        """See :meth:`BotApiEmulator.enforce_limits`."""
        self._call(
            self.emulator.enforce_limits,
            overall_per_second,
            per_chat_per_second,
            per_group_per_minute,
        )

    def disable_limits(self) -> None:
        """See :meth:`BotApiEmulator.disable_limits`."""
        self._call(self.emulator.disable_limits)

    def reset(self) -> None:
        """See :meth:`BotApiEmulator.reset`."""
        self._call(self.emulator.reset)


# --------------------------------------------------------------------------------------------
# Command line


async def _serve(args: argparse.Namespace) -> None:
    emulator = BotApiEmulator(args.host, args.port)
    await emulator.start()
    if args.limits:
        emulator.enforce_limits(
            args.overall_per_second, args.per_chat_per_second, args.per_group_per_minute
        )
    print(
        json.dumps(
            {
                "url": emulator.url,
                "base_url": emulator.base_url,
                "base_file_url": emulator.base_file_url,
                "port": emulator.port,
            }
        ),
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await emulator.stop()


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.support.botapi_emulator --port N``: serve until SIGINT/SIGTERM.

    Prints one JSON line with url, base_url, base_file_url and port once listening.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument(
        "--limits", action="store_true", help="enforce Telegram's flood limits (429s)"
    )
    parser.add_argument("--overall-per-second", type=int, default=30)
    parser.add_argument("--per-chat-per-second", type=int, default=1)
    parser.add_argument("--per-group-per-minute", type=int, default=20)
    args = parser.parse_args(argv)
    asyncio.run(_serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
