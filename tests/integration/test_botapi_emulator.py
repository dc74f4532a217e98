"""The Bot API emulator answers python-telegram-bot the way Telegram does, for the methods
Backstep calls: texts, keyboards and callbacks, files, polling and the webhook, the limits
and the 429s."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ChatAction
from telegram.error import BadRequest, Conflict, EndPointNotFound, NetworkError, RetryAfter
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.support.botapi import BotApiEmulator, EmulatorThread
from tests.support.botapi.updates import (
    edited_text_update,
    group_text_update,
    location_update,
    photo_update,
    sticker_update,
    voice_update,
)

TOKEN = "123:ABC"
ROOT = Path(__file__).resolve().parents[2]
YES = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])


@pytest.fixture
async def emu() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator() as emulator:
        yield emulator


@pytest.fixture
async def bot(emu: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emu.base_url, base_file_url=emu.base_file_url) as client:
        yield client


def png(width: int, height: int, padding: int = 0) -> bytes:
    """A valid PNG of one white colour (plus ``padding`` bytes after its end)."""

    def chunk(tag: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(tag + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", crc)

    rows = zlib.compress(b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    image = chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + image + b"\x00" * padding


def seconds(value: int | float | dtm.timedelta) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB's settings."""
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def post(emu: BotApiEmulator, method: str, **form: Any) -> tuple[int, dict[str, Any]]:
    """A raw Bot API request, form-encoded as python-telegram-bot sends it."""
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{emu.base_url}{TOKEN}/{method}", data=form) as response,
    ):
        return response.status, await response.json()


