"""Which movement makes the pain worse, read in its context: a movement that eases it
points the other way, a movement in the story of how the pain began answers nothing, "both"
and "no difference" count what they name (McKenzie's directional preference)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from bot.nlu import patterns as P
from bot.nlu.comparison import ranked
from bot.nlu.getting_up import qualifies_another, stuck_bent_from_a_seat
from bot.nlu.negation import is_negated
from bot.nlu.relief import relieves
from bot.nlu.spans import (
    BOTH_COUNTS,
    CLAUSE_TURNS,
    CONTEXT,
    CONTRASTS,
    SENTENCE_ENDS,
    Extraction,
    clause_of,
    extraction,
    in_a_year_gone,
    is_negation,
    negated_at,
    sentence_before,
    sentence_of,
    value_of,
)
from bot.nlu.tried import remedies_found_wanting, tried_the_same

#: The painful direction when a movement one way eases the pain.
_OPPOSITE = {"flexion": "extension", "extension": "flexion"}


def _turn_after(doc: Doc, index: int, spans: list[tuple[Span, str]]) -> str | None:
    """The movement a contrast sets against a "no difference" said before ``index`` ("no
    difference, except bending"), if any."""
    for tok in doc[index:]:
        if tok.lower_ in CONTRASTS:
            after = [v for s, v in spans if tok.i < s.start <= tok.i + 6 and v != "none"]
            if after:
                return after[0]
    return None


def _in_onset_story(span: Span) -> bool:
    """A movement in the story of how the pain began ("since Thanksgiving, I think I
    lifted the turkey wrong", "since yesterday when I lift a resident"), with nothing in
    the clause saying that the movement makes it worse ("since Monday, worse when I bend")."""
    doc = span.doc
    before = sentence_before(span)
    cues = [t.i for t in before if _starts_a_story(t)]
    if not cues:
        return False
    end = span.end
    while end < len(doc) and doc[end].text not in SENTENCE_ENDS and doc[end].lower_ not in (
        CLAUSE_TURNS
    ) and not _turns_to_now(doc, end):
        end += 1
    around = list(doc[cues[-1] + 1 : span.start]) + list(doc[span.end : end])
    return not any(
        t.lower_ in CONTEXT["aggravation_words"] or is_negation(t) for t in around
    )


def _turns_to_now(doc: Doc, i: int) -> bool:
    """A comma after which the story turns to now or to what the back did ("... lifting a
    patient, now it hurts to stand", "lifting boxes, locked up and I couldnt straighten,
    pain is about 8"): what follows is no word on the movement."""
    return doc[i].text == "," and i + 1 < len(doc) and (
        doc[i + 1].lower_ in P.ANSWER_WORDS["now_words"]
        or doc[i + 1].lower_ in CONTEXT["story_turn_words"]
    )


def _starts_a_story(tok: Token) -> bool:
    """An onset word ("since", "pulled"); "put", "did" or "done" only with the back as
    their object ("put my back out", "did it lifting"), not "bending to put on socks"."""
    word = tok.lower_
    if word in CONTEXT["gave_way_verbs"]:
        # "it just went when I was lifting", "my back went": the back giving way
        before = {t.lower_ for t in tok.doc[max(0, tok.i - 2) : tok.i]}
        return bool(before & (CONTEXT["gave_way_subjects"] | {"it"}))
    if word not in CONTEXT["onset_words"]:
        return False
    if word not in CONTEXT["onset_needs_object"]:
        return True
    return any(t.lower_ in CONTEXT["onset_objects"] for t in tok.doc[tok.i + 1 : tok.i + 4])


def _said_to_matter(span: Span, value: str, relieved: bool) -> bool:
    """Whether the message says this movement changes the pain ("bending kills me",
    "sitting eases it", "I can't bend"), not only that the person does it ("I stand at
    the stall the whole day"); "no difference", "both" and "all the time" say so themselves."""
    if relieved or value in ("none", "constant"):
        return True
    if value == "both" and (not span.id_.endswith(P.ALONE) or any(
        s.label_ == P.PAIN_DIRECTION and (s.end <= span.start or s.start >= span.end)
        for s in span.doc.spans.get(P.SPANS_KEY, [])
    )):
        # "it's both really", or "both" beside the movements it sums up ("Honestly both.
        # Picking him up is murder, and so is standing"), answers the question; a bare
        # "both" alone only its own
        return True
    clause = clause_of(span)
    if _named_as_cause(span, clause):
        return False
    words = [t.lower_ for t in clause]
    likewise = any(  # "but so does standing", "standing too", "same with walking"
        w in CONTEXT["likewise_words"]
        or (w == "so" and i + 1 < len(words) and words[i + 1] in ("does", "is", "do", "did"))
        for i, w in enumerate(words)
    )
    return likewise or _likewise_follows(clause) or any(
        t.lower_ in CONTEXT["aggravation_words"] or is_negation(t) for t in clause
    )


def _likewise_follows(clause: Span) -> bool:
    """A next clause that adds to this one ("bending and sitting, but also standing", "...
    those get me. But standing gets me too"): what this one named hurts as well."""
    doc, i = clause.doc, clause.end
    while i < len(doc) and doc[i].is_punct:
        i += 1
    if i >= len(doc) or doc[i].lower_ not in CONTRASTS:
        return False
    after = []
    for tok in doc[i + 1 :]:
        if tok.text in SENTENCE_ENDS or tok.lower_ in CLAUSE_TURNS:
            break
        after.append(tok.lower_)
    return bool(set(after) & P.ANSWER_WORDS["adding_words"])


#: How many words may stand between a movement and the word that says it hurts for the
#: two to be read together in a message that was not asked about movement.
_NEAR = 8


def _said_from_afar(span: Span, value: str, relieved: bool) -> bool:
    """Whether the only word of pain in ``span``'s clause is more than :data:`_NEAR` words
    from it ("so sore I work at a call centre in the city and I'm sitting all day")."""
    if relieved or value in ("none", "constant", "both"):
        return False
    clause = clause_of(span)
    cues = [
        t.i for t in clause
        if t.lower_ in CONTEXT["aggravation_words"] or is_negation(t)
        or t.lower_ in CONTEXT["likewise_words"] or t.lower_ == "so"
    ]
    return bool(cues) and min(_words_between(span, i) for i in cues) > _NEAR


def _words_between(span: Span, i: int) -> int:
    """How far word ``i`` stands from ``span``: 0 inside it, 1 right beside it."""
    return span.start - i if i < span.start else max(0, i - span.end + 1)


def _fine_and_borrowed(
    span: Span, value: str, relieved: bool, spans: list[Span],
    relieves: Callable[[Span], bool] = relieves,
) -> bool:
    """A movement the message says elsewhere is fine ("standing and walking ok") whose
    clause's only word of pain is nearer another movement ("sitting long time sure pain,
    after 1 hour i must stand up walk walk"): the pain is the other one's."""
    if relieved or value not in _OPPOSITE:
        return False
    fine = [
        s for s in spans
        if s is not span and value_of(s) == value and (is_negated(s) or relieves(s))
    ]
    if not fine:
        return False
    clause = clause_of(span)
    moves = [s for s in spans if value_of(s) in _OPPOSITE and clause.start <= s.start < clause.end]
    for tok in clause:
        if tok.lower_ in CONTEXT["aggravation_words"] and not negated_at(tok.doc, tok.i):
            nearest = min(moves, key=lambda s: (_words_between(s, tok.i), s.start))
            if value_of(nearest) == value:
                return False
    return True


def _named_as_cause(span: Span, clause: Span) -> bool:
    """A movement named as what brought the pain on ("back pain from picking up my toddler
    all weekend"), with no word of pain after it: how it began, not which way it hurts."""
    doc = span.doc
    before = [t for t in doc[max(clause.start, span.start - 3) : span.start]]
    cause = next((t.i for t in reversed(before) if t.lower_ in CONTEXT["cause_words"]), None)
    if cause is not None and any(t.is_punct for t in doc[cause : span.start]):
        cause = None
    if cause is None:
        cause = _cause_before_a_comma(span)
    if cause is None or any(is_negation(t) for t in doc[cause : span.end]):
        return False  # "because I can't sit in the boat": a movement the pain rules out
    return not any(t.lower_ in CONTEXT["aggravation_words"] for t in doc[span.end : clause.end])


def _cause_before_a_comma(span: Span) -> int | None:
    """The cause word of "a bad back from work, lifting boxes all day": a cause of a word
    or two, a comma, then the movement that says what it was."""
    doc = span.doc
    comma = next((t.i for t in doc[max(0, span.start - 2) : span.start] if t.text == ","), None)
    if comma is None:
        return None
    named = doc[max(0, comma - 3) : comma]
    cause = next((t.i for t in reversed(named) if t.lower_ in CONTEXT["cause_words"]), None)
    if cause is None or any(t.is_punct for t in doc[cause:comma]):
        return None
    return cause


def _everything_hurts(doc: Doc) -> bool:
    """A sentence that says everything makes it worse ("Just about everything bothers it",
    "everything hurts"): every movement the message goes on to name is one that does."""
    sentence: list[Token] = []
    for tok in list(doc) + [None]:
        if tok is not None and tok.text not in SENTENCE_ENDS:
            sentence.append(tok)
            continue
        words = {t.lower_ for t in sentence}
        if (
            words & CONTEXT["everything_words"] and words & CONTEXT["aggravation_words"]
            and not any(is_negation(t) for t in sentence)
        ):
            return True
        sentence = []
    return False


def _listed_before_a_denial(span: Span, spans: list[Span]) -> bool:
    """"Bending over and sitting at my desk don't hurt at all": a denial after a list of
    movements covers each one listed before it."""
    doc = span.doc
    if value_of(span) not in _MOVEMENTS:
        return False
    for other in spans:
        if not span.end <= other.start <= span.end + 2:
            continue  # (before reading the words between: a long message names hundreds)
        between = doc[span.end : other.start]
        joined = any(t.lower_ in CONTEXT["list_goes_on"] for t in between) and all(
            t.lower_ in CONTEXT["list_goes_on"] or t.text == "," for t in between
        )
        if joined:
            return value_of(other) in _MOVEMENTS and (
                is_negated(other) or _listed_before_a_denial(other, spans)
            )
    return False


_MOVEMENTS = ("flexion", "extension", "both")


def _concluded(spans: list[Span]) -> list[Span]:
    """The movements of a last sentence that settles the answer ("So bending forward."),
    when there is one, else all of them."""
    if not spans:
        return spans
    doc = spans[0].doc
    end = len(doc)
    while end > 0 and doc[end - 1].text in SENTENCE_ENDS:
        end -= 1
    start = end
    while start > 0 and doc[start - 1].text not in SENTENCE_ENDS:
        start -= 1
    if start == 0 or doc[start].lower_ not in CONTEXT["conclusion_words"]:
        return spans
    last = [s for s in spans if s.start >= start and value_of(s) is not None]
    return last or spans


def _once_per_span(verdict: Callable[[Span], bool]) -> Callable[[Span], bool]:
    """``verdict``, worked out once per span of one message."""
    known: dict[tuple[int, int, str], bool] = {}
    def once(span: Span) -> bool:
        key = (span.start, span.end, span.label_)
        if key not in known:
            known[key] = verdict(span)
        return known[key]

    return once


def resolve_direction(spans: list[Span], text: str) -> Extraction | None:
    """The painful direction the message names; marked with the role
    :data:`bot.nlu.patterns.CONTEXT_ROLE` when no movement is said to change the pain
    (the form takes it only as the answer to its own question). A last sentence that
    settles it after thinking aloud ("So bending forward.") is the answer."""
    concluded = _concluded(spans)
    settled = concluded is not spans  # "... sitting is fine. so leaning back I guess"
    spans = concluded
    # "bending is easier than leaning back": the worse of two movements compared hurts, the
    # easier one says nothing more (its relief word is not the other's too)
    worse = ranked(spans)
    spans = [s for s in spans if worse.get(s.start, True)]
    relieved = _once_per_span(lambda s: s.start not in worse and relieves(s))
    same = tried_the_same(spans) | remedies_found_wanting(spans)  # "bent over - same"
    read = [
        (s, v, relieved(s))
        for s in spans
        # "no difference" is not turned round by a cue before it ("neither really it just
        # aches whatever i do"): it says the same thing denied or not
        # "when I went to get up from my desk I couldn't straighten": stuck bent, sitting's
        if (v := same.get(s.start, _value_read(s, spans))) is not None
        and (v == "none" or s.start in worse or not is_negated(s))
        and not _in_onset_story(s) and not in_a_year_gone(s)
        and not qualifies_another(s, spans) and not _listed_before_a_denial(s, spans)
        and not _a_likeness(s) and not _a_wish(s) and not _hyphened_on(s) and not _a_place(s)
    ]
    said = [
        (s, v, r) for s, v, r in read
        if settled or s.start in worse
        or (_said_to_matter(s, v, r) and not _fine_and_borrowed(s, v, r, spans, relieved))
    ]
    if read and not said:
        # "sitting in traffic and at the desk all day. standing is ok": a movement named
        # beside another of the other way said to be fine is the one that hurts
        fine = {value_of(s) for s in spans if is_negated(s)} & {"flexion", "extension"}
        said = [(s, v, r) for s, v, r in read if v in _OPPOSITE and _OPPOSITE[v] in fine]
    if read and _everything_hurts(read[0][0].doc):
        said = read  # "Just about everything bothers it. Sitting ..., bending ..."
        moving = [r for r in read if r[1] not in ("none", "constant")]
        said = moving or said  # "Everyting hurt it ... it bad same way": all of them
    kept = [(s, _OPPOSITE.get(v, v) if r else v) for s, v, r in (said or read)]
    if not kept:
        return None
    found = _direction_of(kept, text)
    # "my back has been so sore I work at a call centre and I'm sitting all day": a word
    # of pain far from the movement, in a run-on message, ties them too loosely to fill
    # the answer unasked (the question, when it comes, takes it)
    loose = not settled and all(_said_from_afar(s, v, r) for s, v, r in said)
    return replace(found, role=P.CONTEXT_ROLE) if loose else found


def _value_read(span: Span, spans: list[Span]) -> str | None:
    """``span``'s value, but flexion for not straightening on getting up out of a seat."""
    return "flexion" if stuck_bent_from_a_seat(span, spans) else value_of(span)


def _hyphened_on(span: Span) -> bool:
    """A movement word joined by a hyphen to the word before it ("long-standing lumbar
    trouble"): part of another word, not the movement."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not (
        doc[i - 2].whitespace_
    )


def _a_place(span: Span) -> bool:
    """A movement word after a preposition of place and an article ("on the lift")."""
    doc, i = span.doc, span.start
    return span.text.lower() in CONTEXT["place_nouns"] and i >= 2 and (
        doc[i - 1].lower_ in CONTEXT["place_articles"]
        and doc[i - 2].lower_ in CONTEXT["place_prepositions"])


def _a_likeness(span: Span) -> bool:
    """A movement in a likeness: "like something sitting on me", "as if someone is
    standing on my back": what the pain feels like, not what they do."""
    before = [t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]
    return any(w in CONTEXT["likeness_subjects"] for w in before[-2:]) and any(
        w in CONTEXT["likeness_openers"] for w in before
    )


def _a_wish(span: Span) -> bool:
    """A movement wished for: "by the last hymn I want to sit down", "dying to lie down":
    what would ease it, unless the clause goes on to say it hurts ("I want to bend but it
    hurts")."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    if not set(before) & CONTEXT["wish_words"]:
        return False
    return not any(
        t.lower_ in CONTEXT["aggravation_words"] or t.lower_ in CONTRASTS
        for t in doc[span.end : sentence_of(span).end]
    )


def _taken_back(span: Span, contrast: int) -> bool:
    """Whether a movement before a contrast was told as a belief since given up ("I
    thought bending made it worse at first, but ...", "My physio thought it might be worse
    sitting, but no")."""
    clause = span.doc[max(0, span.start - 6) : contrast]
    return any(t.lower_ in CONTEXT["taken_back"] for t in clause)


def _direction_of(kept: list[tuple[Span, str]], text: str) -> Extraction:
    constant = [s for s, v in kept if v == "constant"]
    kept = [(s, v) for s, v in kept if v != "constant"]
    if not kept:
        # "It hurts all the time", and nothing about movement: no direction, as the
        # answer to its own question only ("it is only continuous pain" said of the
        # muscles changes no direction given before)
        return extraction(P.PAIN_DIRECTION, "none", constant[-1:], text, role=P.CONTEXT_ROLE)
    values = {v for _, v in kept}
    moving = [s for s, v in kept if v in ("flexion", "extension", "both")]
    named = {v for _, v in kept if v in ("flexion", "extension")}
    counting = [s for s, v in kept if v == "both" and s[-1].lower_ in BOTH_COUNTS]
    if len(named) == 1 and counting and all(v != "both" or s in counting for s, v in kept):
        # "driving and sitting both make it worse": "both" counts what was named
        return extraction(P.PAIN_DIRECTION, named.pop(), moving, text)
    if "both" in values:
        # "both", said in so many words, wins over the movements it goes on to name
        return extraction(P.PAIN_DIRECTION, "both", moving, text)
    nones = [s for s, v in kept if v == "none"]
    if nones:
        # "Bending, standing, sitting: it makes no difference", unless a contrast picks
        # one out ("no difference, except bending").
        doc = nones[0].doc
        turn = _turn_after(doc, nones[0].end, kept)  # not its own "only": "same only"
        contrast_before = any(  # "bending hurts, but otherwise no difference"
            t.lower_ in CONTRASTS
            and any(s.end <= t.i and not _taken_back(s, t.i) for s in moving)
            for t in doc[: nones[0].start]
        )
        # "bending kills, the rest is all the same": no difference among the others
        the_rest = any(
            t.lower_ in CONTEXT["the_rest_words"]
            for t in doc[max(0, nones[0].start - 4) : nones[0].start]
        )
        if turn is None and not (moving and (contrast_before or the_rest)):
            return extraction(P.PAIN_DIRECTION, "none", nones[-1:], text)
        if turn is not None:
            return extraction(P.PAIN_DIRECTION, turn, moving, text)
    if {"flexion", "extension"} <= values:
        return extraction(P.PAIN_DIRECTION, "both", moving, text)
    specific = [(s, v) for s, v in kept if v != "none"]
    span, value = (specific or kept)[-1]
    return extraction(P.PAIN_DIRECTION, value, [span], text)
