"""Scope rules over a mention: its clause and sentence, whether it is hedged, negated,
denied or reassured, and whether it is about someone else."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from bot.nlu.negation import (
    AFFIRMATIVE_WORDS,
    REASSURANCE_WORDS,
    contains_cue,
    negation_cue_before,
)
from bot.nlu.red_flags import vocabulary as RV

# --------------------------------------------------------------------------------------
# word lists used by the scope rules
# --------------------------------------------------------------------------------------
#: Clause breaks for hedges/experiencers (commas are crossed).
_BREAKS = frozenset(
    {".", ";", ":", "!", "?", "(", ")", "\n", "but", "although", "though", "however", "yet",
     "whereas", "except", "-", "–", "—", "apart"}
)


#: Words between a negation cue and a span that end the cue's scope.
_SCOPE_STOPS = frozenset(
    {"because", "since", "so", "when", "until", "till", "after", "which", "who", "due", "as",
     "though", "then", "whenever", "unless", "except", "cause", "'cause", "coz", "cos"}
)


#: After "and"/"or", these start a new clause ("no fever and i can't pee").
_NEW_SUBJECT = frozenset(
    {"i", "im", "it", "its", "now", "then", "today", "suddenly", "also", "recently", "lately",
     "this", "yesterday", "my", "we", "she", "he", "they", "there"}
)


#: Verbs right after a negation cue that take the negation for themselves
#: ("can't sleep because of the night sweats").
_BLOCKING = frozenset(
    {"sleep", "sleeping", "slept", "walk", "walking", "move", "moving", "stand", "standing",
     "sit", "sitting", "bend", "bending", "work", "working", "eat", "eating", "lie", "lying",
     "lift", "lifting", "turn", "turning", "drive", "driving", "stop", "stopped", "cope",
     "coping", "concentrate", "function", "go", "going", "help", "helping", "ease", "eases",
     "easing", "settle", "settled", "matter", "know", "believe", "care", "understand",
     "idea", "longer", "get", "relax", "rest", "resting", "exercise", "train", "run",
     "focus", "mind", "like", "appetite", "energy", "reason", "explanation", "clue",
     "wonder", "surprise", "doubt", "joke"}
)


#: Pre-cues the generic helper does not know ("nothing like numbness", "ruled out cancer").
_EXTRA_CUES = frozenset({"nothing", "nope", "nil", "denies", "deny", "denied", "free", "ruled"})


_FIRST_PERSON = frozenset({"i", "me", "myself", "im", "i'm", "meself"})


#: After a negation cue these make it about noticing, not about the symptom.
_AWARENESS = frozenset(
    {"realise", "realize", "realised", "realized", "notice", "noticed", "aware", "feel", "felt"}
)


_OTHERS = frozenset(
    {"mum", "mom", "mam", "mummy", "mother", "dad", "daddy", "father", "brother", "sister",
     "wife", "husband", "partner", "son", "daughter", "aunt", "auntie", "aunty", "uncle", "nan",
     "nana", "nanna", "gran", "granny", "grandma", "grandmother", "grandad", "granddad",
     "grandpa", "grandfather", "cousin", "friend", "friends", "mate", "mates", "colleague",
     "boss", "neighbour", "neighbor", "dog", "cat", "family", "relative", "relatives", "niece",
     "nephew", "kid", "kids", "child", "children", "baby", "boyfriend", "girlfriend",
     "someone", "somebody", "people", "fiancé", "fiance", "fiancee", "stepdad", "stepmum",
     "bf", "gf", "hubby", "missus", "grandparents", "parents", "parent", "he", "she", "him",
     "her", "sibling", "siblings", "coworker", "folks",
     # possessives typed without the apostrophe ("my partners on methotrexate")
     "partners", "wifes", "husbands", "mums", "moms", "mams", "dads", "sons", "daughters",
     "brothers", "sisters", "nans", "grans", "boyfriends", "girlfriends", "hubbys", "aunts",
     # people cared for at work ("deal with incontinent residents all day")
     "residents", "patients", "clients", "customers", "pupils", "elderly",
     # the youngest, and more family
     "toddler", "toddlers", "toddlers'", "infant", "grandson", "granddaughter", "grandkids",
     "grandchild", "grandchildren", "twins", "wifey", "stepson", "stepdaughter"}
)


_HEDGE_WORDS = frozenset(
    {"might", "maybe", "mayb", "perhaps", "possibly", "potentially", "unsure", "uncertain",
     "dunno", "idk", "wondering", "wonder", "wondered", "if", "whether", "guess", "suppose",
     "unclear", "question", "case", "hmm", "possible"}
)


_MAY_NEXT = frozenset(
    {"be", "have", "been", "feel", "get", "need", "also", "just", "actually", "possibly",
     "slightly", "a", "a_bit", "well"}
)


_COULD_NEXT = frozenset({"be", "have", "it", "this", "that", "possibly", "also", "just"})


_WORRY = frozenset(
    {"worried", "worry", "worrying", "scared", "afraid", "concerned", "fear", "frightened",
     "terrified", "paranoid", "anxious", "fearing", "worries"}
)


_WORRY_NEXT = frozenset({"it", "'s", "this", "could", "might", "may", "about", "of", "its"})


_IS_IT = frozenset(
    {"normal", "ok", "okay", "common", "usual", "possible", "bad", "serious", "dangerous",
     "worrying", "concerning", "likely"}
)


_POST_HEDGES = frozenset(
    {"maybe", "perhaps", "possibly", "unsure", "idk", "dunno", "probably", "might"}
)


_QUESTION_STARTS = frozenset(
    {"is", "are", "am", "was", "were", "does", "do", "did", "could", "can", "should", "would",
     "will", "might", "may", "has", "have", "any", "anyone", "normal", "isnt", "shall", "what",
     "whats", "r", "ca", "wo"}
)


# --------------------------------------------------------------------------------------
# scope rules
# --------------------------------------------------------------------------------------
def _n(token: Token) -> str:
    return token.norm_.strip() or "\n"


def _is_break(token: Token) -> bool:
    text = _n(token)
    return text in _BREAKS or (token.is_punct and text not in {",", "/", "&", "'", '"'})


def _clause_before(span: Span, window: int = 8) -> list[Token]:
    """Tokens before ``span`` in its clause (commas crossed), nearest first."""
    doc = span.doc
    out: list[Token] = []
    words = 0
    i = span.start - 1
    while i >= 0 and words < window:
        token = doc[i]
        if _is_break(token):
            break
        if _n(token) in _SCOPE_STOPS:
            break
        if (
            _n(token) in {"and", "or", ","}
            and i + 1 < span.start
            and _n(doc[i + 1]) in _NEW_SUBJECT
        ):
            break
        out.append(token)
        if not token.is_punct:
            words += 1
        i -= 1
    return out


def _clause_after(span: Span, window: int = 4) -> list[Token]:
    doc = span.doc
    out: list[Token] = []
    i = span.end
    while i < len(doc) and len(out) < window:
        token = doc[i]
        if _is_break(token):
            break
        out.append(token)
        i += 1
    return out


def _sentence(span: Span) -> Span:
    doc = span.doc
    start = span.start
    while start > 0 and _n(doc[start - 1]) not in {".", "!", "?", "\n"}:
        start -= 1
    end = span.end
    while end < len(doc) and _n(doc[end]) not in {".", "!", "?", "\n"}:
        end += 1
    return doc[start : min(len(doc), end + 1)]


def _is_other_person(span: Span) -> bool:
    """True if the mention is about someone else ("my mum had breast cancer"), unless the
    mention itself is about the speaker ("my family would be better off without me")."""
    if _words(span) & _FIRST_PERSON:
        return False
    for token in _clause_before(span, window=8):
        word = _n(token)
        if word in _FIRST_PERSON:
            return False
        if word in _OTHERS:
            # "me and the wife": the speaker is part of the subject.
            joint = _words(span.doc[max(0, token.i - 3) : token.i])
            return not ("and" in joint and joint & _FIRST_PERSON)
    after = " ".join(_n(t) for t in _clause_after(span, window=5))
    return "in the family" in after or "in my family" in after or "runs in" in after


def _is_hedged(span: Span) -> bool:
    """True if the mention is hedged, hypothetical or asked about."""
    before = _clause_before(span, window=8)
    doc = span.doc
    if _words(span) & {"might", "maybe", "perhaps", "possibly"}:
        return True
    for token in before:
        word = _n(token)
        nxt = _n(doc[token.i + 1]) if token.i + 1 < len(doc) else ""
        prev = _n(doc[token.i - 1]) if token.i > 0 else ""
        if word in _HEDGE_WORDS:
            return True
        if word == "may" and nxt in _MAY_NEXT:
            return True
        if word == "could" and nxt in _COULD_NEXT:
            return True
        if word == "sure" and prev in {"not", "no", "never", "unsure", "'m", "am"}:
            return True
        if word in {"think", "know", "tell", "remember", "recall"} and prev in {
            "not",
            "dont",
            "never",
        }:
            if word in {"know", "tell"} and nxt not in {"if", "whether"}:
                continue
            return True
        if word in _WORRY and nxt in _WORRY_NEXT:
            return True
        if word == "it" and prev in {"is", "'s", "s"} and nxt in _IS_IT:
            return True
        if word in _IS_IT and prev == "it":
            return True
    for token in _clause_after(span, window=4):
        if _n(token) in _POST_HEDGES:
            return True
    sentence = _sentence(span)
    if len(sentence) and _n(sentence[-1]) == "?" and _n(sentence[0]) in _QUESTION_STARTS:
        between = doc[sentence.start : span.start]
        if not any(_n(t) == "," for t in between):
            return True
    return False


def _object_of_preposition(cue: Token) -> bool:
    """"tripping over nothing", "worrying about nothing": an object, not a denial."""
    doc = cue.doc
    return (
        _n(cue) in {"nothing", "nothin"}
        and cue.i > 0
        and _n(doc[cue.i - 1]) in {"over", "about", "for", "from", "at", "on"}
    )


#: "can't cope with the incontinence": what cannot be borne is there.
_BEAR = frozenset({"deal", "cope", "handle", "stand", "bear"})


def _cannot_bear(doc: Doc, cue_index: int, span_start: int) -> bool:
    return any(_n(t) in _BEAR for t in doc[cue_index + 1 : span_start])


def _negated(span: Span) -> bool:
    """Negated by a preceding cue (in scope) or a following reassurance."""
    doc = span.doc
    if _denied_noticing(span) or _denied_after(span):
        return True
    if not contains_cue(span):
        cue = negation_cue_before(span, window=5)
        if cue is None:
            # "not feeling low or having any dark thoughts": a denial carried by "or"
            far = negation_cue_before(span, window=9)
            if far is not None and _words(doc[far.i + 1 : span.start]) & {"or", "nor"}:
                cue = far
        if (
            cue is not None
            and not _scope_broken(doc, cue.i, span.start)
            and not _object_of_preposition(cue)
            and not _cannot_bear(doc, cue.i, span.start)
        ):
            return True
        if _reassured_after(span):
            return True
    for token in _clause_before(span, window=5):
        word = _n(token)
        if word in _EXTRA_CUES and not _scope_broken(doc, token.i, span.start):
            if _object_of_preposition(token):
                continue
            if word == "free" and not (token.i + 1 < len(doc) and _n(doc[token.i + 1]) == "of"):
                continue
            if word == "ruled" and not (token.i + 1 < len(doc) and _n(doc[token.i + 1]) == "out"):
                continue
            return True
    after = [_n(t) for t in _clause_after(span, window=4)]
    return "ruled" in after and "out" in after


#: "haven't seen anyone about the numbness": the seeking or telling is negated.
_REPORTING = frozenset(
    {"about", "seen", "told", "tell", "telling", "asked", "ask", "mentioned", "mention",
     "spoken", "spoke", "talked", "talk", "rung", "rang", "phoned", "called", "booked",
     "contacted", "reported", "report", "discussed", "checked", "bothered", "sure"}
)


#: "no improvement in the numbness": a negated change, the symptom is there.
_CHANGE_WORDS = frozenset(
    {"improvement", "improvements", "improving", "improved", "difference", "better",
     "progress", "relief", "easing", "reduction", "less", "letup", "end"}
)


def _negated_change(tokens: Span) -> bool:
    """"improvement in", "change in my ...": what is denied is a change, not the symptom."""
    doc = tokens.doc
    for token in tokens:
        word = _n(token)
        if word in _CHANGE_WORDS:
            return True
        if (
            word in {"change", "changes"}
            and token.i + 2 < len(doc)
            and _n(doc[token.i + 1]) == "in"
            and _n(doc[token.i + 2]) in {"my", "the", "this"}
        ):
            return True
    return False


#: "not noticed any weakness": a denial.  "didn't notice i'd wet myself": the event happened.
_NOTICE = frozenset({"notice", "noticed", "noticing", "spotted"})


_NOTICED_EVENT = frozenset(
    {"i", "i'd", "id", "'d", "d", "it", "that", "when", "if", "how", "until", "till", "me",
     "myself", "im", "i'm", "am", "'m", "was", "had", "have", "'ve", "been", "were", "til",
     "about", "for", "anyone", "anybody", "someone", "doctor", "gp", "nurse", "whether"}
)


#: After a symptom: an answer denying it ("weakness? nothing like that").
_DENIALS_AFTER: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "nothing like that", "nothing like it", "nothing of the sort", "nothing of that sort",
        "none of that", "not noticed", "never noticed", "have not noticed",
        "has not noticed", "not that i have noticed", "not that i noticed",
        "can not say i have", "cannot say i have", "can not say i have noticed",
        "have not had that", "have not had any", "not had any",
    )
)


_DENIAL_FILLER = frozenset(
    {",", "-", "–", "—", "?", "or", "anything", "owt", "at", "all", "etc", "stuff", "/", "like",
     "that", "no", "nope", "nah", "any"}
)


_DENIAL_OBJECT = frozenset(
    {"any", "anything", "it", "that", "at", "all", "myself", "personally", "so", "far", "yet"}
)


_DENIAL_END = frozenset(
    {"thankfully", "tbh", "honestly", "lol", "though", "really", "just", "anyway", "luckily",
     "either", "recently", "lately", "fortunately", "no", "nope", "and", "but", "thank",
     "touch", "ta", "thanks", "x", "xx"}
)


def _denied_noticing(span: Span) -> bool:
    """"not noticed any weakness", "can't say i've noticed my legs giving way"."""
    doc = span.doc
    for token in _clause_before(span, window=8):
        if _n(token) not in _NOTICE:
            continue
        between = doc[token.i + 1 : span.start]
        if _words(between) & _NOTICED_EVENT or _negated_change(between):
            return False
        for k in range(token.i - 1, max(-1, token.i - 5), -1):
            if _is_break(doc[k]):
                break
            if _n(doc[k]) in RV.NEGATION_NORMS or doc[k].lower_ in RV.NEGATION_NORMS:
                return True
        return False
    return False


def _denied_after(span: Span) -> bool:
    """A symptom echoed and denied: "any weakness? nothing like that", "numbness - not
    noticed any"; not "nothing like that before" (a first time)."""
    doc = span.doc
    i, skipped = span.end, 0
    while i < len(doc) and _n(doc[i]) in _DENIAL_FILLER and skipped < 5:
        i += 1
        skipped += 1
    norms = [_n(t) for t in doc[i : i + 8]]
    for phrase in _DENIALS_AFTER:
        if tuple(norms[: len(phrase)]) == phrase:
            j = i + len(phrase)
            while j < len(doc) and _n(doc[j]) in _DENIAL_OBJECT:
                j += 1
            if j >= len(doc) or _is_break(doc[j]) or doc[j].is_punct:
                return True
            return _n(doc[j]) in _DENIAL_END
    return False


