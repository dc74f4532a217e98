"""The database's clock, as an SQL expression: leases are measured with it, not with the
clocks of the processes that take them (which can be minutes apart).

``db_now(-60)`` is "a minute ago by the database"; on PostgreSQL it is ``now()`` (the
start of the transaction), on SQLite ``strftime('now')`` written the way SQLAlchemy stores
a datetime there (``YYYY-MM-DD HH:MM:SS.ffffff``, UTC), so stored and computed times
compare as they should.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import DateTime, Float, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class db_now(FunctionElement):  # noqa: N801 - used like an SQL function
    """The database's current time plus ``offset_seconds`` (negative: in the past)."""

    type = DateTime(timezone=True)
    name = "db_now"
    inherit_cache = True

    def __init__(self, offset_seconds: float = 0.0) -> None:
        super().__init__(literal(float(offset_seconds), Float()))


def _offset(element: db_now, compiler: Any, **kw: Any) -> str:
    (offset,) = element.clauses
    return str(compiler.process(offset, **kw))


@compiles(db_now)
def _postgresql(element: db_now, compiler: Any, **kw: Any) -> str:
    return f"(now() + {_offset(element, compiler, **kw)} * interval '1 second')"


@compiles(db_now, "sqlite")
def _sqlite(element: db_now, compiler: Any, **kw: Any) -> str:
    modifier = f"({_offset(element, compiler, **kw)} || ' seconds')"
    return f"strftime('%Y-%m-%d %H:%M:%f000', 'now', {modifier})"
