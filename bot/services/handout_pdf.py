"""The practitioner's handout laid out as an A4 PDF with fpdf2.

Page 1: the warning-sign screen, the intake answers, the plan, the Step 3 pattern (when
there is one) and the pain chart. Page 2: the passive stretching routine, each stretch
with its picture (:mod:`bot.exercises.render`), dose, steps and when to stop. Set in
DejaVu Sans, the font matplotlib ships, so any language the person wrote in prints.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from fpdf import FPDF
from PIL import Image

from bot.content import handout_texts as words
from bot.content.session_texts import dose_words
from bot.content.trend_messages import format_dates
from bot.domain.programme import Regimen
from bot.exercises.library import Exercise, exercise_library
from bot.exercises.render import still_path
from bot.services.handout import Handout

MARGIN = 14.0
PAGE_W = 210.0
CONTENT_W = PAGE_W - 2 * MARGIN
INK = (31, 41, 51)
MUTED = (96, 108, 118)
ACCENT = (31, 95, 168)
RULE = (214, 220, 226)
CLEAR = (46, 139, 87)
FLAGGED = (192, 57, 43)
SHADE = (244, 246, 248)
#: The stills' title band (their cards start at 70 px): cut off, the handout names each.
_STILL_TITLE_PX = 60
#: Least height the chart may shrink to on page 1 before it moves to page 2.
_MIN_CHART_H = 62.0
_FONT = "DejaVu"
#: The routine's stretches per row: six fit one page in two rows of three.
_COLUMNS = 3


@cache
def _font_files() -> dict[str, Path]:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {"": folder / "DejaVuSans.ttf", "B": folder / "DejaVuSans-Bold.ttf",
            "I": folder / "DejaVuSans-Oblique.ttf"}


class _Pdf(FPDF):
    """A4 with the handout's fonts and a page footer."""

    def __init__(self) -> None:
        super().__init__(format="A4", unit="mm")
        for style, path in _font_files().items():
            self.add_font(_FONT, style, str(path))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 4)
        self.set_title(words.TITLE)
        self.set_author("Backstep")
        self.alias_nb_pages("{nb}")

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.style(7.5, colour=MUTED)
        self.cell(0, 4, words.PAGE_FOOTER.format(page=self.page_no(), pages="{nb}"),
                  align="C")

    def style(self, size: float, bold: bool = False, italic: bool = False,
              colour: tuple[int, int, int] = INK) -> None:
        self.set_font(_FONT, "B" if bold else ("I" if italic else ""), size)
        self.set_text_color(*colour)

    def printable(self, text: str) -> str:
        """The text without characters the font has no glyph for (some emoji, CJK)."""
        cmap = self.current_font.cmap  # type: ignore[union-attr]
        return "".join(ch for ch in text if ord(ch) in cmap or ch in "\n\t")

    def para(self, text: str, size: float, *, height: float | None = None,
             width: float = 0, **style: object) -> None:
        self.style(size, **style)  # type: ignore[arg-type]
        self.multi_cell(width, height or size * 0.45, self.printable(text), align="L",
                        new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: str) -> None:
        self.ln(3.5)
        self.style(11, bold=True, colour=ACCENT)
        self.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        y = self.get_y()
        self.set_draw_color(*RULE)
        self.set_line_width(0.3)
        self.line(MARGIN, y, PAGE_W - MARGIN, y)
        self.ln(1.8)


