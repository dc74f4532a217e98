"""Backstep on Telegram, end to end: the real python-telegram-bot Application, the trained
model and the action server, talking over HTTP to a local Bot API emulator."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import io
import itertools
import time as clock
from collections.abc import Iterator
from datetime import datetime, time, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError
from telegram import Update
from telegram.ext import TypeHandler

from bot.content import handout_texts, session_texts, texts
from bot.content.lessons import LESSON_MORE, lessons
from bot.services import commands
from bot.settings import get_settings
from bot.store import checkins, journal, sessions
from bot.store import lessons as lessons_store
from bot.store.engine import get_engine
from bot.telegram.app import build_application, register_commands
from bot.telegram.broadcast import send_due
from bot.telegram.receiving import start_receiving, stop_receiving
from tests.support.botapi import BotApiEmulator, updates
from tests.support.domain import domain_response
from tests.support.pdf import text_of
from tests.support.runtime import RasaRuntime

pytestmark = pytest.mark.model

_chat_ids = itertools.count(710_000_001)
ONE_MESSAGE_INTAKE = (
    "it hurts when I bend forward, for three weeks, I'm fairly flexible, pain 6/10, "
    "no leg pain"
)

CHECKIN_WARNING = texts.CHECKIN_WARNING_LEAD + "\n" + domain_response(
    "utter_ask_red_flag_screen"
).split("\n", 1)[1]


@dataclasses.dataclass
class Telegram:
    """The running bot and the emulator it talks to."""

    runtime: RasaRuntime
    emulator: BotApiEmulator
    application: Any
    handled: set[int]
    done: asyncio.Event

    def run(self, coro: Any) -> Any:
        return self.runtime.loop.run_until_complete(coro)


class Chat:
    """A person in a private chat with the bot."""

    def __init__(self, telegram: Telegram) -> None:
        self.tg = telegram
        self.id = next(_chat_ids)

    @property
    def key(self) -> str:
        return str(self.id)

    def _wait(self, update: dict[str, Any], timeout: float = 60.0) -> None:
        async def handled() -> None:
            deadline = asyncio.get_running_loop().time() + timeout
            while update["update_id"] not in self.tg.handled:
                left = deadline - asyncio.get_running_loop().time()
                assert left > 0, f"update {update['update_id']} was not handled"
                self.tg.done.clear()
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self.tg.done.wait(), timeout=min(left, 1.0))

        self.tg.run(handled())

    def _new_texts(self, before: int) -> list[str]:
        return self.tg.emulator.texts(self.id)[before:]

    def say(self, message: str) -> list[str]:
        """Send a text (or a /command); return what the bot sent back."""
        before = len(self.tg.emulator.texts(self.id))
        self._wait(self.tg.emulator.push_text(self.id, message))
        return self._new_texts(before)

    def tap(self, title: str) -> list[str]:
        """Tap the button called ``title`` on the bot's latest keyboard."""
        data = self.button_data()[title]
        before = len(self.tg.emulator.texts(self.id))
        self._wait(self.tg.emulator.push_callback(self.id, data))
        return self._new_texts(before)

    def push(self, update: dict[str, Any]) -> list[str]:
        before = len(self.tg.emulator.texts(self.id))
        self._wait(self.tg.emulator.push_update(update))
        return self._new_texts(before)

    def last_sent(self) -> dict[str, Any]:
        return self.tg.emulator.sent(self.id, "sendMessage")[-1]

    def button_data(self) -> dict[str, str]:
        """Titles and callback data of the latest message with an inline keyboard."""
        for record in reversed(self.tg.emulator.sent(self.id, "sendMessage")):
            markup = record["params"].get("reply_markup")
            if markup:
                rows = markup["inline_keyboard"] if isinstance(markup, dict) else markup
                return {b["text"]: b["callback_data"] for row in rows for b in row}
        return {}

    def finish_intake(self) -> list[str]:
        """Screen and intake in two messages; returns the replies to the second."""
        self.say("/start")
        self.tap("None of these")
        [plan] = self.say(ONE_MESSAGE_INTAKE)  # the plan and the next question, one message
        assert plan.endswith("\n\n" + domain_response("utter_ask_checkin_time")), plan
        return [plan]

    def no_checkins_for_now(self) -> None:
        [reply] = self.tap("Not now")
        assert reply.startswith("No problem, no daily check-ins for now.")


