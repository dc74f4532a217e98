"""The red-flag detector: each mention found by the matcher, given its status by the scope
and context rules, and the verdict for the message."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from functools import lru_cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot.nlu.red_flags import patterns as RP
from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.asked_by import asked_and_denied
from bot.nlu.red_flags.context import (
    _cancer_question,
    _Context,
    _context,
    _prefer_symptoms,
    _resolution,
    _writers_over,
    feared_not_felt,
    may_tell_a_fall,
)
from bot.nlu.red_flags.exclusions import _excluded
from bot.nlu.red_flags.explained import (
    _explained_by_exertion,
    _ruled_out,
    reassured_fear,
    ruled_out_clear,
)
from bot.nlu.red_flags.forms import answered_yes, read_as_form
from bot.nlu.red_flags.hedges import _is_hedged
from bot.nlu.red_flags.reading import get_matcher, make_doc
from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import (
    _HEDGE_WORDS,
    _HEDGES_INSIDE,
    OTHER_PEOPLE,
    _answered_no,
    _clause_before,
    _is_other_person,
    _n,
    _negated,
    _sentence,
    _subject_writer,
    _words,
)
from bot.nlu.red_flags.verdicts import (
    CATEGORIES,
    NOT_READ,
    DetectorFailed,
    RedFlagHit,
    RedFlagVerdict,
    Status,
    verdict_for,
)
from bot.nlu.red_flags.whose import (
    a_role_of_the_writer,
    an_older_person_in,
    introduces_themselves,
    said_of_someone_else,
    sent_by_someone_else,
    the_writers_back_in,
    their_back_in,
    their_distress_in,
    their_pain_now_in,
    things_no_longer_needed,
    unmasked_as_the_writer,
)

_WORDS = word_sets("detector")

logger = logging.getLogger(__name__)


def _age_fall_hits(ctx: _Context, hits: list[RedFlagHit], doc: Doc) -> list[RedFlagHit]:
    """Own age >= 65 with a minor fall in the same message: a fracture red flag; an older
    person's fall, said of them ("my dad (79) fell in the garden"): their emergency."""
    # (a fall only asked about, "landed on my back", does not hide the older writer's fall)
    fracture = [(h.start, h.end) for h in hits
                if h.category == RV.FRACTURE and h.status not in ("negated", "uncertain")]
    out: list[RedFlagHit] = []
    for fall in ctx.marks.get(RP.MINOR_FALL, []):
        if any(fall.start_char < e and s < fall.end_char for s, e in fracture):
            continue
        writers_own = bool(ctx.marks.get(RP.OLD_AGE)) and the_writers_back_in(fall)
        if _someone_elses(fall) and not writers_own:
            # an older person's recent fall, with their back hurting ("my mum is 80 and
            # fell" alone, or "my nan fell in 1998", is no emergency of hers)
            theirs = _own_status(RV.SYMPTOM, fall, RV.FRACTURE, ctx)
            # (their pain now, told without the back: "she's 85, slipped, crying in pain")
            hurt = their_back_in(fall) or their_pain_now_in(fall)
            if theirs != "negated" and an_older_person_in(fall) and hurt and not (
                _long_ago(fall, ctx) or _over_for_them(RV.FRACTURE, fall, ctx)
            ):
                out.append(
                    RedFlagHit(RV.FRACTURE, "other", fall.start_char, fall.end_char, fall.text)
                )
            continue
        if not ctx.marks.get(RP.OLD_AGE):
            continue
        status = (_own_status if writers_own else _status)(RV.SYMPTOM, fall, RV.FRACTURE, ctx)
        if status != "negated":
            out.append(RedFlagHit(RV.FRACTURE, status, fall.start_char, fall.end_char, fall.text))
    return out


def _crisis_cauda_status(
    category: str, kind: str, span: Span, status: Status, kept: list[Span],
    kind_of: dict[tuple[int, int], str], ctx: _Context,
) -> Status:
    """Crisis: a hedge does not soften self-harm language ("if this is my life i don't
    want to be here", "wondering how many pills it would take"), unless it is also
    negated ("not sure if i'm suicidal" stays uncertain); a veiled sign told with the
    writer's resolve ("made my mind up ... off to the viaduct tonight") is a plan.  Cauda
    equina: two separate, unhedged retention signs ("no urge, then just a dribble") are a
    red flag together."""
    if category == RV.CRISIS and kind == RV.SYMPTOM and status == "uncertain":
        return status if _negated(span) else "present"
    if category == RV.CRISIS and kind == RV.WEAK and status == "uncertain" and any(
        not _negated(m) and not _someone_elses(m) for m in ctx.marks.get(RP.RESOLVE_TOLD, [])
    ):
        return "present"
    if category in (RV.CAUDA_EQUINA, RV.CRISIS) and kind == RV.WEAK and status == "uncertain":
        # crisis: two veiled signs together ("I've written letters to everyone ... you
        # won't need to chase me after Friday", "if it's not gone by tomorrow I'm done
        # ... I've planned it") are a plan, said in a condition or not
        signs = [
            s for s in kept
            if kind_of[(s.start, s.end)] == RV.WEAK
            and (category == RV.CRISIS or not _is_hedged(s))
            and _status(RV.WEAK, s, category) in ("uncertain", "present")
        ]
        if len(signs) >= 2 and any(s.start == span.start for s in signs):
            return "present"
    return status