def _header(pdf: _Pdf, data: Handout) -> None:
    pdf.style(8, bold=True, colour=ACCENT)
    pdf.set_char_spacing(1.2)
    pdf.cell(CONTENT_W / 2, 5, words.BRAND)
    pdf.set_char_spacing(0)
    pdf.style(8.5, colour=MUTED)
    pdf.cell(CONTENT_W / 2, 5, words.PREPARED.format(day=format_dates([data.prepared])),
             align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.style(17, bold=True)
    pdf.cell(0, 10, words.TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.para(words.INTRO, 8.5, colour=MUTED)


def _screen(pdf: _Pdf, data: Handout) -> None:
    pdf.heading(words.SECTION_SCREEN)
    top = pdf.get_y()
    pdf.set_x(MARGIN + 4)
    pdf.para(data.screen, 10, bold=True, width=CONTENT_W - 4, height=5.5)
    for alert in data.screen_alerts:
        pdf.set_x(MARGIN + 4)
        pdf.para(alert, 9, bold=True, colour=FLAGGED, width=CONTENT_W - 4, height=4.5)
    for i, note in enumerate(data.screen_notes):
        pdf.set_x(MARGIN + 4)
        last = i == len(data.screen_notes) - 1  # what the screen asked about
        pdf.para(note, 8.5, width=CONTENT_W - 4, height=4.1, colour=MUTED if last else INK)
    pdf.set_fill_color(*(CLEAR if data.screen_clear else FLAGGED))
    pdf.rect(MARGIN, top + 0.5, 1.4, pdf.get_y() - top - 0.5, style="F")


def _answers(pdf: _Pdf, data: Handout) -> None:
    pdf.heading(words.SECTION_ANSWERS)
    label_w = 50.0
    text_w = CONTENT_W - label_w - 2
    for i, row in enumerate(data.answers):
        lines: list[tuple[str, dict[str, object], float, float]] = [
            (row.answer, {"bold": True}, 9.5, 5.0)
        ]
        if row.words:
            lines.append((words.IN_THEIR_WORDS.format(text=_clip(row.words, 160)),
                          {"italic": True, "colour": MUTED}, 8.0, 3.8))
        height = 0.0
        for text, style, size, line_h in lines:
            pdf.style(size, **style)  # type: ignore[arg-type]
            measured = pdf.multi_cell(text_w, line_h, pdf.printable(text), align="L",
                                      dry_run=True, output="HEIGHT")
            height += float(measured)  # type: ignore[arg-type]
        top = pdf.get_y()
        if i % 2 == 0:  # a soft band behind every other row
            pdf.set_fill_color(*SHADE)
            pdf.rect(MARGIN, top, CONTENT_W, height + 1.6, style="F")
        pdf.set_xy(MARGIN + 2, top + 0.8)
        pdf.style(9, colour=MUTED)
        pdf.cell(label_w - 2, 5, row.question)
        pdf.set_xy(MARGIN + label_w, top + 0.8)
        for text, style, size, line_h in lines:
            pdf.set_x(MARGIN + label_w)
            pdf.para(text, size, width=text_w, height=line_h, **style)
        pdf.set_xy(MARGIN, top + height + 1.6)


def _plan(pdf: _Pdf, data: Handout) -> None:
    pdf.heading(words.SECTION_PLAN)
    first, *rest = data.plan
    pdf.para(first, 10, bold=True, height=5.5)
    for line in rest:
        pdf.para(line, 9, height=4.6)
    if data.pattern:
        pdf.heading(words.SECTION_PATTERN)
        pdf.para(data.pattern, 9, height=4.6)


def _chart(pdf: _Pdf, data: Handout) -> None:
    if data.chart_png is None:
        return
    image = Image.open(io.BytesIO(data.chart_png))
    ratio = image.height / image.width
    room = pdf.h - MARGIN - 6 - pdf.get_y() - 12 - 5 * len(data.chart_lines)
    height = min(CONTENT_W * ratio, room)
    if height < _MIN_CHART_H:
        pdf.add_page()
        height = CONTENT_W * ratio
    pdf.heading(words.SECTION_CHART)
    width = height / ratio
    pdf.image(image, x=MARGIN + (CONTENT_W - width) / 2, w=width, h=height)
    for line in data.chart_lines:
        pdf.para(line, 9, height=4.6)


def _picture(exercise: Exercise) -> Image.Image:
    """The exercise's still without its title band."""
    picture = Image.open(still_path(exercise))
    return picture.crop((0, _STILL_TITLE_PX, picture.width, picture.height))


def _exercise_card(
    pdf: _Pdf, exercise: Exercise, x: float, y: float, width: float, text_y: float
) -> float:
    """One stretch: its picture at (x, y), then from ``text_y`` its name, dose, steps and
    when to stop; returns its bottom."""
    picture = _picture(exercise)
    height = width * picture.height / picture.width
    pdf.image(picture, x=x, y=y + (text_y - y - height) / 2, w=width, h=height)
    pdf.set_xy(x, text_y + 1.5)
    pdf.para(exercise.name, 10.5, bold=True, width=width, height=5.2)
    pdf.set_x(x)
    dose = exercise.dose
    amount = dose_words(dose.hold_seconds, dose.reps, dose.sets, dose.rest_seconds,
                        dose.per_side)
    pdf.para(words.ROUTINE_DOSE.format(dose=amount), 8.5, bold=True, colour=ACCENT,
             width=width, height=4)
    pdf.ln(0.8)
    for n, step in enumerate(exercise.steps, start=1):
        pdf.set_x(x)
        pdf.style(8.5)
        pdf.cell(4.5, 3.9, f"{n}.")
        pdf.para(step, 8.5, width=width - 4.5, height=3.9)
    pdf.set_x(x)
    pdf.ln(0.8)
    pdf.set_x(x)
    pdf.para(words.ROUTINE_STOP.format(text=exercise.stop), 8, italic=True, colour=MUTED,
             width=width, height=3.7)
    return pdf.get_y()


def _routine(pdf: _Pdf) -> None:
    pdf.add_page()
    pdf.heading(words.SECTION_ROUTINE)
    stretches = exercise_library().regimen(Regimen.PASSIVE_STRETCHING)
    pdf.para(words.ROUTINE_INTRO, 8.5, height=4)
    pdf.ln(0.8)
    pdf.para(stretches[0].regimen_stop, 8.5, bold=True, height=4)
    pdf.ln(2.5)
    gap = 6.0
    width = (CONTENT_W - (_COLUMNS - 1) * gap) / _COLUMNS
    pdf.set_auto_page_break(False)
    for row in range(0, len(stretches), _COLUMNS):
        y = pdf.get_y()
        these = stretches[row:row + _COLUMNS]
        pictures = [_picture(e) for e in these]
        text_y = y + max(width * p.height / p.width for p in pictures)
        bottoms = [
            _exercise_card(pdf, exercise, MARGIN + col * (width + gap), y, width, text_y)
            for col, exercise in enumerate(these)
        ]
        pdf.set_y(max(bottoms) + 3.5)
    pdf.set_auto_page_break(True, margin=MARGIN + 4)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def render_pdf(data: Handout) -> bytes:
    """The handout as PDF bytes: page 1 about the person, page 2 the routine."""
    pdf = _Pdf()
    pdf.add_page()
    _header(pdf, data)
    _screen(pdf, data)
    _answers(pdf, data)
    _plan(pdf, data)
    _chart(pdf, data)
    _routine(pdf)
    return bytes(pdf.output())
