"""What makes a matched phrase not a red flag: heat or cold, care work, a past ordinary
illness, and the crisis and cauda equina figures of speech."""

from __future__ import annotations

import re

from spacy.tokens import Span

from bot.nlu.red_flags import vocabulary as RV
from bot.nlu.red_flags.crisis_exclusions import _crisis_excluded
from bot.nlu.red_flags.hedges import asked_ahead
from bot.nlu.red_flags.rulebook import word_sets
from bot.nlu.red_flags.scope import (
    _FIRST_PERSON,
    _OTHERS,
    _clause_after,
    _clause_before,
    _n,
    _sentence,
    _words,
)

_WORDS = word_sets("exclusions")
_EASING_SUBJECT = _WORDS["easing_subject"]
_PARALYSED_FIGURES = _WORDS["paralysed_figures"]
_BREAK_WORDS = _WORDS["break_words"]
_CLUMSY_DISMISSERS = _WORDS["clumsy_dismissers"]
_FEVER_NOUNS = _WORDS["fever_nouns"]
_GO_ELSEWHERE = _WORDS["go_elsewhere"]
_GO_TO_WORDS = _WORDS["go_to_words"]
_HAVE_FORMS = _WORDS["have_forms"]
_INJECT_WORDS = _WORDS["inject_words"]
_LAUGH_WORDS = _WORDS["laugh_words"]
_LAUGHING = _WORDS["laughing"]
_NEARLY_WORDS = _WORDS["nearly_words"]
_COUNTED_BREAKS = _WORDS["counted_breaks"]
_FRACTURE_NOUNS = frozenset({"fracture", "fractures"})
_THE_BACK = _WORDS["the_back"]
_NOW_WORDS = _WORDS["now_words"]
_REGARDLESS_WORDS = _WORDS["regardless_words"]
_SHIVER_WORDS = _WORDS["shiver_words"]
_SHOOT_PAIN_NEXT = _WORDS["shoot_pain_next"]
_SHOOT_WORDS = _WORDS["shoot_words"]
_SMACK_ADVERB_NEXT = _WORDS["smack_adverb_next"]
_STEROID_WORDS = _WORDS["steroid_words"]
_SWEAT_WORDS = _WORDS["sweat_words"]
_TEMP_JOB_BEFORE = _WORDS["temp_job_before"]
_URGE_NEXT = _WORDS["urge_next"]
_URGE_WORDS = _WORDS["urge_words"]
_WEIGHT_WORDS = _WORDS["weight_words"]
_CLOTHES = _WORDS["clothes"]
_PROBLEM_NOUNS = _WORDS["problem_nouns"]
_NOT_THE_BODY = _WORDS["not_the_body"]
_NOT_SPINAL = _WORDS["not_spinal"]

_PAIN_CONTEXT = _WORDS["pain_context"]
_POSTURE = _WORDS["posture"]
_POSTURE_HOLDERS = _WORDS["the_back"] | _WORDS["spasm"]
_HOW_LONG = _WORDS["how_long"]
_TOLERATED = _WORDS["tolerated"]
_SPASM = _WORDS["spasm"]
_WITHOUT = _WORDS["without"]
_IT_PAIN = _WORDS["it_pain"]
_MECHANICAL = _WORDS["mechanical"]
_LYING_STILL = _WORDS["lying_still"]
_POWER_LOST = _WORDS["power_lost"]
_ONE_BUTTOCK = _WORDS["one_buttock"]
_SIDES = _WORDS["sides"]
_NIGHT_WORDS = _WORDS["night_words"]
_INTENTIONAL = _WORDS["intentional"]
_UNINTENTIONAL = _WORDS["unintentional"]
_WISHED_FOR = _WORDS["wished_for"]
_WISH_FILLERS = _WORDS["wish_fillers"]
_STEROID_ROUTES = _WORDS["steroid_routes"]
_INJECT_BENIGN = _WORDS["inject_benign"]
_SADDLE_OF = _WORDS["saddle_of"]
_FEVER_NOT = _WORDS["fever_not"]
_TRANSPLANT_NOT = _WORDS["transplant_not"]
_CANCER_NOT = _WORDS["cancer_not"]
_ZODIAC = _WORDS["zodiac"]
_EMOTION_LEGS = _WORDS["emotion_legs"]
_STRESS_LEAK = _WORDS["stress_leak"]
_LEAK_WORDS = _WORDS["leak_words"]
_LONG_STANDING = _WORDS["long_standing"]
#: After "a Cancer" (capitalised): the sentence goes on about the person, not an illness.
_STAR_SIGN_NEXT = _WORDS["star_sign_next"] | {""}
_SLEPT_AWKWARDLY = _WORDS["slept_awkwardly"]
_AWKWARD_PLACES = _WORDS["awkward_places"]
_TEMP_NOT = _WORDS["temp_not"]
_JOKE_MARKS = _WORDS["joke_marks"]
_JOKE_COMPARISONS = _WORDS["joke_comparisons"]
_JOKERS = _WORDS["jokers"]
_JOKE_MEANT = _WORDS["joke_meant"]
_GOING_ON = _WORDS["going_on"]
_NOBODY = RV.NEGATION_NORMS | {"one"}  # "nobody laughed", "no one laughed", "didn't laugh"
_THIRD_OBJECTS = _WORDS["third_objects"]
_CANCER_NAMED = _WORDS["cancer_named"]


