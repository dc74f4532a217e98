"""One Telegram sending budget for every replica of the bot (scale mode).

Telegram's flood limits are per bot token: about 30 messages a second in all and one a
second per chat, whatever the number of processes, counted when a message *arrives*.
:class:`RedisBudget` keeps that budget in Redis, timed by the Redis server's clock (so hosts'
clocks do not matter), with two Lua scripts:

* ``admit`` checks the shared flood pause, the chat (its previous message answered at least
  ``per_chat_interval`` ago), the overall count and the pace (starts ``1 / 30`` s apart, so
  the places free up evenly rather than in bursts), and answers "go", with when to start
  (a place that frees within ``booking_horizon`` is booked at once), recording the message
  as in flight, or when to ask again;
* ``answered`` moves the message from "in flight" to "answered" (stamped as long before
  the script as the answer came before the call, so only the clocks' rates must agree).

A message holds its place in the overall count from its admission until **one second after
its answer**, not one second after its admission: it reaches Telegram somewhere between the
two, so any 30 messages that can arrive within one second of each other were all counted
when the last of them was admitted, whatever the delays on the way (a busy machine delays a
send by tens of milliseconds; a count by admission then lets 31 arrive within a second, and
each 429 stops every sender for a whole second). A message whose sender dies stays "in
flight" for ``in_flight_lease`` seconds at most. The price is the round trip: the bot sends
``30 / (1 + round trip)`` a second at most.

Replies come first: a reply that must wait leaves a mark that keeps one place from the
broadcast sends (:func:`bulk_sends`) until it comes back (``mark_grace`` after the wait it
was told, at most), so the next free place is the reply's; ``reserved_for_replies`` can keep
some places out of the broadcast's reach as well.

:class:`bot.telegram.ratelimit.BackstepRateLimiter` asks it after its own, in-process
admission, one message at a time per process; with no Redis configured there is no shared
budget and nothing changes. The ``limits`` library was the first choice, but every release
that supports our Redis client needs ``packaging>=21``, and Rasa 3.6 pins ``packaging<21``.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
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
    #: Places a broadcast never takes (replies also come first when they wait).
    reserved_for_replies: int = 0
    per_chat_interval: float = 1.0
    #: How long a message admitted but never answered (its sender died) holds its place:
    #: longer than a send can take (python-telegram-bot gives up after 5 s per phase).
    in_flight_lease: float = 30.0
    #: How far ahead a start may be booked: a place that frees up within this time is
    #: given at once, with the moment to start (no idle place while a sender asks again:
    #: it is told to come back this half before the place frees). About one start's pace,
    #: so that a reply finds at most one booking ahead of it.
    booking_horizon: float = 0.04
    #: How far ahead a reply's start may be booked: a reply is given the next place that
    #: frees within this time at once, where asking again for it (late on a busy machine,
    #: with its mark gone) could lose it to the broadcast, and then again.
    reply_booking_horizon: float = 1.0
    #: How long a waiting reply's mark outlives the wait it was told (a reply that does
    #: not come back keeps a place from the broadcast no longer than this).
    mark_grace: float = 0.05


@dataclass(frozen=True)
class Admission:
    """The budget's answer: admitted (its ``members``, to report the answer with; start in
    ``wait`` seconds), or not (ask again in ``wait`` seconds; ``chat``: the chat is busy)."""

    wait: float
    chat: bool = False
    members: tuple[str, ...] = ()

    @property
    def admitted(self) -> bool:
        return bool(self.members)


# KEYS: in flight (member -> lease end), answered (member -> answer time), chat key, flood
# key, waiting replies (member -> mark's end), the next paced start.
# ARGV: overall limit, places for this send (limit less the reserve for a broadcast send),
# 1 for a broadcast send, chat interval ms (0: no chat), cost, ticket, lease ms, how far
# ahead a start may be booked (ms), how long a waiting reply's mark outlives its wait (ms).
# Returns {0, ms} (admitted: start in ms), {1, ms} (the whole bot is full or paused: ask
# again in ms) or {2, ms} (the chat: ask again in ms).
_ADMIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local flood = tonumber(redis.call('GET', KEYS[4]) or '0')
if flood > now then return {1, math.ceil(flood - now)} end
local interval = tonumber(ARGV[4])
local lease = tonumber(ARGV[7])
if interval > 0 then
  local last = redis.call('GET', KEYS[3])
  if last then
    local answered = tonumber(last)
    if answered == 0 then return {2, interval} end
    if now - answered < interval then return {2, math.ceil(interval - (now - answered))} end
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
local limit = tonumber(ARGV[1])
local cost = tonumber(ARGV[5])
local bulk = tonumber(ARGV[3]) == 1
local done = redis.call('ZCARD', KEYS[2])
local marks = 0
if bulk then marks = redis.call('ZCARD', KEYS[5]) end
local excess = redis.call('ZCARD', KEYS[1]) + done + cost + marks - tonumber(ARGV[2])
local start = math.max(now, tonumber(redis.call('GET', KEYS[6]) or '0'))
if excess > 0 and excess <= done then
  local freed = redis.call('ZRANGE', KEYS[2], excess - 1, excess - 1, 'WITHSCORES')
  start = math.max(start, tonumber(freed[2]) + 1000)
end
local waiter = ARGV[6] .. ':wait'
if excess > done or start - now > tonumber(ARGV[8]) then
  local wait = start - now - tonumber(ARGV[8]) / 2  -- back a little early, to book it
  if excess > done then wait = 1000 end
  if not bulk then
    redis.call('ZADD', KEYS[5], now + wait + tonumber(ARGV[9]), waiter)
    redis.call('PEXPIRE', KEYS[5], math.ceil(wait) + 1000)
  end
  return {1, math.max(1, math.ceil(wait))}
end
for i = 1, cost do
  redis.call('ZADD', KEYS[1], start + lease, ARGV[6] .. ':' .. i)
end
redis.call('PEXPIRE', KEYS[1], math.ceil(start - now) + lease + 1000)
redis.call('SET', KEYS[6], start + cost * 1000 / limit, 'PX', 2000)
if not bulk then redis.call('ZREM', KEYS[5], waiter) end
if interval > 0 then redis.call('SET', KEYS[3], 0, 'PX', lease) end
return {0, math.ceil(start - now)}
"""

