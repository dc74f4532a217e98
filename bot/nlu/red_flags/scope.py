"""Scope rules over a mention: its clause and sentence, whether it is hedged, negated,
denied or reassured, and whether it is about someone else."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bot.nlu.negation import (
    AFFIRMATIVE_WORDS,
    REASSURANCE_WORDS,
    contains_cue,
    negation_cue_before,
)
from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.doc_words import _n, _sentence, _words
from bot.nlu.red_flags.listed_verdicts import listed_and_denied
from bot.nlu.red_flags.rulebook import word_list, word_sets
from bot.nlu.red_flags.writer_named import (
    a_companion,
    a_greeting,
    in_a_carers_clause,
    in_a_likeness,
    the_writer_as,
)

_WORDS = word_sets("scope")
_BEFORE_NOTHING = _WORDS["before_nothing"]
_CHANGE_IN_DETERMINERS = _WORDS["change_in_determiners"]
_DIAGNOSIS_VERBS = _WORDS["diagnosis_verbs"]
_HAVING_FORMS = _WORDS["having_forms"]
_HEDGES_INSIDE = _WORDS["hedges_inside"]
_JOINERS = _WORDS["joiners"]
_NOT_BREAKS = _WORDS["not_breaks"]
_PASSIVE_BE = _WORDS["passive_be"]
_REASSURANCE_STOPS = _WORDS["reassurance_stops"]
_SENTENCE_ENDS = _WORDS["sentence_ends"]
_TOLD_WHOM = _WORDS["told_whom"]
_BREAKS = _WORDS["breaks"]
_SCOPE_STOPS = _WORDS["scope_stops"]
_NEW_SUBJECT = _WORDS["new_subject"]
_DESCRIBING = _WORDS["describing_relatives"]
_DESCRIBED_OPENERS = _WORDS["described_openers"]
_BLOCKING = _WORDS["blocking"]
_GETS_WORSE = _WORDS["gets_worse"]
_EXTRA_CUES = _WORDS["extra_cues"]
_FIRST_PERSON = _WORDS["first_person"]
_AWARENESS = _WORDS["awareness"]
_LINKING_FEEL = _WORDS["linking_feel"]
_OBJECT_MARKERS = _WORDS["object_markers"]
_ANSWER_NO = _WORDS["answer_no"]
_ANSWER_NO_FILLER = _WORDS["answer_no_filler"]
_ANSWER_BUT = _WORDS["answer_but"]
_OTHERS = _WORDS["others"]
#: Other people and the writer, as the intake reads them too (one home for both).
OTHER_PEOPLE: frozenset[str] = _OTHERS
FIRST_PERSON: frozenset[str] = _FIRST_PERSON
_HEDGE_WORDS = _WORDS["hedge_words"]
_WORRY = _WORDS["worry"]
_QUESTION_STARTS = _WORDS["question_starts"]
_TIME_CLAUSE_OPENERS = _WORDS["time_clause_openers"]


# --------------------------------------------------------------------------------------
# scope rules
# --------------------------------------------------------------------------------------
def _is_break(token: Token) -> bool:
    text = _n(token)
    return text in _BREAKS or (token.is_punct and text not in _NOT_BREAKS)


def _clause_before(span: Span, window: int = 8) -> list[Token]:
    """Tokens before ``span`` in its clause (commas crossed), nearest first."""
    doc = span.doc
    out: list[Token] = []
    words = 0
    i = span.start - 1
    while i >= 0 and words < window:
        token = doc[i]
        if _is_break(token):
            break
        if _n(token) in _SCOPE_STOPS:
            break
        if (
            _n(token) in _JOINERS
            and i + 1 < span.start
            and _n(doc[i + 1]) in _NEW_SUBJECT
        ):
            break
        out.append(token)
        if not token.is_punct:
            words += 1
        i -= 1
    return out


def _clause_after(span: Span, window: int = 4) -> list[Token]:
    doc = span.doc
    out: list[Token] = []
    i = span.end
    while i < len(doc) and len(out) < window:
        token = doc[i]
        if _is_break(token):
            break
        out.append(token)
        i += 1
    return out


def _is_other_person(span: Span) -> bool:
    """True if the mention is about someone else ("my mum had breast cancer"), unless the
    mention itself is about the speaker ("my family would be better off without me"); a
    writer who is only an object ("texted me goodbye", "in front of me") is not its subject."""
    if _subject_writer(span):
        return False
    for token in _clause_before(span, window=8):
        word = _n(token)
        if word in _FIRST_PERSON and in_a_carers_clause(span.doc, token.i):
            return True  # "the man I look after can't feel ...": the one cared for
        if word in _FIRST_PERSON and not _an_object(token):
            return False
        near = [_n(t) for t in span.doc[max(0, token.i - 4) : token.i]]
        if word in _OTHERS and (in_a_likeness(near[-3:]) or the_writer_as(near)):
            continue  # "feels like wiping someone else's bum": a likeness, no one there
        if word in _OTHERS and (a_companion(near) or a_greeting(span.doc, token.i)):
            continue  # "intimate with my wife and couldn't feel", "g'day mate, foot's gone"
        if word in _OTHERS:
            # "me and the wife": the speaker is part of the subject.
            joint = [t for t in span.doc[max(0, token.i - 3) : token.i]]
            return not (
                "and" in _words(joint)
                and any(_n(t) in _FIRST_PERSON and not _an_object(t) for t in joint)
            )
    after = " ".join(_n(t) for t in _clause_after(span, window=5))
    return "in the family" in after or "in my family" in after or "runs in" in after


def _an_object(token: Token) -> bool:
    """A first-person word after a preposition or a verb of telling ("in front of me",
    "told me"): the writer is not the one it is about."""
    return token.i > 0 and _n(token.doc[token.i - 1]) in _OBJECT_MARKERS


def _subject_writer(span: Span) -> bool:
    """Whether the span names the writer other than as an object of telling or place, or
    as the one in a clause of time inside it ("she couldn't feel the flannel when I washed
    her": a carer's act, not the carer's sign)."""
    return any(
        _n(t) in _FIRST_PERSON
        and not (t.i > span.start and (_an_object(t) or _in_a_time_clause(t)))
        for t in span
    )


def _in_a_time_clause(token: Token) -> bool:
    """A first-person word just after "when", "while", "as" ("when I washed her")."""
    return token.i > 0 and _n(token.doc[token.i - 1]) in _TIME_CLAUSE_OPENERS


def asked(span: Span) -> bool:
    """Said inside a question, no comma before it ("is this normal after birth?")."""
    sentence = _sentence(span)
    return bool(len(sentence)) and _n(sentence[-1]) == "?" and (
        _n(sentence[0]) in _QUESTION_STARTS
        and not any(_n(t) == "," for t in span.doc[sentence.start : span.start]))


def _answered_no(span: Span) -> bool:
    """Signs echoed as a question, then denied by the next sentence ("Numbness, weak legs?
    None of those.", "Temperature? Definitely not.", "Weak legs? No, just stiff."): the
    denial covers every sign asked; not "No idea", "No, well, a bit", "No?"."""
    sentence = _sentence(span)
    if not len(sentence) or _n(sentence[-1]) != "?":
        return False
    answer: list[Token] = []
    for token in span.doc[sentence.end :]:
        if _n(token) in _SENTENCE_ENDS and answer:
            if _n(token) == "?":
                return False  # "No?": asked back, not denied
            break
        if not token.is_space and not (token.is_punct and not answer):
            answer.append(token)
    words = {_n(t) for t in answer if not t.is_punct}
    if words and words <= _ANSWER_NO | _ANSWER_NO_FILLER and words & _ANSWER_NO:
        return True
    # "No, just stiff": a bare no, then something else that takes nothing back
    return (
        len(answer) > 1 and _n(answer[0]) in _ANSWER_NO - {"not"} and answer[1].is_punct
        and not words & _ANSWER_BUT
    )


def _object_of_preposition(cue: Token) -> bool:
    """"tripping over nothing", "worrying about nothing": an object, not a denial."""
    doc = cue.doc
    return _n(cue) in {"nothing", "nothin"} and cue.i > 0 and _n(doc[cue.i - 1]) in _BEFORE_NOTHING

_BEAR, _MANNER = _WORDS["bear"], _WORDS["manner"]


def _cannot_bear(doc: Doc, cue_index: int, span_start: int) -> bool:
    """"can't cope with the numbness"; "can't stand up without using my arms now, my thighs
    have gone weak": a manner, what it is done without, takes the "without" for itself."""
    return any(_n(t) in _BEAR for t in doc[cue_index + 1 : span_start]) or (
        _n(doc[cue_index]) == "without" and _n(doc[cue_index + 1]) in _MANNER)


def _negated(span: Span) -> bool:
    """Negated by a preceding cue (in scope) or a following reassurance."""
    doc = span.doc
    if _denied_noticing(span) or _denied_after(span):
        return True
    if not contains_cue(span):
        cue = negation_cue_before(span, window=5)
        if cue is None:
            # "not feeling low or having any dark thoughts": a denial carried by "or"
            far = negation_cue_before(span, window=9)
            if far is not None and _carried_far(doc[far.i + 1 : span.start]):
                cue = far
        if (
            cue is not None
            and not _scope_broken(doc, cue.i, span.start)
            and not _object_of_preposition(cue)
            and not _cannot_bear(doc, cue.i, span.start)
        ):
            return True
        if _reassured_after(span):
            return True
    for token in _clause_before(span, window=5):
        word = _n(token)
        if word in _EXTRA_CUES and not _scope_broken(doc, token.i, span.start):
            if _object_of_preposition(token):
                continue
            if word == "free" and not (token.i + 1 < len(doc) and _n(doc[token.i + 1]) == "of"):
                continue
            if word == "ruled" and not (token.i + 1 < len(doc) and _n(doc[token.i + 1]) == "out"):
                continue
            return True
    after = [_n(t) for t in _clause_after(span, window=4)]
    return "ruled" in after and "out" in after

_REPORTING = _WORDS["reporting"]
_CHANGE_WORDS = _WORDS["change_words"]


def _carried_far(between: Span) -> bool:
    """A denial that reaches further than usual: carried by "or" ("not feeling low or
    having any dark thoughts"), or denying a thing that a clause then describes ("not a
    constant pain that's worse at night")."""
    words = [_n(t) for t in [between.doc[between.start - 1], *between]]
    if set(words) & {"or", "nor"}:
        return True
    described = [k for k, w in enumerate(words) if w in _DESCRIBING and k >= 2]
    return bool(described) and words[0] in _DESCRIBED_OPENERS | {"not", "n't"} and (
        words[0] == "no" or words[1] in _DESCRIBED_OPENERS) and not (
        set(words[described[0] + 1 : described[0] + 2]) & _FIRST_PERSON)


def _negated_change(tokens: Span) -> bool:
    """"improvement in", "change in my ...": what is denied is a change, not the symptom."""
    doc = tokens.doc
    for token in tokens:
        word = _n(token)
        if word in _CHANGE_WORDS:
            return True
        if (
            word in {"change", "changes"}
            and token.i + 2 < len(doc)
            and _n(doc[token.i + 1]) == "in"
            and _n(doc[token.i + 2]) in _CHANGE_IN_DETERMINERS
        ):
            return True
    return False

_NOTICE = _WORDS["notice"]
_NOTICED_EVENT = _WORDS["noticed_event"]


#: After a symptom: an answer denying it ("weakness? nothing like that").
_DENIALS_AFTER: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split()) for phrase in word_list("scope", "denials_after")
)
_DENIAL_FILLER = _WORDS["denial_filler"]
_DENIAL_OBJECT = _WORDS["denial_object"]
_DENIAL_END = _WORDS["denial_end"]


