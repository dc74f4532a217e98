"""The Backstep spaCy pipeline and the :func:`extract` API.

The pipeline is ``spacy.blank("en")`` plus one built-in ``span_ruler`` whose
patterns come from :mod:`bot.nlu.patterns` (label = slot name, pattern id =
normalised value).  A span ruler rather than an entity ruler is used because matches
for different slots may overlap ("leg pain is 7").  Everything else (negation,
duration/score parsing, conflict resolution) happens in plain Python: here for leg
pain and the score, in :mod:`bot.nlu.flexibility` for how supple the person is, in
:mod:`bot.nlu.direction` for the painful movement and in :mod:`bot.nlu.bout` for how
long this bout has lasted; so a pipeline
saved with :func:`save_pipeline` loads with ``spacy.load`` alone.
"""

from __future__ import annotations

import datetime
import logging
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from bot.domain.answers import parse_score_answer
from bot.nlu import patterns as P
from bot.nlu.bout import resolve_duration
from bot.nlu.dates import utc_today
from bot.nlu.direction import resolve_direction
from bot.nlu.duration import (
    SMALL_NUMBERS,
    calendar_date_in,
    in_the_month_corrected,
    number_restated,
    start_named_in,
)
from bot.nlu.echoes import (
    a_hedged_answer,
    asked_back,
    echo_answer,
    echo_answered,
    echo_end,
    in_a_question,
)
from bot.nlu.flexibility import resolve_flexibility
from bot.nlu.leg_mentions import a_sensation, of_their_strength, said_fine, taken_back
from bot.nlu.leg_reach import a_destination_only, reached
from bot.nlu.negation import is_negated
from bot.nlu.repairs import at_original_offsets, drop_slips
from bot.nlu.span_dates import from_a_name
from bot.nlu.spans import (
    CLAUSE_TURNS,
    CONTEXT,
    CONTRASTS,
    SENTENCE_ENDS,
    Extraction,
    extraction,
    in_a_year_gone,
    is_negation,
    longest,
    same_sentence,
    value_of,
)
from bot.nlu.spasm import denial_after, live_spasms, resolve_spasm

logger = logging.getLogger(__name__)

#: Longer input is cut to this many characters before matching.
MAX_CHARS = 20_000

_DROPPED_G_RE = re.compile(r"(?<=[A-Za-z]in)'(?![A-Za-z])")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_PAIN_NUMBER_RE = re.compile(
    r"-?\d+(?:\.\d+)?|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b"
)
_PAIN_WORDS: dict[str, int] = {**SMALL_NUMBERS, "twenty": 20}


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
    """Same-length copy of ``text`` that tokenises well (curly quotes, control chars, a
    dropped g written as an apostrophe: "standin'" is "standing")."""
    text = text[:MAX_CHARS]
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = _DROPPED_G_RE.sub("g", text)
    return _CONTROL_RE.sub(" ", text)