_INTENTIONAL_RE = re.compile(
    r"\b(not|n't|nt|never|no|without)\s+(been\s+|even\s+|really\s+)?(trying|tried|dieting|"
    r"changed|doing anything|on (a |any )?diet)"
)

_COLD = _WORDS["cold"]
_HEAT = _WORDS["heat"]
_FEELS_HOT = _WORDS["feels_hot"]
_FEELS_COLD = _WORDS["feels_cold"]
_CARE_JOBS = _WORDS["care_jobs"]
_DEAL_WITH = _WORDS["deal_with"]
_OTHER_ILLNESS = _WORDS["other_illness"]


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
        and not _HAVE_FORMS & set(before)
        and bool(after & _OTHER_ILLNESS)
        and not sentence & _NOW_WORDS
    )

_SHORT_SPANS = _WORDS["short_spans"]
_LONG_SPANS = _WORDS["long_spans"]
_DATE_BEFORE = _WORDS["date_before"]
_LIKENESS = _WORDS["likeness"]
_METAPHOR = _WORDS["metaphor"]
_CRACK = _WORDS["crack"]


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
    """A course of steroids counted in days or weeks, not long-term treatment ("last
    month" dates the course, it does not measure it)."""
    doc = span.doc
    tokens = doc[max(0, span.start - 6) : min(len(doc), span.end + 6)]
    lasting = any(
        _n(t) in _LONG_SPANS and not (t.i > 0 and _n(doc[t.i - 1]) in _DATE_BEFORE)
        for t in tokens
    )
    return bool(_words(tokens) & _SHORT_SPANS) and not lasting


def _a_likeness(span: Span) -> bool:
    """A crash or a blow said as a likeness ("feels like I was hit by a truck") or a
    metaphor for the back ("my back is a total car crash"), not an accident."""
    before = [_n(t) for t in span.doc[max(0, span.start - 5) : span.start]]
    return bool(set(before) & _LIKENESS) or bool(before[-1:]) and before[-1] in _METAPHOR


def _someone_elses_joke(span: Span) -> bool:
    """A sign said by someone else as a joke that compares or conditions it ("a colleague
    joked he'd rather die than sit through another meeting, everyone laughed", "my boss
    joked 'I'd sooner jump off the roof than do another spreadsheet'"): a figure of speech,
    unless the message takes it as meant ("he wasn't joking", "he's been very low")."""
    doc = span.doc
    message = _words(doc[:])
    words = [_n(t) for t in doc]
    not_joking = any(
        w in RV.NEGATION_NORMS and nxt in {"joking", "kidding"}
        for w, nxt in zip(words, words[1:], strict=False)
    )
    laughed = any(
        w in _JOKE_MARKS and not set(words[max(0, i - 2) : i]) & _NOBODY
        for i, w in enumerate(words)
    )  # not "nobody laughed"
    if not laughed or message & _JOKE_MEANT or not_joking:
        return False
    after = words[span.end : span.end + 8]
    if not set(after) & _JOKE_COMPARISONS:
        return False
    compared = after[after.index(next(w for w in after if w in _JOKE_COMPARISONS)) + 1 :]
    if " ".join(compared[:2]) in _GOING_ON or compared[:1] and compared[0] in _GOING_ON:
        return False  # "rather be dead than go on": living itself, no figure
    sentence = _sentence(span)
    people = [_n(t) for t in doc[sentence.start : span.start]
              if _n(t) in _OTHERS | _JOKERS | _FIRST_PERSON]
    return bool(people) and people[0] not in _FIRST_PERSON