def _denied_noticing(span: Span) -> bool:
    """"not noticed any weakness", "can't say i've noticed my legs giving way"."""
    doc = span.doc
    for token in _clause_before(span, window=8):
        if _n(token) not in _NOTICE:
            continue
        between = doc[token.i + 1 : span.start]
        if _words(between) & _NOTICED_EVENT or _negated_change(between):
            return False
        for k in range(token.i - 1, max(-1, token.i - 5), -1):
            if _is_break(doc[k]):
                break
            if _n(doc[k]) in RV.NEGATION_NORMS or doc[k].lower_ in RV.NEGATION_NORMS:
                return True
        return False
    return False


def _denied_after(span: Span) -> bool:
    """A symptom echoed and denied: "any weakness? nothing like that", "numbness - not
    noticed any"; not "nothing like that before" (a first time)."""
    doc = span.doc
    i, skipped = span.end, 0
    while i < len(doc) and _n(doc[i]) in _DENIAL_FILLER and skipped < 5:
        i += 1
        skipped += 1
    if (
        _a_topic_answered_no(span, i)
        or _a_heading_answered_no(span)
        or _a_listed_topic_denied(span)
        or listed_and_denied(span)
    ):
        return True
    norms = [_n(t) for t in doc[i : i + 8]]
    for phrase in _DENIALS_AFTER:
        if tuple(norms[: len(phrase)]) == phrase:
            j = i + len(phrase)
            while j < len(doc) and _n(doc[j]) in _DENIAL_OBJECT:
                j += 1
            if j >= len(doc) or _is_break(doc[j]) or doc[j].is_punct:
                return True
            return _n(doc[j]) in _DENIAL_END
    return False


