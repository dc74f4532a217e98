"""Context markers that change what a mention means: resolved, ongoing or distant in the
past, explained by exertion, a question about cancer; and whose the sign is."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot.nlu.negation import REASSURANCE_WORDS
from bot.nlu.patterns import ANSWER_WORDS
from bot.nlu.pipeline import get_nlp
from bot.nlu.red_flags import patterns as RP
from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.indexed_matcher import IndexedMatcher
from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import (
    _OTHERS,
    _QUESTION_STARTS,
    _clause_before,
    _is_break,
    _is_other_person,
    _n,
    _negated,
    _sentence,
    _words,
    asked,
)
from bot.nlu.red_flags.verdicts import Status
from bot.nlu.red_flags.whose import introduces_themselves

_WORDS = word_sets("context")
_AGE_JOINERS = _WORDS["age_joiners"]
_BACK_OWNERS = _WORDS["back_owners"]
_FALL_IDIOM_AFTER = _WORDS["fall_idiom_after"]
_NEVER_CUES = _WORDS["never_cues"]
_SUBJECT_BREAKS = _WORDS["subject_breaks"]

# --------------------------------------------------------------------------------------
# context: resolved or exertional symptoms, older age with a minor fall (RP.CONTEXT)
# --------------------------------------------------------------------------------------
_SHIFT = _WORDS["shift"]
_GONE_INTO = _WORDS["gone_into"]
_LOST_FUNCTION = _WORDS["lost_function"]
_GAVE_OUT = _WORDS["gave_out"]
_RETURN_WORDS = _WORDS["return_words"]
_GOING_WORDS = _WORDS["going_words"]
_DEGREE_WORDS = _WORDS["degree_words"]
_WEEKDAYS = _WORDS["weekdays"]
_TRAUMA = _WORDS["trauma"]
_BREAK_NAMED = _WORDS["break_named"]
_SPINE_NAMED = _WORDS["spine_named"]


_HISTORY_CATEGORIES = frozenset({RV.INFECTION, RV.FRACTURE, RV.CANCER})
_PASSING = frozenset({RV.INFECTION, RV.NEURO_DEFICIT, RV.CAUDA_EQUINA})  # not what lasts

_OTHER_SUBJECT = _WORDS["other_subject"]
_RECOVERED_FROM = _WORDS["recovered_from"]
_I_SUBJECT = _WORDS["i_subject"]
_LASTING_WELL = _WORDS["lasting_well"]
_DATING_SUBJECTS = _WORDS["dating_subjects"]
#: How far into the next sentence a resolution may stand after a dating ("that was ... ago").
_DATED_REACH = 10
_ONCE_NOT = _WORDS["once_not"]
_SINCE_AFTER_RESOLUTION = _WORDS["since_after_resolution"]
_WORRY_WORDS = _WORDS["worry_words"]
_STILL_TO_COME = _WORDS["still_to_come"]
_READING_WORDS = _WORDS["reading_words"]
_NOW = word_sets("detector")["now"]



_UNITS = _WORDS["units"]
_GREETINGS = _WORDS["greetings"]
_FALL_NOT_NEXT = _WORDS["fall_not_next"]
_CANCER_NOUNS = _WORDS["cancer_nouns"]
_MEANING_WORDS = _WORDS["meaning_words"]


@dataclass(frozen=True)
class _Context:
    """Context markers found in a document, and every red-flag candidate span."""

    marks: dict[str, list[Span]]
    flags: tuple[tuple[str, Span], ...]
    mentions: tuple[Span, ...] = ()  # every sign's words, a bare topic too

    def mention_between(self, start: int, end: int) -> bool:
        return any(start <= span.start and span.end <= end for span in self.mentions)

    def within(self, label: str, start: int, end: int) -> list[Span]:
        return [m for m in self.marks.get(label, []) if start <= m.start and m.end <= end]

    def other_flag_between(self, category: str, start: int, end: int) -> bool:
        return any(
            cat != category and start <= span.start and span.end <= end
            for cat, span in self.flags
        )


@lru_cache(maxsize=1)
def get_context_matcher() -> IndexedMatcher:
    """The matcher for :data:`RP.CONTEXT` markers, built on first use."""
    return IndexedMatcher(get_nlp().vocab, RP.context_patterns())


@lru_cache(maxsize=1)
def _fall_matcher() -> IndexedMatcher:
    """The :data:`RP.MINOR_FALL` markers' patterns alone."""
    return IndexedMatcher(get_nlp().vocab, {RP.MINOR_FALL: RP.context_patterns()[RP.MINOR_FALL]})


