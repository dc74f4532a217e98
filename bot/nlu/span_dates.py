"""How a duration span's date is named beside others: a weekday that names the day of
the date or holiday just before it, "the" weekday near a calendar date written earlier, a
weekday with nothing to say which week, an event's weekday ("the Saturday of the match"),
how far on a holiday's own date may be written, and "from" a name (where from, not when)."""

from __future__ import annotations

import datetime
import re

from spacy.tokens import Span

from bot.nlu.dates import MONTHS, WEEKDAYS
from bot.nlu.duration import EVENT_DATED_BY, tokenize
from bot.nlu.holidays import HOLIDAY_WORDS, holiday_name_at
from bot.nlu.named_starts import calendar_dates
from bot.nlu.negation import CLAUSE_BREAKS
from bot.nlu.spans import SENTENCE_ENDS

WEEKDAY_WORDS = frozenset(WEEKDAYS)
#: Capitalised words after "from" that name a time, not a place or a person.
_TIME_NAMES = WEEKDAY_WORDS | frozenset(MONTHS) | {"i", "day", "night", "eve", "weekend"}


def from_a_name(span: Span) -> bool:
    """"guests from Germany over Christmas", "a card from Maria at Easter": "from", a name
    (capitalised words, none a day, a month or a holiday) and straight after it the word
    that dates an event say where someone or something comes from; the date is theirs,
    not the start of the pain ("from Iqbal Day, 9 November", "back from Sydney, Friday the
    20th" still date it)."""
    if len(span) < 3 or span[0].lower_ != "from":
        return False
    words = [t.lower_ for t in span]
    at = 1
    while at < len(span) and span[at].is_title and words[at] not in _TIME_NAMES and (
        holiday_name_at(words, at) is None
    ):
        at += 1
    return 1 < at < len(span) and words[at] in EVENT_DATED_BY


def names_its_day(
    span: Span, spans: list[Span], dated: list[tuple[Span, int]], today: datetime.date
) -> bool:
    """A weekday that names the day of the holiday or date just before it ("since Divali,
    the Sunday", "Thanksgiving Day, so last Thursday", "Labour Day Monday"): the same
    start, not another one."""
    doc = span.doc
    if not any(t.lower_ in WEEKDAY_WORDS for t in span):
        return False
    for other in spans:
        between = doc[other.end : span.start]
        if (
            other.end <= span.start
            and any(t.lower_ in HOLIDAY_WORDS for t in other)
            and len(between) <= 2
            and all(t.is_punct or t.lower_ in ("the", "that", "on", "a") for t in between)
        ):
            return True
    weekday = next(WEEKDAYS[t.lower_] for t in span if t.lower_ in WEEKDAY_WORDS)
    for other, days in dated:
        between = doc[other.end : span.start]
        if 0 <= len(between) <= 4 and all(
            t.is_punct or t.lower_ in ("the", "that", "on", "a", "so", "last", "which", "was")
            for t in between
        ):
            return (today - datetime.timedelta(days=days)).weekday() == weekday
    return False


def the_weekday_near_a_date(
    span: Span, today: datetime.date, holidays: tuple[int, ...] = ()
) -> int | None:
    """"the weekend of the 7th nov, it started the saturday", "Since the October bank
    holiday weekend. ... it started on the Monday": "the" weekday nearest the calendar
    date written, or the holiday named (``holidays``: days since each), earlier in the
    message (within three days of it), days since; None when there is none before or the
    weekday is no "the <weekday>"."""
    doc = span.doc
    at = next((t.i for t in span if t.lower_ in WEEKDAY_WORDS), None)
    if at is None or at == 0 or doc[at - 1].lower_ != "the":
        return None
    if [t.lower_ for t in doc[at + 1 : at + 3]] == ["before", "last"]:
        return None  # "the sunday before last": a week back, dated on its own
    written = calendar_dates(tokenize(doc[: span.start].text), today) or list(holidays)
    if not written:
        return None
    date = today - datetime.timedelta(days=written[-1])
    weekday = WEEKDAYS[doc[at].lower_]
    near = [date + datetime.timedelta(days=d) for d in (0, 1, -1, 2, -2, 3, -3)]
    day = next((d for d in near if d.weekday() == weekday and d <= today), None)
    return None if day is None else (today - day).days


