"""The ``backstep`` command: set up the database, chat in the terminal, run the bot."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from contextlib import ExitStack

from bot.settings import SettingsError, get_settings, migrate_on_start, set_role


def _db_upgrade(_: argparse.Namespace) -> int:
    from bot.store.journal import upgrade_database

    set_role("migrate")
    upgrade_database()  # on PostgreSQL, upgrades started together run one after another
    print(f"Database ready: {get_settings().db_url.split('@')[-1]}")
    return 0


def _chat(args: argparse.Namespace) -> int:
    from bot.app.terminal import chat, default_conversation_id
    from bot.store.journal import upgrade_database

    set_role("chat")
    upgrade_database()  # a new data folder works from the first message
    asyncio.run(chat(args.conversation_id or default_conversation_id()))
    return 0


def _run(args: argparse.Namespace) -> int:
    settings = get_settings()
    if not settings.telegram_token:
        return _chat(args)
    from bot.store.guard import AlreadyRunning, single_instance
    from bot.store.journal import upgrade_database
    from bot.store.schema import StaleSchema, require_current
    from bot.telegram.running import serve

    set_role("bot")
    with ExitStack() as held:
        try:
            if not settings.scale_mode:  # one instance: refuse a second against this database
                held.enter_context(single_instance(settings.db_url))
            if migrate_on_start():
                upgrade_database()
            else:  # several replicas: `backstep db upgrade` ran once, before them
                require_current()
        except (AlreadyRunning, StaleSchema) as refused:
            print(f"Backstep did not start: {refused}", file=sys.stderr)
            return 1
        asyncio.run(serve(settings))
    return 0


def _send_due(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from bot.telegram.broadcast import make_bot, send_due

    set_role("sender")
    settings = get_settings()
    if not settings.telegram_token:
        print("TELEGRAM_BOT_TOKEN is not set: no check-ins can be sent.", file=sys.stderr)
        return 2
    now = None
    if args.now:
        try:
            now = datetime.fromisoformat(args.now.replace("Z", "+00:00"))
        except ValueError:
            print(f"--now: not an ISO-8601 time: {args.now!r}", file=sys.stderr)
            return 2
        if now.tzinfo is None:
            now = now.replace(tzinfo=timezone.utc)

    async def run() -> int:
        # SIGTERM (systemd, docker stop, a timeout): send what is claimed, then exit 0; every
        # check-in claimed is then sent and marked, none waits for the claim lease.
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        async with make_bot(settings) as bot:
            report = await send_due(bot, now, stop=stop)
        print(
            f"Check-ins sent: {report.sent}; undeliverable: {report.undeliverable}; "
            f"to retry: {report.retry_later}; taken over before sending: {report.lease_lost}; "
            f"sent after lease loss: {report.sent_after_lease_loss}"
            + ("; stopped by SIGTERM" if stop.is_set() else "")
        )
        return 0

    return asyncio.run(run())


def _set_webhook(args: argparse.Namespace) -> int:
    from bot.telegram.broadcast import make_bot
    from bot.telegram.webhook import register_webhook

    settings = get_settings()
    missing = [
        name for name, value in (
            ("TELEGRAM_BOT_TOKEN", settings.telegram_token),
            ("TELEGRAM_WEBHOOK_URL", settings.telegram_webhook_url),
            ("TELEGRAM_WEBHOOK_SECRET", settings.telegram_webhook_secret),
        ) if not value
    ]
    if missing:
        print(f"Set {', '.join(missing)} first: every replica checks that secret.",
              file=sys.stderr)
        return 2
    secret = settings.telegram_webhook_secret or ""

    async def run() -> None:
        async with make_bot(settings) as bot:
            await register_webhook(
                bot, settings, secret,
                max_connections=args.max_connections,
                drop_pending_updates=args.drop_pending_updates,
            )

    asyncio.run(run())
    print(f"Webhook set: {settings.telegram_webhook_url} (max {args.max_connections} connections)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="backstep", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="database schema")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="migrate to the newest schema").set_defaults(func=_db_upgrade)

    checkins = sub.add_parser("checkins", help="daily check-ins")
    checkins_sub = checkins.add_subparsers(dest="checkins_command", required=True)
    send = checkins_sub.add_parser("send-due", help="send the check-ins that are due (for cron)")
    send.add_argument("--now", help="pretend it is this time (ISO-8601; UTC unless it says)")
    send.set_defaults(func=_send_due)

    telegram = sub.add_parser("telegram", help="Telegram set-up")
    telegram_sub = telegram.add_subparsers(dest="telegram_command", required=True)
    hook = telegram_sub.add_parser(
        "set-webhook",
        help="register TELEGRAM_WEBHOOK_URL with its fixed TELEGRAM_WEBHOOK_SECRET, once "
        "per deploy (replicas with TELEGRAM_WEBHOOK_SET=0 never do)",
    )
    hook.add_argument("--max-connections", type=int, default=40,
                      help="webhook calls Telegram keeps open at once (1-100; default 40)")
    hook.add_argument("--drop-pending-updates", action="store_true",
                      help="forget the updates waiting at Telegram")
    hook.set_defaults(func=_set_webhook)

    for name, func, text in (
        ("chat", _chat, "chat with Backstep in the terminal"),
        ("run", _run, "run Backstep: Telegram with a token, else the terminal chat"),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("--conversation-id", help="continue this conversation")
        command.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``backstep`` command."""
    args = build_parser().parse_args(argv)
    try:
        settings = get_settings()
    except SettingsError as error:
        print(f"backstep: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
