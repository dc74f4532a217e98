"""Deterministic red-flag detector for low back pain messages (NICE CKS/NG59, BMJ BP).

:func:`find_red_flags` lists every red-flag mention in a message with its status
(present, negated or uncertain); :func:`assess` turns them into one verdict:
``urgent`` if any mention is present, else ``clarify`` if any is uncertain (hedged:
"I might have a slight temperature?"), else ``none``.

It reuses the Backstep pipeline's vocabulary and tokenizer (:func:`get_nlp`) and the
generic negation helper (:mod:`bot.nlu.negation`), with a cached spaCy ``Matcher``
built lazily from :mod:`bot.nlu.red_flag_patterns`.  Tokens are matched on a
spelling-normalised ``NORM`` (known misspellings plus a small edit-distance check), so
"blader", "bowles", "temprature" and "osteoperosis" are caught.

A second ``Matcher`` finds context markers (:data:`RP.CONTEXT`): a symptom with a
resolution marker in its sentence is past ("had a fever last winter, long gone"), unless
it recurs or is a lasting history (cancer, thin bones, steroids, immunosuppression,
injecting); jelly legs after the gym or a numb bum on the bike are explained; and the
person's own age of 65+ with a minor fall is a fracture red flag.

Both functions never raise: unusable input gives no hits (and a logged exception).
"""

from __future__ import annotations

import datetime
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from bot.nlu import red_flag_patterns as RP
from bot.nlu.negation import (
    AFFIRMATIVE_WORDS,
    REASSURANCE_WORDS,
    contains_cue,
    negation_cue_before,
)
from bot.nlu.pipeline import clean_text, get_nlp

logger = logging.getLogger(__name__)

CATEGORIES: tuple[str, ...] = RP.CATEGORIES

Status = Literal["present", "negated", "uncertain"]
Level = Literal["urgent", "clarify", "none"]


@dataclass(frozen=True)
class RedFlagHit:
    """One red-flag mention: its category, status and character span."""

    category: str
    status: Status
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RedFlagVerdict:
    """The decision for a whole message."""

    level: Level
    category: str | None  # most urgent category at that level
    hits: tuple[RedFlagHit, ...]


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
_PAIN_CONTEXT = frozenset(
    {"pain", "pains", "painful", "hurts", "hurt", "hurting", "agony", "sore", "ache", "aches",
     "aching", "spasm", "spasms", "stiff", "because", "cos", "coz", "due", "too", "sciatica",
     "excruciating", "agonising", "agonizing"}
)
_MECHANICAL = frozenset(
    {"turn", "turning", "turned", "roll", "rolling", "rolled", "move", "moving", "moved",
     "sit", "sitting", "sofa", "couch", "tv", "mattress", "position", "positions", "stomach",
     "twist", "twisting", "shift", "shifting", "chair", "watching", "when", "if", "lie",
     "lying", "side"}
)
_NIGHT_WORDS = frozenset(
    {"night", "overnight", "nighttime", "night-time", "nite", "wakes", "woke", "waking",
     "wakening", "woken", "wake", "waken", "wakened", "awoken", "awakened", "3am", "2am", "4am"}
)
_INTENTIONAL = frozenset(
    {"diet", "dieting", "diets", "slimming", "calorie", "calories", "gym", "exercise",
     "exercising", "keto", "fasting", "ozempic", "mounjaro", "wegovy", "weightwatchers",
     "purpose", "deliberately", "intentionally", "trying", "tried", "try", "want", "wanted",
     "need", "needed", "should", "meant", "plan", "goal", "hoping", "hope", "happy", "pleased",
     "proud", "glad", "baby", "pregnancy", "running", "swimming", "healthy", "healthier",
     "surgery", "bypass", "band", "jab", "tirzepatide", "semaglutide", "cutting", "cut",
     "diabetes", "metformin", "workouts", "workout", "aim", "aiming", "target"}
)
_UNINTENTIONAL = frozenset(
    {"without", "unexplained", "unintentional", "unintentionally", "unintended", "unexpected",
     "unexpectedly", "mysteriously", "somehow", "reason", "explanation", "idea", "why"}
)
_STEROID_ROUTES = frozenset(
    {"injection", "injections", "injected", "inject", "jab", "jabs", "shot", "shots",
     "inhaler", "inhalers", "inhaled", "cream", "creams", "nasal", "spray", "sprays", "drops",
     "gel", "ointment", "epidural", "topical", "anabolic", "short", "course", "puffer",
     "facet", "nerve", "root", "block"}
)
_INJECT_BENIGN = frozenset(
    {"insulin", "ozempic", "mounjaro", "wegovy", "saxenda", "b12", "heparin", "fragmin",
     "clexane", "enoxaparin", "vitamin", "testosterone", "hrt", "fertility", "epipen",
     "adrenaline", "botox", "my", "semaglutide", "tirzepatide", "medicine"}
)
_SADDLE_OF = frozenset({"bottom", "balls", "bum", "back", "front", "side", "inside", "top"})
_FEVER_NOT = frozenset({"hay", "cabin", "spring", "football", "saturday", "gold"})
_TRANSPLANT_NOT = frozenset({"hair", "teeth", "tooth", "fat", "hairline", "beard"})
_CANCER_NOT = frozenset(
    {"research", "charity", "awareness", "fundraiser", "fundraising", "run", "trust", "relay",
     "screening", "uk", "society", "ward", "centre", "center", "hospital", "shop", "appeal"}
)
_TEMP_NOT = frozenset(
    {"job", "jobs", "work", "agency", "worker", "role", "contract", "staff", "control", "check"}
)
_INTENTIONAL_RE = re.compile(
    r"\b(not|n't|nt|never|no|without)\s+(been\s+|even\s+|really\s+)?(trying|tried|dieting|"
    r"changed|doing anything)"
)
_GLUE_RE = re.compile(
    r"(?<=[^\W\d_]{2})[.,]+(?=[^\W\d_])|(?<=[^\W\d_])(?:[!?;:…]+|\.{2,})(?=[^\W\d_])"
)


# --------------------------------------------------------------------------------------
# spelling normalisation
# --------------------------------------------------------------------------------------
def _distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance, giving up (limit + 1) beyond ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=1)
def _targets_by_letter() -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for word in sorted(RP.FUZZY_TARGETS):
        grouped[word[0]].append(word)
    return {letter: tuple(words) for letter, words in grouped.items()}


#: Real words that look like a dropped g ("thin" is not "thing").
_REAL_IN_WORDS = frozenset({"thin", "skin", "twin", "spin", "grin", "chin", "shin", "akin"})


@lru_cache(maxsize=1)
def _pattern_words() -> frozenset[str]:
    """Every literal word of the patterns and token classes (for dropped-g spellings)."""
    words: set[str] = set()
    for kinds in RP.PATTERNS.values():
        for patterns in kinds.values():
            for pattern in patterns:
                words.update(re.findall(r"[a-z]+ing\b", pattern))
    for phrases in RP.MACROS.values():
        for phrase in phrases:
            words.update(re.findall(r"[a-z]+ing\b", phrase))
    for token_class in RP.TOKEN_CLASSES.values():
        norms = token_class.get("NORM", {})
        if isinstance(norms, dict):
            words.update(w for w in norms.get("IN", ()) if str(w).endswith("ing"))
    return frozenset(words)


