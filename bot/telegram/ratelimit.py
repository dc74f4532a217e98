"""Keeps every Bot API call of Backstep inside Telegram's flood limits; splits long texts.

Telegram allows a bot about 30 messages a second overall and one a second in any one chat;
going faster earns HTTP 429 with ``retry_after``. :class:`BackstepRateLimiter` is given to
``ApplicationBuilder().rate_limiter(...)`` so that each call of the bot passes through it.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import heapq
import itertools
import logging
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.settings import Settings
from bot.telegram.shared_budget import Admission, RedisBudget, is_bulk

logger = logging.getLogger(__name__)

JSONDict = dict[str, Any]
Result = bool | JSONDict | list[JSONDict]
Callback = Callable[..., Coroutine[Any, Any, Result]]

WINDOW = 1.0
"""The length in seconds of the window that ``overall_per_second`` counts over."""

# Endpoints that post something into a chat start with one of these; all of them are counted
# as messages except the ones below (a "typing…" indicator is not a message).
_MESSAGE_PREFIXES = ("send", "copy", "forward")
_NOT_MESSAGES = frozenset({"sendChatAction"})
# Endpoints that post several messages at once count once per item towards the overall limit.
_ITEMS_OF = {
    "sendMediaGroup": "media",
    "copyMessages": "message_ids",
    "forwardMessages": "message_ids",
}
# Never wait for less than this: a clock may not advance by a tiny amount (float rounding).
_MIN_SLEEP = 1e-6
_PRUNE_AT_LEAST = 1024


def is_message_endpoint(endpoint: str) -> bool:
    """Whether a call to ``endpoint`` sends a message into a chat (and counts towards limits)."""
    return endpoint.startswith(_MESSAGE_PREFIXES) and endpoint not in _NOT_MESSAGES


def retry_after_seconds(exc: RetryAfter) -> float:
    """The wait a 429 asks for, in seconds, whether PTB gives it as int, float or timedelta."""
    with warnings.catch_warnings():  # PTB 22 warns that the int form is deprecated
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value: object = exc.retry_after
    if isinstance(value, dtm.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, int | float):
        seconds = float(value)
    else:
        raise TypeError(f"unexpected retry_after of type {type(value).__name__}")
    return max(seconds, 0.0)


def _chat_key(chat_id: object) -> int | str | None:
    """One key per chat, whether its id came as int or as a string of digits."""
    if chat_id is None:
        return None
    if isinstance(chat_id, int):
        return chat_id
    text = str(chat_id).strip()
    try:
        return int(text)
    except ValueError:
        return text  # "@channelname"


def _message_cost(endpoint: str, data: dict[str, Any]) -> int:
    """How many messages a call posts (an album of 5 photos posts 5)."""
    key = _ITEMS_OF.get(endpoint)
    items = data.get(key) if key else None
    return max(1, len(items)) if isinstance(items, list | tuple) else 1


@dataclass
class _ChatGate:
    """Per-chat state: a FIFO lock for the chat's messages and when the latest was answered."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_answer: float | None = None
    users: int = 0


@dataclass(frozen=True)
class _Ticket:
    """A message admitted and not yet answered: what its answer frees."""

    cost: int
    chat: int | str | None
    gate: _ChatGate | None
    members: tuple[str, ...] = ()


class _Turns:
    """Admission, one message at a time: replies before broadcast sends, each class in order
    of arrival."""

    def __init__(self) -> None:
        self._busy = False
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    async def acquire(self, bulk: bool) -> None:
        if not self._busy:
            self._busy = True
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (int(bulk), next(self._order), future)
        heapq.heappush(self._waiting, entry)
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()  # the turn came just as the caller gave up: pass it on
            elif entry in self._waiting:
                self._waiting.remove(entry)
                heapq.heapify(self._waiting)
            raise

    @property
    def replies_waiting(self) -> bool:
        """Whether a reply is waiting for its turn."""
        return bool(self._waiting) and self._waiting[0][0] == 0

    def release(self) -> None:
        while self._waiting:
            future = heapq.heappop(self._waiting)[2]
            if not future.done():
                future.set_result(None)  # handed over: still busy
                return
        self._busy = False