# --------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------
def _status(kind: str, span: Span, category: str = "", ctx: _Context | None = None) -> Status:
    # "the kids would be better off without a dad like me": others are the subject, the
    # speaker is the one they would be without.
    # Not "everyone would be better off without her": the one they would be without is her.
    words = [_n(t) for t in span]
    without_them = words[-2:-1] == ["without"] and words[-1] in _THIRD
    about_speaker = category == RV.CRISIS and "without" in words and not without_them
    # "someone rear-ended me": the writer is the one it was done to
    done_to_writer = span.end < len(span.doc) and _n(span.doc[span.end]) in _OBJECT_ME
    # a crisis sign's own words may name the people it is for ("wrote letters to my
    # kids", "gave my guitar to my brother"): whose it is, is read from its first word
    others_named = category == RV.CRISIS and not _subject_writer(span)
    whose = span[:1] if others_named else span
    # ("he texted me 'look after mum, I'm done'": the sender's "I", not the writer's)
    things = things_no_longer_needed(span)  # "won't be needing them": no people
    theirs_said = others_named and bool(_words(span[:-1] if things else span) & _THEIR_OWN) or (
        category == RV.CRISIS and sent_by_someone_else(span))
    # a possible sign naming another's body ("landed a vault on her back") is theirs
    their_body = kind == RV.WEAK and category != RV.CRISIS and bool(_words(span) & _THEIR_BODY)
    # "my mum's got the same osteoporosis as me": the writer's own too; "my wife says my
    # face is drooping": the writer's body; "I've got my mum's old pills saved up": the
    # writer keeps them
    doc = span.doc
    # "my son asked if my legs were numb": a sign that names "my" body is the writer's
    shared = _words(doc[span.end : span.end + 2]) in ({"as", "me"}, {"like", "me"}) or (
        span.start > 0 and _n(doc[span.start - 1]) in _MY
    ) or (category != RV.CRISIS and any(_n(t) in _MY for t in span)) or (
        category == RV.CRISIS and (_opened_by_the_writer(span) or _only_recipients(span)))
    if not (about_speaker or done_to_writer or shared) and (
        theirs_said or their_body or _someone_elses(whose)
    ):
        # Someone else's sign, read as if it were the writer's: what would be present or
        # possible for them is their emergency; what is negated, over or explained is not.
        theirs = _own_status(kind, span, category, ctx)
        urgent = theirs != "negated" and _their_emergency(category, span, ctx)
        return "other" if urgent else "negated"
    if category == RV.CRISIS and without_them:
        return "negated"  # the writer's own view of someone else ("we'd be better off without her")
    return _own_status(kind, span, category, ctx)


def _only_recipients(span: Span) -> bool:
    """The people named in the clause before a crisis sign are only those things went to
    ("gave my ps5 to my brother n wrote letters to everyone"): no one else does it."""
    before = _clause_before(span, 8)
    people = [t for t in before if _n(t) in OTHER_PEOPLE]
    return bool(people) and not {_n(t) for t in before} & _OTHERS_DOING and all(
        {_n(t) for t in span.doc[max(0, p.i - 2) : p.i]} & _RECIPIENT_MARKS for p in people
    )


def _opened_by_the_writer(span: Span) -> bool:
    """The clause before the sign opens with "I" and names no one else as doing it ("I've
    got my mum's old pills saved up", not "I found she's been stockpiling her morphine"
    nor "I found a stash of his tablets")."""
    before = _clause_before(span, 8)  # nearest first
    words = {_n(t) for t in before}
    if words & _FINDING and _words(span) & _THEIR_OWN:
        return False  # "I found a stash of her painkillers": hers, the writer found it
    return len(before) < 8 and bool({_n(t) for t in before[-2:]} & _I) and not (
        words & _OTHERS_DOING)