def may_tell_a_fall(doc: Doc) -> bool:
    """Whether a minor fall could be told in ``doc`` (its words match a fall's pattern): a
    message with no red-flag words and no fall needs no context read."""
    return bool(_fall_matcher()(doc))


def _mark_negated(mark: Span, window: int = 4) -> bool:
    """"not been on a bike", "hasn't gone away", "not back to normal"."""
    doc = mark.doc
    i, seen = mark.start - 1, 0
    while i >= 0 and seen < window:
        token = doc[i]
        if _is_break(token) or _n(token) == ",":
            return False
        if _n(token) in RV.NEGATION_NORMS or token.lower_ in RV.NEGATION_NORMS:
            return True
        seen += 1
        i -= 1
    return False

_LIKENESS_SUBJECTS = _WORDS["likeness_subjects"]
_LIKENESS_PLACES = _WORDS["likeness_places"]
_CHANGE_NOT_NEXT = _WORDS["change_not_next"]
_READING_BEFORE = _WORDS["reading_before"]


def _likeness_before(mark: Span) -> bool:
    """ "like i've been sat on a bike saddle", "as if i'd run a marathon", "like the bit that
    touches a bike seat", "the bits you'd sit on a bike saddle with": not what happened."""
    before = [_n(t) for t in mark.doc[max(0, mark.start - 10) : mark.start]] + [""]
    anyone_sits = {"you", "youd", "one"} & set(before[-6:]) and {"sit", "sat"} & set(before[-5:])
    return bool(anyone_sits) or any(
        word in {"like", "as"} and (
            nxt in _LIKENESS_SUBJECTS or (nxt == "the" and third in _LIKENESS_PLACES))
        for word, nxt, third in zip(before, before[1:], before[2:], strict=False)
    )


def _mark_ok(label: str, mark: Span) -> bool:
    doc = mark.doc
    words = _words(mark)
    first = _n(mark[0])
    nxt = _n(doc[mark.end]) if mark.end < len(doc) else ""
    nxt2 = _n(doc[mark.end + 1]) if mark.end + 1 < len(doc) else ""
    negatable = (RP.RESOLVED, RP.ONGOING, RP.EXERTION, RP.CYCLING, RP.PASSING_ILLNESS,
                 RP.REGAINED)
    if label in negatable and first not in RV.NEGATION_NORMS and _mark_negated(mark):
        return False
    if label == RP.RESOLVED:
        before = _words(doc[max(0, mark.start - 4) : mark.start])
        going = first in _GOING_WORDS
        if (not words & _RETURN_WORDS or going) and before & _LOST_FUNCTION:
            return False  # "the feeling in my foot went away", "... went and hasn't come back"
        rest = [_n(t) for t in mark[1:] if _n(t) not in _DEGREE_WORDS] + ["", ""]
        dated = rest[0] == "on" and rest[1] in _WEEKDAYS  # "went on sunday": when, no state
        if first in {"went", "gone"} and rest[0] in _GONE_INTO and not dated:
            return False  # "it went numb and hasn't come back to normal": the sign itself
        if words & {"gone", "went"} and nxt in _GONE_INTO:
            return False  # "it's all gone numb"
        if words & {"gone", "went"} and mark.start and _n(doc[mark.start - 1]) in _GAVE_OUT:
            return False  # "dragging my foot. back is gone": the back gave out
        if asked(mark):
            return False  # "is this normal after birth?": asked, not said
    if label in (RP.CYCLING, RP.EXERTION, RP.PASSING_ILLNESS) and _likeness_before(mark):
        return False  # "like i've been sat on a bike saddle for hours": a likeness
    if label == RP.PASSING_ILLNESS and _n(mark[-1]) == "change" and nxt in _CHANGE_NOT_NEXT:
        return False  # "it's the change in the weather": a change of something, no menopause
    if label == RP.PASSING_ILLNESS and first.isdigit() and _words(
            doc[max(0, mark.start - 3) : mark.start]) & _READING_BEFORE:
        return False  # "temp 36 degrees and shivering": a reading, not the weather's heat
    if label == RP.ONCE and words == {"once"}:
        # "once i sit down": when; "at once", "all at once": at the same time
        prev = _n(doc[mark.start - 1]) if mark.start else ""
        return nxt not in _ONCE_NOT and prev != "at"
    if label == RP.ONGOING and words == {"still"}:
        return nxt not in REASSURANCE_WORDS and nxt not in {"recovered", "better"}
    if label == RP.DISTANT_PAST:
        years = [int(w) for w in words if w.isdigit() and len(w) == 4]
        return all(year <= datetime.date.today().year - 2 for year in years)
    if label == RP.OLD_AGE:
        last = _n(mark[-1])
        opening = _words(doc[_sentence(mark).start : mark.start])
        own = introduces_themselves(mark)  # "papa here, 70, ...": the writer's own age
        if nxt in _UNITS or (last in _AGE_JOINERS and not (opening <= _GREETINGS or own)):
            return False
        if (_words(doc[mark.end : mark.end + 2]) & _OTHERS or _is_other_person(mark)) and not own:
            return False
    if label == RP.MINOR_FALL and len(mark) == 1:
        if nxt in _FALL_NOT_NEXT or nxt2 in _FALL_IDIOM_AFTER:
            return False
        if nxt == "out" and nxt2 == "with":
            return False
        if first == "slipped" and nxt == "up":
            return False
    return True


