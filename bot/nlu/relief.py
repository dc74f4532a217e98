"""Whether a movement named in a message eases the pain rather than bringing it on ("leaning
back eases it", "sitting is no problem", "better when I sit down"): such a movement points
the painful direction the other way (:mod:`bot.nlu.direction`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bot.nlu import patterns as P
from bot.nlu.spans import (
    CLAUSE_TURNS,
    CONTEXT,
    LIST_GOES_ON,
    SENTENCE_ENDS,
    SUBJECTS,
    is_negation,
    negated_at,
    value_of,
)

#: Phrases that say a movement eases the pain, word by word ("takes the edge off").
_RELIEF_PHRASES: tuple[list[str], ...] = tuple(
    phrase.split() for phrase in CONTEXT["relief_phrases"]
)
#: Words of trouble or pain that, denied after a movement, say it eases ("no problem",
#: "lean back, no pain").
_DENIABLE = P.TROUBLE_WORDS | P.ANSWER_WORDS["pain_words"]
#: Marks between a topic and its verdict ("sitting: eases it", "walking -> worse").
_LABEL_MARKS = CONTEXT["label_marks"]
#: Before a relief word, a verb of doing that makes it a thing done ("doing fades"), not
#: "it does ease" (the emphatic "do").
_DOING_THINGS = CONTEXT["doing_words"] - {"do", "does"}


def is_relief(tok: Token) -> bool:
    """A relief word, but not "away" after a pain that goes on ("it aches away") nor a
    word of how long ("the rest of the day"); a word of mending only with the pain as its
    object ("fixes it", not "to fix the tractor")."""
    doc = tok.doc
    for phrase in _RELIEF_PHRASES:  # "takes the edge off"
        if tok.lower_ in phrase:
            start = tok.i - phrase.index(tok.lower_)
            if start >= 0 and [t.lower_ for t in doc[start : start + len(phrase)]] == phrase:
                return True
    if tok.lower_ in CONTEXT["mends_words"]:
        return doc[tok.i + 1 : tok.i + 2].text.lower() in ("it", "that", "this")
    if tok.lower_ not in P.RELIEF_WORDS:
        return False
    if tok.i > 0 and doc[tok.i - 1].lower_ in _DOING_THINGS:
        return False  # "standing all day doing fades": haircuts done, not the pain fading
    if tok.lower_ == "help" and tok.i > 0 and doc[tok.i - 1].lower_ in CONTEXT["help_askers"]:
        return False  # "need help with me back sittin at work all day": help asked for
    after = doc[tok.i + 1 : tok.i + 2].text.lower()
    if tok.i > 0 and doc[tok.i - 1].lower_ == "to" and after not in ("it", "that", "this", ""):
        return False  # "I bend over the bed to help clients": a purpose, not relief
    if tok.i > 0 and doc[tok.i - 1].lower_ == "the" and doc[tok.i + 1 : tok.i + 2].text in (
        "part", "half", "bit", "of"
    ):
        return False  # "the better part of an hour", "the rest of the day": how long
    return not (
        tok.lower_ == "away" and tok.i > 0 and (
            doc[tok.i - 1].lower_ in CONTEXT["keeps_on_words"]
            or doc[tok.i - 1].lower_ in CONTEXT["leaving_verbs"]  # "I had to walk away"
        )
    )


def relieves(span: Span, window: int = 15) -> bool:
    """Whether the clause says this movement eases the pain or is fine ("leaning back eases
    it", "bending over to stretch feels great", "sitting is no problem", "it eases off if I
    sit down", "Sitting, or leaning on the trolley, eases it straight away")."""
    doc = span.doc
    if _seat_taken(span):
        return True  # "after the queue I have to sit down"
    own = value_of(span)
    # only movements starting within the window are looked at below: the others are
    # skipped before their value is read (a long message names hundreds)
    near = [
        s for s in doc.spans.get(P.SPANS_KEY, [])
        if span.end <= s.start < span.end + window and s.label_ == P.PAIN_DIRECTION
    ]
    others = {
        s.start for s in near
        if value_of(s) not in (own, None)  # not "nothing" of "does nothing bad"
    }
    later = {s.start for s in near if value_of(s) is not None}
    # "worse when I am standing at the sink, better when I sit down": a verdict said
    # before the movement is its own; one after the next comma is the next movement's
    judged = _judged_before(span)
    complained = False
    labelled = False
    for tok in doc[span.end : min(len(doc), span.end + window)]:
        if _a_new_line(tok):
            break  # a line of its own: the next line's verdict is another topic's
        if not labelled and tok.text in _LABEL_MARKS and not complained:
            # "sitting: eases it", "sitting -> better": the mark opens this one's verdict
            labelled = tok.i + 1 < len(doc) and doc[tok.i + 1].text not in _LABEL_MARKS
            continue
        if (tok.i in others or (complained and tok.i in later)) and (
            complained or tok.i == 0 or doc[tok.i - 1].lower_ not in LIST_GOES_ON
        ):
            # ... and once this one is said to hurt, any movement after it has its own
            # verdict ("leaning back hurts and standing all shift walking is fine")
            # "leaning back gets it, bending down is fine", "walking hurts and sitting
            # doesn't bother it": the next movement's own
            break
        complained = complained or (
            tok.lower_ in CONTEXT["aggravation_words"] and not negated_at(doc, tok.i)
        )
        following = doc[tok.i + 1 : tok.i + 4]
        if (tok.lower_ == "?" and any(
            t.lower_ in SUBJECTS or t.lower_ in LIST_GOES_ON or t.lower_ in P.RELIEF_WORDS
            for t in following
        )) or (tok.lower_ == "," and not judged and not complained and (
            following[:1].text.lower() in SUBJECTS | LIST_GOES_ON
            or _verdict_follows(doc, tok.i)
        )):
            # "when I lean forward, it is better", "Bending over the basin? That eases
            # it", "Sitting on the stool? Nah, that does ease it", "To bend to the oven, no
            # problem", "Walking, mi alright": the main clause, the answer to the
            # question, or a verdict after a comma says how it is (once the movement was
            # said to hurt, what follows the comma is of something else: "bending kills,
            # the rest is fine")
            continue
        if tok.lower_ == "," and not complained and _eases_next(doc, tok.i) and (
            not judged or _driven_to(span)
        ):
            # "I have to sit down or lean on the trolley, then it eases": what the pain
            # drove them to, or did before it eased ("It hurts when I stand, then it
            # eases" is standing's pain wearing off)
            return True
        if tok.text in _QUOTES:
            continue  # "bending down to the little ones' tables feels better"
        if tok.is_punct or tok.lower_ in CLAUSE_TURNS:
            break
        word, negated = tok.lower_, negated_at(doc, tok.i)
        if (is_relief(tok) and not negated) or (word in _DENIABLE and negated):
            return True
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        subject = _subject_before(doc, tok.i)
        when_it = doc[max(0, tok.i - 2) : tok.i].text.lower() == "when it"
        if word in CONTEXT["relief_at_end"] and not negated and (
            after is None or after.is_punct or after.lower_ in ("away", "off")
        ) and not {before, doc[max(0, tok.i - 2)].lower_} & CONTEXT["gave_way_subjects"] and (
            not when_it
        ) and before not in _DOING_THINGS and not (  # not "doing fades": haircuts done
            # "I was leaning over a bed ... and it went.": the back gave way (the pain that
            # went goes "away")
            subject == "it" and word in CONTEXT["gave_way_verbs"]
            and (after is None or after.lower_ not in ("away", "off"))
        ):
            # not "and something went", "my back just went", nor "that's when it goes" (when
            # it gives way)
            return True  # "if i get up n walk around it mostly goes"
    if _likewise_after_relief(span):
        return True
    crossed = False
    for tok in reversed(doc[max(0, span.start - 6) : span.start]):
        if _a_new_line(tok):
            break  # "sitting: eases it\nwalking: worse": the line before is its own
        if tok.text == ":" and tok.i > 0 and is_relief(doc[tok.i - 1]):
            return True  # a label: "Easing: walking."
        if tok.lower_ == "," and doc[tok.i + 1].lower_ in LIST_GOES_ON and not crossed:
            # "sitting on a crate is heaven, also bending over the counter", unless its
            # own clause says otherwise ("sitting is fine, and bending hurts")
            crossed = True
            continue
        if tok.is_punct or tok.lower_ in CLAUSE_TURNS or tok.lower_ in CONTEXT["exception_words"]:
            break  # "everything's fine except sitting": the exception is no relief
        relief = is_relief(tok) or (
            # "have to stop and sit down", not "stand at the coffee stop or walk"
            tok.lower_ in CONTEXT["relief_before"] and span.start - tok.i <= 2
            and doc[tok.i + 1].lower_ in ("and", "to", "n")
            and (tok.i == 0 or doc[tok.i - 1].lower_ in CONTEXT["stopper_words"])
        )
        if relief and not negated_at(doc, tok.i):
            # its own clause saying it hurts wins: "ok when I bend it pains more" (an "ok"
            # that opens the answer), "sitting is heaven, also bending ... hurts"
            return not aggravated_after(span)
    return False


def _a_new_line(tok: Token) -> bool:
    """A line break between items of a list, each with its own verdict."""
    return tok.is_space and "\n" in tok.text


def _subject_before(doc: Doc, i: int) -> str:
    """The word before word ``i``, past words of how it happened ("it just went", "it
    suddenly went"): the verb's subject."""
    j = i - 1
    while j > 0 and doc[j].lower_ in CONTEXT["gave_way_adverbs"]:
        j -= 1
    return doc[j].lower_ if j >= 0 else ""


def _judged_before(span: Span) -> bool:
    """A word of pain before ``span`` in its clause ("worse when I am standing")."""
    for tok in reversed(span.doc[: span.start]):
        if tok.is_punct or tok.lower_ in CLAUSE_TURNS:
            return False
        if tok.lower_ in CONTEXT["aggravation_words"] and not negated_at(span.doc, tok.i):
            return True
    return False


#: Apostrophes and quotes, which spaCy calls punctuation but end no clause.
_QUOTES = frozenset({"'", "\u2019", '"', "\u201c", "\u201d"})


def _verdict_follows(doc: Doc, comma: int) -> bool:
    """A short verdict just after a comma: a relief word within two words, with no word
    of pain in its clause ("Walking, mi alright", "Sitting, fine"; not "bending over, good
    god it's agony"), or a denied trouble ("To bend to the oven, no problem")."""
    clause: list[Token] = []
    for tok in doc[comma + 1 :]:
        if tok.is_punct and tok.text not in _QUOTES:
            break
        clause.append(tok)
    words = [t.lower_ for t in clause]
    if len(words) >= 2 and is_negation(clause[0]) and words[1] in _DENIABLE:
        return True
    return any(w in CONTEXT["verdict_words"] for w in words[:2]) and not any(
        w in CONTEXT["aggravation_words"] for w in words
    )


def _likewise_after_relief(span: Span) -> bool:
    """"sitting down eases it, so does bending forward": "so does" carries the relief of
    the clause before it over to this movement."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    if "so" not in before or not set(before) & {"does", "do", "did", "is"}:
        return False
    at = span.start - len(before) + before.index("so")
    clause = []
    for tok in reversed(doc[max(0, at - 12) : at]):
        if tok.text in SENTENCE_ENDS or tok.lower_ in CLAUSE_TURNS:
            break
        clause.append(tok)
    return any(is_relief(t) and not negated_at(doc, t.i) for t in clause)


def aggravated_after(span: Span) -> bool:
    """A word of pain after ``span`` in its clause ("and bending hurts", "bending: hurts")."""
    for tok in span.doc[span.end :]:
        if tok.text in _LABEL_MARKS and tok.i > 0 and tok.i - 1 < span.end + 4:
            continue
        if tok.is_punct or tok.lower_ in CLAUSE_TURNS or _a_new_line(tok):
            return False
        if tok.lower_ in CONTEXT["aggravation_words"]:
            return True
    return False


def _needed_at(doc: Doc, i: int) -> bool:
    """"must" or "have to" ending at word ``i`` ("I must", "we have to", "gotta")."""
    word = doc[i].lower_
    if word in CONTEXT["must_words"]:
        return not negated_at(doc, i)
    return word == "to" and i > 0 and doc[i - 1].lower_ in CONTEXT["need_words"] and not (
        negated_at(doc, i - 1)
    )


def _driven_to(span: Span) -> bool:
    """A "must" or "have to" before ``span`` in its clause ("it starts to hurt and I have to
    sit down or lean forward"): what the pain drives the person to."""
    doc = span.doc
    for tok in reversed(doc[max(0, span.start - 8) : span.start]):
        if tok.is_punct or tok.lower_ in CLAUSE_TURNS:
            return False
        if _needed_at(doc, tok.i):
            return True
    return False


def _seat_taken(span: Span) -> bool:
    """"I must sit down", "after the queue I have to sit down, then ...": a seat taken
    because it must be, with nothing after it of how long it is kept ("I have to sit down
    all day at work") nor of pain ("I have to sit down and it kills")."""
    doc = span.doc
    if span[0].lower_ not in CONTEXT["sit_down_words"] or not span.start:
        return False
    end = span.end if "down" in [t.lower_ for t in span] else span.end + 1
    if end > len(doc) or doc[end - 1].lower_ != "down" or not _needed_at(doc, span.start - 1):
        return False
    ends = end == len(doc) or doc[end].is_punct or doc[end].lower_ in CONTEXT["sat_down_then"]
    return ends and not aggravated_after(span)


def _eases_next(doc: Doc, comma: int) -> bool:
    """After the comma, "then it eases", "and then the pain goes": the pain easing next,
    with no word of pain nor another movement in that clause."""
    i = comma + 1
    while i < len(doc) and doc[i].lower_ in CONTEXT["then_words"]:
        i += 1
    if i == comma + 1 or i >= len(doc) or doc[i].lower_ not in SUBJECTS:
        return False
    movements = {s.start for s in doc.spans.get(P.SPANS_KEY, []) if s.label_ == P.PAIN_DIRECTION}
    eased = False
    for tok in doc[i + 1 :]:
        if tok.is_punct or tok.lower_ in CLAUSE_TURNS:
            break
        if tok.lower_ in CONTEXT["aggravation_words"] or tok.i in movements:
            return False  # "then it eases when I sit": the sitting's relief
        eased = eased or (not negated_at(doc, tok.i) and (
            is_relief(tok) or tok.lower_ in CONTEXT["relief_at_end"]
        ))
    return eased
