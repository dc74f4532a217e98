"""Runtime wiring shared by the terminal chat, the Telegram connector and the tests.

Rasa 3.6 runs custom actions only in a separate action server, so this module
starts one as a child process (private: :mod:`bot.rasa.action_server`; it dies with
its parent) and stops it, and loads the trained model with the same endpoints that
`rasa run` reads from endpoints.yml.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.domain.answers import without_invisible_marks
from bot.rasa.action_server import TOKEN_ENV, TOKEN_HEADER
from bot.rasa.redelivery import earlier_turn
from bot.rasa.tracker_store import reusing
from bot.settings import get_settings

if TYPE_CHECKING:
    from rasa.core.agent import Agent

logger = logging.getLogger(__name__)


def quiet_third_party_logs() -> None:
    """Keep TensorFlow's and Rasa's start-up chatter out of the person's terminal, and the
    bot's token (in every Bot API URL httpx logs) out of the log."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    import warnings

    warnings.filterwarnings("ignore")
    for name in ("rasa", "tensorflow", "absl", "sanic", "apscheduler", "rasa_sdk"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # httpx logs every request's URL at INFO, and a Bot API URL holds the bot's token
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    # Rasa's structured log prints every event (message text included) unless configured.
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.ERROR)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child, before it runs: the kernel kills it when its parent dies (Linux), so
    a parent killed with -9 leaves no action server behind."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's stop() is all there is
        pass


_PR_SET_PDEATHSIG = 1


class ActionServer:
    """The private action server (:mod:`bot.rasa.action_server`) as a child process, for
    the duration of a ``with`` block: on loopback, with a new secret each run (or
    ``BACKSTEP_ACTION_TOKEN``), dying with its parent."""

    def __init__(self, port: int | None = None, log_path: Path | None = None) -> None:
        self.port = port or free_port()
        self.log_path = log_path or get_settings().data_dir / "action-server.log"
        self.token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(32)
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The webhook URL Rasa calls."""
        return f"http://127.0.0.1:{self.port}/webhook"

    @property
    def headers(self) -> dict[str, str]:
        """What every call to it must carry (:func:`load_agent` sends it)."""
        return {TOKEN_HEADER: self.token}

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return None if self._process is None else self._process.pid

    def alive(self) -> bool:
        """Whether the child is still running."""
        return self._process is not None and self._process.poll() is None

    def ensure_running(self) -> bool:
        """Start the child again if it has died (same port and secret); True if it had to.
        Called before each turn, so a dead action server costs one restart, not the
        person's answers."""
        if self.alive():
            return False
        logger.error("The action server had stopped; starting it again.")
        self._process = None
        self.start()
        return True

    def start(self, timeout: float = 90.0) -> ActionServer:
        """Start the server and wait until it answers its health check."""
        self.spawn()
        return self.wait_ready(timeout)

    def spawn(self) -> None:
        """Start the child without waiting for it (:meth:`wait_ready` does), so that the
        model can load meanwhile."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child process
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", TOKEN_ENV: self.token}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bot.rasa.action_server", "--port", str(self.port)],
            cwd=get_settings().home,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - only prctl, before exec
        )
        log.close()

    def wait_ready(self, timeout: float = 90.0) -> ActionServer:
        """Wait until the child answers its health check; stop it if it does not."""
        assert self._process is not None, "spawn() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"The action server stopped; see {self.log_path}")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/health", timeout=2
                ) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"The action server did not start in {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server (politely, then firmly)."""
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None

    def __enter__(self) -> ActionServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


#: The lock store of scale mode, through Rasa's documented hook for a custom one.
SHARED_LOCK_STORE = "bot.rasa.lock_store.AtomicRedisLockStore"


def external_action_headers() -> dict[str, str]:
    """What calls to an external action-server pool (BACKSTEP_ACTION_URL) carry: the
    pool's shared secret, BACKSTEP_ACTION_TOKEN."""
    token = os.environ.get(TOKEN_ENV)
    return {TOKEN_HEADER: token} if token else {}