class BackstepRateLimiter(BaseRateLimiter[int]):
    """Throttles messages to Telegram's limits and rides out flood waits (HTTP 429).

    Telegram counts a message when it arrives, which is some time after the limiter lets it
    go (a busy machine delays a send by tens of milliseconds) and before its answer comes
    back. So a message holds its place from its start until one second after its answer:

    * Message calls (see :func:`is_message_endpoint`) hold at most ``overall_per_second``
      places, each from its start until ``WINDOW`` after its answer, and start at least
      ``1 / overall_per_second`` apart so that a broadcast flows evenly. Albums and bulk
      copies/forwards count once per item. With instant answers that is exactly 30 starts
      in any second; with a round trip of ``r`` seconds, ``30 / (1 + r)`` a second.
    * Message calls with a ``chat_id`` also start at least ``per_chat_interval`` seconds after
      the chat's previous message was answered, and one at a time in the order they came (a
      call and its retries finish before the chat's next message starts). A message waiting
      for its chat does not hold up messages to other chats.
    * Replies come first: messages sent inside :func:`bot.telegram.shared_budget.bulk_sends`
      (the check-in broadcast) are admitted only when no other message is waiting, so people
      talking to the bot never queue behind a broadcast. Within each class, first come,
      first served.
    * On :exc:`telegram.error.RetryAfter` every call except ``getUpdates`` pauses until the
      flood wait is over; the failed call is then retried, at most ``max_retries`` times
      (``rate_limit_args``, an int, overrides that per call), after which the error is raised.
      Other errors are raised at once and never retried, so no message is sent twice.
    * ``getUpdates`` is passed straight through; other calls that are not messages are never
      throttled, only paused during a flood wait.

    ``clock`` and ``sleep`` may be replaced (tests use a fake clock). In scale mode
    ``budget`` (:class:`bot.telegram.shared_budget.RedisBudget`) is the whole bot's budget,
    asked after this process's own admission by one message at a time; a reply it tells to
    wait waits outside that turn, so the replies of many chats wait for their places side
    by side, each keeping one from the broadcast. Answers and flood waits are shared
    through it too.
    """

    __slots__ = (
        "_answer_came",
        "_answers",
        "_budget",
        "_chats",
        "_clock",
        "_in_flight",
        "_max_retries",
        "_next_paced",
        "_overall",
        "_paused_until",
        "_per_chat",
        "_prune_at",
        "_sleep",
        "_spacing",
        "_turns",
    )

    def __init__(
        self,
        overall_per_second: int = 30,
        per_chat_interval: float = 1.0,
        max_retries: int = 10,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        budget: RedisBudget | None = None,
    ) -> None:
        if overall_per_second < 1:
            raise ValueError("overall_per_second must be at least 1")
        if per_chat_interval < 0:
            raise ValueError("per_chat_interval must not be negative")
        if max_retries < 0:
            raise ValueError("max_retries must not be negative")
        self._overall = int(overall_per_second)
        self._spacing = WINDOW / self._overall
        self._per_chat = float(per_chat_interval)
        self._max_retries = max_retries
        self._clock = clock
        self._sleep = sleep
        self._turns = _Turns()
        self._in_flight = 0  # message items started and not answered
        self._answers: deque[float] = deque()  # answer times within the last WINDOW
        self._answer_came = asyncio.Event()
        self._next_paced = float("-inf")
        self._paused_until = float("-inf")
        self._chats: dict[int | str, _ChatGate] = {}
        self._prune_at = _PRUNE_AT_LEAST
        self._budget = budget

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Forget the per-chat state of idle chats."""
        self._chats = {key: gate for key, gate in self._chats.items() if gate.users}

    @property
    def paused_until(self) -> float:
        """The clock time at which the current flood wait ends (in the past if none)."""
        return self._paused_until

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Call ``callback`` once the limits allow, retrying after flood waits."""
        if endpoint == "getUpdates":
            return await callback(*args, **kwargs)
        max_retries = self._max_retries if rate_limit_args is None else rate_limit_args

        async def call() -> Result:
            return await callback(*args, **kwargs)

        async def no_ticket() -> None:
            await self._wait_out_flood()

        if not is_message_endpoint(endpoint):
            return await self._send(call, no_ticket, endpoint, max_retries)
        cost = min(_message_cost(endpoint, data), self._overall)
        chat = _chat_key(data.get("chat_id"))
        bulk = is_bulk()
        if chat is None:

            async def start() -> _Ticket:
                return await self._start(None, None, cost, bulk)

            return await self._send(call, start, endpoint, max_retries)
        gate = self._gate(chat)

        async def start_in_chat() -> _Ticket:
            return await self._start(chat, gate, cost, bulk)

        gate.users += 1
        try:
            # Held until the call is done, retries included: a chat's messages arrive in order.
            # Only this chat's later messages queue behind it.
            async with gate.lock:
                return await self._send(call, start_in_chat, endpoint, max_retries)
        finally:
            gate.users -= 1

    async def _send(
        self,
        call: Callable[[], Awaitable[Result]],
        start: Callable[[], Awaitable[_Ticket | None]],
        endpoint: str,
        max_retries: int,
    ) -> Result:
        """``start()`` then ``call()``; after a flood wait, again, up to ``max_retries`` times."""
        attempt = 0
        while True:
            ticket = await start()
            try:
                return await call()
            except RetryAfter as exc:
                seconds = retry_after_seconds(exc)
                self._paused_until = max(self._paused_until, self._clock() + seconds)
                if self._budget is not None:
                    await self._budget.pause(seconds)
                if attempt >= max_retries:
                    logger.error(
                        "Telegram flood control on %s after %d retries; giving up",
                        endpoint,
                        attempt,
                    )
                    raise
                attempt += 1
                logger.warning(
                    "Telegram flood control on %s: all sends pause for %.3g s (retry %d of %d)",
                    endpoint,
                    seconds,
                    attempt,
                    max_retries,
                )
            finally:
                if ticket is not None:
                    await self._answered(ticket)

    async def _start(
        self, chat: int | str | None, gate: _ChatGate | None, cost: int, bulk: bool
    ) -> _Ticket:
        """Wait until a message of ``cost`` items may start (its chat, its turn, a place
        here and in the shared budget); it is then in flight."""
        # one name in the shared budget across its tries (a waiting reply's mark)
        name = self._budget.new_ticket() if self._budget is not None else ""
        while True:
            if gate is not None and gate.last_answer is not None:
                while (delay := self._per_chat - (self._clock() - gate.last_answer)) > 0:
                    await self._wait(delay)
            await self._turns.acquire(bulk)
            try:
                await self._wait_for_place(cost)
                shared = await self._shared_start(chat, cost, bulk, name)
                admitted = shared is None or shared.admitted
                if admitted:
                    self._in_flight += cost
                    self._next_paced = self._clock() + cost * self._spacing
                wait = 0.0 if shared is None else shared.wait
            finally:
                self._turns.release()
            if not admitted:
                # aside: its chat is busy, a reply goes first, or (a reply) the whole bot's
                # budget is full and it waits for a place beside other chats' replies
                await self._wait(wait)
                continue
            ticket = _Ticket(cost, chat, gate, shared.members if shared else ())
            if wait > 0:  # until the start the budget booked
                try:
                    await self._wait(wait)
                except BaseException:
                    await self._answered(ticket)  # given up before it went: free its place
                    raise
            return ticket

    async def _shared_start(
        self, chat: int | str | None, cost: int, bulk: bool, ticket: str
    ) -> Admission | None:
        """The shared budget's admission (None: no budget, or Redis unreachable for a
        reply); or, not admitted, the time to step aside for. A reply steps aside at
        once: it waits for its place outside this process's turn (keeping one from the
        broadcast by its mark), so the replies of many chats wait side by side rather than
        one after another."""
        if self._budget is None:
            return None
        while True:
            answer = await self._budget.ask(chat, cost, bulk, ticket)
            if answer is None or answer.admitted or answer.chat or not bulk:
                return answer
            if self._turns.replies_waiting:
                return Admission(_MIN_SLEEP)  # let this replica's reply ask first
            await self._wait(answer.wait)

    async def _answered(self, ticket: _Ticket) -> None:
        """Telegram answered (or the call failed): the places free up ``WINDOW`` from now."""
        now = self._clock()
        self._in_flight -= ticket.cost
        self._answers.extend([now] * ticket.cost)
        self._answer_came.set()
        if ticket.gate is not None:
            ticket.gate.last_answer = now
        if self._budget is not None and ticket.members:
            await self._budget.answered(ticket.chat, ticket.members, time.monotonic())

    async def _wait(self, delay: float) -> None:
        await self._sleep(max(delay, _MIN_SLEEP))

    async def _wait_out_flood(self) -> None:
        """Return once no flood wait is in force."""
        while (delay := self._paused_until - self._clock()) > 0:
            await self._wait(delay)

    async def _wait_for_place(self, cost: int) -> None:
        """Wait (holding the turn) until ``cost`` places are free, paced, and not paused."""
        while True:
            delay = self._place_delay(self._clock(), cost)
            if delay is None:  # every place is held by a message still in flight
                self._answer_came.clear()
                await self._answer_came.wait()
            elif delay > 0:
                await self._wait(delay)
            else:
                return

    def _place_delay(self, now: float, cost: int) -> float | None:
        """How long a message of ``cost`` items must still wait at ``now`` (≤ 0: may start;
        None: until a message in flight is answered)."""
        answers = self._answers
        while answers and now - answers[0] >= WINDOW:
            answers.popleft()
        delay = max(self._paused_until - now, self._next_paced - now)
        excess = self._in_flight + len(answers) + cost - self._overall
        if excess > len(answers):
            return None
        if excess > 0:  # the oldest `excess` answers must be a WINDOW old first
            delay = max(delay, WINDOW - (now - answers[excess - 1]))
        return delay

    def _gate(self, chat: int | str) -> _ChatGate:
        """The gate of ``chat``; drops gates of idle chats now and then (amortised O(1))."""
        if len(self._chats) >= self._prune_at:
            now = self._clock()
            self._chats = {
                key: gate
                for key, gate in self._chats.items()
                if gate.users
                or (gate.last_answer is not None and now - gate.last_answer < self._per_chat)
            }
            self._prune_at = max(_PRUNE_AT_LEAST, 2 * len(self._chats))
        gate = self._chats.get(chat)
        if gate is None:
            gate = self._chats[chat] = _ChatGate()
        return gate


def rate_limiter_for(settings: Settings) -> BackstepRateLimiter:
    """This process's limiter: its own limits for one instance; in scale mode
    (BACKSTEP_REDIS_URL) the whole bot's budget in Redis as well."""
    if settings.redis_url is None:
        return BackstepRateLimiter()
    bot_id = (settings.telegram_token or "").split(":", 1)[0]  # the bot's id, not its secret
    return BackstepRateLimiter(
        budget=RedisBudget(settings.redis_url, bot_id, settings.instance_id)
    )