@lru_cache(maxsize=8192)
def normalise_word(word: str) -> str | None:
    """Canonical spelling of a lower-cased word, or None if it is not a known variant.

    Known misspellings come from :data:`RP.SPELLINGS`; otherwise a word of 5+ letters
    within one edit (two for 10+ letters) of a :data:`RP.FUZZY_TARGETS` word with the
    same first letter is taken as that word, unless it is a protected real word.
    """
    if word in RP.SPELLINGS:
        return RP.SPELLINGS[word]
    if word in RP.FUZZY_TARGETS or word in RP.PROTECTED_WORDS:
        return None
    if (
        len(word) >= 4
        and word.endswith("in")
        and word not in _REAL_IN_WORDS
        and word + "g" in _pattern_words()
    ):
        return word + "g"  # "droppin", "usin", "fallin": a dropped g
    if len(word) < 5 or not word.isalpha():
        return None
    limit = 2 if len(word) >= 10 else 1
    best: tuple[int, str] | None = None
    for target in _targets_by_letter().get(word[0], ()):
        if len(target) < 5:
            continue
        distance = _distance(word, target, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, target)
    return best[1] if best else None


def _norm(token: Token) -> str:
    lower = token.lower_
    fixed = normalise_word(lower)
    if fixed is not None:
        return fixed
    default = token.norm_
    if default != lower and ("'" in lower or len(lower) <= 3):
        return default
    return lower


# --------------------------------------------------------------------------------------
# the document and the matcher
# --------------------------------------------------------------------------------------
def _split_glued(text: str) -> list[str]:
    """``"bum!!my"`` -> ``["bum", "!!", "my"]``; other tokens are returned whole."""
    pieces: list[str] = []
    last = 0
    for match in _GLUE_RE.finditer(text):
        pieces.extend(p for p in (text[last : match.start()], match.group(0)) if p)
        last = match.end()
    pieces.append(text[last:])
    return [p for p in pieces if p]


def make_doc(text: str) -> Doc:
    """Tokenise ``text`` (same characters, same offsets) with normalised ``NORM``s."""
    nlp = get_nlp()
    base = nlp.make_doc(clean_text(text))
    words: list[str] = []
    spaces: list[bool] = []
    norms: list[str] = []
    for token in base:
        parts = _split_glued(token.text) if len(token.text) > 3 else [token.text]
        if len(parts) == 1:
            norms.append(_norm(token))
        else:
            norms.extend(normalise_word(p.lower()) or p.lower() for p in parts)
        words.extend(parts)
        spaces.extend([False] * (len(parts) - 1) + [bool(token.whitespace_)])
    doc = base if len(words) == len(base) else Doc(nlp.vocab, words=words, spaces=spaces)
    for token, norm in zip(doc, norms, strict=True):
        token.norm_ = norm
    return doc


@lru_cache(maxsize=1)
def get_matcher() -> Matcher:
    """The red-flag ``Matcher`` over the pipeline's vocabulary, built on first use."""
    matcher = Matcher(get_nlp().vocab, validate=True)
    for key, patterns in RP.matcher_patterns().items():
        matcher.add(key, patterns)
    return matcher


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
            if _n(doc[k]) in RP.NEGATION_NORMS or doc[k].lower_ in RP.NEGATION_NORMS:
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
        if word in RP.NEGATION_NORMS:
            return False
        if word in REASSURANCE_WORDS and previous != "for":  # "gone for good": for ever
            return True
        previous = word
    return False


def _scope_broken(doc: Doc, cue_index: int, span_start: int) -> bool:
    between = doc[cue_index + 1 : span_start]
    if len(between) and _n(between[0]) in _BLOCKING:
        return True
    # "no improvement in my leg weakness": the change is denied, not the symptom;
    # "haven't told anyone about the numbness": the telling is denied
    if _negated_change(between) or _words(between) & _REPORTING:
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


#: Cold water or weather explains shivering.
_COLD = frozenset(
    {"plunge", "plunges", "ice", "swim", "swimming", "sea", "freezing", "snow", "winter",
     "outside", "shower", "dip", "wetsuit"}
)
#: A hot room or weather explains sweating at night.
_HEAT = frozenset(
    {"heatwave", "sauna", "humid", "humidity", "heating", "radiator", "radiators", "boiling",
     "roasting", "tropical", "aircon", "sweltering", "stifling", "muggy"}
)

#: Hot and cold felt by turns in one sentence is a fever, not the weather.
_FEELS_HOT = frozenset({"boiling", "roasting", "burning"})
_FEELS_COLD = frozenset({"freezing", "frozen"})

#: A carer's or nurse's work, and the verbs of dealing with someone else's symptom.
_CARE_JOBS = frozenset(
    {"nurse", "nurses", "carer", "carers", "hca", "midwife", "caregiver", "nursing", "ward",
     "shift", "shifts"}
)
_DEAL_WITH = frozenset({"deal", "deals", "dealing", "handle", "handling", "manage", "managing"})
#: Ordinary illnesses that explain a past fever.
_OTHER_ILLNESS = frozenset(
    {"flu", "cold", "covid", "virus", "bug", "tonsillitis", "chickenpox", "measles", "norovirus"}
)


def _at_work(span: Span) -> bool:
    """The symptom is what a nurse or carer deals with at work, not their own."""
    before = _words(span.doc[max(0, span.start - 6) : span.start])
    sentence = _words(_sentence(span))
    return (
        bool(sentence & _CARE_JOBS)
        and bool(before & _DEAL_WITH)
        and not before & RP.NEGATION_NORMS
        and "since" not in sentence
    )


def _past_other_illness(span: Span) -> bool:
    """ "had a fever with the flu" (past, explained), not "still have a fever" or "since"."""
    doc = span.doc
    before = [_n(t) for t in doc[max(0, span.start - 3) : span.start]]
    after = _words(doc[span.end : span.end + 4])
    sentence = _words(_sentence(span))
    return (
        "had" in before
        and not {"'ve", "ve", "have", "has", "'s"} & set(before)
        and bool(after & _OTHER_ILLNESS)
        and not sentence & {"since", "still", "now", "today", "currently"}
    )


