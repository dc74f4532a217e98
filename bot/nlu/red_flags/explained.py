"""A sign explained by a named ordinary cause: jelly legs after the gym, a numb bum on
the bike, chills the night after a jab or with a cold, a sweat after a run, weight lost
with a stomach bug; unless the message says it persists or recurs. And a sign only
suspected (a scare, a test) and ruled out by a result told after it, or a disease only
feared when a clinician named a benign cause."""

from __future__ import annotations

from spacy.tokens import Span

from bot.nlu.red_flags import patterns as RP
from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.context import (
    _WORDS,
    _a_bare_since,
    _Context,
    _inside_a_resolution,
)
from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import _clause_after, _clause_before, _n, _sentence, _words

_EXERTION_LEGS = _WORDS["exertion_legs"]
_EXERTION_NOT = _WORDS["exertion_not"]
_FEVER_WORDS = _WORDS["fever_words"]
_NOT_PASSING = _WORDS["not_passing"]
_SPINE_SURGERY = _WORDS["spine_surgery"]
_LASTING_CAUSES = _WORDS["lasting_causes"]
_HIGH_FEVER = _WORDS["high_fever"]
_NUMB_WORDS = _WORDS["numb_words"]
_EXERTION_SWEATS = _WORDS["exertion_sweats"]
_WEIGHT_WORDS = _WORDS["weight_words"]
_RECENT_SINCE = _WORDS["recent_since"]

#: Function words in a cauda equina span: never explained away by cycling.
_FUNCTION_WORDS = frozenset(
    {*RV.TOKEN_CLASSES["BLADDER"]["NORM"]["IN"], *RV.TOKEN_CLASSES["BOWEL"]["NORM"]["IN"],
     *_WORDS["function_also"]}
) - _WORDS["function_not"]


def _recent_since(mark: Span, causes: list[Span]) -> bool:
    """"since yesterday", "since last night": a start recent enough for a passing cause;
    "since my flu jab yesterday", "since the booster this morning": the cause itself,
    dated as recent."""
    if not _a_bare_since(mark):
        return False
    doc = mark.doc
    start = mark.end
    cause = next((c for c in causes if c.start >= mark.end and all(
        _n(t) in _SINCE_CAUSE_FILLERS for t in doc[mark.end : c.start])), None)
    if cause is not None and cause.start - mark.end <= _CAUSE_REACH:
        start = cause.end  # the time after the cause is the start of the sign
        while any(c.start == start for c in causes):  # "flu" "jab": one cause, two marks
            start = max(c.end for c in causes if c.start == start)
    one = _n(doc[start]) if start < len(doc) else ""
    two = " ".join(_n(t) for t in doc[start : start + 2])
    return one in _RECENT_SINCE or two in _RECENT_SINCE


_SINCE_CAUSE_FILLERS = _WORDS["since_cause_fillers"]
#: How many words may stand between "since" and the cause it names ("since my flu jab").
_CAUSE_REACH = 2



def _cause_time(cause: Span) -> set[str]:
    """The words right after a passing cause that say how long it lasted ("cold all week",
    "flu for a few days"): a week or days at most (a fortnight, weeks stay the sign's)."""
    doc = cause.doc
    words: set[str] = set()
    for token in doc[cause.end : cause.end + _CAUSE_TIME_REACH]:
        if _n(token) not in _CAUSE_DURATIONS:
            break
        words.add(_n(token))
    return words


_CAUSE_DURATIONS = _WORDS["cause_durations"]
#: How many words after a passing cause may say how long it lasted.
_CAUSE_TIME_REACH = 4


