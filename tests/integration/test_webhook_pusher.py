"""The bench's stand-in for Telegram's side of a webhook (bench/scale/pusher.py): updates
numbered by the emulator, POSTed with the secret, retried after anything but a 2xx (an
error status, a dropped connection) and given up after the last retry; every attempt
recorded."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from bench.scale.checks import emulator_replies
from bench.scale.pusher import REPLICA_HEADER, SECRET_HEADER, Pusher
from tests.support.botapi import BotApiEmulator, updates

SECRET = "s" * 32


class Webhook:
    """A replica that answers each POST with the next of ``answers`` (then 200)."""

    def __init__(self, answers: list[int | str]) -> None:
        self.answers = answers
        self.seen: list[tuple[int, str | None]] = []

    async def handle(self, request: web.Request) -> web.Response:
        update = await request.json()
        self.seen.append((update["update_id"], request.headers.get(SECRET_HEADER)))
        answer = self.answers.pop(0) if self.answers else 200
        if answer == "drop":  # the replica dies with the request in hand
            assert request.transport is not None
            request.transport.close()
        return web.Response(status=int(answer) if answer != "drop" else 200,
                            headers={REPLICA_HEADER: "bot1"})


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emu:
        yield emu


async def _serve(webhook: Webhook) -> tuple[web.AppRunner, str]:
    app = web.Application()
    app.router.add_post("/telegram", webhook.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}/telegram"


@pytest.mark.parametrize(
    ("answers", "attempts", "delivered"),
    [
        ([], 1, True),
        ([502, 503], 3, True),  # the load balancer found no replica, then one was busy
        (["drop"], 2, True),  # no answer at all: sent again
        ([500, 500, 500, 500], 3, False),  # given up after the last retry
    ],
)
async def test_retries_like_telegram(
    emulator: BotApiEmulator, answers: list[int | str], attempts: int, delivered: bool
) -> None:
    webhook = Webhook(list(answers))
    runner, url = await _serve(webhook)
    try:
        async with Pusher(url, SECRET, emulator.url, delays=(0.01, 0.01)) as pusher:
            delivery = await pusher.say(42, "bending forward")
    finally:
        await runner.cleanup()
    assert len(delivery.attempts) == attempts
    assert delivery.delivered is delivered
    assert {update_id for update_id, _ in webhook.seen} == {delivery.update_id}
    assert {secret for _, secret in webhook.seen} == {SECRET}
    assert delivery.update["message"]["text"] == "bending forward"
    assert delivery.update["message"]["message_id"] >= 1
    assert pusher.figures()["gave_up"] == (0 if delivered else 1)


async def test_updates_are_numbered_by_the_emulator_and_not_queued(
    emulator: BotApiEmulator,
) -> None:
    webhook = Webhook([])
    runner, url = await _serve(webhook)
    try:
        async with Pusher(url, SECRET, emulator.url) as pusher:
            done = await pusher.burst([(1, "a"), (2, "b"), (1, "c")])
    finally:
        await runner.cleanup()
    ids = [d.update_id for d in done]
    assert len(set(ids)) == 3 and ids == sorted(ids)
    assert emulator.pending_updates() == []  # a webhook's updates are not for getUpdates
    assert [d.attempts[0].replica for d in done] == ["bot1"] * 3



async def test_the_replies_a_chat_got_are_read_over_http(emulator: BotApiEmulator) -> None:
    for chat in (7, 8):
        emulator.stamp(updates.text_update(chat, "hello"))  # the chats exist
    async with aiohttp.ClientSession() as session:
        for chat, text in ((7, "first"), (8, "other chat"), (7, "second")):
            async with session.post(
                f"{emulator.base_url}123:T/sendMessage", data={"chat_id": chat, "text": text}
            ) as answer:
                assert answer.status == 200
    assert await asyncio.to_thread(emulator_replies, emulator.url, 7) == ["first", "second"]
