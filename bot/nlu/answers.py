"""Reading a whole message as an answer: a clear "no", and whether it is about back pain.

The trained model reads intents from the training data's wording; these two readings are
by kind, from the lexicon's word lists (``answers`` in ``intake_lexicon.yml``), for the
messages the model is least sure of:

- a **clear no** starts with a no-word standing alone ("No, dear, none of those", "nah
  none of that", "no lol", "Nope."), or negates having any of what was asked about ("I
  don't have any of these", "not having any of the above", "I no get any of dem
  things"), reports one for someone ("Mum says no to all of those"), or is a list of
  noes ("No red flags. No numbness, bladder fine, never had cancer."). A hedge ("no
  idea", "not that I know of", "no?") is never one, nor a "no" with a contrast ("no, but
  my foot is numb"; "none, apart from the back" and "none, I have asthma but it's
  controlled" are still one), nor is a
  leading "no" that begins something else ("no point", "no one"): the dialogue only uses
  this reading where the red-flag detectors saw nothing;
- a message **about back pain** names the back with a pain word ("my waist has been
  paining me", "low back ache"): it is never outside what Backstep is for.
"""

from __future__ import annotations

import re

from bot.domain.answers import parse_score_answer
from bot.domain.escalation import is_unsure
from bot.nlu.dates import utc_today
from bot.nlu.duration import start_named_in
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
_OWN = ANSWER_WORDS["own_words"]
_BACK_MODIFIERS = ANSWER_WORDS["back_modifiers"]
_CORRECTION = ANSWER_WORDS["correction_words"]
_BACK = ANSWER_WORDS["back_words"]
_PAIN = ANSWER_WORDS["pain_words"]
_SAY = ANSWER_WORDS["say_words"]
_FINE = ANSWER_WORDS["fine_words"]
_FAREWELL = ANSWER_WORDS["farewell_words"]
_RESTART = ANSWER_WORDS["restart_words"]
_CHECKIN = ANSWER_WORDS["checkin_words"]
_YES = ANSWER_WORDS["yes_words"]
_OPENERS = ANSWER_WORDS["question_openers"]
_MARKERS = ANSWER_WORDS["question_markers"]
_SIGNS = ANSWER_WORDS["screen_sign_words"]
#: A word, or a clause break (comma, full stop, dash...) as its own item.
_ITEMS = re.compile(r"[a-z0-9]+|[,.;:!\-\u2013\u2014]")
_BREAK = frozenset(",.;:!-\u2013\u2014")
_SENTENCE_END = frozenset(".;!")
_NONE = frozenset({"none", "nothing"})
_OF_THEM = frozenset({"of", "like", "whatsoever", "at"})


def words_of(text: str) -> list[str]:
    """The words of ``text``, lower-cased without apostrophes, and its breaks as items."""
    return _ITEMS.findall(text.lower().replace("'", "").replace("\u2019", ""))


def _leading_no(items: list[str]) -> bool:
    """A no-word first (after fillers), followed by nothing, a break, a filler or another
    no-word, or by "of"/"like"/"at all" after none/nothing ("none of those")."""
    i = 0
    while i < len(items) and (items[i] in _FILLERS - _NO or items[i] in _BREAK):
        i += 1
    if i >= len(items) or items[i] not in _NO:
        return False
    after = items[i + 1] if i + 1 < len(items) else None
    if after is None or after in _BREAK or after in _FILLERS or after in _NO:
        return True
    if _only_the_back(items[i + 1 :]):
        return True  # "no it's just sore", "no, only the usual backache"
    return items[i] in {"none", "nothing"} and after in {"of", "like", "at", "whatsoever"}