def _pain_number(span_text: str) -> float | None:
    first = span_text.lower().split()[:1]
    if first and first[0] in P.SCORE_HOMOPHONES:
        return P.SCORE_HOMOPHONES[first[0]]  # "for out of ten"
    match = _PAIN_NUMBER_RE.search(span_text.lower())
    if match is None:
        return None
    token = match.group(0)
    if token in _PAIN_WORDS:
        return _PAIN_WORDS[token]
    value = float(token)
    if value >= 0 and (value * 2).is_integer() and not value.is_integer():
        return value  # "NRS 5.5/10": a half is kept
    return int(-((-value + 0.5) // 1)) if value < 0 else int((value + 0.5) // 1)


def _held_by_a_spasm(span: Span, spasms: list[Span]) -> bool:
    """"it locked, I could not straighten up for an hour", "I was stuck bent over": not
    standing straight because a spasm held the back, or the posture it held the back in,
    not a movement that hurts (said beside the spasm)."""
    if any(0 <= span.start - s.end <= 1 and same_sentence(span, s) for s in spasms):
        return True  # "stuck bent over", "locked up stooped"
    upright = any(t.lower_.startswith(("straight", "stand", "upright")) for t in span)
    # "... seized solid, took me a good ten min to stand up straight": getting upright
    # again, by effort or not at all
    effort = any(
        t.lower_ in CONTEXT["upright_effort_words"]
        for t in span.doc[max(0, span.start - _EFFORT_REACH) : span.start]
    )
    cannot = upright and (effort or any(is_negation(t) for t in span))
    return cannot and any(same_sentence(span, s) for s in spasms)


#: How many words before getting upright may say what it took ("took me a good ten min to").
_EFFORT_REACH = 7


def _resolve_leg_pain(spans: list[Span], text: str) -> Extraction | None:
    candidates: list[tuple[Span, bool]] = []
    for span in spans:
        pattern_value = value_of(span)
        if pattern_value is None:
            continue
        positive = pattern_value == "true"
        if reached(span) or positive and (
            a_destination_only(span) or said_fine(span) or taken_back(span)
            or in_a_year_gone(span)  # "In 2015 it went down the left leg. This time ..."
        ):
            continue  # "my fingertips past my knees": how far they reach, not pain
        if is_negated(span):
            if not positive or a_sensation(span):
                # "not only in my back": no evidence either way; "no numbness in my legs"
                # denies a warning sign, not pain that spreads
                continue
            positive = False
        elif not positive and of_their_strength(span):
            continue  # "legs are fine strength wise": the screen's answer, not about pain
        candidates.append((span, positive))
    if not candidates:
        return None
    # Any positive mention wins ("goes down my leg but not below the knee").
    positives = [c for c in candidates if c[1]]
    span, leg_pain = (positives or candidates)[-1]
    if positives and all(_names_a_diagnosis(s) for s, _ in positives) and len(
        positives
    ) == len(candidates):
        # "my sciatic is playing up": often said of a buttock; the question still comes
        return extraction(P.LEG_PAIN, True, [span], text, role=P.CONTEXT_ROLE)
    if not leg_pain and all(_keeps_to_the_back(s) or _into_a_hip(s) for s, _ in candidates):
        # "I meant only the back pain, everything else is normal", "it goes more into my
        # hip": where it is answers the leg question when it was asked, not in passing
        return extraction(P.LEG_PAIN, False, [span], text, role=P.CONTEXT_ROLE)
    return extraction(P.LEG_PAIN, leg_pain, [span], text)


_LEG_WORDS: frozenset[str] = frozenset(P.TOKEN_CLASSES["LEG"]["LOWER"]["IN"])


def _keeps_to_the_back(span: Span) -> bool:
    """A "no" that only says where the pain is ("just the back", "stays in my lower
    back"), naming no leg."""
    words = {t.lower_ for t in span}
    return bool(words & P.ANSWER_WORDS["back_words"]) and not words & _LEG_WORDS


def _into_a_hip(span: Span) -> bool:
    """"into the right hip": as far as the hip, with nothing saying it stops there."""
    return span[0].lower_ in ("in", "into", "intae", "inta") and span[-1].lower_ in ("hip", "hips")


_SCIATICA: frozenset[str] = frozenset(P.TOKEN_CLASSES["SCIATICA"]["LOWER"]["IN"])


def _names_a_diagnosis(span: Span) -> bool:
    return all(t.lower_ in _SCIATICA for t in span)


def _resolve_pain_score(
    spans: list[Span], durations: list[Span], text: str
) -> Extraction | None:
    found: list[tuple[int, Extraction]] = []
    for span in spans:
        if any(span.start < d.end and d.start < span.end for d in durations):
            continue  # "for 3 weeks", "pain is 2 days old": a duration, not a score
        if value_of(span) is None:
            continue
        if _a_measure(span):
            continue  # "couldn't straighten for like 10 min", "feeding 8-10 times a day"
        if _someone_elses_score(span):
            continue  # "my patients would say 10 for this": theirs, not the person's
        value: float | None = _range_start(span)
        value = _pain_number(span.text) if value is None else value
        settled = _settled_after(span)
        if settled is not None and not any(  # "Maybe six, but seven is true"
            settled.start < d.end and d.start < settled.end for d in durations
        ) and _score_time(settled) >= _score_time(span):
            value, span = _pain_number(settled.text), settled
        if value is not None:
            found.append((_score_time(span), extraction(P.PAIN_SCORE, value, [span], text)))
    if not found:
        return None
    # Now over any time; a score of another time alone ("it was a 7", "bad days it's a 7")
    # is no answer here (the form reads a bare "A 6." itself). The last of equals wins.
    best = max(rank for rank, _ in found)
    return [e for rank, e in found if rank == best][-1] if best > 0 else None


def _a_measure(span: Span) -> bool:
    """A number, or a range it opens, that counts or measures something ("like 10 min",
    "8-10 times a day", "6 or 7 times a night"): no score."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ in ("-", "\u2013", "to", "or") and (
        doc[end + 1].like_num
    ):
        end += 2
    return end < len(doc) and doc[end].lower_ in CONTEXT["measure_words"]


def _someone_elses_score(span: Span) -> bool:
    """A score said by someone else ("my patients would say 10", "the wife says 9"): a
    word of saying just before it with no "I" before that word."""
    words = [t.lower_ for t in span.doc[max(0, span.start - 4) : span.end]]
    said = [i for i, w in enumerate(words) if w in CONTEXT["saying_words"]]
    if not said:
        return False
    before = words[max(0, said[0] - 2) : said[0]]
    return bool(before) and not set(before) & CONTEXT["first_person_words"]


def _settled_after(span: Span) -> Span | None:
    """A bare number just after a contrast that follows a score ("Maybe six, but seven is
    true"): the person settles on it."""
    doc = span.doc
    rest = [t for t in doc[span.end : span.end + 4] if not t.is_punct]
    if len(rest) >= 2 and rest[0].lower_ in CONTRASTS and rest[1].like_num:
        number = doc[rest[1].i : rest[1].i + 1]
        return number if _pain_number(number.text) is not None else None
    return _said_again_at_the_end(span)


def _said_again_at_the_end(span: Span) -> Span | None:
    """A bare number that ends the sentence after a contrast, past a word of agreeing
    ("Maybe 6 after a long braai, but ja, 5."): said again, settled on."""
    doc = span.doc
    sentence = [t for t in doc[span.end : len(doc)] if not t.is_punct]
    ends = next((i for i, t in enumerate(doc[span.end :]) if t.text in SENTENCE_ENDS), None)
    if ends is not None:
        sentence = [t for t in doc[span.end : span.end + ends] if not t.is_punct]
    if len(sentence) < 2 or not sentence[-1].like_num:
        return None
    between = [t.lower_ for t in sentence[:-1]]
    if not any(w in CONTRASTS for w in between):
        return None
    after = between[max(i for i, w in enumerate(between) if w in CONTRASTS) + 1 :]
    if any(w not in P.ANSWER_WORDS["yes_words"] for w in after):
        return None
    number = doc[sentence[-1].i : sentence[-1].i + 1]
    return number if _pain_number(number.text) is not None else None


def _range_start(span: Span) -> int | None:
    """The first number of a range the score ends ("6 or 7 out of 10", "5, maybe 6/10"):
    the one people lead with, as the form reads a range said alone."""
    doc = span.doc
    for k in range(span.start - 1, max(-1, span.start - 4), -1):
        if doc[k].like_num:
            first = parse_score_answer(doc[k : span.end].text)
            return None if first is None else int(first)
    return None


#: Words of another time only just before a score ("worst is a 7", "was a 6"), not
#: further back in its clause ("leaning back is worst pain 6/10").
_NOT_A_TIME = frozenset({"worst", "best", "bad", "was", "were", "used"})


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
        if tok.is_punct or tok.lower_ in CLAUSE_TURNS:
            break  # "On the road it's a 7 but right now ... a 5"
        after.add(tok.lower_)
    near: set[str] = set()  # "right now at home I'd give it a 5"
    wide: set[str] = set()  # "right now, sat here with a brew, it's about a 5"
    at_comma = False
    for tok in reversed(doc[max(0, span.start - 10) : span.start]):
        if tok.text in SENTENCE_ENDS or tok.like_num or tok.lower_ in CLAUSE_TURNS:
            break  # not past another score: "today about a 6 bad days its a 7"
        at_comma = at_comma or tok.is_punct
        (wide if at_comma else near).add(tok.lower_)
    now = P.ANSWER_WORDS["now_words"]
    other = P.ANSWER_WORDS["other_time_words"] | P.ANSWER_WORDS["rise_words"]
    own = {t.lower_ for t in span}
    if (near | after | own) & now:
        return 2  # "about a 6 today", "These days I'd say a 6"
    if (before | own | after) & other or near & (other - _NOT_A_TIME):
        return 0  # "bad days it's a 7", "first thing in the morning it's more like a 7"
    if wide & now:
        return 2
    return 1


#: The answers a person restates to correct ("Six weeks. No, actually, five"); a second
#: movement after "actually" adds to the first ("bending, actually standing too").
_CORRECTED_LABELS = (P.PAIN_DURATION_DAYS, P.PAIN_SCORE)
#: Words that take back what was just said; "actually" only beside a "no".
_TAKES_BACK = P.ANSWER_WORDS["correction_words"] - {"actually"}
_TAKES_BACK_PAIRS = frozenset(P.ANSWER_WORDS["correction_phrases"])


def _corrected_at(doc: Doc) -> int:
    """Where the last self-correction in the message is ("no wait", "I mean", "no,
    actually"), 0 if none."""
    at = 0
    for tok in doc[1:]:
        words = {t.lower_ for t in doc[max(0, tok.i - 2) : tok.i + 3]}
        pair = f"{doc[tok.i - 1].lower_} {tok.lower_}"
        if at and tok.lower_ == "sorry" and (tok.i + 1 == len(doc) or doc[tok.i + 1].is_punct):
            continue  # "wait no, sitting helps it, sorry.": the apology closes the correction
        if tok.lower_ in _TAKES_BACK or (tok.lower_ == "actually" and words & {"no", "nah"}) or (
            pair in _TAKES_BACK_PAIRS
        ):
            at = tok.i
    return at


def extract_from_doc(doc: Doc, text: str, today: datetime.date) -> list[Extraction]:
    """Normalise the ruler's spans on ``doc`` into at most one Extraction per slot."""
    by_label: dict[str, list[Span]] = {label: [] for label in P.SLOTS}
    for span in doc.spans.get(P.SPANS_KEY, []):
        if span.label_ != P.PAIN_DURATION_DAYS or not from_a_name(span):  # where from, not when
            by_label.setdefault(span.label_, []).append(span)
    echo = echo_end(doc)
    spans = {
        label: longest(
            s for s in items
            if s.start >= echo or label == P.PAIN_DURATION_DAYS and a_hedged_answer(s, echo)
        )
        for label, items in by_label.items()
    }
    for label in (P.FLEXIBILITY, P.LEG_PAIN):
        # "Tight as a drum. Touch my toes? I wouldn't see my knees": the question echoed
        # back in the middle of an answer is no claim
        spans[label] = [s for s in spans[label] if not asked_back(s)]
    corrected = _corrected_at(doc)
    if corrected:
        # "Sitting is also... no, sorry, sitting is fine actually", "when I stand long...
        # no sorry, standing is okay": a direction said again after a correction is as
        # the second time says
        again = {value_of(s) for s in spans[P.PAIN_DIRECTION] if s.start > corrected}
        spans[P.PAIN_DIRECTION] = [
            s for s in spans[P.PAIN_DIRECTION] if s.start > corrected or value_of(s) not in again
        ]
        # "Know leg pain. No sorry. No leg pain": the leg said again is as the second says
        legs_after = [s for s in spans[P.LEG_PAIN] if s.start > corrected]
        spans[P.LEG_PAIN] = legs_after or spans[P.LEG_PAIN]
    restated = None
    for label in _CORRECTED_LABELS:
        after = [s for s in spans[label] if s.start > corrected]
        if corrected and after:
            spans[label] = after  # "three weeks, no wait, more like a month": the second
        if corrected and label == P.PAIN_DURATION_DAYS and spans[label]:
            # "Since the bank holiday... no wait, it was after Halloween, the Sunday": a
            # start named after the correction, without a "since" of its own; a date
            # written there wins over a weekday that falls elsewhere ("... it started
            # the Friday before that, the 27th"), and a bare "the 2nd" is in the month
            # the person had named ("November 1st... no wait, the Monday, the 2nd")
            tail = doc[corrected + 1 :]
            bare = number_restated(tail.text, doc[:corrected].text)
            if bare is not None:  # "2 weeks. no actually closer to 3": three weeks
                spans[label] = []
                restated = extraction(P.PAIN_DURATION_DAYS, bare, [tail], text)
                continue
            named = in_the_month_corrected(tail.text, doc[:corrected].text)
            days = start_named_in(named, today)
            if days is not None and (not after or calendar_date_in(named, today) == days):
                spans[label] = []
                restated = extraction(P.PAIN_DURATION_DAYS, days, [tail], text)

    spasms = live_spasms(spans[P.SPASM])
    # "spasm or locking, none, only pain": that "none" answers the spasm, not the movement
    denials = {denial_after(s) for s in spans[P.SPASM] + spans[P.FLEXIBILITY]} - {None}
    spans[P.PAIN_DIRECTION] = [
        s for s in spans[P.PAIN_DIRECTION] if not (len(s) == 1 and s.start in denials)
    ]
    duration, duration_spans = resolve_duration(
        [s for s in spans[P.PAIN_DURATION_DAYS] if not in_a_question(s)], text, today
    )
    duration = restated or duration
    flexibility = resolve_flexibility(spans[P.FLEXIBILITY], spasms, text)
    found = [
        resolve_direction(
            [s for s in spans[P.PAIN_DIRECTION] if not _held_by_a_spasm(s, spasms)], text
        ),
        duration,
        flexibility,
        resolve_spasm(spans[P.SPASM], spasms, text),
        _resolve_leg_pain(spans[P.LEG_PAIN], text),
        _resolve_pain_score(spans[P.PAIN_SCORE], duration_spans, text),
    ]
    if echo:
        answer = echo_answer(doc, echo)
        echoed = [s for s in doc.spans.get(P.SPANS_KEY, []) if s.end <= echo]
        for label in (P.FLEXIBILITY, P.LEG_PAIN):
            if not any(e is not None and e.entity == label for e in found):
                found.append(echo_answered(label, echoed, answer, text))
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
            today = utc_today()
        repaired, cuts = drop_slips(text)  # "gone into spas um spasm": "gone into spasm"
        doc = get_nlp()(clean_text(repaired))
        found = extract_from_doc(doc, repaired, today)
        return [at_original_offsets(e, cuts, text) for e in found] if cuts else found
    except Exception:  # noqa: BLE001 - extraction must never break the dialogue
        logger.exception("Backstep NLP extraction failed")
        return []
