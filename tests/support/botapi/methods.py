"""The Bot API methods Backstep calls to talk (getMe, sendMessage, sendPhoto, sendAnimation,
sendDocument, sendChatAction, answerCallbackQuery, editMessageReplyMarkup, setMyCommands), over the
chats and messages they make. Message ids count per chat, shared by the person's pushed
messages and the bot's, as on Telegram."""

from __future__ import annotations

import mimetypes
import re
import time
import zlib
from dataclasses import dataclass
from typing import Any

from . import limits
from .limits import bad_request
from .updates import DEFAULT_GROUP_USER_ID, chat_dict, new_file, photo_sizes, user_dict

JSON = dict[str, Any]

#: The id getMe reports when the token does not start with a number.
DEFAULT_BOT_ID = 7000000001
_CHAT_ACTIONS = frozenset(
    "typing upload_photo record_video upload_video record_voice upload_voice "
    "upload_document choose_sticker find_location record_video_note upload_video_note".split()
)
_MARKUP_KINDS = frozenset({"inline_keyboard", "keyboard", "remove_keyboard", "force_reply"})
_BUTTON_ACTIONS = frozenset(
    "callback_data url switch_inline_query switch_inline_query_current_chat login_url "
    "web_app switch_inline_query_chosen_chat copy_text callback_game pay".split()
)
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


@dataclass
class Upload:
    file_name: str | None
    mime_type: str | None
    data: bytes


@dataclass
class Call:
    """One call of a method: typed parameters, uploads, and the bot (by its token)."""

    params: JSON
    files: dict[str, Upload]
    bot: JSON


