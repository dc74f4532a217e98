"""One replica's sending, as a process of its own, for the shared rate limit's tests:
``python -m tests.support.limited_sender REDIS_URL BOT_API_URL INSTANCE FIRST_CHAT COUNT
SHARED_CHAT SHARED_COUNT`` sends COUNT messages to chats FIRST_CHAT, FIRST_CHAT + 1, ... and
SHARED_COUNT to SHARED_CHAT, all at once, through Backstep's limiter and the Redis budget,
each held up 0 to :data:`DELAY_S` seconds on its way (a busy machine), never retried after
a 429. Prints how many were refused with a 429."""

from __future__ import annotations

import asyncio
import json
import random
import sys
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.telegram.ratelimit import BackstepRateLimiter
from bot.telegram.shared_budget import RedisBudget

#: The most a send is held up between its admission and Telegram.
DELAY_S = 0.15
BOT = "123456"


class SlowRoad(HTTPXRequest):
    """HTTP to the Bot API, each call held up for a random moment first."""

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        await asyncio.sleep(random.uniform(0, DELAY_S))
        return await super().do_request(*args, **kwargs)


async def send(argv: list[str]) -> int:
    redis_url, api_url, instance = argv[:3]
    first, count, shared, shared_count = (int(n) for n in argv[3:7])
    budget = RedisBudget(redis_url, BOT, instance)
    road = SlowRoad(connection_pool_size=64)
    bot: ExtBot[Any] = ExtBot(
        f"{BOT}:TEST", base_url=f"{api_url}/bot", request=road,
        rate_limiter=BackstepRateLimiter(budget=budget, max_retries=0),
    )
    chats = [first + n for n in range(count)] + [shared] * shared_count
    refused = 0
    async with bot:
        results = await asyncio.gather(
            *(bot.send_message(chat, f"message {n}") for n, chat in enumerate(chats)),
            return_exceptions=True,
        )
    for result in results:
        if isinstance(result, RetryAfter):
            refused += 1
        elif isinstance(result, BaseException):
            raise result
    return refused


if __name__ == "__main__":
    print(json.dumps({"refused_429": asyncio.run(send(sys.argv[1:]))}))
