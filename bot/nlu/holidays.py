"""Days people date their pain by: "since the bank holiday", "since Thanksgiving", "since Easter".

:func:`holiday_at` reads a holiday's name from a token list and gives its most recent date
that is not after today (the pain started then, so it lies in the past). Fixed dates,
Easter and the days that hang on it, and the "nth weekday of a month" kind are computed;
holidays of a lunar calendar are listed per year.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence

Rule = Callable[[int], list[datetime.date]]


def _fixed(month: int, day: int) -> Rule:
    return lambda year: [datetime.date(year, month, day)]


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date | None:
    """The ``nth`` ``weekday`` (Monday 0) of ``month``; ``nth`` -1 is the last one; None
    when the month has no such day (a fifth Monday)."""
    if nth > 0:
        first = datetime.date(year, month, 1)
        day = first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return day if day.month == month else None
    last = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def _nth_weekday(month: int, weekday: int, nth: int, plus: int = 0) -> Rule:
    """The ``nth`` ``weekday`` of ``month``, ``plus`` days after it (Black Friday: the
    fourth Thursday of November and one day)."""
    def dates(year: int) -> list[datetime.date]:
        day = nth_weekday(year, month, weekday, nth)
        return [] if day is None else [day + datetime.timedelta(days=plus)]

    return dates


def easter(year: int) -> datetime.date:
    """Easter Sunday (Gregorian; the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return datetime.date(year, month, day + 1)


def _easter_plus(days: int) -> Rule:
    return lambda year: [easter(year) + datetime.timedelta(days=days)]


def _advent_plus(days: int) -> Rule:
    """Advent Sunday (the fourth Sunday before Christmas Day), ``days`` after it: Christ
    the King is the Sunday before."""
    def dates(year: int) -> list[datetime.date]:
        christmas = datetime.date(year, 12, 25)
        sunday_before = christmas - datetime.timedelta(days=christmas.weekday() + 1)
        return [sunday_before - datetime.timedelta(days=21 - days)]

    return dates


def _each(*rules: Rule) -> Rule:
    """Every date of each rule: a country's bank holidays."""
    return lambda year: [day for rule in rules for day in rule(year)]


#: England and Wales (substitute days aside).
_bank_holidays = _each(
    _fixed(1, 1), _easter_plus(-2), _easter_plus(1), _nth_weekday(5, 0, 1),
    _nth_weekday(5, 0, -1), _nth_weekday(8, 0, -1), _fixed(12, 25), _fixed(12, 26),
)
#: Ireland's (St Brigid's Day, from 2023 the first Monday of February, aside).
_irish_bank_holidays = _each(
    _fixed(1, 1), _fixed(3, 17), _easter_plus(1), _nth_weekday(5, 0, 1), _nth_weekday(6, 0, 1),
    _nth_weekday(8, 0, 1), _nth_weekday(10, 0, -1), _fixed(12, 25), _fixed(12, 26),
)
#: Scotland's.
_scottish_bank_holidays = _each(
    _fixed(1, 1), _fixed(1, 2), _easter_plus(-2), _nth_weekday(5, 0, 1), _nth_weekday(5, 0, -1),
    _nth_weekday(8, 0, 1), _fixed(11, 30), _fixed(12, 25), _fixed(12, 26),
)


def _listed(dates: dict[int, tuple[int, int]]) -> Rule:
    return lambda year: [datetime.date(year, *dates[year])] if year in dates else []


#: Each holiday by the words people name it with (lower case, as the tokenizer splits them).
#: Chinese (lunar) New Year, by year; "CNY" in Singapore and Malaysia.
_LUNAR_NEW_YEAR = _listed({2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6)})

