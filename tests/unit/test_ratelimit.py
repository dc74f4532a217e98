"""The Bot API rate limiter keeps Telegram's limits on a fake clock; long texts split cleanly."""

from __future__ import annotations

import asyncio
import datetime as dtm
import heapq
import itertools
import json
import logging
import re
from collections.abc import Awaitable
from typing import Any

import pytest
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import RetryAfter
from telegram.ext import ApplicationBuilder, ExtBot
from telegram.request import BaseRequest, RequestData

from bot.telegram.ratelimit import (
    BackstepRateLimiter,
    is_message_endpoint,
    retry_after_seconds,
)
from bot.telegram.shared_budget import Admission, bulk_sends
from bot.telegram.splitting import split_message, utf16_len

ODVInput = DefaultValue[float] | float | DefaultValue[None] | None
SECRET = "my back hurts since the fall"  # health data: must never reach the logs


@pytest.fixture(scope="session")
def event_loop_policy() -> asyncio.AbstractEventLoopPolicy:
    """CPython's own loop: the fake clock reads its queue of runnable callbacks (importing
    Rasa elsewhere in the session switches the default to uvloop, which has none)."""
    return asyncio.DefaultEventLoopPolicy()


class FakeClock:
    """Virtual time. ``sleep`` parks a task; ``run`` moves the clock to the next wake-up
    whenever every task is blocked, so schedules are exact and nothing really sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        assert seconds > 0, "the limiter should not ask for empty sleeps"
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + seconds, next(self._order), future))
        await future

    async def run(self, *jobs: Awaitable[Any]) -> list[Any]:
        """Run ``jobs`` concurrently to the end; their results (or exceptions) in order."""
        tasks = [asyncio.ensure_future(job) for job in jobs]
        while True:
            await _settle()
            if all(task.done() for task in tasks):
                return await asyncio.gather(*tasks, return_exceptions=True)
            assert self._sleepers, "deadlock: tasks wait but nobody sleeps"
            wake, _, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, wake)
            if not future.done():  # a sleeper cancelled meanwhile has gone
                future.set_result(None)


async def _settle() -> None:
    """Let every task run until all of them wait (for the fake clock or for each other)."""
    loop = asyncio.get_running_loop()
    for _ in range(10_000):
        await asyncio.sleep(0)
        if not getattr(loop, "_ready", ()):  # CPython's queue of runnable callbacks
            return
    raise AssertionError("the event loop never went idle")


class Bot:
    """Calls through the limiter the way ExtBot does, logging each call's start."""

    def __init__(self, clock: FakeClock, **options: Any) -> None:
        self.clock = clock
        self.limiter = BackstepRateLimiter(clock=clock, sleep=clock.sleep, **options)
        self.calls: list[tuple[float, str, Any]] = []
        self.answers: list[tuple[float, Any]] = []
        self.failures: dict[Any, list[BaseException]] = {}
        #: How long Telegram takes to answer (each message arrives at some point meanwhile).
        self.round_trip = 0.0

    async def call(
        self, endpoint: str = "sendMessage", chat: Any = None, retries: int | None = None
    ) -> Any:
        data: dict[str, Any] = {} if chat is None else {"chat_id": chat}
        if endpoint.startswith("send"):
            data["text"] = SECRET

        async def callback(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((self.clock.now, endpoint, chat))
            if self.round_trip:
                await self.clock.sleep(self.round_trip)
            self.answers.append((self.clock.now, chat))
            pending = self.failures.get(chat)
            if pending:
                raise pending.pop(0)
            return {"chat": chat, "endpoint": endpoint}

        return await self.limiter.process_request(
            callback, (endpoint, data), {"read_timeout": None}, endpoint, data, retries
        )

    def starts(self, endpoint: str = "sendMessage", chat: Any = ...) -> list[float]:
        return [t for t, e, c in self.calls if e == endpoint and (chat is ... or c == chat)]


def most_in_one_second(starts: list[float]) -> int:
    """The most starts within any half-open window of one second."""
    starts = sorted(starts)
    return max(
        sum(1 for later in starts[i:] if later - first < 1.0) for i, first in enumerate(starts)
    )


# --- the limits ------------------------------------------------------------------------


async def test_a_broadcast_to_100_chats_runs_at_30_a_second_and_no_faster() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    results = await clock.run(*(bot.call(chat=chat) for chat in range(100)))

    assert results == [{"chat": chat, "endpoint": "sendMessage"} for chat in range(100)]
    starts = bot.starts()
    assert len(starts) == 100 and sorted(c for _, _, c in bot.calls) == list(range(100))
    assert most_in_one_second(starts) == 30
    assert starts[-1] == pytest.approx(99 / 30)  # 3.3 s: the limit is used in full
    assert starts == sorted(starts)  # first come, first served


async def test_messages_to_one_chat_start_a_second_apart() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    await clock.run(*(bot.call(chat=42) for _ in range(5)))

    starts = bot.starts()
    assert starts == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(starts))


