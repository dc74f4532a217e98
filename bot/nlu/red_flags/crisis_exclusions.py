"""Figures of speech that share crisis words: being here, waking up, cutting, getting off,
kilometres, going on, being without someone, being gone; each kept apart from the real thing."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.scope import (
    _WORRY,
    _clause_after,
    _clause_before,
    _is_break,
    _n,
    _sentence,
    _words,
)

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


#: "keeping back a couple of paracetamol in my bag for emergencies".
_KEEP_BACK_NOT = frozenset(
    {"bag", "handbag", "purse", "car", "emergencies", "emergency", "work", "pocket", "wallet",
     "desk", "office", "travel", "holiday", "flare", "flares", "bad", "trip", "glovebox"}
)


#: Where "killing myself" means overdoing it.
_OVERDOING = frozenset(
    {"gym", "work", "workout", "workouts", "training", "job", "office", "shift", "shifts",
     "class", "classes", "running", "diet", "garden", "overtime", "sessions"}
)


#: Words of despair that also judge a skill ("hopeless at remembering"), and what after
#: "at" or "with" keeps them despair ("hopeless with all this", "at life").
_JUDGED = frozenset({"hopeless", "worthless", "useless"})
_JUDGED_KEEP = frozenset({"life", "living", "everything", "all", "this", "it", "the", "being"})


#: Words of an ordinary dosing question ("is 4 a day too many?").
_DOSING = frozenset({"day", "daily", "per", "hours", "hourly", "dose", "doses", "dosage",
                     "morning", "night", "bedtime", "meals", "food"})


def _taken_for_the_pain(span: Span) -> bool:
    """A dose asked about "for my back", "for the pain": what it is taken for."""
    words = [_n(t) for t in _sentence(span)]
    return any(w == "for" and {"back", "pain", "ache", "headache"} & set(words[i + 1 : i + 4])
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
    if "too" in inside and (sentence & _DOSING or _taken_for_the_pain(span)):
        return True  # "how many ibuprofen is too many a day for a bad back?": dosing
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
    if kind == RV.WEAK and inside & {"saving", "saved"}:
        return nxt == "for" and nxt2 in _SAVING_FOR
    if "control" in inside:
        return nxt in _CONTROL_NOT
    if last in _JUDGED and nxt in {"at", "with"} and nxt2 not in _JUDGED_KEEP:
        # "I'm hopeless at remembering", "worthless with computers": a skill, not a mood
        return True
    if tokens[-2:] == ["killing", "myself"]:
        # "killing myself at the gym", "killing myself trying to keep up": overdoing it.
        return nxt in {"trying", "laughing", "doing"} or bool(after & _OVERDOING)
    return False
