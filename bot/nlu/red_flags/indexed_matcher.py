"""A spaCy ``Matcher`` split by anchor word, so a message runs only the patterns it can match.

spaCy's ``Matcher`` tries every pattern at every token, and a ``NORM IN [...]`` token is a
Python call per token and word set: with some 1,500 target patterns that was most of the
detector's cost. Each pattern here is filed under one *anchor*, a token it cannot match
without (neither optional nor a gap, its words listed), in one small ``Matcher`` per
anchor; a message runs the patterns whose anchor has a word among the message's ``NORM``s,
and those with no anchor (a regex, say) always. A group runs only when one of its patterns
has a word in the message for every listed token it needs (most patterns need two or
three: "back" anchors many groups, few of which also find their other words). A pattern
it skips could not have matched,
so the matches are the single ``Matcher``'s, in a fixed order: by start, then end, then
the order the keys were added in. A pattern with a run of optional gap words is run as
:mod:`.gaps` relaxes it, under a key of its own, and each of its matches checked exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from bot.nlu.red_flags.gaps import Exact, relaxed

Pattern = list[dict[str, Any]]
#: Quantifiers under which a token must be there at least once.
_REQUIRED_OPS = (None, "1", "+")


def _anchor_words(token: Mapping[str, Any]) -> frozenset[str] | None:
    """The words a token must be one of (its ``NORM`` literal or ``IN`` list), if listed."""
    if token.get("OP") not in _REQUIRED_OPS or set(token) - {"NORM", "OP"}:
        return None
    norm = token.get("NORM")
    if isinstance(norm, str):
        return frozenset({norm})
    if isinstance(norm, Mapping) and set(norm) == {"IN"}:
        return frozenset(norm["IN"])
    return None


def _cost(words: frozenset[str]) -> tuple[int, int]:
    """How often an anchor would let its patterns run: the fewer and longer its words, the
    rarer (a one- or two-letter word, "i", "my", is in most messages)."""
    return sum(1 if len(w) > 2 else 20 for w in words), -min(len(w) for w in words)


def needs(pattern: Sequence[Mapping[str, Any]]) -> list[frozenset[str]]:
    """The word lists of the tokens the pattern cannot match without."""
    return [words for words in map(_anchor_words, pattern) if words]


def anchor(pattern: Sequence[Mapping[str, Any]]) -> frozenset[str] | None:
    """The rarest listed token the pattern cannot match without, or None."""
    listed = needs(pattern)
    return min(listed, key=_cost) if listed else None


def _fewest(wants: set[frozenset[int]]) -> tuple[frozenset[int], ...]:
    """A group's wants without those that ask all another asks and more (if that one is
    met, the group runs anyway), the smallest first."""
    kept: list[frozenset[int]] = []
    for want in sorted(wants, key=lambda w: (len(w), sorted(w))):
        if not any(other <= want for other in kept):
            kept.append(want)
    return tuple(kept)


class IndexedMatcher:
    """Token patterns by key, matched like one ``Matcher`` but run by anchor word."""

    def __init__(self, vocab: Vocab, patterns: Mapping[str, Sequence[Pattern]]) -> None:
        grouped: dict[frozenset[str] | None, dict[str, list[Pattern]]] = defaultdict(
            lambda: defaultdict(list)
        )
        wants: dict[frozenset[str] | None, set[frozenset[int]]] = defaultdict(set)
        #: Every word list a pattern needs besides its anchor, numbered, and the numbers of
        #: those each word is in.
        self._need_ids: dict[frozenset[str], int] = {}
        self._needs_with: dict[str, list[int]] = defaultdict(list)
        #: A relaxed pattern's own key: the key it stands for and the pattern to check.
        self._exact: dict[int, tuple[int, Exact]] = {}
        for key, key_patterns in patterns.items():
            for pattern in key_patterns:
                words = anchor(pattern)
                loose = relaxed(pattern)
                if loose is None:
                    grouped[words][key].append(pattern)
                else:
                    own = f"{key}#gaps{len(self._exact)}"
                    grouped[words][own].append(loose)
                    self._exact[vocab.strings.add(own)] = (vocab.strings.add(key), Exact(pattern))
                wants[words].add(frozenset(map(self._need_id, set(needs(pattern)) - {words})))
        self._rank = {vocab.strings.add(key): rank for rank, key in enumerate(patterns)}
        self._always: list[Matcher] = []
        self._matchers: list[Matcher] = []
        #: Per anchored group, what else each of its patterns needs (any one will do).
        self._wants: list[tuple[frozenset[int], ...]] = []
        self._by_word: dict[str, list[int]] = defaultdict(list)
        for words, by_key in grouped.items():
            matcher = Matcher(vocab, validate=True)
            for key, key_patterns in by_key.items():
                matcher.add(key, key_patterns)
            if words is None:
                self._always.append(matcher)
                continue
            for word in words:
                self._by_word[word].append(len(self._matchers))
            self._matchers.append(matcher)
            self._wants.append(_fewest(wants[words]))

    def _need_id(self, words: frozenset[str]) -> int:
        if words not in self._need_ids:
            self._need_ids[words] = len(self._need_ids)
            for word in words:
                self._needs_with[word].append(self._need_ids[words])
        return self._need_ids[words]

    def __len__(self) -> int:
        """How many anchored groups of patterns there are (plus the unanchored one)."""
        return len(self._matchers) + len(self._always)

    def groups_for(self, doc: Doc) -> list[int]:
        """The anchored groups ``doc`` runs: one of each group's patterns has every word it
        needs in ``doc``."""
        norms = {token.norm_ for token in doc}
        met = {n for word in norms & self._needs_with.keys() for n in self._needs_with[word]}
        anchored = {i for word in norms & self._by_word.keys() for i in self._by_word[word]}
        return sorted(i for i in anchored if any(want <= met for want in self._wants[i]))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` of every match, by start, end and key order."""
        found: set[tuple[int, int, int]] = set()
        norms: list[str] = []
        for matcher in [*self._always, *(self._matchers[i] for i in self.groups_for(doc))]:
            for match_id, start, end in matcher(doc):
                if match_id not in self._exact:
                    found.add((match_id, start, end))
                    continue
                key, exact = self._exact[match_id]
                norms = norms or [token.norm_ for token in doc]
                if (key, start, end) not in found and exact(norms[start:end]):
                    found.add((key, start, end))
        return sorted(found, key=lambda m: (m[1], m[2], self._rank[m[0]]))
