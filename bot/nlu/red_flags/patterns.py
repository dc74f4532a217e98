"""Pattern tables for the Backstep red-flag detector (:mod:`bot.nlu.red_flags`).

Plain data plus a tiny compiler into spaCy ``Matcher`` token patterns.  Patterns match
on the token ``NORM``, which :mod:`bot.nlu.red_flags` sets to a spelling-normalised
form (known misspellings, British/American spellings and a small edit-distance check
against :data:`FUZZY_TARGETS`), so a pattern needs only the canonical spelling.

Notation (tokens separated by whitespace, as in :mod:`bot.nlu.patterns`):

* ``a|b|c``     -- the normalised token is one of the alternatives;
* ``@NAME``     -- a token class from :data:`TOKEN_CLASSES`;
* ``{NAME}``    -- a phrase macro from :data:`MACROS`, expanded into one pattern per
  alternative phrase (phrases may themselves use any notation);
* ``_``         -- any single token that is not a negation cue;
* ``re:<regex>`` -- the normalised token matches the regular expression;
* a trailing ``?``, ``*`` or ``+`` is the spaCy quantifier for that token.

Each category has three kinds of pattern:

* ``symptom`` -- a red flag when present (it may still be negated or hedged);
* ``weak``    -- ambiguous wording: at most "uncertain" (the bot asks);
* ``limited`` -- a red flag unless its sentence blames the pain ("can't walk because
  of the pain" is pain-limited, not a neurological deficit);
* ``topic``   -- a bare mention ("bladder", "fever"); only recorded when negated or
  reassured ("bladder fine"), so callers can tell "all symptoms denied" from silence.

:data:`CONTEXT` holds markers in the same notation that are not red flags themselves but
change how one is read: a resolution ("fine now", "went away", "in 2015 but ..."), a
recurrence or persistence that cancels it ("again", "twice", "since"), exertion or
cycling that explains jelly legs or a numb bum, and the person's own age >= 65 that makes
a minor fall ("slipped", "sat down hard") a fracture red flag.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from typing import Any

from bot.nlu.red_flags.targets_body import BODY_PATTERNS
from bot.nlu.red_flags.targets_serious import SERIOUS_PATTERNS
from bot.nlu.red_flags.vocabulary import (
    _GAP_STOPS,
    MACROS,
    NEGATION_NORMS,
    TOKEN_CLASSES,
)

#: Every target, by category and kind (the categories in their order of urgency).
PATTERNS: Mapping[str, Mapping[str, tuple[str, ...]]] = {**BODY_PATTERNS, **SERIOUS_PATTERNS}


# --------------------------------------------------------------------------------------
# context markers: not red flags themselves, they change how a red flag is read
# --------------------------------------------------------------------------------------
#: A resolution marker ("fine now", "went away", "fully recovered"): a symptom in the same
#: sentence is past, not a current red flag (see :data:`LASTING_HISTORY` for exceptions).
RESOLVED = "resolved"
#: Recurrence or persistence ("again", "twice", "keeps coming back", "still", "since"):
#: cancels :data:`RESOLVED`, :data:`EXERTION` and :data:`CYCLING` in the sentence/message.
ONGOING = "ongoing"
#: A distant past ("years ago", "in 2015", "as a kid"); with a following "but" it reads
#: as resolved ("leg went weak in 2015 but ...").
DISTANT_PAST = "distant_past"
#: Exertion that explains jelly/wobbly/weak legs ("after leg day", "after a long walk").
EXERTION = "exertion"
#: A passing illness or a jab that explains a fever or chills ("had the booster yesterday").
PASSING_ILLNESS = "passing_illness"
#: Cycling that explains a numb bum ("on the bike", "after a long ride").
CYCLING = "cycling"
#: The person's own age of 65 or more ("i'm 78", "aged 70", "in my 80s").
OLD_AGE = "old_age"
#: Minor trauma ("slipped", "sat down hard", "landed on my bottom"): a fracture red flag
#: together with :data:`OLD_AGE`.
MINOR_FALL = "minor_fall"

_AGE = "re:^(6[5-9]|[7-9][0-9]|10[0-9]|seventy|eighty|ninety)$"
_EXWORD = (
    "gym|workout|workouts|work-out|class|classes|spin|run|running|ride|hike|hiking|squats|"
    "squat|lunges|deadlifts|session|training|marathon|race|bootcamp|crossfit|pilates|zumba|"
    "swim|swimming|cycling|exercise|exercising|circuits|weights|hiit|aerobics|boxing|rowing|"
    "jog|jogging|trek|parkrun|10k|5k|match|game|climb|climbing|stairmaster|cycle|bike"
)
_EXFILL = (
    "long|hard|big|heavy|tough|intense|first|new|morning|evening|today's|yesterday's|"
    "spin|hiit|weights|gym|leg|bike|hill|uphill|killer|brutal|mad|crazy"
)
_SHORT = "second|seconds|sec|secs|minute|minutes|min|mins|moment|moments|bit|while|jiffy"

CONTEXT: Mapping[str, tuple[str, ...]] = {
    RESOLVED: (
        "totally|completely|all|perfectly|absolutely|back? fine|ok|okay|alright|normal|grand|"
        "sorted now|again|since|afterwards|once|after|within|by|shortly|soon|ever|later",
        "fine|ok|okay|alright|normal|grand ever since",
        "back to normal|myself",
        "back to|at full strength|power",
        "been|is|'s|s|at full strength|power",
        "been|felt|is|'s|s fine|normal|ok|okay|strong|good for|since months|weeks|ages|years",
        "went|gone away",
        "went|gone completely|entirely|totally",
        "wore|worn|wearing|wears off",
        "long|all gone",
        "gone now|again",
        "'s|s|is|its|has|was gone",
        "all done",
        "now gone",
        "disappeared|vanished|subsided|resolved|cleared|healed|mended",
        "cleared|clearing|settled|calmed|died up|down|off",
        "fully|completely|totally|since|have|has|had|'ve|was|am|i? recovered",
        "got|get over it|that|them",
        "sorted itself|themselves out",
        "'s|s|is|was|been|all|got|now sorted",
        "came|come|comes|coming back after|within|in a|about|few|couple|of* " + _SHORT,
        "feeling|sensation|strength|power|movement|control came|come|comes|coming|returned "
        "back? after|within|in|quickly|straight|soon|again|fine|now|ok|okay|though|,|.|and",
        "only|just lasted|lasting|for a|few|couple|of* " + _SHORT,
        "lasted only|just|about? a|few|couple|of* " + _SHORT,
        "@NOT|never|hasnt|havent|didnt @ADV? happened|recurred|returned again|since",
        "@NOT|never|hasnt|havent|didnt @ADV? had|felt|noticed it|that|any|them|one since|again",
        "no problems|issues|trouble since",
        "no|nothing harm|damage done",
        "unhurt|unscathed|unharmed",
        "gone|passed|over|better|fine|cleared by? the next|following morning|day|evening|night",
        # over, in so many words: "all better", "stopped once I came off it", "all clear"
        "all|much|lot|lots|loads better",
        "better now|since",
        "stopped|ceased|eased off? now|once|after|when|by|within|a|,|.",
        "all -? clear",
        "discharged|signed off",
        "treated|fixed|cured with|by|and|successfully|at|in|,",
        "sorted|fixed|cleared|cured it|that|them",
    ),
    ONGOING: (
        "again|twice|repeatedly|recurring|recurred|recurrent|recurs|returned|returning|"
        "relapsed|still|keeps|keep|kept|ongoing|persistent|persisting|constantly",
        "back again",
        "'s|s|is|are|'re|its back",
        "came|come|comes|coming back",
        "happened|happening|happens|happen more than once",
        "happened|happening|happens|happen before|repeatedly|lots|loads",
        "re:^[2-9]$|three|four|five|several|few|many|multiple|couple|lots|loads of? "
        "times|occasions",
        "more and|& more",
        "more often|frequently",
        "on and|&|n off",
        "off and|&|n on",
        "comes|come and|&|n goes|go",
        "every day|night|morning|week|evening",
        "all the time",
        "since",
        "@NOT|never @ADV? fully|completely|totally|properly|quite|really? recovered|healed|"
        "resolved|better|right|normal|same|cleared",
        "@NOT|never|hasnt|havent|isnt|wont @ADV? gone|worn|cleared|settled|stopped|eased|improved|"
        "recovered|budged|shifted|wore",
        "still there",
        # "hasn't come back" may be the strength or feeling not coming back: ongoing
        "@NOT|never|hasnt|havent|didnt @ADV? come|came|coming back",
        "@NOT|never|hasnt|havent|didnt @ADV? returned",
        "apart|aside from",
        "except|excepting|besides",
        "other than|then",
        "getting|got|gets|growing|going|gone weaker|worse|number|more",
        "worse and|& worse",
        "weaker and|& weaker",
        "even after|when|with|while rest|resting|sitting|stopping|lying|sleep|i",
        "@NOT|never|wont|hasnt|isnt|doesnt|didnt @ADV? go|gone|going|goes|went|wear|worn|"
        "wearing|wore|clear|cleared|settle|settled away|off|down|up",
    ),
    DISTANT_PAST: (
        "years|yrs|yr|decades|decade ago|back",
        "year ago",
        "last year",
        "ages ago|back",
        "a? long time ago|back",
        "in|back re:^(19[5-9][0-9]|20[0-2][0-9])$",
        "as a kid|child|teen|teenager|baby|student|youngster|toddler",
        "when i was|were a? younger|little|small|kid|child|teenager|teen|student|baby",
        "in my|our teens|twenties|20s|thirties|30s|youth",
    ),
    EXERTION: (
        f"after|from|during|post|following|at|with -? @POSS? {_EXFILL}? {_EXFILL}? {_EXWORD}",
        "leg|legs day",
        "legday",
        "working|worked|work out",
        "after|from|during @POSS? long|big|hilly|mountain|10|mile walk|walks",
        "overdid|overdone|overdoing it|things",
        # "after I did a marathon", "after running a 10k"
        f"after|from|since i|we? did|doing|done|ran|running|finished|completed a|an|the|my|our? "
        f"{_EXFILL}? {_EXWORD}",
    ),
    # A passing illness or a jab that explains a fever or chills ("flu jab yesterday and
    # feverish", "a cold with a slight temperature")
    PASSING_ILLNESS: (
        "flu|covid|booster|boosters|vaccine|vaccines|vaccination|vaccinated|jab|jabs|jabbed",
        "flu|covid|tetanus|shingles|rsv|travel shot|shots",
        "a|the|bad|heavy|head|horrible|stinking|chesty|streaming? cold|colds",
        "tummy|stomach|sickness|winter|vomiting bug",
        "sore|strep throat",
        "man -? flu",
        "a|the|some|nasty|viral virus|bug",
    ),
    CYCLING: (
        "cycling|cycled|biking|bike|bikes|bicycle|peloton|turbo|sportive|cyclist|mtb|"
        "velodrome",
        "spin class|classes|bike|session",
        "on|off @POSS? saddle",
        "saddle sore|sores|time",
        "after|from|during|on|with @POSS? long|longer|big|hilly|hard|bike|horse? ride|rides|"
        "riding",
        "horse riding",
        "riding|rode @POSS? bike|bicycle|horse",
        "re:^\\d+$ mile|miles|km|k|kilometre|kilometer ride|rides|sportive|cycle|loop",
    ),
    OLD_AGE: (
        f"i|im|am|'m now|nearly|almost|over|just|turning|turned|aged? {_AGE}",
        f"aged|age|turned|turning {_AGE}",
        f"at {_AGE}",
        f"{_AGE} -? year|yr|years|yrs -? old",
        f"{_AGE} yo|y/o|yrs|here|male|female|m|f|man|woman|lady|gent|bloke|guy|and|&|,",
        "re:^(6[5-9]|[7-9][0-9]|10[0-9])(yo|y/o|yr|yrs|m|f)$",
        f"male|female|man|woman|m|f ,? {_AGE}",
        "in my|me late? 70s|80s|90s|seventies|eighties|nineties",
        "in my|me late 60s|sixties",
    ),
    MINOR_FALL: (
        "fell|fallen|slipped|tripped|tumbled|toppled|slid|skidded|keeled",
        "had|took|taken|having a|another nasty|bad|silly|little|small? fall|tumble|spill|slip",
        "after|since|from @POSS? nasty|bad|silly|little|small? fall|tumble|spill",
        "went|came|gone|go down hard|heavily|backwards",
        "went|gone flying",
        "went|gone arse|head over",
        "sat|sit|sitting|landed|land|plonked|plopped down? really|very|quite|so|pretty|super? "
        "hard|heavily",
        "landed|land|landing down? right|straight|smack|flat|square|bang? on|onto @POSS? bum|"
        "bottom|back|backside|coccyx|tailbone|behind|hip|side",
        "wiped|wipe|wiping out on|hard|badly",
        "sneezed|coughed|sneezing|coughing|sneeze|cough",
        "felt|heard a crack|snap|crunch",
        "came|come down on|onto @POSS? bum|bottom|back|backside|coccyx|tailbone|behind|hip",
        "missed|miss|missing @POSS? last|bottom|top? step|footing|stair|kerb|curb",
        "lost|lose|losing @POSS? footing",
        "came a cropper",
    ),
}

#: Span words of histories that stay red flags even when they are in the past: a cancer
#: history, thin bones, long-term steroids, immunosuppression, injecting drug use (checked
#: for the infection, fracture and cancer categories only).
LASTING_HISTORY: frozenset[str] = frozenset(
    {
        # cancer
        "cancer", "carcinoma", "lymphoma", "myeloma", "leukaemia", "melanoma", "sarcoma",
        "tumour", "metastases", "metastatic", "mets", "secondaries", "oncology", "oncologist",
        "mastectomy", "radiotherapy", "malignant", "malignancy", "hodgkin", "hodgkins",
        "lumpectomy", "prostatectomy", "remission", "chemo", "chemotherapy",
        # thin bones, steroids
        "osteoporosis", "osteopenia", "brittle", "thin", "thinning", "fragile", "porous",
        "density", "steroids", "steroid", "prednisolone", "prednisone", "pred",
        "dexamethasone", "hydrocortisone", "corticosteroids", "corticosteroid",
        # immunosuppression
        "immunosuppressed", "immunocompromised", "immunosuppressant", "immunosuppressants",
        "immunosuppression", "immunodeficiency", "immunodeficient", "immune", "immunity",
        "hiv", "transplant", "transplanted", "tacrolimus", "ciclosporin", "cyclosporine",
        "mycophenolate", "azathioprine", "methotrexate", "sirolimus", "humira",
        "adalimumab", "infliximab", "etanercept", "rituximab", "ustekinumab", "secukinumab",
        "tofacitinib", "biologic", "biologics", "dmards", "dmard", "remicade", "enbrel",
        "antirejection", "rejection",
        # injecting drug use
        "inject", "injected", "injecting", "injection", "injections", "iv", "intravenous",
        "ivdu", "pwid", "heroin", "smack", "needle", "needles", "syringe", "syringes",
        "shoot", "shooting", "shot", "shoots", "drugs", "drug",
    }
)

def _expand(spec: str) -> list[str]:
    """Expand ``{NAME}`` macros into one plain spec per combination of phrases."""
    parts = re.split(r"(\{[A-Z]+\})", spec)
    choices: list[tuple[str, ...]] = []
    for part in parts:
        if part.startswith("{") and part.endswith("}"):
            choices.append(MACROS[part[1:-1]])
        else:
            choices.append((part,))
    return [" ".join("".join(combo).split()) for combo in itertools.product(*choices)]


def _class_values(name: str) -> list[str]:
    return list(TOKEN_CLASSES[name]["NORM"]["IN"])


def _token(part: str) -> dict[str, Any]:
    """One token pattern: alternatives of words, ``@CLASS`` members and ``re:`` regexes."""
    if part == "_":
        return {"NORM": {"NOT_IN": sorted(NEGATION_NORMS)}}
    if part == "~":  # a gap word: neither a negation nor the end of a clause
        return {"NORM": {"NOT_IN": sorted(NEGATION_NORMS | _GAP_STOPS)}}
    if part.startswith("re:"):
        return {"NORM": {"REGEX": part[3:]}}
    values: list[str] = []
    for option in part.split("|"):
        values.extend(_class_values(option[1:]) if option.startswith("@") else [option])
    regexes = [v[3:] for v in values if v.startswith("re:")]
    words = list(dict.fromkeys(v for v in values if not v.startswith("re:")))
    if regexes:
        alternation = "|".join([*(re.escape(w) for w in words), *regexes])
        return {"NORM": {"REGEX": f"^(?:{alternation})$"}}
    return {"NORM": words[0]} if len(words) == 1 else {"NORM": {"IN": words}}


def compile_spec(spec: str) -> list[dict[str, Any]]:
    """Compile one macro-free spec into a spaCy ``Matcher`` pattern on ``NORM``."""
    tokens: list[dict[str, Any]] = []
    for raw in spec.split():
        part, op = raw, None
        if len(part) > 1 and part[-1] in "?*+" and not (part.startswith("re:") and part[-2] != "$"):
            part, op = part[:-1], part[-1]
        token = _token(part)
        if op is not None:
            token["OP"] = op
        tokens.append(token)
    return tokens


def context_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """The :data:`CONTEXT` marker patterns keyed by label, ready for ``Matcher.add``."""
    return {
        label: [compile_spec(plain) for spec in specs for plain in _expand(spec)]
        for label, specs in CONTEXT.items()
    }


def matcher_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """All patterns keyed ``"<category>|<kind>"``, ready for ``Matcher.add``."""
    out: dict[str, list[list[dict[str, Any]]]] = {}
    for category, kinds in PATTERNS.items():
        for kind, specs in kinds.items():
            compiled = [compile_spec(plain) for spec in specs for plain in _expand(spec)]
            if compiled:
                out[f"{category}|{kind}"] = compiled
    return out
