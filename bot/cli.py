"""The ``backstep`` command: set up the database, chat in the terminal, run the bot."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.settings import get_settings


def _db_upgrade(_: argparse.Namespace) -> int:
    from bot.journal import upgrade_database

    upgrade_database()
    print(f"Database ready: {get_settings().db_url.split('@')[-1]}")
    return 0


def _chat(args: argparse.Namespace) -> int:
    from bot.chat import chat, default_conversation_id

    asyncio.run(chat(args.conversation_id or default_conversation_id()))
    return 0


def _run(args: argparse.Namespace) -> int:
    if get_settings().telegram_token:
        print(
            "TELEGRAM_BOT_TOKEN is set, but the Telegram connector is not part of this "
            "release yet. Unset it to chat in the terminal.",
            file=sys.stderr,
        )
        return 2
    return _chat(args)


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="backstep", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="database schema")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="migrate to the newest schema").set_defaults(func=_db_upgrade)

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
    logging.basicConfig(level=get_settings().log_level)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
