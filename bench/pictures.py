"""The exercise pictures and the daily session, timed in process: drawing each exercise's
still (PNG) and animation (GIF) with an empty cache and again from the cache, and what a
day's session costs on top of a check-in (today's session chosen, stored and its pictures
found, then one tap), on a throwaway SQLite journal.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.processes import log

SESSION_PEOPLE = 30


def _ms(call: Callable[..., object], *args: object) -> float:
    started = time.perf_counter()
    call(*args)
    return (time.perf_counter() - started) * 1000


def _summary(values: list[float]) -> dict[str, float]:
    return {"mean_ms": round(statistics.fmean(values), 1), "max_ms": round(max(values), 1)}


def measure_pictures(folder: Path) -> dict[str, Any]:
    """Cold and cached drawing times of every exercise's still and animation."""
    from bot.exercises.library import exercise_library
    from bot.exercises.render import animation_path, still_path

    figures: dict[str, Any] = {}
    exercises = exercise_library().exercises
    for kind, draw in (("still", still_path), ("animation", animation_path)):
        cold = [_ms(draw, e, folder) for e in exercises]
        cached = [_ms(draw, e, folder) for e in exercises]
        figures[kind] = {"cold": _summary(cold), "cached": _summary(cached)}
        suffix = "png" if kind == "still" else "gif"
        sizes = [p.stat().st_size for p in folder.glob(f"*.{suffix}")]
        figures[kind]["kb_max"] = round(max(sizes) / 1024, 1) if sizes else None
    figures["exercises"] = len(exercises)
    return figures


def measure_session(folder: Path) -> dict[str, Any]:
    """A day's session per person: started (chosen, stored, pictures found), then a tap."""
    import os

    from bot import settings

    names = ("BACKSTEP_DB_URL", "BACKSTEP_DATA_DIR", "BACKSTEP_PICTURES_DIR")
    saved = {name: os.environ.get(name) for name in names}
    os.environ["BACKSTEP_DB_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["BACKSTEP_DATA_DIR"] = str(folder)
    os.environ["BACKSTEP_PICTURES_DIR"] = str(folder / "pictures")  # drawn just before
    settings.get_settings.cache_clear()
    try:
        return _time_sessions()
    finally:  # the rest of the bench (its child processes) must not see the temporary journal
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        settings.get_settings.cache_clear()


def _time_sessions() -> dict[str, Any]:
    """Each of SESSION_PEOPLE people: a plan, today's session started, then one tap."""
    from bot.services import session
    from bot.store import journal

    journal.upgrade_database()
    start, tap = [], []
    for n in range(SESSION_PEOPLE):
        who = f"bench-{n}"
        journal.record_recommendation(
            who, step=2, regimen=("mckenzie", "stabilisation")[n % 2], next_regimen=None,
            aerobic=n % 3 == 0, rule="bench", message="plan",
        )
        started = time.perf_counter()
        reply = session.start_session(who)
        for card in reply.cards:
            session.animation_file(card)
        start.append((time.perf_counter() - started) * 1000)
        data = reply.cards[0].buttons[0].data
        tap.append(_ms(session.answer_tap, who, data))
    return {"people": SESSION_PEOPLE, "start": _summary(start), "tap": _summary(tap)}


def measure() -> dict[str, Any]:
    """Both, in a temporary folder that is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="backstep-bench-") as tmp:
        log("pictures: every still and animation, cold and cached")
        figures = measure_pictures(Path(tmp) / "pictures")
        log("session: a day's session for each of 30 people, then a tap")
        figures["session"] = measure_session(Path(tmp))
    return figures


def table(figures: dict[str, Any]) -> str:
    """The pictures' and the session's figures as lines for stdout."""
    lines = [f"pictures ({figures['exercises']} exercises)   mean / max ms, cold then cached"]
    for kind in ("still", "animation"):
        f = figures[kind]
        lines.append(
            f"  {kind:<10} cold {f['cold']['mean_ms']:>7.1f} / {f['cold']['max_ms']:<7.1f}"
            f" cached {f['cached']['mean_ms']:>5.2f} / {f['cached']['max_ms']:<5.2f}"
            f" largest {f['kb_max']} KB"
        )
    s = figures["session"]
    lines.append(
        f"session per check-in ({s['people']} people): start {s['start']['mean_ms']:.1f} / "
        f"{s['start']['max_ms']:.1f} ms, a tap {s['tap']['mean_ms']:.1f} / "
        f"{s['tap']['max_ms']:.1f} ms"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure()))