def _someone_elses(span: Span) -> bool:
    """Whether a sign is said of someone else, not the writer."""
    return (_is_other_person(span) or said_of_someone_else(span)) and not (
        introduces_themselves(span) or a_role_of_the_writer(span)
        or unmasked_as_the_writer(span.doc)
    )

_MAJOR_TRAUMA = _WORDS["major_trauma"]
_FALLS_WITH_BACK = _WORDS["falls_with_their_back"]
_MY = _WORDS["my"]
_I = _WORDS["i"]
_OTHERS_DOING = _WORDS["others_doing"]
_RECIPIENT_MARKS = _WORDS["recipient_marks"]
_FINDING = _WORDS["finding_verbs"]
_NOW = _WORDS["now"]
_TREATED = _WORDS["treated_after"]
_TEARING = _WORDS["tearing"]
_THIRD = _WORDS["third_persons"]
_OBJECT_ME = _WORDS["object_me"]
#: Words in a crisis sign that make it someone else's ("stockpiling her pills").
_THEIR_OWN = _WORDS["their_own"]
_THEIR_BODY = _WORDS["their_body"]


_HISTORIES = frozenset({RV.INFECTION, RV.FRACTURE, RV.CANCER})


def _their_emergency(category: str, span: Span, ctx: _Context | None) -> bool:
    """Whether another person's sign is their emergency now. Crisis language always; not
    one years ago ("my nan broke her hip in 1998"); a lasting history not alone ("my
    partner's on methotrexate"), but thin bones or steroids with a fall ("he's on steroids
    and tripped"); nerve signs always; the rest when their back is spoken of too ("my
    toddler has a temperature" is no spinal emergency; "he's feverish and says his back is
    killing him" is)."""
    if category == RV.CRISIS:
        return True
    sentence = _sentence(span)
    lasting = category in _HISTORIES and bool(_words(span) & RP.LASTING_HISTORY)
    # (a lasting history years ago is read with what is new now, below: "treated for
    # breast cancer in 2016. She's got a new pain in her spine")
    if (_long_ago(span, ctx) and not lasting) or _over_for_them(category, span, ctx):
        return False
    if lasting:
        # (a history of infection, thin bones or cancer: "pins and needles" is no needle)
        # with a fall, or with their back newly hurting ("had lung cancer 4 years ago and
        # now has new back pain"); not the history alone ("my partner's on methotrexate")
        # (the fall may be told in the sentence before: "Mum slipped on the kitchen floor.
        # She's got osteoporosis and now can't get up")
        # or in the sentence after: "My aunt has been on steroids for years. She lifted a
        # bag and felt something go in her back")
        doc = span.doc
        told_from = (
            _sentence(doc[sentence.start - 1 : sentence.start]).start if sentence.start else 0
        )
        told_to = (
            _sentence(doc[sentence.end : sentence.end + 1]).end
            if sentence.end < len(doc) else sentence.end
        )
        fall = category == RV.FRACTURE and ctx is not None and bool(
            ctx.within(RP.MINOR_FALL, told_from, told_to)
        )
        # (with a fall, their pain or distress now says as much as their back named)
        return (fall or bool(_words(doc[sentence.start : told_to]) & _NOW)) and (
            their_back_in(span) or (fall and their_distress_in(span))
        )
    if category == RV.FRACTURE:
        # a road accident or a fall from a height, whatever hurts ("came off his motorbike
        # an hour ago"); not a crack or a break alone ("the chiropractor cracked her back",
        # "my mate broke his back snowboarding"); an older person's fall is read apart
        # (a fall down the stairs or off a trampoline, with their back named)
        return bool(_words(span) & _MAJOR_TRAUMA) or bool(
            _words(span) & _FALLS_WITH_BACK) and their_back_in(span)
    # nerve signs and a heart or an aorta in trouble always; the rest with their back
    return category in (RV.CAUDA_EQUINA, RV.NEURO_DEFICIT, RV.VASCULAR) or their_back_in(span)


