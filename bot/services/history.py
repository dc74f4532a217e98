"""/history and /export: a person's journal as a chart with a summary, and as a CSV file.

Everything is read through the conversation-scoped journal functions
(:mod:`bot.store.journal`, :mod:`bot.store.checkins`), so a person only ever sees their own data.
Dates are the person's local days (their check-in time zone, else the default one).
The chart is drawn on a private :class:`~matplotlib.figure.Figure` with the Agg canvas:
no pyplot, no global state, safe to call from several threads.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any

from bot.content import advice, plan, trend_messages
from bot.content import history_labels as words
from bot.domain import timing, zones
from bot.domain.programme import Regimen
from bot.store import checkins, journal

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Chart size: 8 x 4.5 inches at 120 dpi is 960 x 540 pixels, a phone-friendly 16:9.
CHART_SIZE = (8.0, 4.5)
CHART_DPI = 120
#: The export's kinds of row.
ANSWER, CHECKIN, RECOMMENDATION, REFERRAL, SAFETY = (
    "answer",
    "check-in",
    "recommendation",
    "referral",
    "safety",
)
#: A cell of the person's own text starting with one of these is a formula to a spreadsheet.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A number this module wrote itself (a stored value), which may be negative.
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
#: Check-in rows that were never put to the person (claimed or failed delivery).
_UNASKED = (checkins.CLAIMED, checkins.FAILED)

_PAIN_COLOUR = "#1f5fa8"
_START_COLOUR = "#555555"
_STEP_COLOUR = "#2e8b57"
_REFERRAL_COLOUR = "#d98200"
_RED_FLAG_COLOUR = "#c0392b"


@dataclass(frozen=True)
class HistoryReport:
    """The /history reply: a PNG chart (None when there is nothing to draw) and a summary."""

    png: bytes | None
    summary: str


@dataclass(frozen=True)
class _Journal:
    """What the chart and the summary need, read once."""

    tz: str
    baseline: float | None
    baseline_day: date | None
    pains: list[tuple[date, float]]
    plan: list[journal.JournalRecommendation]
    referrals: list[checkins.ReferralInfo]
    red_flags: list[date]
    paused_since: date | None


@dataclass
class _Marks:
    """The vertical markers of one day on the chart."""

    labels: list[str] = field(default_factory=list)
    step: bool = False
    referral: bool = False
    red_flag: bool = False


def _day(moment: datetime, tz: str) -> date:
    return timing.local_date(checkins.as_utc(moment), tz)


def _read(conversation_id: str, url: str | None) -> _Journal:
    tz = checkins.zone_of(conversation_id, url)
    baseline: float | None = None
    baseline_day: date | None = None
    for answer in journal.answers_for(conversation_id, url):
        if answer.slot == "pain_score" and answer.accepted and _is_number(answer.value):
            baseline, baseline_day = float(answer.value), _day(answer.created_at, tz)
    pains = [
        (day.local_date, float(day.pain))
        for day in checkins.checkins_for(conversation_id, url)
        if day.pain is not None
    ]
    red_flags: list[date] = []
    paused_since: date | None = None
    for event in journal.safety_events_for(conversation_id, url):
        if event.kind == "red_flag":
            red_flags.append(_day(event.created_at, tz))
            paused_since = paused_since or red_flags[-1]
        elif event.kind == "assessed":
            paused_since = None
    return _Journal(
        tz=tz,
        baseline=baseline,
        baseline_day=baseline_day,
        pains=pains,
        plan=journal.recommendations_for(conversation_id, url),
        referrals=checkins.referrals_for(conversation_id, url),
        red_flags=red_flags,
        paused_since=paused_since,
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _regimen(code: str, names: dict[Regimen, str]) -> str:
    try:
        return names[Regimen(code)]
    except (ValueError, KeyError):
        return code.replace("_", " ")


def _plan_changes(data: _Journal) -> list[tuple[date, str]]:
    """Each day the plan changed, with its chart label ("Step 2: McKenzie", "Step 4 added")."""
    changes = []
    previous: journal.JournalRecommendation | None = None
    for rec in data.plan:
        moved = previous is None or (rec.step, rec.regimen) != (previous.step, previous.regimen)
        aerobic = rec.aerobic and (previous is None or not previous.aerobic)
        labels = []
        if moved:
            labels.append(
                words.HISTORY_STEP_LABEL.format(
                    step=rec.step, regimen=_regimen(rec.regimen, words.HISTORY_REGIMEN_SHORT)
                )
            )
        if aerobic:
            labels.append(words.HISTORY_STEP4_LABEL)
        if labels:
            changes.append((_day(rec.created_at, data.tz), " + ".join(labels)))
        previous = rec
    return changes


# ---------------------------------------------------------------------------- summary


def _when(day: date) -> str:
    return trend_messages.format_dates([day])


def _pain_line(data: _Journal) -> str:
    start = plan.format_score(data.baseline) if data.baseline is not None else None
    if not data.pains:
        return words.HISTORY_PAIN_NO_CHECKINS.format(start=start)
    (first, _), (last, latest) = data.pains[0], data.pains[-1]
    values = {
        "start": start,
        "latest": plan.format_score(latest),
        "day": _when(last),
        "count": words.HISTORY_CHECKINS.format(count=len(data.pains)),
        "first": _when(first),
    }
    if len(data.pains) == 1:
        template = words.HISTORY_PAIN_ONE if start else words.HISTORY_PAIN_NO_START_ONE
    else:
        template = words.HISTORY_PAIN_BOTH if start else words.HISTORY_PAIN_NO_START
    return template.format(**values)


def _plan_line(data: _Journal) -> str:
    if not data.plan:
        return words.HISTORY_PLAN_NONE
    current = data.plan[-1]
    since = journal.run_start(
        data.plan, lambda r: (r.step, r.regimen) == (current.step, current.regimen)
    )
    parts = [
        words.HISTORY_PLAN.format(
            step=current.step,
            regimen=_regimen(current.regimen, advice.REGIMEN_NAMES),
            day=_when(_day(since, data.tz)),
        )
    ]
    if current.step == 1 and current.next_regimen:
        parts.append(
            words.HISTORY_PLAN_NEXT.format(
                regimen=_regimen(current.next_regimen, advice.REGIMEN_NAMES)
            )
        )
    if current.aerobic:
        added = journal.run_start(data.plan, lambda r: r.aerobic)
        parts.append(words.HISTORY_PLAN_AEROBIC.format(day=_when(_day(added, data.tz))))
    if data.paused_since is not None:
        parts.append(words.HISTORY_PLAN_PAUSED.format(day=_when(data.paused_since)))
    return "; ".join(parts) + "."


def _referral_line(data: _Journal) -> str:
    if not data.referrals:
        return words.HISTORY_NO_REFERRAL
    latest = data.referrals[-1]
    reasons = [
        words.HISTORY_REASONS[code] for code in latest.reasons if code in words.HISTORY_REASONS
    ]
    why = f" ({'; '.join(reasons)})" if reasons else ""
    day = _when(_day(latest.created_at, data.tz))
    count = len(data.referrals)
    if count == 1:
        return words.HISTORY_REFERRAL_ONCE.format(day=day, why=why)
    times = words.HISTORY_TWICE if count == 2 else words.HISTORY_MANY_TIMES.format(count=count)
    return words.HISTORY_REFERRAL_MANY.format(times=times, day=day, why=why)


def _summary(data: _Journal) -> str:
    return "\n".join([_pain_line(data), _plan_line(data), _referral_line(data)])


# ------------------------------------------------------------------------------ chart


def _ticks(first: date, last: date) -> list[date]:
    """At most about 8 evenly spaced whole days from ``first`` to ``last``."""
    span = (last - first).days
    step = max(1, -(-span // 7))
    return [first + timedelta(days=n) for n in range(0, span + 1, step)]


def _figure(data: _Journal) -> Figure:
    """The pain chart on its own figure, with its own Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    marks: dict[date, _Marks] = {}
    for day, label in _plan_changes(data):
        marks.setdefault(day, _Marks()).labels.append(label)
        marks[day].step = True
    for referral in data.referrals:
        day = _day(referral.created_at, data.tz)
        mark = marks.setdefault(day, _Marks())
        mark.referral = True
        if words.HISTORY_REFERRAL_LABEL not in mark.labels:
            mark.labels.append(words.HISTORY_REFERRAL_LABEL)
    for day in data.red_flags:
        mark = marks.setdefault(day, _Marks())
        mark.red_flag = True
        if words.HISTORY_RED_FLAG_LABEL not in mark.labels:
            mark.labels.append(words.HISTORY_RED_FLAG_LABEL)

    days = [d for d, _ in data.pains] + list(marks)
    if data.baseline_day is not None:
        days.append(data.baseline_day)
    first, last = min(days), max(days)

    fig = Figure(figsize=CHART_SIZE, dpi=CHART_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_title(words.HISTORY_TITLE, fontsize=14)
    ax.set_ylim(0, 10)
    ax.set_yticks(range(11))
    ax.set_ylabel(words.HISTORY_PAIN_AXIS)
    ax.set_xlim(date2num(first - timedelta(days=1)), date2num(last + timedelta(days=1)))
    ticks = _ticks(first, last)
    ax.set_xticks([date2num(d) for d in ticks])
    ax.set_xticklabels(
        [trend_messages.format_dates([d]).split(" ", 1)[1] for d in ticks]
    )  # "3 Nov"
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)

    legend: list[tuple[Line2D, str]] = []
    if data.baseline is not None:
        ax.axhline(data.baseline, color=_START_COLOUR, linestyle="--", linewidth=1.2)
        # In the right margin, level with the line: clear of the points and the markers.
        ax.annotate(
            words.HISTORY_START_LABEL.format(score=plan.format_score(data.baseline)),
            xy=(1, data.baseline),
            xycoords=("axes fraction", "data"),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=9,
            color=_START_COLOUR,
            annotation_clip=False,
        )
    styles = (
        ("step", _STEP_COLOUR, "-.", words.HISTORY_PLAN_CHANGE),
        ("referral", _REFERRAL_COLOUR, ":", words.HISTORY_REFERRAL_LABEL),
        ("red_flag", _RED_FLAG_COLOUR, "-", words.HISTORY_RED_FLAG_LABEL),
    )
    for attr, colour, style, name in styles:
        days_marked = [d for d, mark in marks.items() if getattr(mark, attr)]
        for day in days_marked:
            ax.axvline(date2num(day), color=colour, linestyle=style, linewidth=1.4)
        if days_marked:
            legend.append((Line2D([], [], color=colour, linestyle=style), name))
    for day, mark in marks.items():
        ax.annotate(
            " / ".join(mark.labels),
            xy=(date2num(day), 1),
            xycoords=("data", "axes fraction"),
            xytext=(3, -4),
            textcoords="offset points",
            rotation=90,
            va="top",
            ha="left",
            fontsize=8,
            color="#333333",
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    if data.pains:
        xs = [date2num(d) for d, _ in data.pains]
        ys = [p for _, p in data.pains]
        (line,) = ax.plot(
            xs,
            ys,
            color=_PAIN_COLOUR,
            marker="o",
            markersize=5 if len(xs) <= 60 else 3,
            linewidth=2,
            clip_on=False,
            zorder=3,
        )
        legend.insert(0, (line, words.HISTORY_PAIN_POINTS))
        ax.annotate(
            plan.format_score(ys[-1]),
            xy=(xs[-1], ys[-1]),
            xytext=(6, 6 if ys[-1] < 9.5 else -12),
            textcoords="offset points",
            fontsize=9,
            color=_PAIN_COLOUR,
            fontweight="bold",
        )
    if legend:
        ax.legend(
            [h for h, _ in legend],
            [n for _, n in legend],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
            ncol=len(legend),
            frameon=False,
            fontsize=9,
        )
    return fig


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=CHART_DPI)
    return buffer.getvalue()


