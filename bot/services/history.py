"""The /history chart: pain at each check-in, with plan changes, referrals and warning signs.

Drawn on a private :class:`~matplotlib.figure.Figure` with the Agg canvas: no pyplot, no
global state, safe to call from several threads.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.content import history_labels as words
from bot.content import plan, trend_messages

if TYPE_CHECKING:
    from matplotlib.figure import Figure

from bot.services.exercise_status import exercise_status
from bot.services.history_data import Journal, Marks, local_day, plan_changes, read_journal
from bot.services.history_summary import summary
from bot.services.insights import step3_line

#: Chart size: 8 x 4.5 inches at 120 dpi is 960 x 540 pixels, a phone-friendly 16:9.
CHART_SIZE = (8.0, 4.5)
CHART_DPI = 120
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


# ------------------------------------------------------------------------------ chart


def _ticks(first: date, last: date) -> list[date]:
    """At most about 8 evenly spaced whole days from ``first`` to ``last``."""
    span = (last - first).days
    step = max(1, -(-span // 7))
    return [first + timedelta(days=n) for n in range(0, span + 1, step)]


def _figure(data: Journal) -> Figure:
    """The pain chart on its own figure, with its own Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    marks: dict[date, Marks] = {}
    for day, label in plan_changes(data):
        marks.setdefault(day, Marks()).labels.append(label)
        marks[day].step = True
    for referral in data.referrals:
        day = local_day(referral.created_at, data.tz)
        mark = marks.setdefault(day, Marks())
        mark.referral = True
        if words.HISTORY_REFERRAL_LABEL not in mark.labels:
            mark.labels.append(words.HISTORY_REFERRAL_LABEL)
    for day in data.red_flags:
        mark = marks.setdefault(day, Marks())
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
    data = read_journal(conversation_id, url)
    if not data.pains and data.baseline is None:
        return None
    return _figure(data)


def history_report(conversation_id: str, url: str | None = None) -> HistoryReport:
    """The person's pain chart and a summary under it (pain, plan, referrals, Step 3's
    pattern, where the exercises stand), or a kind "nothing yet" text."""
    data = read_journal(conversation_id, url)
    if not data.pains and data.baseline is None:
        return HistoryReport(None, words.HISTORY_NOTHING_YET)
    text = summary(data, step3_line(conversation_id, url))
    if data.paused_since is None:  # a paused plan has no exercises to point to
        exercises = exercise_status(conversation_id, url, brief=True)
        text = text if exercises is None else f"{text}\n{exercises}"
    return HistoryReport(_png(_figure(data)), text)