HOLIDAYS: dict[tuple[str, ...], Rule] = {
    ("bank", "holiday"): _bank_holidays,
    ("bank", "hol"): _bank_holidays,
    ("may", "bank", "holiday"): _nth_weekday(5, 0, 1),
    ("may", "day"): _nth_weekday(5, 0, 1),
    ("spring", "bank", "holiday"): _nth_weekday(5, 0, -1),
    ("august", "bank", "holiday"): _nth_weekday(8, 0, -1),
    ("summer", "bank", "holiday"): _nth_weekday(8, 0, -1),
    ("easter",): _easter_plus(0),
    ("advent",): _advent_plus(0),
    ("advent", "sunday"): _advent_plus(0),
    ("christ", "the", "king"): _advent_plus(-7),
    ("good", "friday"): _easter_plus(-2),
    ("easter", "monday"): _easter_plus(1),
    ("boxing", "day"): _fixed(12, 26),
    ("halloween",): _fixed(10, 31),
    ("bonfire", "night"): _fixed(11, 5),
    ("guy", "fawkes"): _fixed(11, 5),
    ("valentines",): _fixed(2, 14),
    ("valentine", "'s"): _fixed(2, 14),
    ("valentines", "day"): _fixed(2, 14),
    ("st", "patricks"): _fixed(3, 17),
    ("paddys", "day"): _fixed(3, 17),
    ("thanksgiving",): _nth_weekday(11, 3, 4),
    ("thanksgiving", "monday"): _nth_weekday(10, 0, 2),  # Canada's
    ("black", "friday"): _nth_weekday(11, 3, 4, plus=1),
    ("cyber", "monday"): _nth_weekday(11, 3, 4, plus=4),
    ("labor", "day"): _nth_weekday(9, 0, 1),
    ("labour", "day"): _nth_weekday(9, 0, 1),
    ("memorial", "day"): _nth_weekday(5, 0, -1),
    ("fourth", "of", "july"): _fixed(7, 4),
    ("4th", "of", "july"): _fixed(7, 4),
    ("july", "4th"): _fixed(7, 4),
    ("independence", "day"): _fixed(7, 4),
    ("canada", "day"): _fixed(7, 1),
    ("australia", "day"): _fixed(1, 26),
    ("anzac", "day"): _fixed(4, 25),
    ("remembrance", "day"): _fixed(11, 11),
    ("remembrance", "sunday"): _nth_weekday(11, 6, 2),
    ("armistice", "day"): _fixed(11, 11),
    ("veterans", "day"): _fixed(11, 11),
    ("all", "saints"): _fixed(11, 1),
    ("undas",): _fixed(11, 1),
    ("all", "souls"): _fixed(11, 2),
    ("christmas",): _fixed(12, 25),
    ("xmas",): _fixed(12, 25),
    ("christmas", "eve"): _fixed(12, 24),
    ("new", "year"): _fixed(1, 1),
    ("new", "years"): _fixed(1, 1),
    ("new", "year", "'s"): _fixed(1, 1),
    ("hogmanay",): _fixed(12, 31),
    ("new", "years", "eve"): _fixed(12, 31),
    ("st", "andrews", "day"): _fixed(11, 30),
    ("juneteenth",): _fixed(6, 19),
    ("presidents", "day"): _nth_weekday(2, 0, 3),
    ("mlk", "day"): _nth_weekday(1, 0, 3),
    ("columbus", "day"): _nth_weekday(10, 0, 2),
    ("victoria", "day"): lambda year: [
        datetime.date(year, 5, 24) - datetime.timedelta(days=datetime.date(year, 5, 24).weekday())
    ],
    ("madaraka", "day"): _fixed(6, 1),
    ("mashujaa", "day"): _fixed(10, 20),
    ("heroes", "day"): _nth_weekday(10, 0, 3),  # Jamaica's; Kenya's is Mashujaa Day
    ("jamhuri", "day"): _fixed(12, 12),
    ("merdeka",): _fixed(8, 31),
    ("merdeka", "day"): _fixed(8, 31),
    ("emancipation", "day"): _fixed(8, 1),
    ("deepavali",): _listed({2024: (10, 31), 2025: (10, 20), 2026: (11, 8), 2027: (10, 29)}),
    ("diwali",): _listed({2024: (11, 1), 2025: (10, 20), 2026: (11, 8), 2027: (10, 29)}),
    ("divali",): _listed({2024: (11, 1), 2025: (10, 20), 2026: (11, 8), 2027: (10, 29)}),
    ("chinese", "new", "year"): _LUNAR_NEW_YEAR,
    ("lunar", "new", "year"): _LUNAR_NEW_YEAR,
    ("cny",): _LUNAR_NEW_YEAR,
    ("st", "patricks", "day"): _fixed(3, 17),
    ("st", "davids", "day"): _fixed(3, 1),
    ("st", "davids"): _fixed(3, 1),
    ("st", "georges", "day"): _fixed(4, 23),
    ("st", "andrews"): _fixed(11, 30),
    ("burns", "night"): _fixed(1, 25),
    ("waitangi", "day"): _fixed(2, 6),
    ("freedom", "day"): _fixed(4, 27),
    ("heritage", "day"): _fixed(9, 24),
    ("day", "of", "the", "dead"): _fixed(11, 2),
    ("dia", "de", "muertos"): _fixed(11, 2),
    ("fathers", "day"): _nth_weekday(6, 6, 3),
    ("melbourne", "cup"): _nth_weekday(11, 1, 1),
    ("cup", "day"): _nth_weekday(11, 1, 1),
    ("labour", "weekend"): _nth_weekday(10, 0, 4),  # New Zealand's
    ("whitsun",): _easter_plus(49),
    ("whit", "sunday"): _easter_plus(49),
    ("pentecost",): _easter_plus(49),
    ("ash", "wednesday"): _easter_plus(-46),
    ("clocks", "went", "back"): _nth_weekday(10, 6, -1),
    ("clocks", "go", "back"): _nth_weekday(10, 6, -1),
    ("clocks", "going", "back"): _nth_weekday(10, 6, -1),
    ("clocks", "changed"): _nth_weekday(10, 6, -1),
    ("eid",): _listed({2025: (3, 30), 2026: (3, 20), 2027: (3, 10)}),
    ("eid", "al", "fitr"): _listed({2025: (3, 30), 2026: (3, 20), 2027: (3, 10)}),
    ("eid", "ul", "fitr"): _listed({2025: (3, 30), 2026: (3, 20), 2027: (3, 10)}),
    ("eid", "al", "adha"): _listed({2025: (6, 6), 2026: (5, 27), 2027: (5, 16)}),
    ("eid", "ul", "adha"): _listed({2025: (6, 6), 2026: (5, 27), 2027: (5, 16)}),
    ("bakrid",): _listed({2025: (6, 7), 2026: (5, 27), 2027: (5, 17)}),
    ("bakri", "eid"): _listed({2025: (6, 7), 2026: (5, 27), 2027: (5, 17)}),
    ("hari", "raya", "haji"): _listed({2025: (6, 7), 2026: (5, 27), 2027: (5, 17)}),
    ("hari", "raya", "aidiladha"): _listed({2025: (6, 7), 2026: (5, 27), 2027: (5, 17)}),
    ("hari", "raya", "puasa"): _listed({2025: (3, 31), 2026: (3, 21), 2027: (3, 10)}),
    ("hari", "raya", "aidilfitri"): _listed({2025: (3, 31), 2026: (3, 21), 2027: (3, 10)}),
    ("hari", "raya"): _listed({2025: (3, 31), 2026: (3, 21), 2027: (3, 10)}),
    ("holi",): _listed({2025: (3, 14), 2026: (3, 4), 2027: (3, 22)}),
    ("rosh", "hashanah"): _listed({2025: (9, 23), 2026: (9, 12), 2027: (10, 2)}),
    ("yom", "kippur"): _listed({2025: (10, 2), 2026: (9, 21), 2027: (10, 11)}),
    ("hanukkah",): _listed({2024: (12, 25), 2025: (12, 14), 2026: (12, 4), 2027: (12, 24)}),
}
#: Holidays whose date depends on the country, by the words that name the country (its
#: name, people, places): "Thanksgiving, the Canadian one". The default above is kept when
#: no such word is said; a month said beside the name picks the variant in that month
#: ("since thanksgiving weekend, our one in oct").
_CANADA = ("canada", "canadian", "canadians", "ontario", "toronto", "alberta", "quebec")
_NZ = ("nz", "kiwi", "kiwis", "zealand", "aotearoa", "auckland", "wellington", "kia")
_AUSTRALIA = ("australia", "australian", "aussie", "aus", "oz")
_NIGERIA = ("nigeria", "nigerian", "naija", "lagos", "abuja", "ibadan")
_GHANA = ("ghana", "ghanaian", "accra", "kumasi")
_KENYA = ("kenya", "kenyan", "nairobi", "mombasa")
_PHILIPPINES = ("philippines", "filipino", "pinoy", "manila", "cebu", "davao")
_INDIA = ("india", "indian", "mumbai", "delhi", "bangalore", "chennai", "kolkata")
_PAKISTAN = ("pakistan", "pakistani", "karachi", "lahore", "islamabad")
_MAY_FIRST = (*_NIGERIA, *_GHANA, *_KENYA, *_PHILIPPINES, *_INDIA, *_PAKISTAN, "singapore",
              "malaysia", "uganda", "tanzania", "zimbabwe", "zambia")