def _over_for_them(category: str, span: Span, ctx: _Context | None) -> bool:
    """Whether their sign is over, said after it in its sentence with no other sign between
    ("my dad had prostate cancer but he's doing well", "broke his back but he's recovering
    well"): a lasting history too, which for the writer would stay a red flag."""
    if ctx is None:
        return False
    sentence = _sentence(span)
    after = span.doc[span.end : span.end + 2]
    if category not in _HISTORIES and _words(after) & _TREATED and not _words(sentence) & _NOW:
        # "my dad had an aneurysm repaired, so I worry": treated, nothing now; unless a
        # tearing pain is told in the message, not denied ("isn't sudden or tearing")
        doc = span.doc
        return not any(_n(t) in _TEARING and not _negated(doc[t.i : t.i + 1]) for t in doc)
    marks = ctx.within(RP.RESOLVED, sentence.start, sentence.end)
    plain = _writers_over(marks)
    # "bruised but fine" ends a knock told alone ("came off his bike, bruised but fine"),
    # no nerve sign and no knock with a sign's words between ("his leg is numb")
    return any(
        mark.start >= span.end and not ctx.other_flag_between(category, span.end, mark.start)
        and (mark in plain or category == RV.FRACTURE
             and not ctx.mention_between(span.end, mark.start))
        for mark in marks
    )


def _long_ago(span: Span, ctx: _Context | None) -> bool:
    """Whether the sentence dates the sign years ago and says nothing of now."""
    sentence = _sentence(span)
    return ctx is not None and bool(
        ctx.within(RP.DISTANT_PAST, sentence.start, sentence.end)
    ) and not _words(sentence) & _NOW


def _own_status(
    kind: str, span: Span, category: str = "", ctx: _Context | None = None
) -> Status:
    if ctx is not None:
        resolved = _resolution(category, span, ctx)
        if resolved == "uncertain" and (
            _negated(span) or _explained_by_exertion(category, span, ctx)
        ):
            # "no fracture after my slip, xray was clear": denied, not asked; "pins and
            # needles in my bum after a long drive, gone now": explained and over
            return "negated"
        if resolved is not None:
            return resolved
        if _explained_by_exertion(category, span, ctx):
            return "negated"
    if _answered_no(span) or asked_and_denied(span):
        return "negated"
    feared = category != RV.CRISIS and feared_not_felt(span) and not _negated(span)
    if feared or _hedged(span) or (category == RV.CANCER and _cancer_question(span)):
        return "negated" if category != RV.CRISIS and reassured_fear(span) else "uncertain"
    if _ruled_out(category, span) and not _negated(span):
        # asked about, unless a result told after it rules it out ("came to nothing")
        return "negated" if ruled_out_clear(span) else "uncertain"
    if _negated(span):
        return "negated"
    return "uncertain" if kind == RV.WEAK else "present"


def _hedged(span: Span) -> bool:
    """Hedged, or asked about as a question, unless the question tells a sign that is
    there ("is it normal I can't feel the loo roll since Sunday?", "is it normal for my
    leg to give way? it went twice today"): a time or a count of it in the question or
    the sentence after it makes it the writer's, asked about or not."""
    if answered_yes(span):
        return False  # "any numbness down there? yes, since last night": told as there
    sentence = _sentence(span)
    if not len(sentence) or _n(sentence[-1]) != "?" or _words(span) & _HEDGES_INSIDE or any(
        _n(t) in _HEDGE_WORDS for t in span.doc[sentence.start : span.start]
    ):
        return _is_hedged(span)  # no question, or a hedge of its own ("maybe", "might")
    after = span.doc[sentence.end : sentence.end + _TOLD_AFTER]
    told = any(_n(t) in _TOLD_AS_THERE for t in [*sentence, *after]) or any(
        _n(t) in _HAVING_TOLD and t.i > sentence.start and _n(t.doc[t.i - 1]) in _HAVING_AUX
        for t in span.doc[sentence.start : span.start]
    )  # "is it normal to be having sweats at night?": had now
    return not told and _is_hedged(span)


#: How many words of the sentence after a question may tell the sign it asks about.
_TOLD_AFTER = 12
_TOLD_AS_THERE = _WORDS["told_as_there"]
_HAVING_TOLD = _WORDS["having_told"]
_HAVING_AUX = _WORDS["having_aux"]