async def test_a_chat_waiting_for_its_turn_does_not_hold_up_other_chats() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    await clock.run(bot.call(chat="A"), bot.call(chat="A"), bot.call(chat="A"), bot.call(chat="B"))

    assert bot.starts(chat="A") == [0.0, 1.0, 2.0]
    assert bot.starts(chat="B") == [pytest.approx(1 / 30)]


async def test_string_and_integer_chat_ids_are_the_same_chat() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    await clock.run(bot.call(chat=7), bot.call(chat="7"))

    assert bot.starts() == [0.0, 1.0]


async def test_a_chat_and_a_broadcast_share_the_limit_in_order_of_arrival() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    jobs = [bot.call(chat="A") for _ in range(4)] + [bot.call(chat=n) for n in range(80)]
    await clock.run(*jobs)

    assert most_in_one_second(bot.starts()) <= 30
    broadcast = [t for t, _, chat in bot.calls if chat != "A"]
    assert broadcast == pytest.approx([n / 30 for n in range(1, 81)])  # not slowed by A
    # A's second message was ready at 1.0 s, behind the 80 queued before it; then 1 s apart.
    assert bot.starts(chat="A") == pytest.approx([0.0, 81 / 30, 81 / 30 + 1, 81 / 30 + 2])


async def test_a_message_holds_its_place_until_a_second_after_its_answer() -> None:
    """Telegram counts a message when it arrives, some time between its start and its
    answer; so at no moment may more than 30 be between their start and a second after
    their answer, however long the answers take."""
    clock = FakeClock()
    bot = Bot(clock)
    bot.round_trip = 0.25
    await clock.run(*(bot.call(chat=chat) for chat in range(70)))

    starts = bot.starts()
    spans = [(start, answer + 1.0) for start, (answer, _) in zip(starts, bot.answers, strict=True)]
    assert max(sum(1 for s, e in spans if s <= t < e) for t in starts) == 30
    assert starts[30] == pytest.approx(1.25)  # the first place is free 1 s after its answer
    assert starts[60] == pytest.approx(2.5)


async def test_a_chats_next_message_starts_a_second_after_the_previous_answer() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    bot.round_trip = 0.3
    await clock.run(*(bot.call(chat=42) for _ in range(3)))

    assert bot.starts() == pytest.approx([0.0, 1.3, 2.6])


async def _bulk(job: Awaitable[Any]) -> Any:
    with bulk_sends():
        return await job