def _never_recurred(mark: Span, resolved: list[Span]) -> bool:
    """ "... went completely after physio and never came back": after a resolution in the
    same sentence, "never came back" is the symptom not recurring, not a loss lasting."""
    words = [_n(t) for t in mark]
    if not (words[0] in _NEVER_CUES and "back" in words):
        return False
    sentence = _sentence(mark)
    return any(sentence.start <= r.start and r.end <= mark.start for r in resolved)


def _context(doc: Doc, found: dict[str, dict[str, list[Span]]]) -> _Context:
    raw: dict[str, list[Span]] = defaultdict(list)
    for match_id, start, end in get_context_matcher()(doc):
        raw[doc.vocab.strings[match_id]].append(doc[start:end])
    marks = {
        label: [m for m in filter_spans(spans) if _mark_ok(label, m)]
        for label, spans in raw.items()
    }
    resolved = marks.get(RP.RESOLVED, [])
    # ("physio sorted it and i'm squatting again": an activity's "again", no recurrence)
    over = [*resolved, *marks.get(RP.REGAINED, [])]
    marks[RP.ONGOING] = [
        m for m in marks.get(RP.ONGOING, [])
        if not any(m.start < r.end and r.start < m.end for r in over)
        and not _never_recurred(m, resolved)
    ]
    flags = tuple(
        (category, span)
        for category, kinds in found.items()
        for kind, spans in kinds.items()
        if kind != RV.TOPIC
        for span in spans
    )
    mentions = tuple(span for kinds in found.values() for spans in kinds.values()
                     for span in spans)
    return _Context(marks, flags, mentions)


def _next_sentence(sentence: Span) -> Span | None:
    doc = sentence.doc
    i = sentence.end
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
        i += 1
    return _sentence(doc[i : i + 1]) if i < len(doc) else None


def _about_other(tokens: Span) -> bool:
    """The tokens name another complaint ("the pain", "my back")."""
    doc = tokens.doc
    for token in tokens:
        word = _n(token)
        if word in _OTHER_SUBJECT:
            return True
        if word == "back" and token.i > 0 and _n(doc[token.i - 1]) in _BACK_OWNERS:
            return True
    return False


def _marker_subject(mark: Span, limit: int) -> Span:
    """The words before a marker in its own clause ("..., the pain went away")."""
    doc = mark.doc
    start = mark.start
    while start > max(limit, mark.start - 5):
        token = doc[start - 1]
        if _is_break(token) or _n(token) in _SUBJECT_BREAKS:
            break
        start -= 1
    return doc[start : mark.start]


_BACK = ANSWER_WORDS["back_words"]  # the intake's words for the back, one home


def _of_the_back_after_but(span: Span, mark: Span, ctx: _Context) -> bool:
    """A recurrence word said of the back after a "but" ("the fever's gone now, but my
    back is still tight"), or after the sign's own resolution with the back its subject
    ("had a fever with a cold, it's gone now, back's still stiff"): the back's, not the
    sign's."""
    between = [_n(t) for t in span.doc[span.end : mark.start]]
    if "but" in between and set(between[between.index("but"):]) & _BACK:
        return True
    ends = [r.end for r in ctx.marks.get(RP.RESOLVED, [])
            if span.end <= r.start and r.end <= mark.start]
    return bool(ends) and bool(_words(_marker_subject(mark, max(ends))) & _BACK)


