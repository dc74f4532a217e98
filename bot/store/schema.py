"""Is the database's schema the one this code needs? Migrations run once (``backstep db
upgrade``, or at start for a single instance); a replica started on an older schema
refuses to run rather than fail on a missing column later.

On PostgreSQL an upgrade holds :data:`MIGRATION_LOCK` (a transaction-level advisory
lock, taken in ``migrations/env.py``), so upgrades started together run one after the
other: the later ones find the schema current and do nothing.
"""

from __future__ import annotations

from importlib import resources

from sqlalchemy.engine import make_url

from bot.store.engine import get_engine

#: The advisory lock key every schema upgrade holds on PostgreSQL ("bkstpmig").
MIGRATION_LOCK = 0x626B7374706D6967


class StaleSchema(RuntimeError):
    """The database's schema is not the one this code needs."""


def script_location() -> str:
    """Where the Alembic migrations are."""
    return str(resources.files("bot.store") / "migrations")


def revisions(url: str | None = None) -> tuple[str | None, str]:
    """The database's schema revision (None before the first upgrade) and the newest one."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(script_location()).get_current_head()
    assert head is not None
    with get_engine(url).connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, head


def require_current(url: str | None = None) -> None:
    """Raise :class:`StaleSchema`, saying what to do, unless the schema is the newest."""
    current, head = revisions(url)
    if current != head:
        where = make_url(get_engine(url).url).render_as_string(hide_password=True)
        raise StaleSchema(
            f"The database schema is at revision {current or 'none (empty database)'}, "
            f"this Backstep needs {head}. Run `backstep db upgrade` once (against "
            f"{where}), then start the replicas; or set BACKSTEP_MIGRATE_ON_START=1."
        )