def _a_topic_answered_no(span: Span, end: int) -> bool:
    """A sign named as a topic at the start of its clause, then a bare no that ends the
    clause ("Fall, no. Cancer, no. Toilet normal.", "saddle numbness: none"); not "I had a
    fall, no." nor a tag question ("cancer, no?")."""
    doc = span.doc
    if span.start > 0 and not _is_break(doc[span.start - 1]) and doc[span.start - 1].text != ",":
        return False
    fillers = [t for t in doc[span.end : end] if not t.is_punct]
    if end < len(doc) and _n(doc[end]) in _WORDS["topic_denials"]:
        fillers, end = [*fillers, doc[end]], end + 1  # "saddle numbness: none"
    if not fillers or _n(fillers[-1]) not in _WORDS["topic_denials"]:
        return False
    if end < len(doc) and not (_is_break(doc[end]) and doc[end].text != "?") and (
        doc[end].text != ","  # "Cancer, no, my mammogram was normal"
    ):
        return False
    # set off by a break ("Fall, no."), or the clause is the topic and its no alone
    # ("saddle numbness no; bladder no")
    return doc[fillers[-1].i - 1].is_punct or len(fillers) == 1 and fillers[0].i == span.end


#: How long a heading before its colon may be ("Numbness in the groin or saddle area:").
_HEADING_REACH = 10


