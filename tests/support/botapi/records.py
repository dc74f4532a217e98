"""The record of every Bot API call and its answer: what tests inspect, count and wait for."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

JSON = dict[str, Any]


class Signal:
    """Wakes every waiter on each notify (a fresh asyncio.Event per generation)."""

    def __init__(self) -> None:
        self._event: asyncio.Event | None = None

    def notify(self) -> None:
        if self._event is not None:
            self._event.set()
            self._event = None

    async def wait(self, timeout: float) -> None:
        self._event = self._event or asyncio.Event()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._event.wait(), timeout)


class CallLog:
    """Every call, oldest first: a dict of method, token, params, files (file_name,
    mime_type, size and data of each upload), chat, ts, monotonic, then the answer's
    status, ok, result, error and retry_after (of a 429)."""

    def __init__(self) -> None:
        self.closing = False
        self._activity = Signal()
        self._clear_log()

    def _clear_log(self) -> None:
        self._calls: list[JSON] = []
        self._counts: JSON = {"total": 0, "per_chat": {}, "rejected_429": 0}
        self._counts |= dict.fromkeys(("first_ts", "last_ts", "first_monotonic", "last_monotonic"))
        self._activity.notify()

    def _canonical(self, method: str) -> str:
        """The method's name as the API spells it (names are case-insensitive)."""
        return method

    def _open(self, token: str, method: str, params: JSON, files: dict[str, JSON]) -> JSON:
        chat = params.get("chat_id")
        record: JSON = {
            "method": method,
            "token": token,
            "params": params,
            "files": files,
            "chat": str(chat) if chat else None,
            "ts": time.time(),
            "monotonic": time.monotonic(),
        }
        record |= dict.fromkeys(("status", "ok", "result", "error", "retry_after"))
        self._calls.append(record)
        self._activity.notify()
        return record

    def _close(self, record: JSON, status: int, payload: JSON) -> None:
        """The answer; a delivered sendMessage counts in stats."""
        record.update(status=status, ok=status == 200)
        if status == 200:
            record["result"] = payload["result"]
        else:
            record["error"] = payload["description"]
        if status == 429:
            record["retry_after"] = payload["parameters"]["retry_after"]
            self._counts["rejected_429"] += 1
        if status == 200 and record["method"] == "sendMessage":
            counts, chat = self._counts, record["chat"]
            counts["total"] += 1
            counts["per_chat"][chat] = counts["per_chat"].get(chat, 0) + 1
            if counts["first_ts"] is None:
                counts.update(first_ts=record["ts"], first_monotonic=record["monotonic"])
            counts.update(last_ts=record["ts"], last_monotonic=record["monotonic"])
        self._activity.notify()

    def calls(self, method: str | None = None) -> list[JSON]:
        """Every call (any outcome) of ``method``, or of any method."""
        name = None if method is None else self._canonical(method)
        return [r for r in self._calls if name in (None, r["method"])]

    def sent(
        self, chat_id: int | str | None = None, method: str | None = "sendMessage"
    ) -> list[JSON]:
        """Successful calls of ``method`` (None: of any method), optionally to one chat."""
        chat = None if chat_id is None else str(chat_id)
        return [r for r in self.calls(method) if r["ok"] and chat in (None, r["chat"])]

    def rejected(self, method: str | None = None, chat_id: int | str | None = None) -> list[JSON]:
        """Calls answered 429 (injected or flood control)."""
        chat = None if chat_id is None else str(chat_id)
        return [r for r in self.calls(method) if r["status"] == 429 and chat in (None, r["chat"])]

    def texts(self, chat_id: int | str) -> list[str]:
        """The text of each delivered sendMessage to ``chat_id``."""
        return [r["params"]["text"] for r in self.sent(chat_id)]

    def callback_answers(self) -> list[JSON]:
        """The parameters of each answerCallbackQuery that succeeded."""
        return [r["params"] for r in self.sent(method="answerCallbackQuery")]

    def stats(self) -> JSON:
        """Delivered sendMessage calls in total and per chat, the first and last one's
        times, and 429s (JSON-ready)."""
        return {**self._counts, "per_chat": dict(self._counts["per_chat"])}

    async def _until(
        self, found: Callable[[], list[JSON]], count: int, what: str, timeout: float
    ) -> list[JSON]:
        deadline = time.monotonic() + timeout
        while len(records := found()) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.closing:
                said = [r["params"].get("text", r["params"].get("caption")) for r in records]
                failed = [
                    f"{r['method']} {r['status']} {r['error']}" for r in self._calls if r["error"]
                ]
                raise AssertionError(
                    f"expected {count} {what} within {timeout}s, got {len(records)}: "
                    f"{said!r}; recent failed calls: {failed[-10:]}"
                )
            await self._activity.wait(remaining)
        return records

    async def wait_for_sent(
        self,
        count: int,
        *,
        chat_id: int | str | None = None,
        method: str = "sendMessage",
        timeout: float = 30.0,
    ) -> list[JSON]:
        """Wait for ``count`` successful ``method`` calls (to ``chat_id``); if they do not
        come, an AssertionError that says what did."""
        what = f"{method} call(s)" + ("" if chat_id is None else f" to chat {chat_id}")
        return await self._until(lambda: self.sent(chat_id, method), count, what, timeout)

    async def wait_for_messages(
        self, chat_id: int | str, count: int, timeout: float = 30.0
    ) -> list[JSON]:
        """Wait for ``count`` delivered sendMessage calls to ``chat_id``."""
        return await self.wait_for_sent(count, chat_id=chat_id, timeout=timeout)

    async def wait_for_calls(
        self, method: str, count: int = 1, timeout: float = 30.0
    ) -> list[JSON]:
        """Wait until ``count`` calls of ``method`` have arrived (answered or not yet)."""
        return await self._until(lambda: self.calls(method), count, f"{method} call(s)", timeout)
