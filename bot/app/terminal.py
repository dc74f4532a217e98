"""A chat with the real assistant in the terminal (what `make run` opens without a token)."""

from __future__ import annotations

import asyncio
import getpass
import logging
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlparse

from sqlalchemy.exc import SQLAlchemyError

from bot.content.session_texts import PICTURE_SAVED, SESSION_KEPT
from bot.content.texts import (
    DELETE_CANCELLED,
    DELETE_CONFIRM,
    FILE_SAVED,
    PART_RESTARTED,
    SOMETHING_WENT_WRONG,
)
from bot.rasa.runtime import ActionServer, load_agent, quiet_third_party_logs, respond
from bot.services import commands, handout, lessons, session
from bot.services.safety_fallback import reply_without_dialogue
from bot.services.weekly import chart_png, is_chart_message
from bot.settings import get_settings

logger = logging.getLogger(__name__)

QUIT_WORDS = frozenset({"/quit", "/exit", "quit", "exit"})
#: The data commands the terminal answers itself, as Telegram does (see bot.services.commands).
DATA_COMMANDS = frozenset(
    {"/pause", "/resume", "/history", "/export", "/handout", "/learn", "/delete"}
)
#: Today's exercise session, answered here too (see bot.services.session).
SESSION_COMMANDS = frozenset({"/session", "/exercises"})


@dataclass
class Buttons:
    """The buttons of the latest bot message, to be picked by title or by number."""

    options: list[dict[str, Any]] = field(default_factory=list)

    def resolve(self, typed: str) -> str:
        """The payload for a typed title or number; the text itself otherwise."""
        wanted = typed.strip().lower()
        for option in self.options:
            if str(option.get("title", "")).strip().lower() == wanted:
                return str(option["payload"])
        titles_are_numbers = any(str(o.get("title", "")).isdigit() for o in self.options)
        if wanted.isdigit() and not titles_are_numbers:
            index = int(wanted) - 1
            if 0 <= index < len(self.options):
                return str(self.options[index]["payload"])
        return typed


def render(message: dict[str, Any], width: int = 78) -> str:
    """A bot message as terminal text, indented under "Backstep:", buttons underneath."""
    prefix = "Backstep: "
    indent = " " * len(prefix)
    lines: list[str] = []
    for paragraph in str(message.get("text") or "").split("\n"):
        lines.extend(textwrap.wrap(paragraph, width - len(prefix)) or [""])
    image = message.get("image")
    if isinstance(image, str) and image.startswith("file://"):  # an exercise's picture
        lines.append(PICTURE_SAVED.format(path=unquote(urlparse(image).path)))
    buttons = message.get("buttons") or []
    if buttons:
        titles = [str(b.get("title", "")) for b in buttons]
        if all(t.isdigit() for t in titles):
            lines.append("   [ " + "  ".join(titles) + " ]")
        else:
            lines.extend(f"   [{i}] {t}" for i, t in enumerate(titles, start=1))
    prefixes = [prefix] + [indent] * (len(lines) - 1)
    return "\n".join((p + line).rstrip() for p, line in zip(prefixes, lines, strict=True))


async def chat(
    conversation_id: str,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
) -> None:
    """Run the chat until the person quits; the action server lives only as long as the chat."""
    quiet_third_party_logs()
    settings = get_settings()
    write("Starting Backstep (the model takes about half a minute to load)…")
    with ActionServer() as server:
        agent = await load_agent(settings.model_path, server.url, server.headers)
        write('Ready. Say hello, or type "/quit" to leave.\n')
        buttons = Buttons()
        while True:
            try:
                typed = await asyncio.to_thread(read, "You: ")
            except (EOFError, KeyboardInterrupt):
                write("")
                break
            if typed.strip().lower() in QUIT_WORDS:
                break
            if typed.strip().lower() in SESSION_COMMANDS:
                await run_session(conversation_id, read, write)
                buttons = Buttons()
                continue
            if typed.strip().lower() in DATA_COMMANDS:
                await run_command(typed.strip().lower(), conversation_id, read, write)
                buttons = Buttons()
                continue
            server.ensure_running()
            replies = await respond(
                agent, buttons.resolve(typed), conversation_id,
                on_failure=reply_without_dialogue,
            )
            if server.ensure_running():  # it died during the turn
                replies = [*replies, {"text": PART_RESTARTED}]
            buttons = Buttons()
            for reply in replies or []:
                if is_chart_message(reply.get("custom")):
                    await save_chart(conversation_id, write)
                    continue
                write(render(reply))
                if reply.get("buttons"):
                    buttons = Buttons(list(reply["buttons"]))
    write("Bye for now. Your answers are saved; run `make run` to carry on.")


