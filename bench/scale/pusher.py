"""Telegram's side of a webhook: POST each update to the load balancer with the secret
header, and retry what did not get a 2xx, as Telegram does.

Telegram documents only that it gives up "after a reasonable amount of attempts"; the
pusher retries a non-2xx answer, a reset connection or a timeout after 1, 2, 4, 8, 16, 32
and 60 s (about two minutes in all), then gives up and says so. Every attempt is recorded:
when, what came back and which replica answered (HAProxy's ``X-Backstep-Replica``).

The updates are made by the emulator (``/_emulator/stamp``): it numbers them and knows
their messages, as Telegram would, but does not queue them for getUpdates.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from tests.support.botapi import updates

JSON = dict[str, Any]
RETRY_DELAYS_S = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 60.0)
#: How long the pusher waits for one answer (HAProxy gives a replica 20 s).
ATTEMPT_TIMEOUT_S = 25.0
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
REPLICA_HEADER = "X-Backstep-Replica"


@dataclass
class Attempt:
    """One POST of an update."""

    started: float
    ended: float
    status: int | None  #: None: no HTTP answer (reset, refused, timed out)
    error: str | None
    replica: str | None


@dataclass
class Delivery:
    """An update and every attempt to deliver it."""

    update: JSON
    chat: int
    text: str
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def update_id(self) -> int:
        return int(self.update["update_id"])

    @property
    def delivered(self) -> bool:
        """Whether an attempt got a 2xx (Telegram then forgets the update)."""
        return any(a.status is not None and 200 <= a.status < 300 for a in self.attempts)

    @property
    def seconds(self) -> float:
        """From the first POST to the last answer."""
        return self.attempts[-1].ended - self.attempts[0].started if self.attempts else 0.0

    @property
    def retried(self) -> int:
        return max(0, len(self.attempts) - 1)


class Pusher:
    """``async with Pusher(url, secret, emulator_url) as pusher:`` then :meth:`say`,
    :meth:`conversation` or :meth:`burst`; :attr:`deliveries` holds them all."""

    def __init__(
        self,
        url: str,
        secret: str,
        emulator_url: str,
        delays: tuple[float, ...] = RETRY_DELAYS_S,
        max_connections: int = 40,
    ) -> None:
        self.url, self.secret, self.emulator_url = url, secret, emulator_url
        self.delays = delays
        self.max_connections = max_connections
        self.deliveries: list[Delivery] = []
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> Pusher:
        connector = aiohttp.TCPConnector(limit=self.max_connections, force_close=True)
        self._session = aiohttp.ClientSession(connector=connector)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._session is not None:
            await self._session.close()

    @property
    def session(self) -> aiohttp.ClientSession:
        assert self._session is not None, "use Pusher in an async with block"
        return self._session

    async def stamp(self, raw: JSON) -> JSON:
        """The update numbered by the emulator."""
        async with self.session.post(f"{self.emulator_url}/_emulator/stamp", json=raw) as answer:
            answer.raise_for_status()
            return dict(await answer.json())

    async def deliver(self, delivery: Delivery) -> Delivery:
        """POST until a 2xx, retrying as Telegram does; gives up after the last delay."""
        headers = {SECRET_HEADER: self.secret}
        timeout = aiohttp.ClientTimeout(total=ATTEMPT_TIMEOUT_S)
        for delay in (*self.delays, None):
            started = time.monotonic()
            status = replica = error = None
            try:
                async with self.session.post(
                    self.url, json=delivery.update, headers=headers, timeout=timeout
                ) as answer:
                    await answer.read()
                    status, replica = answer.status, answer.headers.get(REPLICA_HEADER)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                error = type(exc).__name__
            delivery.attempts.append(Attempt(started, time.monotonic(), status, error, replica))
            if delivery.delivered or delay is None:
                break
            await asyncio.sleep(delay)
        return delivery

    async def say(self, chat: int, text: str) -> Delivery:
        """A text message from ``chat``, delivered."""
        delivery = Delivery(await self.stamp(updates.text_update(chat, text)), chat, text)
        self.deliveries.append(delivery)
        return await self.deliver(delivery)

    async def conversation(
        self, chat: int, texts: Iterable[str], pause_s: float = 0.0
    ) -> list[Delivery]:
        """``texts`` from ``chat`` one after another, each once the one before was
        delivered (Telegram sends a chat's next update after the previous one's answer)."""
        done = []
        for text in texts:
            done.append(await self.say(chat, text))
            if pause_s:
                await asyncio.sleep(pause_s)
        return done

    async def burst(self, messages: Iterable[tuple[int, str]]) -> list[Delivery]:
        """Every message POSTed at the same moment (each retried on its own)."""
        stamped = [
            Delivery(await self.stamp(updates.text_update(chat, text)), chat, text)
            for chat, text in messages
        ]
        self.deliveries.extend(stamped)
        return list(await asyncio.gather(*(self.deliver(d) for d in stamped)))

    def figures(self) -> JSON:
        """Attempts, statuses, retries and give-ups of everything pushed so far."""
        statuses: dict[str, int] = {}
        for delivery in self.deliveries:
            for attempt in delivery.attempts:
                key = str(attempt.status) if attempt.status is not None else attempt.error or "?"
                statuses[key] = statuses.get(key, 0) + 1
        return {
            "updates": len(self.deliveries),
            "attempts": sum(len(d.attempts) for d in self.deliveries),
            "retried": sum(1 for d in self.deliveries if d.retried),
            "gave_up": sum(1 for d in self.deliveries if not d.delivered),
            "statuses": statuses,
        }
