"""Deterministic red-flag detector for low back pain messages (NICE CKS/NG59, BMJ BP).

:func:`find_red_flags` lists every red-flag mention in a message with its status
(present, negated or uncertain); :func:`assess` turns them into one verdict:
``urgent`` if any mention is present, else ``clarify`` if any is uncertain (hedged:
"I might have a slight temperature?"), else ``none``.

It reuses the Backstep pipeline's vocabulary and tokenizer (:func:`get_nlp`) and the
generic negation helper (:mod:`bot.nlp.negation`), with a cached spaCy ``Matcher``
built lazily from :mod:`bot.nlp.red_flag_patterns`.  Tokens are matched on a
spelling-normalised ``NORM`` (known misspellings plus a small edit-distance check), so
"blader", "bowles", "temprature" and "osteoperosis" are caught.

Both functions never raise: unusable input gives no hits (and a logged exception).
"""

from __future__ import annotations

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

from bot.nlp import red_flag_patterns as RP
from bot.nlp.negation import (
    AFFIRMATIVE_WORDS,
    REASSURANCE_WORDS,
    contains_cue,
    negation_cue_before,
)
from bot.nlp.pipeline import clean_text, get_nlp

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
     "her", "sibling", "siblings", "coworker", "folks"}
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
            return True
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


def _negated(span: Span) -> bool:
    """Negated by a preceding cue (in scope) or a following reassurance."""
    doc = span.doc
    if not contains_cue(span):
        cue = negation_cue_before(span, window=5)
        if cue is not None and not _scope_broken(doc, cue.i, span.start):
            return True
        if _reassured_after(span):
            return True
    for token in _clause_before(span, window=5):
        word = _n(token)
        if word in _EXTRA_CUES and not _scope_broken(doc, token.i, span.start):
            if word == "free" and not (token.i + 1 < len(doc) and _n(doc[token.i + 1]) == "of"):
                continue
            if word == "ruled" and not (token.i + 1 < len(doc) and _n(doc[token.i + 1]) == "out"):
                continue
            return True
    after = [_n(t) for t in _clause_after(span, window=4)]
    return "ruled" in after and "out" in after


def _reassured_after(span: Span, window: int = 4) -> bool:
    """A reassurance follows in the clause ("bladder and bowels are fine").

    Unlike :func:`bot.nlp.negation.negated_after`, a negated complaint verb does not count:
    "i wet myself and couldn't feel it" is not a denial.
    """
    for token in _clause_after(span, window):
        word = _n(token)
        if word in {",", "and", "but", "or"} or word in AFFIRMATIVE_WORDS:
            return False
        if word in RP.NEGATION_NORMS:
            return False
        if word in REASSURANCE_WORDS:
            return True
    return False


def _scope_broken(doc: Doc, cue_index: int, span_start: int) -> bool:
    between = doc[cue_index + 1 : span_start]
    if len(between) and _n(between[0]) in _BLOCKING:
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
        return nxt in {"laughing", "laughin", "laughed"}
    if category == RP.NEURO_DEFICIT:
        return nxt == "asleep"
    if category == RP.INFECTION:
        if "fever" in inside and prev in _FEVER_NOT:
            return True
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
        if inside & {"steroids", "steroid", "prednisolone", "prednisone", "pred",
                     "dexamethasone", "hydrocortisone", "corticosteroids", "corticosteroid"}:
            around = _words(doc[max(0, span.start - 3) : min(len(doc), span.end + 3)])
            return bool(around & _STEROID_ROUTES)
        return False
    if category == RP.CANCER:
        if len(span) == 1 and nxt in _CANCER_NOT:
            return True
        if inside & _NIGHT_WORDS:
            return bool(_words(_clause_after(span, 6)) & _MECHANICAL) or bool(
                _words(_clause_before(span, 6)) & _MECHANICAL
            )
        if inside & {"weight", "stone", "kilos", "kg", "pounds", "lbs", "weightloss"} or any(
            re.match(r"^\d", w) for w in inside
        ):
            text = " ".join(_n(t) for t in _sentence(span))
            if sentence & _UNINTENTIONAL or _INTENTIONAL_RE.search(text):
                return False
            return bool(sentence & _INTENTIONAL)
    return False


# --------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------
def _status(kind: str, span: Span) -> Status:
    if _is_other_person(span):
        return "negated"
    if _is_hedged(span):
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
        kept = [
            s for s in filter_spans(candidates)
            if not _excluded(category, kind_of[(s.start, s.end)], s)
        ]
        for span in kept:
            status = _status(kind_of[(span.start, span.end)], span)
            hits.append(RedFlagHit(category, status, span.start_char, span.end_char, span.text))
        taken = {i for s in candidates for i in range(s.start, s.end)}
        topics = [s for s in kinds.get(RP.TOPIC, []) if not taken & set(range(s.start, s.end))]
        for span in filter_spans(topics):
            if _is_other_person(span) or (not _is_hedged(span) and _negated(span)):
                hits.append(
                    RedFlagHit(category, "negated", span.start_char, span.end_char, span.text)
                )
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