async def run_command(
    command: str, conversation_id: str, read: Callable[[str], str], write: Callable[[str], None]
) -> None:
    """A data command: say what it says; a file it makes goes under the data folder."""
    if command == "/delete":
        confirm = Buttons([{"title": DELETE_CONFIRM.yes, "payload": "yes"},
                           {"title": DELETE_CONFIRM.no, "payload": "no"}])
        write(render({"text": DELETE_CONFIRM.text, "buttons": confirm.options}))
        answer = await asyncio.to_thread(read, "You: ")
        if confirm.resolve(answer) != "yes":
            write(render({"text": DELETE_CANCELLED}))
            return
    run = {
        "/pause": lambda: commands.pause_checkins(conversation_id, paused=True),
        "/resume": lambda: commands.pause_checkins(conversation_id, paused=False),
        "/history": lambda: commands.show_history(conversation_id),
        "/export": lambda: commands.export_journal(conversation_id),
        "/handout": lambda: handout.make_handout(conversation_id),
        "/learn": lambda: lessons.learn(conversation_id),
        "/delete": lambda: commands.delete_everything(conversation_id),
    }[command]
    try:
        reply = await asyncio.to_thread(run)
    except SQLAlchemyError:
        logger.exception("The data command %s failed.", command)
        write(render({"text": SOMETHING_WENT_WRONG}))
        return
    text = reply.text
    if reply.file is not None and reply.filename:
        folder = get_settings().data_dir
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / reply.filename
        path.write_bytes(reply.file)
        text = f"{text} {FILE_SAVED.format(path=path)}"
    write(render({"text": text}))


async def save_chart(conversation_id: str, write: Callable[[str], None]) -> None:
    """The weekly summary's chart: saved under the data folder, and where is said."""
    png = await asyncio.to_thread(chart_png, conversation_id)
    if png is None:
        return
    folder = get_settings().data_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / commands.HISTORY_FILENAME
    path.write_bytes(png)
    write(render({"text": PICTURE_SAVED.format(path=path)}))


async def run_session(
    conversation_id: str, read: Callable[[str], str], write: Callable[[str], None]
) -> None:
    """/session: each exercise's text and where its picture was saved, its buttons answered
    in turn, then the end question; an answer that is no button keeps the rest for later."""
    try:
        reply = await asyncio.to_thread(session.start_session, conversation_id)
        write(render({"text": reply.text}))
        question = reply.question
        for card in reply.cards:
            text = card.text
            try:
                path = await asyncio.to_thread(session.picture_file, card)
                text = f"{text}\n{PICTURE_SAVED.format(path=path)}"
            except Exception:  # a picture that cannot be drawn must not cost the exercise
                logger.exception("The picture of %s could not be drawn.", card.exercise.id)
            options = [{"title": b.title, "payload": b.data} for b in card.buttons]
            write(render({"text": text, "buttons": options}))
            if options:
                tap = await _tap(conversation_id, options, read, write)
                if tap is None:
                    return
                question = tap.question or question
        while question is not None:
            options = [{"title": b.title, "payload": b.data} for b in question.buttons]
            write(render({"text": question.text, "buttons": options}))
            tap = await _tap(conversation_id, options, read, write)
            if tap is None:
                return
            question = tap.question
    except SQLAlchemyError:
        logger.exception("The exercise session failed.")
        write(render({"text": SOMETHING_WENT_WRONG}))


async def _tap(
    conversation_id: str,
    options: list[dict[str, Any]],
    read: Callable[[str], str],
    write: Callable[[str], None],
) -> session.TapReply | None:
    """Read one answer to ``options`` and journal it; None (said so) if it was no button."""
    typed = await asyncio.to_thread(read, "You: ")
    data = Buttons(options).resolve(typed)
    if data == typed or not session.is_session_data(data):
        write(render({"text": SESSION_KEPT}))
        return None
    tap = await asyncio.to_thread(session.answer_tap, conversation_id, data)
    for text in (tap.ack, *tap.messages):
        write(render({"text": text}))
    return tap


def default_conversation_id() -> str:
    """The terminal's conversation id: one per local user, so a chat can be continued."""
    return f"terminal-{getpass.getuser()}"
