"""A pain score of now among what an answer says: clauses about another time set aside
("It was a 7 but now a 6"), a rise from the first number said ("4 gets to 6 after a
shift"), and the number a person settles on after thinking aloud ("8. Maybe 7. No, 8")."""

from __future__ import annotations

import re

from bot.domain.answers import parse_score_answer
from bot.nlu.clear_no import words_of
from bot.nlu.patterns import ANSWER_WORDS, CONTEXT_WORDS

_RISE = re.compile(
    r"\b(?:" + "|".join(sorted(ANSWER_WORDS["rise_words"])) + r")\b", re.IGNORECASE
)
#: Clause breaks; a bracket opens an aside ("4 (down from 7 on the 10th of November)").
_CLAUSE_SPLIT = re.compile(r"[.;!?()]|,|\bbut\b", re.IGNORECASE)


def without_other_times(text: str | None) -> str:
    """``text`` without its clauses about another time than now ("A 6. It was a 7 but then
    I found this chat" -> "A 6"), and without a rise from the score said first ("4 gets to
    6 after a long shift" -> "4"): a score of now is read from what is left."""
    clauses = [_before_a_rise(c) for c in _CLAUSE_SPLIT.split(text or "")]
    now = ANSWER_WORDS["now_words"]
    return ". ".join(
        c for c in clauses if not _of_another_time(words_of(c)) or set(words_of(c)) & now
    ).strip()


def _of_another_time(words: list[str]) -> bool:
    """A clause about another time: a word for one ("was", "yesterday", "evenings"), or a
    year ("in 2022")."""
    return bool(set(words) & ANSWER_WORDS["other_time_words"]) or any(
        _YEAR.fullmatch(word) for word in words)


_YEAR = re.compile(r"(?:19|20)\d\d")


_SETTLERS = ANSWER_WORDS["score_settlers"]
_SETTLERS_BEFORE_A_COMMA = ANSWER_WORDS["score_settlers_before_comma"]
_SENTENCE_END = frozenset(".;!")
_BREAKS = frozenset(",.;:!-\u2013\u2014")
_OF = frozenset({"of", "outta"})
#: Words after a number that make it a count ("one number", "one thing").
_COUNTED = frozenset({"number", "numbers", "thing", "things", "word"})
#: Words in reach that make the number one of another time ("no. today, walking, it was
#: 7"); "if" is left out for "if I'm honest, a 5".
_ANOTHER_TIME = (ANSWER_WORDS["other_time_words"] | ANSWER_WORDS["rise_words"]) - {"if"}
#: Words after a number that make it no settled score ("so 5 or 6", "so 6 hours").
#: Words of degree before "bad" that make it a verdict on now ("ok, not so bad, 7"), not a
#: bad day's score ("bad days 8").
_DEGREE = frozenset({"so", "that", "too", "as"})
_NOT_SETTLED_AFTER = frozenset({"or", "to", "-", "\u2013", "maybe", "perhaps", "but"}) | (
    CONTEXT_WORDS["measure_words"]
)


def settled_score(text: str | None) -> float | None:
    """The score a person settles on after thinking aloud: the first number within a few
    words after the last settling word ("6. well, 5 or 6. no, 6, I just climbed out of
    the truck" -> 6; "8. Maybe 7. No, 8, I am honest." -> 8; "ok call it 5" -> 5; "a 5?
    nah i'm being dramatic, 4" -> 4), or None."""
    items = words_of(text or "")
    settled = None
    said_after = -1  # where the words settling on the number before them end
    for i in range(len(items)):
        size = next((n for n in (2, 1) if " ".join(items[i : i + n]) in _SETTLERS), 0)
        if not size and items[i] in _SETTLERS_BEFORE_A_COMMA and items[i + 1 : i + 2] == [","]:
            size = 1
        if size and not _in_a_past_clause(items, i):
            # "A 4, I'd say. Maybe a 3": a word settling the number before it reaches no
            # further than its sentence ("bad days 8, mostly 5" still settles on 5)
            number = _first_number_after(items, i + size, within_sentence=i <= said_after)
            if number is None and i > said_after:
                number = _alone_after_its_sentence(items, i + size)
            settled = number if number is not None else settled
        elif not size and (at := _settling_word_at(items, i)) >= 0:
            settled = parse_score_answer(items[i])  # "9 is more honest for now"
            said_after = at
    if settled is not None:
        # "I'd say a five. No, actually, be honest, more like a six here. Six.": a number
        # said alone last, after thinking aloud, is the one settled on
        last = _said_alone_last(items)
        return last if last is not None else settled
    return settled


def _said_alone_last(items: list[str]) -> float | None:
    """The number a message ends on as a sentence of its own ("... Six."), after another
    sentence; None otherwise."""
    end = len(items)
    while end > 0 and items[end - 1] in _SENTENCE_END:
        end -= 1
    if end < 2 or items[end - 2] not in _SENTENCE_END or _a_pronoun(items, end - 1):
        return None
    return parse_score_answer(items[end - 1])


_PAST = ANSWER_WORDS["score_past_words"]
_NOW = ANSWER_WORDS["now_words"]


def _in_a_past_clause(items: list[str], i: int) -> bool:
    """Whether the settling word at ``i`` is in a clause of the past ("In 2022 it was
    nearer a 7"): it settles a score of then, not of now."""
    j = i - 1
    while j >= 0 and items[j] not in _BREAKS and items[j] != "but" and not (
        items[j] in _SETTLERS or items[j] in _NOW  # "was 8 yesterday now its 6 call it 6"
    ):
        if items[j] in _PAST:
            return True
        j -= 1
    return False