def _excluded(category: str, kind: str, span: Span) -> bool:
    doc = span.doc
    nxt = _n(doc[span.end]) if span.end < len(doc) else ""
    prev = _n(doc[span.start - 1]) if span.start > 0 else ""
    inside = _words(span)
    sentence = _words(_sentence(span))
    if kind in (RP.WEAK, RP.LIMITED) and category == RP.NEURO_DEFICIT:
        return bool(sentence & _PAIN_CONTEXT)
    if category == RP.CAUDA_EQUINA:
        if nxt == "of" and _n(span[-1]) in _SADDLE_OF:
            return True
        if _cauda_excluded(kind, span):
            return True
        if inside & {"incontinent", "incontinence"} and nxt in _OTHERS:
            return True  # "incontinent residents": the people cared for
        if inside & {"incontinent", "incontinence"} and _at_work(span):
            return True  # "i'm a nurse so i deal with catheters and incontinence all day"
        return nxt in {"laughing", "laughin", "laughed"}
    if category == RP.CRISIS:
        return _crisis_excluded(kind, span)
    if category == RP.NEURO_DEFICIT:
        if "weaker" in inside and (
            inside | _words(doc[max(0, span.start - 3) : span.start])
        ) & _OTHER_SUBJECT:
            return True  # "the ache in my leg is getting weaker": the pain is easing
        if "clumsy" in inside and prev in {"just", "being", "only"}:
            return True  # "stumbled on the kerb, just clumsy": a one-off, explained
        return nxt == "asleep"
    if category == RP.INFECTION:
        if "fever" in inside and prev in _FEVER_NOT:
            return True
        # "one minute boiling the next freezing": hot and cold by turns is a fever, so
        # neither the heat nor the cold explains the sweats or shivers away.
        by_turns = bool(sentence & _FEELS_HOT and sentence & _FEELS_COLD)
        if inside & {"sweaty", "sweating", "sweats", "sweat", "sweated", "soaked", "drenched"} and (
            sentence & _HEAT and not by_turns
        ):
            return True  # "like a sauna with this heatwave, waking up sweaty"
        if inside & {"shivers", "shivering", "shivery", "chills", "shaking", "shakes"} and (
            sentence & _COLD and not by_turns
        ):
            return True  # "cold plunges for my back, get the shivers after"
        if "smack" in inside and nxt in {"on", "onto", "in", "into", "bang", "dab", "between"}:
            return True  # "landed smack on my tailbone": an adverb, not heroin
        if inside & {"fever", "temperature", "temp"} and _past_other_illness(span):
            return True  # "had a fever with the flu over christmas"
        if "transplant" in inside and prev in _TRANSPLANT_NOT:
            return True
        if inside & {"temp", "temperature"} and nxt in _TEMP_NOT:
            return True
        if "temp" in inside and _n(span[0]) == "a" and prev in {
            "am", "'m", "m", "as", "was", "were", "be", "been", "being"
        }:
            return True
        if inside & {"inject", "injected", "injecting"} and nxt in _INJECT_BENIGN:
            return True
        if inside & {"shoot", "shooting", "shot", "shoots"}:
            return nxt in {"my", "the", "into", "to", "through", "from", "down", "and", "your"}
        return False
    if category == RP.FRACTURE:
        if inside & {"broke", "break", "broken", "cracked", "crack"} and (
            prev in {"nearly", "almost", "practically", "virtually"}
            or _words(_clause_after(span, 3)) & {"laughing", "laughin", "laughed", "laugh"}
        ):
            return True  # "nearly broke my back laughing": an idiom
        if inside & {"steroids", "steroid", "prednisolone", "prednisone", "pred",
                     "dexamethasone", "hydrocortisone", "corticosteroids", "corticosteroid"}:
            around = _words(doc[max(0, span.start - 3) : min(len(doc), span.end + 3)])
            return bool(around & _STEROID_ROUTES)
        return False
    if category == RP.CANCER:
        if len(span) == 1 and nxt in _CANCER_NOT:
            return True
        if inside & _NIGHT_WORDS:
            around = _words(_clause_after(span, 6)) | _words(_clause_before(span, 6))
            if around & {"matter", "whatever", "however", "regardless", "whichever"}:
                return False  # "no matter how i lie": the opposite of mechanical
            return bool(around & _MECHANICAL)
        if inside & {"weight", "stone", "kilos", "kg", "pounds", "lbs", "weightloss"} or any(
            re.match(r"^\d", w) for w in inside
        ):
            text = " ".join(_n(t) for t in _sentence(span))
            if sentence & _UNINTENTIONAL or _INTENTIONAL_RE.search(text):
                return False
            return bool(sentence & _INTENTIONAL)
    return False


# --------------------------------------------------------------------------------------
# context: resolved or exertional symptoms, older age with a minor fall (RP.CONTEXT)
# --------------------------------------------------------------------------------------
#: Between a resolution marker and a later symptom: a new, current statement.
_SHIFT = frozenset(
    {"but", "now", "today", "tonight", "since", "then", "until", "till", "and", "however",
     "yet", "although", "though", "except", "currently", "recently", "lately", "started",
     "starting", "this", "suddenly", "again", "still"}
)
#: After "gone"/"went": the symptom itself ("it's all gone numb"), not its end.
_GONE_INTO = frozenset(
    {"numb", "dead", "weak", "weaker", "funny", "weird", "strange", "odd", "tingly",
     "floppy", "wobbly", "limp", "useless", "heavy", "cold", "tingling", "completely",
     "totally", "really", "very", "so", "a", "bit", "a_bit", "slightly", "from", "under",
     "numbish", "dodgy", "wonky"}
)
#: Before "went away"/"gone": a function that was lost ("the feeling in my bum went away").
_LOST_FUNCTION = frozenset(
    {"feeling", "feelings", "sensation", "sensations", "strength", "power", "movement",
     "control", "use", "grip", "balance", "erection", "erections", "urge"}
)
_RETURN_WORDS = frozenset({"back", "returned", "came", "come", "comes", "coming"})
_HISTORY_CATEGORIES = frozenset({RP.INFECTION, RP.FRACTURE, RP.CANCER})
#: Between a symptom and a resolution marker: the marker is about something else
#: ("my leg gives way and the pain went away").
_OTHER_SUBJECT = frozenset(
    {"pain", "pains", "ache", "aches", "aching", "sciatica", "spasm", "spasms",
     "stiffness", "hip", "knee", "neck", "shoulder", "headache", "cold", "flu", "cough",
     "bruise", "bruising", "bruises", "swelling", "agony", "throbbing", "soreness", "rash",
     "cut", "graze", "wrist", "arm", "ankle", "twinge", "twinges", "cramp", "cramps",
     "burning", "shooting", "stabbing", "hurt", "hurting", "hurts", "sore", "tightness"}
)
#: The only words allowed between "recovered"/"got over" and the symptom it names.
_RECOVERED_FROM = frozenset(
    {"from", "after", "the", "my", "a", "an", "that", "this", "those", "of", "all", "any",
     "some", "it", "them"}
)
_I_SUBJECT = frozenset({"i", "im", "i'm", "am", "'m"})
#: Leg words that exertion explains (not a progressive or lasting deficit).
_EXERTION_LEGS = frozenset(
    {"jelly", "wobbly", "weak", "weakness", "shaky", "unsteady", "feeble", "useless", "heavy",
     "noodles", "noodle", "spaghetti", "rubber", "marshmallow"}
)
_EXERTION_NOT = frozenset(
    {"weaker", "weakening", "weakened", "losing", "lost", "paralysed", "paralysis", "drag",
     "drags", "dragging", "drop", "dropping", "give", "gives", "gave", "giving", "buckle",
     "buckles", "buckled", "collapse", "collapsed"}
)
_NUMB_WORDS = frozenset(
    {"numb", "numbness", "tingling", "tingly", "tingle", "tingles", "tingled", "dead",
     "deadness", "pins", "needles", "prickly", "prickling", "buzzing", "fizzing"}
)
#: Function words in a cauda equina span: never explained away by cycling.
_FUNCTION_WORDS = frozenset(
    {*RP.TOKEN_CLASSES["BLADDER"]["NORM"]["IN"], *RP.TOKEN_CLASSES["BOWEL"]["NORM"]["IN"],
     "sex", "intercourse", "orgasm", "erection", "wipe", "wiping", "paper", "tissue"}
) - {"bum"}
#: After an age: a measurement, not a person ("bent at 90 degrees").
_UNITS = frozenset(
    {"degrees", "degree", "%", "percent", "mph", "kph", "km", "kms", "miles", "mile", "kg",
     "kgs", "kilos", "lbs", "lb", "pounds", "mins", "minutes", "min", "seconds", "secs",
     "metres", "meters", "ft", "feet", "times", "reps", "bpm", "cm", "mm", "quid", "x", "/",
     "-", "sec", "hours", "hrs", "days", "steps", "pence", "p", "euros"}
)
#: Before a message-initial age ("hi, 78 and slipped").
_GREETINGS = frozenset(
    {"hi", "hello", "hey", "hiya", "ok", "okay", "so", "well", "yes", "yeah", "um", "erm",
     "morning", "evening", "afternoon", "good", ",", "-", "!", "there", "again", "right"}
)
#: After "fell"/"slipped": not a fall ("fell asleep", "slipped disc").
_FALL_NOT_NEXT = frozenset(
    {"asleep", "apart", "behind", "pregnant", "ill", "sick", "disc", "disk", "discs", "for",
     "short", "silent", "quiet", "victim", "foul"}
)
_CANCER_NOUNS = frozenset(
    {"cancer", "carcinoma", "lymphoma", "myeloma", "leukaemia", "melanoma", "sarcoma", "tumour",
     "metastases", "malignant", "malignancy"}
)
#: Before a bare cancer word: a worry about what the pain means, not a history.
_MEANING_WORDS = frozenset(
    {"sign", "signs", "symptom", "symptoms", "mean", "means", "meaning", "indicate",
     "indicates", "suggest", "suggests", "warning", "caused", "cause", "causing", "due"}
)