@pytest.fixture(scope="module")
def telegram(rasa_runtime: RasaRuntime) -> Iterator[Telegram]:
    loop = rasa_runtime.loop
    emulator = loop.run_until_complete(BotApiEmulator().start())
    settings = dataclasses.replace(
        get_settings(), telegram_token="123456:TEST-TOKEN", telegram_api_base_url=emulator.url
    )
    application = build_application(settings, rasa_runtime.agent)
    handled: set[int] = set()
    done = asyncio.Event()

    async def mark_handled(update: Update, _: Any) -> None:
        handled.add(update.update_id)
        done.set()

    # Runs after Backstep's own handler (group 0) has finished with the update.
    application.add_handler(TypeHandler(Update, mark_handled), group=1)

    stopping = asyncio.Event()

    async def start() -> None:
        await application.initialize()
        await application.start()
        await register_commands(application)
        # Backstep's own poller, which confirms an update only once it is handled
        assert await start_receiving(application, settings, stopping) == "long polling"

    async def stop() -> None:
        stopping.set()
        await stop_receiving(application)
        await application.stop()
        await application.shutdown()
        await emulator.stop()

    loop.run_until_complete(start())
    yield Telegram(rasa_runtime, emulator, application, handled, done)
    loop.run_until_complete(stop())


@pytest.fixture
def chat(telegram: Telegram) -> Chat:
    return Chat(telegram)


def test_the_command_menu_is_registered(telegram: Telegram) -> None:
    [call] = telegram.emulator.sent(method="setMyCommands")[-1:]
    commands = call["params"]["commands"]
    if isinstance(commands, str):
        import json

        commands = json.loads(commands)
    assert [c["command"] for c in commands] == [
        "start", "checkin", "session", "plan", "history", "time", "pause", "resume", "export",
        "handout", "learn", "delete", "help",
    ]


def test_start_intake_plan_and_check_in_time(telegram: Telegram, chat: Chat) -> None:
    [welcome] = chat.say("/start")  # the welcome and the safety check, one message
    assert welcome.endswith("\n\n" + domain_response("utter_ask_red_flag_screen"))
    assert list(chat.button_data()) == ["None of these", "Yes, at least one"]
    assert telegram.emulator.sent(chat.id, "sendChatAction"), "no typing indicator"

    replies = chat.tap("None of these")
    assert replies == [domain_response("utter_ask_pain_direction")]
    assert telegram.emulator.callback_answers(), "the button tap was not answered"
    assert chat.tap("Bending forward") == [domain_response("utter_ask_pain_duration_days")]
    assert chat.say("about three weeks") == [domain_response("utter_ask_flexibility")]
    assert chat.tap("No, I'm fairly flexible") == [domain_response("utter_ask_pain_score")]
    assert len(chat.button_data()) == 11  # 0 to 10
    assert chat.tap("6") == [domain_response("utter_ask_leg_pain")]
    [plan] = chat.tap("No")
    assert "McKenzie" in plan
    assert plan.endswith("\n\n" + domain_response("utter_ask_checkin_time"))
    assert "8:00" in chat.button_data()

    replies = chat.tap("8:00")
    assert replies == [texts.SCHEDULE_TZ_QUESTION]
    replies = chat.say("I'm in Berlin")
    assert replies == ["Done: I'll check in every day at 8:00 am, Berlin time. Send /time to "
                       "change it and /pause to stop the check-ins for a while."]
    info = checkins.schedule_for(chat.key)
    assert info is not None and (info.at_time, info.tz, info.paused) == (
        time(8, 0), "Europe/Berlin", False
    )
    [rec] = journal.recommendations_for(chat.key)
    assert rec.regimen == "mckenzie"