def _only_the_back(items: list[str]) -> bool:
    """Words after a "no" that say only that it is the back's pain ("it's just sore")."""
    words = [w for w in items if w not in _BREAK]
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
        if word in _CONTRAST:
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
    clauses: list[list[str]] = [[]]
    for item in items:
        if item in _BREAK:
            clauses.append([])
        else:
            clauses[-1].append(item)
    return [c for c in clauses if len(c) > 1]


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
    # about something else (what they said, the cause), not about the no
    first = min(doubting, default=0)
    return not (
        any(_full_denial(c) for c in clauses[:first])
        and all(_about_something_else(clauses[i]) for i in doubting)
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
        elif item not in _BREAK:
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
        if opening and _full_denial(clause):
            said = [w for w in opening if w not in _NO]  # "..., nope, none of them"
            return len(said) <= _OPENING_REACH and not set(opening) & _SIGNS
        opening += clause
    return False


def _clauses_with_breaks(items: list[str]) -> list[list[str]]:
    """The clauses of ``items`` between breaks, empty ones left out."""
    clauses: list[list[str]] = [[]]
    for item in items:
        if item in _BREAK:
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
    items = [i for i in words_of(text) if i not in _BREAK]
    words = [w for w in items if w not in _FILLERS - _NO]
    # "No, though my glute aches sometimes": how often is no doubt about the no; nor is a
    # hedge further on, in what it describes ("no its just low back and kinda across the
    # belt line"); "no, maybe a bit" and "no I don't think so" doubt it
    near = items[:_DOUBT_REACH]
    doubts = is_unsure(" ".join(w for w in near if w not in ANSWER_WORDS["frequency_words"]))
    return bool(words) and words[0] in _NO and not doubts and not text.rstrip().endswith("?")


#: Words that may stand around "fine" in an answer that only says so ("they're fine").
_AROUND_FINE = frozenset({"all", "they", "theyre", "are", "its", "it", "is", "s", "feel", "feels",
                          "pretty", "quite", "really", "thanks", "thank", "you", "totally"})


def only_says_fine(text: str | None) -> bool:
    """Whether an answer only says that all is well ("Fine", "all good", "they're fine
    thanks"): to a question about a problem, that there is none."""
    items = words_of(text or "")
    return bool(set(items) & _FINE) and all(w in _FINE or w in _AROUND_FINE for w in items)


def starts_with_yes(text: str | None) -> bool:
    """Whether the first word (after fillers) is a yes-word: to a yes/no question about one
    thing ("does it spread into your leg?"), "Yes po, it goes down to my shin" is a yes.
    Only for such a question, like :func:`starts_with_no`."""
    text = without_echo(text)
    items = [i for i in words_of(text) if i not in _BREAK]
    words = [w for w in items if w not in _FILLERS]
    # "Yes, it goes to my thigh, sometimes tingling": how often is no doubt about the yes
    doubts = is_unsure(" ".join(w for w in items if w not in ANSWER_WORDS["frequency_words"]))
    return bool(words) and words[0] in _YES and not doubts and not text.rstrip().endswith("?")


def reads_as_question(text: str | None) -> bool:
    """Whether ``text`` asks something: a question mark, a sentence that opens with a
    question word ("can i still go gym"), or a word that asks ("Kindly tell whether I can
    continue"). "I can touch my toes" asks nothing."""
    text = text or ""
    if "?" in text:
        return True
    items = words_of(text)
    opens = [items[0]] if items else []
    opens += [items[i + 1] for i, w in enumerate(items[:-1]) if w in ".!;"]
    return any(w in _OPENERS for w in opens) or any(w in _MARKERS for w in items)


def only_asks(text: str | None) -> bool:
    """Whether every sentence of ``text`` is a question in so many words ("Would a stool
    help? Is standing all day going to make it worse?")."""
    sentences = [s for s in re.split(r"(?<=[?.!])\s+", (text or "").strip()) if words_of(s)]
    return bool(sentences) and all(
        s.rstrip().endswith("?") and asks_in_so_many_words(s) for s in sentences
    )


def asks_in_so_many_words(text: str | None) -> bool:
    """A question in so many words (a question mark and a question word opening it, or
    opening the clause that ends in it) that is not about what the bot asked ("what do you
    mean?"); such a message answers no intake question with a date it names."""
    items = words_of(text or "")
    if not items or set(items) & ANSWER_WORDS["clarification_words"]:
        return False
    if "?" not in (text or ""):
        return _asks_whether(items) or _asks_without_a_mark(items)
    # "Christmas is our busiest time, should I wear a back belt?", "I play bowls on
    # Wednesdays. Would you advise me to continue, or ought I to rest?": the sentence or
    # the clause that asks
    sentence = re.split(r"[.;!]", (text or "").split("?")[0])[-1]
    opening = [words_of(part)[:1] for part in sentence.split(",")]
    asked = words_of(sentence)
    # "Heat or ice?", "Walk or rest?": a choice put as a question, with no question word
    offers_a_choice = "or" in asked[1:-1] and len(asked) <= _CHOICE_WORDS
    return (
        items[0] in _OPENERS
        or any(first and first[0] in _OPENERS for first in opening)
        or offers_a_choice
    )


#: At most this many words in a choice put as a question ("Ice or hot water bottle?").
_CHOICE_WORDS = 8


_WHETHER = frozenset({"whether", "if"})
_WH_WORDS = frozenset({"how", "what", "why", "when", "which", "where"})


def _asks_without_a_mark(items: list[str]) -> bool:
    """A question with no question mark: a question word opening it and a pair of words
    that ask (``asking_pairs``: "how long before I see any difference do you think",
    "what stretches should I do")."""
    pairs = {f"{a} {b}" for a, b in zip(items, items[1:], strict=False)}
    return items[0] in _WH_WORDS and bool(pairs & ANSWER_WORDS["asking_pairs"])


def _asks_whether(items: list[str]) -> bool:
    """A request for advice without a question mark: a word that asks (``question_markers``),
    then "whether" or "if", then a question word within three words ("Kindly advise
    whether I should continue my morning walk or take complete bed rest")."""
    return any(
        word in _WHETHER and set(items[max(0, i - 3) : i]) & _MARKERS
        and set(items[i + 1 : i + 4]) & _OPENERS
        for i, word in enumerate(items)
    )


def echoes_then_answers(text: str | None) -> bool:
    """Whether ``text`` opens by echoing the question back (:func:`without_echo`) with no
    question word, and then says more with no other question ("touch my toes? i could
    never", "Bending forward? Definitely that"): the echo asks nothing."""
    text = text or ""
    rest = without_echo(text)
    echo = words_of(text[: len(text) - len(rest)])
    return (
        rest != text
        and echo[0] not in _OPENERS
        and not set(echo) & _MARKERS
        and "?" not in rest
    )


def _opens_asking(text: str | None) -> bool:
    """A message that opens by asking for advice ("Kindly advise whether I should continue
    my morning walk"): the movements in it are what it asks about, not an answer."""
    items = words_of(text or "")
    return _asks_whether(items) and bool(set(items[:3]) & _MARKERS)


def reads_as_correction(text: str | None) -> bool:
    """Whether ``text`` corrects an earlier answer ("actually it's been two months",
    "sorry, I meant the left leg", "wait, no, two months"): a correction word among the
    first words of a clause, not one in passing ("I have to wait before I straighten")."""
    clauses: list[list[str]] = [[]]
    for item in words_of(text or ""):
        if item in _BREAK:
            clauses.append([])
        else:
            clauses[-1].append(item)
    return any(word in _CORRECTION for clause in clauses for word in clause[:3])


def mentions_the_back_or_pain(text: str | None) -> bool:
    """Whether ``text`` names the back or a pain at all ("it's been hurting three weeks"),
    unlike "No, I've lost 3 kilos on purpose, cut out the beer since August"."""
    return any(w in _BACK or w in _PAIN for w in words_of(text or ""))


def is_about_back_pain(text: str | None) -> bool:
    """Whether ``text`` names the back with a pain word (within the same few words), or
    as the person's own ("my back has refused me completely")."""
    words = [w for w in words_of(text or "") if w not in _BREAK]
    for i, word in enumerate(words):
        near = words[max(0, i - 4) : i + 5]
        if word in _BACK and (word in _PAIN or any(w in _PAIN for w in near)):
            return True
        if word in _BACK and i and (words[i - 1] in _OWN or (
            i > 1 and words[i - 1] in _BACK_MODIFIERS and words[i - 2] in _OWN
        )):
            return True  # "my back has refused me", "a program for my lower back"
    return False


#: The entity that marks a clear "no" with an answer in it (:func:`marks_clear_no`).
CLEAR_NO = "clear_no"
#: The intake's entities (an answer the extractors found in the message).
INTAKE_ENTITIES = frozenset(
    {"pain_direction", "pain_duration_days", "flexibility", "spasm", "pain_score", "leg_pain"}
)
#: Readings of the model that a clear "no" overrules.
_NO_OVERRULES = frozenset(
    {"inform", "nlu_fallback", "out_of_scope", "greet", "affirm", "thank", "help"}
)
#: Readings of the model that a plain question overrules.
_QUESTION_OVERRULES = frozenset({"inform", "nlu_fallback"})
#: Readings of the model that a description of the back overrules.
_ANSWER_OVERRULES = frozenset({"nlu_fallback", "out_of_scope", "greet", "thank"})
_SAFETY_ENTITIES = frozenset({"red_flag", "red_flag_uncertain"})


def answer_intent(intent: str | None, entities: set[str], text: str | None) -> str | None:
    """The intent a message should have instead of the model's ``intent``, or None.

    Never for a red flag or crisis. Where a detector saw a possible one (``entities``
    holds a red-flag entity, which stays and is asked about), only the corrections that
    clear nothing: a question that asks nothing, a goodbye that leaves nothing. A clear
    "no" with no intake answer in it is ``deny`` (it answers a yes/no
    question: the safety screen, the clarifying question, leg pain). A message that holds
    an intake answer or is about back pain is ``inform`` when the model fell back, called
    it out of scope, or took it for a greeting ("Hello, my back very pain since last
    week"): the intake starts or goes on with what it says. A goodbye with no word of
    leaving in it (``farewell_words``) is one of those two, or not understood; a question
    about the programme that asks nothing but holds an answer is that answer.
    """
    if intent in ("red_flag", "crisis"):
        return None
    answers = bool(entities & INTAKE_ENTITIES)
    # Corrections that clear nothing: they may stand beside a possible red flag, which
    # keeps its mark (``red_flag_uncertain``) and is still asked about.
    if intent == "ask_programme" and (
        (answers and ("?" not in (text or "") or echoes_then_answers(text))
         and not asks_in_so_many_words(text))
        or (not reads_as_question(text) and (
            start_named_in(text or "", utc_today()) is not None
            or is_about_back_pain(text) or parse_score_answer(text or "") is not None
        ))
    ):
        # "Normal, I'd say. I do yoga twice a week": an answer that names an activity;
        # "Is when I bend down it does hurt": one that only opens like a question;
        # "sports day was on saturday so since then": one that names a day; "my back dey
        # pain me, I wan do exercise for am": a request for help, which the intake answers;
        # "Four, I should say.": a score
        return "inform"
    if intent == "goodbye" and not any(w in _FAREWELL for w in words_of(text or "")):
        # Leaving needs a word that says so: the model alone would end the intake on
        # "The Sunday the clocks went back" or "pain go down back of left thigh".
        return "inform" if answers or is_about_back_pain(text) else "nlu_fallback"
    if intent == "restart_intake" and not _RESTART & set(words_of(text or "")) and len(
        words_of(text or "")
    ) > 1:
        # Starting over needs a word that says so: "it start from dat" dates the pain
        return "inform" if answers or is_about_back_pain(text) else "nlu_fallback"
    if intent == "checkin_now" and not _CHECKIN & set(words_of(text or "")):
        # A check-in needs a word that says so: "I am writing before my daily standup, I
        # have pain in the low back" is someone's back, not today's journal entry
        return "inform" if answers or is_about_back_pain(text) else "nlu_fallback"
    if entities & _SAFETY_ENTITIES:
        return None
    if intent in _QUESTION_OVERRULES and asks_in_so_many_words(text) and (
        not answers or _opens_asking(text)
    ):
        # "can I keep deadlifting or is that gonna stuff it more?": a question about what
        # to do, not an answer nobody understood
        return "ask_programme"
    if intent in _NO_OVERRULES and not answers and reads_as_clear_no(text) and not (
        intent == "help" and asks_in_so_many_words(text)
    ):
        # "no i dont have any of this" (not "no, what do i type?")
        return "deny"
    if intent in _ANSWER_OVERRULES and (answers or is_about_back_pain(text)):
        return "inform"
    return None


def marks_clear_no(intent: str | None, entities: set[str], text: str | None) -> bool:
    """Whether a message is a clear "no" that also holds an intake answer ("No, nothing
    like that. Only my back."), or one whose softener a full no settles ("No, I don't
    think so, none of that"): its intent stays, so the answer is used wherever it fits,
    and a ``clear_no`` entity lets the safety screen and the clarifying question read it
    as their "no". Never when either red-flag detector saw something."""
    if entities & _SAFETY_ENTITIES:
        return False
    if is_unsure(text or "") and reads_as_clear_no(text):
        return True
    if intent == "assessed" and reads_as_clear_no(text):
        return True  # "Oh no, nothing like that. The doctor checked all that": a no
    return intent != "deny" and bool(entities & INTAKE_ENTITIES) and reads_as_clear_no(text)