@dataclass(frozen=True)
class _Context:
    """Context markers found in a document, and every red-flag candidate span."""

    marks: dict[str, list[Span]]
    flags: tuple[tuple[str, Span], ...]

    def within(self, label: str, start: int, end: int) -> list[Span]:
        return [m for m in self.marks.get(label, []) if start <= m.start and m.end <= end]

    def other_flag_between(self, category: str, start: int, end: int) -> bool:
        return any(
            cat != category and start <= span.start and span.end <= end
            for cat, span in self.flags
        )


@lru_cache(maxsize=1)
def get_context_matcher() -> Matcher:
    """The ``Matcher`` for :data:`RP.CONTEXT` markers, built on first use."""
    matcher = Matcher(get_nlp().vocab, validate=True)
    for key, patterns in RP.context_patterns().items():
        matcher.add(key, patterns)
    return matcher


def _mark_negated(mark: Span, window: int = 4) -> bool:
    """"not been on a bike", "hasn't gone away", "not back to normal"."""
    doc = mark.doc
    i, seen = mark.start - 1, 0
    while i >= 0 and seen < window:
        token = doc[i]
        if _is_break(token) or _n(token) == ",":
            return False
        if _n(token) in RP.NEGATION_NORMS or token.lower_ in RP.NEGATION_NORMS:
            return True
        seen += 1
        i -= 1
    return False


_LIKENESS_SUBJECTS = frozenset(
    {"i", "i've", "ive", "i'd", "id", "i'm", "im", "someone", "somebody", "you", "if", "though"}
)


def _likeness_before(mark: Span) -> bool:
    """ "like i've been sat on a bike saddle", "as if i'd run a marathon": not what happened."""
    before = [_n(t) for t in mark.doc[max(0, mark.start - 10) : mark.start]]
    return any(
        word in {"like", "as"} and nxt in _LIKENESS_SUBJECTS
        for word, nxt in zip(before, before[1:], strict=False)
    )


def _mark_ok(label: str, mark: Span) -> bool:
    doc = mark.doc
    words = _words(mark)
    first = _n(mark[0])
    nxt = _n(doc[mark.end]) if mark.end < len(doc) else ""
    nxt2 = _n(doc[mark.end + 1]) if mark.end + 1 < len(doc) else ""
    negatable = (RP.RESOLVED, RP.ONGOING, RP.EXERTION, RP.CYCLING)
    if label in negatable and first not in RP.NEGATION_NORMS and _mark_negated(mark):
        return False
    if label == RP.RESOLVED:
        before = _words(doc[max(0, mark.start - 4) : mark.start])
        if not words & _RETURN_WORDS and before & _LOST_FUNCTION:
            return False  # "the feeling in my foot went away"
        if words & {"gone", "went"} and nxt in _GONE_INTO:
            return False  # "it's all gone numb"
    if label in (RP.CYCLING, RP.EXERTION) and _likeness_before(mark):
        return False  # "like i've been sat on a bike saddle for hours": a likeness
    if label == RP.ONGOING and words == {"still"}:
        return nxt not in REASSURANCE_WORDS and nxt not in {"recovered", "better"}
    if label == RP.DISTANT_PAST:
        years = [int(w) for w in words if w.isdigit() and len(w) == 4]
        return all(year <= datetime.date.today().year - 2 for year in years)
    if label == RP.OLD_AGE:
        last = _n(mark[-1])
        opening = _words(doc[_sentence(mark).start : mark.start])
        if nxt in _UNITS or (last in {"and", "&", ","} and not opening <= _GREETINGS):
            return False
        if _words(doc[mark.end : mark.end + 2]) & _OTHERS or _is_other_person(mark):
            return False
    if label == RP.MINOR_FALL and len(mark) == 1:
        if nxt in _FALL_NOT_NEXT or nxt2 in {"mind", "love", "asleep"}:
            return False
        if nxt == "out" and nxt2 == "with":
            return False
        if first == "slipped" and nxt == "up":
            return False
    return True


def _never_recurred(mark: Span, resolved: list[Span]) -> bool:
    """ "... went completely after physio and never came back": after a resolution in the
    same sentence, "never came back" is the symptom not recurring, not a loss lasting."""
    words = [_n(t) for t in mark]
    if not (words[0] in {"never", "not", "n't", "didnt", "hasnt", "havent"} and "back" in words):
        return False
    sentence = _sentence(mark)
    return any(sentence.start <= r.start and r.end <= mark.start for r in resolved)


