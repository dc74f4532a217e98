"""One Telegram sending budget for every replica of the bot (scale mode).

Telegram's flood limits are per bot token: about 30 messages a second in all and one a
second per chat, whatever the number of processes. :class:`RedisBudget` keeps that budget in
Redis: each message start is admitted by one Lua script (atomic on the server, timed by the
server's clock, so hosts' clocks do not matter) that checks the shared flood pause, a sliding
one-second log of starts (``overall``), a smaller log for broadcast sends (``bulk``, so a
check-in broadcast always leaves room for replies) and the chat's last start; it answers
"go" (and records the start) or how many milliseconds to wait. A 429 seen by any replica
pauses all of them (:meth:`RedisBudget.pause`).

:class:`bot.telegram.ratelimit.BackstepRateLimiter` asks it after its own, in-process
admission (which keeps each replica's sends paced and each chat's in order); with no Redis
configured there is no shared budget and nothing changes. The ``limits`` library was the
first choice, but every release that supports our Redis client needs ``packaging>=21``,
and Rasa 3.6 pins ``packaging<21``.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import redis

logger = logging.getLogger(__name__)

#: Sends of a broadcast (check-ins) while this is set: the bulk class.
_bulk: ContextVar[bool] = ContextVar("backstep_bulk_sends", default=False)


@contextmanager
def bulk_sends() -> Iterator[None]:
    """Messages sent inside this block (and the tasks it starts) are broadcast sends."""
    token = _bulk.set(True)
    try:
        yield
    finally:
        _bulk.reset(token)


def is_bulk() -> bool:
    """Whether the current send belongs to a broadcast."""
    return _bulk.get()


@dataclass(frozen=True)
class SharedLimits:
    """Telegram's limits as the whole bot must keep them."""

    overall_per_second: int = 30
    #: Broadcast sends per second at most: the rest of ``overall`` is kept for replies.
    bulk_per_second: int = 25
    per_chat_interval: float = 1.0


# KEYS: overall log, bulk log, chat key, flood key. ARGV: overall limit, bulk limit (0 for
# a reply), chat interval ms (0: no chat), cost, member prefix.
_ADMIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local flood = tonumber(redis.call('GET', KEYS[4]) or '0')
if flood > now then return flood - now end
local cost = tonumber(ARGV[4])
local function wait_for(key, limit)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - 1000)
  local excess = redis.call('ZCARD', key) + cost - limit
  if excess <= 0 then return 0 end
  local oldest = redis.call('ZRANGE', key, excess - 1, excess - 1, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + 1000 - now)
end
local wait = wait_for(KEYS[1], tonumber(ARGV[1]))
if tonumber(ARGV[2]) > 0 then wait = math.max(wait, wait_for(KEYS[2], tonumber(ARGV[2]))) end
local interval = tonumber(ARGV[3])
if interval > 0 then
  local last = tonumber(redis.call('GET', KEYS[3]) or '0')
  if last > 0 and now - last < interval then wait = math.max(wait, interval - (now - last)) end
end
if wait > 0 then return wait end
for i = 1, cost do
  redis.call('ZADD', KEYS[1], now, ARGV[5] .. ':' .. i)
  if tonumber(ARGV[2]) > 0 then redis.call('ZADD', KEYS[2], now, ARGV[5] .. ':' .. i) end
end
redis.call('PEXPIRE', KEYS[1], 2000)
if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[2], 2000) end
if interval > 0 then redis.call('SET', KEYS[3], now, 'PX', interval) end
return 0
"""

# KEYS: flood key. ARGV: pause ms. Extends the pause, never shortens it.
_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ms = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ms > current then redis.call('SET', KEYS[1], until_ms, 'PX', tonumber(ARGV[1])) end
return until_ms
"""


class RedisBudget:
    """The bot's shared sending budget, kept in Redis under ``bk:rl:<bot id>:``."""

    def __init__(
        self,
        url: str,
        bot_id: str,
        instance_id: str,
        limits: SharedLimits | None = None,
        socket_timeout: float = 2.0,
    ) -> None:
        self.red = redis.Redis.from_url(url, socket_timeout=socket_timeout)
        self.limits = limits or SharedLimits()
        self.prefix = f"bk:rl:{bot_id}:"
        self.instance_id = instance_id
        self._numbers = itertools.count()
        self._admit = self.red.register_script(_ADMIT)
        self._pause = self.red.register_script(_PAUSE)

    def try_admit(self, chat: int | str | None, cost: int = 1, bulk: bool = False) -> float:
        """Record a message start if the budget allows it now (0.0), else the seconds to
        wait before asking again."""
        limits = self.limits
        cost = min(cost, limits.overall_per_second)
        keys = [
            self.prefix + "all", self.prefix + "bulk",
            self.prefix + f"chat:{chat}", self.prefix + "flood",
        ]
        args = [
            limits.overall_per_second,
            min(limits.bulk_per_second, limits.overall_per_second) if bulk else 0,
            int(limits.per_chat_interval * 1000) if chat is not None else 0,
            cost,
            f"{self.instance_id}:{next(self._numbers)}",
        ]
        return float(self._admit(keys=keys, args=args)) / 1000.0

    async def admit(self, chat: int | str | None, cost: int = 1, bulk: bool = False) -> None:
        """Wait until the whole bot may start this message (a broadcast send: ``bulk``).

        Redis unreachable: a reply goes on under this replica's own limits (a late reply is
        worse than a rare 429), a broadcast send fails (its check-in is retried later)."""
        while True:
            try:
                delay = await asyncio.to_thread(self.try_admit, chat, cost, bulk)
            except redis.RedisError as error:
                if bulk:
                    raise
                logger.warning("Shared rate limit unreachable (%s); sending under the local "
                               "one.", type(error).__name__)
                return
            if delay <= 0:
                return
            await asyncio.sleep(delay)

    async def pause(self, seconds: float) -> None:
        """A 429 asked for ``seconds``: every replica waits them out."""
        millis = max(1, int(seconds * 1000))
        try:
            await asyncio.to_thread(
                lambda: self._pause(keys=[self.prefix + "flood"], args=[millis])
            )
        except redis.RedisError as error:  # this replica pauses all the same
            logger.warning("Could not share a flood pause: %s", type(error).__name__)