def _resolution(category: str, span: Span, ctx: _Context) -> Status | None:
    """A symptom with a resolution marker ("fine now", "went away", "in 2015 but ...") is
    past: "negated", or "uncertain" for a recent cauda equina symptom (the bot asks).
    Never for crisis language or a lasting history (cancer, thin bones, steroids,
    immunosuppression, injecting), and not when it recurs or persists ("again",
    "twice", "still", "since")."""
    if category == RV.CRISIS:
        return None
    if category in _HISTORY_CATEGORIES and _words(span) & RP.LASTING_HISTORY:
        return None
    doc = span.doc
    sentence = _sentence(span)
    ongoing = [m for m in ctx.within(RP.ONGOING, sentence.start, sentence.end)
               if not _of_the_back_after_but(span, m, ctx) and not _dates_a_resolution(m, ctx)
               and not _inside_a_resolution(m, ctx)]
    distant = ctx.within(RP.DISTANT_PAST, sentence.start, sentence.end)
    if (
        category == RV.FRACTURE and _words(span) & _TRAUMA and distant
        and all(_words(m) == {"since"} for m in ongoing)
    ):
        # "back pain since a car accident in 2010": the pain goes on, the accident is no
        # recent one ("again" or "still" keep it)
        return "negated"
    if ongoing:
        return None
    resolved, about_symptom, applied = False, False, []
    for mark in _writers_over(ctx.within(RP.RESOLVED, sentence.start, sentence.end)):
        if mark.start >= span.end:
            applies = not ctx.other_flag_between(
                category, span.end, mark.start
            ) and not _about_other(_marker_subject(mark, span.end))
        elif mark.end <= span.start:  # "fully recovered from the leg weakness"
            between = _words(doc[mark.end : span.start])
            subject = doc[max(0, mark.start - 3) : mark.start]
            applies = (
                span.start - mark.end <= 4
                and between <= _RECOVERED_FROM
                and not _about_other(subject)
            )
        else:
            applies = False
        if applies:
            resolved = True
            applied.append(mark)
            # "it's fine now" is about the symptom; "i'm fine now" may be about the person
            about_symptom |= not _words(doc[max(0, mark.start - 2) : mark.start]) & _I_SUBJECT
    limb_broken = _words(span) <= _BREAK_NAMED and not _words(sentence) & _SPINE_NAMED
    if not resolved and distant and category == RV.FRACTURE and (
        _words(span) & _TRAUMA or limb_broken
    ):
        # "fell off a ladder 10 yr ago": a fall or an accident years ago is no recent one,
        # nor is a limb broken long ago ("fractured my wrist as a kid") (a broken spine,
        # thin bones or steroids stay; "again" was kept above)
        resolved = True
    if not resolved and distant:
        buts = [t.i for t in doc[span.end : sentence.end] if _n(t) == "but"]
        resolved = bool(buts) and any(d.end <= buts[0] for d in distant) and not (
            ctx.other_flag_between(category, span.end, buts[0])
            or _about_other(doc[span.end : buts[0]])
        )
    if not resolved and distant and category in _PASSING and not _words(sentence) & _NOW:
        resolved = True  # "had glandular fever as a teenager": dated years ago, nothing of now
    following = _next_sentence(sentence)
    if not resolved and following is not None:
        about_symptom = True
        marks = _writers_over(ctx.within(RP.RESOLVED, following.start, following.end))
        restated = [m for m in marks if _restates(span, m)]
        # what goes on after a "but" is the back's, a "since" after a denial dates it
        # ("it cleared, no fever since, but my back still aches"); a denial of the same
        # sign there is no other sign
        lasting = [m for m in ctx.within(RP.ONGOING, following.start, following.end)
                   if not _of_the_back_after_but(span, m, ctx) and not _dates_a_denial(m, ctx)]
        resolved = not lasting and (
            bool(restated)  # "... and the numbness was gone by morning"
            or any((m.start < following.start + 5 or _dated(doc[following.start : m.start]))
                   and not _about_other(doc[following.start : m.start]) for m in marks)
            and not any(following.start <= s.start < following.end
                        and not (cat == category and _negated(s)) for cat, s in ctx.flags)
        )
    if not resolved:
        return None
    # ("... but that was sorted and I've been weeing normally for the last fortnight")
    lasting_well = len(applied) > 1 and any(_words(m) & _LASTING_WELL for m in applied)
    if distant or lasting_well or category in (RV.INFECTION, RV.CANCER) or ctx.within(
        RP.ONCE, sentence.start, sentence.end
    ):
        return "negated"
    if category == RV.NEURO_DEFICIT and about_symptom:
        return "negated"
    # A recent cauda equina symptom, a recent injury, or "my leg gave way but i'm fine
    # now": the bot asks rather than escalates or ignores.
    return "uncertain"