def _excluded(category: str, kind: str, span: Span) -> bool:
    doc = span.doc
    nxt = _n(doc[span.end]) if span.end < len(doc) else ""
    prev = _n(doc[span.start - 1]) if span.start > 0 else ""
    inside = _words(span)
    sentence = _words(_sentence(span))
    if _someone_elses_joke(span):
        return True  # "a colleague joked he'd rather die than sit through another meeting"
    if category != RV.CRISIS and asked_ahead(span):
        return True  # "what do I do if I ever get numbness down there? asking in advance"
    if kind == RV.WEAK and prev in _NOT_THE_BODY:
        return True  # "the rain never lets up", "traffic flow was slow": not the body
    # a leg losing power ("gives way", "no strength in it"): pain told with it does not
    # explain it away as it does a walk cut short
    power_lost = kind == RV.WEAK and bool(inside & _POWER_LOST)
    if kind in (RV.WEAK, RV.LIMITED) and category == RV.NEURO_DEFICIT and not power_lost:
        # "it locked up, couldn't stand up straight", "my back is wrecked ... could barely
        # stand up straight": a back held bent, not legs that will not hold (with neither
        # the back nor a spasm named, it is still asked about);
        # "can't walk to the shops without it hurting": limited by the pain
        posture = _words(doc[span.end : span.end + 2]) & _POSTURE and (
            _words(doc[:]) & _POSTURE_HOLDERS)
        after = [_n(t) for t in doc[span.end : span.end + 6]]
        by_pain = any(
            w in _WITHOUT and after[i + 1 : i + 2] and after[i + 1] in _IT_PAIN
            for i, w in enumerate(after)
        )
        # "can't stand long", "can't walk far": a limit of tolerance
        limit = kind == RV.WEAK and _n(span[-1]) in _TOLERATED and nxt in _HOW_LONG
        return bool(sentence & _PAIN_CONTEXT or posture or by_pain or limit)
    if category == RV.CAUDA_EQUINA:
        if nxt == "of" and _n(span[-1]) in _SADDLE_OF:
            return True
        if _n(span[0]) in RV.NEGATION_NORMS and nxt in _PROBLEM_NOUNS:
            return True  # "no erection problems": the problems are denied, not a loss
        if _cauda_excluded(kind, span):
            return True
        if inside & {"incontinent", "incontinence"} and nxt in _OTHERS:
            return True  # "incontinent residents": the people cared for
        message = _words(doc[:])
        if inside & _LEAK_WORDS and message & _STRESS_LEAK and message & _LONG_STANDING:
            return True  # "I leak a little when I laugh or sneeze, since the kids": stress
        if inside & {"incontinent", "incontinence"} and _at_work(span):
            return True  # "i'm a nurse so i deal with catheters and incontinence all day"
        return nxt in _LAUGHING
    if category == RV.CRISIS:
        return _crisis_excluded(kind, span)
    if category == RV.NEURO_DEFICIT:
        if "weaker" in inside and (
            inside | _words(doc[max(0, span.start - 3) : span.start])
        ) & _EASING_SUBJECT:
            return True  # "the ache in my leg is getting weaker": the pain is easing
        if "clumsy" in inside and prev in _CLUMSY_DISMISSERS:
            return True  # "stumbled on the kerb, just clumsy": a one-off, explained
        if prev in _CLOTHES:
            return True  # "my trousers keep falling down": the clothes fall
        if inside & {"paralysed", "paralysis"} and nxt in {"with", "by"} and _words(
            doc[span.end + 1 : span.end + 3]
        ) & _PARALYSED_FIGURES:
            return True  # "paralysed with indecision", "paralysed by fear": a figure
        if ("jelly" in inside or power_lost) and sentence & _EMOTION_LEGS:
            return True  # "my legs went to jelly watching the match": nerves, a figure
        if inside & _ODD_GAIT and sentence & _GAIT_EXPLAINED:
            return True  # "walking lopsided in the boot since the knee op": the aid or the joint
        return nxt == "asleep"
    if category == RV.INFECTION:
        if "fever" in inside and prev in _FEVER_NOT:
            return True
        if inside & {"infection", "infections"} and len(span) == 1 and prev in _NOT_SPINAL:
            return True  # "a chest infection": a passing illness elsewhere
        # "one minute boiling the next freezing": hot and cold by turns is a fever, so
        # neither the heat nor the cold explains the sweats or shivers away.
        by_turns = bool(sentence & _FEELS_HOT and sentence & _FEELS_COLD)
        if inside & _SWEAT_WORDS and (
            sentence & _HEAT and not by_turns
        ):
            return True  # "like a sauna with this heatwave, waking up sweaty"
        if inside & _SHIVER_WORDS and (
            sentence & _COLD and not by_turns
        ):
            return True  # "cold plunges for my back, get the shivers after"
        if "smack" in inside and nxt in _SMACK_ADVERB_NEXT:
            return True  # "landed smack on my tailbone": an adverb, not heroin
        if inside & _FEVER_NOUNS and _past_other_illness(span):
            return True  # "had a fever with the flu over christmas"
        if "transplant" in inside and prev in _TRANSPLANT_NOT:
            return True
        if inside & {"temp", "temperature"} and nxt in _TEMP_NOT:
            return True
        if "temp" in inside and _n(span[0]) == "a" and prev in _TEMP_JOB_BEFORE:
            return True
        if inside & _INJECT_WORDS and nxt in _INJECT_BENIGN:
            return True
        if inside & _SHOOT_WORDS:
            return nxt in _SHOOT_PAIN_NEXT
        return False
    if category == RV.FRACTURE:
        if inside & _BREAK_WORDS and (
            prev in _NEARLY_WORDS
            or _words(_clause_after(span, 3)) & _LAUGH_WORDS
        ):
            return True  # "nearly broke my back laughing": an idiom
        if prev in _COUNTED_BREAKS and inside <= _FRACTURE_NOUNS and not sentence & _THE_BACK:
            return True  # "broke my wrist as a kid, my only ever fracture": history
        if inside & _STEROID_WORDS:
            around = _words(doc[max(0, span.start - 3) : min(len(doc), span.end + 3)])
            return bool(around & _STEROID_ROUTES) or _a_short_course(span)
        # "feel like I've been hit by a truck", "my back's a total car crash"; "crack my
        # back" is a manipulation, not an injury ("heard a crack in my back" is one)
        return _a_likeness(span) or _cracked_on_purpose(span)
    if category == RV.CANCER:
        if len(span) == 1 and nxt in _CANCER_NOT:
            return True
        if len(span) == 1 and (sentence & _ZODIAC or (
            span.text == "Cancer" and prev == "a" and (
                nxt in _STAR_SIGN_NEXT or doc[span.end].is_punct
            )
        )):
            return True  # "I'm a Cancer, hard shell": a star sign
        kept_up = inside & _THIRD_OBJECTS and inside & _NIGHT_WORDS  # "keeps him up at night"
        if (_n(span[-1]) in _THIRD_OBJECTS or kept_up) and not _words(doc[:]) & _CANCER_NAMED:
            return True  # "my husband's back pain wakes him every night": theirs, no cancer
        if inside & _NIGHT_WORDS:
            around = _words(_clause_after(span, 6)) | _words(_clause_before(span, 6))
            if around & _REGARDLESS_WORDS:
                return False  # "no matter how i lie": the opposite of mechanical
            if sentence & _SLEPT_AWKWARDLY and sentence & _AWKWARD_PLACES:
                return True  # "woke me at 4, but I'd fallen asleep on the sofa all twisted"
            # a weak night pain is mechanical only with a movement named, not lying down
            moved = _MECHANICAL - _LYING_STILL if kind == RV.WEAK else _MECHANICAL
            return bool(around & moved)
        if inside & _WEIGHT_WORDS or any(
            re.match(r"^\d", w) for w in inside
        ):
            text = " ".join(_n(t) for t in _sentence(span))
            if sentence & _UNINTENTIONAL or _INTENTIONAL_RE.search(text):
                return False
            if _wished_for(span):
                return True  # "I wish I'd lost weight, but no": wanted, not had
            return bool(sentence & _INTENTIONAL)
    return False