async def test_replies_go_before_a_queued_broadcast() -> None:
    clock = FakeClock()
    bot = Bot(clock)

    async def reply_at(moment: float, chat: str) -> Any:
        await clock.sleep(moment)
        return await bot.call(chat=chat)

    await clock.run(
        *(_bulk(bot.call(chat=n)) for n in range(90)),
        reply_at(0.1, "A"), reply_at(0.1, "B"), reply_at(1.5, "C"),
    )

    # each reply takes the next paced start, not a place behind the 90 queued check-ins
    assert bot.starts(chat="A") == [pytest.approx(4 / 30)]
    assert bot.starts(chat="B") == [pytest.approx(5 / 30)]
    assert bot.starts(chat="C") == [pytest.approx(1.5 + 1 / 30)]  # behind the one due at 1.5
    broadcast = [t for t, _, chat in bot.calls if isinstance(chat, int)]
    assert broadcast == sorted(broadcast) and len(broadcast) == 90  # in order, all of them
    assert most_in_one_second(bot.starts()) == 30


class BusyBudget:
    """A shared budget whose places all go to other replicas' replies until ``busy_until``:
    this replica's broadcast sends are told to wait, its replies go at once."""

    def __init__(self, clock: FakeClock, busy_until: float) -> None:
        self.clock, self.busy_until = clock, busy_until

    def new_ticket(self) -> str:
        return "ticket"

    async def ask(self, chat: Any, cost: int, bulk: bool, ticket: str) -> Admission:
        if bulk and self.clock.now < self.busy_until:
            return Admission(0.1)
        return Admission(0.0, members=(ticket,))

    async def answered(self, chat: Any, members: tuple[str, ...], at: float) -> None:
        pass


async def test_a_broadcast_send_waiting_for_the_shared_budget_lets_a_reply_ask_first() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    bot.limiter = BackstepRateLimiter(
        clock=clock, sleep=clock.sleep, budget=BusyBudget(clock, 5.0)  # type: ignore[arg-type]
    )

    async def reply_at(moment: float) -> Any:
        await clock.sleep(moment)
        return await bot.call(chat="A")

    await clock.run(_bulk(bot.call(chat=1)), reply_at(0.5))

    assert bot.starts(chat="A")[0] <= 0.6  # not behind the check-in the budget holds back
    assert bot.starts(chat=1) == [pytest.approx(5.0, abs=0.1)]


async def test_a_send_given_up_on_frees_its_place() -> None:
    clock = FakeClock()
    bot = Bot(clock, overall_per_second=2)
    bot.round_trip = 30.0  # Telegram does not answer
    stuck = [asyncio.ensure_future(bot.call(chat=n)) for n in range(2)]

    async def give_up_then_send() -> Any:
        await clock.sleep(5.0)
        for task in stuck:
            task.cancel()
        return await bot.call(chat=9)

    results = await clock.run(give_up_then_send(), *stuck)

    assert results[0] == {"chat": 9, "endpoint": "sendMessage"}
    assert bot.starts(chat=9) == [6.0]  # a second after the two were given up


async def test_an_album_counts_once_per_photo() -> None:
    clock = FakeClock()
    bot = Bot(clock)

    async def album(chat: int) -> Any:
        data = {"chat_id": chat, "media": [object()] * 10}
        return await bot.limiter.process_request(
            _record(bot, "sendMediaGroup", chat), (), {}, "sendMediaGroup", data, None
        )

    await clock.run(*(album(chat) for chat in range(4)))  # 40 messages

    assert bot.starts("sendMediaGroup") == [0.0, pytest.approx(1 / 3), pytest.approx(2 / 3), 1.0]


def _record(bot: Bot, endpoint: str, chat: Any) -> Any:
    async def callback(*args: Any, **kwargs: Any) -> bool:
        bot.calls.append((bot.clock.now, endpoint, chat))
        return True

    return callback


async def test_chat_actions_and_other_calls_do_not_count_towards_the_limits() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    others = ["sendChatAction"] * 40 + ["answerCallbackQuery", "editMessageText", "getMe"] * 10
    await clock.run(
        *(bot.call(chat=n) for n in range(3)),
        *(bot.call(endpoint, chat=1) for endpoint in others),
    )

    assert bot.starts(chat=...) == [0.0, pytest.approx(1 / 30), pytest.approx(2 / 30)]
    assert {t for t, e, _ in bot.calls if e != "sendMessage"} == {0.0}


