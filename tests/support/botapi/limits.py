"""What Telegram refuses, and how it says so: the text and file limits of the methods
Backstep calls, flood control (``429 Too Many Requests`` with retry_after) and the 429s a
test injects, and the calls it holds unanswered."""

from __future__ import annotations

import asyncio
import math
import struct
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_CALLBACK_DATA_BYTES = 64
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_FILE_BYTES = 50 * 1024 * 1024
#: A photo's width and height together, and its long side over its short side.
MAX_PHOTO_SIDES = 10_000
MAX_PHOTO_RATIO = 20


class ApiError(Exception):
    """An error answer: its HTTP status and JSON body."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code = code
        self.payload: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
        if parameters:
            self.payload["parameters"] = parameters


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def checked_text(params: dict[str, Any], name: str) -> str:
    """The ``text`` or ``caption`` of a send method. Backstep sends plain text, so a
    parse_mode is refused (formatting is not emulated) rather than passed over."""
    if params.get("parse_mode"):
        raise bad_request("parse_mode is not supported by this emulator")
    text = "" if params.get(name) is None else str(params[name])
    if name == "text" and not text.strip():
        raise bad_request("message text is empty")
    if name == "text" and len(text) > MAX_MESSAGE_LENGTH:
        raise bad_request("message is too long")
    if name == "caption" and len(text) > MAX_CAPTION_LENGTH:
        raise bad_request("message caption is too long")
    return text


def checked_photo(data: bytes) -> tuple[int, int]:
    """The (width, height) of an uploaded photo Telegram would take. Only PNGs are read
    (Backstep's chart is one); anything else is an image Telegram could not process."""
    if not data:
        raise bad_request("file must be non-empty")
    if len(data) > MAX_PHOTO_BYTES:
        raise bad_request("PHOTO_SAVE_FILE_INVALID")
    width, height = struct.unpack(">II", data[16:24]) if len(data) >= 24 else (0, 0)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or not width or not height:
        raise bad_request("IMAGE_PROCESS_FAILED")
    long, short = max(width, height), min(width, height)
    if width + height > MAX_PHOTO_SIDES or long > MAX_PHOTO_RATIO * short:
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    return width, height


def checked_animation(data: bytes) -> tuple[int, int]:
    """The (width, height) of an uploaded animation Telegram would take: a GIF (Backstep's
    exercise animations are), within the file limit."""
    if not data:
        raise bad_request("file must be non-empty")
    if len(data) > MAX_FILE_BYTES:
        raise ApiError(413, "Request Entity Too Large")
    width, height = struct.unpack("<HH", data[6:10]) if len(data) >= 10 else (0, 0)
    if data[:6] not in (b"GIF87a", b"GIF89a") or not width or not height:
        raise bad_request("wrong file type: an animation must be a GIF here")
    return width, height


def check_document(data: bytes) -> None:
    if not data:
        raise bad_request("file must be non-empty")
    if len(data) > MAX_FILE_BYTES:
        raise ApiError(413, "Request Entity Too Large")


@dataclass
class Limits:
    """Telegram's limits on the messages of one bot."""

    overall_per_second: int | None = 30
    per_chat_per_second: int | None = 1
    per_group_per_minute: int | None = 20


class FloodControl:
    """Over a limit, a 429 that says how long until the message would fit. Off until
    :attr:`limits` is set; the times are always kept, for the busiest second in stats."""

    def __init__(self) -> None:
        self.limits: Limits | None = None
        self.max_in_1s = 0
        self._times: dict[tuple[str, float], deque[float]] = {}  # by (chat or "", span)

    def admit(self, chat: str) -> None:
        """One message to ``chat`` (groups are negative), or a 429."""
        now = time.monotonic()
        limits = self.limits or Limits(None, None, None)
        windows = [("", 1.0, limits.overall_per_second), (chat, 1.0, limits.per_chat_per_second)]
        if chat.startswith("-"):
            windows.append((chat, 60.0, limits.per_group_per_minute))
        waits = []
        for key, span, cap in windows:
            times = self._times.setdefault((key, span), deque())
            while times and times[0] <= now - span:
                times.popleft()
            if cap is not None and len(times) >= cap:
                waits.append(times[0] + span - now)
        if waits:
            raise too_many_requests(max(1, math.ceil(max(waits))))
        for key, span, _ in windows:
            self._times[(key, span)].append(now)
        self.max_in_1s = max(self.max_in_1s, len(self._times[("", 1.0)]))


@dataclass
class _Failure:
    method: str | None
    chat: str | None
    retry_after: int
    count: int


class InjectedFailures:
    """429s a test asked for: the next ``count`` calls of a method (to a chat)."""

    def __init__(self) -> None:
        self._rules: list[_Failure] = []

    def add(self, method: str | None, chat: str | None, retry_after: int, count: int) -> None:
        self._rules.append(_Failure(method, chat, int(retry_after), int(count)))

    def check(self, method: str, chat: str | None) -> None:
        for rule in self._rules:
            if rule.method in (None, method) and rule.chat in (None, chat):
                rule.count -= 1
                if rule.count <= 0:
                    self._rules.remove(rule)
                raise too_many_requests(rule.retry_after)


@dataclass
class _Hold:
    method: str
    chat: str | None
    skip: int
    reached: asyncio.Event
    released: asyncio.Event


class Holds:
    """Calls a test keeps unanswered (Telegram slow to answer, or the bot killed while it
    waits): the call after the next ``skip`` matching ones waits until released. A call held
    when the bot dies is never answered, and so never counts as sent."""

    def __init__(self) -> None:
        self._rules: list[_Hold] = []

    def add(self, method: str, chat: str | None, skip: int) -> None:
        self._rules.append(_Hold(method, chat, skip, asyncio.Event(), asyncio.Event()))

    async def pass_through(self, method: str, chat: str | None) -> None:
        """Wait here if a hold applies to this call."""
        for rule in self._rules:
            if rule.method == method and rule.chat in (None, chat) and not rule.reached.is_set():
                if rule.skip > 0:
                    rule.skip -= 1
                    return
                rule.reached.set()
                await rule.released.wait()
                return

    async def wait_reached(self, timeout: float) -> None:
        """Until every hold has a call waiting on it."""
        await asyncio.wait_for(
            asyncio.gather(*(rule.reached.wait() for rule in self._rules)), timeout
        )

    def release(self) -> None:
        """Let the held calls through and forget the holds."""
        for rule in self._rules:
            rule.released.set()
        self._rules.clear()