def _reassured_after(span: Span, window: int = 4) -> bool:
    """A reassurance follows in the clause ("bladder and bowels are fine").

    Unlike :func:`bot.nlu.negation.negated_after`, a negated complaint verb does not count:
    "i wet myself and couldn't feel it" is not a denial.
    """
    previous = ""
    for token in _clause_after(span, window):
        word = _n(token)
        if word in {",", "and", "but", "or"} or word in AFFIRMATIVE_WORDS:
            return False
        if word in RV.NEGATION_NORMS:
            return False
        if word in REASSURANCE_WORDS and previous != "for":  # "gone for good": for ever
            return True
        previous = word
    return False


def _told_a_diagnosis(between: Span) -> bool:
    """"never been told I have cancer", "no one ever told me I had it": what is denied is
    the diagnosis, not only the telling ("haven't told anyone about the numbness")."""
    words = [_n(t) for t in between]
    if words and words[-1] in {"said", "mentioned", "diagnosed"}:
        return True  # "nobody's ever said cancer"
    for k, word in enumerate(words):
        if word != "told":
            continue
        passive = k > 0 and words[k - 1] in {"been", "was", "were", "being"}
        rest = words[k + 1 : k + 4]
        about_me = bool(rest) and rest[0] in {"i", "me", "that"} and bool(
            set(rest) & {"have", "had", "has", "ve", "was", "got"}
        )
        if passive or about_me:
            return set(words) & _REPORTING == {"told"}
    return False