def test_a_scheduled_check_in_goes_out_once_and_its_answers_are_journaled(
    telegram: Telegram, chat: Chat
) -> None:
    chat.finish_intake()
    chat.no_checkins_for_now()
    now = datetime.now(timezone.utc)
    info = checkins.set_schedule(chat.key, time(7, 30), "UTC", now=now)
    due = info.next_due_at + timedelta(seconds=30)

    report = telegram.run(send_due(telegram.application.bot, due))
    assert chat.key in report.chats
    assert chat.tg.emulator.texts(chat.id)[-1] == domain_response("utter_ask_checkin_pain")
    # Sending again (a restart, or cron running twice) sends nothing more today.
    again = telegram.run(send_due(telegram.application.bot, due + timedelta(minutes=5)))
    assert chat.key not in again.chats

    assert chat.tap("4") == [domain_response("utter_ask_checkin_trend")]
    assert chat.say("a bit better") == [domain_response("utter_ask_checkin_exercises")]
    assert chat.tap("Partly") == [domain_response("utter_ask_checkin_trigger")]
    assert chat.say("sitting through a long meeting") == [
        CHECKIN_WARNING
    ]
    # the day's summary and the offer of the session in one message, the lesson after it
    summary, lesson = chat.tap("None of these")
    assert summary.startswith(
        "Thanks, that's in your journal: pain 4/10, better than yesterday.\n\n"
    )
    assert summary.endswith("\n\n" + session_texts.SESSION_OFFER)
    first_lesson = lessons()[0]
    assert lesson == f"{first_lesson.message()}\n\n{LESSON_MORE}"
    # /learn gives the next one; the day's check-in lesson is not sent again.
    assert chat.say("/learn") == [lessons()[1].message()]
    assert [s.lesson_id for s in lessons_store.lessons_sent(chat.key)] == [
        first_lesson.id, lessons()[1].id
    ]
    [day] = [d for d in checkins.checkins_for(chat.key) if d.status != "asked"]
    assert (day.local_date, day.status) == (due.date(), "sent")
    assert (day.pain, day.trend, day.exercises, day.trigger, day.warning_signs) == (
        4, "better", "partly", "sitting through a long meeting", False
    )
    assert day.completed_at is not None
    # the check-in's offer is one tap from the day's session, pictures and all
    before = len(chat.tg.emulator.sent(chat.id, "sendAnimation"))
    replies = chat.tap("Today's exercises")
    assert replies[0].startswith("Today's session: level 1 of 4 of your McKenzie exercises")
    assert len(chat.tg.emulator.sent(chat.id, "sendAnimation")) == before + 1


def test_a_worsening_trend_gets_a_routine_referral(telegram: Telegram, chat: Chat) -> None:
    chat.finish_intake()
    chat.no_checkins_for_now()
    today = checkins.answer_date(chat.key, "Europe/London")
    yesterday = today - timedelta(days=1)
    for slot, value in (("checkin_pain", 7), ("checkin_trend", "worse")):
        checkins.record_checkin_answer(chat.key, slot, value, None, local_date=yesterday)

    chat.say("/checkin")
    chat.tap("8")
    chat.tap("Worse")
    chat.tap("No")
    chat.tap("Bending or lifting")
    replies = chat.tap("None of these")
    referral = [r for r in replies if r.startswith(texts.REFERRAL_MARK)]
    assert len(referral) == 1, replies
    assert "worse" in referral[0] and "specialist" in referral[0]
    assert not any(texts.URGENT_MARK in r for r in replies)
    [stored] = checkins.referrals_for(chat.key)
    assert "worse_two_days" in stored.reasons


def test_a_red_flag_in_the_middle_of_a_check_in_escalates(chat: Chat) -> None:
    chat.finish_intake()
    chat.no_checkins_for_now()
    chat.say("/checkin")
    chat.tap("5")
    replies = chat.say("worse, and I can't feel my bum or my privates since this morning")
    assert replies[0].startswith(texts.URGENT_MARK)
    assert "emergency" in replies[0]
    replies = chat.say("/plan")
    assert replies == [texts.PLAN_PAUSED]


def test_stickers_photos_voice_edits_and_groups_get_a_kind_reply(
    telegram: Telegram, chat: Chat
) -> None:
    emu = telegram.emulator
    assert chat.push(updates.sticker_update(chat.id)) == [texts.UNSUPPORTED_MESSAGE]
    assert chat.push(updates.photo_update(chat.id)) == [texts.UNSUPPORTED_MESSAGE]
    assert chat.push(updates.voice_update(chat.id)) == [texts.UNSUPPORTED_MESSAGE]
    assert chat.push(updates.location_update(chat.id)) == [texts.UNSUPPORTED_MESSAGE]
    assert chat.push(updates.edited_text_update(chat.id, 1, "actually 7")) == [texts.EDITED_MESSAGE]
    assert chat.say("/nonsense") == [texts.UNKNOWN_COMMAND]
    group = -1_001_234_567
    before = len(emu.texts(group))
    chat._wait(emu.push_update(updates.group_text_update(group, "hi bot")))
    assert emu.texts(group)[before:] == [texts.GROUP_CHAT]


