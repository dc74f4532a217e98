"""Every environment setting Backstep reads, gathered in one place.

Nothing here touches the network or the database: reading settings is cheap and
safe at import time, creating engines is not (see :mod:`bot.store.engine`).
"""

from __future__ import annotations

import datetime
import os
import socket
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_SQLITE_NAME = "backstep.sqlite3"
DEFAULT_MODEL = Path("models") / "backstep.tar.gz"
DEFAULT_TZ = "Europe/London"


@dataclass(frozen=True)
class Settings:
    """Runtime configuration, read from the environment."""

    #: The Rasa project folder: endpoints.yml, models/ and var/ (the working directory
    #: unless BACKSTEP_HOME names another), as for ``rasa run``.
    home: Path
    #: Where the default SQLite file and the action server's log go.
    data_dir: Path
    db_url: str
    model_path: Path
    log_level: str
    telegram_token: str | None
    #: Time zone offered for check-ins until a person picks their own.
    default_tz: str
    #: Another Bot API server (a local emulator in tests, a self-hosted one in production).
    telegram_api_base_url: str | None
    #: Webhook mode when set: the public HTTPS URL Telegram posts updates to.
    telegram_webhook_url: str | None
    #: The secret Telegram sends back in X-Telegram-Bot-Api-Secret-Token (webhook mode).
    telegram_webhook_secret: str | None
    #: Where the webhook server listens (behind a reverse proxy that terminates TLS).
    telegram_webhook_listen: str
    telegram_webhook_port: int
    #: Where exercise pictures and animations are cached (drawn once, named by content).
    pictures_dir: Path
    #: The date durations count back from, pinned (BACKSTEP_TODAY, ISO): for playing an
    #: evaluation set on the day it was written. Unset, it is today in UTC.
    today: datetime.date | None = None
    #: Scale mode when set (several replicas): the per-chat conversation lock, the update
    #: leases and the shared rate limit live in this Redis. Needs a PostgreSQL db_url.
    redis_url: str | None = None
    #: An external pool of action servers (their webhook URL); unset, each process spawns
    #: its own private child.
    action_url: str | None = None
    #: This process among the replicas (logs, update leases): hostname:pid by default.
    instance_id: str = ""
    #: Whether ``backstep run`` registers the webhook itself at start (single mode). In scale
    #: mode the replicas never do: ``backstep telegram set-webhook`` does it once.
    telegram_webhook_set: bool = True

    @property
    def scale_mode(self) -> bool:
        """Several replicas share Redis and PostgreSQL (BACKSTEP_REDIS_URL is set)."""
        return self.redis_url is not None


class SettingsError(ValueError):
    """A combination of settings Backstep refuses to run with."""


def load_settings() -> Settings:
    """Read the settings from the environment (not cached; see :func:`get_settings`)."""
    home = Path(os.environ.get("BACKSTEP_HOME") or Path.cwd()).resolve()
    data_dir = Path(os.environ.get("BACKSTEP_DATA_DIR") or home / "var")
    db_url = os.environ.get("BACKSTEP_DB_URL") or f"sqlite:///{data_dir / DEFAULT_SQLITE_NAME}"
    return Settings(
        home=home,
        data_dir=data_dir,
        db_url=db_url,
        model_path=home / os.environ.get("BACKSTEP_MODEL", str(DEFAULT_MODEL)),
        log_level=os.environ.get("BACKSTEP_LOG_LEVEL", "WARNING").upper(),
        telegram_token=os.environ.get("TELEGRAM_BOT_TOKEN") or None,
        default_tz=os.environ.get("BACKSTEP_DEFAULT_TZ") or DEFAULT_TZ,
        telegram_api_base_url=os.environ.get("TELEGRAM_API_BASE_URL") or None,
        telegram_webhook_url=os.environ.get("TELEGRAM_WEBHOOK_URL") or None,
        telegram_webhook_secret=os.environ.get("TELEGRAM_WEBHOOK_SECRET") or None,
        telegram_webhook_listen=os.environ.get("TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1"),
        telegram_webhook_port=int(os.environ.get("TELEGRAM_WEBHOOK_PORT", "8443")),
        pictures_dir=Path(os.environ.get("BACKSTEP_PICTURES_DIR") or data_dir / "pictures"),
        today=_date(os.environ.get("BACKSTEP_TODAY")),
        **_scale_settings(db_url),
    )


