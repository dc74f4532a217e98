"""Two writers racing, made deterministic: a rival's unit of work is run on its own
connection at the exact moment the code under test is about to send a given statement
(after its reads, before its write), as a second replica or thread would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


@contextmanager
def rival_before(
    engine: Engine, statement_start: str, rival: Callable[[], None]
) -> Iterator[list[str]]:
    """While inside, the first statement on ``engine`` that starts with ``statement_start``
    (case-insensitive) waits for ``rival()`` to run and commit. Yields the statements the
    rival went before (one, once it fired)."""
    fired: list[str] = []
    prefix = statement_start.lower()

    def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if fired or not statement.lower().lstrip().startswith(prefix):
            return
        fired.append(statement)
        rival()

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield fired
    finally:
        event.remove(engine, "before_cursor_execute", before)