VARIANTS: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], Rule], ...]] = {
    ("thanksgiving",): ((_CANADA, _nth_weekday(10, 0, 2)),),
    ("labour", "day"): (
        (_NZ, _nth_weekday(10, 0, 4)),
        (("nsw", "sydney", "act", "canberra", "adelaide"), _nth_weekday(10, 0, 1)),
        (("queensland", "qld", "brisbane"), _nth_weekday(5, 0, 1)),
        (("victoria", "vic", "melbourne", "tasmania", "hobart"), _nth_weekday(3, 0, 2)),
        (("perth", "wa"), _nth_weekday(3, 0, 1)),
        (_MAY_FIRST, _fixed(5, 1)),
        (("jamaica", "jamaican"), _fixed(5, 23)),
        (("trinidad", "tobago", "trini"), _fixed(6, 19)),
    ),
    ("fathers", "day"): ((_AUSTRALIA + _NZ, _nth_weekday(9, 6, 1)),),
    ("independence", "day"): (
        (_GHANA, _fixed(3, 6)),
        (_NIGERIA, _fixed(10, 1)),
        (_INDIA, _fixed(8, 15)),
        (_PAKISTAN, _fixed(8, 14)),
        (_PHILIPPINES, _fixed(6, 12)),
        (("mexico", "mexican"), _fixed(9, 16)),
        (("jamaica", "jamaican"), _fixed(8, 6)),
        (("trinidad", "tobago", "trini"), _fixed(8, 31)),
        (("bangladesh", "bangladeshi"), _fixed(3, 26)),
        (_KENYA, _fixed(12, 12)),
    ),
}
VARIANTS[("labor", "day")] = VARIANTS[("labour", "day")]
_BANK_HOLIDAY_VARIANTS: tuple[tuple[tuple[str, ...], Rule], ...] = (
    (("ireland", "irish", "dublin", "cork", "galway", "limerick", "kerry", "donegal"),
     _irish_bank_holidays),
    (("scotland", "scottish", "scots", "glasgow", "edinburgh", "aberdeen", "dundee"),
     _scottish_bank_holidays),
)
VARIANTS[("bank", "holiday")] = VARIANTS[("bank", "hol")] = _BANK_HOLIDAY_VARIANTS
VARIANTS[("heroes", "day")] = ((_KENYA, _fixed(10, 20)),)


