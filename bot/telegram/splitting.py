"""Splitting a long reply into messages under Telegram's limit, at the best break:
a paragraph, a line, a sentence, a space; never inside a character or an emoji."""

from __future__ import annotations

import re
import unicodedata

TELEGRAM_TEXT_LIMIT = 4096
"""Telegram's limit on a message's text, in UTF-16 code units."""
TELEGRAM_CAPTION_LIMIT = 1024
"""Telegram's limit on the caption of a photo, an animation or a document."""

# Places to cut, best first. Each pattern matches the whitespace that the cut removes.
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # paragraph break
    re.compile(r"\n\s*"),  # line break
    re.compile(r"(?<=[.!?…])\s+"),  # sentence end (the punctuation stays with the sentence)
    re.compile(r"\s+"),  # space
)
_ZWJ = "\u200d"


def utf16_len(text: str) -> int:
    """The length of ``text`` as Telegram counts it: in UTF-16 code units."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _fitting_prefix(text: str, limit: int) -> int:
    """The largest ``n`` such that ``text[:n]`` has at most ``limit`` UTF-16 code units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def _joins_previous(char: str) -> bool:
    """Whether ``char`` belongs to the character before it (accent, emoji modifier, ZWJ…)."""
    code = ord(char)
    return (
        unicodedata.combining(char) != 0
        or char == _ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
    )


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF  # two of them make a flag


def _splits_a_character(text: str, cut: int) -> bool:
    """Whether cutting ``text`` before index ``cut`` would split a visible character."""
    if _joins_previous(text[cut]) or text[cut - 1] == _ZWJ:
        return True
    if _is_regional_indicator(text[cut]) and _is_regional_indicator(text[cut - 1]):
        start = cut
        while start > 0 and _is_regional_indicator(text[start - 1]):
            start -= 1
        return (cut - start) % 2 == 1  # inside a pair
    return False


def _hard_cut(text: str, end: int) -> int:
    """Move a cut at ``end`` back so it does not split a visible character, if possible."""
    cut = end
    while cut > 0 and _splits_a_character(text, cut):
        cut -= 1
    return cut or end  # one "character" longer than the limit has to be split after all


def split_message(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split ``text`` into parts of at most ``limit`` UTF-16 code units, none of them empty.

    A text that fits is returned as it is (whitespace-only text gives no parts). Otherwise
    each cut goes at the last paragraph break that fits, else the last line break, else the
    last sentence end, else the last space (a break is taken only if it leaves the part at
    least half the limit long; otherwise the next kind is tried), else a hard cut that
    splits no character (no surrogate pair, accent, emoji sequence or flag) unless one
    character alone exceeds the limit. The whitespace at a cut is dropped, nothing else is
    changed.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2 (one emoji is 2 UTF-16 code units)")
    if not text.strip():
        return []
    parts: list[str] = []
    rest = text
    while utf16_len(rest) > limit:
        end = _fitting_prefix(rest, limit)
        part, rest = _cut(rest, end, limit)
        if part.strip():
            parts.append(part)
        rest = rest.lstrip()
    if rest.strip():
        parts.append(rest)
    return parts


def _cut(text: str, end: int, limit: int) -> tuple[str, str]:
    """Cut ``text``, which is longer than ``limit``, where ``text[:end]`` is the most that fits."""
    shortest = limit // 2
    for pattern in _BREAKS:
        best: re.Match[str] | None = None
        for match in pattern.finditer(text):
            if match.start() > end:
                break
            best = match
        if best is not None:
            part = text[: best.start()].rstrip()
            if utf16_len(part) >= shortest:
                return part, text[best.end() :].lstrip()
    cut = _hard_cut(text, end)
    return text[:cut], text[cut:]