_SETTLED_AFTER = ANSWER_WORDS["score_settled_after"]
#: Words between a number and what settles on it ("9 is probably more honest").
_BETWEEN_SETTLED = frozenset({"is", "s", "more", "probably", "actually", "really", "much", "a",
                              "bit", "lot", "on", "the",  # "5 on average", "6 on the whole"
                              # "7 if I'm honest with you", "6 to be honest"
                              "if", "i", "im", "m", "am", "being", "to", "be",
                              ",", "ill", "id", "would", "will"})  # "Six, I'll say"
#: "one" as a pronoun ("not one for complaining", "one of those days"), not a score.
_ONE_AFTER = ANSWER_WORDS["one_pronoun_after"]
_ONE_BEFORE = ANSWER_WORDS["one_pronoun_before"]


def _a_pronoun(items: list[str], j: int) -> bool:
    """Whether ``items[j]`` is "one" standing for a person or a thing, not a number."""
    if items[j] != "one":
        return False
    after = items[j + 1] if j + 1 < len(items) else ""
    return after in _ONE_AFTER or (j > 0 and items[j - 1] in _ONE_BEFORE)


def _settling_word_at(items: list[str], i: int) -> int:
    """Where the word that settles on the score at ``i`` stands ("9 is more honest"), or -1;
    not the 10 of "6 out of 10 I would say"."""
    if parse_score_answer(items[i]) is None or (i > 0 and items[i - 1] in _OF):
        return -1
    j = i + 1
    while j < len(items) and items[j] in _BETWEEN_SETTLED:
        j += 1
    return j if j < len(items) and items[j] in _SETTLED_AFTER else -1


#: How many words may stand between a settling word and its number ("nah, be honest,
#: it's a 3"); the number must come in the same sentence.
_SETTLING_REACH = 5


def _first_number_after(
    items: list[str], start: int, within_sentence: bool = False
) -> float | None:
    """The first score within reach from ``start``, unless a word before it in reach or
    the word after it says it is no settled score of now ("it was 7", "5 or 6", "6
    hours"); None otherwise."""
    words = 0
    for j in range(start, len(items)):
        item = items[j]
        if item in _SENTENCE_END and (words or within_sentence):
            # "actually no, it's more than that. 5": a number said alone next
            return None if within_sentence else _a_lone_number(items[j + 1 :])
        if item in _BREAKS:
            continue
        number = None if _a_pronoun(items, j) else parse_score_answer(item)
        if number is not None and j + 1 < len(items) and items[j + 1] in _COUNTED:
            words += 1  # "if I had to pick one number, 4": a count, not a score
            continue
        if number is not None and items[j - 1] not in _OF:  # not the 10 of "out of 10"
            after = items[j + 1] if j + 1 < len(items) else "."
            return None if after in _NOT_SETTLED_AFTER else number
        words += 1
        if words > _SETTLING_REACH or (item in _ANOTHER_TIME and items[j - 1] not in _DEGREE):
            return None
    return None


def _alone_after_its_sentence(items: list[str], start: int) -> float | None:
    """A number said alone after the settling word's sentence when that sentence names
    none ("actually no, it's more than that, I've been sitting for ages. 5")."""
    end = next((k for k in range(start, len(items)) if items[k] in _SENTENCE_END), None)
    if end is None or any(parse_score_answer(w) is not None for w in items[start:end]):
        return None
    return _a_lone_number(items[end + 1 :])


def _a_lone_number(items: list[str]) -> float | None:
    """The number ``items`` hold when it is all they hold, the message's last word ("5."
    or "5"), else None."""
    if not items or items[1:] not in ([], ["."], ["!"]):
        return None  # "6. No falls": a list's number
    return parse_score_answer(items[0])


def _before_a_rise(clause: str) -> str:
    """The part of ``clause`` before a word of rising ("gets", "goes up") if it is a score,
    nothing if the clause opens with the rise ("goes up to 8 by bedtime"), else all of it
    ("it goes down my leg")."""
    match = _RISE.search(clause)
    if match is None:
        return clause
    before = clause[: match.start()]
    if not words_of(before):
        return ""
    return before if parse_score_answer(before) is not None else clause


#: Number words that may open an answer to the score question ("one lor, very mild now").
_NUMBER_WORD = re.compile(
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten", re.IGNORECASE
)
_FILLERS = ANSWER_WORDS["fillers"]


def opening_number_word(text: str | None) -> float | None:
    """A number word said first, as an answer to the score question, closed by a break or a
    filler ("one lor, very mild now", "Three. Better than yesterday"), when it is the only
    number said; not "one of those days", "five days", "one thing".  None otherwise."""
    items = words_of(text or "")
    if not items or not _NUMBER_WORD.fullmatch(items[0]) or _a_pronoun(items, 0):
        return None
    rest = items[1:]
    while rest and rest[0] in _FILLERS and rest[0] not in ("no", "nope", "nah"):
        rest = rest[1:]
    if rest and rest[0] not in _BREAKS:
        return None  # "five days", "one thing": the number of something
    if any(parse_score_answer(w) is not None and w != "one" for w in items[1:]):
        return None  # "one, maybe two": another number said
    return parse_score_answer(items[0])
