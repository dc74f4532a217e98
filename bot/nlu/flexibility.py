"""How supple the person is: the flexibility answer among what a message says.

"Tight hamstrings", "can touch my toes", "flexible as a fence post": the ruler's spans
(label ``flexibility``) are weighed here against negation, the tightness of a spasm,
how it usually is, how it used to be and a state the back gets into after something.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from bot.nlu import patterns as P
from bot.nlu.episodes import phrase_at
from bot.nlu.negation import contains_cue, is_negated, negation_cue_before
from bot.nlu.patterns import TOKEN_CLASSES
from bot.nlu.spans import (
    CLAUSE_TURNS,
    CONTEXT,
    SENTENCE_ENDS,
    Extraction,
    extraction,
    same_sentence,
    says_a_phrase,
    sentence_before,
    value_of,
)


def _negated_before(span: Span) -> bool:
    """A negation cue before ``span``, unless the span holds its own ("not tight"), or a
    "too ... to" just before it ("I'm too stiff to touch my toes")."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 4) : span.start]]
    if before[-1:] == ["to"] and "too" in before[:-1]:
        return True
    return not contains_cue(span) and negation_cue_before(span) is not None


def _refused_after_a_mark(span: Span) -> bool:
    """A topic, a mark, then a bare no as its verdict ("touch toes = no", "flexible: nope"),
    the no ending its item."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text not in CONTEXT["label_marks"]:
        return False
    while i < len(doc) and doc[i].text in CONTEXT["label_marks"]:
        i += 1
    if i >= len(doc) or doc[i].lower_ not in P.ANSWER_WORDS["no_words"]:
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.is_space or (after.is_punct and after.text != "?")


def _said_of_something_else(span: Span) -> bool:
    """"time is tight", "money's tight this month": tight said of no part of the body."""
    if len(span) != 1:
        return False
    return any(t.lower_ in CONTEXT["not_the_body_words"] for t in sentence_before(span)[-3:])


def _said_of_usual_times(span: Span) -> bool:
    """"Normally I can touch my toes", "Never been one for touching me toes": how it
    usually is or always was, said beside how it is now."""
    if any(t.lower_ in CONTEXT["usual_words"] for t in sentence_before(span)[-4:]):
        return True
    before = " ".join(t.lower_ for t in sentence_before(span))
    return any(phrase in before for phrase in CONTEXT["lifelong_phrases"])


def _not_now_after(span: Span) -> bool:
    """"... but not now", "but not this week": what usually is, denied for now."""
    after = [t.lower_ for t in span.doc[span.end : span.end + 5]]
    return "not" in after[:3] and bool(set(after) & CONTEXT["current_words"])


_OPPOSITE = {"tight": "normal", "normal": "tight"}
#: Words with which a reach says its own limit ("only reach my knees").
_LIMITS = CONTEXT["reach_limit_words"]
_PASTIMES: frozenset[str] = frozenset(TOKEN_CLASSES["SUPPLE_PASTIME"]["LOWER"]["IN"])
_BACK: frozenset[str] = P.ANSWER_WORDS["back_words"]
_MUSCLE: frozenset[str] = frozenset(TOKEN_CLASSES["MUSCLE"]["LOWER"]["IN"]) - _BACK


def _clause_of(span: Span) -> tuple[list[str], list[str]]:
    """The words of ``span``'s clause before and after it (to a comma or a clause turn)."""
    doc = span.doc
    start = span.start
    while start > 0 and not _ends_a_clause(doc[start - 1]):
        start -= 1
    end = span.end
    while end < len(doc) and not _ends_a_clause(doc[end]):
        end += 1
    return [t.lower_ for t in doc[start : span.start]], [t.lower_ for t in doc[span.end : end]]


def _ends_a_clause(token: Token) -> bool:
    return token.text in SENTENCE_ENDS or token.text == "," or token.lower_ in CLAUSE_TURNS


def _a_pastime(span: Span) -> bool:
    return any(t.lower_ in _PASTIMES for t in span)


