"""A clear "no", read from a whole answer by kind, from the lexicon's word lists
(``answers`` in ``intake_lexicon.yml``), for the messages the trained model is least sure
of.

A **clear no** starts with a no-word standing alone ("No, dear, none of those", "nah none
of that", "no lol", "Nope."), or negates having any of what was asked about ("I don't have
any of these", "I have none of these"), reports one for someone ("Mum says no to all of
those"), is a list of noes ("No red flags. No numbness, bladder fine, never had cancer."),
denies the whole list after a short opening ("Tak ada, none of these"), or sums the list
up as a no ("Waterworks fine. Nothing numb. So no."). A hedge ("no idea", "not that I know
of", "no?") is never one, unless a full no comes first and the doubt is about something
else ("None of that, sorry, I think I rambled"); nor a "no" with a contrast ("no, but my
foot is numb"; "none, apart from the back" and "none, I have asthma but it's controlled"
are still one), nor a leading "no" that begins something else ("no point", "no one"). The
dialogue only uses this reading where the red-flag detectors saw nothing.
"""

from __future__ import annotations

import re

from bot.domain.escalation import is_unsure
from bot.nlu.patterns import ANSWER_WORDS, NEGATION_TOKENS

_NO = ANSWER_WORDS["no_words"]
_FILLERS = ANSWER_WORDS["fillers"]
_POSSESSION = ANSWER_WORDS["possession_verbs"]
_ANY = ANSWER_WORDS["any_words"]
_CONTRAST = ANSWER_WORDS["contrast_words"]
_CLOSING = ANSWER_WORDS["closing_phrases"]
_SETTLED = ANSWER_WORDS["settled_words"]
_SETTLED_PHRASES = ANSWER_WORDS["settled_phrases"]
_JUST_THE_BACK = ANSWER_WORDS["just_the_back_words"]
_BACK = ANSWER_WORDS["back_words"]
_PAIN = ANSWER_WORDS["pain_words"]
_SAY = ANSWER_WORDS["say_words"]
_FINE = ANSWER_WORDS["fine_words"]
_SIGNS = ANSWER_WORDS["screen_sign_words"]
_CAUSE_GUESS = ANSWER_WORDS["cause_guess_words"]
_NOT_A_GUESS = ANSWER_WORDS["cause_guess_not"]
#: A word, or a clause break (comma, full stop, dash...) as its own item.
#: A decimal ("5.5") is one item, not a number, a break and another.
_ITEMS = re.compile(r"(?<![\d.])\d+\.\d+(?!\w|\.\d)|[^\W_]+|[,.;:!\-\u2013\u2014]")
#: Clause breaks, as items of :func:`words_of`.
BREAKS = frozenset(",.;:!-\u2013\u2014")
_SENTENCE_END = frozenset(".;!")
_NONE = frozenset({"none", "nothing"})
_OF_THEM = frozenset({"of", "like", "whatsoever", "at"})
_FROM_THEM = ANSWER_WORDS["from_them_words"]
_FREQUENCY = ANSWER_WORDS["frequency_words"]
_MEDICINE_TAKING = ANSWER_WORDS["medicine_taking_words"]


def words_of(text: str) -> list[str]:
    """The words of ``text``, lower-cased without apostrophes, and its breaks as items."""
    return _ITEMS.findall(text.lower().replace("'", "").replace("\u2019", ""))


def _leading_no(items: list[str]) -> bool:
    """A no-word first (after fillers), followed by nothing, a break, a filler or another
    no-word, or by "of"/"like"/"at all" after none/nothing ("none of those")."""
    i = 0
    while i < len(items) and (items[i] in _FILLERS - _NO or items[i] in BREAKS):
        i += 1
    if i >= len(items) or items[i] not in _NO:
        return False
    after = items[i + 1] if i + 1 < len(items) else None
    if after is None or after in BREAKS or after in _FILLERS or after in _NO:
        return True
    if _only_the_back(items[i + 1 :]):
        return True  # "no it's just sore", "no, only the usual backache"
    # "none of that"; "none from this list", "nothing from these" as learners say it
    return items[i] in _NONE and after in _OF_THEM | _FROM_THEM


