"""Speech repairs a dictated or hurried message leaves: a slip, a repair word and the word
meant ("gone into spas um spasm", "touch my toast I mean toes"). The slip and the repair are
dropped before the message is read; what is found is put back at the message's offsets."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.nlu import patterns as P
from bot.nlu.spans import Extraction

#: A word, a repair word ("um", "I mean") and the word meant (looked at, not taken).
_REPAIR_RE = re.compile(
    r"\b([A-Za-z]{3,})[ ,]+(?:"
    + "|".join(
        re.escape(w) for w in sorted(P.CONTEXT_WORDS["speech_repairs"], key=len, reverse=True)
    )
    + r")[ ,.]+(?=([A-Za-z]+))",
    re.IGNORECASE,
)


def drop_slips(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without its slips, and the cuts made: (where in the new text, how many
    characters). A slip is dropped only when the word meant begins like it."""
    cuts: list[tuple[int, int]] = []
    parts: list[str] = []
    kept_to = removed = 0
    for match in _REPAIR_RE.finditer(text):
        slip, meant = match.group(1).lower(), match.group(2).lower()
        if slip[:2] != meant[:2] or slip == meant or match.start() < kept_to:
            continue
        parts.append(text[kept_to : match.start()])
        cuts.append((match.start() - removed, match.end() - match.start()))
        removed += match.end() - match.start()
        kept_to = match.end()
    if not cuts:
        return text, []
    parts.append(text[kept_to:])
    return "".join(parts), cuts


def at_original_offsets(found: Extraction, cuts: list[tuple[int, int]], text: str) -> Extraction:
    """``found`` (read from the repaired text) with the offsets and words of ``text``."""
    start = found.start + sum(n for at, n in cuts if at <= found.start)
    end = found.end + sum(n for at, n in cuts if at < found.end)
    return replace(found, start=start, end=end, text=text[start:end])
