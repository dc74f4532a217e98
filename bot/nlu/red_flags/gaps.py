"""Runs of optional gap words ("~? ~? ~? ~?", the ``GAP`` macro) matched without spaCy's
blow-up, then checked exactly.

spaCy's ``Matcher`` follows every way a run of N identical optional tokens can take k
words and keeps each as a state of its own (C(N, k) of them for every start): one pattern
with a run of ten could cost 50 ms on a long message. A pattern with such runs is matched
instead as :func:`relaxed`, each run one ``*`` token (its matches are all the pattern's
and a few more, where a run took more words than it may), and each match of it is kept
only if :class:`Exact`, the pattern itself, matches exactly its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

Pattern = list[dict[str, Any]]
Test = Callable[[str], bool]


def _same_optional(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return a.get("OP") == b.get("OP") == "?" and a == b


def relaxed(pattern: Sequence[Mapping[str, Any]]) -> Pattern | None:
    """The pattern with each run of two or more identical optional tokens as one ``*``
    token, or None if it has no such run (or a token :class:`Exact` cannot read)."""
    if any(_test(token) is None for token in pattern):
        return None
    out: Pattern = []
    runs = 0
    for i, token in enumerate(pattern):
        if i and _same_optional(pattern[i - 1], token):
            if out[-1].get("OP") == "?":
                out[-1] = {**token, "OP": "*"}
                runs += 1
            continue
        out.append(dict(token))
    return out if runs else None


def _test(token: Mapping[str, Any]) -> Test | None:
    """What a token asks of a word's ``NORM``, as spaCy's ``Matcher`` reads it; None for
    anything else."""
    if set(token) - {"NORM", "OP"} or token.get("OP") not in (None, "1", "?", "*", "+"):
        return None
    norm = token.get("NORM")
    if isinstance(norm, str):
        return norm.__eq__
    if not isinstance(norm, Mapping) or len(norm) != 1:
        return None
    (kind, value), = norm.items()
    if kind == "IN":
        return frozenset(value).__contains__
    if kind == "NOT_IN":
        banned = frozenset(value)
        return lambda word: word not in banned
    if kind == "REGEX":
        search = re.compile(value).search
        return lambda word: search(word) is not None
    return None


class Exact:
    """Whether a pattern matches exactly a sequence of ``NORM``s (a small automaton)."""

    def __init__(self, pattern: Sequence[Mapping[str, Any]]) -> None:
        steps: list[tuple[Test, str]] = []
        for token in pattern:
            test, op = _test(token), token.get("OP") or "1"
            if test is None:
                raise ValueError(f"not a NORM token: {token}")
            # one or more: once, then any more
            steps += [(test, "1"), (test, "*")] if op == "+" else [(test, op)]
        self._steps = steps
        end = len(steps)
        #: The positions reached from each one without taking a word (optional steps skipped).
        self._free: list[frozenset[int]] = [frozenset({end})]
        for i in range(end - 1, -1, -1):
            skip = self._free[0] if steps[i][1] in ("?", "*") else frozenset()
            self._free.insert(0, frozenset({i}) | skip)
        self._end = end

    def __call__(self, norms: Sequence[str]) -> bool:
        at = self._free[0]
        for word in norms:
            after: set[int] = set()
            for i in at:
                if i == self._end:
                    continue
                test, op = self._steps[i]
                if test(word):
                    after |= self._free[i] if op == "*" else self._free[i + 1]
            if not after:
                return False
            at = frozenset(after)
        return self._end in at
