"""Reading a whole message as an answer, by kind, from the lexicon's word lists
(``answers`` in ``intake_lexicon.yml``), for the messages the trained model is least sure
of: a yes, a question, a correction, a message about back pain ("my waist has been
paining me", "low back ache": never outside what Backstep is for), and the intent a
message should have instead of the model's; the clear "no" is :mod:`bot.nlu.clear_no`'s.
"""

from __future__ import annotations

import re

from bot.domain.answers import parse_score_answer
from bot.domain.clock import parse_time
from bot.domain.escalation import is_unsure
from bot.nlu.clear_no import BREAKS, reads_as_clear_no, without_echo, words_of
from bot.nlu.dates import utc_today
from bot.nlu.duration import start_named_in
from bot.nlu.echoes import asks_back_then_answers
from bot.nlu.patterns import ANSWER_WORDS, CONTEXT_WORDS, NEGATION_TOKENS
from bot.nlu.scores import settled_score

_FILLERS = ANSWER_WORDS["fillers"]
_OWN = ANSWER_WORDS["own_words"]
_BACK_MODIFIERS = ANSWER_WORDS["back_modifiers"]
_CORRECTION = ANSWER_WORDS["correction_words"]
_BACK = ANSWER_WORDS["back_words"]
_PAIN = ANSWER_WORDS["pain_words"]
_FINE = ANSWER_WORDS["fine_words"]
_FAREWELL = ANSWER_WORDS["farewell_words"]
_RESTART = ANSWER_WORDS["restart_words"]
_CHECKIN = ANSWER_WORDS["checkin_words"]
_SCHEDULE = ANSWER_WORDS["schedule_words"]
_ASSESSED = ANSWER_WORDS["assessed_words"]
_YES = ANSWER_WORDS["yes_words"]
#: Words without which a message is neither a yes nor a no.
_YES_OR_NO = _YES | ANSWER_WORDS["no_words"] | NEGATION_TOKENS
_OPENERS = ANSWER_WORDS["question_openers"]
_MARKERS = ANSWER_WORDS["question_markers"]


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
    items = [i for i in words_of(text) if i not in BREAKS]
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
    if asks_unmarked(text):
        return True  # dictated: "... is it all right to carry on with that or should I rest"
    sentences = [s for s in re.split(r"(?<=[?.!])\s+", (text or "").strip()) if words_of(s)]
    return bool(sentences) and all(
        s.rstrip().endswith("?") and asks_in_so_many_words(s) for s in sentences
    )


def stated_at(text: str | None, offset: int) -> bool:
    """Whether the sentence of ``text`` around ``offset`` is a statement, not a question
    ("Sorta into the right hip. Is that leg?": the hip is stated)."""
    text = text or ""
    ends = [i for i in (text.find(mark, offset) for mark in ".!?") if i >= 0]
    return not ends or text[min(ends)] != "?"


def said_after_a_question(text: str | None) -> str | None:
    """What follows a question put back about the bot's own ("out of 10 ah? 4 lah", "0 to
    10, 10 is the worst ever? Then 9"): the answer, once the question is asked; None when
    nothing follows it."""
    asked, mark, after = (text or "").rpartition("?")
    return after if mark and asked.strip() and words_of(after) else None


def asks_about_what_it_said(text: str | None) -> bool:
    """Whether the first question of ``text`` asks about what was just said ("Sorta into the
    right hip. Is that leg?", "does that count?"): it opens on "is", "does" or the like
    and points back with "that", "this" or "it"."""
    asked = re.split(r"[.;!]", (text or "").split("?")[0])[-1] if "?" in (text or "") else ""
    words = words_of(asked)
    return len(words) >= 2 and words[0] in _CHECKING and words[1] in _POINTERS


_CHECKING = frozenset({"is", "does", "would", "will", "could", "can", "do"})
_POINTERS = frozenset({"that", "this", "it", "thats"})


