"""Where the leg is named as how far something goes, not where pain goes: a hand's reach
("fingertips past my knees") or a destination ("bending to the calves" to feed them)."""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Span

from bot.nlu import patterns as P
from bot.nlu.spans import CLAUSE_TURNS, CONTEXT, sentence_before

_LEG_MOTION: frozenset[str] = frozenset(CONTEXT["leg_motion_words"])


def reached(span: Span) -> bool:
    """How far a hand reaches ("I cannot touch floor, only maybe to the ankles"): a reach
    word earlier in the sentence and no word of pain between."""
    before = list(sentence_before(span))
    reach = [
        i for i, t in enumerate(before)
        if t.lower_ in P.REACH_WORDS or t.lower_ in P.BEND_WORDS
        # "can barely get past my knees", "can't get past my knees", "I can just about
        # get to my knees": getting somewhere with the hands
        or (t.lower_ == "get" and i and any(
            w.lower_ in CONTEXT["reach_modals"] for w in before[max(0, i - 3) : i]
        ))
    ]
    bent = bool(reach) and before[reach[-1]].lower_ in P.BEND_WORDS
    return bool(reach) and not any(
        t.lower_ in CONTEXT["aggravation_words"] or t.lower_ in CLAUSE_TURNS
        # "bent over and it shot past my knee": the pain travels; "my hands go to my
        # knees": the hands do
        or (bent and t.lower_ in CONTEXT["leg_motion_words"] and t.lower_ not in _REACH_TOO)
        for t in before[reach[-1] + 1 :]
    )


#: Words of a leg motion that a reach says too ("bend down to my knees", "all the way").
_REACH_TOO = frozenset({"down", "all", "right", "way", "reach", "reaches", "reaching"})


def a_destination_only(span: Span) -> bool:
    """"Bending to the calves" (to feed them): a "to the calf" with no word of pain or of
    its moving down before it ("it goes to my calf", "pain till the knee"), or after it in
    its clause ("till knee back side pain is coming")."""
    if span[0].lower_ not in ("to", "towards", "till", "until"):
        return False
    after = takewhile(lambda t: not (t.is_punct or t.lower_ in CLAUSE_TURNS), span.doc[span.end :])
    return not {t.lower_ for t in [*sentence_before(span), *after]} & _LEG_MOTION
