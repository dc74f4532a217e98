"""Backstep on Telegram: python-telegram-bot's Application around the Rasa agent.

Every text and button goes through the same Rasa model and actions as the terminal
chat, with the Telegram chat id as the conversation id. Data commands (/history,
/export, /handout, /learn, /pause, /resume, /delete) and the daily exercise session
(/session, /exercises: an animation per exercise with its buttons, then the end question)
are answered here from the journal.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

from rasa.core.channels.channel import CollectingOutputChannel
from sqlalchemy.exc import SQLAlchemyError
from telegram import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.content.texts import (
    COMMANDS,
    DELETE_CANCELLED,
    DELETE_CONFIRM,
    EDITED_MESSAGE,
    GROUP_CHAT,
    PART_RESTARTED,
    SOMETHING_WENT_WRONG,
    UNKNOWN_COMMAND,
    UNSUPPORTED_MESSAGE,
)
from bot.rasa.runtime import respond
from bot.services import commands, handout, lessons, session
from bot.services.safety_fallback import reply_without_dialogue
from bot.settings import Settings
from bot.store import checkins
from bot.telegram.delivery import send_replies
from bot.telegram.once import add_once_only
from bot.telegram.ratelimit import rate_limiter_for
from bot.telegram.splitting import TELEGRAM_CAPTION_LIMIT, split_message, utf16_len
from bot.telegram.turns import chat_lock, holding, use_lock_store
from bot.telegram.upkeep import FIRST, land_waiting_safety_records

if TYPE_CHECKING:
    from rasa.core.agent import Agent

    from bot.rasa.runtime import ActionServer

logger = logging.getLogger(__name__)

#: Commands that are Rasa intents (the payload sent to the model).
RASA_COMMANDS = {
    "start": "/start",
    "checkin": "/checkin_now",
    "plan": "/show_plan",
    "time": "/set_checkin_time",
    "help": "/help",
}
DELETE_YES, DELETE_NO = "delete:yes", "delete:no"
#: Telegram shows at most this many characters of a tap's answer.
MAX_CALLBACK_ANSWER = 200

App = Application[Any, Any, Any, Any, Any, Any]


class Backstep:
    """Handles Telegram updates for one loaded Rasa agent."""

    def __init__(self, agent: Agent, actions: ActionServer | None = None) -> None:
        self.agent = agent
        #: The action server child, watched before and after each turn.
        self.actions = actions

    # --- talking to the model -------------------------------------------------------

    async def open_pending_checkin(self, chat_id: str) -> None:
        """If a scheduled check-in went out and this is the first reply, start it in Rasa.

        The question was already sent by the broadcaster, so what the form says on opening
        (the same question) is not sent again.
        """
        opened = await asyncio.to_thread(checkins.open_checkin, chat_id)
        if not opened:
            return
        async with chat_lock(self.agent.lock_store, chat_id):
            processor = self.agent.processor
            assert processor is not None
            quiet = CollectingOutputChannel()
            tracker = await processor.fetch_tracker_and_update_session(chat_id, quiet)
            await self.agent.trigger_intent("checkin_now", [], quiet, tracker)

    async def converse(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
        """Send ``text`` to the model as the person's message and deliver its replies. The
        typing indicator goes out while the model works (its round trip to Telegram is not
        added to the turn) and always before the replies."""
        chat = update.effective_chat
        assert chat is not None
        typing = asyncio.create_task(_typing(context, chat.id))
        try:
            replies = await self._replies(update, str(chat.id), text)
        finally:
            await typing
        await send_replies(context.bot, chat.id, replies)

    async def _replies(self, update: Update, chat_id: str, text: str) -> list[dict[str, Any]]:
        """The model's replies to ``text`` (a plain word when the action server died)."""
        try:
            await self.open_pending_checkin(chat_id)
        except SQLAlchemyError as error:
            # the database is down: the conversation below fails closed (a red flag still
            # gets its 🚨), which it could not do if this stopped the message here
            logger.error("Could not look for an open check-in: %s", type(error).__name__)
        if self.actions is not None:
            await asyncio.to_thread(self.actions.ensure_running)
        replies = await respond(
            self.agent, text, chat_id, on_failure=reply_without_dialogue,
            message_id=f"telegram-{update.update_id}", lock_held=holding(chat_id),
        )
        if self.actions is not None and await asyncio.to_thread(self.actions.ensure_running):
            # it died during this turn: what it had to do is lost, so say so plainly
            replies = [*replies, {"text": PART_RESTARTED}]
        return replies

    # --- handlers ---------------------------------------------------------------------

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A text message in a private chat."""
        assert update.message is not None
        await self.converse(update, context, update.message.text or "")

    async def on_rasa_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start, /checkin, /plan, /time, /help: the matching intent."""
        assert update.message is not None and update.message.text is not None
        command = update.message.text.split()[0].lstrip("/").split("@")[0].lower()
        await self.converse(update, context, RASA_COMMANDS[command])

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A tap on an inline button: answer it, close its keyboard, continue the chat."""
        query = update.callback_query
        assert query is not None
        chat = update.effective_chat
        if chat is None or chat.type != ChatType.PRIVATE:
            # a tap in a group (or on a message we can't place) changes nothing
            with contextlib.suppress(TelegramError):
                await query.answer(GROUP_CHAT, show_alert=True)
            return
        data = query.data or ""
        data = session.tap_in(data) or data  # a session button sent through Rasa
        if session.is_session_data(data):
            await self.session_tap(update, context, data)
            return
        await _answer_tap(query)
        with contextlib.suppress(BadRequest):  # already edited, or too old to edit
            await query.edit_message_reply_markup(reply_markup=None)
        if data in (DELETE_YES, DELETE_NO):
            await self.delete_answer(update, context, confirmed=data == DELETE_YES)
            return
        await self.converse(update, context, data)

    async def on_pause(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/pause: no check-ins until /resume."""
        await self._pause(update, context, paused=True)

    async def on_resume(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/resume: check-ins again from the next time ahead."""
        await self._pause(update, context, paused=False)

    async def _pause(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, *, paused: bool
    ) -> None:
        chat = update.effective_chat
        assert chat is not None
        reply = await asyncio.to_thread(commands.pause_checkins, str(chat.id), paused=paused)
        await context.bot.send_message(chat_id=chat.id, text=reply.text)

    async def on_history(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/history: the pain chart and its summary."""
        chat = update.effective_chat
        assert chat is not None
        await _typing(context, chat.id, ChatAction.UPLOAD_PHOTO)
        reply = await asyncio.to_thread(commands.show_history, str(chat.id))
        await _send_file_or_text(context, chat.id, reply, photo=True)

    async def on_export(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/export: the whole journal as a CSV file."""
        chat = update.effective_chat
        assert chat is not None
        await _typing(context, chat.id, ChatAction.UPLOAD_DOCUMENT)
        reply = await asyncio.to_thread(commands.export_journal, str(chat.id))
        await context.bot.send_document(
            chat_id=chat.id,
            document=InputFile(reply.file or b"", filename=reply.filename),
            caption=reply.text,
        )

    async def on_handout(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/handout: the PDF for the practitioner, or a kind word when there is no plan."""
        chat = update.effective_chat
        assert chat is not None
        await _typing(context, chat.id, ChatAction.UPLOAD_DOCUMENT)
        reply = await asyncio.to_thread(handout.make_handout, str(chat.id))
        await _send_file_or_text(context, chat.id, reply)

    async def on_learn(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/learn: the next short lesson, now."""
        chat = update.effective_chat
        assert chat is not None
        reply = await asyncio.to_thread(lessons.learn, str(chat.id))
        await context.bot.send_message(chat_id=chat.id, text=reply.text)

    async def on_delete(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/delete: ask to confirm with two buttons."""
        chat = update.effective_chat
        assert chat is not None
        markup = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(DELETE_CONFIRM.yes, callback_data=DELETE_YES)],
                [InlineKeyboardButton(DELETE_CONFIRM.no, callback_data=DELETE_NO)],
            ]
        )
        await context.bot.send_message(
            chat_id=chat.id, text=DELETE_CONFIRM.text, reply_markup=markup
        )

    async def delete_answer(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, *, confirmed: bool
    ) -> None:
        """Erase everything about the person (journal, schedule, Rasa events), or not."""
        chat = update.effective_chat
        assert chat is not None
        if not confirmed:
            await context.bot.send_message(chat_id=chat.id, text=DELETE_CANCELLED)
            return
        chat_id = str(chat.id)
        async with chat_lock(self.agent.lock_store, chat_id):
            reply = await asyncio.to_thread(commands.delete_everything, chat_id)
        await context.bot.send_message(chat_id=chat.id, text=reply.text)

    async def on_session(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/session (or /exercises): today's exercises, one animation each with buttons."""
        chat = update.effective_chat
        assert chat is not None
        await _typing(context, chat.id, ChatAction.UPLOAD_VIDEO)
        reply = await asyncio.to_thread(session.start_session, str(chat.id))
        await context.bot.send_message(chat_id=chat.id, text=reply.text)
        for card in reply.cards:
            await _send_card(context, chat.id, card)
        if reply.question is not None:
            await _ask(context, chat.id, reply.question)

    async def session_tap(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, data: str
    ) -> None:
        """A tap on an exercise's button or the end question: journaled, acknowledged, its
        keyboard closed, then the next question or what changed."""
        query = update.callback_query
        chat = update.effective_chat
        assert query is not None and chat is not None
        tap = await asyncio.to_thread(session.answer_tap, str(chat.id), data)
        await _answer_tap(query, tap.ack[:MAX_CALLBACK_ANSWER])
        if tap.close:
            with contextlib.suppress(BadRequest):  # already closed, or too old to edit
                await query.edit_message_reply_markup(reply_markup=None)
        for message in tap.messages:
            await context.bot.send_message(chat_id=chat.id, text=message)
        if tap.question is not None:
            await _ask(context, chat.id, tap.question)

    async def on_unknown_command(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE
    ) -> None:
        """A command Backstep doesn't have."""
        await _reply(update, context, UNKNOWN_COMMAND)

    async def on_unsupported(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice, files, locations...: Backstep reads text and buttons."""
        await _reply(update, context, UNSUPPORTED_MESSAGE)

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edited message: ask for the correction as a new message."""
        await _reply(update, context, EDITED_MESSAGE)

    async def on_group(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Anything from a group or channel: Backstep works in private chats only."""
        await _reply(update, context, GROUP_CHAT)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure (never the person's words) and apologise."""
        logger.error(
            "Update handling failed: %s", type(context.error).__name__, exc_info=context.error
        )
        if isinstance(update, Update) and update.effective_chat is not None:
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(
                    chat_id=update.effective_chat.id, text=SOMETHING_WENT_WRONG
                )


async def _answer_tap(query: CallbackQuery, text: str | None = None) -> None:
    """Stop the button's spinner. Telegram takes the answer only for a few seconds: a tap
    handled again after a restart is too old to answer, and must still be handled."""
    try:
        await query.answer(text=text)
    except BadRequest:
        logger.info("A tap was too old to answer; handling it all the same.")


async def _send_file_or_text(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, reply: commands.Reply, photo: bool = False
) -> None:
    """A reply with a file (a picture, or a document) and its text as the caption; the
    text alone when there is no file (no journal yet, no plan yet)."""
    if reply.file is None:
        await context.bot.send_message(chat_id=chat_id, text=reply.text)
        return
    attachment = InputFile(reply.file, filename=reply.filename)
    fits = utf16_len(reply.text) <= TELEGRAM_CAPTION_LIMIT
    caption = reply.text if fits else None  # too long for a caption: the text follows
    if photo:
        await context.bot.send_photo(chat_id=chat_id, photo=attachment, caption=caption)
    else:
        await context.bot.send_document(chat_id=chat_id, document=attachment, caption=caption)
    if not fits:
        for part in split_message(reply.text):
            await context.bot.send_message(chat_id=chat_id, text=part)


async def _typing(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, action: str = ChatAction.TYPING
) -> None:
    with contextlib.suppress(TelegramError):  # a missing indicator is no reason to fail
        await context.bot.send_chat_action(chat_id=chat_id, action=action)


def _keyboard(buttons: tuple[session.Button, ...], per_row: int) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    keys = [InlineKeyboardButton(b.title, callback_data=b.data) for b in buttons]
    return InlineKeyboardMarkup([keys[i:i + per_row] for i in range(0, len(keys), per_row)])


async def _send_card(context: ContextTypes.DEFAULT_TYPE, chat_id: int, card: session.Card) -> None:
    """One exercise: its animation with the caption and the four buttons (two rows); its
    text alone if the picture cannot be drawn or the text is too long for a caption."""
    markup = _keyboard(card.buttons, per_row=2)
    if utf16_len(card.text) > TELEGRAM_CAPTION_LIMIT:
        await context.bot.send_message(chat_id=chat_id, text=card.text, reply_markup=markup)
        return
    try:
        path = await asyncio.to_thread(session.animation_file, card)
        data = await asyncio.to_thread(path.read_bytes)
    except Exception:  # a picture that cannot be drawn must not cost the exercise
        logger.exception("The picture of %s could not be drawn.", card.exercise.id)
        await context.bot.send_message(chat_id=chat_id, text=card.text, reply_markup=markup)
        return
    await context.bot.send_animation(
        chat_id=chat_id,
        animation=InputFile(data, filename=path.name),
        caption=card.text,
        reply_markup=markup,
    )


async def _ask(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, question: session.Question
) -> None:
    """The end question, its answers as buttons on one row."""
    await context.bot.send_message(
        chat_id=chat_id,
        text=question.text,
        reply_markup=_keyboard(question.buttons, per_row=len(question.buttons)),
    )


async def _reply(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    chat = update.effective_chat
    if chat is not None:
        await context.bot.send_message(chat_id=chat.id, text=text)


def add_handlers(application: App, backstep: Backstep) -> None:
    """Route every kind of update: edits and other chats first, then private chats."""
    application.add_handler(TypeHandler(Update, land_waiting_safety_records), group=FIRST)
    add_once_only(application)
    private = filters.ChatType.PRIVATE
    application.add_handler(
        MessageHandler(filters.UpdateType.EDITED & private, backstep.on_edited)
    )
    application.add_handler(
        MessageHandler(~private & filters.UpdateType.MESSAGES, backstep.on_group)
    )
    for command in RASA_COMMANDS:
        application.add_handler(CommandHandler(command, backstep.on_rasa_command, private))
    for command, handler in (
        ("pause", backstep.on_pause),
        ("resume", backstep.on_resume),
        ("history", backstep.on_history),
        ("export", backstep.on_export),
        ("handout", backstep.on_handout),
        ("learn", backstep.on_learn),
        ("delete", backstep.on_delete),
        ("session", backstep.on_session),
        ("exercises", backstep.on_session),
    ):
        application.add_handler(CommandHandler(command, handler, private))
    application.add_handler(CallbackQueryHandler(backstep.on_button))
    application.add_handler(
        MessageHandler(private & filters.COMMAND, backstep.on_unknown_command)
    )
    application.add_handler(
        MessageHandler(private & filters.TEXT & filters.UpdateType.MESSAGE, backstep.on_text)
    )
    application.add_handler(
        MessageHandler(private & filters.UpdateType.MESSAGE, backstep.on_unsupported)
    )
    application.add_error_handler(backstep.on_error)


def build_application(
    settings: Settings, agent: Agent, actions: ActionServer | None = None
) -> App:
    """The PTB Application: token, Bot API server, rate limiter, handlers, command menu."""
    assert settings.telegram_token, "TELEGRAM_BOT_TOKEN is not set"
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .rate_limiter(rate_limiter_for(settings))
        .concurrent_updates(True)
    )
    base = (settings.telegram_api_base_url or "https://api.telegram.org").rstrip("/")
    builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    if settings.telegram_webhook_url:  # Backstep's own webhook server (bot.telegram.webhook)
        builder = builder.updater(None)
    application = builder.build()
    add_handlers(application, Backstep(agent, actions))
    use_lock_store(application, agent.lock_store)  # each update in its chat's turn
    return application


async def register_commands(application: App) -> None:
    """Show Backstep's commands in Telegram's menu."""
    await application.bot.set_my_commands(
        [BotCommand(name, description) for name, description in COMMANDS]
    )