def _wished_for(span: Span) -> bool:
    """A loss wished for ("wish I'd lost weight"): a wish word just before the span, with
    only its fillers between."""
    j = span.start - 1
    while j >= 0 and _n(span.doc[j]) in _WISH_FILLERS:
        j -= 1
    return j >= 0 and _n(span.doc[j]) in _WISHED_FOR


_ODD_GAIT = _WORDS["odd_gait"]
_GAIT_EXPLAINED = _WORDS["gait_explained"]
_URGE_NIGHT = _WORDS["urge_night"]
_URGE_GO_KEEP = _WORDS["urge_go_keep"]


def _cauda_excluded(kind: str, span: Span) -> bool:
    """"no urge to go" somewhere other than the toilet ("no urge to go out"), "no urge to
    eat", and no longer needing a wee at night (good news, not retention)."""
    if kind != RV.WEAK:
        return False
    inside = _words(span)
    if inside & _SIDES and inside & _ONE_BUTTOCK:
        return True  # "tingly ache in the left buttock": sciatica's path, not the saddle
    doc = span.doc
    nxt = _n(doc[span.end]) if span.end < len(doc) else ""
    last = _n(span[-1])
    if last in {"urge", "urges"}:  # a longer pattern took "no urge to pee"
        return nxt in _URGE_NEXT
    if {_n(t) for t in span} & _URGE_WORDS and _words(
        _clause_after(span, window=6)
    ) & _URGE_NIGHT:
        return True
    if last not in {"go", "going"}:
        return False
    if nxt in _GO_TO_WORDS:
        return not (_words(_clause_after(span, window=4)) & _URGE_GO_KEEP)
    return nxt in _GO_ELSEWHERE