def _writers_over(marks: list[Span]) -> list[Span]:
    """The resolutions that can end the writer's own sign: not a minor hurt then fine
    ("bruised but otherwise fine"), which says someone else's knock was nothing (the
    writer's own fall so told still escalates, as it did)."""
    return [m for m in marks if not (_words(m) & _MINOR_HURTS and _words(m) & _HURT_LINKS)]


_MINOR_HURTS = _WORDS["minor_hurts"]
_HURT_LINKS = _WORDS["hurt_links"]


def _dated(opening: Span) -> bool:
    """The next sentence opens by dating the sign ("That was a week ago, walking fine
    since"), so a resolution further on in it is the sign's."""
    words = [_n(t) for t in opening]
    return len(words) <= _DATED_REACH and words[:1] != [] and words[0] in _DATING_SUBJECTS and (
        "ago" in words)


def _a_bare_since(mark: Span) -> bool:
    return _words(mark) == {"since"}


def _dates_a_resolution(mark: Span, ctx: _Context) -> bool:
    """A "since" just after a resolution dates it ("the night pain has gone since we
    changed the mattress", "healed fine, since then it just grumbles"): no persisting."""
    if not _a_bare_since(mark):
        return False
    doc = mark.doc
    for resolved in ctx.marks.get(RP.RESOLVED, []):
        between = doc[resolved.end : mark.start]
        if resolved.end <= mark.start and len(between) <= 3 and all(
            _n(t) in _SINCE_AFTER_RESOLUTION for t in between
        ):
            return True
    return False


def _dates_a_denial(mark: Span, ctx: _Context) -> bool:
    """A bare "since" just after a denied sign ("no fever since"): the denial's date."""
    return _a_bare_since(mark) and any(
        s.end == mark.start and _negated(s) for _, s in ctx.flags)


def _restates(span: Span, mark: Span) -> bool:
    """The resolution's own subject names the sign again ("... MRI that night, and the
    numbness was gone by morning", "the fever's been gone 5 days")."""
    return bool(_words(span) & _words(_marker_subject(mark, _sentence(mark).start)))


def _inside_a_resolution(mark: Span, ctx: _Context) -> bool:
    """"eating again now": the "again" of a recovery, not of a sign that recurs."""
    return any(r.start <= mark.start and mark.end <= r.end for r in ctx.marks.get(RP.RESOLVED, []))


def _cancer_question(span: Span) -> bool:
    """"does back pain ever mean cancer?", "my mum had it, could this be cancer?"."""
    if not _words(span) & _CANCER_NOUNS or len(span) > 2 or _negated(span):
        return False
    if _words(_clause_before(span, window=8)) & _MEANING_WORDS:
        return True
    sentence = _sentence(span)
    if not len(sentence) or _n(sentence[-1]) != "?":
        return False
    doc = span.doc
    i = span.start - 1
    while i > sentence.start and _n(doc[i - 1]) != "," and not _is_break(doc[i - 1]):
        i -= 1
    nxt = _n(doc[i + 1]) if i + 1 < len(doc) else ""
    return _n(doc[i]) in _QUESTION_STARTS and nxt not in RV.NEGATION_NORMS


def _prefer_symptoms(candidates: list[Span], kind_of: dict[tuple[int, int], str]) -> list[Span]:
    """Longest non-overlapping spans, a symptom never dropped for an overlapping weak one."""
    strong = filter_spans([s for s in candidates if kind_of[(s.start, s.end)] != RV.WEAK])
    taken = {i for s in strong for i in range(s.start, s.end)}
    weak = [
        s for s in filter_spans([s for s in candidates if kind_of[(s.start, s.end)] == RV.WEAK])
        if not taken & set(range(s.start, s.end))
    ]
    return sorted([*strong, *weak], key=lambda s: s.start)

def feared_not_felt(span: Span) -> bool:
    """A sign that is only feared or read about ("I've read about cauda equina, and now
    every twinge has me convinced I'm about to lose control of my bladder", "googled
    everything from kidney infection to aortic aneurysm"): a worry word before it in its
    sentence, and a time still to come just before it or a reading word; the bot asks
    rather than escalates."""
    before = [_n(t) for t in span.doc[_sentence(span).start : span.start]]
    if not set(before) & _WORRY_WORDS:
        return False
    return bool(set(before) & _READING_WORDS or set(before[-6:]) & _STILL_TO_COME)