def _context(doc: Doc, found: dict[str, dict[str, list[Span]]]) -> _Context:
    raw: dict[str, list[Span]] = defaultdict(list)
    for match_id, start, end in get_context_matcher()(doc):
        raw[doc.vocab.strings[match_id]].append(doc[start:end])
    marks = {
        label: [m for m in filter_spans(spans) if _mark_ok(label, m)]
        for label, spans in raw.items()
    }
    resolved = marks.get(RP.RESOLVED, [])
    marks[RP.ONGOING] = [
        m for m in marks.get(RP.ONGOING, [])
        if not any(m.start < r.end and r.start < m.end for r in resolved)
        and not _never_recurred(m, resolved)
    ]
    flags = tuple(
        (category, span)
        for category, kinds in found.items()
        for kind, spans in kinds.items()
        if kind != RP.TOPIC
        for span in spans
    )
    return _Context(marks, flags)


def _next_sentence(sentence: Span) -> Span | None:
    doc = sentence.doc
    i = sentence.end
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
        i += 1
    return _sentence(doc[i : i + 1]) if i < len(doc) else None


def _about_other(tokens: Span) -> bool:
    """The tokens name another complaint ("the pain", "my back")."""
    doc = tokens.doc
    for token in tokens:
        word = _n(token)
        if word in _OTHER_SUBJECT:
            return True
        if word == "back" and token.i > 0 and _n(doc[token.i - 1]) in {
            "my", "the", "lower", "upper", "his", "her", "your", "whole"
        }:
            return True
    return False


def _marker_subject(mark: Span, limit: int) -> Span:
    """The words before a marker in its own clause ("..., the pain went away")."""
    doc = mark.doc
    start = mark.start
    while start > max(limit, mark.start - 5):
        token = doc[start - 1]
        if _is_break(token) or _n(token) in {",", "and", "or", "&"}:
            break
        start -= 1
    return doc[start : mark.start]


def _resolution(category: str, span: Span, ctx: _Context) -> Status | None:
    """A symptom with a resolution marker ("fine now", "went away", "in 2015 but ...") is
    past: "negated", or "uncertain" for a recent cauda equina symptom (the bot asks).
    Never for crisis language or a lasting history (cancer, thin bones, steroids,
    immunosuppression, injecting), and not when it recurs or persists ("again",
    "twice", "still", "since")."""
    if category == RP.CRISIS:
        return None
    if category in _HISTORY_CATEGORIES and _words(span) & RP.LASTING_HISTORY:
        return None
    doc = span.doc
    sentence = _sentence(span)
    if ctx.within(RP.ONGOING, sentence.start, sentence.end):
        return None
    resolved, about_symptom = False, False
    for mark in ctx.within(RP.RESOLVED, sentence.start, sentence.end):
        if mark.start >= span.end:
            applies = not ctx.other_flag_between(
                category, span.end, mark.start
            ) and not _about_other(_marker_subject(mark, span.end))
        elif mark.end <= span.start:  # "fully recovered from the leg weakness"
            between = _words(doc[mark.end : span.start])
            subject = doc[max(0, mark.start - 3) : mark.start]
            applies = (
                span.start - mark.end <= 4
                and between <= _RECOVERED_FROM
                and not _about_other(subject)
            )
        else:
            applies = False
        if applies:
            resolved = True
            # "it's fine now" is about the symptom; "i'm fine now" may be about the person
            about_symptom |= not _words(doc[max(0, mark.start - 2) : mark.start]) & _I_SUBJECT
    distant = ctx.within(RP.DISTANT_PAST, sentence.start, sentence.end)
    if not resolved and distant:
        buts = [t.i for t in doc[span.end : sentence.end] if _n(t) == "but"]
        resolved = bool(buts) and any(d.end <= buts[0] for d in distant) and not (
            ctx.other_flag_between(category, span.end, buts[0])
            or _about_other(doc[span.end : buts[0]])
        )
    following = _next_sentence(sentence)
    if not resolved and following is not None:
        about_symptom = True
        resolved = (
            any(m.start < following.start + 5
                and not _about_other(doc[following.start : m.start])
                for m in ctx.within(RP.RESOLVED, following.start, following.end))
            and not ctx.within(RP.ONGOING, following.start, following.end)
            and not any(following.start <= s.start < following.end for _, s in ctx.flags)
        )
    if not resolved:
        return None
    if distant or category in (RP.INFECTION, RP.CANCER):
        return "negated"
    if category == RP.NEURO_DEFICIT and about_symptom:
        return "negated"
    # A recent cauda equina symptom, a recent injury, or "my leg gave way but i'm fine
    # now": the bot asks rather than escalates or ignores.
    return "uncertain"


def _explained_by_exertion(category: str, span: Span, ctx: _Context) -> bool:
    """Jelly legs after the gym, a numb bum on the bike: not a red flag, unless the
    message says it persists or recurs ("since tuesday", "even after resting")."""
    words = _words(span)
    if category == RP.NEURO_DEFICIT:
        if not words & _EXERTION_LEGS or words & _EXERTION_NOT:
            return False
        label = RP.EXERTION
    elif category == RP.CAUDA_EQUINA:
        if not words & _NUMB_WORDS or words & _FUNCTION_WORDS:
            return False
        label = RP.CYCLING
    else:
        return False
    return bool(ctx.marks.get(label)) and not ctx.marks.get(RP.ONGOING)


def _cancer_question(span: Span) -> bool:
    """"does back pain ever mean cancer?", "my mum had it, could this be cancer?"."""
    if not _words(span) & _CANCER_NOUNS or len(span) > 2 or _negated(span):
        return False
    if _words(_clause_before(span, window=8)) & _MEANING_WORDS:
        return True
    sentence = _sentence(span)
    if not len(sentence) or _n(sentence[-1]) != "?":
        return False
    doc = span.doc
    i = span.start - 1
    while i > sentence.start and _n(doc[i - 1]) != "," and not _is_break(doc[i - 1]):
        i -= 1
    nxt = _n(doc[i + 1]) if i + 1 < len(doc) else ""
    return _n(doc[i]) in _QUESTION_STARTS and nxt not in RP.NEGATION_NORMS


def _age_fall_hits(ctx: _Context, hits: list[RedFlagHit], doc: Doc) -> list[RedFlagHit]:
    """Own age >= 65 with a minor fall in the same message: a fracture red flag."""
    if not ctx.marks.get(RP.OLD_AGE):
        return []
    fracture = [(h.start, h.end) for h in hits if h.category == RP.FRACTURE]
    out: list[RedFlagHit] = []
    for fall in ctx.marks.get(RP.MINOR_FALL, []):
        if any(fall.start_char < e and s < fall.end_char for s, e in fracture):
            continue
        status = _status(RP.SYMPTOM, fall, RP.FRACTURE, ctx)
        if status != "negated":
            out.append(RedFlagHit(RP.FRACTURE, status, fall.start_char, fall.end_char, fall.text))
    return out


def _prefer_symptoms(candidates: list[Span], kind_of: dict[tuple[int, int], str]) -> list[Span]:
    """Longest non-overlapping spans, a symptom never dropped for an overlapping weak one."""
    strong = filter_spans([s for s in candidates if kind_of[(s.start, s.end)] != RP.WEAK])
    taken = {i for s in strong for i in range(s.start, s.end)}
    weak = [
        s for s in filter_spans([s for s in candidates if kind_of[(s.start, s.end)] == RP.WEAK])
        if not taken & set(range(s.start, s.end))
    ]
    return sorted([*strong, *weak], key=lambda s: s.start)


