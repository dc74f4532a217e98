"""The emulator: an aiohttp server on 127.0.0.1 that answers the Bot API methods, records
every call and serves the updates a test pushes. When it runs as a process of its own
(``bench.broadcast``, ``bench.scale``), ``/_emulator/health``, ``stats``, ``limits``,
``reset``, ``stamp`` and ``calls`` drive it."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from typing import Any

from aiohttp import web

from . import updates
from .limits import ApiError, FloodControl, Holds, InjectedFailures, Limits, bad_request
from .methods import BotApi, Call, Upload
from .polling import UpdateQueue
from .records import CallLog

JSON = dict[str, Any]
#: Parameters read as JSON (numbers, booleans, objects): a form carries every value as a
#: string, and python-telegram-bot JSON-encodes all that are not one.
_TYPED = frozenset(
    "message_id offset limit timeout max_connections disable_notification protect_content "
    "show_alert drop_pending_updates reply_markup allowed_updates commands".split()
)


class BotApiEmulator(CallLog):
    """The Bot API for python-telegram-bot, ``Bot(token, base_url=emu.base_url,
    base_file_url=emu.base_file_url)``, or Backstep, ``TELEGRAM_API_BASE_URL=emu.url``; any
    token is accepted. Methods other than ``start``/``stop``/``wait_*`` are synchronous,
    for the event loop the server runs in (:class:`EmulatorThread` for other threads)."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        first_name: str = "Backstep",
        username: str = "backstep_test_bot",
    ) -> None:
        super().__init__()
        self.host, self.port, self._names = host, port, (first_name, username)
        self.url = self.base_url = self.base_file_url = ""  # once started
        self._runner: web.AppRunner | None = None
        self.queue = UpdateQueue()
        self._reset_state()

    def _reset_state(self) -> None:
        self.flood, self.failures = FloodControl(), InjectedFailures()
        self.holds = Holds()
        self.api = api = BotApi(self.flood, *self._names)
        queue = self.queue
        handlers: dict[str, Callable[[Call], Any]] = {
            "getMe": api.get_me,
            "getUpdates": lambda call: queue.get_updates(call.params),
            "setWebhook": lambda call: queue.set_webhook(call.params),
            "deleteWebhook": lambda call: queue.delete_webhook(call.params),
            "sendMessage": api.send_message,
            "sendPhoto": api.send_photo,
            "sendAnimation": api.send_animation,
            "sendDocument": api.send_document,
            "sendChatAction": api.send_chat_action,
            "answerCallbackQuery": api.answer_callback_query,
            "editMessageReplyMarkup": api.edit_message_reply_markup,
            "setMyCommands": api.set_my_commands,
        }
        self._methods = {name.lower(): (name, handler) for name, handler in handlers.items()}

    def _canonical(self, method: str) -> str:
        return self._methods.get(method.lower(), (method, None))[0]

    async def start(self) -> BotApiEmulator:
        """Bind the port (0: a free one) and serve."""
        app = web.Application(client_max_size=64 * 1024 * 1024)  # above the 50 MB file limit
        app.add_routes(
            [
                web.get("/_emulator/health", self._http_health),
                web.get("/_emulator/stats", self._http_stats),
                web.post("/_emulator/limits", self._http_limits),
                web.post("/_emulator/reset", self._http_reset),
                web.post("/_emulator/stamp", self._http_stamp),
                web.get("/_emulator/calls", self._http_calls),
                web.route("*", "/bot{token}/{method}", self._http_method),
            ]
        )
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True, shutdown_timeout=2)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner, self.port = runner, int(runner.addresses[0][1])
        self.url = f"http://{self.host}:{self.port}"
        self.base_url, self.base_file_url = f"{self.url}/bot", f"{self.url}/file/bot"
        self.closing = self.queue.closing = False
        return self

    async def stop(self) -> None:
        """End pending long polls, waits and holds, and close the server."""
        self.holds.release()
        if self._runner is not None:
            self.closing = self.queue.closing = True
            self.queue.arrived.notify()
            self._activity.notify()
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def __aenter__(self) -> BotApiEmulator:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # ---- what a test does

    def push_update(self, raw: JSON) -> JSON:
        """Queue an update for getUpdates; fills in update_id, message ids and dates."""
        return self.queue.push(self.stamp(raw, number=False))

    def stamp(self, raw: JSON, number: bool = True) -> JSON:
        """The update as Telegram would send it (message ids and dates, and the update_id
        unless ``number`` is false), known to the emulator but not queued: for a webhook,
        whose updates whoever plays Telegram POSTs."""
        update = dict(raw)
        for key in ("message", "edited_message"):
            if isinstance(update.get(key), dict):
                update[key] = self.api.incoming(update[key], edited=key == "edited_message")
        if isinstance(query := update.get("callback_query"), dict) and "id" in query:
            self.api.callback_query_ids.add(str(query["id"]))
        return self.queue.number(update) if number else update

    def redeliver(self, update: JSON) -> JSON:
        """Deliver an update already pushed once more, with the same update_id."""
        return self.queue.redeliver(update)

    def push_text(self, chat_id: int, text: str, **sender: Any) -> JSON:
        """A person writes ``text`` (``/commands`` in it get bot_command entities)."""
        return self.push_update(updates.text_update(chat_id, text, **sender))

    def push_command(self, chat_id: int, command: str, args: str = "", **sender: Any) -> JSON:
        """A person sends ``/command [args]`` (the leading slash is optional here)."""
        text = command if command.startswith("/") else f"/{command}"
        return self.push_text(chat_id, f"{text} {args}" if args else text, **sender)

    def push_callback(
        self, chat_id: int, data: str, message_id: int | None = None, **sender: Any
    ) -> JSON:
        """A person (``sender``: user_id, first_name) taps an inline button with ``data``
        on the bot's message ``message_id``, by default its latest with a keyboard."""
        query = self.api.callback_query(chat_id, data, message_id, **sender)
        return self.push_update({"callback_query": query})

    def expire_callback_queries(self) -> None:
        """Let every tap pushed so far grow too old to answer, as it does on Telegram
        within seconds: answerCallbackQuery then says "query is too old"."""
        self.api.callback_query_ids.clear()

    def pending_updates(self) -> list[JSON]:
        """Updates not yet confirmed by a getUpdates offset."""
        return list(self.queue.pending)

    def message(self, chat_id: int | str, message_id: int) -> JSON | None:
        """A message as it stands now (after edits), the bot's or pushed."""
        return self.api.messages.get((str(chat_id), message_id))

    def fail_next(
        self,
        method: str | None = "sendMessage",
        retry_after: int = 1,
        count: int = 1,
        chat_id: int | str | None = None,
    ) -> None:
        """Answer the next ``count`` matching calls with 429 (``method`` None: any method)."""
        chat = None if chat_id is None else str(chat_id)
        self.failures.add(method and self._canonical(method), chat, retry_after, count)

    def hold(self, method: str, chat_id: int | str | None = None, skip: int = 0) -> None:
        """Keep the call of ``method`` (to ``chat_id``) after the next ``skip`` unanswered
        until :meth:`release`; :meth:`wait_for_hold` returns once it has come."""
        chat = None if chat_id is None else str(chat_id)
        self.holds.add(self._canonical(method), chat, skip)

    async def wait_for_hold(self, timeout: float = 30.0) -> None:
        """Wait until each hold has a call waiting on it."""
        await self.holds.wait_reached(timeout)

    def release(self) -> None:
        """Answer the held calls (those whose caller is still there) and drop the holds."""
        self.holds.release()

    def enforce_limits(self, **limits: int | None) -> None:
        """Telegram's flood limits for messages (:class:`Limits`, changed by ``limits``):
        over them, a 429 with retry_after."""
        self.flood.limits = Limits(**limits)

    def disable_limits(self) -> None:
        """No flood limits (the default)."""
        self.flood.limits = None

    def reset(self) -> None:
        """Forget calls, updates, messages, failures and limits (update ids count on)."""
        self.queue.clear()
        self.holds.release()
        self._reset_state()
        self._clear_log()

    def stats(self) -> JSON:
        """:meth:`CallLog.stats`, the busiest second, pending updates and the limits."""
        limits = None if self.flood.limits is None else vars(self.flood.limits).copy()
        extra = {"max_in_1s": self.flood.max_in_1s, "pending_updates": len(self.queue.pending)}
        return super().stats() | extra | {"limits": limits}

    # ---- HTTP

    async def _http_method(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        name, handler = self._methods.get(method.lower(), (method, None))
        params, uploads = await _read_params(request)
        files = {key: vars(upload) | {"size": len(upload.data)} for key, upload in uploads.items()}
        record = self._open(token, name, params, files)
        try:
            if handler is None:
                raise ApiError(404, "Not Found")
            record["params"] = params = {key: _typed(key, value) for key, value in params.items()}
            self.failures.check(name, record["chat"])
            await self.holds.pass_through(name, record["chat"])
            result = handler(Call(params, uploads, self.api.bot_user(token)))
            if inspect.isawaitable(result):
                result = await result
            status, payload = 200, {"ok": True, "result": result}
        except ApiError as exc:
            status, payload = exc.code, exc.payload
        self._close(record, status, payload)
        return _json(payload, status)

    async def _http_health(self, request: web.Request) -> web.Response:
        return _json({"ok": True, "port": self.port})

    async def _http_stats(self, request: web.Request) -> web.Response:
        return _json(self.stats())

    async def _http_limits(self, request: web.Request) -> web.Response:
        """A JSON object of :class:`Limits` fields; ``{}`` turns the limits off."""
        try:
            body = await request.json()
            if body:
                self.enforce_limits(**body)
            else:
                self.disable_limits()
        except (TypeError, ValueError) as exc:
            return _json({"error": f"{type(exc).__name__}: {exc}"}, 400)
        return _json({"ok": True, "limits": self.stats()["limits"]})

    async def _http_reset(self, request: web.Request) -> web.Response:
        self.reset()
        return _json({"ok": True})

    async def _http_stamp(self, request: web.Request) -> web.Response:
        """:meth:`stamp` for a process of another: the update with its ids."""
        return _json(self.stamp(await request.json()))

    async def _http_calls(self, request: web.Request) -> web.Response:
        """The calls of ``?method=`` (any when absent) to ``?chat_id=`` (any when absent),
        oldest first, without the uploads' bytes."""
        method, chat = request.query.get("method"), request.query.get("chat_id")
        keep = ("method", "chat", "params", "status", "error", "ts", "monotonic")
        return _json(
            [
                {key: record[key] for key in keep}
                for record in self.calls(method)
                if chat is None or record["chat"] == chat
            ]
        )


def _json(payload: Any, status: int = 200) -> web.Response:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return web.json_response(text=text, status=status)


async def _read_params(request: web.Request) -> tuple[JSON, dict[str, Upload]]:
    """The query string and the fields of a form-encoded or multipart body (what
    python-telegram-bot sends), and its uploaded files."""
    params: JSON = dict(request.query)
    uploads: dict[str, Upload] = {}
    for key, value in (await request.post()).items():
        if isinstance(value, web.FileField):
            with value.file:
                uploads[key] = Upload(value.filename, value.content_type, value.file.read())
        else:
            params[key] = value if isinstance(value, str) else bytes(value).decode()
    return params, uploads


def _typed(name: str, value: str) -> Any:
    """``value`` as Telegram reads parameter ``name``."""
    if name == "chat_id":  # Backstep's chats are numbers, never an @username
        if value.strip() and not re.fullmatch(r"-?\d+", value.strip()):
            raise bad_request("chat not found")
        return int(value) if value.strip() else None
    if name not in _TYPED:
        return value
    try:
        return json.loads(value) if value.strip() else None
    except ValueError:
        if name == "reply_markup":
            raise bad_request("can't parse reply keyboard markup JSON object") from None
        raise bad_request(f"can't parse {name}") from None