def _past(
    rule: Rule, today: datetime.date, month: int | None = None
) -> datetime.date | None:
    """The holiday's most recent date not after ``today`` (in ``month``, when given)."""
    past = [
        d for y in (today.year, today.year - 1) for d in rule(y)
        if d <= today and month in (None, d.month)
    ]
    return max(past) if past else None


def holiday_for(
    name: tuple[str, ...],
    today: datetime.date,
    cues: frozenset[str],
    month: int | None,
    weekday: int | None = None,
) -> datetime.date | None:
    """The most recent date of the holiday ``name`` for the country its ``cues`` (the words
    of the message) name, else the one in the ``month`` said beside it, else the one on the
    ``weekday`` said beside it ("thanksgiving, that monday": Canada's), else the default."""
    rules = [(keys, rule) for keys, rule in VARIANTS.get(name, ())]
    for keys, rule in rules:
        if cues & frozenset(keys):
            return _past(rule, today)
    if month is not None:  # "the October bank holiday": the one of that month
        for rule in [HOLIDAYS[name], *(rule for _, rule in rules)]:
            day = _past(rule, today, month)
            if day is not None:
                return day
    if weekday is not None:
        for rule in [HOLIDAYS[name], *(rule for _, rule in rules)]:
            day = _past(rule, today)
            if day is not None and day.weekday() == weekday:
                return day
    return _past(HOLIDAYS[name], today)