async def load_agent(
    model_path: Path, action_url: str, headers: dict[str, str] | None = None
) -> Agent:
    """Load the trained model with endpoints.yml's tracker store and the given action
    server (``headers``: its secret, :attr:`ActionServer.headers`); in scale mode
    (BACKSTEP_REDIS_URL) with the conversation lock in Redis
    (:class:`bot.rasa.lock_store.AtomicRedisLockStore`)."""
    from rasa.core.agent import load_agent as rasa_load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.endpoints import EndpointConfig

    if not model_path.exists():
        raise FileNotFoundError(f"No trained model at {model_path}; run `make train`.")
    settings = get_settings()
    endpoints = AvailableEndpoints.read_endpoints(str(settings.home / "endpoints.yml"))
    # the domain only to the form validations, which read it (endpoints.yml)
    selective = (endpoints.action.kwargs if endpoints.action else {}).get(
        "enable_selective_domain", False
    )
    endpoints.action = EndpointConfig(
        url=action_url, headers=headers or {}, enable_selective_domain=selective
    )
    if settings.redis_url is not None:  # scale mode: one lock for every replica
        endpoints.lock_store = EndpointConfig(url=settings.redis_url, type=SHARED_LOCK_STORE)
    agent = await rasa_load_agent(model_path=str(model_path), endpoints=endpoints)
    _without_failsafe(agent)
    return agent


def _without_failsafe(agent: Agent) -> None:
    """Let a database that is down be felt as an error, not as an empty conversation.

    Rasa wraps the tracker store in a fail-safe that, when the database is unreachable,
    runs the message on a new, empty conversation kept in memory (the intake starts over;
    the conversation is forked) and logs the failed SQL. Unwrapped, the turn fails and
    :func:`respond` answers safely (:mod:`bot.services.safety_fallback`).
    """
    from rasa.core.tracker_store import FailSafeTrackerStore

    store = agent.tracker_store
    if isinstance(store, FailSafeTrackerStore):
        inner = store._tracker_store  # noqa: SLF001 - Rasa offers no other way to it
        agent.tracker_store = inner
        if agent.processor is not None:
            agent.processor.tracker_store = inner


class WholeMessageChannel(CollectingOutputChannel):
    """Collects replies without splitting a text at blank lines (Rasa's default does), and
    with a picture kept beside its words.

    A plan with paragraphs stays one message, as it is stored in the journal.
    """

    @classmethod
    def name(cls) -> str:
        return "backstep"

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._persist_message(self._message(recipient_id, text=text))

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """A message with a picture and words stays one message (Rasa's default sends the
        words, then the picture on its own), so an exercise's caption, buttons and
        animation go out together."""
        if message.get("image") and message.get("text"):
            await self._persist_message(self._message(
                recipient_id, text=message["text"], image=message["image"],
                buttons=message.get("buttons") or None,
            ))
            return
        await super().send_response(recipient_id, message)


async def respond(
    agent: Agent,
    text: str,
    sender_id: str,
    on_failure: Callable[[str, str], list[dict[str, Any]]] | None = None,
    message_id: str | None = None,
    lock_held: bool = False,
) -> list[dict[str, Any]]:
    """Handle one message from ``sender_id``; return the bot's replies.

    When the conversation cannot run (its database is down, say) and the channel gives
    ``on_failure`` (``bot.services.safety_fallback.reply_without_dialogue``), its replies
    are returned instead: safety fails closed, never silence. ``message_id``, the channel's
    own id of the message (Telegram's update_id), makes a message that comes again after
    its turn was run get that turn's replies again, not a second turn
    (:mod:`bot.rasa.redelivery`). ``lock_held``: the caller holds the conversation's lock
    already (a Telegram turn holds it until its replies are sent), so it is not taken again.
    """
    channel = WholeMessageChannel()
    text = without_invisible_marks(text)  # "bl\u200badder" is read as "bladder"
    try:
        read = None
        if message_id is not None:
            given, read = await earlier_turn(agent, sender_id, message_id, channel)
            if given is not None:
                logger.warning("A message taken in before came again: its replies are resent.")
                return given
        message = UserMessage(
            text, channel, sender_id, input_channel="backstep", message_id=message_id
        )
        if lock_held and agent.processor is not None:
            # nothing can have written the conversation since it was read: the turn runs
            # on that reading instead of reading it again
            with reusing(read):
                await agent.processor.handle_message(message)
        else:
            await agent.handle_message(message)
    except Exception as error:
        if on_failure is None:
            raise
        # the type only: a database error's text can hold the person's words
        logger.error("The conversation could not run: %s", type(error).__name__)
        return await asyncio.to_thread(on_failure, sender_id, text)
    return list(channel.messages)