def asks_in_so_many_words(text: str | None) -> bool:
    """A question in so many words (a question mark and a question word opening it, or
    opening the clause that ends in it) that is not about what the bot asked ("what do you
    mean?"); such a message answers no intake question with a date it names."""
    items = words_of(text or "")
    if not items:
        return False
    if "?" not in (text or ""):
        if set(items) & ANSWER_WORDS["clarification_words"]:
            return False
        return _asks_whether(items) or _asks_without_a_mark(items) or asks_unmarked(text)
    # "Any idea when I can get back on the ice? The league starts up again after New
    # Year's": what the bot asked is asked about in the question itself, not after it
    if set(words_of((text or "").split("?")[0])) & (
        _COUNTS | ANSWER_WORDS["clarification_words"]
    ):
        return False  # "Does making beds count?", "say again?": about what the bot asked
    # "Christmas is our busiest time, should I wear a back belt?", "I play bowls on
    # Wednesdays. Would you advise me to continue, or ought I to rest?", "Quick one: can I
    # train while it hurts?": the sentence or the clause (after a comma or a colon) that asks
    sentence = re.split(r"[.;!]", (text or "").split("?")[0])[-1]
    opening = [words_of(part)[:1] for part in re.split(r"[,:]", sentence)]
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


def asks_unmarked(text: str | None) -> bool:
    """A question with no question mark anywhere (dictated, or typed in a hurry): its last
    sentence opens with a pair that asks (``unmarked_openers``: "Shall I continue the yoga
    or stop it till the pain is cured") or holds a phrase that asks (``asking_phrases``:
    "... with my friend Jean is it all right to carry on with that")."""
    text = text or ""
    if "?" in text:
        return False
    sentences = [[w for w in words_of(s) if w[0].isalnum()] for s in re.split(r"[.!;]", text)]
    last = next((s for s in reversed(sentences) if s), [])
    if len(last) < _UNMARKED_MIN_WORDS:
        return False
    if " ".join(last[:2]) in ANSWER_WORDS["unmarked_openers"]:
        return True
    return _says_a_phrase(last, ANSWER_WORDS["asking_phrases"])


#: A sentence that asks with no mark has at least this many words ("can i go gym").
_UNMARKED_MIN_WORDS = 4


def _asks_whether(items: list[str]) -> bool:
    """A request for advice without a question mark: a word that asks (``question_markers``),
    then "whether" or "if", then a question word within three words ("Kindly advise
    whether I should continue my morning walk or take complete bed rest")."""
    return any(
        word in _WHETHER and set(items[max(0, i - 3) : i]) & _MARKERS
        and set(items[i + 1 : i + 4]) & _OPENERS
        for i, word in enumerate(items)
    )


def concludes(text: str | None) -> bool:
    """Whether ``text`` ends on a sentence that settles an answer after thinking aloud,
    questions and all ("is lying on my front leaning back? ... so leaning back I guess")."""
    return concluding_at(text) is not None


def concluding_at(text: str | None) -> int | None:
    """Where the sentence that settles the answer starts (see :func:`concludes`), or None."""
    text = text or ""
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[?.!])\s+", text)]
    sentences = [(at, text[at:]) for at in starts]
    sentences = [(at, s) for at, s in sentences if words_of(s)]
    if len(sentences) < 2:
        return None
    at, last = sentences[-1]
    if last.rstrip().endswith("?") or words_of(last)[0] not in CONTEXT_WORDS["conclusion_words"]:
        return None
    return at


def echoes_then_answers(text: str | None) -> bool:
    """Whether ``text`` opens by echoing the question back (:func:`without_echo`) with no
    question word, and then says more with no other question ("touch my toes? i could
    never", "Bending forward? Definitely that"): the echo asks nothing."""
    text = text or ""
    rest = without_echo(text)
    echo = words_of(text[: len(text) - len(rest)])
    return (
        rest != text
        and (echo[0] not in _OPENERS or bool(set(echo) & _COUNTS))  # "Does X count? ..."
        and not set(echo) & _MARKERS
        and "?" not in rest
    )


#: Words of a question about what counts as an answer ("Does making beds count?").
_COUNTS = frozenset(ANSWER_WORDS["counts_words"])


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
        if item in BREAKS:
            clauses.append([])
        else:
            clauses[-1].append(item)
    return any(_corrects(clause[:3], i) for clause in clauses for i in range(len(clause[:3])))


def adds_to_an_answer(text: str | None) -> bool:
    """Whether ``text`` adds to what was said before ("Oh, and I should have said: standing
    brings it on too", "leaning back as well") rather than changing it."""
    items = words_of(text or "")
    return bool(set(items) & _ADDING) or any(
        items[i : i + 2] == ["as", "well"] for i in range(len(items) - 1)
    )


