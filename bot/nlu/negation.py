"""Small, generic negation detection over spaCy spans.

A span counts as negated when

* a negation cue ("no", "not", "n't", "never", "without", ...) appears shortly
  *before* it in the same clause ("no pain in my legs", "it doesn't go below the
  knee", "never had cancer"), or
* it is followed, in the same clause, by a reassurance ("bladder and bowels are
  fine") or a negated complaint verb ("bending doesn't hurt").

Clauses end at punctuation and at contrast words ("but", "although", ...).  A comma
is crossed only for lists of items after a determiner-like cue ("no numbness,
tingling or weakness"), or after "don't have"/"haven't got"-style verbs.

Spans that themselves contain a cue ("can't touch my toes", "not tight") are never
reported as negated: the cue is part of what the pattern means.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bot.nlu.patterns import (
    ALONE,
    ANSWER_WORDS,
    CONTEXT_WORDS,
    FLEXIBILITY,
    LEG_PAIN,
    NEGATION_TOKENS,
    SPANS_KEY,
    SPASM,
    TROUBLE_WORDS,
)

#: Words that say yes: a negation before them does not reach past them (not "sure": "not
#: sure how I will manage standing" is no yes).
YES_WORDS: frozenset[str] = ANSWER_WORDS["yes_words"] - {"sure", "definitely", "indeed"}
#: Pre-span cues.
NEGATION_CUES: frozenset[str] = NEGATION_TOKENS
#: Cues that can govern a comma-separated list ("no a, b or c").
LIST_CUES: frozenset[str] = frozenset({"no", "without", "neither", "nor", "never", "none"})
#: Verbs after a verbal cue that introduce a list ("don't have a, b or c").
LIST_VERBS: frozenset[str] = frozenset(
    {"have", "has", "had", "get", "got", "feel", "notice", "noticed", "experience", "see"}
)
#: Words after a list verb that make it a reach, not a list of things had ("can't get past
#: my knees, hamstrings tight": the negation stays with the reach).
REACH_PREPOSITIONS: frozenset[str] = frozenset(
    {"past", "to", "up", "down", "over", "beyond", "near", "into", "onto", "below", "under",
     "as", "far", "close", "further", "lower", "anywhere"}
)
#: Auxiliaries that close a negation on themselves ("never could", "never did"): it
#: negates what came before, not a list that follows the comma.
CLOSING_AUXILIARIES: frozenset[str] = frozenset(
    {"could", "can", "would", "will", "did", "do", "does", "was", "is", "am", "are", "were",
     "should", "might", "must"}
)
#: Words that start a claim of their own after a denial ("nothing like that, just the back
#: and the leg"), unless the cue is right before them ("not just my back").
RESTRICTORS: frozenset[str] = frozenset({"just", "only", "jus", "onli"})
#: What a restrictor's claim can be: where the pain is, how the back is ("no it dont lock,
#: just stiff"); a movement after it is how the pain began ("didn't fall, just lifted").
_CLAIMED_STATES = frozenset({LEG_PAIN, FLEXIBILITY, SPASM})
#: A no-word said alone, as an answer ("no", "nah", "nope").
NO_WORDS: frozenset[str] = ANSWER_WORDS["no_words"]
#: What may follow a no-word that stands alone as an answer ("no way", "not even close",
#: "no honey").
ANSWER_TAILS: frozenset[str] = ANSWER_WORDS["fillers"] | ANSWER_WORDS["answer_tails"]
#: Words that open a claim of its own after such an answer ("... I am stiff").
SUBJECTS: frozenset[str] = ANSWER_WORDS["claim_subjects"]
#: Words after "and" that open a claim of its own: a subject, or a word adding one.
_OPEN_A_CLAIM: frozenset[str] = SUBJECTS | CONTEXT_WORDS["adding_words"]
#: Words that end a clause.
CLAUSE_BREAKS: frozenset[str] = frozenset(
    {
        "but",
        "although",
        "though",
        "however",
        "yet",
        "except",
        "whereas",
        "while",
        "apart",
        ".",
        ";",
        ":",
        "!",
        "?",
        "(",
        ")",
        "-",
        "–",
        "—",
        "\n",
    }
) | ANSWER_WORDS["laughter_words"]
#: Tokens that join list items.
COORDINATORS: frozenset[str] = frozenset({",", "or", "and", "nor", "/", "&"})
#: Post-span reassurance words ("... is fine", "... are ok").
REASSURANCE_WORDS: frozenset[str] = frozenset(
    {
        "fine",
        "ok",
        "okay",
        "normal",
        "good",
        "alright",
        "alreet",
        "aight",
        "awright",
        "alrite",
        "neutral",
        "unaffected",
        "negative",
        "clear",
        "great",
        "perfect",
        "unchanged",
        "absent",
    }
)
#: Words that, negated after a span, say it is absent ("spasm is not there").
_ABSENT: frozenset[str] = ANSWER_WORDS["absent_words"]
_DENIAL_FILLERS: frozenset[str] = ANSWER_WORDS["denial_fillers"]
_BARE_NOS: frozenset[str] = frozenset({"no", "nah", "nope", "naw", "nae"})
#: Complaint verbs that, negated after a span, negate the span ("bending doesn't hurt").
COMPLAINT_VERBS: frozenset[str] = frozenset(
    {
        "hurt",
        "hurts",
        "bother",
        "bothers",
        "matter",
        "cause",
        "trigger",
        "affect",
        "aggravate",
        "ache",
        "seem",
        "make",
        "really",
        "happen",
        # said of a sign as the subject: "locking has never happened", "... never occurred"
        "happened",
        "happens",
        "occur",
        "occurs",
        "occurred",
        "apply",
        "change",
        "worsen",
        "pain",
        "feel",
        # said of a sign, fronted: "Spasm I have not had", "numbness I don't have"
        "had",
        "have",
        "experienced",
    }
)
#: Words that affirm a complaint; the post-span scan stops there.
AFFIRMATIVE_WORDS: frozenset[str] = frozenset(
    {"hurts", "hurt", "worse", "painful", "aches", "kills", "bad", "agony", "sore"}
)


def _text(token: Token) -> str:
    return token.lower_.strip() or "\n"


def _is_break(token: Token) -> bool:
    text = _text(token)
    return text in CLAUSE_BREAKS or (token.is_punct and text not in COORDINATORS)


def contains_cue(span: Span) -> bool:
    """True if the span itself contains a negation cue."""
    return any(_text(tok) in NEGATION_CUES for tok in span)


def negation_cue_before(span: Span, window: int = 6) -> Token | None:
    """The cue that negates ``span`` from the left, within ``window`` words, or None."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    is_list_item = before is not None and _text(before) in COORDINATORS and not (
        span.label_ in _CLAIMED_STATES and _text(span[0]) in SUBJECTS
    )  # "I never touch my toes, my legs are very tight": a clause of its own
    words = 0
    crossed_comma = False
    i = span.start - 1
    while i >= 0 and words < window:
        tok = doc[i]
        text = _text(tok)
        if text == ",":
            if not is_list_item:
                return None
            crossed_comma = True
        elif _is_break(tok) or text in YES_WORDS:
            return None  # "can't touch my toes, no chance, and aye it seizes up"
        elif _starts_a_claim(doc, i, span, window):
            return None  # "no no nothing like that just the back and the leg"
        elif text == "and" and i + 1 <= span.start and _text(doc[i + 1]) in _OPEN_A_CLAIM:
            # "never touched my toes and it seized on me", "not easing off and also going
            # into the leg": a clause of its own
            return None
        elif text in NEGATION_CUES:
            if _answers_a_question(doc, i, span) or _used_up(doc, i, span):
                return None
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if crossed_comma and nxt is not None and _closes_on_itself(doc, nxt):
                return None  # "can't touch my toes, never could, hamstrings like wire"
            if not crossed_comma or text in LIST_CUES:
                return tok
            after = doc[i + 2] if i + 2 < len(doc) else None
            if nxt is not None and _text(nxt) in LIST_VERBS and (
                after is None or _text(after) not in REACH_PREPOSITIONS
            ):
                return tok  # "don't get numbness, tingling or weakness"
            return None  # "can't get past my knees, hamstrings always tight": a reach
        else:
            words += 1
        i -= 1
    return None