def _scale_settings(db_url: str) -> dict[str, Any]:
    """BACKSTEP_REDIS_URL, BACKSTEP_ACTION_URL, BACKSTEP_INSTANCE_ID, TELEGRAM_WEBHOOK_SET;
    Redis with a SQLite database is refused (a file cannot be shared by hosts)."""
    redis_url = scale_redis_url()
    if redis_url is not None and db_url.startswith("sqlite"):
        raise SettingsError(
            "BACKSTEP_REDIS_URL is set (several replicas) but BACKSTEP_DB_URL is SQLite, which "
            "replicas cannot share: set BACKSTEP_DB_URL to a PostgreSQL database, or unset "
            "BACKSTEP_REDIS_URL to run one instance."
        )
    webhook_set = os.environ.get("TELEGRAM_WEBHOOK_SET", "0" if redis_url else "1")
    if webhook_set not in ("0", "1"):
        raise SettingsError(f"TELEGRAM_WEBHOOK_SET must be 0 or 1, not {webhook_set!r}")
    return {
        "redis_url": redis_url,
        "action_url": os.environ.get("BACKSTEP_ACTION_URL") or None,
        "instance_id": os.environ.get("BACKSTEP_INSTANCE_ID")
        or f"{socket.gethostname()}:{os.getpid()}",
        "telegram_webhook_set": webhook_set == "1",
    }


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once on first use."""
    return load_settings()


# --- Several replicas (scale mode) and the database's share of it -------------------------


def scale_redis_url() -> str | None:
    """BACKSTEP_REDIS_URL: set, Backstep runs as one of several replicas (scale mode); read
    here only (:attr:`Settings.redis_url` is this, checked against the database)."""
    return os.environ.get("BACKSTEP_REDIS_URL") or None


def migrate_on_start() -> bool:
    """BACKSTEP_MIGRATE_ON_START: migrate the schema when ``backstep run`` starts. Default
    on for one instance; off in scale mode, where ``backstep db upgrade`` runs once."""
    value = os.environ.get("BACKSTEP_MIGRATE_ON_START")
    if value is None or value == "":
        return scale_redis_url() is None
    return value.strip().lower() not in {"0", "false", "no", "off"}


def db_pool() -> tuple[int, int]:
    """BACKSTEP_DB_POOL_SIZE and BACKSTEP_DB_MAX_OVERFLOW: this process's connections to a
    server database (kept open, and extra at a peak); SQLAlchemy's 5 and 10 by default."""
    return (
        int(os.environ.get("BACKSTEP_DB_POOL_SIZE") or 5),
        int(os.environ.get("BACKSTEP_DB_MAX_OVERFLOW") or 10),
    )


def sqlite_file_pool(url: str) -> dict[str, Any]:
    """For a SQLite file, ``create_engine`` arguments that keep its connections open.

    SQLAlchemy 1.4 opens and closes a new connection for every unit of work on a SQLite
    file (``NullPool``). Each open reads the schema again, and closing the last
    connection of a process checkpoints the write-ahead log and deletes it, so the next
    commit starts a new one: about 3 ms a unit of work, several a turn. A pool keeps five
    open, handed to one thread at a time (hence ``check_same_thread`` off, as SQLAlchemy
    2.0 does by default); beyond five, more open as before (no limit). Nothing for other
    databases or an in-memory one (each connection would be a new, empty database)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import QueuePool

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return {}
    if parsed.query.get("mode") == "memory":
        return {}
    return {
        "poolclass": QueuePool,
        "pool_size": 5,
        "max_overflow": -1,
        "connect_args": {"check_same_thread": False},
    }


#: What this process is, for the database connections' ``application_name``.
_role = "cli"


def set_role(role: str) -> None:
    """Name what this process is (``bot``, ``actions``, ``sender``...), before it connects."""
    global _role
    _role = role


def application_name(part: str | None = None) -> str:
    """``backstep-<role>`` (and ``-<part>``: another pool of the same process), as
    PostgreSQL shows it in ``pg_stat_activity``."""
    return "-".join(p for p in ("backstep", _role, part) if p)[:63]