def _explained_by_exertion(category: str, span: Span, ctx: _Context) -> bool:
    """Jelly legs after the gym, a numb bum on the bike, chills the night after a jab or
    with a cold, a sweat after a run: not a red flag, unless the message says it persists
    or recurs ("since tuesday", "even after resting")."""
    words = _words(span)
    if category == RV.NEURO_DEFICIT:
        if not words & _EXERTION_LEGS or words & _EXERTION_NOT:
            return False
        marks = ctx.marks.get(RP.EXERTION, [])
    elif category == RV.CAUDA_EQUINA:
        if not words & _NUMB_WORDS or words & _FUNCTION_WORDS:
            return False
        marks = ctx.marks.get(RP.CYCLING, [])
    elif category == RV.INFECTION:
        # a fever that lasts, runs high or comes with a tender spine is not explained
        # nor in someone with a lasting history (steroids, chemo, a transplant, injecting)
        # or after a spinal operation (a fusion, a discectomy, a wound)
        clause = words | _words(_clause_before(span)) | _words(_clause_after(span, window=8))
        # the heat's own number is no reading ("in 40 degree heat all day"), nor the
        # cause's own time a fever's ("a heavy cold all week and felt feverish with it")
        clause -= {w for m in ctx.marks.get(RP.PASSING_ILLNESS, []) for w in _words(m)}
        clause -= {w for m in ctx.marks.get(RP.PASSING_ILLNESS, []) for w in _cause_time(m)}
        if words & _FEVER_WORDS and words & _EXERTION_SWEATS and not clause & _HIGH_FEVER and any(
            _words(m) & _LASTING_CAUSES for m in ctx.marks.get(RP.PASSING_ILLNESS, [])
        ):
            return True  # "night sweats this week, but I'm menopausal": a cause that lasts
        if not words & _FEVER_WORDS or clause & _NOT_PASSING or (
            _words(span.doc[:]) & (RP.LASTING_HISTORY | _SPINE_SURGERY)
        ):
            return False
        # the cause is not the sign's own word ("cold sweats" names no cold)
        marks = [m for m in ctx.marks.get(RP.PASSING_ILLNESS, [])
                 if m.end <= span.start or m.start >= span.end]
        if words & _EXERTION_SWEATS:
            marks += ctx.marks.get(RP.EXERTION, [])
        if any(  # "I had the jab but I've had fevers ...": set against the cause
            m.end <= span.start and "but" in _words(span.doc[m.end : span.start]) for m in marks
        ):
            return False
    elif category == RV.CANCER and words & _WEIGHT_WORDS:
        # weight lost with a named passing illness ("with the stomach bug last week")
        marks = [m for m in ctx.marks.get(RP.PASSING_ILLNESS, [])
                 if m.start >= span.end or m.end <= span.start]
    else:
        return False
    ongoing = [m for m in ctx.marks.get(RP.ONGOING, [])
               if not _recent_since(m, marks) and not _inside_a_resolution(m, ctx)]
    return bool(marks) and not ongoing


_SCARE = _WORDS["scare"]
_TESTS = _WORDS["tests"]
_CLEAR = _WORDS["clear"]
_CLEARED_RESULTS = _WORDS["cleared_results"]
_CAME_TO_NOTHING = _WORDS["came_to_nothing"]
_RESULT_DOUBTS = _WORDS["result_doubts"] | RV.NEGATION_NORMS


def _ruled_out(category: str, span: Span) -> bool:
    """A sign that was only suspected and then ruled out ("I had a cancer scare years ago",
    "tested for cancer last spring"): asked about, unless a clear result is told after it
    (:func:`ruled_out_clear`)."""
    if category == RV.CRISIS:
        return False
    doc = span.doc
    if span.end < len(doc) and _n(doc[span.end]) in _SCARE:
        return True
    # the test before the sign ("tested me for cancer"), a clear result after it; not a
    # history followed by clear scans ("breast cancer in 2019, the scans are clear now")
    before = [_n(t) for t in doc[max(0, span.start - 4) : span.start]]
    after = [_n(t) for t in doc[span.end : _sentence(span).end]]
    return bool(set(before) & _TESTS) and bool(set(after) & _CLEAR)


def ruled_out_clear(span: Span) -> bool:
    """A suspected sign ruled out by a result told after it in its sentence, not doubted
    or denied ("a scare in 2019 but it came to nothing", "tested for it, the biopsy came
    back benign"; not "waiting to hear if it's clear", "the scan wasn't clear"): over."""
    doc = span.doc
    for token in doc[span.end : _sentence(span).end]:
        word = _n(token)
        before = {_n(t) for t in doc[max(span.end, token.i - 4) : token.i]}
        nothing = word == "nothing" and token.i > 0 and _n(doc[token.i - 1]) in _CAME_TO_NOTHING
        if (word in _CLEARED_RESULTS or nothing) and not before & _RESULT_DOUBTS:
            return True
    return False


def reassured_fear(span: Span) -> bool:
    """A disease or outcome only feared ("what if it's cancer", "worrying I'll end up
    paralysed") in a message where a clinician who saw the writer names a benign cause
    ("the doctor examined me and says it's muscular"): health anxiety, no sign."""
    words = _words(span)
    if not words & _FEARED or words - _FEARED - _FEAR_FILLER:
        return False
    told = [t.i for t in span.doc if _n(t) in _CLINICIANS]
    return bool(told) and any(
        _n(t) in _BENIGN_CAUSES for i in told for t in span.doc[i + 1 : i + 10]
    )


_DETECTOR_WORDS = word_sets("detector")
_FEARED = _DETECTOR_WORDS["feared_diseases"]
_FEAR_FILLER = _DETECTOR_WORDS["fear_fillers"]
_CLINICIANS = _DETECTOR_WORDS["clinicians"]
_BENIGN_CAUSES = _DETECTOR_WORDS["benign_causes"]