def _closes_on_itself(doc: Doc, aux: Token) -> bool:
    """An auxiliary after a cue that closes the negation ("never could,"); "have" only
    with nothing after it ("never have, hamstrings tight"), not before a list ("don't
    have numbness, tingling or weakness")."""
    if _text(aux) in CLOSING_AUXILIARIES:
        return True
    after = doc[aux.i + 1] if aux.i + 1 < len(doc) else None
    return _text(aux) in _HAVE and (after is None or after.is_punct)


_HAVE = frozenset({"have", "has", "had", "havent", "hasnt"})


def _starts_a_claim(doc: Doc, i: int, span: Span, window: int) -> bool:
    """A restrictor after a denial, not right after its cue, before where the pain is or
    how the back is: what follows is claimed, not denied."""
    if _text(doc[i]) not in RESTRICTORS or span.label_ not in _CLAIMED_STATES or i == 0:
        return False
    if _text(doc[i - 1]) in NEGATION_CUES:
        return False  # "not just my back"
    return any(_text(t) in NEGATION_CUES for t in doc[max(0, i - window) : i - 1])


def _used_up(doc: Doc, i: int, span: Span) -> bool:
    """A cue that is part of another pattern's own meaning for the same question ("can't
    get past my knees") and ends before ``span``: it has said what it negates ("can't get
    past my knees my hamstrings are tight as a drum": the hamstrings are tight)."""
    if i + 1 < span.start and _text(doc[i + 1]) in TROUBLE_WORDS:
        return True  # "no bad, can touch ma toes", "no problem, ...": the cue's own object
    return any(
        other.start <= i < other.end <= span.start and other.label_ == span.label_
        and len(other) > 2 and not other.id_.endswith(ALONE)  # not "nothing" said alone
        for other in doc.spans.get(SPANS_KEY, [])
    )


