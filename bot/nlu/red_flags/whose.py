"""Whose sign it is, beyond the clause: a sign said with no subject of its own after
someone else was named in the sentence ("my brother is on chemo and now has a high
temp"; "dad's losing weight and complaining his back hurts"), or in a sentence naming no
one after one that named them ("My son was in a car crash. Now one leg feels weak"), is
theirs, unless the writer comes in between ("my wife says I've been dragging my foot")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from bot.nlu.patterns import ANSWER_WORDS
from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import (
    _FIRST_PERSON,
    _OBJECT_MARKERS,
    _OTHERS,
    _clause_before,
    _n,
    _sentence,
)
from bot.nlu.red_flags.vocabulary import NEGATION_NORMS
from bot.nlu.red_flags.writer_named import (
    CARE_VERBS,
    CARED_FOR,
    a_companion,
    a_greeting,
    in_a_carers_clause,
    in_a_likeness,
    the_writer_as,
)

_WORDS = word_sets("whose")

#: The intake's words for the back ("back", "spine", "sciatica"), one home for both.
_BACK_WORDS = (
    ANSWER_WORDS["back_words"] | _WORDS["spinal_procedures"] | _WORDS["spinal_regions"]
)
#: Words that make a back the writer's ("my back", "I hurt my back", "me back").
_WRITERS = _FIRST_PERSON | _WORDS["writers_also"]
#: Other people: scope's list without its pets ("the cat-cow stretch" names no one), with
#: the people one lives and works beside.
_PEOPLE = (_OTHERS - _WORDS["not_people"]) | _WORDS["people_also"]


def _named_in(tokens: Span) -> tuple[bool, bool]:
    """Whether ``tokens`` name the writer, and whether they name someone else. The
    writer's word that only says whose someone is ("my wife is on biologics") or that
    opens a clause about them ("a guy I work with", "the lady I look after") does not
    name the writer."""
    words = [_n(token) for token in tokens]
    spoken_of = bool({_n(t) for t in tokens.doc} & _HIM_OR_HER)

    def a_person(word: str, i: int = -1) -> bool:
        if word in _ROLE_PEOPLE and words[i + 1 : i + 2] in ([w] for w in _ROLE_THINGS):
            return False  # "the staff toilet", "a guest room": a thing, no one
        if word in _ROLE_PEOPLE and i > 1 and words[i - 2] in _ROLE_OBJECTS and not (
                i > 2 and words[i - 3] in _ROLE_COUNTS):
            return False  # "tired of the manager": an object; not "one of our cleaners"
        if word in _ROLE_PEOPLE:  # "my patient", not "transplant patient on tacrolimus"
            # (one word may describe them after "my": "my PT clients", "our home residents")
            # (or opening the sentence in a message that speaks of him or her: "Volunteer
            # at the shop, she's 82")
            return i > 0 and words[i - 1] in _ROLE_POINTERS or (
                i > 1 and words[i - 2] in _OWNERS_OF_ROLES) or (i == 0 and spoken_of)
        return word in _PEOPLE or word.removesuffix("'s") in _PEOPLE or (
            i >= 0 and _an_age_noun(words, i)) or (spoken_of and word in _ADDRESS_OR_PERSON)

    def only_whose(i: int) -> bool:
        word = words[i]
        if word in _WHOSE_WORDS and any(
            a_person(words[j], j) for j in range(i + 1, min(len(words), i + 6))
            if j < i + 3 or _an_age_noun(words, j)
        ):
            return True  # "my wife", "me old mum", "my 15 year old"
        if word in _WHOSE_WORDS and i >= 2 and words[i - 1] in _GROUP_LINKS and any(
            a_person(words[j]) and words[j] not in _HIM_OR_HER
            for j in range(max(0, i - 4), i - 1)
        ):
            return True  # "a lady in my class", "a man at my work", "a guy on my team"
        before = words[max(0, i - 2) : i]
        after = words[i + 1 : i + 2]
        # ("the friend I'm travelling with": a clause about them, closed by its preposition)
        about_them = not (set(after) & _WRITER_STATES) or words[i + 3 : i + 4] in (
            [w] for w in _CLAUSE_PREPOSITIONS)
        return word == "i" and bool(before) and about_them and (
            a_person(before[-1], i - 1) or (before[-1] in _RELATIVES and len(before) > 1
                                            and a_person(before[-2], i - 2))
        )

    # "my vagina and bottom feel numb": the writer's own body names the writer
    # "she's staying with me": the writer as an object names no one a sign is said of
    writer = any(
        # ("Husband collapsed in our hotel": a place shared names no sign of the writer's)
        (w in _FIRST_PERSON or w in _WHOSE_WORDS - _SHARED_WHOSE) and not only_whose(i)
        and not (w in _ME_WORDS and i > 0 and words[i - 1] in _OBJECT_MARKERS)
        and not _the_writer_caring(tokens, words, i)
        for i, w in enumerate(words)
    )
    return writer, any(
        a_person(w, i) and not in_a_likeness(words[:i])
        and not the_writer_as(words[max(0, i - 4) : i])
        # "intimate with my wife, then couldn't feel", "g'day mate": no one the sign is of
        and not a_companion(words[max(0, i - 4) : i]) and not a_greeting(tokens.doc, tokens[i].i)
        for i, w in enumerate(words)
    )


def _the_writer_caring(tokens: Span, words: list[str], i: int) -> bool:
    """The writer's "I" at ``i`` only as the one who cares for someone: in a clause of care
    after them ("a client I look after"), before a verb of care and the one cared for ("I
    care for an elderly man who ...", "I look after my nan"), or saying their job ("I'm a
    carer", "I work as a support worker"): it names no sign of the writer's."""
    if words[i] not in _I_WORDS:
        return False
    if in_a_carers_clause(tokens.doc, tokens[i].i):
        return True
    after = words[i + 1 : i + 6]
    if after[:1] and after[0] in _CARE_VERBS and any(
        w in CARED_FOR or w in _PEOPLE for w in after[1:]
    ):
        return True
    job = [w for w in after if w not in _JOB_FILLERS]
    return bool(job) and job[0] in _CARER_JOBS and len(after) > len(job)


def _an_age_noun(words: list[str], i: int) -> bool:
    """A person named by their age ("my 15 year old", "our 9yo"), not a thing of the
    writer's ("my 40 year old back")."""
    word = words[i]
    before = [w for w in words[max(0, i - 4) : i] if w != "-"]
    if words[i + 1 : i + 2] and words[i + 1] in _NOT_A_PERSON or not (
        set(before) & _OWNERS  # "my 15 year old"; not "68 year old, had a fall": the writer
    ):
        return False
    if re.fullmatch(r"\d{1,2}(yo|y/o)", word):
        return True
    if word not in _AGE_NOUNS or not before:
        return False
    if before[-1].isdigit():
        return word != "old"  # "our 9 yo"
    return len(before) >= 2 and before[-1] in _YEAR_WORDS and before[-2].isdigit()


_AGE_NOUNS = _WORDS["age_nouns"]
_YEAR_WORDS = _WORDS["year_words"]
_NOT_A_PERSON = _WORDS["not_a_person_after_age"]
_ME_WORDS = _WORDS["me_words"]
_OWNERS = _WORDS["age_owners"]
_ADDRESS_OR_PERSON = _WORDS["address_or_person"]
_HIM_OR_HER = _WORDS["him_or_her"]
_HIS_OR_THEIR = _WORDS["his_or_their"]
_NOT_BODY = _WORDS["not_the_body_after"]
_WHEN_WORDS = _WORDS["back_in_when"]
#: Between a person and "my": the group they are named by ("a lady in my class").
_GROUP_LINKS = _WORDS["group_links"]


#: The writer's words that say whose someone is ("my wife", "me mum").
_WHOSE_WORDS = _WORDS["whose_words"]
#: The writer's word shared with others ("our hotel"): a place, not the writer's sign.
_SHARED_WHOSE = _WORDS["shared_whose"]
#: Words after "I" that say the writer's own state ("Mate, I'm leaking"), not a clause
#: about the person just named ("the guy I work with").
_WRITER_STATES = _WORDS["writer_states"]
#: Words that open a clause about the person just named ("the guy that I work with").
_RELATIVES = _WORDS["relatives"]
#: Closing a clause about the person just named ("the friend I'm travelling with").
_CLAUSE_PREPOSITIONS = _WORDS["clause_prepositions"]


def said_of_someone_else(span: Span) -> bool:
    """Whether someone else, and not the writer, is named before ``span`` in its sentence
    (and the sign itself says nothing of the writer: "better off if i was gone"), or, in
    a sentence naming no one, in the sentence before it."""
    doc = span.doc
    if span.start > 0 and _n(doc[span.start - 1]) in _HIS_OR_THEIR or _n(span[0]) in _HIS_OR_THEIR:
        return True  # "I'm with my dad now, his leg has gone weak": his body, not the writer's
    if span.start > 0 and _bare_possessive(_n(doc[span.start - 1])) and _n(span[0]) in _BODY_OWNED:
        return True  # "neighbours leg is getting weaker": hers, the apostrophe left out
    sentence = _sentence(span)
    writer, other = _named_in(doc[sentence.start : span.end])
    if writer:
        return False  # "me and my husband ...", "my wife says I ...": the writer's
    if other or sentence.start == 0:
        return other
    before = _sentence(span.doc[sentence.start - 1 : sentence.start])
    writer, other = _named_in(before)
    return other and not writer


def _bare_possessive(word: str) -> bool:
    """A person's possessive typed without its apostrophe, just before their body
    ("neighbours leg", "sisters foot"); not a word that greets the reader ("guys")."""
    stem = word[:-1]
    return word.endswith("s") and len(stem) > 2 and stem in _PEOPLE and not (
        word in _NOT_POSSESSIVE or stem in _NOT_POSSESSIVE)


_NOT_POSSESSIVE = _WORDS["not_possessive"]
_BODY_OWNED = _WORDS["body_owned"]


def introduces_themselves(span: Span) -> bool:
    """Whether the writer named themselves by who they are ("grandad here, 79, missed the
    last step", "mum here", "67 yr old bloke, sudden pain ..."): their own sign, not
    someone else's."""
    doc = span.doc
    return any(
        _n(t) in _OTHERS | _PEOPLE | _ROLE_PEOPLE  # "chemo patient here", "volunteer here"
        and t.i + 1 < len(doc) and _n(doc[t.i + 1]) == "here"
        # (not when someone else is named after it: "carer here, the man I support ...")
        and not {_n(o) for o in doc[t.i + 2 : span.start]} & (_PEOPLE | CARED_FOR)
        for t in doc[: span.start]
    ) or _opens_with_an_age(span)


def unmasked_as_the_writer(doc: Doc) -> bool:
    """Whether the message says the other person it named is the writer ("asking for a
    friend ... the friend is me", "my mate (ok, the mate is actually me)"): every sign
    said of them is the writer's own."""
    words = [_n(t) for t in doc]
    for i, word in enumerate(words):
        if word not in _ME_WORDS or i < 2:
            continue
        j = i - 1
        while j > 0 and words[j] in _UNMASK_FILLERS:
            j -= 1
        if words[j] not in _UNMASK_IS or j < 2:
            continue
        named = words[j - 1]  # "the friend is me", or "the pal is me" after "for a pal"
        if named in _PEOPLE_ALL or (words[j - 2] == "the" and named in words[: j - 2]):
            return True
    return False


def _an_age(word: str) -> bool:
    return re.fullmatch(r"(1[6-9]|[2-9]\d|10\d)(yo|yr|yrs|m|f)?", word) is not None


def _opens_with_an_age(span: Span) -> bool:
    """The message opens with the writer's age and a plain word for a person, no one's
    ("67 yr old bloke, ...", "hi, 70 year old man here", "woman, 71, ..."): who the
    writer is, not someone else ("80 yr old woman next door fell" is not)."""
    words = [_n(t) for t in span.doc[:_OPENING_REACH]]
    start = 0
    while start < len(words) and words[start] in _OPENING_GREETINGS:
        start += 1
    noun = next((i for i in range(start, len(words)) if words[i] in _SELF_NOUNS), None)
    if noun is None:
        return False
    before, after = words[start:noun], words[noun + 1 : noun + 3]
    if not after or after[0] not in _INTRO_ENDS:
        return False
    if not before:  # "woman, 71, ...", "bloke (67) ..."
        return len(after) > 1 and _an_age(after[1])
    # ("im 71, bloke, ...": the writer's own "I'm" and commas around the age)
    return any(_an_age(w) for w in before) and all(
        _an_age(w) or w in _AGE_PIECES or w in _INTRO_SELF for w in before)


_UNMASK_IS = _WORDS["unmask_is"]
_UNMASK_FILLERS = _WORDS["unmask_fillers"]
_PEOPLE_ALL = _OTHERS | _PEOPLE

#: How far into a message its opening introduction may reach.
_OPENING_REACH = 10
_SELF_NOUNS = _WORDS["self_nouns"]
_AGE_PIECES = _WORDS["age_pieces"]
_INTRO_SELF = _WORDS["intro_self"]
_INTRO_ENDS = _WORDS["intro_ends"]
_OPENING_GREETINGS = _WORDS["opening_greetings"]

_ROLE_BEFORE = _WORDS["writer_roles_before"]
_ROLE_ARTICLES = _WORDS["role_articles"]


def a_role_of_the_writer(span: Span) -> bool:
    """Whether the person named nearest before ``span`` in its clause is what the writer
    is ("I'm a mum of 3 and my legs went numb", "as a papa of two I can't feel my feet"),
    not someone else."""
    for token in _clause_before(span, window=8):
        if _n(token) not in _OTHERS:
            continue
        i = token.i - 1
        while i >= 0 and _n(span.doc[i]) in _ROLE_ARTICLES and token.i - i <= 3:
            i -= 1
        return i < token.i - 1 and i >= 0 and _n(span.doc[i]) in _ROLE_BEFORE
    return False


_OLDER = _WORDS["older"]
_BACK_TO = _WORDS["pointing_back"]
_ROLE_PEOPLE = _WORDS["role_people"]
_ROLE_POINTERS = _WORDS["role_pointers"]
_ROLE_THINGS = _WORDS["role_things"]
_ROLE_OBJECTS = _WORDS["role_objects"]
_ROLE_COUNTS = _WORDS["role_counts"]
_CARE_VERBS = CARE_VERBS
_I_WORDS = _WORDS["i_words"]
_JOB_FILLERS = _WORDS["job_fillers"]
_CARER_JOBS = _WORDS["carer_jobs"]
_OWNERS_OF_ROLES = _WORDS["owners_of_roles"]


def an_older_person_in(span: Span) -> bool:
    """Whether the sentence of ``span`` names an older person: an age of 65 or more, "in
    her 80s", "elderly", a grandparent; or the sentence before does and this one points
    back to them before the sign ("My nan is 88. She fell in the garden")."""
    sentence = _sentence(span)
    parts = [sentence]
    if sentence.start > 0 and {_n(t) for t in span.doc[sentence.start : span.start]} & _BACK_TO:
        parts.append(_sentence(span.doc[sentence.start - 1 : sentence.start]))
    for token in (t for part in parts for t in part):
        word = _n(token)
        if word in _OLDER or (word.isdigit() and 65 <= int(word) <= 109):
            return True
    return False


_DISTRESS = _WORDS["their_distress"]
_NOT_PAIN = NEGATION_NORMS | {"no", "without", "free"}


def their_distress_in(span: Span) -> bool:
    """Whether the sentence of ``span`` speaks of pain or distress now ("she can't get up
    off the sofa for the pain", "screamed and won't move")."""
    return any(_n(token) in _DISTRESS for token in _sentence(span))


_PAIN_NOW = _WORDS["their_pain_now"]


def their_pain_now_in(span: Span) -> bool:
    """Whether the sentence of ``span`` tells of their pain now, not denied ("crying in
    pain", "screaming when we try to move her"; not "no pain at all")."""
    sentence = _sentence(span)
    doc = span.doc
    return any(
        _n(t) in _PAIN_NOW
        and not {_n(p) for p in doc[max(sentence.start, t.i - 3) : t.i]} & _NOT_PAIN
        for t in sentence
    )


def their_back_in(span: Span) -> bool:
    """Whether the sentence of ``span``, or the next one, speaks of a back that is not the
    writer's ("says his back is agony", "Now she's in a lot of back pain"; not "and my
    back is sore from helping")."""
    doc = span.doc
    sentence = _sentence(span)
    around = [sentence]
    if sentence.end < len(doc):
        around.append(_sentence(doc[sentence.end : sentence.end + 1]))
    if sentence.start > 0:  # "Mum had back surgery last week. Tonight she's feverish"
        around.append(_sentence(doc[sentence.start - 1 : sentence.start]))
    return any(not writers for writers in _backs_in(around))


def _back_in_time(token: Token) -> bool:
    """ "back in '09", "back in march", "back in the day": a time, not the body."""
    doc = token.doc
    after = [_n(t) for t in doc[token.i + 1 : token.i + 4]]
    return len(after) > 1 and after[0] == "in" and (
        after[1] in _WHEN_WORDS or any(c.isdigit() for c in after[1])
        or (after[1] == "'" and len(after) > 2 and after[2].isdigit())
        or (after[1] == "the" and len(after) > 2 and after[2] in _WHEN_WORDS)
    )


def _backs_in(parts: list[Span]) -> Iterator[bool]:
    """For each back named in ``parts``, whether it is the writer's ("my back")."""
    for part in parts:
        for token in part:
            nxt = _n(part.doc[token.i + 1]) if token.i + 1 < len(part.doc) else ""
            if _n(token) in _BACK_WORDS and not (
                _n(token) == "back" and (nxt in _NOT_BODY or _back_in_time(token))
            ):
                yield _the_writers(part.doc[max(part.start, token.i - 3) : token.i])


def the_writers_back_in(span: Span) -> bool:
    """Whether the sentence of ``span`` names the writer's own back ("felt a crack in my
    back")."""
    return any(writers for writers in _backs_in([_sentence(span)]))


def _the_writers(before: Span) -> bool:
    """A writer's word just before a back makes it theirs ("my back", "me bad back"),
    unless someone else comes after it ("my brother had back surgery")."""
    words = [_n(t) for t in before]
    last = max((i for i, w in enumerate(words) if w in _WRITERS), default=None)
    if last is None:
        return False
    return not any(w in _PEOPLE or w.removesuffix("'s") in _PEOPLE for w in words[last + 1 :])


_MESSAGES_SENT = _WORDS["messages_sent"]
_QUOTE_MARKS = _WORDS["quote_marks"]


def sent_by_someone_else(span: Span) -> bool:
    """Whether ``span`` stands in words someone else sent the writer, quoted just after
    "texted me" ("he texted me 'mind the kids for me, I'm finished'", "my sister messaged
    me: I won't be here"): their "I", not the writer's."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and _n(doc[i]) in _QUOTE_MARKS:
        i -= 1
    if i < 1 or _n(doc[i]) not in _ME_WORDS | {"me"} or _n(doc[i - 1]) not in _MESSAGES_SENT:
        return False
    sentence = _sentence(span)
    writer, other = _named_in(doc[sentence.start : i - 1])
    if not (writer or other) and sentence.start > 0:  # "My dad is off work. He texted me ..."
        writer, other = _named_in(_sentence(doc[sentence.start - 1 : sentence.start]))
    return other and not writer


def things_no_longer_needed(span: Span) -> bool:
    """A sign ending "needing them" with no one else spoken of in its sentence ("won't be
    needing them"): the "them" is things, not people (not "he said he won't need them")."""
    return len(span) > 1 and _n(span[-1]) == "them" and _n(span[-2]) in _THINGS_NEEDED and (
        not {_n(t) for t in _sentence(span)} & _OTHERS_IN_SENTENCE)


_THINGS_NEEDED = _WORDS["things_needed"]
_OTHERS_IN_SENTENCE = _WORDS["others_in_sentence"]
