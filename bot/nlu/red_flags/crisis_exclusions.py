"""Figures of speech that share crisis words: being here, waking up, cutting, getting off,
kilometres, going on, being without someone, being gone; each kept apart from the real thing."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import (
    _WORRY,
    _clause_after,
    _clause_before,
    _is_break,
    _is_other_person,
    _n,
    _sentence,
    _words,
)
from bot.nlu.red_flags.whose import said_of_someone_else

_WORDS = word_sets("crisis_exclusions")
_ACCIDENT_WORDS = _WORDS["accident_words"]
_BELONGINGS = _WORDS["belongings"]
_DYE_OBJECTS = _WORDS["dye_objects"]
_DIE_IDIOMS = _WORDS["die_idioms"]
_JOKE_MARKS = _WORDS["joke_marks"]
_END_IT_NEXT = _WORDS["end_it_next"]
_FOR_EVER = _WORDS["for_ever"]
_GAZING_WORDS = _WORDS["gazing_words"]
_HARM_VERBS = _WORDS["harm_verbs"]
_KEEP_WORDS = _WORDS["keep_words"]
_ON_PURPOSE = _WORDS["on_purpose"]
_OVERDOING_NEXT = _WORDS["overdoing_next"]
_PAIN_REASONS = _WORDS["pain_reasons"]
_SELF_WORDS = _WORDS["self_words"]
_THIS_KEEP = _WORDS["this_keep"]
_TIME_DETERMINERS = _WORDS["time_determiners"]
_WAKING_WORDS = _WORDS["waking_words"]
_WITH_KEEP = _WORDS["with_keep"]

# --------------------------------------------------------------------------------------
# crisis and cauda equina: look-alikes and status rules
# --------------------------------------------------------------------------------------
_HERE_NOT = _WORDS["here_not"]
_HERE_KEEP = _WORDS["here_keep"]
_HERE_TIME = _WORDS["here_time"]
_WAKE_NOT = _WORDS["wake_not"]
_WAKE_WORDS = _WORDS["wake_words"]
_CUT_WORDS = _WORDS["cut_words"]
_CUT_NOT = _WORDS["cut_not"]
_CUT_LINKS = _WORDS["cut_links"]
_OFF_OK = _WORDS["off_ok"]
_KMS_PREV_NOT = _WORDS["kms_prev_not"]
_KMS_NEXT_NOT = _WORDS["kms_next_not"]
_LONGER_NOT = _WORDS["longer_not"]
_ON_KEEP = _WORDS["on_keep"]
_ON_VERBS = _WORDS["on_verbs"]
_WITHOUT_ME_NEXT = _WORDS["without_me_next"]
_WITHOUT_ME_TIME = _WORDS["without_me_time"]
_GONE_SOMEWHERE = _WORDS["gone_somewhere"]


def _time_limited(doc: Doc, end: int) -> bool:
    """A limited time or place follows ``doc[end:]`` ("for a bit", "this weekend")."""
    nxt = _n(doc[end]) if end < len(doc) else ""
    nxt2 = _n(doc[end + 1]) if end + 1 < len(doc) else ""
    if nxt == "for" and nxt2 in _FOR_EVER:
        return False  # "if i was gone for good": for ever, not for a while
    if nxt in _WITHOUT_ME_NEXT:
        return True
    return nxt in _TIME_DETERMINERS and nxt2 in _WITHOUT_ME_TIME

_THROUGH_NOT = _WORDS["through_not"]
_ENGINE_NOT = _WORDS["engine_not"]
_EXERCISE_WORDS = _WORDS["exercise_words"]
_EDGE_OF_OK = _WORDS["edge_of_ok"]
_INJURY_CONTEXT = _WORDS["injury_context"]
_GIVE_AWAY_NOT = _WORDS["give_away_not"]
_ENOUGH_NOT = _WORDS["enough_not"]
_SAVING_FOR = _WORDS["saving_for"]
_CONTROL_NOT = _WORDS["control_not"]
_KEEP_BACK_NOT = _WORDS["keep_back_not"]
_OVERDOING = _WORDS["overdoing"]
_JUDGED = _WORDS["judged"]
_JUDGED_KEEP = _WORDS["judged_keep"]
_DOSING = _WORDS["dosing"]
_VENT_WORDS = _WORDS["vent_words"]
_COPING_WORDS = _WORDS["coping_words"]
_JUDGED_ABOUT = _WORDS["judged_about"]
_JUMP_WORDS = _WORDS["jump_words"]
_DROPS = _WORDS["drops"]
_JUMP_NOT_NEXT = _WORDS["jump_not_next"]
_LEISURE_JUMPS = _WORDS["leisure_jumps"]
_JUMPED_INTO = _WORDS["jumped_into"]
_DONE_AGAIN = _WORDS["done_again"]
_HARM_AGAIN_VERBS = _WORDS["harm_again_verbs"]
_HARM_AGAIN_NOT = _WORDS["harm_again_not"]
_GONE_DATES = _WORDS["gone_dates"]
_GONE_WORDS = _WORDS["gone_words"]
_GONE_ELSEWHERE = _WORDS["gone_elsewhere"]
_GONE_DATE_EVENTS = _WORDS["gone_date_events"]
_GONE_NOT_A_PERSON = _WORDS["gone_not_a_person"]
_GOING_PLACES = _WORDS["going_places"]
_ORDER_WORDS = _WORDS["order_words"]
_ORDER_NOT = _WORDS["order_not"]
_LETTERS_NOT = _WORDS["letters_not"]
_OVERDOSE_WORDS = _WORDS["overdose_words"]
_OVERDOSE_NOT = _WORDS["overdose_not"]
_OVERDOSE_REASONS = _WORDS["overdose_reasons"]
_MEDS = frozenset(RV.TOKEN_CLASSES["MEDS"]["NORM"]["IN"])
_GOODBYE_LEFT = _WORDS["goodbye_left"]
_CHAT_PLACES = _WORDS["chat_places"]
_ALL_SELVES = frozenset(RV.TOKEN_CLASSES["SELF"]["NORM"]["IN"])
_GOODBYE_WORDS = frozenset({"goodbye", "goodbyes", "farewell", "farewells"})
_POSTED = frozenset({"posting", "posted", "posts", "post", "shared", "sharing", "uploaded",
                     "answering", "answer", "answered", "picking", "pick", "picked", "replying",
                     "reply", "replied", "responding", "respond", "responded", "reachable"})
_TAKEN = frozenset({"took", "taken", "take", "swallowed", "swallow", "downed", "necked", "had",
                    "has"})


def _taken_as_a_dose(span: Span) -> bool:
    """An amount of medicine taken over days, by mistake or for a pain or an illness ("took
    a load of paracetamol for his flu over the week"): no overdose."""
    words = [_n(t) for t in _sentence(span)]
    return bool(set(words) & _OVERDOSE_NOT) or any(
        w == "for" and set(words[i + 1 : i + 5]) & _OVERDOSE_REASONS for i, w in enumerate(words)
    )


def _away_by_a_date(span: Span) -> bool:
    """Not here by a date because the writer is away ("won't be around by New Year, we're
    moving to Canada", "won't be here by March, going home to Poland"): told in its
    sentence or the next; or an event on the date ("won't make it to the christmas party")."""
    doc = span.doc
    if span.end < len(doc) and _n(doc[span.end]) in _GONE_DATE_EVENTS:
        return True
    if _words(_clause_before(span, window=4)) & _GONE_NOT_A_PERSON:
        return True  # "my back pain won't be around by christmas": the pain, not the writer
    sentence = _sentence(span)
    end = sentence.end
    if end < len(doc):
        end = _sentence(doc[end : end + 1]).end
    words = [_n(t) for t in doc[sentence.start : end]]
    going = any(
        w in _GOING_PLACES and nxt in {"to", "home", "abroad", "away", "back"}
        and nxt2 not in {"be", "do", "end", "kill"}
        for w, nxt, nxt2 in zip(words, words[1:] + [""], words[2:] + ["", ""], strict=True)
    )
    return going or bool(set(words) & _GONE_ELSEWHERE)


def _no_drop(span: Span) -> bool:
    """A jump told at a drop that is no drop: onto a train, back into running, ship, or a
    jump for fun or into a pool ("at the edge of the pool thinking about jumping in")."""
    doc = span.doc
    jump = next(t for t in span if _n(t) in _JUMP_WORDS)
    nxt = _n(doc[jump.i + 1]) if jump.i + 1 < len(doc) else ""
    into = _words(doc[jump.i + 1 : jump.i + 4]) & _JUMPED_INTO  # "jump into bed"
    return nxt in _JUMP_NOT_NEXT or bool(into) or bool(_words(_sentence(span)) & _LEISURE_JUMPS)


def _only_venting(kind: str, span: Span) -> bool:
    """A weak sign of not coping ("can't do this anymore", "what's the point anymore") in a
    message the writer calls a vent ("just venting", "sorry for the moan", "rant over"):
    low mood told as such, not a crisis. A plan, saved pills or a farewell stay."""
    if kind != RV.WEAK or not _words(span) & _COPING_WORDS:
        return False
    if _is_other_person(span) or said_of_someone_else(span):
        return False  # "my friend says she can't go on, sorry for the rant": hers
    doc = span.doc
    return any(
        _n(t) in _VENT_WORDS
        and not {_n(p) for p in doc[max(0, t.i - 2) : t.i]} & RV.NEGATION_NORMS
        for t in doc
    )


def _taken_for_the_pain(span: Span) -> bool:
    """A dose asked about "for my back", "for the pain": what it is taken for."""
    words = [_n(t) for t in _sentence(span)]
    return any(w == "for" and _PAIN_REASONS & set(words[i + 1 : i + 4])
               for i, w in enumerate(words))


def _crisis_excluded(kind: str, span: Span) -> bool:
    """Crisis look-alikes: a place or time, an accident, an idiom, distance, an exercise."""
    doc = span.doc
    tokens = [_n(t) for t in span]
    inside = set(tokens)
    last = tokens[-1]
    nxt = _n(doc[span.end]) if span.end < len(doc) else ""
    nxt2 = _n(doc[span.end + 1]) if span.end + 1 < len(doc) else ""
    prev = _n(doc[span.start - 1]) if span.start > 0 else ""
    after = _words(_clause_after(span, window=6))
    before = _words(_clause_before(span, window=6))
    sentence = _words(_sentence(span))
    if _only_venting(kind, span):
        return True
    if inside & _JUMP_WORDS and inside & _DROPS:
        return _no_drop(span)
    if inside & _GOODBYE_WORDS and inside & _POSTED:
        # "posted a goodbye when she left the company": leaving a job, a group, an app
        # (not "the group chat": where it was posted)
        return any(
            _n(t) in _GOODBYE_LEFT
            and not (t.i + 1 < len(doc) and _n(doc[t.i + 1]) in _CHAT_PLACES)
            for t in _sentence(span)
        )
    swallowed_all = tokens[0] in {"swallowed", "downed", "necked"} and tokens[1:2] in (
        ["all"], ["every"])  # "swallowed all my tablets with breakfast as usual"
    if inside & _TAKEN and inside & _MEDS and (
        inside & _OVERDOSE_WORDS or any(t.isdigit() for t in tokens) or swallowed_all
    ):
        return _taken_as_a_dose(span)
    if kind == RV.WEAK and inside & _GONE_WORDS and last in _GONE_DATES:
        return _away_by_a_date(span)
    owned = _BELONGINGS | {"papers", "paperwork", "finances", "effects"}
    if kind == RV.WEAK and inside & owned and inside & _ORDER_WORDS:
        return bool(sentence & _ORDER_NOT)  # "sorting my things out for the move"
    if kind == RV.WEAK and inside & {"letters", "notes"} and not inside & {"to", "for"}:
        return bool(sentence & _LETTERS_NOT)
    if tokens[0] in {"hurting", "harming", "injuring"} and len(tokens) == 3 and (
        tokens[1] in _ALL_SELVES
    ):
        # "my son is hurting himself again at football": the sport, not self-harm
        return bool(sentence & _HARM_AGAIN_NOT)
    if inside & _DONE_AGAIN and inside & _HARM_AGAIN_VERBS:
        # "hurt myself at the gym and want to do it again": the sport is done again
        return bool(sentence & _HARM_AGAIN_NOT)
    if "too" in inside and (sentence & _DOSING or _taken_for_the_pain(span)):
        return True  # "how many ibuprofen is too many a day for a bad back?": dosing
    if last in {"here", "around"}:
        if after & _HERE_KEEP or (nxt, nxt2) in {("at", "all"), ("for", "much"), ("for", "it")}:
            return False
        return nxt in _HERE_NOT or (nxt == "this" and nxt2 in _HERE_TIME)
    if last in _WAKE_WORDS and inside & _WAKING_WORDS:
        if nxt == "up":  # "didn't wake up until the alarm": look past the "up"
            nxt = nxt2
            nxt2 = _n(doc[span.end + 2]) if span.end + 2 < len(doc) else ""
        if nxt == "in":  # "in pain", "in the night": ordinary; "in the morning": not
            third = _n(doc[span.end + 2]) if span.end + 2 < len(doc) else ""
            return not (nxt2 == "morning" or (nxt2 == "the" and third == "morning"))
        return nxt in _WAKE_NOT
    if inside & _CUT_WORDS and inside & _SELF_WORDS:
        if "purpose" in after or inside & _ON_PURPOSE:
            return False
        cut_clause = [_n(t) for t in _clause_after(span, window=6)]
        for i, word in enumerate(cut_clause):
            if word in _CUT_LINKS:  # "... again since they put me on nights": not the cut's
                cut_clause = cut_clause[:i]
                break
        return bool(set(cut_clause) & _CUT_NOT or before & _ACCIDENT_WORDS)
    if tokens[0] in {"off", "offing"}:
        return prev not in _OFF_OK
    if inside & _WORRY and inside & _HARM_VERBS:
        return bool(after & _INJURY_CONTEXT)
    if tokens[0] in {"top", "topping"} and nxt == "up":
        return True
    if inside & {"end", "ending"} and last in {"it", "things"}:
        return nxt in _END_IT_NEXT
    if last == "gone":  # "if i had gone to the gp", "if i was gone for a bit"
        return nxt in _GONE_SOMEWHERE or _time_limited(doc, span.end)
    if inside & _BELONGINGS:
        return bool(sentence & _GIVE_AWAY_NOT)
    if "dye" in inside:  # "wanna dye my hair"
        return nxt in _DYE_OBJECTS
    if last == "die" and (nxt == "laughing" or nxt in {"of", "for"} and (
        nxt2 in _DIE_IDIOMS or _words(span.doc[span.end : span.end + 4]) & _DIE_IDIOMS
    )):
        return True  # "i could die of embarrassment", "dying for a cuppa"
    opening = _words(doc[_sentence(span).start : span.start])
    countdown = {"one", "more"} <= opening
    if last == "die" and ("if" in opening or countdown) and not inside & {
        "want", "wanna", "wish"} and (
        sentence & _JOKE_MARKS or countdown and "if" in opening
    ):
        # "if i sneeze one more time im going to die lol", "one more zoom call n im
        # gonna die 😂": a figure
        return True
    if tokens == ["kms"]:
        return bool(re.match(r"^\d", prev)) or prev in _KMS_PREV_NOT or nxt in _KMS_NEXT_NOT
    if "longer" in inside:
        return bool(sentence & _LONGER_NOT)
    if last in {"on", "going"} and inside & _ON_VERBS:
        if nxt == "with":
            third = _n(doc[span.end + 2]) if span.end + 2 < len(doc) else ""
            return not (nxt2 in _WITH_KEEP or third == "life")
        if nxt == "this":
            return nxt2 not in _THIS_KEEP
        ending = span.end >= len(doc) or _is_break(doc[span.end]) or nxt == ","
        return not (ending or nxt in _ON_KEEP)
    if tokens[-2:] == ["without", "me"]:
        return _time_limited(doc, span.end)
    if tokens[-3:] == ["through", "with", "it"]:
        return bool(sentence & _THROUGH_NOT)
    if "engine" in inside or "motor" in inside:
        return "garage" not in inside and bool(sentence & _ENGINE_NOT)
    if inside & _GAZING_WORDS:
        if sentence & _EXERCISE_WORDS:
            return True
        return nxt == "of" and not after & _EDGE_OF_OK
    if "enough" in inside:
        return bool(after & _ENOUGH_NOT)
    if inside & _KEEP_WORDS and "back" in inside:
        return bool(_words(_clause_after(span, window=10)) & _KEEP_BACK_NOT)
    if kind == RV.WEAK and inside & {"saving", "saved"}:
        return nxt == "for" and nxt2 in _SAVING_FOR
    if "control" in inside:
        return nxt in _CONTROL_NOT
    if last in _JUDGED and nxt in {"at", "with"} and nxt2 not in _JUDGED_KEEP:
        # "I'm hopeless at remembering", "worthless with computers": a skill, not a mood
        return True
    if last in _JUDGED and nxt == "about" and _words(_clause_after(span, window=4)) & _JUDGED_ABOUT:
        # "hopeless about my back ever getting better": the recovery, not life
        return True
    if tokens[-2:] == ["killing", "myself"]:
        # "killing myself at the gym", "killing myself trying to keep up": overdoing it.
        return nxt in _OVERDOING_NEXT or bool(after & _OVERDOING)
    return False