def _answers_a_question(doc: Doc, i: int, span: Span) -> bool:
    """A cue that stands alone answers the question asked; it negates nothing that
    follows: a "no" (with its fillers: "no way", "no honey") before a comma, opening the
    message ("no, only my bum") or closing a clause ("can't touch my toes no way,
    hamstrings like wire"); or, before how the back is, an answer followed by a claim with
    its own subject ("nah not even close my hamstrings are super tight", "no honey I am
    stiff")."""
    j = i + 1
    while j < span.start and _text(doc[j]) in ANSWER_TAILS:
        j += 1
    if j >= len(doc):
        return False
    cue, nxt = _text(doc[i]), _text(doc[j])
    if nxt == ",":
        return i == 0 or _is_break(doc[i - 1]) or cue in NO_WORDS
    return span.label_ == FLEXIBILITY and nxt in SUBJECTS and (j > i + 1 or cue in NO_WORDS)


#: Words after which "good" reassures nobody: "on a good day", "it got me good".
_NOT_REASSURING_AFTER = frozenset({"a", "an", "me", "us", "him", "her", "them"})


def negated_after(span: Span, window: int = 4) -> bool:
    """True if a reassurance or a negated complaint follows ``span`` in its clause."""
    doc = span.doc
    if span.end < len(doc) and _text(doc[span.end]) == "to":
        window += 4  # a purpose said first: "bending over to fix a fence doesn't bother it"
    end = min(len(doc), span.end + window + 1)
    i = span.end
    while i < end:
        tok = doc[i]
        text = _text(tok)
        if text in (",", "?") and _a_bare_no(doc, i + 1):
            return True  # "Tight, no.", "Locking? Nah."
        if text == "," and _denied_without_a_subject(doc, i + 1):
            return True  # "bending over is actually lekker, doesn't bother it at all"
        if _is_break(tok) or text == "," or text in AFFIRMATIVE_WORDS:
            return False
        if text in REASSURANCE_WORDS and _text(doc[i - 1]) not in _NOT_REASSURING_AFTER and (
            [_text(t) for t in doc[i + 1 : i + 3]] != ["and", "proper"]
        ):
            # not "on a good day" (when), nor "seized up on me good", "locked up good and
            # proper" (how hard)
            return True
        if text in NEGATION_CUES:
            # "bending doesn't hurt"; "locking is not there": absent; "standing is not even
            # the problem"
            return _denies_a_complaint(doc, i + 1)
        i += 1
    return False


def _denies_a_complaint(doc: Doc, i: int) -> bool:
    """Whether a complaint, or a word saying absent, comes within two words of ``i`` (after
    a negation), not counting fillers ("not even the problem")."""
    following = [_text(t) for t in doc[i : i + 6] if _text(t) not in _DENIAL_FILLERS][:2]
    return any(w in COMPLAINT_VERBS or w in _ABSENT for w in following)


def _a_bare_no(doc: Doc, i: int) -> bool:
    """A "no" alone at ``i`` that ends its sentence ("Tight, no. But ...", "Locking? Not
    once.")."""
    if i >= len(doc):
        return False
    words = [_text(t) for t in doc[i : i + _LONGEST_LONE_DENIAL]]
    ends = 1 if words[0] in _BARE_NOS else next(
        (len(p.split()) for p in _LONE_DENIALS if words[: len(p.split())] == p.split()), 0
    )
    if not ends:
        return False
    return i + ends == len(doc) or _text(doc[i + ends]) in (".", "!", ";")


#: Denials of more than one word that may stand alone ("not once", "never ever").
_LONE_DENIALS: frozenset[str] = CONTEXT_WORDS["lone_denial_phrases"]
_LONGEST_LONE_DENIAL = max(len(p.split()) for p in _LONE_DENIALS)


def _denied_without_a_subject(doc: Doc, i: int) -> bool:
    """A clause at ``i`` that denies a complaint with no subject of its own ("..., doesn't
    bother it at all"): it goes on about what came before the comma."""
    if i + 1 >= len(doc) or _text(doc[i]) not in ("does", "do", "did", "is", "has"):
        return False  # not "locked up, no pain in my legs": another thing denied
    return _text(doc[i + 1]) in NEGATION_CUES and _denies_a_complaint(doc, i + 2)


def is_negated(span: Span, window: int = 6, post_window: int = 4) -> bool:
    """True if ``span`` is negated by a preceding cue or a following reassurance."""
    if len(span) == 0 or contains_cue(span):
        return False
    if any(_text(tok) == "still" for tok in span):
        # "could not straighten for some time, it still catches": said to go on
        return negated_after(span, post_window)
    return negation_cue_before(span, window) is not None or negated_after(span, post_window)