def _only_the_back(items: list[str]) -> bool:
    """Words after a "no" that say only that it is the back's pain ("it's just sore")."""
    words = [w for w in items if w not in BREAKS]
    about = _BACK | _PAIN
    return any(w in about for w in words) and all(
        w in about or w in _JUST_THE_BACK or w in _FILLERS for w in words
    )


def _negated_possession(items: list[str]) -> bool:
    """A negation, a possession verb within two words, then an any-word ("don't have any",
    "not having any", "no get any", "never had any"); or a possession verb, then none or
    nothing of them ("I have none of these", "had nothing like that")."""
    for i, word in enumerate(items):
        if (
            word in _POSSESSION and i + 2 < len(items) and items[i + 1] in _NONE
            and items[i + 2] in _OF_THEM
        ):
            return True
        if word not in NEGATION_TOKENS:
            continue
        for j in (i + 1, i + 2):
            if j + 1 < len(items) and items[j] in _POSSESSION and items[j + 1] in _ANY:
                return True
    return False


def _real_contrast(items: list[str]) -> bool:
    """A contrast word that sets something against the "no" ("no, but my foot is numb"),
    not one that only points back at the back or at another "no" or denial ("none of that,
    apart from the back", "he grumbled but he says no", "slipped but did not fall") or
    closes the answer ("had a jab on Monday but that's it")."""
    for i, word in enumerate(items):
        if word in _CONTRAST and not _a_frequency(items, i):
            near = items[i + 1 : i + 5]
            closing = any(" ".join(near[:n]) in _CLOSING for n in (2, 3)) or _settled(
                _rest_of_sentence(items, i + 1)
            )
            if not closing and not any(
                w in _BACK or w in _NO or w in NEGATION_TOKENS for w in near
            ):
                # "I slipped on a wet floor but I did not fall down" sets a no against it
                return True
    return False


def _a_frequency(items: list[str], i: int) -> bool:
    """Whether the contrast word at ``i`` ("sometimes") only says how often: closing its
    clause ("and paracetamol sometimes."), or in a sentence about a medicine taken and
    naming no sign ("only sometimes I take ibuprofen")."""
    if items[i] not in _FREQUENCY:
        return False
    if i + 1 >= len(items) or items[i + 1] in BREAKS:
        return True
    start = i
    while start > 0 and items[start - 1] not in _SENTENCE_END:
        start -= 1
    sentence = items[start:i] + _rest_of_sentence(items, i + 1)
    return bool(set(sentence) & _MEDICINE_TAKING) and not set(sentence) & _SIGNS


#: How far after a contrast word its aside is read for being over or explained.
_ASIDE_REACH = 8


def _rest_of_sentence(items: list[str], start: int) -> list[str]:
    """Up to ``_ASIDE_REACH`` words from ``start``, not past the end of their sentence
    ("but that was Slimming World, on purpose.")."""
    words: list[str] = []
    for item in items[start:]:
        if item in _SENTENCE_END or len(words) >= _ASIDE_REACH:
            break
        words.append(item)
    return words


def _settled(words: list[str]) -> bool:
    """Words after a contrast that say the aside is over or under control ("but that's long
    healed", "but it is controlled with tablets", "but that's long gone")."""
    pairs = {" ".join(words[k : k + 2]) for k in range(len(words) - 1)}
    return any(w in _SETTLED for w in words) or bool(pairs & _SETTLED_PHRASES)


def _reported_no(items: list[str]) -> bool:
    """A "no" reported for someone ("Mum says no to all of those", "he said none") or
    said to the whole list ("no to all of them")."""
    for i, word in enumerate(items[:-1]):
        if word in _SAY and items[i + 1] in _NO:
            return True
        if word in _NO and items[i + 1] == "to" and i + 2 < len(items) and items[i + 2] in _ANY:
            return True
    return False


def _clauses(items: list[str]) -> list[list[str]]:
    """The clauses of ``items`` of two words or more."""
    return [c for c in _clauses_with_breaks(items) if len(c) > 1]