def _bygone(span: Span) -> bool:
    """Whether ``span``'s clause says it was so once: "I used to be able to touch my
    toes", "could touch my toes when I was young", "a distant memory" (how supple the
    person was, which says how they are now by contrast), unless they "still" are."""
    before, after = _clause_of(span)
    words = before + [t.lower_ for t in span] + after
    if "still" in words or "even" in words:
        return False  # "still", or "even before this": so now as well as then
    # "used to (be able to) touch my toes", not "used to do pilates and can touch my toes"
    lead = list(before)
    while lead and lead[-1] in ("be", "able", "to") and lead[-2:] != ["used", "to"]:
        lead.pop()
    used_to = len(lead) >= 2 and lead[-2] in CONTEXT["used_words"] and lead[-1] == "to"
    return used_to or says_a_phrase(words, CONTEXT["bygone_phrases"])


def _attempted(span: Span) -> bool:
    """A reach named as tried ("when I try to touch my toes"): the test, not its result."""
    before = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return before[-1:] == ["to"] and bool(set(before) & CONTEXT["attempt_words"])


def _back_named_before(span: Span) -> bool:
    """The back named just before ``span`` in its sentence, and no muscle there."""
    before = [t.lower_ for t in sentence_before(span)[-5:]]
    return any(w in _BACK for w in before) and not any(w in _MUSCLE for w in before)


def _of_the_back(span: Span) -> bool:
    """Said of the back, with no muscle named ("my back is not stiff")."""
    return _back_named_before(span) and not any(t.lower_ in _MUSCLE for t in span)


def _after_a_state_opener(span: Span) -> bool:
    """A clause opened by a time or a deed ("by the time", "when", "after") before the
    span in its sentence."""
    words = [t.lower_ for t in sentence_before(span)]
    return any(phrase_at(words, i, CONTEXT["state_openers"]) for i in range(len(words)))


def _a_state_it_gets_into(span: Span) -> bool:
    """"when I sit on the bus it gets stiff", "goes tight after driving", "very stiff and
    pain every morning": a state the back gets into, not how supple the muscles are."""
    doc = span.doc
    if len(span) > 1:
        return False  # "tight hamstrings": the muscles named
    if span.start > 0 and doc[span.start - 1].lower_ in CONTEXT["becoming_words"]:
        return True
    muscle_after = any(t.lower_ in _MUSCLE for t in doc[span.end : span.end + 4])
    if span.start > 0 and doc[span.start - 1].lower_ in CONTEXT["symptom_determiners"] and (
        not muscle_after
    ):
        return True  # "when I stretch back to get the stiffness out": the back's symptom
    if _back_named_before(span):
        return True  # "my back has been so stiff lately": a symptom of the back
    if any(t.lower_ in CONTEXT["feeling_nouns"] for t in doc[span.end : span.end + 3]):
        return True  # "it is more a stiff tired feeling": how the pain feels
    if _after_a_state_opener(span):
        return True  # "by the time I reach Oxford Road I'm stiff"
    if span.start > 1 and doc[span.start - 1].lower_ == "me" and (
        doc[span.start - 2].lower_ in CONTEXT["leaves_me_words"]
    ):
        return True  # "sitting at the desk all morning has me stiff as anything"
    for tok in doc[span.end : span.end + 5]:
        if tok.text in SENTENCE_ENDS or tok.text == ",":
            return False
        if tok.lower_ in CONTEXT["times_of_day"]:
            return True
    return False


