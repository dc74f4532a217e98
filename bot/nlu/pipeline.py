"""The Backstep spaCy pipeline and the :func:`extract` API.

The pipeline is ``spacy.blank("en")`` plus one built-in ``span_ruler`` whose
patterns come from :mod:`bot.nlu.patterns` (label = slot name, pattern id =
normalised value).  A span ruler rather than an entity ruler is used because matches
for different slots may overlap ("leg pain is 7").  Everything else (negation,
duration/score parsing, conflict resolution) happens here in plain Python, so a
pipeline saved with :func:`save_pipeline` loads with ``spacy.load`` alone.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from bot.nlu import patterns as P
from bot.nlu.duration import SMALL_NUMBERS, calendar_date_in, is_rate_or_future, parse_duration_days
from bot.nlu.holidays import HOLIDAY_WORDS
from bot.nlu.negation import contains_cue, is_negated, negation_cue_before

logger = logging.getLogger(__name__)

#: Longer input is cut to this many characters before matching.
MAX_CHARS = 20_000

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_PAIN_NUMBER_RE = re.compile(
    r"-?\d+(?:\.\d+)?|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b"
)
_PAIN_WORDS: dict[str, int] = {**SMALL_NUMBERS, "twenty": 20}


@dataclass(frozen=True)
class Extraction:
    """One normalised slot value found in a message."""

    entity: str  # one of the slot names in bot.nlu.patterns.SLOTS
    value: str | int | bool
    start: int  # char offsets in the text
    end: int
    text: str  # the matched text


#: Scots negatives and the verb each one negates ("cannae feel" = "can't feel").
_SCOTS_NEGATIVES: dict[str, str] = {
    "cannae": "can", "couldnae": "could", "didnae": "did", "dinnae": "din", "wouldnae": "would",
    "isnae": "is", "wasnae": "was", "willnae": "will", "havnae": "hav", "hasnae": "has",
}


def build_nlp() -> Language:
    """Build a fresh pipeline: blank English + a span ruler with the pattern tables."""
    nlp = spacy.blank("en")
    # Scots negative contractions split like "can't": "cannae" -> "can" + "nae".
    tokenizer: Tokenizer = nlp.tokenizer
    for word, stem in _SCOTS_NEGATIVES.items():
        for cased in (word, word.capitalize()):
            tokenizer.add_special_case(
                cased, [{ORTH: cased[: len(stem)]}, {ORTH: cased[len(stem) :], NORM: "not"}]
            )
    ruler = nlp.add_pipe(
        "span_ruler", config={"spans_key": P.SPANS_KEY, "validate": True, "overwrite": True}
    )
    ruler.add_patterns(P.ruler_patterns())  # type: ignore[attr-defined]
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline, built on first use."""
    return build_nlp()


def save_pipeline(path: str | Path) -> Path:
    """Write the pipeline to ``path`` (loadable with ``spacy.load(path)``)."""
    target = Path(path)
    build_nlp().to_disk(target)
    return target


def clean_text(text: str) -> str:
    """Same-length copy of ``text`` that tokenises well (curly quotes, control chars)."""
    text = text[:MAX_CHARS]
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return _CONTROL_RE.sub(" ", text)


def _stands_alone(span: Span) -> bool:
    doc = span.doc
    before_ok = span.start == 0 or doc[span.start - 1].is_punct or doc[span.start - 1].is_space
    after_ok = span.end >= len(doc) or doc[span.end].is_punct or doc[span.end].is_space
    return before_ok and after_ok


def _value_of(span: Span) -> str | None:
    """The pattern value of a span, or None if an ``@alone`` pattern is not alone."""
    value = span.id_
    if value.endswith(P.ALONE):
        if not _stands_alone(span):
            return None
        value = value[: -len(P.ALONE)]
    return value


def _longest(spans: Iterable[Span]) -> list[Span]:
    return sorted(filter_spans(list(spans)), key=lambda s: s.start)


def _extraction(entity: str, value: str | int | bool, spans: list[Span], text: str) -> Extraction:
    start = min(s.start_char for s in spans)
    end = max(s.end_char for s in spans)
    return Extraction(entity, value, start, end, text[start:end])