_ADDING = ANSWER_WORDS["adding_words"]


def correction_at(text: str | None) -> int | None:
    """Where in ``text`` (a character offset) the first correction word that opens a
    clause stands ("no. oh wait, I can't get past my shins": at "wait"), or None."""
    text = text or ""
    for clause in re.finditer(r"[^.,;:!?]+", text):
        words = list(re.finditer(r"[\w']+", clause.group()))[:3]
        said = [w.group().lower().replace("'", "") for w in words]
        for i, word in enumerate(words):
            if _corrects(said, i):
                return clause.start() + word.start()
    return None


def _corrects(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` (among a clause's first words) is a correction word, not a verb
    after a modal or "to" ("cannot move, must wait then can straighten")."""
    return words[i] in _CORRECTION and not (i > 0 and words[i - 1] in _BEFORE_A_VERB)


#: Words after which a correction word is a verb ("must wait", "have to change").
_BEFORE_A_VERB = ANSWER_WORDS["before_a_verb"]


def corrected_in_passing(text: str | None, offset: int) -> bool:
    """Whether the sentence of ``text`` around ``offset`` takes an earlier answer back in
    passing ("Oh and it's more like 3 weeks not 2, I was counting wrong", "I said 8 but
    truthfully it's more like 6"): what it names there is a correction, not a slip."""
    text = text or ""
    start = max((text.rfind(mark, 0, offset) for mark in ".!?"), default=-1) + 1
    ends = [i for i in (text.find(mark, offset) for mark in ".!?") if i >= 0]
    said = " ".join(words_of(text[start : min(ends, default=len(text))]))
    return any(
        re.search(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", said)
        for phrase in _PASSING_CORRECTIONS
    )


_PASSING_CORRECTIONS = ANSWER_WORDS["passing_corrections"]


def mentions_the_back_or_pain(text: str | None) -> bool:
    """Whether ``text`` names the back or a pain at all ("it's been hurting three weeks"),
    unlike "No, I've lost 3 kilos on purpose, cut out the beer since August"."""
    return any(w in _BACK or w in _PAIN for w in words_of(text or ""))


def is_about_back_pain(text: str | None) -> bool:
    """Whether ``text`` names the back with a pain word (within the same few words), or
    as the person's own ("my back has refused me completely")."""
    words = [w for w in words_of(text or "") if w not in BREAKS]
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


def answer_intent(
    intent: str | None, entities: set[str], text: str | None,
    in_passing: frozenset[str] = frozenset(),
) -> str | None:
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
    items = words_of(text or "")
    said = set(items)
    # Corrections that clear nothing: they may stand beside a possible red flag, which
    # keeps its mark (``red_flag_uncertain``) and is still asked about.
    if intent in (*_QUESTION_OVERRULES, "ask_programme") and asks_back_then_answers(
        text, (entities | in_passing) & INTAKE_ENTITIES
    ):
        return "inform"  # "why? um 5 days": a question put back, then the answer
    if intent == "ask_programme" and (
        (answers and ("?" not in (text or "") or echoes_then_answers(text))
         and not asks_in_so_many_words(text))
        or (answers and concludes(text))
        # (a dictated question asks with no mark: "I play bowls on a Monday and Friday is it
        # ok to carry on with that")
        or (not reads_as_question(text) and not asks_in_so_many_words(text) and (
            start_named_in(text or "", utc_today()) is not None
            or is_about_back_pain(text) or parse_score_answer(text or "") is not None
            # "Sitting at the piano, and bending to lift the stool lid": movements named in
            # passing; "Between 4 and 5. I will take 4.": a score settled on
            or bool(in_passing & INTAKE_ENTITIES) or settled_score(text) is not None
        ))
    ):
        # "Normal, I'd say. I do yoga twice a week": an answer that names an activity;
        # "Is when I bend down it does hurt": one that only opens like a question;
        # "sports day was on saturday so since then": one that names a day; "my back dey
        # pain me, I wan do exercise for am": a request for help, which the intake answers;
        # "Four, I should say.": a score
        return "inform"
    farewells = _farewells(items)
    if intent == "goodbye" and is_about_back_pain(text) and not set(items[:3]) & farewells:
        # "I am having lower back pain since 10 days, kindly advise, I have to leave for
        # office by 8": a goodbye opens with its farewell; this is about the back
        return "inform"
    if intent == "goodbye" and not farewells:
        # Leaving needs a word that says so: the model alone would end the intake on
        # "The Sunday the clocks went back" or "pain go down back of left thigh".
        return "inform" if answers or is_about_back_pain(text) else "nlu_fallback"
    if intent == "restart_intake" and not _RESTART & said and len(items) > 1:
        # Starting over needs a word that says so: "it start from dat" dates the pain
        return "inform" if answers or is_about_back_pain(text) else "nlu_fallback"
    if intent == "checkin_now" and not _checkin_words(items):
        # A check-in needs a word that says so: "I am writing before my daily standup, I
        # have pain in the low back" is someone's back, not today's journal entry
        return "inform" if answers or is_about_back_pain(text) else "nlu_fallback"
    if intent == "assessed" and not _ASSESSED & said and (answers or is_about_back_pain(text)):
        # Being seen needs a word of it: "It is not serious, I only want to do the right
        # exercises" is someone's back, not a check-up
        return "inform"
    if intent == "set_checkin_time" and not _SCHEDULE & said and parse_time(text or "") is None:
        # A check-in time needs a time or a word of one: "Do I talk to you like a text?"
        # asks how Backstep works
        if answers or is_about_back_pain(text):
            return "inform"
        return "help" if reads_as_question(text) else "nlu_fallback"
    if entities & _SAFETY_ENTITIES:
        return None
    if intent in (*_QUESTION_OVERRULES, "ask_programme", "show_plan") and asks_in_so_many_words(
        text
    ) and _says_a_phrase(items, ANSWER_WORDS["session_phrases"]):
        # "what are my exercises for today then?", "my back is sore, what exercises should I
        # do today?": today's session (before a plan, the questions that lead to one)
        return "start_session"
    if intent in _QUESTION_OVERRULES and asks_in_so_many_words(text) and (
        not answers or _opens_asking(text)
    ):
        # "can I keep deadlifting or is that gonna stuff it more?": a question about what
        # to do, not an answer nobody understood
        return "ask_programme"
    if intent == "out_of_scope" and asks_in_so_many_words(text) and _says_a_phrase(
        items, ANSWER_WORDS["activity_frames"]
    ):
        return "ask_programme"  # "Can I continue with my capoeira class?"
    if (answers or is_about_back_pain(text)) and (
        (intent == "deny" and not said & _YES_OR_NO)
        or (intent == "affirm" and not said & _YES and reads_as_question(text))
    ):
        # "Hello! My back don dey do me anyhow since.", "I have some low back pain, is this
        # the right place?": a yes or a no needs a word that says so (a question is none)
        return "inform"
    if intent in _NO_OVERRULES and not answers and reads_as_clear_no(text) and not (
        intent == "help" and asks_in_so_many_words(text)
    ):
        # "no i dont have any of this" (not "no, what do i type?")
        return "deny"
    if intent in _ANSWER_OVERRULES and (answers or is_about_back_pain(text)):
        return "inform"
    return None


def _farewells(items: list[str]) -> set[str]:
    """The words of leaving in ``items``; a verb of leaving with something else as its
    object ("just finished nights", "leave work at 6") says nothing of leaving the chat."""
    return {
        w for i, w in enumerate(items) if w in _FAREWELL and not (
            w in _OBJECT_FAREWELLS and i + 1 < len(items)
            and items[i + 1] not in BREAKS and items[i + 1] not in _FAREWELL_AFTER
        )
    }


def _checkin_words(items: list[str]) -> set[str]:
    """The words of a check-in in ``items``; not a check by someone else ("my wife say go
    check", "get it checked")."""
    return {
        w for i, w in enumerate(items)
        if w in _CHECKIN and not (i > 0 and items[i - 1] in _CHECKED_BY_OTHERS)
    }


_OBJECT_FAREWELLS = ANSWER_WORDS["farewell_verbs_with_objects"]
_FAREWELL_AFTER = ANSWER_WORDS["farewell_after"]
_CHECKED_BY_OTHERS = ANSWER_WORDS["checked_by_others_before"]


def _says_a_phrase(words: list[str], phrases: frozenset[str]) -> bool:
    """Whether one of ``phrases`` stands among ``words``, whole words only."""
    joined = f" {' '.join(words)} "
    return any(f" {phrase} " in joined for phrase in phrases)


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
