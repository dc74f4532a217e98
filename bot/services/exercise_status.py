"""Where the person stands with their exercises: the regimen, the level, the sessions done
and the latest change the progression made, in words, for /plan and /history."""

from __future__ import annotations

from bot.content import session_texts as words
from bot.content.advice import REGIMEN_NAMES
from bot.content.trend_messages import format_dates
from bot.domain.programme import Regimen
from bot.exercises.library import exercise_library
from bot.store import journal, sessions
from bot.store.sessions import SessionRecord

#: The changes worth naming; "stay" and "top" keep the level as it was.
_CHANGES = ("up", "down", "swap", "stop")


def current_level(history: list[SessionRecord], regimen: str) -> int:
    """The level of the next session of ``regimen``: where the latest finished one left it."""
    for record in reversed(history):
        if record.regimen == regimen and record.next_level is not None:
            return record.next_level
    return 1


def finished(conversation_id: str, url: str | None = None) -> list[SessionRecord]:
    """The person's finished sessions, oldest first."""
    return [
        s for s in sessions.sessions_for(conversation_id, url) if s.status == sessions.COMPLETE
    ]


def exercise_status(
    conversation_id: str, url: str | None = None, *, brief: bool = False
) -> str | None:
    """Lines on the person's exercises (``brief``: the first only), or None without a
    plan."""
    recs = journal.recommendations_for(conversation_id, url)
    if not recs:
        return None
    regimen = recs[-1].regimen
    history = [s for s in finished(conversation_id, url) if s.regimen == regimen]
    if regimen == Regimen.PASSIVE_STRETCHING.value:
        count = sum(bool(s.stretched) for s in history)
        return words.STATUS_STRETCHING.format(count=words.plural(count, "session"))
    level = current_level(history, regimen)
    values = {
        "regimen": REGIMEN_NAMES[Regimen(regimen)],
        "level": level,
        "top": max(exercise_library().levels(regimen)),
    }
    if not history:
        return words.STATUS_NONE_YET.format(**values)
    lines = [
        words.STATUS.format(
            **values,
            sessions=words.plural(len(history), "session"),
            day=format_dates([history[-1].local_date]),
        )
    ]
    changed = [s for s in history if s.change in _CHANGES and s.message]
    if brief:
        return lines[0]
    if changed:
        last = changed[-1]
        lines.append(
            words.STATUS_CHANGE.format(day=format_dates([last.local_date]), message=last.message)
        )
    lines.append(words.STATUS_SESSION)
    return "\n".join(lines)