@pytest.mark.parametrize(
    ("endpoint", "counted"),
    [
        ("sendMessage", True),
        ("sendPhoto", True),
        ("sendDocument", True),
        ("sendMediaGroup", True),
        ("sendVoice", True),
        ("sendPoll", True),
        ("sendDice", True),
        ("copyMessage", True),
        ("forwardMessage", True),
        ("forwardMessages", True),
        ("sendChatAction", False),
        ("getUpdates", False),
        ("answerCallbackQuery", False),
        ("editMessageText", False),
        ("setMyCommands", False),
        ("getMe", False),
    ],
)
def test_which_calls_are_messages(endpoint: str, counted: bool) -> None:
    assert is_message_endpoint(endpoint) is counted


async def test_limits_are_configurable() -> None:
    clock = FakeClock()
    bot = Bot(clock, overall_per_second=2, per_chat_interval=0.5)
    await clock.run(*(bot.call(chat=n) for n in range(4)), bot.call(chat=0))

    assert bot.starts() == [0.0, 0.5, 1.0, 1.5, 2.0]
    assert most_in_one_second(bot.starts()) == 2


# --- flood waits (429) -----------------------------------------------------------------


@pytest.mark.parametrize("retry_after", [2, 2.0, dtm.timedelta(seconds=2)])
async def test_a_flood_wait_is_waited_out_then_the_message_is_retried(
    retry_after: Any, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock()
    bot = Bot(clock)
    bot.failures[1] = [RetryAfter(retry_after)]
    with caplog.at_level(logging.WARNING):
        [result] = await clock.run(bot.call(chat=1))

    assert result == {"chat": 1, "endpoint": "sendMessage"}
    assert bot.starts() == [0.0, 2.0]
    [record] = caplog.records
    assert record.levelno == logging.WARNING and "2 s" in record.getMessage()
    assert SECRET not in caplog.text


async def test_during_a_flood_wait_every_chat_and_call_pauses_except_get_updates() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    bot.failures[1] = [RetryAfter(2)]

    async def later(delay: float, job: Awaitable[Any]) -> Any:
        await clock.sleep(delay)
        return await job

    results = await clock.run(
        bot.call(chat=1),
        *(bot.call(chat=n) for n in range(2, 6)),
        later(0.5, bot.call("sendChatAction", chat=3)),
        later(0.5, bot.call("answerCallbackQuery")),
        later(0.5, bot.call("getUpdates")),
    )

    assert not any(isinstance(r, BaseException) for r in results)
    retried, others = bot.starts(chat=1)[1], bot.starts(chat=...)[1:]
    assert bot.starts(chat=1)[0] == 0.0 and 2.0 <= retried < 2.5
    assert len(others) == 5 and min(others) >= 2.0  # nobody was sent during the wait
    assert most_in_one_second(others) <= 30
    assert bot.starts("sendChatAction") == [2.0]
    assert bot.starts("answerCallbackQuery") == [2.0]
    assert bot.starts("getUpdates") == [0.5]


async def test_a_flood_wait_that_does_not_end_is_raised_after_max_retries() -> None:
    clock = FakeClock()
    bot = Bot(clock, max_retries=3)
    bot.failures[1] = [RetryAfter(1) for _ in range(10)]
    [error] = await clock.run(bot.call(chat=1))

    assert isinstance(error, RetryAfter)
    assert bot.starts() == [0.0, 1.0, 2.0, 3.0]  # the first try and 3 retries


async def test_rate_limit_args_set_the_retries_of_one_call() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    bot.failures[1] = [RetryAfter(1)]
    [error] = await clock.run(bot.call(chat=1, retries=0))

    assert isinstance(error, RetryAfter)
    assert bot.starts() == [0.0]


async def test_other_errors_are_not_retried() -> None:
    clock = FakeClock()
    bot = Bot(clock)
    bot.failures[1] = [TimeoutError("maybe delivered")]
    [error] = await clock.run(bot.call(chat=1))

    assert isinstance(error, TimeoutError)
    assert len(bot.calls) == 1  # sending again might deliver the message twice


async def test_get_updates_is_never_delayed() -> None:
    clock = FakeClock()
    bot = Bot(clock, max_retries=0)
    bot.failures[1] = [RetryAfter(60)]

    async def later(job: Awaitable[Any]) -> Any:
        await clock.sleep(0.5)
        return await job

    await clock.run(
        *(bot.call(chat=n) for n in range(1, 40)),  # a flood wait, and a full window after it
        *(later(bot.call("getUpdates")) for _ in range(5)),
    )

    assert bot.limiter.paused_until == 60.0 and min(bot.starts()[1:]) >= 60.0
    assert bot.starts("getUpdates") == [0.5] * 5


def test_retry_after_is_read_in_seconds_whatever_its_type() -> None:
    class FloatRetryAfter(RetryAfter):
        @property
        def retry_after(self) -> float:  # type: ignore[override]
            return 1.5

    assert retry_after_seconds(RetryAfter(3)) == 3.0
    assert retry_after_seconds(RetryAfter(dtm.timedelta(milliseconds=1500))) == 1.5
    assert retry_after_seconds(FloatRetryAfter(1)) == 1.5


async def test_the_per_chat_memory_stays_bounded() -> None:
    clock = FakeClock()
    bot = Bot(clock, overall_per_second=1000)

    async def one_by_one() -> None:
        for chat in range(5000):
            await bot.call(chat=chat)

    await clock.run(one_by_one())

    assert len(bot.starts()) == 5000
    assert len(bot.limiter._chats) <= 2048


# --- with the real python-telegram-bot -------------------------------------------------


def test_the_application_builder_accepts_the_limiter() -> None:
    limiter = BackstepRateLimiter()
    app = ApplicationBuilder().token("123:ABC").rate_limiter(limiter).build()

    assert app.bot.rate_limiter is limiter


class FakeTelegram(BaseRequest):
    """Answers the Bot API like Telegram would; the first ``floods`` sends get a 429."""

    def __init__(self, floods: int = 0) -> None:
        self.floods = floods
        self.endpoints: list[str] = []
        self.texts: list[str] = []

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput = None,
        write_timeout: ODVInput = None,
        connect_timeout: ODVInput = None,
        pool_timeout: ODVInput = None,
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        self.endpoints.append(endpoint)
        user = {"id": 123, "is_bot": True, "first_name": "Backstep", "username": "backstep_bot"}
        if endpoint == "getMe":
            return 200, json.dumps({"ok": True, "result": user}).encode()
        params = request_data.parameters if request_data else {}
        self.texts.append(str(params.get("text")))
        if self.floods:
            self.floods -= 1
            body = {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 2",
                "parameters": {"retry_after": 2},
            }
            return 429, json.dumps(body).encode()
        message = {
            "message_id": 1,
            "date": 0,
            "chat": {"id": int(str(params["chat_id"])), "type": "private"},
            "from": user,
            "text": params.get("text", ""),
        }
        return 200, json.dumps({"ok": True, "result": message}).encode()


async def test_ptb_sends_through_the_limiter_and_it_rides_out_a_real_429() -> None:
    clock = FakeClock()
    seen: list[tuple[float, str]] = []

    class Spy(BackstepRateLimiter):
        async def process_request(self, *args: Any, **kwargs: Any) -> Any:
            seen.append((clock.now, kwargs["endpoint"]))
            return await super().process_request(*args, **kwargs)

    limiter = Spy(clock=clock, sleep=clock.sleep)
    telegram = FakeTelegram(floods=1)
    bot = ExtBot("123:ABC", request=telegram, get_updates_request=telegram, rate_limiter=limiter)
    await bot.initialize()
    [first, second] = await clock.run(
        bot.send_message(chat_id=5, text=SECRET), bot.send_message(chat_id=5, text="and now")
    )

    assert (first.text, second.text) == (SECRET, "and now")
    assert [e for _, e in seen] == ["getMe", "sendMessage", "sendMessage"]
    assert telegram.endpoints == ["getMe", "sendMessage", "sendMessage", "sendMessage"]
    assert telegram.texts == [SECRET, SECRET, "and now"]  # retried in place, still in order
    assert clock.now == 3.0  # 429 at 0, retry at 2, the chat's next message a second later
    await bot.shutdown()


# --- splitting long texts ----------------------------------------------------------------

PARAGRAPH = " ".join(["Walk for ten minutes. Keep your back straight and breathe out slowly."] * 10)


def _without_whitespace(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("text", "limit", "expected_parts"),
    [
        ("Short and sweet.", 4096, 1),
        ("", 4096, 0),
        (" \n\n ", 4096, 0),
        ("\n\n".join([PARAGRAPH] * 8), 4096, 2),  # ~5,600 characters in paragraphs
        ("x" * 10_000, 4096, 3),  # one long word: hard cuts
        ("🙂" * 3000, 4096, 2),  # 6,000 UTF-16 code units
        ("a🙂" * 2000, 4096, 2),
        ("Stand up. 🙂 " * 600, 4096, 2),
    ],
    ids=["short", "empty", "blank", "paragraphs", "long-word", "emoji", "mixed", "sentences"],
)
def test_split_message_table(text: str, limit: int, expected_parts: int) -> None:
    parts = split_message(text, limit)

    assert len(parts) == expected_parts
    assert all(part.strip() for part in parts)
    assert all(utf16_len(part) <= limit for part in parts)
    assert _without_whitespace("".join(parts)) == _without_whitespace(text)


def test_a_short_text_is_returned_untouched() -> None:
    assert split_message("  Hi!\n\nHow is your back today?  ") == [
        "  Hi!\n\nHow is your back today?  "
    ]


def test_paragraphs_are_kept_whole_and_joined_back_exactly() -> None:
    text = "\n\n".join([PARAGRAPH] * 8)
    parts = split_message(text)

    assert "\n\n".join(parts) == text
    assert all(part.endswith("slowly.") for part in parts[:-1])


def test_a_long_word_is_cut_hard_and_nothing_is_lost() -> None:
    text = "x" * 10_000
    parts = split_message(text)

    assert [len(p) for p in parts] == [4096, 4096, 1808]
    assert "".join(parts) == text


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("one two three four", 9, ["one two", "three", "four"]),
        ("Sit down. Stand up now. Go", 16, ["Sit down.", "Stand up now. Go"]),
        ("line one\nline two\n\npara two", 20, ["line one\nline two", "para two"]),
        ("first line\nsecond. line", 19, ["first line", "second. line"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_split_prefers_paragraphs_then_lines_then_sentences_then_spaces(
    text: str, limit: int, expected: list[str]
) -> None:
    assert split_message(text, limit) == expected


def test_emoji_are_counted_as_telegram_counts_them_and_never_cut_in_half() -> None:
    parts = split_message("🙂" * 3000)

    assert [utf16_len(p) for p in parts] == [4096, 1904]
    assert "".join(parts) == "🙂" * 3000


def test_a_joined_emoji_is_not_split_at_a_hard_cut() -> None:
    family = "👩\u200d👩\u200d👧"  # one visible character, 8 UTF-16 code units
    parts = split_message("ab" + family + "cd", limit=8)

    assert parts == ["ab", family, "cd"]


def test_a_flag_is_not_split_at_a_hard_cut() -> None:
    assert split_message("a🇫🇷🇫🇷", limit=6) == ["a🇫🇷", "🇫🇷"]


def test_limit_must_hold_an_emoji() -> None:
    with pytest.raises(ValueError):
        split_message("hello", limit=1)