def _a_heading_answered_no(span: Span) -> bool:
    """The sign in a heading that a colon ends, answered by a bare no ("Numbness in the
    groin or saddle area: no, I've checked", "3) leg weakness: none, walked 4 km")."""
    doc = span.doc
    colon = next((t for t in doc[span.end : span.end + _HEADING_REACH] if _is_break(t)), None)
    if colon is None or colon.text != ":" or colon.i + 1 >= len(doc):
        return False
    start = span.start
    while start > 0 and not _is_break(doc[start - 1]):
        start -= 1
    if colon.i - start > _HEADING_REACH or _n(doc[colon.i + 1]) not in _WORDS["topic_denials"]:
        return False
    after = doc[colon.i + 2] if colon.i + 2 < len(doc) else None
    return after is None or (_is_break(after) and after.text != "?") or after.text == ","


#: Words of the writer's own that make a clause a statement, not a heading ("I had a fall,
#: no." is no topic answered).
_OWN_WORDS = frozenset({"i", "im", "ive", "id", "my", "me", "mine", "myself"})


def _a_listed_topic_denied(span: Span) -> bool:
    """A sign named in a short heading of a list, then its bare no ("Bladder or bowel
    changes, no.", "Cancer history, negative.", "History of cancer, no.", "weight loss no,
    I've gained a kilo"): the heading names the writer nowhere."""
    doc = span.doc
    start = span.start
    while start > 0 and not _is_break(doc[start - 1]) and doc[start - 1].text != ",":
        start -= 1
    if span.start - start > 4 or any(_n(t) in _OWN_WORDS for t in doc[start : span.start]):
        return False
    j, extra = span.end, 0
    while j < len(doc) and not _is_break(doc[j]) and doc[j].text != "," and extra < 3:
        if _n(doc[j]) in _WORDS["topic_denials"]:
            break
        j, extra = j + 1, extra + 1
    if j < len(doc) and doc[j].text in (",", ":"):
        j += 1
    if j >= len(doc) or _n(doc[j]) not in _WORDS["topic_denials"]:
        return False
    after = doc[j + 1] if j + 1 < len(doc) else None
    return after is None or after.text == "," or (_is_break(after) and after.text != "?")


