"""Reading short intake answers that need the question's context, and telling bad input apart.

The rule-based extractor (:mod:`bot.nlu`) reads answers that stand on their own
("7/10", "three weeks"); a bare "7" or "10" only makes sense next to the question
that was asked, so these helpers are called by the form with that question in mind.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

from bot.domain.programme import MAX_PAIN_SCORE

#: Longer answers than this are not read as a short answer to a question.
LONG_MESSAGE = 600

_NUMBER_WORDS = {
    "zero": 0, "nil": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    # Spanish, as people who mix it with English score ("ocho", "like a siete")
    "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    # French, Portuguese, Malay and Indonesian, Tagalog, Swahili and Arabic, as people who
    # mix them with English score ("huit sur dix", "tano out of ten", "arba'a")
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "huit": 8, "neuf": 9,
    "dix": 10, "dois": 2, "quatro": 4, "oito": 8, "nove": 9, "dez": 10,
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "lapan": 8, "delapan": 8, "sembilan": 9, "sepuluh": 10,
    "isa": 1, "dalawa": 2, "tatlo": 3, "apat": 4, "anim": 6, "pito": 7, "walo": 8,
    "siyam": 9, "sampu": 10,
    "moja": 1, "mbili": 2, "tatu": 3, "nne": 4, "tano": 5, "sita": 6, "saba": 7,
    "nane": 8, "tisa": 9, "kumi": 10,
    "wahid": 1, "thalatha": 3, "arbaa": 4, "khamsa": 5, "sitta": 6, "sabaa": 7,
    "thamania": 8, "tisaa": 9, "ashara": 10,
}  # fmt: skip
_BARE_NUMBER = re.compile(
    r"^\s*(?:(?:about|around|maybe|roughly|probably|like|it'?s|its|a|an|i'?d say)\s+)*"
    r"(?P<num>[-+]?\d+(?:[.,]\d+)?|[a-z]+)\s*(?:/\s*10|out (?:of|a|ah|o|uh)? ?(?:10|ten))?"
    r"\s*[.!]*\s*$",
    re.IGNORECASE,
)

# A few frequent words of languages people may write in by mistake.
_FOREIGN_WORDS = frozenset(
    (
        "el la los las que por para con una duele espalda hola gracias dolor mucho tengo desde "
        "semanas días hace muy le les est je suis mal dos bonjour merci avec pour une très ai au "
        "depuis semaine jours mois dans mon ma der das und ich nicht ist mit rücken schmerzen "
        "hallo danke il sono mi fa ciao grazie schiena "
        "como de en pero enero febrero marzo abril mayo junio julio agosto septiembre octubre "
        "noviembre diciembre "
        # romanised Hindi and Urdu
        "hai hain nahi nahin mein se aur bahut dard kamar hota hoti raha rahi ka ki ke ko "
        "theek lagta kuch aisa mujhe mera meri ji bhi tak jata jaata "
    ).split()
)


class BadInput(str, Enum):
    """Why a message could not be read as an answer."""

    EMPTY = "empty"
    EMOJI = "emoji"
    TOO_LONG = "too_long"
    OTHER_LANGUAGE = "other_language"
    UNCLEAR = "unclear"


def parse_bare_number(text: str) -> float | None:
    """A lone number such as "7", "about 6", "seven", "6.5" or "-3"; None otherwise."""
    match = _BARE_NUMBER.match(text or "")
    if not match:
        return None
    token = match.group("num").lower().replace(",", ".")
    if token in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token])
    try:
        return float(token)
    except ValueError:
        return None


_NUMBERS_IN_TEXT = re.compile(
    r"(?<![\w.])(?P<num>\d+(?:[.,]\d+)?|[a-z]+)"
    r"(?P<scale>\s*(?:/\s*10|(?:out (?:of |a |ah |o |o' |uh )?|outta |over |sur )"
    r"(?:10|ten|dix)))?",
    re.IGNORECASE,
)


#: A score said first, then a range's other end or "now" ("6 or 7", "6-7", "one right now").
_LEADING_SCORE = re.compile(
    r"^\s*(?:(?:about|around|maybe|probably|like|a|an)\s+)*(?P<num>\d{1,2}|[a-z]+)"
    r"(?:\s*(?:,?\s*(?:or\s+)?(?:maybe|perhaps|possibly|probably)|or|-|–|to)\s*(?:a\s+)?"
    r"(?P<other>\d{1,2}|[a-z]+)\b"
    r"|\s+(?:right\s+|just\s+)?(?:now|today|at the moment|atm|rn)\b)",
    re.IGNORECASE,
)


def _number(token: str) -> float | None:
    token = token.lower()
    if token in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[token])
    return float(token) if token.isdigit() else None


def _leading_score(text: str) -> float | None:
    """A score said first: "6 or 7", "nine, maybe eight" (a range, read as its first number,
    the one people lead with), "one right now it's a good morning"."""
    match = _LEADING_SCORE.match(text or "")
    if not match:
        return None
    first = _number(match.group("num"))
    other = match.group("other")
    if first is None or (other is not None and _number(other) is None):
        return None
    if other is not None and abs(float(_number(other) or 0) - first) > 2:
        return None  # "8 to 5 now": two scores, not a range
    return first


#: Two scores joined as a range anywhere in an answer ("Presently 5 to 6", "now 6 or 7").
_RANGE = re.compile(
    r"(?<![\w.])(?P<num>\d{1,2}|[a-z]+)\s*(?:-|–|to|or)\s*(?P<other>\d{1,2}|[a-z]+)\b",
    re.IGNORECASE,
)


#: "between 4 and 5", "between a 5 and a 6": a range said with "between".
_BETWEEN = re.compile(
    r"\bbetween\s+(?:an?\s+)?(?P<num>\d{1,2}|[a-z]+)\s+and\s+(?:an?\s+)?(?P<other>\d{1,2}|[a-z]+)\b",
    re.IGNORECASE,
)


def _range_in(text: str) -> float | None:
    """The first number of the only range of two close scores in ``text``, if any."""
    for match in [*_RANGE.finditer(text or ""), *_BETWEEN.finditer(text or "")]:
        first, other = _number(match.group("num")), _number(match.group("other"))
        if first is not None and other is not None and abs(other - first) <= 2:
            return first
    return None


#: Where a sentence ends, in a short answer.
_SENTENCE_END = re.compile(r"[.!?]+(?!\d)")


#: A half said after a score ("four and a half", "6 and half", "6½").
_HALF = re.compile(
    r"(?<![\w.])(?P<num>\d{1,2}|[a-z]+)\s*(?:and\s+(?:a\s+)?half\b|½)", re.IGNORECASE
)


def with_halves(text: str) -> str:
    """``text`` with a half said after a score written as ".5" ("four and a half" is
    "4.5")."""

    def half(match: re.Match[str]) -> str:
        number = _number(match.group("num"))
        return match.group(0) if number is None else f"{number:g}.5"

    return _HALF.sub(half, text or "")


_OPENING_NUMBER = re.compile(r"\s*(?P<num>\d{1,2}(?:\.5)?)\b(?![.,]\d)")


def _said_again_last(sentences: list[str]) -> float | None:
    """The number the last sentence opens with when an earlier one named it too ("7 or
    8... 8 put that"): the one chosen."""
    match = _OPENING_NUMBER.match(sentences[-1]) if len(sentences) > 1 else None
    if match is None:
        return None
    earlier = " ".join(sentences[:-1])
    chosen = match.group("num")
    return float(chosen) if re.search(rf"(?<![\d.]){re.escape(chosen)}(?![\d.])", earlier) else None


def parse_score_answer(text: str) -> float | None:
    """The number in an answer to "how bad, from 0 to 10?": a lone number, a score said
    first ("6 or 7", "one right now"), else the only number in it ("7. is strong", "Now is
    4.", "Around 5 po", "6/10 today"); None when it holds none or more than one ("8
    yesterday, 5 now" is asked again)."""
    text = with_halves(text).replace("'", "")  # "arba'a" is one word
    bare = parse_bare_number(text)
    if bare is not None:
        return bare
    sentences = [s for s in _SENTENCE_END.split(text or "") if s.strip()]
    settled = parse_bare_number(sentences[-1]) if len(sentences) > 1 else None
    if settled is not None:
        return settled  # "2 or 3. 3.": a number said alone last settles what came before
    again = _said_again_last(sentences)
    if again is not None:
        return again  # "7 or 8... 8 write that": one of the numbers said again, last
    leading = _leading_score(text)
    if leading is not None:
        return leading
    found = []
    for match in _NUMBERS_IN_TEXT.finditer(text or ""):
        token = match.group("num").lower()
        if token.isalpha() and (token not in _NUMBER_WORDS or token in ("one", "none")):
            continue
        found.append(token)
    if len(found) == 2:
        ranged = _range_in(text)
        if ranged is not None:
            return ranged  # "Presently 5 to 6": a range is its first number
    values = {float(_NUMBER_WORDS[t]) if t in _NUMBER_WORDS else float(t.replace(",", "."))
              for t in found}
    # none, or different numbers ("8 yesterday, 5 now"); "a 5, today a 5" and "3 saja,
    # only three" are one
    return values.pop() if len(values) == 1 else None


def valid_pain_score(value: object) -> float | None:
    """The score if it is a number from 0 to 10, else None."""
    if isinstance(value, bool):
        return None
    try:
        score = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if 0 <= score <= MAX_PAIN_SCORE:
        return score
    return None


def _is_symbolic(char: str) -> bool:
    category = unicodedata.category(char)
    return category.startswith(("S", "P", "Z", "C", "M")) or char in "\u200d\ufe0f"


def classify_bad_input(text: str | None) -> BadInput:
    """Why ``text`` could not be used as an answer, to choose a kind reply."""
    text = (text or "").strip()
    if not text:
        return BadInput.EMPTY
    if all(_is_symbolic(c) for c in text) and any(ord(c) > 0x2000 for c in text):
        return BadInput.EMOJI
    if len(text) > LONG_MESSAGE:
        return BadInput.TOO_LONG
    letters = [c for c in text if c.isalpha()]
    if letters and sum(1 for c in letters if not c.isascii()) / len(letters) > 0.3:
        return BadInput.OTHER_LANGUAGE
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) >= 2 and sum(w in _FOREIGN_WORDS for w in words) / len(words) >= 0.4:
        return BadInput.OTHER_LANGUAGE
    return BadInput.UNCLEAR


#: Invisible marks that can sit inside words and hide them from every reader: direction
#: controls, zero-width spaces, the word joiner, a byte-order mark, a soft hyphen; and NUL,
#: which PostgreSQL cannot store in text (the message would be neither answered nor kept).
_INVISIBLE = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c", "\u200b", "\u2060", "\ufeff", "\u00ad", "\x00"]
)
#: Joiners: invisible inside a word, but part of an emoji ("👨‍👩‍👧") or a script's spelling.
_JOINERS = frozenset({"\u200c", "\u200d"})


def without_invisible_marks(text: str) -> str:
    """``text`` without the invisible marks that split its words ("numb\u200b bum",
    "bl\u202eadder"), joiners kept except between two letters; what is seen stays."""
    kept = []
    for i, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if char in _JOINERS:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if before.isalpha() and after.isalpha() and before.isascii() and after.isascii():
                continue
        kept.append(char)
    return "".join(kept)
