"""What makes a matched phrase not a red flag: heat or cold, care work, a past ordinary
illness, and the crisis and cauda equina figures of speech."""

from __future__ import annotations

import re

from spacy.tokens import Span

from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.context import _OTHER_SUBJECT
from bot.nlu.red_flags.crisis_exclusions import _crisis_excluded
from bot.nlu.red_flags.scope import _OTHERS, _clause_after, _clause_before, _n, _sentence, _words

_PAIN_CONTEXT = frozenset(
    {"pain", "pains", "painful", "hurts", "hurt", "hurting", "agony", "sore", "ache", "aches",
     "aching", "spasm", "spasms", "stiff", "because", "cos", "coz", "due", "too", "sciatica",
     "excruciating", "agonising", "agonizing"}
)

#: After "can't stand": how the back is held, not whether the legs bear weight.
_POSTURE = frozenset({"straight", "upright"})
_SPASM = frozenset({"spasm", "spasms", "spasmed", "spasming", "locked", "locks", "seized",
                    "seizes", "froze", "frozen", "cramp", "cramped", "cramping"})
#: "... without it hurting": what limits the walk is the pain.
_WITHOUT = frozenset({"without", "withoot", "wi'oot", "witout"})
_IT_PAIN = frozenset({"it", "pain", "the", "hurting", "aching"})


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
        and not before & RV.NEGATION_NORMS
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


#: Lengths of a short course ("steroids for 2 weeks in 2019"); a long one says more.
_SHORT_SPANS = frozenset({"day", "days", "week", "weeks", "fortnight", "course"})
_LONG_SPANS = frozenset({"month", "months", "year", "years", "long", "term", "still", "ongoing"})
#: Words that make a crash or a truck a figure of speech just before it ("like", "a total").
_LIKENESS = frozenset({"like", "if", "though"})
_METAPHOR = frozenset({"total", "complete", "absolute", "utter", "proper", "bit", "walking"})


_CRACK = frozenset({"crack", "cracked", "cracking", "cracks", "click", "clicked", "pop", "popped"})


def _cracked_on_purpose(span: Span) -> bool:
    """A back cracked by someone on purpose ("should I crack my back myself?", "the
    chiropractor cracked her back"): a verb with the back as its object."""
    words = [_n(t) for t in span.doc[span.start : min(len(span.doc), span.end + 2)]]
    return any(
        w in _CRACK and words[i + 1 : i + 3] in (["my", "back"], ["your", "back"],
                                                  ["his", "back"], ["her", "back"],
                                                  ["their", "back"], ["ur", "back"])
        for i, w in enumerate(words)
    )


def _a_short_course(span: Span) -> bool:
    """A course of steroids counted in days or weeks, not long-term treatment."""
    around = _words(span.doc[max(0, span.start - 6) : min(len(span.doc), span.end + 6)])
    return bool(around & _SHORT_SPANS) and not around & _LONG_SPANS


def _a_likeness(span: Span) -> bool:
    """A crash or a blow said as a likeness ("feels like I was hit by a truck") or a
    metaphor for the back ("my back is a total car crash"), not an accident."""
    before = [_n(t) for t in span.doc[max(0, span.start - 5) : span.start]]
    return bool(set(before) & _LIKENESS) or bool(before[-1:]) and before[-1] in _METAPHOR


def _excluded(category: str, kind: str, span: Span) -> bool:
    doc = span.doc
    nxt = _n(doc[span.end]) if span.end < len(doc) else ""
    prev = _n(doc[span.start - 1]) if span.start > 0 else ""
    inside = _words(span)
    sentence = _words(_sentence(span))
    if kind in (RV.WEAK, RV.LIMITED) and category == RV.NEURO_DEFICIT:
        # "it locked up, couldn't stand up straight": a back held bent by a spasm, not
        # legs that will not hold (without a spasm named, it is still asked about);
        # "can't walk to the shops without it hurting": limited by the pain
        posture = _words(doc[span.end : span.end + 2]) & _POSTURE and _words(doc[:]) & _SPASM
        after = [_n(t) for t in doc[span.end : span.end + 6]]
        by_pain = any(
            w in _WITHOUT and after[i + 1 : i + 2] and after[i + 1] in _IT_PAIN
            for i, w in enumerate(after)
        )
        return bool(sentence & _PAIN_CONTEXT or posture or by_pain)
    if category == RV.CAUDA_EQUINA:
        if nxt == "of" and _n(span[-1]) in _SADDLE_OF:
            return True
        if _cauda_excluded(kind, span):
            return True
        if inside & {"incontinent", "incontinence"} and nxt in _OTHERS:
            return True  # "incontinent residents": the people cared for
        if inside & {"incontinent", "incontinence"} and _at_work(span):
            return True  # "i'm a nurse so i deal with catheters and incontinence all day"
        return nxt in {"laughing", "laughin", "laughed"}
    if category == RV.CRISIS:
        return _crisis_excluded(kind, span)
    if category == RV.NEURO_DEFICIT:
        if "weaker" in inside and (
            inside | _words(doc[max(0, span.start - 3) : span.start])
        ) & _OTHER_SUBJECT:
            return True  # "the ache in my leg is getting weaker": the pain is easing
        if "clumsy" in inside and prev in {"just", "being", "only"}:
            return True  # "stumbled on the kerb, just clumsy": a one-off, explained
        return nxt == "asleep"
    if category == RV.INFECTION:
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
    if category == RV.FRACTURE:
        if inside & {"broke", "break", "broken", "cracked", "crack"} and (
            prev in {"nearly", "almost", "practically", "virtually"}
            or _words(_clause_after(span, 3)) & {"laughing", "laughin", "laughed", "laugh"}
        ):
            return True  # "nearly broke my back laughing": an idiom
        if inside & {"steroids", "steroid", "prednisolone", "prednisone", "pred",
                     "dexamethasone", "hydrocortisone", "corticosteroids", "corticosteroid"}:
            around = _words(doc[max(0, span.start - 3) : min(len(doc), span.end + 3)])
            return bool(around & _STEROID_ROUTES) or _a_short_course(span)
        # "feel like I've been hit by a truck", "my back's a total car crash"; "crack my
        # back" is a manipulation, not an injury ("heard a crack in my back" is one)
        return _a_likeness(span) or _cracked_on_purpose(span)
    if category == RV.CANCER:
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


_URGE_NIGHT = frozenset({"night", "nights", "overnight", "great", "nice", "relief", "lovely"})


#: After "no urge to go": somewhere or something, not the toilet.
_URGE_GO_KEEP = frozenset({"toilet", "loo", "bathroom", "wc", "wee", "pee", "poo"})


def _cauda_excluded(kind: str, span: Span) -> bool:
    """"no urge to go" somewhere other than the toilet ("no urge to go out"), "no urge to
    eat", and no longer needing a wee at night (good news, not retention)."""
    if kind != RV.WEAK:
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