def _pain_number(span_text: str) -> int | None:
    match = _PAIN_NUMBER_RE.search(span_text.lower())
    if match is None:
        return None
    token = match.group(0)
    if token in _PAIN_WORDS:
        return _PAIN_WORDS[token]
    value = float(token)
    return int(-((-value + 0.5) // 1)) if value < 0 else int((value + 0.5) // 1)


#: The painful direction when a movement one way eases the pain.
_OPPOSITE = {"flexion": "extension", "extension": "flexion"}


def _negated_at(doc: Doc, i: int) -> bool:
    return any(_is_negation(t) for t in doc[max(0, i - 2) : i])


def _is_negation(token: Token) -> bool:
    return token.lower_ in P.NEGATION_TOKENS


#: Words that set one movement against the rest ("no difference, except bending").
_CONTRASTS = frozenset({"but", "except", "apart", "only", "though", "although"})
#: Subjects that open the main clause after a "when ..." clause.
_SUBJECTS = frozenset({"it", "that", "this", "the", "pain", "everything"})
#: Words after a comma that carry a list on ("Sitting, or leaning forward, eases it").
_LIST_GOES_ON = frozenset({"or", "and"})
#: Verbs after "both" that count the movements named before it ("both make it worse").
_BOTH_COUNTS = frozenset({"make", "hurt", "do", "are", "bother", "kill", "get"})
#: Words that turn a clause round: what follows says something else.
_CLAUSE_TURNS = frozenset({"but", "though", "although"})


def _relieves(span: Span, window: int = 15) -> bool:
    """Whether the clause says this movement eases the pain or is fine ("leaning back eases
    it", "bending over to stretch feels great", "sitting is no problem", "it eases off if I
    sit down", "Sitting, or leaning on the trolley, eases it straight away")."""
    doc = span.doc
    own = _value_of(span)
    others = {
        s.start for s in doc.spans.get(P.SPANS_KEY, [])
        if s.label_ == P.PAIN_DIRECTION and s.start >= span.end and _value_of(s) != own
    }
    for tok in doc[span.end : min(len(doc), span.end + window)]:
        if tok.i in others and (tok.i == 0 or doc[tok.i - 1].lower_ not in _LIST_GOES_ON):
            break  # "leaning back gets it, bending down is fine": the next movement's own
        following = doc[tok.i + 1 : tok.i + 3]
        if tok.lower_ in (",", "?") and any(
            t.lower_ in _SUBJECTS or t.lower_ in _LIST_GOES_ON or t.lower_ in P.RELIEF_WORDS
            for t in following[: 1 if tok.lower_ == "," else 2]
        ):
            # "when I lean forward, it is better", "Bending over the basin? That eases
            # it": the main clause, or the answer to the question, says how it is
            continue
        if tok.is_punct or tok.lower_ in _CLAUSE_TURNS:
            break
        word, negated = tok.lower_, _negated_at(doc, tok.i)
        if (word in P.RELIEF_WORDS and not negated) or (word in P.TROUBLE_WORDS and negated):
            return True
    for tok in reversed(doc[max(0, span.start - 6) : span.start]):
        if tok.is_punct or tok.lower_ in _CLAUSE_TURNS:
            break
        if tok.lower_ in P.RELIEF_WORDS and not _negated_at(doc, tok.i):
            return True
    return False


def _turn_after(doc: Doc, index: int, spans: list[tuple[Span, str]]) -> str | None:
    """The movement a contrast sets against a "no difference" said before ``index`` ("no
    difference, except bending"), if any."""
    for tok in doc[index:]:
        if tok.lower_ in _CONTRASTS:
            after = [v for s, v in spans if tok.i < s.start <= tok.i + 6 and v != "none"]
            if after:
                return after[0]
    return None


def _resolve_direction(spans: list[Span], text: str) -> Extraction | None:
    kept = [
        (s, _OPPOSITE.get(v, v) if _relieves(s) else v)
        for s in spans
        if (v := _value_of(s)) is not None and not is_negated(s)
    ]
    if not kept:
        return None
    constant = [s for s, v in kept if v == "constant"]
    kept = [(s, v) for s, v in kept if v != "constant"]
    if not kept:
        # "It hurts all the time", and nothing about movement: no direction
        return _extraction(P.PAIN_DIRECTION, "none", constant[-1:], text)
    values = {v for _, v in kept}
    moving = [s for s, v in kept if v in ("flexion", "extension", "both")]
    named = {v for _, v in kept if v in ("flexion", "extension")}
    counting = [s for s, v in kept if v == "both" and s[-1].lower_ in _BOTH_COUNTS]
    if len(named) == 1 and counting and all(v != "both" or s in counting for s, v in kept):
        # "driving and sitting both make it worse": "both" counts what was named
        return _extraction(P.PAIN_DIRECTION, named.pop(), moving, text)
    if "both" in values:
        # "both", said in so many words, wins over the movements it goes on to name
        return _extraction(P.PAIN_DIRECTION, "both", moving, text)
    nones = [s for s, v in kept if v == "none"]
    if nones:
        # "Bending, standing, sitting: it makes no difference", unless a contrast picks
        # one out ("no difference, except bending").
        doc = nones[0].doc
        turn = _turn_after(doc, nones[0].start, kept)
        contrast_before = any(t.lower_ in _CONTRASTS for t in doc[: nones[0].start])
        if turn is None and not (moving and contrast_before):
            return _extraction(P.PAIN_DIRECTION, "none", nones[-1:], text)
        if turn is not None:
            return _extraction(P.PAIN_DIRECTION, turn, moving, text)
    if {"flexion", "extension"} <= values:
        return _extraction(P.PAIN_DIRECTION, "both", moving, text)
    specific = [(s, v) for s, v in kept if v != "none"]
    span, value = (specific or kept)[-1]
    return _extraction(P.PAIN_DIRECTION, value, [span], text)


def _denied_after(span: Span) -> bool:
    """A "no" standing alone right after it ("Spasms no", "Spasm, no."), not one that
    begins the next thing ("locked up, no pain in my legs")."""
    doc = span.doc
    for tok in doc[span.end : span.end + 3]:
        if tok.is_punct:
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return tok.lower_ in P.ANSWER_WORDS["no_words"] and (after is None or after.is_punct)
    return False


def _negated_before(span: Span) -> bool:
    """A negation cue before ``span``, unless the span holds its own ("not tight")."""
    return not contains_cue(span) and negation_cue_before(span) is not None


def _resolve_flexibility(flex: list[Span], spasms: list[Span], text: str) -> Extraction | None:
    candidates: list[tuple[Span, str]] = []
    for span in flex:
        value = _value_of(span)
        if value is None:
            continue
        # A reassurance after it ("I can touch my toes fine") negates a complaint only.
        negated = is_negated(span) if value == "tight" else _negated_before(span)
        if negated:
            value = "normal" if value == "tight" else "tight"
        candidates.append((span, value))
    if not candidates:
        # A back in spasm, with nothing said of the muscles, is held tight; said beside
        # it, "flexible, can touch my toes" stays the answer.
        candidates.extend((span, "tight") for span in spasms)
    if not candidates:
        return None
    span, value = max(candidates, key=lambda item: item[0].start)
    return _extraction(P.FLEXIBILITY, value, [span], text)


def _resolve_leg_pain(spans: list[Span], text: str) -> Extraction | None:
    candidates: list[tuple[Span, bool]] = []
    for span in spans:
        pattern_value = _value_of(span)
        if pattern_value is None:
            continue
        positive = pattern_value == "true"
        reach = span.doc[max(0, span.start - 4) : span.start]
        if positive and any(t.lower_ in P.REACH_WORDS for t in reach):
            continue  # "my fingertips past my knees": how far they reach, not pain
        if is_negated(span):
            if not positive:
                continue  # "not only in my back": no evidence either way
            positive = False
        candidates.append((span, positive))
    if not candidates:
        return None
    # Any positive mention wins ("goes down my leg but not below the knee").
    positives = [c for c in candidates if c[1]]
    span, leg_pain = (positives or candidates)[-1]
    return _extraction(P.LEG_PAIN, leg_pain, [span], text)


#: Words that date a duration of hours as the start of the pain ("since this morning").
_ANCHORS = frozenset({"since", "ago", "started", "start", "began", "begun", "this", "today"})


def _anchored(doc: Doc, span: Span) -> bool:
    """Dated as the pain's start: "since this morning", "started 5 hours ago"."""
    before = doc[max(0, span.start - 3) : span.start]
    after = doc[span.end : min(len(doc), span.end + 2)]
    return any(t.lower_ in _ANCHORS for t in before) or any(t.lower_ == "ago" for t in after)


def _before_then(doc: Doc, span: Span) -> bool:
    """A span of the history before the current bout ("fifteen years before that", "on
    and off about 8 years")."""
    after = [t.lower_ for t in doc[span.end : span.end + 6]]
    before = [t.lower_ for t in doc[max(0, span.start - 5) : span.start]]
    around = " ".join(before + ["|"] + after)
    return any(
        w == "before" and after[i + 1 : i + 2] in (["that"], ["this"], ["then"], ["it"])
        for i, w in enumerate(after)
    ) or any(phrase in around for phrase in ("on and off", "off and on"))


def _resolve_duration(
    spans: list[Span], text: str, today: datetime.date
) -> tuple[Extraction | None, list[Span]]:
    """The last valid duration, and every span that looked like a duration."""
    result: Extraction | None = None
    seen: list[Span] = []
    for span in spans:
        if _value_of(span) is None:
            continue
        doc = span.doc
        before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
        after = [t.lower_ for t in doc[span.end : span.end + 2]]
        seen.append(span)
        if is_rate_or_future(before, after, span[-1].lower_):
            continue
        days = parse_duration_days(span.text, today)
        if days is None:  # "since Madaraka Day, 1st June": a day we don't know, then its date
            days = calendar_date_in(span.text, today)
        if days is not None and any(t.lower_ in HOLIDAY_WORDS for t in span):
            # the person's own date beside a holiday's name wins: names differ by country
            days = calendar_date_in(doc[span.start : span.end + 8].text, today) or days
        if days is not None and days < 1 and not _anchored(doc, span) and len(doc) > 5:
            continue  # "standing for two hours": how long an activity lasts
        if days is not None and result is not None and _before_then(doc, span):
            continue  # "since Heritage Day. On and off for fifteen years before that."
        if days is not None:
            result = _extraction(P.PAIN_DURATION_DAYS, days, [span], text)
    return result, seen


def _resolve_pain_score(
    spans: list[Span], durations: list[Span], text: str
) -> Extraction | None:
    found: list[tuple[int, Extraction]] = []
    for span in spans:
        if any(span.start < d.end and d.start < span.end for d in durations):
            continue  # "for 3 weeks", "pain is 2 days old": a duration, not a score
        if _value_of(span) is None:
            continue
        value = _pain_number(span.text)
        if value is not None:
            found.append((_score_time(span), _extraction(P.PAIN_SCORE, value, [span], text)))
    if not found:
        return None
    # Now over any time; a score of another time alone ("it was a 7", "bad days it's a 7")
    # is no answer here (the form reads a bare "A 6." itself). The last of equals wins.
    best = max(rank for rank, _ in found)
    return [e for rank, e in found if rank == best][-1] if best > 0 else None


def _score_time(span: Span) -> int:
    """2 for a score said to be now ("about a 6 today"), 0 for one of another time ("it
    was an 8 Monday", "bad days it's a 7"), else 1."""
    doc = span.doc
    before: set[str] = set()
    for tok in reversed(doc[max(0, span.start - 3) : span.start]):
        if tok.is_punct:
            break
        before.add(tok.lower_)
    after: set[str] = set()
    for tok in doc[span.end : span.end + 3]:
        if tok.is_punct:
            break
        after.add(tok.lower_)
    if (before | after | {t.lower_ for t in span}) & P.ANSWER_WORDS["now_words"]:
        return 2
    if (before | {t.lower_ for t in span}) & P.ANSWER_WORDS["other_time_words"] or (
        after & P.ANSWER_WORDS["other_time_words"]
    ):
        return 0
    return 1


def _echo_end(doc: Doc) -> int:
    """Where the answer starts after a short question echoed back ("Down the leg? No, ...",
    "Flexible? Never been"): what the question names is not an answer. 0 if none."""
    for tok in doc[:8]:
        if tok.text == "?":
            return tok.i + 1 if tok.i + 1 < len(doc) else 0
        if tok.text in (".", "!"):
            return 0
    return 0


def extract_from_doc(doc: Doc, text: str, today: datetime.date) -> list[Extraction]:
    """Normalise the ruler's spans on ``doc`` into at most one Extraction per slot."""
    by_label: dict[str, list[Span]] = {label: [] for label in P.SLOTS}
    for span in doc.spans.get(P.SPANS_KEY, []):
        by_label.setdefault(span.label_, []).append(span)
    echo = _echo_end(doc)
    spans = {
        label: _longest(s for s in items if s.start >= echo) for label, items in by_label.items()
    }

    spasms = [
        s for s in spans[P.SPASM]
        if _value_of(s) is not None and not is_negated(s) and not _denied_after(s)
    ]
    duration, duration_spans = _resolve_duration(spans[P.PAIN_DURATION_DAYS], text, today)
    found = [
        _resolve_direction(spans[P.PAIN_DIRECTION], text),
        duration,
        _resolve_flexibility(spans[P.FLEXIBILITY], spasms, text),
        _extraction(P.SPASM, True, [spasms[-1]], text) if spasms else None,
        _resolve_leg_pain(spans[P.LEG_PAIN], text),
        _resolve_pain_score(spans[P.PAIN_SCORE], duration_spans, text),
    ]
    return sorted((e for e in found if e is not None), key=lambda e: (e.start, e.entity))


def extract(text: str, today: datetime.date | None = None) -> list[Extraction]:
    """Extract normalised slot values from one free-text message.

    Never raises: unusable input gives an empty list.  ``today`` anchors relative
    dates ("since March"); it defaults to the current UTC date.
    """
    try:
        if not isinstance(text, str) or not text.strip():
            return []
        if today is None:
            today = datetime.datetime.now(datetime.timezone.utc).date()
        cleaned = clean_text(text)
        doc = get_nlp()(cleaned)
        return extract_from_doc(doc, text, today)
    except Exception:  # noqa: BLE001 - extraction must never break the dialogue
        logger.exception("Backstep NLP extraction failed")
        return []
