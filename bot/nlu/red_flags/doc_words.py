"""A matcher document's words as the scope rules read them, and its sentences, read once.

The rules ask for a token's word (:func:`_n`: its spelling-normalised ``NORM``, stripped)
and for the sentence a mention stands in (:func:`_sentence`) many times per mention; both
are read once per document and kept on it (``doc.user_data``). A document made by
:func:`bot.nlu.red_flags.reading.make_doc` is not changed once made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bot.nlu.red_flags.rulebook import word_sets

_SENTENCE_ENDS = word_sets("scope")["sentence_ends"]
_KEY = "red_flags.words"


def _n(token: Token) -> str:
    return token.norm_.strip() or "\n"


@dataclass(frozen=True)
class _Read:
    """A document's words, and for each position where its sentence starts and the first
    sentence end at or after it (the document's length if none)."""

    words: list[str]
    starts: list[int]
    ends: list[int]


def _read(doc: Doc) -> _Read:
    read = doc.user_data.get(_KEY)
    if read is None or len(read.words) != len(doc):
        words = [_n(token) for token in doc]
        ending = [word in _SENTENCE_ENDS for word in words]
        starts = [0] * (len(words) + 1)
        for i in range(1, len(words) + 1):
            starts[i] = i if ending[i - 1] else starts[i - 1]
        ends = [len(words)] * (len(words) + 1)
        for i in range(len(words) - 1, -1, -1):
            ends[i] = i if ending[i] else ends[i + 1]
        read = doc.user_data[_KEY] = _Read(words, starts, ends)
    return read


def _sentence(span: Span) -> Span:
    """The sentence ``span`` stands in, with its full stop; a span that ends with a full
    stop ends its sentence there (it does not run on into the next one)."""
    doc = span.doc
    read = _read(doc)
    start = read.starts[span.start]
    if len(span) and read.words[span.end - 1] in _SENTENCE_ENDS:
        return doc[start : span.end]
    return doc[start : min(len(doc), read.ends[span.end] + 1)]


def _words(tokens: Iterable[Token]) -> set[str]:
    """The words of a span, a document or some tokens."""
    if isinstance(tokens, Span):
        return set(_read(tokens.doc).words[tokens.start : tokens.end])
    if isinstance(tokens, Doc):
        return set(_read(tokens).words)
    return {_n(t) for t in tokens}