def history_figure(conversation_id: str, url: str | None = None) -> Figure | None:
    """The chart as a matplotlib figure (None when there is nothing to draw)."""
    data = _read(conversation_id, url)
    if not data.pains and data.baseline is None:
        return None
    return _figure(data)


def history_report(conversation_id: str, url: str | None = None) -> HistoryReport:
    """The person's pain chart and a three-line summary, or a kind "nothing yet" text."""
    data = _read(conversation_id, url)
    if not data.pains and data.baseline is None:
        return HistoryReport(None, words.HISTORY_NOTHING_YET)
    return HistoryReport(_png(_figure(data)), _summary(data))


# ----------------------------------------------------------------------------- export


def _text(value: str) -> str:
    """The person's own text, made safe from spreadsheet formulas (a leading apostrophe)."""
    if value.startswith(_FORMULA_STARTS) or value.lstrip().startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value: str) -> str:
    """Last line of defence at writing time: only a plain number of ours may start with "-"."""
    if value.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _value(value: Any) -> str:
    """A stored value as a cell: numbers as numbers, yes/no, text made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return words.EXPORT_YES if value else words.EXPORT_NO
    if _is_number(value):
        return _number(value)
    if isinstance(value, str):
        return _text(value)
    return _text(json.dumps(value, ensure_ascii=False))


def _utc(moment: datetime) -> str:
    return checkins.as_utc(moment).strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class _Row:
    at: datetime  # for sorting
    when_utc: str
    local_date: date
    kind: str
    item: str
    value: str
    detail: str


def _timed(moment: datetime, tz: str, kind: str, item: str, value: str, detail: str) -> _Row:
    moment = checkins.as_utc(moment)
    return _Row(moment, _utc(moment), _day(moment, tz), kind, item, value, detail)


def _checkin_row(day: checkins.CheckinDay, tz: str) -> _Row | None:
    answers = {
        "trend": _value(day.trend),
        "exercises": _value(day.exercises),
        "trigger": day.trigger or "",  # inside the cell, after "trigger: ": not a formula
        "warning_signs": _value(day.warning_signs),
    }
    said = [f"{words.EXPORT_CHECKIN_FIELDS[k]}: {v}" for k, v in answers.items() if v]
    if day.pain is None and not said:
        if day.status in _UNASKED:
            return None
        said = [words.EXPORT_NOT_ANSWERED]
    moment = day.completed_at or day.sent_at
    if moment is not None:
        at, when = checkins.as_utc(moment), _utc(moment)
    else:  # no time kept for the day: it sorts at the end of that local day
        end = datetime.combine(day.local_date, time(23, 59, 59), tzinfo=zones.zone(tz))
        at, when = end.astimezone(timezone.utc), ""
    pain = _number(day.pain) if day.pain is not None else ""
    return _Row(at, when, day.local_date, CHECKIN, words.EXPORT_CHECKIN_ITEM, pain, "; ".join(said))


def _rows(conversation_id: str, url: str | None) -> list[_Row]:
    tz = checkins.zone_of(conversation_id, url)
    rows = []
    for answer in journal.answers_for(conversation_id, url):
        value = _value(answer.value)
        if not answer.accepted:
            value = f"{value} ({words.EXPORT_NOT_ACCEPTED})" if value else words.EXPORT_NOT_ACCEPTED
        rows.append(
            _timed(answer.created_at, tz, ANSWER, answer.slot, value, _text(answer.raw_text or ""))
        )
    for day in checkins.checkins_for(conversation_id, url):
        row = _checkin_row(day, tz)
        if row is not None:
            rows.append(row)
    for rec in journal.recommendations_for(conversation_id, url):
        plan = [_regimen(rec.regimen, advice.REGIMEN_NAMES)]
        if rec.next_regimen:
            plan.append(
                words.EXPORT_THEN.format(regimen=_regimen(rec.next_regimen, advice.REGIMEN_NAMES))
            )
        if rec.aerobic:
            plan.append(words.EXPORT_AEROBIC)
        detail = words.EXPORT_RULE.format(rule=rec.rule) + "\n" + rec.message
        rows.append(
            _timed(
                rec.created_at,
                tz,
                RECOMMENDATION,
                words.EXPORT_STEP.format(step=rec.step),
                "; ".join(plan),
                _text(detail),
            )
        )
    for referral in checkins.referrals_for(conversation_id, url):
        rows.append(
            _timed(
                referral.created_at,
                tz,
                REFERRAL,
                words.HISTORY_REFERRAL_LABEL,
                ", ".join(referral.reasons),
                _text(referral.message),
            )
        )
    for event in journal.safety_events_for(conversation_id, url):
        rows.append(
            _timed(
                event.created_at,
                tz,
                SAFETY,
                event.kind,
                _text(event.category or ""),
                _text(event.raw_text or ""),
            )
        )
    rows.sort(key=lambda row: row.at)  # stable: same-time rows keep their journal order
    return rows


def export_csv(conversation_id: str, url: str | None = None) -> bytes:
    """The whole journal as CSV (UTF-8 with BOM, for Excel), one row per item, by time."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(words.EXPORT_COLUMNS)
    for row in _rows(conversation_id, url):
        cells = (
            row.when_utc,
            row.local_date.isoformat(),
            row.kind,
            row.item,
            row.value,
            row.detail,
        )
        writer.writerow([_cell(cell) for cell in cells])
    return out.getvalue().encode("utf-8-sig")


def export_filename(
    conversation_id: str, *, url: str | None = None, today: date | None = None
) -> str:
    """The export's file name, dated with the person's local day (no chat id in it)."""
    if today is None:
        today = _day(checkins.utcnow(), checkins.zone_of(conversation_id, url))
    return words.EXPORT_FILENAME.format(day=today.isoformat())