def http_json(url: str, body: dict[str, Any] | None = None) -> Any:
    """GET (or POST ``body`` to) a control endpoint from sync code."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


async def test_get_me_is_a_bot_named_after_the_token(emu: BotApiEmulator, bot: Bot) -> None:
    me = await bot.get_me()

    assert me.is_bot and me.id == 123
    assert (me.username, me.first_name) == ("backstep_test_bot", "Backstep")
    assert me.can_join_groups is True and me.supports_inline_queries is False
    assert [call["token"] for call in emu.calls("getMe")] == [TOKEN, TOKEN]  # initialize + ours


async def test_send_message_round_trips_the_inline_keyboard_and_is_recorded(
    emu: BotApiEmulator, bot: Bot
) -> None:
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("Yes", callback_data="yes")],
            [InlineKeyboardButton("No", callback_data="no")],
        ]
    )

    first = await bot.send_message(42, "Does it hurt?", reply_markup=keyboard)
    second = await bot.send_message(42, "Plain")
    other_chat = await bot.send_message(43, "Hi")

    assert first.text == "Does it hurt?"
    assert first.reply_markup == keyboard
    assert first.chat.id == 42 and first.chat.type == "private"
    assert first.from_user is not None and first.from_user.is_bot and first.from_user.id == 123
    assert isinstance(first.date, dtm.datetime)
    assert (first.message_id, second.message_id, other_chat.message_id) == (1, 2, 1)
    assert second.reply_markup is None
    records = emu.sent(42)
    assert [r["params"]["text"] for r in records] == ["Does it hurt?", "Plain"]
    assert records[0]["params"]["chat_id"] == 42
    assert records[0]["params"]["reply_markup"] == keyboard.to_dict()
    assert records[0]["result"]["message_id"] == 1
    assert emu.texts(43) == ["Hi"]
    assert len(emu.sent()) == 3


async def test_keyboards_are_checked_and_only_inline_ones_echoed(
    emu: BotApiEmulator, bot: Bot
) -> None:
    message = await bot.send_message(1, "Pick", reply_markup=ReplyKeyboardMarkup([["A", "B"]]))

    assert message.reply_markup is None  # Telegram only echoes inline keyboards
    assert emu.sent(1)[0]["params"]["reply_markup"]["keyboard"] == [[{"text": "A"}, {"text": "B"}]]
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="x" * 65)]])
    with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
        await bot.send_message(1, "Pick", reply_markup=too_long)
    markup = json.dumps({"inline_keyboard": [[{"text": "No action"}]]})
    assert await post(emu, "sendMessage", chat_id="1", text="Pick", reply_markup=markup) == (
        400,
        {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: text buttons are unallowed in the inline keyboard",
        },
    )


async def test_get_updates_returns_pushed_text_command_and_callback(
    emu: BotApiEmulator, bot: Bot
) -> None:
    question = await bot.send_message(7, "Ready?", reply_markup=YES)
    emu.push_text(7, "hello there")
    emu.push_command(7, "/start")
    emu.push_callback(7, "yes")

    text, command, callback = await bot.get_updates()

    assert text.message is not None and text.message.text == "hello there"
    assert text.message.from_user is not None and text.message.from_user.id == 7
    assert text.message.message_id == 2  # message ids are per chat, shared with the bot
    assert command.message is not None and command.message.text == "/start"
    assert command.message.entities == (
        MessageEntity(MessageEntity.BOT_COMMAND, offset=0, length=6),
    )
    query = callback.callback_query
    assert query is not None and query.data == "yes"
    assert isinstance(query.message, Message) and query.message.message_id == question.message_id
    assert query.message.reply_markup == question.reply_markup
    assert await query.answer("Noted") is True
    assert emu.callback_answers()[0]["text"] == "Noted"
    assert text.update_id < command.update_id < callback.update_id


async def test_answering_an_unknown_callback_query_is_a_bad_request(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query("no-such-query")


async def test_offset_confirms_updates_and_limit_caps_them(emu: BotApiEmulator, bot: Bot) -> None:
    ids = [emu.push_text(5, f"m{i}")["update_id"] for i in range(3)]

    assert [u.update_id for u in await bot.get_updates(limit=2)] == ids[:2]
    assert [u.update_id for u in await bot.get_updates()] == ids
    assert [u.update_id for u in await bot.get_updates(offset=ids[1])] == ids[1:]
    assert [u["update_id"] for u in emu.pending_updates()] == ids[1:]
    assert await bot.get_updates(offset=ids[-1] + 1) == ()
    assert emu.pending_updates() == []


async def test_long_poll_returns_as_soon_as_an_update_is_pushed(
    emu: BotApiEmulator, bot: Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=20))
    await emu.wait_for_calls("getUpdates", timeout=5)
    assert not poll.done()

    emu.push_text(9, "wake up")
    updates = await asyncio.wait_for(poll, timeout=3)  # far below the 20 s poll timeout

    assert [u.message.text for u in updates if u.message] == ["wake up"]


async def test_long_poll_without_updates_lasts_its_timeout(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert time.monotonic() - started >= 0.9


async def test_webhook_blocks_get_updates_until_deleted(emu: BotApiEmulator, bot: Bot) -> None:
    emu.push_text(1, "queued")
    with pytest.raises(BadRequest, match="(?i)an https url must be provided"):
        await bot.set_webhook("http://example.org/hook")
    assert await bot.set_webhook("https://example.org/hook", secret_token="s3cret")
    assert emu.sent(method="setWebhook")[-1]["params"]["secret_token"] == "s3cret"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()

    assert await bot.delete_webhook()
    assert len(await bot.get_updates()) == 1
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert emu.pending_updates() == []


async def test_injected_429_raises_retry_after_and_is_not_delivered(
    emu: BotApiEmulator, bot: Bot
) -> None:
    emu.fail_next("sendMessage", retry_after=3)

    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(1, "first try")
    await bot.send_message(1, "first try")  # the retry

    assert seconds(raised.value.retry_after) == 3
    assert emu.texts(1) == ["first try"]
    rejected = emu.rejected("sendMessage")
    assert [(r["status"], r["retry_after"], r["params"]["text"]) for r in rejected] == [
        (429, 3, "first try")
    ]
    assert emu.stats()["rejected_429"] == 1
    assert emu.stats()["total"] == 1


async def test_injected_429_raw_body_and_chat_filter(emu: BotApiEmulator) -> None:
    emu.fail_next(retry_after=2, count=2, chat_id=2)

    assert (await post(emu, "sendMessage", chat_id="1", text="a"))[0] == 200
    status, body = await post(emu, "sendMessage", chat_id="2", text="b")

    assert status == 429
    assert body == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 2",
        "parameters": {"retry_after": 2},
    }
    assert (await post(emu, "sendMessage", chat_id="2", text="b"))[0] == 429
    assert (await post(emu, "sendMessage", chat_id="2", text="b"))[0] == 200


async def test_text_length_and_missing_parameters_are_bad_requests(
    emu: BotApiEmulator, bot: Bot
) -> None:
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(1, "x" * 4097)
    assert (await bot.send_message(1, "é" * 4096)).text == "é" * 4096
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_document(1, b"data", filename="a.csv", caption="x" * 1025)

    cases = {
        "Bad Request: message is too long": {"chat_id": "1", "text": "x" * 4097},
        "Bad Request: chat_id is empty": {"text": "hi"},
        "Bad Request: message text is empty": {"chat_id": "1", "text": " "},
        "Bad Request: chat not found": {"chat_id": "@someone", "text": "hi"},
    }
    for description, params in cases.items():
        assert await post(emu, "sendMessage", **params) == (
            400,
            {"ok": False, "error_code": 400, "description": description},
        )
    assert len(emu.sent(1)) == 1


async def test_a_parse_mode_is_refused_loudly(emu: BotApiEmulator, bot: Bot) -> None:
    # Backstep sends plain text; formatting is not emulated, so any use of it shows.
    with pytest.raises(BadRequest, match="(?i)parse_mode is not supported by this emulator"):
        await bot.send_message(1, "<b>Bold</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)parse_mode is not supported"):
        await bot.send_photo(1, png(4, 3), caption="*chart*", parse_mode="MarkdownV2")
    assert emu.sent(1, method=None) == []


async def test_unknown_methods_are_404_and_names_are_case_insensitive(
    emu: BotApiEmulator, bot: Bot
) -> None:
    assert await post(emu, "fooBar") == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found"},
    )
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("fooBar")
    assert (await post(emu, "getFile", file_id="x"))[0] == 404  # Backstep never downloads

    status, body = await post(emu, "SENDMESSAGE", chat_id="3", text="hi")
    assert status == 200 and body["result"]["text"] == "hi"
    assert emu.texts(3) == ["hi"]


async def test_form_and_query_parameters_are_typed_as_telegram_reads_them(
    emu: BotApiEmulator,
) -> None:
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    await post(emu, "sendMessage", chat_id="4", text="form", reply_markup=json.dumps(markup))
    await post(emu, "sendMessage?chat_id=4&text=query&disable_notification=true")

    form_call, query_call = emu.sent(4)
    assert form_call["params"] == {"chat_id": 4, "text": "form", "reply_markup": markup}
    assert form_call["result"]["reply_markup"] == markup
    assert query_call["params"] == {"chat_id": 4, "text": "query", "disable_notification": True}


async def test_send_document_records_the_bytes_within_telegrams_limits(
    emu: BotApiEmulator, bot: Bot
) -> None:
    content = b"%PDF-1.4 your plan"

    message = await bot.send_document(5, content, filename="plan.pdf", caption="Your plan")

    document = message.document
    assert document is not None and message.caption == "Your plan"
    assert (document.file_name, document.mime_type, document.file_size) == (
        "plan.pdf",
        "application/pdf",
        len(content),
    )
    (record,) = emu.sent(5, method="sendDocument")
    upload = record["files"]["document"]
    assert (upload["file_name"], upload["mime_type"], upload["data"]) == (
        "plan.pdf",
        "application/pdf",
        content,
    )
    with pytest.raises(BadRequest, match="File must be non-empty"):
        await bot.send_document(5, b"", filename="empty.csv")
    with pytest.raises(NetworkError, match="Request Entity Too Large"):  # a 413
        await bot.send_document(5, b"x" * (50 * 1024 * 1024 + 1), filename="huge.csv")
    assert len(emu.sent(5, method="sendDocument")) == 1


async def test_send_photo_reads_the_png_size_within_telegrams_limits(
    emu: BotApiEmulator, bot: Bot
) -> None:
    message = await bot.send_photo(6, png(400, 300), caption="Posture")

    assert (message.photo[-1].width, message.photo[-1].height) == (400, 300)
    assert [p.width for p in message.photo] == [90, 320, 400]
    assert message.caption == "Posture"
    assert emu.sent(6, method="sendPhoto")[0]["files"]["photo"]["data"] == png(400, 300)
    refused = {
        "Image_process_failed": b"not an image",
        "Photo_invalid_dimensions": png(2001, 100),  # more than 20 to 1
        "Photo_save_file_invalid": png(10, 10, padding=10 * 1024 * 1024),  # over 10 MB
    }
    for error, data in refused.items():
        with pytest.raises(BadRequest, match=error):
            await bot.send_photo(6, data)
    assert len(emu.sent(6, method="sendPhoto")) == 1


def gif(width: int, height: int) -> bytes:
    """A one-pixel-deep GIF header and logical screen of ``width`` x ``height``."""
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00;"


async def test_send_animation_takes_a_gif_with_a_caption_and_buttons(
    emu: BotApiEmulator, bot: Bot
) -> None:
    message = await bot.send_animation(
        7, gif(560, 300), caption="Bridge", reply_markup=YES, filename="bridge.gif"
    )

    assert message.animation is not None
    assert (message.animation.width, message.animation.height) == (560, 300)
    assert message.caption == "Bridge"
    assert message.reply_markup == YES
    [call] = emu.sent(7, method="sendAnimation")
    assert call["files"]["animation"]["data"] == gif(560, 300)
    assert call["params"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"
    with pytest.raises(BadRequest, match="Wrong file type"):
        await bot.send_animation(7, png(4, 3))
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_animation(7, gif(10, 10), caption="x" * 1025)
    # A tap on the animation's buttons comes back with the message it is on.
    update = emu.push_callback(7, "yes")
    assert update["callback_query"]["message"]["message_id"] == message.message_id
    await bot.answer_callback_query(update["callback_query"]["id"], text="Noted: done.")
    assert emu.callback_answers()[-1]["text"] == "Noted: done."


async def test_removing_the_keyboard_changes_the_stored_message(
    emu: BotApiEmulator, bot: Bot
) -> None:
    message = await bot.send_message(8, "Question", reply_markup=YES)

    await bot.edit_message_reply_markup(8, message.message_id, reply_markup=None)

    assert "reply_markup" not in emu.message(8, message.message_id)  # type: ignore[operator]
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(8, message.message_id, reply_markup=None)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_reply_markup(8, 999, reply_markup=YES)


async def test_commands_and_chat_actions_are_checked(emu: BotApiEmulator, bot: Bot) -> None:
    commands = [BotCommand("start", "Start over"), BotCommand("help", "What I can do")]

    assert await bot.set_my_commands(commands)
    assert emu.calls("setMyCommands")[0]["params"]["commands"] == [c.to_dict() for c in commands]
    with pytest.raises(BadRequest, match="(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start", "Capitals are not allowed")])
    assert await bot.send_chat_action(1, ChatAction.TYPING)
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(1, "dancing")


async def test_update_builders_parse_as_ptb_objects(emu: BotApiEmulator, bot: Bot) -> None:
    first = emu.push_text(11, "original")
    for update in (
        sticker_update(11, emoji="😀"),
        photo_update(11, caption="my back"),
        voice_update(11, duration=4),
        location_update(11, 52.0, 4.0),
        edited_text_update(11, first["message"]["message_id"], "edited"),
        group_text_update(-100200, "/help@backstep_test_bot", user_id=77),
    ):
        emu.push_update(update)

    _, sticker, photo, voice, location, edited, group = await bot.get_updates()

    assert sticker.message and sticker.message.sticker and sticker.message.sticker.emoji == "😀"
    assert photo.message and photo.message.caption == "my back"
    assert photo.message.photo[-1].width == 1280
    assert voice.message and voice.message.voice
    assert seconds(voice.message.voice.duration) == 4
    assert location.message and location.message.location
    assert location.message.location.latitude == 52.0
    assert edited.edited_message and edited.edited_message.text == "edited"
    assert edited.edited_message.message_id == first["message"]["message_id"]
    assert edited.edited_message.edit_date is not None
    assert group.message and group.message.chat.type == "group"
    assert group.message.from_user and group.message.from_user.id == 77
    assert group.message.entities[0].type == MessageEntity.BOT_COMMAND


async def test_flood_limits_answer_429_when_switched_on(emu: BotApiEmulator, bot: Bot) -> None:
    emu.enforce_limits(overall_per_second=30, per_chat_per_second=1)

    await bot.send_message(1, "first")
    with pytest.raises(RetryAfter) as per_chat:
        await bot.send_message(1, "second, too soon")
    for chat in range(2, 31):
        await bot.send_message(chat, "broadcast")
    with pytest.raises(RetryAfter) as overall:
        await bot.send_message(31, "one too many this second")

    assert seconds(per_chat.value.retry_after) == 1
    assert seconds(overall.value.retry_after) == 1
    stats = emu.stats()
    assert (stats["total"], stats["rejected_429"]) == (30, 2)
    assert stats["max_in_1s"] == 30
    assert [r["chat"] for r in emu.rejected()] == ["1", "31"]
    emu.disable_limits()
    await bot.send_message(1, "no limits any more")


async def test_a_group_gets_20_messages_a_minute(emu: BotApiEmulator, bot: Bot) -> None:
    emu.enforce_limits(overall_per_second=None, per_chat_per_second=None)

    for _ in range(20):
        await bot.send_message(-100200, "to the group")
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(-100200, "one too many this minute")

    assert 55 <= seconds(raised.value.retry_after) <= 60


async def test_wait_for_messages_explains_what_arrived(emu: BotApiEmulator, bot: Bot) -> None:
    await bot.send_message(1, "only one")

    assert [r["params"]["text"] for r in await emu.wait_for_messages(1, 1)] == ["only one"]
    with pytest.raises(AssertionError, match=r"expected 2 sendMessage.*got 1: \['only one'\]"):
        await emu.wait_for_messages(1, 2, timeout=0.2)


async def test_drives_a_ptb_application_by_polling(emu: BotApiEmulator) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text("Welcome! Ready?", reply_markup=YES)  # type: ignore[union-attr]

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(f"You said: {update.effective_message.text}")  # type: ignore[union-attr]

    async def tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_reply_markup(reply_markup=None)

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(tap))
    async with app:
        await app.updater.start_polling(timeout=5)  # type: ignore[union-attr]
        await app.start()
        emu.push_command(21, "/start")
        await emu.wait_for_messages(21, 1, timeout=10)
        emu.push_text(21, "my back hurts")
        await emu.wait_for_messages(21, 2, timeout=10)
        emu.push_callback(21, "yes")
        await emu.wait_for_sent(1, chat_id=21, method="editMessageReplyMarkup", timeout=10)
        await app.updater.stop()  # type: ignore[union-attr]
        await app.stop()

    assert emu.texts(21) == ["Welcome! Ready?", "You said: my back hurts"]
    welcome = emu.sent(21)[0]["result"]
    assert "reply_markup" not in emu.message(21, welcome["message_id"])  # type: ignore[operator]
    assert len(emu.calls("answerCallbackQuery")) == 1
    assert emu.pending_updates() == []  # the updater confirmed everything on shutdown


def test_emulator_thread_from_sync_code_and_http_control_endpoints() -> None:
    with EmulatorThread() as emu:
        emu.push_text(30, "hi")
        emu.fail_next(chat_id=30, retry_after=5)

        async def reply() -> float:
            async with Bot(TOKEN, base_url=emu.base_url) as bot:
                (update,) = await bot.get_updates()
                with pytest.raises(RetryAfter) as raised:
                    await bot.send_message(30, "hello")
                await bot.send_message(30, "hello")
                await bot.send_message(31, "hello")
                return seconds(raised.value.retry_after)

        assert asyncio.run(reply()) == 5
        assert [r["params"]["text"] for r in emu.wait_for_messages(30, 1, timeout=5)] == ["hello"]
        assert emu.texts(31) == ["hello"]

        # What bench.broadcast drives over HTTP when the emulator is its own process.
        stats = http_json(f"{emu.url}/_emulator/stats")
        assert stats["total"] == 2
        assert stats["per_chat"] == {"30": 1, "31": 1}
        assert stats["rejected_429"] == 1
        assert stats["first_monotonic"] <= stats["last_monotonic"]
        limits = http_json(f"{emu.url}/_emulator/limits", {"overall_per_second": 5})["limits"]
        assert limits["overall_per_second"] == 5
        assert emu.stats()["limits"]["overall_per_second"] == 5
        assert http_json(f"{emu.url}/_emulator/reset", {}) == {"ok": True}
        assert emu.stats()["total"] == 0 and emu.stats()["limits"] is None
        assert emu.pending_updates() == []


def test_command_line_serves_until_terminated() -> None:
    command = [sys.executable, "-m", "tests.support.botapi", "--port", "0", "--limits"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            info = json.loads(process.stdout.readline())
            assert info["base_url"] == f"http://127.0.0.1:{info['port']}/bot"
            assert http_json(f"{info['url']}/_emulator/health")["ok"] is True
            limits = http_json(f"{info['url']}/_emulator/stats")["limits"]
            assert limits == {
                "overall_per_second": 30,
                "per_chat_per_second": 1,
                "per_group_per_minute": 20,
            }
        finally:
            process.terminate()
            assert process.wait(timeout=10) == 0