def resolve_flexibility(flex: list[Span], spasms: list[Span], text: str) -> Extraction | None:
    candidates: list[tuple[Span, str]] = []
    tried: list[tuple[Span, str]] = []
    for span in flex:
        value = value_of(span)
        if value is None or _said_of_something_else(span):
            continue
        if _a_pastime(span) and _bygone(span):
            continue  # "I used to do yoga before the baby": nothing of now
        if value == "normal" and _attempted(span) and not _negated_before(span):
            tried.append((span, value))  # "... when I try to touch toes": the test named,
            continue  # the answer only when nothing else is
        # A reassurance after it ("I can touch my toes fine") negates a complaint only; a
        # reach that says its own limit ("only reach my knees") is negated by nothing
        # before it ("im not flexible my fingers only reach my knees"), nor one that stops
        # short of the toes ("can't get my hands past my knees" is tight too).
        if value == "tight":
            negated = is_negated(span) and not any(
                t.lower_ in _LIMITS or t.lower_ in CONTEXT["short_reach_words"] for t in span
            )
        else:
            negated = _negated_before(span)
        # "used to touch my toes" says the opposite of now (not "even as a girl I could
        # not touch my toes"), and so does "normally I can touch my toes but not now"
        negated = negated or _refused_after_a_mark(span)  # "touch toes = no"
        if negated or (not contains_cue(span) and _bygone(span)) or (
            _said_of_usual_times(span) and _not_now_after(span)
        ):
            value = _OPPOSITE[value]
        candidates.append((span, value))
    candidates = candidates or tried
    spasm_talk = [
        c for c in candidates
        if c[1] == "tight" and any(same_sentence(c[0], s) for s in spasms)
    ]
    if len(spasm_talk) < len(candidates):
        # "very flexible. but it spasmed after, went tight like a fist": the tightness of
        # a spasm is no answer about the muscles when something else is
        candidates = [c for c in candidates if c not in spasm_talk]
    backs = [c for c in candidates if c[1] == "normal" and _of_the_back(c[0])]
    if len(backs) < len(candidates):
        # "I stop at my knees. My back is not stiff like locking though": the back's
        # state, denied, is no answer about the muscles when something else is
        candidates = [c for c in candidates if c not in backs]
    usual = [c for c in candidates if _said_of_usual_times(c[0])]
    if len(usual) < len(candidates):
        # "Tight as anything. Normally I can get palms to the floor but not this week"
        candidates = [c for c in candidates if c not in usual]
    reaches = [c for c in candidates if {t.lower_ for t in c[0]} & _REACHED]
    if reaches:
        # "I can touch my toes ... just sore and stiff", "hands get there, back's a bit
        # stiff": the reach is the measure, a word of how the back feels is not
        candidates = [
            c for c in candidates
            if c in reaches or not (_a_lone_feeling(c[0]) or _the_backs_feeling(c[0]))
        ]
    states = [c for c in candidates if c[1] == "tight" and _a_state_it_gets_into(c[0])]
    if states and len(states) == len(candidates) and not spasms:
        # said unasked, the muscles are still asked about (the role)
        span = states[-1][0]
        return extraction(P.FLEXIBILITY, "tight", [span], text, role=P.CONTEXT_ROLE)
    candidates = [c for c in candidates if c not in states] or candidates
    if not candidates and spasms:
        # A back in spasm, with nothing said of the muscles, is held tight; said beside
        # it, "flexible, can touch my toes" stays the answer. Said unasked, the muscles
        # are still asked about (the role): "back seized up last night" says nothing of
        # the hamstrings.
        return extraction(P.FLEXIBILITY, "tight", spasms[-1:], text, role=P.CONTEXT_ROLE)
    if not candidates:
        return None
    span, value = max(candidates, key=lambda item: item[0].start)
    if _bare_word_among_others(span) or _a_pastime(span):
        # "None of those. Had bloods in September, normal.": a bare "normal" among other
        # things said answers the tightness question only when it was asked (the role);
        # so does a pastime ("practising yoga for 8 years, but now ..."), which says how
        # supple they were more surely than how they are now
        return extraction(P.FLEXIBILITY, value, [span], text, role=P.CONTEXT_ROLE)
    return extraction(P.FLEXIBILITY, value, [span], text)


#: What a reach reaches: the hands' test of the hamstrings.
_REACHED = CONTEXT["reached_words"] | CONTEXT["short_reach_words"]


def _the_backs_feeling(span: Span) -> bool:
    """"back's a bit stiff": how the back feels, no muscle named."""
    words = {t.lower_.split("'")[0] for t in span}
    return bool(words & _BACK) and not words & _MUSCLE


def _a_lone_feeling(span: Span) -> bool:
    """"just sore and stiff": one word of how the back feels, played down ("just", "only"),
    no reach and no muscle named (not "I am stiff", "hamstrings tight af")."""
    before = {t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]}
    return len(span) == 1 and span[0].lower_ in CONTEXT["lone_feeling_words"] and bool(
        before & CONTEXT["playing_down_words"]
    )


#: How many words besides a bare answer word its message may hold and still be that answer
#: ("Normal, I'd say so").
_BARE_COMPANY = 4


def _bare_word_among_others(span: Span) -> bool:
    """A one-word answer ("normal", said alone between breaks) in a message that says more."""
    if len(span) != 1 or not span.id_.endswith(P.ALONE):
        return False
    others = [t for t in span.doc if not t.is_punct and t.i != span.start]
    return len(others) > _BARE_COMPANY
