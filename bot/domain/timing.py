"""When a daily check-in is due: plain arithmetic over local times and zones.

The sender runs every minute, selects the schedules whose stored ``next_due_utc`` has
come, and asks :func:`decide` what to do. Instants are timezone-aware datetimes in UTC;
naive datetimes are refused with :class:`ValueError` everywhere, because guessing their
zone is how reminders drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from bot.domain.zones import zone

_UTC = timezone.utc
_MINUTES_PER_DAY = 24 * 60

# ------------------------------------------------------------------------- sending


@dataclass(frozen=True)
class Decision:
    """What the sender should do with one due schedule.

    ``send``: send a check-in now. ``local_date``: the person's local day it counts
    for (None when nothing is sent). ``next_due_utc``: store this as the new due instant.
    """

    send: bool
    local_date: date | None
    next_due_utc: datetime


def _as_utc(moment: datetime, what: str) -> datetime:
    """``moment`` in UTC; ValueError when it is naive."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be a timezone-aware datetime, got {moment!r}")
    return moment.astimezone(_UTC)


def _check_time(at: time) -> None:
    """ValueError for a check-in time that carries a tzinfo (it must be wall-clock)."""
    if at.tzinfo is not None:
        raise ValueError(f"the check-in time is a local wall-clock time, got {at!r}")


def _wall(moment: datetime, tz: tzinfo) -> datetime:
    """The naive local wall-clock reading of an aware instant."""
    return moment.astimezone(tz).replace(tzinfo=None)


def _instant(day: date, at: time, tz: tzinfo) -> datetime:
    """The UTC instant the wall clock in ``tz`` shows ``at`` on ``day``.

    Ambiguous (clocks go back): the first of the two. Missing (clocks go forward):
    the first instant after the gap, i.e. the moment the clocks jump.
    """
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(_UTC)
    if _wall(first, tz) == wall:
        return first
    # In a gap fold=0 reads the wall time with the offset from before the jump (too
    # late) and fold=1 with the offset after it (too early): the jump lies between.
    lo = wall.replace(tzinfo=tz, fold=1).astimezone(_UTC)
    lo, hi = min(lo, first), max(lo, first)
    low, high = 0, int((hi - lo).total_seconds())
    while low < high:
        mid = (low + high) // 2
        if _wall(lo + timedelta(seconds=mid), tz) >= wall:
            high = mid
        else:
            low = mid + 1
    return lo + timedelta(seconds=low)


def due_on(day: date, at: time, tz_name: str) -> datetime:
    """The UTC instant of the check-in at local time ``at`` on local day ``day``."""
    _check_time(at)
    return _instant(day, at, zone(tz_name))


def local_date(at_utc: datetime, tz_name: str) -> date:
    """The person's local calendar date at an instant."""
    return _as_utc(at_utc, "at_utc").astimezone(zone(tz_name)).date()


def first_due(now_utc: datetime, at: time, tz_name: str) -> datetime:
    """The first check-in of a newly set schedule, on or after ``now_utc``: today at
    ``at`` local time if that is still ahead (or now), else tomorrow."""
    _check_time(at)
    now = _as_utc(now_utc, "now_utc")
    tz = zone(tz_name)
    today = now.astimezone(tz).date()
    due = _instant(today, at, tz)
    return due if due >= now else _instant(today + timedelta(days=1), at, tz)


def decide(now_utc: datetime, at: time, tz_name: str, next_due_utc: datetime) -> Decision:
    """Whether to send a due check-in now, and when the next one is due.

    At most one check-in per local day. Due today (local) -> send now, next due is
    ``at`` tomorrow. Due on an earlier local day (the bot was down) -> that one is
    skipped; send today's if its time has passed, else wait for it. Not yet due ->
    nothing changes.
    """
    _check_time(at)
    now = _as_utc(now_utc, "now_utc")
    due = _as_utc(next_due_utc, "next_due_utc")
    if due > now:
        return Decision(send=False, local_date=None, next_due_utc=due)
    tz = zone(tz_name)
    today = now.astimezone(tz).date()
    tomorrow = _instant(today + timedelta(days=1), at, tz)
    if due.astimezone(tz).date() >= today:
        return Decision(send=True, local_date=today, next_due_utc=tomorrow)
    todays = _instant(today, at, tz)
    if todays <= now:
        return Decision(send=True, local_date=today, next_due_utc=tomorrow)
    return Decision(send=False, local_date=None, next_due_utc=todays)

