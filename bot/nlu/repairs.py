"""Speech repairs a dictated or hurried message leaves: a slip, a repair word and the word
meant ("gone into spas um spasm", "touch my toast I mean toes"), the word meant said
again on its own after the sentence, spelt right ("It doesn't cease up though. Seize up."),
or a sentence taken back by the next ("lying on my front hurts? wait no that's my neck,
ignore that").
The slip and the repair are dropped before the message is read; what is found is put back
at the message's offsets."""

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


#: A sentence of a word or two after another ("... a for. Four.", "... cease up though.
#: Seize up."): the word meant, and what followed it (said again after the slip too).
_FRAGMENT_RE = re.compile(
    r"[.?!]+\s+(?:(?i:an?|the)\s+)?([A-Za-z]{3,})((?:\s+[A-Za-z']+)?)[.?!]*\s*(?=$|[A-Z])"
)
_WORD_RE = re.compile(r"[A-Za-z']+")
#: How many words from its end the slip may stand in the sentence before.
_SLIP_REACH = 4


def sound_key(word: str) -> str:
    """A rough key of how ``word`` sounds: homophones a dictating phone mixes up share it
    ("cease" and "seize", "for" and "four", "would" and "wood", "brake" and "break")."""
    w = word.lower().replace("ould", "ood").replace("ph", "f").replace("ck", "k")
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k").replace("z", "s").replace("q", "k")
    rest = re.sub(r"[aeiouyhw']", "", w[1:])
    return re.sub(r"(.)\1+", r"\1", w[:1] + rest)


def _slips(text: str) -> list[tuple[int, int]]:
    """Where each slip runs, from the slip to the word meant, in ``text``'s offsets."""
    found: list[tuple[int, int]] = []
    for match in _REPAIR_RE.finditer(text):
        slip, meant = match.group(1).lower(), match.group(2).lower()
        if slip[:2] == meant[:2] and slip != meant:
            found.append((match.start(), match.end()))
    for match in _FRAGMENT_RE.finditer(text):
        meant, then = match.group(1), match.group(2).strip().lower()
        before = text[: match.start()]
        for word in list(_WORD_RE.finditer(before))[-_SLIP_REACH:]:
            slip = word.group()
            if slip.lower() == meant.lower() or sound_key(slip) != sound_key(meant):
                continue
            if before[word.end() :].strip().lower().startswith(then):
                found.append((word.start(), match.start(1)))
                break
    return sorted(found + _taken_back(text))


#: A sentence and what ends it.
_SENTENCE_RE = re.compile(r"[^.?!]+(?:[.?!]+|$)")
_OPENS_A_CORRECTION = P.ANSWER_WORDS["correction_words"] | {"no", "nah", "nope"}
_RETRACTIONS = [p.split() for p in P.ANSWER_WORDS["retraction_phrases"]]


def _taken_back(text: str) -> list[tuple[int, int]]:
    """Each sentence the next takes back, through the words that take it back: the next
    opens with a correction word or "no" and says to ignore it, or that it was not the
    back ("... also hurts? wait no that's my neck not my back, ignore that")."""
    found: list[tuple[int, int]] = []
    sentences = [m for m in _SENTENCE_RE.finditer(text) if m.group().strip()]
    for before, sentence in zip(sentences, sentences[1:], strict=False):
        words = list(_WORD_RE.finditer(sentence.group()))
        said = [w.group().lower().replace("'", "") for w in words]
        if not said or said[0] not in _OPENS_A_CORRECTION:
            continue
        ends = [
            k + len(phrase) - 1
            for phrase in _RETRACTIONS
            for k in range(len(said))
            if said[k : k + len(phrase)] == phrase
        ]
        if ends:
            start = before.start() + len(before.group()) - len(before.group().lstrip())
            found.append((start, sentence.start() + words[max(ends)].end()))
    return found


def drop_slips(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without its slips, and the cuts made: (where in the new text, how many
    characters). A slip is dropped only when the word meant begins like it, or, said again
    on its own after the sentence, sounds like it."""
    cuts: list[tuple[int, int]] = []
    parts: list[str] = []
    kept_to = removed = 0
    for start, end in _slips(text):
        if start < kept_to:
            continue
        parts.append(text[kept_to:start])
        cuts.append((start - removed, end - start))
        removed += end - start
        kept_to = end
    if not cuts:
        return text, []
    parts.append(text[kept_to:])
    return "".join(parts), cuts


def at_original_offsets(found: Extraction, cuts: list[tuple[int, int]], text: str) -> Extraction:
    """``found`` (read from the repaired text) with the offsets and words of ``text``."""
    start = found.start + sum(n for at, n in cuts if at <= found.start)
    end = found.end + sum(n for at, n in cuts if at < found.end)
    return replace(found, start=start, end=end, text=text[start:end])