class BotApi:
    """The methods' answers, and the chats, messages and callback queries they know."""

    def __init__(self, flood: limits.FloodControl, first_name: str, username: str) -> None:
        self.flood = flood
        self.bot: JSON = {"is_bot": True, "first_name": first_name, "username": username}
        self.messages: dict[tuple[str, int], JSON] = {}  # by (chat, message id)
        self.callback_query_ids: set[str] = set()
        self._chats: dict[str, JSON] = {}  # by chat id, as a string
        self._last_id: dict[str, int] = {}
        self._last_keyboard: dict[str, int] = {}

    def bot_user(self, token: str) -> JSON:
        """The bot a token belongs to: its id is the token's number, as on Telegram."""
        head = token.split(":", 1)[0]
        return {"id": int(head) if head.isdigit() and len(head) < 16 else DEFAULT_BOT_ID} | self.bot

    def incoming(self, raw: JSON, *, edited: bool) -> JSON:
        """A pushed message, stored with message_id and date filled in."""
        message = dict(raw)
        if not isinstance(message.get("chat"), dict) or "id" not in message["chat"]:
            raise ValueError("a pushed message needs a chat with an id")
        key = str(message["chat"]["id"])
        self._chats.setdefault(key, message["chat"])
        if "message_id" in message:
            self._last_id[key] = max(self._last_id.get(key, 0), message["message_id"])
        else:
            message["message_id"] = self._new_message_id(key)
        earlier = self.messages.get((key, message["message_id"]), {})
        message.setdefault("date", earlier.get("date", int(time.time())))
        if edited:
            message.setdefault("edit_date", int(time.time()))
        self.messages[(key, message["message_id"])] = message
        return message

    def callback_query(
        self,
        chat_id: int,
        data: str,
        message_id: int | None = None,
        user_id: int | None = None,
        first_name: str = "Test",
    ) -> JSON:
        """A tap on a button of the bot's message ``message_id`` (by default its latest
        with an inline keyboard), which comes with the query as it stands now."""
        key = str(chat_id)
        message = self.messages.get((key, message_id or self._last_keyboard.get(key, 0)))
        if message is None:
            raise ValueError(f"no message {message_id} with buttons in chat {chat_id}")
        if user_id is None:
            user_id = chat_id if chat_id > 0 else DEFAULT_GROUP_USER_ID
        return {
            "id": str(4_000_000_000_000_000_001 + len(self.callback_query_ids)),
            "from": user_dict(user_id, first_name),
            "message": message,
            "chat_instance": str(zlib.crc32(key.encode()) * 1_000_003),
            "data": data,
        }

    # ---- the methods

    def get_me(self, call: Call) -> JSON:
        features = ("can_read_all_group_messages", "supports_inline_queries")
        return {**call.bot, "can_join_groups": True, **dict.fromkeys(features, False)}

    def send_message(self, call: Call) -> JSON:
        return self._send(call, text=limits.checked_text(call.params, "text"))

    def send_photo(self, call: Call) -> JSON:
        data = self._upload(call, "photo").data
        photo = photo_sizes(*limits.checked_photo(data), file_size=len(data))
        return self._send(call, photo=photo, caption=limits.checked_text(call.params, "caption"))

    def send_animation(self, call: Call) -> JSON:
        """A GIF, answered as Telegram does: the animation, and the same file as a document."""
        upload = self._upload(call, "animation")
        width, height = limits.checked_animation(upload.data)
        fields = {"file_name": upload.file_name or "animation.gif", "mime_type": "image/gif",
                  "file_size": len(upload.data)}
        animation = new_file("CgACAgIAAxkBAA", width=width, height=height, duration=1, **fields)
        document = {k: animation[k] for k in ("file_id", "file_unique_id")} | fields
        caption = limits.checked_text(call.params, "caption")
        return self._send(call, animation=animation, document=document, caption=caption)

    def send_document(self, call: Call) -> JSON:
        upload = self._upload(call, "document")
        limits.check_document(upload.data)
        mime_type = upload.mime_type or mimetypes.guess_type(upload.file_name or "")[0]
        document = new_file("BQACAgIAAxkBAA", file_name=upload.file_name, mime_type=mime_type)
        document = {k: v for k, v in document.items() if v} | {"file_size": len(upload.data)}
        caption = limits.checked_text(call.params, "caption")
        return self._send(call, document=document, caption=caption)

    def send_chat_action(self, call: Call) -> bool:
        self._chat(call.params)
        if call.params.get("action") not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def answer_callback_query(self, call: Call) -> bool:
        if str(call.params.get("callback_query_id")) not in self.callback_query_ids:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(call.params.get("text") or "")) > limits.MAX_CALLBACK_ANSWER_LENGTH:
            raise bad_request("MESSAGE_TOO_LONG")
        return True

    def edit_message_reply_markup(self, call: Call) -> JSON:
        markup = _inline_markup(call.params)
        key = str(self._chat(call.params)["id"])
        if not call.params.get("message_id"):
            raise bad_request("message identifier is not specified")
        message = self.messages.get((key, call.params["message_id"]))
        if message is None:
            raise bad_request("message to edit not found")
        if message.get("from", {}).get("id") != call.bot["id"]:
            raise bad_request("message can't be edited")
        if message.get("reply_markup") == markup:
            raise bad_request(_NOT_MODIFIED)
        edited = {**message, "reply_markup": markup, "edit_date": int(time.time())}
        edited = {k: v for k, v in edited.items() if v is not None}
        self.messages[(key, edited["message_id"])] = edited
        return edited

    def set_my_commands(self, call: Call) -> bool:
        commands = call.params.get("commands")
        if not isinstance(commands, list):
            raise bad_request('parameter "commands" is required')
        if len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND_NAME.fullmatch(
                str(command.get("command", ""))
            ):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        return True

    # ---- internals

    def _chat(self, params: JSON) -> JSON:
        """The chat a call names: private if positive, a group or supergroup if negative."""
        chat_id = params.get("chat_id")
        if chat_id is None:
            raise bad_request("chat_id is empty")
        if str(chat_id) not in self._chats:
            kind = "private" if chat_id > 0 else "group"
            kind = "supergroup" if str(chat_id).startswith("-100") else kind
            self._chats[str(chat_id)] = chat_dict(chat_id, kind)
        return self._chats[str(chat_id)]

    def _new_message_id(self, key: str) -> int:
        self._last_id[key] = self._last_id.get(key, 0) + 1
        return self._last_id[key]

    def _upload(self, call: Call, name: str) -> Upload:
        """The uploaded file (Backstep uploads every file; a file_id or URL is refused)."""
        if name in call.files:
            return call.files[name]
        if call.params.get(name):
            raise bad_request("wrong file identifier/HTTP URL specified")
        raise bad_request(f"there is no {name} in the request")

    def _send(self, call: Call, **content: Any) -> JSON:
        """The bot's new message, once the chat, the markup and flood control allow it."""
        chat = self._chat(call.params)
        content["reply_markup"] = _inline_markup(call.params)
        key = str(chat["id"])
        self.flood.admit(key)
        message_id = self._new_message_id(key)
        message: JSON = {"message_id": message_id, "from": call.bot, "chat": chat}
        message |= {"date": int(time.time())} | {k: v for k, v in content.items() if v}
        self.messages[(key, message_id)] = message
        if "reply_markup" in message:
            self._last_keyboard[key] = message_id
        return message


def _inline_markup(params: JSON) -> JSON | None:
    """reply_markup checked as Telegram checks it; a message shows it only if inline."""
    markup = params.get("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict) or not markup.keys() & _MARKUP_KINDS:
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard", markup.get("keyboard", []))
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return None
    for button in (button for row in rows for button in row):
        if not isinstance(button, dict) or not button.get("text"):
            raise bad_request("can't parse inline keyboard button: Text must be non-empty")
        if not _BUTTON_ACTIONS.intersection(button):
            raise bad_request("text buttons are unallowed in the inline keyboard")
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode()) <= limits.MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    return markup