def _scope_broken(doc: Doc, cue_index: int, span_start: int) -> bool:
    between = doc[cue_index + 1 : span_start]
    # "nothing like cancer in my history" denies it (not "don't like the numbness")
    nothing_like = _n(doc[cue_index]) in {"nothing", "nothin"} and _words(between[:1]) == {"like"}
    if len(between) and _n(between[0]) in _BLOCKING and not nothing_like:
        return True
    # "no improvement in my leg weakness": the change is denied, not the symptom;
    # "haven't told anyone about the numbness": the telling is denied
    reported = _words(between) & _REPORTING and not _told_a_diagnosis(between)
    if _negated_change(between) or reported:
        return True
    # "didn't even realise i'd wet myself": the person didn't notice, the symptom is there.
    if any(_n(token) in _AWARENESS for token in between):
        return True
    for k, token in enumerate(between):
        word = _n(token)
        if word in _SCOPE_STOPS:
            return True
        if word in {"and", "or"} and k + 1 < len(between) and _n(between[k + 1]) in _NEW_SUBJECT:
            return True
    return False


# --------------------------------------------------------------------------------------
# per-category exclusions (plain words in context, after matching)
# --------------------------------------------------------------------------------------
def _words(tokens: Iterable[Token]) -> set[str]:
    return {_n(t) for t in tokens}