def the_weekday_dated_after(span: Span, today: datetime.date) -> int | None:
    """"since the Sunday I watched the game at my brother's, the 15th": "the" weekday, then
    in its sentence the day of the month it fell on; days since the latest such day
    (within three months), None when nothing dates it or no such day falls on it."""
    doc = span.doc
    at = next((t.i for t in span if t.lower_ in WEEKDAY_WORDS), None)
    if at is None or at == 0 or doc[at - 1].lower_ != "the":
        return None
    for tok in doc[span.end : span.end + _DATED_AFTER_REACH]:
        if tok.text in SENTENCE_ENDS:
            return None
        match = _DAY_OF_MONTH.fullmatch(tok.lower_)
        if match and doc[tok.i - 1].lower_ == "the":
            return _latest(int(match.group(1)), WEEKDAYS[doc[at].lower_], today)
    return None


def _latest(day_of_month: int, weekday: int, today: datetime.date) -> int | None:
    """Days since the latest ``day_of_month`` that fell on ``weekday``, within three months."""
    year, month = today.year, today.month
    for _ in range(4):
        try:
            date = datetime.date(year, month, day_of_month)
        except ValueError:
            date = None
        if date is not None and date <= today and date.weekday() == weekday:
            return (today - date).days
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


#: How far after "the" weekday its date is looked for, and how it is written ("the 15th").
_DATED_AFTER_REACH = 14
_DAY_OF_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


def a_bare_weekday(span: Span) -> bool:
    """"the Saturday", "started on Monday": a weekday and no word that says which one."""
    words = {t.lower_ for t in span}
    return bool(words & WEEKDAYS.keys()) and not words & _WHICH_WEEK and not any(
        t.like_num for t in span
    )


#: Words that say which week a weekday is in ("last", "before last", "two Sundays ago").
_WHICH_WEEK = frozenset({"last", "ago", "before", "previous", "past", "week", "fortnight"})


#: How far after a holiday's name its date is looked for, at most.
_DATE_REACH = 16


def next_sentence_end(span: Span) -> int:
    """Where the sentence after ``span``'s own ends, at most ``_DATE_REACH`` tokens on."""
    doc, ends = span.doc, 0
    for tok in span.doc[span.end : min(len(doc), span.end + _DATE_REACH)]:
        if tok.text in SENTENCE_ENDS:
            ends += 1
            if ends == 2:
                return tok.i
    return min(len(doc), span.end + _DATE_REACH)


#: Words that end the clause a start is named in.
_ENDS_A_CLAUSE = CLAUSE_BREAKS | {"and"}


def clause_end_after(span: Span, reach: int = _DATE_REACH) -> int:
    """Where the clause holding ``span`` ends, at most ``reach`` tokens after it: a
    sentence end, a comma, "and" or a word that turns the clause ("since last Monday, and
    the Christmas do is Friday": the holiday is another clause's)."""
    doc = span.doc
    for tok in doc[span.end : min(len(doc), span.end + reach)]:
        if tok.text in SENTENCE_ENDS or tok.text == "," or tok.lower_ in _ENDS_A_CLAUSE:
            return tok.i
    return min(len(doc), span.end + reach)


def an_events_weekday(span: Span) -> bool:
    """"since the Saturday of the Ireland match": the weekday of an event, not the last
    one (the date, if said, is read from the whole answer)."""
    doc = span.doc
    return (
        span[-1].lower_ in WEEKDAYS and span.end < len(doc) and doc[span.end].lower_ == "of"
        and span.start + 1 < span.end and span[-2].lower_ == "the"
    )