def differs_by_country(name: tuple[str, ...], cues: frozenset[str]) -> bool:
    """Whether the holiday ``name`` falls on other days in other countries and the
    message's words (``cues``) name none of them."""
    variants = VARIANTS.get(name, ())
    return bool(variants) and not any(cues & frozenset(keys) for keys, _ in variants)


#: Every word of a holiday's name (for the span patterns that find one), with the
#: possessive split off as the span tokenizer splits it ("paddy", "'s").
HOLIDAY_WORDS: frozenset[str] = frozenset(
    {w for name in HOLIDAYS for w in name}
    | {w[:-1] for name in HOLIDAYS for w in name if len(w) > 3 and w.endswith("s")}
    | {"'s", "’s"}
)


#: Holiday names, longest first, and the longest name's length (read once, not per token).
_LONGEST_FIRST: tuple[tuple[str, ...], ...] = tuple(sorted(HOLIDAYS, key=len, reverse=True))
_LONGEST = len(_LONGEST_FIRST[0])


def _plain(tok: str) -> str:
    return tok.replace("'", "").replace("’", "")


def holiday_at(
    toks: Sequence[str], k: int, today: datetime.date
) -> tuple[datetime.date | None, int] | None:
    """The holiday named at ``toks[k:]`` (longest name first): its most recent date not after
    ``today`` (None when none is known), and the index after its name; None if no name."""
    name = holiday_name_at(toks, k)
    return None if name is None else (_past(HOLIDAYS[name], today), k + len(name))


#: Events of a holiday's season, not its day ("the office christmas do", "the Diwali
#: party at work"): a holiday's name before one of them dates nothing.
SEASON_EVENTS = frozenset({
    "do", "dos", "party", "parties", "dinner", "lunch", "drinks", "market", "markets",
    "concert", "fair", "shopping", "shop", "tree", "lights", "play", "jumper", "nativity",
    "panto", "social", "meal", "rush", "decorations", "prep", "preparations", "sale", "sales",
})


def holiday_name_at(toks: Sequence[str], k: int) -> tuple[str, ...] | None:
    """The holiday's name at ``toks[k:]`` (longest first), or None; none before an event
    of its season ("christmas do")."""
    plain = tuple(_plain(t) for t in toks[k : k + _LONGEST])
    name = next((name for name in _LONGEST_FIRST if plain[: len(name)] == name), None)
    if name is None or toks[k + len(name) : k + len(name) + 1] and (
        _plain(toks[k + len(name)]) in SEASON_EVENTS
    ):
        return None
    return name