def test_an_update_delivered_twice_is_handled_once(telegram: Telegram, chat: Chat) -> None:
    """Telegram retries a webhook it got no answer for, and a restart can fetch an update
    again: the same update_id is answered once."""
    emu = telegram.emulator
    before = len(emu.texts(chat.id))
    first = emu.push_text(chat.id, "/help")
    chat._wait(first)
    answered = len(emu.texts(chat.id)) - before
    assert answered >= 1
    emu.redeliver(first)
    chat.say("/help")  # a new /help, taken after the repeat
    clock.sleep(0.5)
    assert len(emu.texts(chat.id)) - before == 2 * answered  # not 3


def test_a_tap_too_old_to_answer_is_still_handled(telegram: Telegram, chat: Chat) -> None:
    """After a restart Telegram hands a tap over again, too old by then for its spinner to
    be answered ("query is too old"): the tap still counts (it got the apology, and was
    lost)."""
    emu = telegram.emulator
    chat.say("/start")
    before = len(emu.texts(chat.id))
    update = emu.push_callback(chat.id, chat.button_data()["None of these"])
    emu.expire_callback_queries()
    chat._wait(update)
    assert emu.texts(chat.id)[before:] == [domain_response("utter_ask_pain_direction")]


def test_a_failed_look_for_an_open_check_in_does_not_stop_the_message(
    chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the database down, looking for an open check-in fails first: the message still
    goes to the conversation, which fails closed (a red flag gets its 🚨, not the generic
    apology it got when this stopped the message)."""

    def down(*args: Any, **kwargs: Any) -> bool:
        raise OperationalError("SELECT ...", None, ConnectionRefusedError("database down"))

    monkeypatch.setattr(checkins, "open_checkin", down)
    replies = chat.say("I can't feel my bum or my privates since this morning")
    assert replies[0].startswith(texts.URGENT_MARK)


def test_a_button_tapped_in_a_group_changes_nothing(
    telegram: Telegram, chat: Chat, rasa_runtime: RasaRuntime
) -> None:
    """A forged or forwarded keyboard in a group: the tap is answered kindly, and nothing
    is said to or stored for that chat."""
    emu = telegram.emulator
    group = -1_001_234_999
    query = {
        "id": "4000000000000999001",
        "from": {"id": 5150, "is_bot": False, "first_name": "Someone"},
        "chat_instance": "77",
        "data": '/inform{"pain_direction": "flexion"}',
        "message": {
            "message_id": 1, "date": 1_700_000_000, "text": "Which movement?",
            "chat": {"id": group, "type": "group", "title": "Back club"},
        },
    }
    before = len(emu.texts(group))
    chat._wait(emu.push_update({"callback_query": query}))
    assert emu.texts(group)[before:] == []
    assert emu.callback_answers()[-1]["text"] == texts.GROUP_CHAT
    assert journal.answers_for(str(group), url=rasa_runtime.db_url) == []


def test_a_long_reply_is_split_under_telegrams_limit(chat: Chat) -> None:
    replies = chat.say("x " * 2600)  # 5,200 characters: a kind reply, never an error
    assert replies and all(len(r) <= 4096 for r in replies)


def test_a_429_from_telegram_is_waited_out_and_nothing_is_lost(
    telegram: Telegram, chat: Chat
) -> None:
    telegram.emulator.fail_next("sendMessage", retry_after=1, count=1, chat_id=chat.id)
    replies = chat.say("/help")
    assert replies and replies[0].startswith("I'm Backstep")
    assert telegram.emulator.rejected("sendMessage", chat.id), "the 429 never happened"


def test_pause_and_resume_the_check_ins(chat: Chat) -> None:
    assert chat.say("/pause") == [texts.CHECKINS_NOT_SET]
    checkins.set_schedule(chat.key, time(20, 0), "UTC")
    assert chat.say("/pause")[0] == texts.CHECKINS_PAUSED
    info = checkins.schedule_for(chat.key)
    assert info is not None and info.paused
    assert chat.say("/resume") == [
        texts.CHECKINS_RESUMED.format(time="8:00 pm", zone="UTC")
    ]


def test_history_and_export_send_a_chart_and_a_file(telegram: Telegram, chat: Chat) -> None:
    chat.finish_intake()
    chat.no_checkins_for_now()
    chat.say("/history")
    [photo] = telegram.emulator.sent(chat.id, "sendPhoto")
    [png] = [f["data"] for f in photo["files"].values()]
    assert png.startswith(b"\x89PNG")
    caption = photo["params"]["caption"].splitlines()
    assert caption[0].startswith("Pain: ") and caption[1].startswith("Plan: ")
    assert caption[3].startswith("Step 3 pattern: ")
    assert caption[-1].startswith("Your exercises: ")  # where the exercises stand
    chat.say("/export")
    [document] = telegram.emulator.sent(chat.id, "sendDocument")
    [data] = [f["data"] for f in document["files"].values()]
    csv_text = data.decode("utf-8-sig")
    assert "pain_score" in csv_text and "mckenzie" in csv_text


def test_a_summary_too_long_for_a_caption_follows_the_picture(
    telegram: Telegram, chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = "\n".join(f"Line {n}: " + "a few words about the week. " * 5 for n in range(12))
    assert len(long) > 1024
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (320, 240), "white").save(png, format="PNG")
    picture = commands.Reply(long, png.getvalue(), "history.png")
    monkeypatch.setattr(commands, "show_history", lambda conversation_id: picture)
    said = chat.say("/history")
    [photo] = telegram.emulator.sent(chat.id, "sendPhoto")
    assert not photo["params"].get("caption")  # Telegram refuses a caption over 1,024
    assert "\n".join(said[-1:]) == long  # the whole summary, as a message of its own


def test_handout_sends_the_practitioner_a_pdf_or_first_asks_for_the_intake(
    telegram: Telegram, chat: Chat
) -> None:
    assert chat.say("/handout") == [handout_texts.HANDOUT_NO_INTAKE]
    assert telegram.emulator.sent(chat.id, "sendDocument") == []
    chat.finish_intake()
    chat.no_checkins_for_now()
    chat.say("/handout")
    [document] = telegram.emulator.sent(chat.id, "sendDocument")
    assert document["params"]["caption"] == handout_texts.HANDOUT_CAPTION
    [pdf] = [f["data"] for f in document["files"].values()]
    said = text_of(pdf)
    assert "Bending forward (flexion)" in said and ONE_MESSAGE_INTAKE in said
    assert "Step 2 now: McKenzie exercises." in said
    assert "Hamstring stretch" in said
    other = Chat(telegram)
    assert other.say("/handout") == [handout_texts.HANDOUT_NO_INTAKE]


def test_delete_asks_first_then_erases_everything(telegram: Telegram, chat: Chat) -> None:
    chat.finish_intake()
    chat.tap("8:00")
    chat.say("UTC")
    other = Chat(telegram)
    other.finish_intake()

    assert chat.say("/delete") == [texts.DELETE_CONFIRM.text]
    assert chat.tap(texts.DELETE_CONFIRM.no) == [texts.DELETE_CANCELLED]
    assert journal.answers_for(chat.key)

    chat.say("/delete")
    assert chat.tap(texts.DELETE_CONFIRM.yes) == [texts.DELETE_DONE]
    engine = get_engine(telegram.runtime.db_url)
    with engine.connect() as conn:
        person_ids = conn.execute(
            text("SELECT id FROM people WHERE conversation_id = :c"), {"c": chat.key}
        ).all()
        assert person_ids == []
        for table in inspect(engine).get_table_names():
            columns = {c["name"] for c in inspect(engine).get_columns(table)}
            if "sender_id" in columns:
                rows = conn.execute(
                    text(f"SELECT COUNT(*) FROM {table} WHERE sender_id = :c"), {"c": chat.key}
                ).scalar()
                assert rows == 0, f"{table} still holds the person's conversation"
            if "person_id" in columns:
                orphans = conn.execute(
                    text(
                        f"SELECT COUNT(*) FROM {table} WHERE person_id NOT IN "
                        "(SELECT id FROM people)"
                    )
                ).scalar()
                assert orphans == 0, f"{table} still holds rows of an erased person"
    # The other person's data is untouched.
    assert journal.answers_for(other.key)


def _keyboard(record: dict[str, Any]) -> dict[str, str]:
    markup = record["params"].get("reply_markup") or {}
    return {b["text"]: b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row}


def test_a_day_s_session_pictures_buttons_end_question_and_progression(
    telegram: Telegram, chat: Chat
) -> None:
    emu = telegram.emulator
    chat.finish_intake()  # bending forward hurts, flexible, no leg pain: McKenzie, Step 2
    chat.no_checkins_for_now()

    replies = chat.say("/session")
    assert replies == [
        "Today's session: level 1 of 4 of your McKenzie exercises, 1 exercise. Do them in "
        "order, gently, and tap how each one went."
    ]
    [animation] = emu.sent(chat.id, "sendAnimation")
    [gif] = [f["data"] for f in animation["files"].values()]
    assert gif.startswith(b"GIF89a")
    caption = animation["params"]["caption"]
    assert caption.startswith("Lying face down\n") and "\n1. Lie face down" in caption
    assert "Hold 2 minutes" in caption
    buttons = _keyboard(animation)
    assert list(buttons) == ["Done", "Partly", "Skip", "It hurt"]
    message_id = animation["result"]["message_id"]

    # A forged button (another session) gets a kind reply and changes nothing.
    before = len(emu.texts(chat.id))
    chat._wait(emu.push_callback(chat.id, "ex:999999:0:d", message_id=message_id))
    assert emu.texts(chat.id)[before:] == [session_texts.STALE_BUTTON]

    before = len(emu.texts(chat.id))
    chat._wait(emu.push_callback(chat.id, buttons["Done"], message_id=message_id))
    assert emu.texts(chat.id)[before:] == [session_texts.PAIN_QUESTION]
    assert emu.callback_answers()[-1].get("text") == "Noted: done."
    assert "reply_markup" not in (emu.message(chat.id, message_id) or {})  # keyboard closed
    assert list(chat.button_data()) == ["Better", "Same", "Worse"]

    assert chat.tap("Same") == [session_texts.LEG_QUESTION]
    replies = chat.tap("No")
    expected = (
        "1 of 1 exercise done, pain the same during the session. 2 more sessions done in "
        "full with pain no worse will move you up to level 2 (you're at level 1)."
    )
    assert replies == [expected]
    [stored] = sessions.sessions_for(chat.key)
    assert (stored.regimen, stored.level, stored.status, stored.pain_during) == (
        "mckenzie", 1, "complete", "same"
    )
    assert stored.leg_pain_moved is False and stored.message == expected
    assert [(r.exercise_id, r.outcome) for r in stored.results] == [("prone_lying", "done")]

    # Tapping the closed session's button again is stale; /exercises says it is done.
    before = len(emu.texts(chat.id))
    chat._wait(emu.push_callback(chat.id, buttons["It hurt"], message_id=message_id))
    assert emu.texts(chat.id)[before:] == [session_texts.STALE_BUTTON]
    [said] = chat.say("/exercises")
    assert expected in said and "tomorrow" in said
    assert len(emu.sent(chat.id, "sendAnimation")) == 1


def test_asked_for_in_words_the_session_comes_with_its_pictures_and_buttons(
    telegram: Telegram, chat: Chat
) -> None:
    emu = telegram.emulator
    chat.finish_intake()  # McKenzie, Step 2
    chat.no_checkins_for_now()
    replies = chat.say("so what exercises should I actually do today?")
    assert replies[0].startswith("Today's session: level 1 of 4 of your McKenzie exercises")
    assert len(replies) == 1  # the intro; the exercise is one captioned animation
    [animation] = emu.sent(chat.id, "sendAnimation")
    [gif] = [f["data"] for f in animation["files"].values()]
    assert gif.startswith(b"GIF89a")
    assert animation["params"]["caption"].startswith("Lying face down\n")
    buttons = _keyboard(animation)
    assert list(buttons) == ["Done", "Partly", "Skip", "It hurt"]
    assert all(len(data.encode()) <= 64 for data in buttons.values())
    # the tap is the session's own: acknowledged, its keyboard closed, the next question
    message_id = animation["result"]["message_id"]
    before = len(emu.texts(chat.id))
    chat._wait(emu.push_callback(chat.id, buttons["It hurt"], message_id=message_id))
    assert emu.texts(chat.id)[before:] == [session_texts.PAIN_QUESTION]
    assert "reply_markup" not in (emu.message(chat.id, message_id) or {})
    [stored] = sessions.sessions_for(chat.key)
    assert [(r.exercise_id, r.outcome) for r in stored.results] == [("prone_lying", "hurt")]


def test_no_session_while_a_red_flag_is_unchecked(telegram: Telegram, chat: Chat) -> None:
    chat.finish_intake()
    chat.no_checkins_for_now()
    journal.record_safety_event(chat.key, "red_flag", "cauda_equina", "numb")
    assert chat.say("/session") == [texts.PLAN_PAUSED]
    assert telegram.emulator.sent(chat.id, "sendAnimation") == []
    assert sessions.sessions_for(chat.key) == []
