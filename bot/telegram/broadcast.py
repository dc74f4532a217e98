"""Sending the check-ins that are due: claimed in the database first, so each goes once.

Used by the running bot every minute and by ``backstep checkins send-due`` (cron, tests,
benchmark). The check-in's first question goes out directly, without the model; when the
person answers, the connector opens the check-in in the conversation (see
:func:`bot.telegram.app.Backstep.open_pending_checkin`).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime

from telegram import Bot
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.content.responses import response
from bot.settings import Settings
from bot.store import claims
from bot.store.checkins import utcnow
from bot.telegram.keyboards import keyboard
from bot.telegram.ratelimit import rate_limiter_for
from bot.telegram.shared_budget import bulk_sends

logger = logging.getLogger(__name__)

#: Check-ins claimed per round trip to the database (about one second of sending).
BATCH = 30
#: Batches in flight: the next batch is claimed and queued while the one before goes out,
#: so the rate limiter never idles waiting for the database. At most DEPTH * BATCH
#: check-ins are claimed and not yet sent at any time.
DEPTH = 2


@dataclass
class SendReport:
    """What a run sent."""

    sent: int = 0
    undeliverable: int = 0
    retry_later: int = 0
    #: Claims found taken over by another sender before sending: not sent by this one.
    lease_lost: int = 0
    #: Sent, but the claim had been taken over meanwhile: possible duplicates.
    sent_after_lease_loss: int = 0
    chats: list[str] = field(default_factory=list)


def is_telegram_chat(conversation_id: str) -> bool:
    """Telegram chat ids are integers; other conversations (the terminal chat) are not."""
    return conversation_id.lstrip("-").isdigit()


def make_bot(settings: Settings) -> ExtBot[int]:
    """A bot for sending outside the running Application (cron, tests, benchmark)."""
    assert settings.telegram_token, "TELEGRAM_BOT_TOKEN is not set"
    base = (settings.telegram_api_base_url or "https://api.telegram.org").rstrip("/")
    return ExtBot(
        settings.telegram_token,
        base_url=f"{base}/bot",
        base_file_url=f"{base}/file/bot",
        rate_limiter=rate_limiter_for(settings),
    )


async def _send_one(bot: Bot, claim: claims.Claim, report: SendReport) -> None:
    question = response("utter_ask_checkin_pain")
    buttons = question.button_dicts()
    if not is_telegram_chat(claim.conversation_id):
        await asyncio.to_thread(claims.mark_undeliverable, claim)
        report.undeliverable += 1
        return
    try:
        await bot.send_message(
            chat_id=int(claim.conversation_id), text=question.text, reply_markup=keyboard(buttons)
        )
    except (Forbidden, BadRequest) as exc:
        # Blocked by the person, or the chat is gone: stop their schedule, don't retry.
        logger.info("Check-in %s undeliverable: %s", claim.checkin_id, type(exc).__name__)
        await asyncio.to_thread(claims.mark_undeliverable, claim)
        report.undeliverable += 1
        return
    except RetryAfter:
        # Telegram refused it (flood wait): certainly not sent, so anyone may take it now.
        logger.warning("Check-in %s not sent (flood wait); claim released", claim.checkin_id)
        await asyncio.to_thread(claims.release_claim, claim)
        report.retry_later += 1
        return
    except TelegramError as exc:
        # Network trouble: the claim stays and is taken over after its lease.
        logger.warning("Check-in %s not sent yet: %s", claim.checkin_id, type(exc).__name__)
        report.retry_later += 1
        return
    if not await asyncio.to_thread(claims.mark_sent, claim):
        report.sent_after_lease_loss += 1
    report.sent += 1
    report.chats.append(claim.conversation_id)


async def _send_batch(bot: Bot, batch: list[claims.Claim], report: SendReport) -> None:
    """Renew the batch's leases, then send what is still this sender's."""
    held = await asyncio.to_thread(claims.renew_claims, batch)
    # a claim whose lease ran out and that another sender took over: that one sends it
    report.lease_lost += len(batch) - len(held)
    await asyncio.gather(
        *(_send_one(bot, claim, report) for claim in batch if claim.checkin_id in held)
    )


async def send_due(
    bot: Bot,
    now: datetime | None = None,
    *,
    stop: asyncio.Event | None = None,
    batch: int = BATCH,
) -> SendReport:
    """Send every check-in due at ``now`` (default: the current time), batch by batch.

    Setting ``stop`` finishes the batches in flight (at most ``DEPTH * batch`` check-ins)
    and returns: nothing claimed is left unsent by a graceful stop. Its sends are broadcast
    sends (the bulk class of the shared rate limit, which leaves room for replies).
    """
    with bulk_sends():
        return await _send_batches(bot, now, stop, batch)


async def _send_batches(
    bot: Bot, now: datetime | None, stop: asyncio.Event | None, batch: int
) -> SendReport:
    report = SendReport()
    sending: deque[asyncio.Task[None]] = deque()
    try:
        while stop is None or not stop.is_set():
            moment = now or utcnow()
            claimed = await asyncio.to_thread(claims.claim_due, moment, limit=batch)
            if not claimed:
                break
            sending.append(asyncio.create_task(_send_batch(bot, claimed, report)))
            if len(sending) >= DEPTH:
                await sending.popleft()
            if report.retry_later:
                break  # Telegram is unreachable: try again on the next run
    finally:
        # However the loop ended, the check-ins already claimed go out and are marked.
        await asyncio.gather(*sending)
    return report