def hits_in_doc(doc: Doc) -> list[RedFlagHit]:
    """Red-flag hits in a document made by :func:`make_doc`."""
    found: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for match_id, start, end in get_matcher()(doc):
        category, kind = doc.vocab.strings[match_id].split("|")
        found[category][kind].append(doc[start:end])
    if not found and not may_tell_a_fall(doc):
        return []  # no sign's words, and no fall (an older person's fall is a sign)
    ctx = _context(doc, found)
    hits: list[RedFlagHit] = []
    for category in CATEGORIES:
        kinds = found.get(category)
        if not kinds:
            continue
        kind_of: dict[tuple[int, int], str] = {}
        for kind in (RV.WEAK, RV.LIMITED, RV.SYMPTOM):  # symptom wins on identical spans
            for span in kinds.get(kind, []):
                kind_of[(span.start, span.end)] = kind
        candidates = [doc[s:e] for (s, e) in kind_of]
        # Exclusions first, so an explained-away symptom hides no weaker match under it.
        kept = _prefer_symptoms(
            [s for s in candidates if not _excluded(category, kind_of[(s.start, s.end)], s)],
            kind_of,
        )
        for span in kept:
            status = _status(kind_of[(span.start, span.end)], span, category, ctx)
            status = _crisis_cauda_status(
                category, kind_of[(span.start, span.end)], span, status, kept, kind_of, ctx
            )
            hits.append(RedFlagHit(category, status, span.start_char, span.end_char, span.text))
        taken = {i for s in candidates for i in range(s.start, s.end)}
        topics = [s for s in kinds.get(RV.TOPIC, []) if not taken & set(range(s.start, s.end))]
        for span in filter_spans(topics):
            if _is_other_person(span) or _answered_no(span) or (
                not _is_hedged(span) and _negated(span)
            ):
                hits.append(
                    RedFlagHit(category, "negated", span.start_char, span.end_char, span.text)
                )
    hits.extend(_age_fall_hits(ctx, hits, doc))
    return sorted(hits, key=lambda h: (h.start, CATEGORIES.index(h.category)))


_FRAGMENT_END = re.compile(r"\.(?=\s)")
_ANSWER_WORDS = RV.NEGATION_NORMS | {"yes", "yeah", "yep", "nope", "nah", "ok", "okay"}


def _joined_fragments(text: str) -> tuple[str, list[int]]:
    """A sign told in frightened fragments ('numb. down there. since this morning.') read
    as one phrase: in a message of pieces at least half of them (and three or more) of
    one or two words, each full stop between pieces is dropped. A stop after a piece with
    a negation or an answer in it, or before one opening with them, is kept ('No. Legs
    fine.', 'Numbness, no. Bladder fine.'): its scope stays its own. Returns the text
    read and, for each of its characters, where it stands in ``text``."""
    where = list(range(len(text) + 1))
    pieces = _FRAGMENT_END.split(text)
    if len(pieces) < 3:
        return text, where
    words = [piece.split() for piece in pieces]
    short = sum(len(w) <= 2 for w in words)
    if short < 3 or short * 2 < len(words):
        return text, where
    dropped: set[int] = set()
    offset = 0
    for i, piece in enumerate(pieces[:-1]):
        offset += len(piece)
        before, after = words[i], words[i + 1]
        said = {w.lower().strip(",:;!?'\"") for w in before}
        said |= {after[0].lower()} if after else set()
        if before and after and not _ANSWER_WORDS & said:
            dropped.add(offset)
        offset += 1
    if not dropped:
        return text, where
    kept = [i for i in range(len(text)) if i not in dropped]
    return "".join(text[i] for i in kept), kept + [len(text)]


def find_red_flags(text: str) -> list[RedFlagHit]:
    """Every red-flag mention in ``text`` with its status; none for what is not text.

    Raises :class:`DetectorFailed` when the matcher fails: a message it could not read
    has not been cleared (:func:`assess` turns that into the clarifying question).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    try:
        # a form, a checklist or a Q and A read as its sentences, then fragments joined
        as_form, form_where = read_as_form(text)
        read, joined_where = _joined_fragments(as_form)
        where = [form_where[i] for i in joined_where]
        hits = hits_in_doc(make_doc(read))
    except Exception as error:  # noqa: BLE001 - any failure of the matcher, one type out
        raise DetectorFailed(type(error).__name__) from error
    spans = [(where[h.start], where[h.end - 1] + 1 if h.end else 0) for h in hits]
    return [
        RedFlagHit(h.category, h.status, start, end, text[start:end])
        for h, (start, end) in zip(hits, spans, strict=True)
    ]


_failures = 0


def detector_failures() -> int:
    """How many messages the matcher failed on in this process (for the operator)."""
    return _failures


@lru_cache(maxsize=256)
def assess(text: str) -> RedFlagVerdict:
    """The red-flag verdict for one message; never raises, and never clears a message it
    could not read: a failure of the matcher is a possible red flag, asked about.

    Cached: the entity extractor and the safety union both ask about the same message.
    """
    global _failures
    try:
        return verdict_for(find_red_flags(text))
    except DetectorFailed as failure:
        _failures += 1
        # the error's type only: its message or traceback could quote the person's words
        logger.error(
            "Red-flag matcher failed (%s, %d so far): asking the clarifying question",
            failure, _failures,
        )
        return NOT_READ