def _list_of_noes(items: list[str]) -> bool:
    """Every clause of two words or more is a "no" ("No red flags. No numbness, bladder
    fine, never had cancer."): a negation first or a no-word last ("everything else no"),
    a word saying it is fine, or an aside that is over ("had a fever with the flu but it's
    gone")."""
    clauses = _clauses(items)
    if len(clauses) < 2:
        return False
    negated = [c for c in clauses if c[0] in _NO or c[0] in NEGATION_TOKENS or c[-1] in _NO]
    fine = [
        c for c in clauses if c not in negated and (any(w in _FINE for w in c) or _settled(c))
    ]
    return len(negated) >= 2 and len(negated) + len(fine) == len(clauses)


def _full_denial(clause: list[str]) -> bool:
    """A clause that denies the whole list ("none of that", "I don't have any of those")."""
    return (_leading_no(clause) and any(w in _ANY for w in clause)) or _negated_possession(
        clause
    )


def hedges(text: str | None) -> bool:
    """Whether an answer hedges (:func:`bot.domain.escalation.is_unsure`: "I don't know",
    "not sure", "no?"), unless a clause after the hedge denies the whole list ("No, I don't
    think so, none of that"): a polite softener, then a full no. A thinking sound that opens
    the answer on its own ("Hmm, I had a fever with the flu but it's gone ...") is no hedge."""
    text = _THINKING_SOUND.sub("", text or "", count=1)
    if not is_unsure(text):
        return False
    if text.rstrip().endswith("?"):
        return True
    clauses = _clauses_with_breaks(words_of(text))
    doubting = [i for i, c in enumerate(clauses) if is_unsure(" ".join(c))]
    last = max(doubting + [0])
    if any(_full_denial(c) for c in clauses[last + 1 :]):
        return False
    # "no no, nothing like that, sorry i think i rambled": a full no first, then a doubt
    # about something else (what they said, the cause), not about the no; after a bare
    # "no", only a guess at the cause ("No, not urgent. I think from all the sitting")
    first = min(doubting, default=0)
    if not all(_about_something_else(clauses[i]) for i in doubting):
        return True
    if any(_full_denial(c) for c in clauses[:first]):
        return False
    return not (
        first > 0 and _leading_no(clauses[0])
        and all(set(clauses[i]) & _CAUSE_GUESS and not set(clauses[i]) & _NOT_A_GUESS
                for i in doubting)
    )


#: The words a doubt about the answer itself is made of ("I don't think so", "not that I
#: know of", "none I can remember"), besides the hedges and the no-words.
_DOUBT_FRAME = frozenset({
    "i", "im", "id", "ive", "so", "that", "of", "it", "its", "is", "am", "be", "to", "know",
    "knows", "really", "quite", "totally", "completely", "100", "percent", "can", "could",
    "would", "will", "like", "though", "tho", "but", "yet", "at", "all", "any", "about",
    "them", "there", "do", "does", "did", "say",
})


def _about_something_else(clause: list[str]) -> bool:
    """Whether a hedging clause doubts something besides the answer: it has a word
    outside the frame of a doubt ("i think i *rambled*", "not sure what *caused* it") and
    names none of the signs asked about ("not sure about the numbness")."""
    frame = _DOUBT_FRAME | _FILLERS | _NO | _ANY | _POSSESSION | NEGATION_TOKENS
    return not set(clause) & _SIGNS and any(w not in frame and not is_unsure(w) for w in clause)


#: "Hmm," / "Umm..." / "Let me think." opening an answer, set off by a break: the person
#: thinking.
_THINKING_SOUND = re.compile(
    r"^\s*(?:h+m+|u+m+|e+r+m+|e+r+|hm+|let me (?:think|see|check))\s*[,.…]+\s*",
    re.IGNORECASE,
)


def reads_as_clear_no(text: str | None) -> bool:
    """Whether ``text`` is a clear "no" (see the module docstring)."""
    text = without_echo(text)  # "Are you asking if it's serious? No, nothing like that."
    text = _THINKING_SOUND.sub("", text, count=1)  # "Umm... no, none of those"
    if not text.strip() or hedges(text):
        return False
    items = words_of(text)
    if _real_contrast(items):
        return False
    return (
        _leading_no(items)
        or _negated_possession(items)
        or _reported_no(items)
        or _list_of_noes(items)
        or _denial_after_an_opening(items)
        or _concluding_no(items)
    )