def _reassured_after(span: Span, window: int = 4) -> bool:
    """A reassurance follows in the clause ("bladder and bowels are fine").

    Unlike :func:`bot.nlu.negation.negated_after`, a negated complaint verb does not count:
    "i wet myself and couldn't feel it" is not a denial.
    """
    previous = ""
    for token in _clause_after(span, window):
        word = _n(token)
        if word in _REASSURANCE_STOPS or word in AFFIRMATIVE_WORDS:
            return False
        if word in RV.NEGATION_NORMS:
            return False
        if word in REASSURANCE_WORDS and previous != "for":  # "gone for good": for ever
            return True
        previous = word
    return False


def _told_a_diagnosis(between: Span) -> bool:
    """"never been told I have cancer", "no one ever told me I had it": what is denied is
    the diagnosis, not only the telling ("haven't told anyone about the numbness")."""
    words = [_n(t) for t in between]
    if words and words[-1] in _DIAGNOSIS_VERBS:
        return True  # "nobody's ever said cancer"
    for k, word in enumerate(words):
        if word != "told":
            continue
        passive = k > 0 and words[k - 1] in _PASSIVE_BE
        rest = words[k + 1 : k + 4]
        about_me = bool(rest) and rest[0] in _TOLD_WHOM and bool(
            set(rest) & _HAVING_FORMS
        )
        if passive or about_me:
            return set(words) & _REPORTING == {"told"}
    return False


def _scope_broken(doc: Doc, cue_index: int, span_start: int) -> bool:
    between = doc[cue_index + 1 : span_start]
    # "nothing like cancer in my history" denies it (not "don't like the numbness")
    nothing_like = _n(doc[cue_index]) in {"nothing", "nothin"} and _words(between[:1]) == {"like"}
    # "doesn't get worse at night": the denial reaches the sign through "get worse", and
    # through a bare "get" ("I never get cancer", "never get fever": never had it)
    through_get = len(between) > 0 and _n(between[0]) == "get" and cue_index + 2 < len(doc) and (
        _n(doc[cue_index + 2]) in _GETS_WORSE or len(between) == 1
    )
    if len(between) and _n(between[0]) in _BLOCKING and not nothing_like and not through_get:
        return True
    # "no improvement in my leg weakness": the change is denied, not the symptom;
    # "haven't told anyone about the numbness": the telling is denied
    reported = _words(between) & _REPORTING and not _told_a_diagnosis(between)
    if _negated_change(between) or reported:
        return True
    # "didn't even realise i'd wet myself": the person didn't notice, the symptom is there;
    # but "don't feel suicidal": "feel" links the denial to the sign itself.
    linked = len(between) == 1 and _n(between[0]) in _LINKING_FEEL
    if not linked and any(_n(token) in _AWARENESS for token in between):
        return True
    for k, token in enumerate(between):
        word = _n(token)
        if word in _SCOPE_STOPS or (word == "," and "," not in _words(between[:k]) and any(
                _n(t).endswith("ing") for t in between[1:k])):  # "no pills working, weight"
            return True
        if word in {"and", "or"} and k + 1 < len(between) and _n(between[k + 1]) in _NEW_SUBJECT:
            return True
    return False

