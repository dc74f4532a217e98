"""Updates waiting for the bot: pushed by a test, served by getUpdates (long polling,
confirmed by offset). A webhook that is set blocks getUpdates, as on Telegram, but nothing
is POSTed to it."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from .limits import ApiError, bad_request
from .records import Signal

JSON = dict[str, Any]


class UpdateQueue:
    """Update ids count on over :meth:`clear`, so a live poller stays in step."""

    def __init__(self) -> None:
        self.last_update_id = 0
        self.closing = False
        self.arrived = Signal()
        self.clear()

    def clear(self) -> None:
        self.pending: deque[JSON] = deque()
        #: Updates delivered again with their old update_id (see :meth:`redeliver`).
        self.again: deque[JSON] = deque()
        self.webhook = ""

    def redeliver(self, update: JSON) -> JSON:
        """Deliver ``update`` once more with its own update_id, whatever the offset, as
        Telegram does when it retries a webhook call that got no answer."""
        self.again.append(dict(update))
        self.arrived.notify()
        return update

    def number(self, update: JSON) -> JSON:
        """Give ``update`` the next update_id (without queuing it: a webhook's updates are
        POSTed by whoever plays Telegram, :mod:`bench.scale.pusher`)."""
        self.last_update_id += 1
        update["update_id"] = self.last_update_id
        return update

    def push(self, update: JSON) -> JSON:
        """Number ``update`` and queue it; wakes the poller."""
        self.pending.append(self.number(update))
        self.arrived.notify()
        return update

    async def get_updates(self, params: JSON) -> list[JSON]:
        """Forget the updates below ``offset``, then wait up to ``timeout`` seconds for
        some and answer at most ``limit`` (Backstep asks for every kind of update)."""
        if self.webhook:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        while self.pending and (
            len(self.pending) > -offset if offset < 0 else self.pending[0]["update_id"] < offset
        ):
            self.pending.popleft()
        if self.again:
            repeats = list(self.again)
            self.again.clear()
            return repeats
        deadline = time.monotonic() + int(params.get("timeout") or 0)
        while True:
            remaining = deadline - time.monotonic()
            if self.again:
                repeats = list(self.again)
                self.again.clear()
                return repeats
            if self.pending or remaining <= 0 or self.closing:
                return list(self.pending)[: min(100, max(1, int(params.get("limit") or 100)))]
            await self.arrived.wait(remaining)

    def set_webhook(self, params: JSON) -> bool:
        url = str(params.get("url") or "")
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.delete_webhook(params)
        self.webhook = url
        return True

    def delete_webhook(self, params: JSON) -> bool:
        if params.get("drop_pending_updates"):
            self.pending.clear()
        self.webhook = ""
        return True
