"""Reading a message as the matcher does: words normalised (spelling, typos within a small
distance of a target word, glued words split, voice-to-text sound-alikes of several words
read as the word meant), and the matcher built once."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from spacy.tokens import Doc, Token

from bot.nlu.pipeline import clean_text, get_nlp
from bot.nlu.red_flags import patterns as RP
from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.indexed_matcher import IndexedMatcher

_LETTER_STOP_RE = re.compile(r"[A-Za-z]\.")
_GLUE_RE = re.compile(
    r"(?<=[^\W\d_]{2})[.,]+(?=[^\W\d_])|(?<=[^\W\d_])(?:[!?;:…]+|\.{2,})(?=[^\W\d_])"
)


# --------------------------------------------------------------------------------------
# spelling normalisation
# --------------------------------------------------------------------------------------
def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance, giving up (limit + 1) beyond ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=1)
def _targets_by_letter() -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for word in sorted(RV.FUZZY_TARGETS):
        grouped[word[0]].append(word)
    return {letter: tuple(words) for letter, words in grouped.items()}


@lru_cache(maxsize=1)
def _pattern_words() -> frozenset[str]:
    """Every literal word of the patterns and token classes (for dropped-g spellings)."""
    words: set[str] = set()
    for kinds in RP.PATTERNS.values():
        for patterns in kinds.values():
            for pattern in patterns:
                words.update(re.findall(r"[a-z]+ing\b", pattern))
    for phrases in RV.MACROS.values():
        for phrase in phrases:
            words.update(re.findall(r"[a-z]+ing\b", phrase))
    for token_class in RV.TOKEN_CLASSES.values():
        norms = token_class.get("NORM", {})
        if isinstance(norms, dict):
            words.update(w for w in norms.get("IN", ()) if str(w).endswith("ing"))
    return frozenset(words)


@lru_cache(maxsize=8192)
def normalise_word(word: str) -> str | None:
    """Canonical spelling of a lower-cased word, or None if it is not a known variant.

    Known misspellings come from :data:`RV.SPELLINGS`; otherwise a word of 5+ letters
    within one edit (two for 10+ letters) of a :data:`RV.FUZZY_TARGETS` word with the
    same first letter is taken as that word, unless it is a protected real word.
    """
    if word in RV.SPELLINGS:
        return RV.SPELLINGS[word]
    if word in RV.FUZZY_TARGETS or word in RV.PROTECTED_WORDS:
        return None
    if len(word) >= 4 and word.endswith("in") and word not in RV.REAL_IN_WORDS:
        # "droppin", "usin", "fallin": a dropped g; "dragin", "sittin": and a consonant
        # written once that the -ing form doubles
        for full in (word + "g", word[:-2] + word[-3] + "ing"):
            if full in _pattern_words():
                return full
    if len(word) < 5 or not word.isalpha():
        return None
    limit = 2 if len(word) >= 10 else 1
    best: tuple[int, str] | None = None
    for target in _targets_by_letter().get(word[0], ()):
        if len(target) < 5:
            continue
        distance = _distance(word, target, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, target)
    return best[1] if best else None


def _norm(token: Token) -> str:
    lower = token.lower_
    fixed = normalise_word(lower)
    if fixed is not None:
        return fixed
    default = token.norm_
    if default != lower and ("'" in lower or len(lower) <= 3):
        return default
    return lower


# --------------------------------------------------------------------------------------
# the document and the matcher
# --------------------------------------------------------------------------------------
def _split_glued(text: str) -> list[str]:
    """``"bum!!my"`` -> ``["bum", "!!", "my"]``; other tokens are returned whole."""
    pieces: list[str] = []
    last = 0
    for match in _GLUE_RE.finditer(text):
        pieces.extend(p for p in (text[last : match.start()], match.group(0)) if p)
        last = match.end()
    pieces.append(text[last:])
    return [p for p in pieces if p]


@lru_cache(maxsize=1)
def _longest_sound_alike() -> int:
    return max((len(heard.split()) for heard in RV.SOUND_ALIKES), default=0)


@lru_cache(maxsize=1)
def _sound_alike_openers() -> frozenset[str]:
    """The words a sound-alike starts with (a message with none of them has none)."""
    return frozenset(heard.split()[0] for heard in RV.SOUND_ALIKES)


def _sound_alikes(doc: Doc, norms: list[str]) -> list[tuple[int, int, str]]:
    """Voice-to-text sound-alikes (:data:`RV.SOUND_ALIKES`): a phrase meant as as many
    words ("settle area") gets their norms in ``norms``; one meant as a single word
    ("epic dural") is returned as ``(start, end, word)``, tokens to merge."""
    words = [token.lower_ for token in doc]
    merges: list[tuple[int, int, str]] = []
    openers = _sound_alike_openers()
    i = 0
    while i < len(words):
        if words[i] not in openers:
            i += 1
            continue
        for size in range(min(_longest_sound_alike(), len(words) - i), 1, -1):
            meant = RV.SOUND_ALIKES.get(" ".join(words[i : i + size]))
            if meant is not None and not _glued_on(doc, i + size):
                parts = meant.split()
                if len(parts) == 1:
                    merges.append((i, i + size, meant))
                else:
                    norms[i : i + size] = parts
                i += size
                break
        else:
            i += 1
    return merges


def _glued_on(doc: Doc, end: int) -> bool:
    """Whether the token before ``end`` is the first part of a word the tokeniser split
    ("ca" of "cant": "bladder: cant pee" names no bladder cancer)."""
    return 0 < end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha


def make_doc(text: str) -> Doc:
    """Tokenise ``text`` (same characters, same offsets) with normalised ``NORM``s."""
    nlp = get_nlp()
    base = nlp.make_doc(clean_text(text))
    words: list[str] = []
    spaces: list[bool] = []
    norms: list[str] = []
    for token in base:
        parts = _split_glued(token.text) if len(token.text) > 3 else [token.text]
        if _LETTER_STOP_RE.fullmatch(token.text) and (
            token.i + 1 == len(base) or base[token.i + 1].is_title
        ):
            # "hope this isn't a silly q. Came off ...": kept whole as an abbreviation by
            # the tokeniser, a letter and the full stop that ends its sentence
            parts = [token.text[0], "."]
        if len(parts) == 1:
            norms.append(_norm(token))
        else:
            norms.extend(normalise_word(p.lower()) or p.lower() for p in parts)
        words.extend(parts)
        spaces.extend([False] * (len(parts) - 1) + [bool(token.whitespace_)])
    doc = base if len(words) == len(base) else Doc(nlp.vocab, words=words, spaces=spaces)
    merges = _sound_alikes(doc, norms)
    for token, norm in zip(doc, norms, strict=True):
        token.norm_ = norm
    if merges:
        with doc.retokenize() as retokenizer:
            for start, end, meant in merges:
                retokenizer.merge(doc[start:end], attrs={"NORM": meant})
    return doc


@lru_cache(maxsize=1)
def get_matcher() -> IndexedMatcher:
    """The red-flag matcher over the pipeline's vocabulary, built on first use."""
    return IndexedMatcher(get_nlp().vocab, RP.matcher_patterns())