# --------------------------------------------------------------------------------------
# crisis and cauda equina: look-alikes and status rules
# --------------------------------------------------------------------------------------
#: After "don't want to be here/around": a place, a time or company, not being alive.
_HERE_NOT = frozenset(
    {"all", "waiting", "wait", "at", "for", "till", "until", "til", "when", "while", "whilst",
     "on", "in", "stuck", "sat", "sitting", "lying", "another", "every", "by", "with",
     "people", "anyone", "anybody", "them", "him", "her", "my", "the", "kids", "children",
     "family", "friends", "others", "you", "crowds", "during", "over", "after", "before",
     "next", "alone", "long", "longer", "forever", "any"}
)
#: ... unless the clause says it is about living ("here in this world", "with this pain").
_HERE_KEEP = frozenset(
    {"world", "earth", "life", "living", "alive", "anymore", "pain", "agony", "state",
     "body", "planet"}
)
_HERE_TIME = frozenset({"morning", "afternoon", "evening", "weekend", "week", "time"})
#: After "not wake up": an ordinary night ("didn't wake up till 10", "... stiff").
_WAKE_NOT = frozenset(
    {"till", "until", "til", "untill", "once", "for", "before", "at", "early", "stiff",
     "sore", "in", "with", "the", "my", "her", "him", "everyone", "anyone", "them", "kids",
     "baby", "during", "through", "feeling", "so", "too", "on", "every", "when", "after",
     "properly", "refreshed", "tired", "late", "earlier", "later", "as", "like"}
)
_WAKE_WORDS = frozenset({"wake", "woke", "waken", "waking", "woken", "up"})
_CUT_WORDS = frozenset(
    {"cutting", "burning", "cut", "burnt", "burned", "burn", "scratching", "scratched",
     "slicing", "sliced", "slashing", "slashed", "carving", "carved", "slit", "slitting",
     "scratch", "hit", "hitting", "punch", "punching", "bang", "banging", "bite", "biting"}
)
#: Around "cutting/burning myself": an accident or an idiom, not self-harm.
_CUT_NOT = frozenset(
    {"on", "shaving", "shaved", "cooking", "chopping", "accidentally", "accident", "slack",
     "break", "off", "free", "loose", "short", "kettle", "oven", "iron", "pan", "bath",
     "shower", "sun", "heat", "hot", "bottle", "pad", "gardening", "hedge", "paper", "some",
     "out", "opening", "tin", "glass", "knife", "nearly", "almost", "bramble", "brambles",
     "fence", "wheat", "microwave", "hob", "toast", "tea", "coffee", "candle", "sunburn"}
)
#: Before "off myself" when it is the threat ("going to off myself").
_OFF_OK = frozenset(
    {"to", "will", "i", "just", "should", "could", "would", "might", "'d", "going", "can",
     "gonna", "wanna", "want", "and", "or", "thinking", "about", "of", "'ll", "may", "d"}
)
#: "5 kms", "a few kms", "kms walked": kilometres, not "kill myself".
_KMS_PREV_NOT = frozenset(
    {"few", "couple", "many", "several", "some", "more", "extra", "fewer", "less", "the", "of",
     "x", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "twenty", "thirty", "hundred", "walked", "ran", "cycled", "drove", "did", "done"}
)
_KMS_NEXT_NOT = frozenset(
    {"walk", "walked", "walking", "run", "ran", "running", "per", "a", "an", "away", "from",
     "each", "every", "on", "in", "cycle", "cycled", "cycling", "ride", "rode", "hike", "hiked",
     "swim", "today", "yesterday", "long", "to", "hour", "left", "round", "drive", "drove",
     "driving", "north", "south", "east", "west", "further", "than", "h", "/", "of",
     "without", "before", "after", "with", "into", "up", "down", "along"}
)
#: "won't be here much longer" about leaving a place.
_LONGER_NOT = frozenset(
    {"taxi", "lift", "bus", "train", "appointment", "shift", "meeting", "moving", "leaving",
     "minutes", "mins", "hospital", "ward", "discharged", "discharge", "job", "work", "flat",
     "house", "country", "town", "uni", "outside", "holiday", "visa", "contract", "office",
     "hotel", "waiting", "queue", "clinic", "battery", "signal"}
)
#: "what's the point of carrying on with physio / going on holiday".
#: Only these may follow (else it is "going on holiday", "carrying on with physio").
_ON_KEEP = frozenset(
    {"like", "anymore", "any", "living", "if", "and", "but", "tbh", "honestly", "now", "much",
     "for", "in", "every", "when", "or", "i", "because", "cos", "coz", "really", "seriously",
     "anyway", "existing", "lol", "though", "tho", "day", "another", "feeling", "being",
     "knowing", "then", "sometimes", "most"}
)
_ON_VERBS = frozenset(
    {"point", "reason", "why", "carry", "carrying", "go", "going", "keep", "keeping",
     "soldiering"}
)
#: "... would cope without me" for a while, not for good.
#: Right after "without me" / "if i was gone": a limited time or place ("for a couple of
#: days", "this weekend", "while i'm at work"), so not a crisis. "When" and "if" are not
#: among them: "better off without me when i'm like this" is one.
_WITHOUT_ME_NEXT = frozenset(
    {"for", "next", "while", "whilst", "today", "tonight", "tomorrow", "at", "till", "until",
     "til", "during", "on", "once", "there", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"}
)
_WITHOUT_ME_TIME = frozenset(
    {"week", "weekend", "day", "days", "morning", "afternoon", "evening", "night", "time",
     "year", "month", "holiday", "holidays", "shift", "meeting", "trip", "bit", "couple",
     "few", "hours", "hour", "minute", "minutes"}
)


#: After "if i had gone": a destination, so an errand, not a death.
_GONE_SOMEWHERE = frozenset(
    {"to", "into", "out", "home", "by", "back", "round", "through", "past", "in", "with",
     "off", "up", "down", "over", "shopping", "abroad", "sooner", "earlier", "private"}
)


def _time_limited(doc: Doc, end: int) -> bool:
    """A limited time or place follows ``doc[end:]`` ("for a bit", "this weekend")."""
    nxt = _n(doc[end]) if end < len(doc) else ""
    nxt2 = _n(doc[end + 1]) if end + 1 < len(doc) else ""
    if nxt == "for" and nxt2 in {"good", "ever", "always", "keeps"}:
        return False  # "if i was gone for good": for ever, not for a while
    if nxt in _WITHOUT_ME_NEXT:
        return True
    return nxt in {"this", "the", "a", "that", "every", "each"} and nxt2 in _WITHOUT_ME_TIME


#: "didn't go through with it" about a treatment, a purchase, a plan of ordinary life.
_THROUGH_NOT = frozenset(
    {"surgery", "operation", "op", "injection", "injections", "procedure", "treatment",
     "wedding", "course", "scan", "mri", "appointment", "referral", "physio", "epidural",
     "sale", "purchase", "move", "divorce", "interview", "job", "contract", "booking",
     "transfer", "test", "biopsy", "jab", "vaccine", "tattoo", "marathon", "race", "trip",
     "holiday", "order", "application", "claim", "complaint", "decompression", "discectomy",
     "fusion", "block", "ablation", "manipulation", "chiro", "chiropractor", "offered",
     "offer", "gym", "membership", "house", "loan", "mortgage", "diet", "challenge",
     "swim", "jump", "skydive", "bungee", "hysterectomy", "vasectomy", "consultation"}
)
#: An engine running in a car (not a garage) for ordinary reasons.
_ENGINE_NOT = frozenset(
    {"warm", "warming", "heater", "heating", "waiting", "wait", "pick", "picking", "school",
     "outside", "charging", "charge", "aircon", "air", "cool", "defrost", "defrosting",
     "demister", "radio", "traffic", "queue", "station", "jam", "lights", "drive", "thru",
     "through", "parked", "lunch", "phone"}
)
#: The glute bridge and other exercises ("looked at the bridge exercise").
_EXERCISE_WORDS = frozenset(
    {"exercise", "exercises", "stretch", "stretches", "video", "videos", "physio", "app",
     "reps", "glute", "glutes", "pose", "yoga", "pilates", "hips", "hip", "one", "instructions",
     "picture", "diagram", "demo", "routine", "workout", "mat", "knees", "position", "hold",
     "holds", "lift", "raise", "sets", "move", "moves", "posture", "core", "plank"}
)
_EDGE_OF_OK = frozenset(
    {"platform", "cliff", "bridge", "roof", "building", "railway", "tracks", "water", "river",
     "car", "multistorey", "multi", "tower", "balcony", "quarry"}
)
#: "scared i'll hurt myself lifting": an injury, not self-harm.
_INJURY_CONTEXT = frozenset(
    {"doing", "lifting", "on", "at", "gym", "if", "exercising", "exercise", "exercises",
     "stretches", "stretching", "trying", "again", "more", "falling", "fall", "carrying",
     "with", "by", "when", "in", "running", "bending", "moving", "working", "playing",
     "further", "worse", "badly", "properly", "picking", "getting", "twisting", "reaching"}
)
#: "giving my stuff away" to a charity shop or when moving house.
_GIVE_AWAY_NOT = frozenset(
    {"charity", "ebay", "vinted", "declutter", "decluttering", "clearing", "clear", "moving",
     "move", "sell", "selling", "sold", "tip", "boot", "facebook", "marketplace", "freecycle",
     "downsizing", "downsize", "shop", "garage", "loft", "clothes", "old", "baby", "kids",
     "gym", "bike", "golf", "fishing", "camping"}
)
#: "enough tablets now" about a supply that lasts.
_ENOUGH_NOT = frozenset(
    {"last", "lasts", "lasting", "till", "until", "til", "week", "weekend", "month", "refill",
     "prescription", "repeat", "holiday", "days", "christmas", "cover", "get", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "for"}
)
#: "saving my tramadol for the bad nights": pacing, not stockpiling.
_SAVING_FOR = frozenset(
    {"the", "bad", "later", "emergencies", "emergency", "bedtime", "night", "nights", "flare",
     "flares", "flareups", "work", "weekend", "worse", "worst", "really", "days", "holiday",
     "trip", "flight", "long", "tonight", "tomorrow"}
)
_CONTROL_NOT = frozenset({"with", "by", "using", "through", "if", "when", "on", "most", "now"})
_URGE_NIGHT = frozenset({"night", "nights", "overnight", "great", "nice", "relief", "lovely"})
#: "keeping back a couple of paracetamol in my bag for emergencies".
_KEEP_BACK_NOT = frozenset(
    {"bag", "handbag", "purse", "car", "emergencies", "emergency", "work", "pocket", "wallet",
     "desk", "office", "travel", "holiday", "flare", "flares", "bad", "trip", "glovebox"}
)
#: After "no urge to go": somewhere or something, not the toilet.
_URGE_GO_KEEP = frozenset({"toilet", "loo", "bathroom", "wc", "wee", "pee", "poo"})

#: Where "killing myself" means overdoing it.
_OVERDOING = frozenset(
    {"gym", "work", "workout", "workouts", "training", "job", "office", "shift", "shifts",
     "class", "classes", "running", "diet", "garden", "overtime", "sessions"}
)


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
    if last in {"here", "around"}:
        if after & _HERE_KEEP or (nxt, nxt2) in {("at", "all"), ("for", "much"), ("for", "it")}:
            return False
        return nxt in _HERE_NOT or (nxt == "this" and nxt2 in _HERE_TIME)
    if last in _WAKE_WORDS and inside & {"wake", "woke", "waken", "waking", "woken"}:
        if nxt == "up":  # "didn't wake up until the alarm": look past the "up"
            nxt = nxt2
            nxt2 = _n(doc[span.end + 2]) if span.end + 2 < len(doc) else ""
        if nxt == "in":  # "in pain", "in the night": ordinary; "in the morning": not
            third = _n(doc[span.end + 2]) if span.end + 2 < len(doc) else ""
            return not (nxt2 == "morning" or (nxt2 == "the" and third == "morning"))
        return nxt in _WAKE_NOT
    if inside & _CUT_WORDS and inside & {"myself", "self", "my"}:
        if "purpose" in after or inside & {"purpose", "deliberately", "intentionally"}:
            return False
        return bool(after & _CUT_NOT or before & {"accidentally", "nearly", "almost"})
    if tokens[0] in {"off", "offing"}:
        return prev not in _OFF_OK
    if inside & _WORRY and inside & {"hurt", "harm", "injure", "cut"}:
        return bool(after & _INJURY_CONTEXT)
    if tokens[0] in {"top", "topping"} and nxt == "up":
        return True
    if inside & {"end", "ending"} and last in {"it", "things"}:
        return nxt in {"with", "there", "by", "on", "after", "at", "early", "before"}
    if last == "gone":  # "if i had gone to the gp", "if i was gone for a bit"
        return nxt in _GONE_SOMEWHERE or _time_limited(doc, span.end)
    if inside & {"things", "stuff", "belongings", "possessions"}:
        return bool(sentence & _GIVE_AWAY_NOT)
    if "dye" in inside:  # "wanna dye my hair"
        return nxt in {"my", "it", "the", "her", "his", "hair", "them", "a", "some", "your"}
    if tokens == ["kms"]:
        return bool(re.match(r"^\d", prev)) or prev in _KMS_PREV_NOT or nxt in _KMS_NEXT_NOT
    if "longer" in inside:
        return bool(sentence & _LONGER_NOT)
    if last in {"on", "going"} and inside & _ON_VERBS:
        if nxt == "with":
            third = _n(doc[span.end + 2]) if span.end + 2 < len(doc) else ""
            return not (nxt2 in {"this", "life", "living", "it", "everything"} or third == "life")
        if nxt == "this":
            return nxt2 not in {"way", "pain", "life", "like", "world", "earth", "planet"}
        ending = span.end >= len(doc) or _is_break(doc[span.end]) or nxt == ","
        return not (ending or nxt in _ON_KEEP)
    if tokens[-2:] == ["without", "me"]:
        return _time_limited(doc, span.end)
    if tokens[-3:] == ["through", "with", "it"]:
        return bool(sentence & _THROUGH_NOT)
    if "engine" in inside or "motor" in inside:
        return "garage" not in inside and bool(sentence & _ENGINE_NOT)
    if inside & {"looked", "looking", "stared", "staring", "gazed", "gazing", "stood",
                 "standing", "stand"}:
        if sentence & _EXERCISE_WORDS:
            return True
        return nxt == "of" and not after & _EDGE_OF_OK
    if "enough" in inside:
        return bool(after & _ENOUGH_NOT)
    if inside & {"keep", "keeping", "kept", "holding", "held"} and "back" in inside:
        return bool(_words(_clause_after(span, window=10)) & _KEEP_BACK_NOT)
    if kind == RP.WEAK and inside & {"saving", "saved"}:
        return nxt == "for" and nxt2 in _SAVING_FOR
    if "control" in inside:
        return nxt in _CONTROL_NOT
    if tokens[-2:] == ["killing", "myself"]:
        # "killing myself at the gym", "killing myself trying to keep up": overdoing it.
        return nxt in {"trying", "laughing", "doing"} or bool(after & _OVERDOING)
    return False


def _cauda_excluded(kind: str, span: Span) -> bool:
    """"no urge to go" somewhere other than the toilet ("no urge to go out"), "no urge to
    eat", and no longer needing a wee at night (good news, not retention)."""
    if kind != RP.WEAK:
        return False
    doc = span.doc
    nxt = _n(doc[span.end]) if span.end < len(doc) else ""
    last = _n(span[-1])
    if last in {"urge", "urges"}:  # a longer pattern took "no urge to pee"
        return nxt in {"to", "for", "of"}
    if {_n(t) for t in span} & {"urge", "urges", "need"} and _words(
        _clause_after(span, window=6)
    ) & _URGE_NIGHT:
        return True
    if last not in {"go", "going"}:
        return False
    if nxt in {"to", "for", "on"}:
        return not (_words(_clause_after(span, window=4)) & _URGE_GO_KEEP)
    return nxt in {"out", "back", "anywhere", "there", "shopping", "running", "swimming",
                   "walking", "outside", "home", "in", "away", "up", "down", "the", "a"}


def _crisis_cauda_status(
    category: str, kind: str, span: Span, status: Status, kept: list[Span],
    kind_of: dict[tuple[int, int], str],
) -> Status:
    """Crisis: a hedge does not soften self-harm language ("if this is my life i don't
    want to be here", "wondering how many pills it would take"), unless it is also
    negated ("not sure if i'm suicidal" stays uncertain).  Cauda equina: two separate,
    unhedged retention signs ("no urge, then just a dribble") are a red flag together."""
    if category == RP.CRISIS and kind == RP.SYMPTOM and status == "uncertain":
        return status if _negated(span) else "present"
    if category == RP.CAUDA_EQUINA and kind == RP.WEAK and status == "uncertain":
        signs = [
            s for s in kept
            if kind_of[(s.start, s.end)] == RP.WEAK
            and not _is_hedged(s)
            and _status(RP.WEAK, s) == "uncertain"
        ]
        if len(signs) >= 2 and any(s.start == span.start for s in signs):
            return "present"
    return status


# --------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------
def _status(kind: str, span: Span, category: str = "", ctx: _Context | None = None) -> Status:
    # "the kids would be better off without a dad like me": others are the subject, the
    # speaker is the one they would be without.
    about_speaker = category == RP.CRISIS and "without" in _words(span)
    if not about_speaker and _is_other_person(span):
        return "negated"
    if ctx is not None:
        resolved = _resolution(category, span, ctx)
        if resolved is not None:
            return resolved
        if _explained_by_exertion(category, span, ctx):
            return "negated"
    if _is_hedged(span) or (category == RP.CANCER and _cancer_question(span)):
        return "uncertain"
    if _negated(span):
        return "negated"
    return "uncertain" if kind == RP.WEAK else "present"


def hits_in_doc(doc: Doc) -> list[RedFlagHit]:
    """Red-flag hits in a document made by :func:`make_doc`."""
    found: dict[str, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for match_id, start, end in get_matcher()(doc):
        category, kind = doc.vocab.strings[match_id].split("|")
        found[category][kind].append(doc[start:end])
    ctx = _context(doc, found)
    hits: list[RedFlagHit] = []
    for category in CATEGORIES:
        kinds = found.get(category)
        if not kinds:
            continue
        kind_of: dict[tuple[int, int], str] = {}
        for kind in (RP.WEAK, RP.LIMITED, RP.SYMPTOM):  # symptom wins on identical spans
            for span in kinds.get(kind, []):
                kind_of[(span.start, span.end)] = kind
        candidates = [doc[s:e] for (s, e) in kind_of]
        # Exclusions first, so an explained-away symptom hides no weaker match under it.
        kept = _prefer_symptoms(
            [s for s in candidates if not _excluded(category, kind_of[(s.start, s.end)], s)],
            kind_of,
        )
        for span in kept:
            status = _status(kind_of[(span.start, span.end)], span, category, ctx)
            status = _crisis_cauda_status(
                category, kind_of[(span.start, span.end)], span, status, kept, kind_of
            )
            hits.append(RedFlagHit(category, status, span.start_char, span.end_char, span.text))
        taken = {i for s in candidates for i in range(s.start, s.end)}
        topics = [s for s in kinds.get(RP.TOPIC, []) if not taken & set(range(s.start, s.end))]
        for span in filter_spans(topics):
            if _is_other_person(span) or (not _is_hedged(span) and _negated(span)):
                hits.append(
                    RedFlagHit(category, "negated", span.start_char, span.end_char, span.text)
                )
    hits.extend(_age_fall_hits(ctx, hits, doc))
    return sorted(hits, key=lambda h: (h.start, CATEGORIES.index(h.category)))


def find_red_flags(text: str) -> list[RedFlagHit]:
    """Every red-flag mention in ``text`` with its status; never raises."""
    try:
        if not isinstance(text, str) or not text.strip():
            return []
        doc = make_doc(text)
        hits = hits_in_doc(doc)
        return [RedFlagHit(h.category, h.status, h.start, h.end, text[h.start : h.end])
                for h in hits]
    except Exception:  # noqa: BLE001 - safety screening must never break the dialogue
        logger.exception("Backstep red-flag detection failed")
        return []


def verdict_for(hits: Iterable[RedFlagHit]) -> RedFlagVerdict:
    """Combine hits: urgent if any present, else clarify if any uncertain, else none."""
    hits = tuple(hits)
    for level, status in (("urgent", "present"), ("clarify", "uncertain")):
        categories = {h.category for h in hits if h.status == status}
        if categories:
            category = min(categories, key=CATEGORIES.index)
            return RedFlagVerdict(level, category, hits)  # type: ignore[arg-type]
    return RedFlagVerdict("none", None, hits)


@lru_cache(maxsize=256)
def assess(text: str) -> RedFlagVerdict:
    """The red-flag verdict for one message; never raises.

    Cached: the entity extractor and the safety union both ask about the same message.
    """
    return verdict_for(find_red_flags(text))