# KEYS: in flight, answered, chat key (or none). ARGV: chat interval ms, ms since the
# answer came (the answer is stamped that much before this script runs), the members.
_ANSWERED = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000 - tonumber(ARGV[2])
for i = 3, #ARGV do
  redis.call('ZREM', KEYS[1], ARGV[i])
  redis.call('ZADD', KEYS[2], now, ARGV[i])
end
redis.call('PEXPIRE', KEYS[2], 2000)
local interval = tonumber(ARGV[1])
if #KEYS > 2 and interval > 0 then
  redis.call('SET', KEYS[3], now, 'PX', interval)
end
return 1
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
        self._answered = self.red.register_script(_ANSWERED)
        self._pause = self.red.register_script(_PAUSE)

    def _chat_key(self, chat: int | str | None) -> str:
        return self.prefix + f"chat:{chat}"

    def try_admit(
        self, chat: int | str | None, cost: int = 1, bulk: bool = False, ticket: str = ""
    ) -> Admission:
        """Book a message's start if a place is free now or within ``booking_horizon``,
        else say when to ask again. ``ticket`` names one message across its tries (a
        waiting reply's mark)."""
        limits = self.limits
        cost = min(cost, limits.overall_per_second)
        places = limits.overall_per_second
        if bulk:
            places = max(1, places - limits.reserved_for_replies)
        horizon = limits.booking_horizon if bulk else limits.reply_booking_horizon
        ticket = ticket or f"{self.instance_id}:{next(self._numbers)}"
        keys = [
            self.prefix + "flying", self.prefix + "answered", self._chat_key(chat),
            self.prefix + "flood", self.prefix + "waiting", self.prefix + "paced",
        ]
        args = [
            limits.overall_per_second, places, 1 if bulk else 0,
            int(limits.per_chat_interval * 1000) if chat is not None else 0,
            cost, ticket, int(limits.in_flight_lease * 1000),
            int(horizon * 1000), int(limits.mark_grace * 1000),
        ]
        code, millis = (int(n) for n in self._admit(keys=keys, args=args))
        if code == 0:
            members = tuple(f"{ticket}:{i}" for i in range(1, cost + 1))
            return Admission(millis / 1000.0, members=members)
        return Admission(max(millis, 1) / 1000.0, chat=code == 2)

    def new_ticket(self) -> str:
        """A name for one message across its tries."""
        return f"{self.instance_id}:{next(self._numbers)}"

    async def ask(
        self, chat: int | str | None, cost: int, bulk: bool, ticket: str
    ) -> Admission | None:
        """:meth:`try_admit` from the event loop. Redis unreachable: None for a reply, which
        goes on under this replica's own limits (a late reply is worse than a rare 429); a
        broadcast send fails (its check-in is retried later)."""
        try:
            return await asyncio.to_thread(self.try_admit, chat, cost, bulk, ticket)
        except redis.RedisError as error:
            if bulk:
                raise
            logger.warning("Shared rate limit unreachable (%s); sending under the local one.",
                           type(error).__name__)
            return None

    async def admit(
        self, chat: int | str | None, cost: int = 1, bulk: bool = False
    ) -> Admission | None:
        """Wait until the message may start (its admission), or the chat's wait (None:
        Redis unreachable, see :meth:`ask`)."""
        ticket = self.new_ticket()
        while True:
            answer = await self.ask(chat, cost, bulk, ticket)
            if answer is None or answer.chat:
                return answer
            await asyncio.sleep(answer.wait)
            if answer.admitted:
                return answer

    def mark_answered(
        self, chat: int | str | None, members: tuple[str, ...], at: float | None = None
    ) -> None:
        """Telegram answered these messages (or the call failed) at ``at`` (this process's
        ``time.monotonic()``; default now): their places free up a second later, the chat's
        next message may start ``per_chat_interval`` later. The answer is stamped on the
        Redis server's clock, as long before the script runs as it came before this call."""
        since = 0 if at is None else max(0, int((time.monotonic() - at) * 1000))
        keys = [self.prefix + "flying", self.prefix + "answered"]
        if chat is not None:
            keys.append(self._chat_key(chat))
        self._answered(
            keys=keys, args=[int(self.limits.per_chat_interval * 1000), since, *members]
        )

    async def answered(
        self, chat: int | str | None, members: tuple[str, ...], at: float | None = None
    ) -> None:
        """:meth:`mark_answered`; if Redis cannot be reached the places free up when their
        lease ends."""
        try:
            await asyncio.to_thread(self.mark_answered, chat, members, at)
        except redis.RedisError as error:
            logger.warning("Could not report a send as answered: %s", type(error).__name__)

    async def pause(self, seconds: float) -> None:
        """A 429 asked for ``seconds``: every replica waits them out."""
        millis = max(1, int(seconds * 1000))
        try:
            await asyncio.to_thread(
                lambda: self._pause(keys=[self.prefix + "flood"], args=[millis])
            )
        except redis.RedisError as error:  # this replica pauses all the same
            logger.warning("Could not share a flood pause: %s", type(error).__name__)