#: Words that may lead a concluding "no" ("So no.", "So, no to all of it.").
_CONCLUDING = frozenset({"so", "thus", "therefore", "hence", "overall", "basically", "in",
                         "short", "summary", "answer", "the", "is", "its", "a", "thats"})


def _concluding_no(items: list[str]) -> bool:
    """A last sentence that sums up as a no after going through the list ("Waterworks fine.
    Nothing numb. Legs fine. So no.", "... In short, no to all of them.")."""
    sentences: list[list[str]] = [[]]
    for item in items:
        if item in _SENTENCE_END:
            sentences.append([])
        elif item not in BREAKS:
            sentences[-1].append(item)
    said = [sentence for sentence in sentences if sentence]
    if len(said) < 2:
        return False
    last = said[-1]
    k = 0
    while k < len(last) and last[k] in _CONCLUDING:
        k += 1
    return k > 0 and _leading_no(last[k:]) and not _real_contrast(last)


#: How many words may open an answer before its full denial ("Tak ada, none of these").
_OPENING_REACH = 8


def _denial_after_an_opening(items: list[str]) -> bool:
    """A short opening that names none of the signs asked about (a greeting, a no in the
    person's own language, thinking aloud), then a clause that denies the whole list
    ("Tak ada, none of these", "hmm let me read that properly... no, none of those")."""
    opening: list[str] = []
    for clause in _clauses_with_breaks(items):
        if not opening and _reported_in_the_clause(clause):
            return True  # "I am pleased to report none of these calamities"
        if opening and _full_denial(clause):
            said = [w for w in opening if w not in _NO]  # "..., nope, none of them"
            return len(said) <= _OPENING_REACH and not set(opening) & _SIGNS
        opening += clause
    return False


def _reported_in_the_clause(clause: list[str]) -> bool:
    """A denial of the whole list after a few words that report it, in one clause ("I'm
    happy to say none of those")."""
    return any(
        clause[k] in _NO and _full_denial(clause[k:]) and set(clause[:k]) & _REPORTING
        and not set(clause[:k]) & _SIGNS
        for k in range(1, min(len(clause), _OPENING_REACH + 1))
    )


_REPORTING = ANSWER_WORDS["reporting_words"]


def _clauses_with_breaks(items: list[str]) -> list[list[str]]:
    """The clauses of ``items`` between breaks, empty ones left out."""
    clauses: list[list[str]] = [[]]
    for item in items:
        if item in BREAKS:
            clauses.append([])
        else:
            clauses[-1].append(item)
    return [c for c in clauses if c]


_ECHO = re.compile(r"^\s*[^?.!]{1,40}\?\s*(?=\S)")


def without_echo(text: str | None) -> str:
    """``text`` without a short question echoed back before the answer ("Down the leg?
    No, it stays in my back" -> "No, it stays in my back")."""
    return _ECHO.sub("", text or "", count=1)


#: How many words from its start a hedge doubts a "no".
_DOUBT_REACH = 5


def starts_with_no(text: str | None) -> bool:
    """Whether the first word (after fillers) is a no-word: to a yes/no question about one
    thing ("does it go below the knee?"), "no it stays in my back" is a no, whatever
    follows. Only for such a question: elsewhere "no point ..." is not one."""
    text = without_echo(text)
    items = [i for i in words_of(text) if i not in BREAKS]
    words = [w for w in items if w not in _FILLERS - _NO]
    # "No, though my glute aches sometimes": how often is no doubt about the no; nor is a
    # hedge further on, in what it describes ("no its just low back and kinda across the
    # belt line"); "no, maybe a bit" and "no I don't think so" doubt it
    near = items[:_DOUBT_REACH]
    doubts = is_unsure(" ".join(w for w in near if w not in ANSWER_WORDS["frequency_words"]))
    return bool(words) and words[0] in _NO and not doubts and not text.rstrip().endswith("?")
