"""Pattern tables for the Backstep intake extractor.

Everything here is plain data plus a tiny compiler that turns a compact pattern
notation into spaCy token patterns (for the built-in ``span_ruler``).

Pattern notation (one string per pattern, tokens separated by whitespace):

* ``bend|bending``  -- the lower-cased token is one of the alternatives;
* ``@NAME``         -- a named token class from :data:`TOKEN_CLASSES`;
* ``_``             -- any single token that is *not* a negation cue;
* ``re:<regex>``    -- the lower-cased token matches the regular expression;
* a trailing ``?``, ``*`` or ``+`` is the spaCy quantifier for that token.

Each table maps a normalised value to its patterns.  Values ending in
:data:`ALONE` only count when the match stands on its own (nothing but
punctuation or the edge of the message either side), e.g. a bare "both".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.nlu.holidays import HOLIDAY_WORDS

# Slot names (a public contract with the Rasa domain).
PAIN_DIRECTION = "pain_direction"
PAIN_DURATION_DAYS = "pain_duration_days"
FLEXIBILITY = "flexibility"
SPASM = "spasm"
LEG_PAIN = "leg_pain"
PAIN_SCORE = "pain_score"

SLOTS: tuple[str, ...] = (
    PAIN_DIRECTION,
    PAIN_DURATION_DAYS,
    FLEXIBILITY,
    SPASM,
    LEG_PAIN,
    PAIN_SCORE,
)

#: Suffix on a pattern value: only valid when the match stands alone.
ALONE = "@alone"
#: Span-ruler key the pipeline writes its matches to.
SPANS_KEY = "backstep"

# Token-level negation cues (lower-cased spaCy tokens; "can't" -> "ca" "n't",
# "cant" -> "ca" "nt", "cannot" -> "can" "not").
NEGATION_TOKENS: frozenset[str] = frozenset(
    {
        "no",
        "not",
        "n't",
        "nt",
        "nae",
        "never",
        "without",
        "neither",
        "nor",
        "none",
        "dont",
        "doesnt",
        "isnt",
        "arent",
        "havent",
        "hasnt",
        "cant",
        "wont",
        "didnt",
    }
)

_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|"
    "seventy|eighty|ninety|hundred"
)
_PAIN_WORDS = (
    "zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_UNITS = (
    "day|days|d|week|weeks|wk|wks|w|fortnight|fortnights|month|months|mo|mos|mth|mths|mnth|"
    "mnths|monts|year|years|yr|yrs|y|yeras|hour|hours|hr|hrs|h|weeeks|weks|dys"
)
_UNITS_SEP = (
    "day|days|week|weeks|wk|wks|fortnight|fortnights|month|months|mos|mth|mths|mnth|mnths|"
    "monts|year|years|yr|yrs|yeras|hour|hours|hr|hrs|weeeks|weks|dys"
)
_MONTHS = (
    "january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|"
    "september|sept|sep|october|oct|november|nov|december|dec"
)
_WEEKDAYS = (
    "monday|mon|tuesday|tue|tues|wednesday|wed|weds|thursday|thu|thur|thurs|friday|fri|"
    "saturday|sat|sunday|sun"
)


def _in(words: str) -> dict[str, Any]:
    return {"LOWER": {"IN": words.split("|")}}


#: Named token classes usable as ``@NAME`` in patterns.
TOKEN_CLASSES: Mapping[str, Mapping[str, Any]] = {
    "POSS": _in("my|the|his|her|their|your|our|both|a"),
    "SIDE": _in("left|right|l|r|upper|lower|back|front|outer|inner|side"),
    "NOT": _in("not|n't|nt"),
    "CAN": _in("ca|can|could|cud"),
    "NEG": {"LOWER": {"IN": sorted(NEGATION_TOKENS)}},
    "MUSCLE": _in(
        "hamstring|hamstrings|hammies|hammys|hamies|hamstrigs|hamstings|hamstrngs|hams|hip|hips|"
        "glute|glutes|buttock|buttocks|bum|butt|muscles|muscle|legs|calves|calf|quads|back"
    ),
    # below the knee, or the leg as a whole (the thigh alone is not below the knee)
    "LEG": _in("leg|legs|calf|calves|foot|feet|ankle|ankles|shin|shins|toes|knee|knees|lge"),
    "LEGMUSCLE": _in(
        "hamstring|hamstrings|hammies|hammys|hamies|hamstrigs|hamstings|hamstrngs|hams|hip|hips|"
        "glute|glutes|buttock|buttocks|calves|calf|quads"
    ),
    "BE": _in("is|are|'s|'re|feel|feels|felt|seem|seems|get|gets|got|was|were|am|'m|always"),
    "INTENS": _in(
        "very|really|so|quite|super|a|bit|little|pretty|rather|too|extremely|kinda|kind|of|"
        "always|often|sometimes|slightly|incredibly|fairly|reasonably"
    ),
    # duration
    "DNUM": {"LOWER": {"REGEX": rf"^([-~]?\d+(\.\d+)?|{_NUMBER_WORDS}|an?)$"}},
    "DUNIT": _in(_UNITS_SEP),
    "DGLUED": {"LOWER": {"REGEX": rf"^[-~]?\d+(\.\d+)?({_UNITS})$"}},
    "ANCHOR": _in(
        "since|sinse|snice|sicne|from|started|start|starts|began|begun|beginning|starting|begin"
    ),
    "WEEKDAY": _in(_WEEKDAYS),
    "MONTH": _in(_MONTHS),
    "DAYNUM": {
        "LOWER": {
            "REGEX": r"^(\d{1,2}(st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|"
            r"seventh|eighth|ninth|tenth)$"
        }
    },
    "YEAR": {"LOWER": {"REGEX": r"^(19|20)\d\d$"}},
    "HOLIDAY": {"LOWER": {"IN": sorted(HOLIDAY_WORDS)}},
    "DATEDBY": _in("in|at|on|around|during|over"),
    "DFILL": _in("on|last|this|past|around|about|roughly|early|mid|late|end|beginning|start|of"),
    # pain score
    "PNUM": {"LOWER": {"REGEX": rf"^(-?\d{{1,3}}(\.\d+)?|{_PAIN_WORDS})$"}},
    "PNUM1": {"LOWER": {"REGEX": rf"^(-?\d{{1,3}}(\.\d+)?|{_PAIN_WORDS}|one)$"}},
    "PSLASH": {"LOWER": {"REGEX": r"^-?\d{1,3}(\.\d+)?/10$"}},
    "PTEN": _in("10|ten"),
    "PFILL": _in(
        "is|'s|was|at|around|about|like|maybe|probably|currently|now|today|a|an|level|score|"
        "rating|right|usually|roughly|approximately|approx|~|of|generally|mostly|typically|"
        "tonight|solid|easy|strong|constant|steady|still|only|just|be|'d|would|say|it|as|high|"
        "low|sits|sitting"
    ),
    "PMARK": _in(
        "pain|painscore|pains|rate|rated|rating|give|gave|score|level|say|call|put|ache|hurts"
    ),
}


# --------------------------------------------------------------------------------------
# pain_direction
# --------------------------------------------------------------------------------------
_FWD = "forward|forwards|fwd|foward|forwad|over|down|frwd"
_BACKWARD = "back|backward|backwards|backwords|backword|bakward|bakwards"

DIRECTION_PATTERNS: Mapping[str, tuple[str, ...]] = {
    "flexion": (
        f"bend|bends|bending|bent|bendin|bned|bnding|stoop|stooping|stoops|crouch|crouching|"
        f"squat|squatting|hunch|hunching|hunched|slouch|slouching|slumped|slumping "
        f"{_FWD}?",
        f"lean|leans|leaning|leant|leaned|learning {_FWD}",
        "flexion|flexing|flex|flexed",
        "tie|ties|tying|tieing|lacing|lace|do|doing @POSS? shoes|shoe|shoelaces|laces",
        "put|puts|putting|pull|pulling|get|getting on|off? @POSS? socks|sock|shoes|trousers|"
        "pants|jeans|tights",
        "pick|picks|picking|picked|pickin _? _? up",
        "off|from @POSS? floor|ground",
        "sit|sits|sitting|sat|seated|siting|sittin",
        "sit|sits|sitting|sat|seated|siting for|too|a? long|longer|ages|hours|while|periods",
        "lift|lifts|lifting|lifted|liftin",
        "vacuuming|hoovering|gardening|weeding|mopping",
        # everyday things done bent or sitting
        "dishwasher|washing-machine|laces|shoelace",
        "load|loading|unload|unloading|empty|emptying @POSS? washing|dishwasher|machine",
        "get|gets|getting|got|stand|standing|rise|rising|stood up? from|out of? @POSS? "
        "chair|seat|sofa|couch|car|toilet|loo|desk",
        "when|after|while|from|on|long|longer|the @POSS? drive|drives|driving|commute|"
        "commuting",
        "driving|drive|commuting @BE @INTENS* kills|killing|hurts|murder|agony|worse|bad|"
        "awful|terrible|sore|painful|hell",
        f"@CAN not|n't|nt|hardly|barely bend|lean|stoop|sit|tie|pick {_FWD}?",
    ),
    "extension": (
        f"bend|bends|bending|bent|lean|leans|leaning|leant|leaned|arch|arches|arching|tilt|"
        f"tilting|stretch|stretching|learning {_BACKWARD}",
        f"@CAN not|n't|nt|hardly|barely bend|lean|arch|stretch {_BACKWARD}",
        "arch|arches|arching|arched @POSS? back",
        "extension|extending|extend",
        "stand|stands|standing|stood up? straight|upright",
        "stand|stands|standing|stood up? straight? for|too|all? a? long|longer|ages|hours|"
        "while|periods|day",
        "@CAN @NOT stand|straighten up? straight|upright?",
        "straighten|straightening up?",
        "reach|reaches|reaching|reached|stretch|stretching up|upwards|overhead|high",
        "reach|reaches|reaching|reached|lift|lifting|raise|raising @POSS? arms|arm|hands? "
        "above|over|overhead @POSS? head?",
        "overhead",
        "lie|lies|lying|laying|lay|sleep|sleeping on @POSS? stomach|front|belly|tummy",
        # everyday things done upright or arched
        "queue|queues|queueing|queuing",
        "stand|standing|waiting|wait in @POSS? line|queue",
        "walk|walking|walks|go|going|come|coming|run|running down @POSS? stairs|hill|hills|"
        "slope|slopes",
        "walk|walking|walks|go|going|come|coming|run|running downhill|downstairs",
        "look|looking|looks up at? @POSS? ceiling|sky|shelf|shelves?",
        "top|high shelf|shelves|cupboard|cupboards",
    ),
    "both": (
        "both" + ALONE,
        "both ways|directions|direction|movements|of|equally|really|hurt|do|are|bother|make",
        "either way|direction|directions|one",
        "every|any|all direction|directions|movement|movements|way|ways|motion",
        "any|every|all kind|kinds|sort|sorts|type|types of movement|movements|motion",
        f"{_FWD}|front and|or|&|/ {_BACKWARD}|back",
        f"{_BACKWARD} and|or|&|/ {_FWD}|forth",
        "back and forth|forward",
    ),
    "none": (
        "no|not|n't|nt clear|particular|specific|real|obvious|one direction|movement|pattern|"
        "position|trigger",
        "not|n't|nt|no sure|certain|know|idea which|what|whether|if _? movement|movements|"
        "direction|way|position|one|it|positions",
        "nothing in? particular|specific|special",
        "nothing makes|make it worse",
        "all the time",
        "whatever|regardless i|of? do|move|movement|position",
        "no matter what|how|which",
        "does|do n't|nt|not matter how|what|which",
        "nothing|no movement|moving|position|positions changes|change|affects|affect|alters",
        "same|constant|there whatever|regardless|no matter",
        "does|do n't|nt|not change|vary with|when i move",
        "neither" + ALONE,
        "none" + ALONE,
        "nothing" + ALONE,
    ),
}

# --------------------------------------------------------------------------------------
# flexibility and spasm
# --------------------------------------------------------------------------------------
FLEXIBILITY_PATTERNS: Mapping[str, tuple[str, ...]] = {
    "tight": (
        "tight|tighter|tightness|stiff|stiffer|stiffness|tense|rigid|inflexible|stif|tite|"
        "tigth|tght",
        "tight|stiff|short|tense @MUSCLE",
        "@POSS? @MUSCLE @BE @INTENS* tight|stiff|tense|short|rigid",
        "@CAN @NOT _? touch|reach|get|grab _? @POSS? toes|feet|floor|ankles|shins|toe",
        "stiff as a board|plank|poker",
        "@LEGMUSCLE @BE? like piano|guitar|steel|iron|concrete|rock|rocks|bricks|wire|wires|"
        "cables|bowstrings",
    ),
    "normal": (
        "can|could|able _? touch|reach|get|grab _? @POSS? toes|feet|floor|toe",
        "flexible|bendy|supple|limber|bendable|flexibe|flexable|flexble",
        "not|n't|nt|no|never @INTENS* tight|stiff|tense|rigid|stiffness|tightness",
        "@POSS? @LEGMUSCLE @BE @INTENS* fine|ok|okay|normal|good|loose|great|alright",
        "normal|good|decent|fine|ok|okay flexibility",
        "flexibility is|'s|seems fine|ok|okay|normal|good|decent",
        # touching one's toes at all is flexible; "haven't touched my toes since school" is
        # that, negated
        "touch|touched|touching|reach|reached @POSS? toes|toe|floor",
        "yoga|pilates|gymnastics|ballet|gymnast|dancer|contortionist every|each day|daily|week",
        "do|does|teach|teaches|practise|practice yoga|pilates|ballet|gymnastics",
    ),
}

SPASM_PATTERNS: Mapping[str, tuple[str, ...]] = {
    "true": (
        "spasm|spasms|spasming|spasmed|spazm|spazms|spasim|spams|spasams",
        "in|into @POSS? spasm|spasms",
        "muscle|back spasm|spasms",
        "locked|seized|seizing|seizes|locks|locking|locking|froze|freezes|freezing up",
        "back|it|is|'s|was|feels|felt|totally|completely|got|gets|went|just|has|had|all "
        "frozen|locked|seized",
        "frozen" + ALONE,
    ),
}

# --------------------------------------------------------------------------------------
# leg_pain
# --------------------------------------------------------------------------------------
LEG_PAIN_PATTERNS: Mapping[str, tuple[str, ...]] = {
    "true": (
        "sciatica|sciatic|siatica|sciatia|sciatca|sciatika|scatica",
        "leg|legs|calf|calves|shin lpain|pain|pains|ache|aches|aching|hurts|"
        "hurt|tingling|numbness|burning",
        "pain|pains|ache|aching|tingling|numbness|burning|shooting|hurts|hurting in|down|into "
        "@POSS? @SIDE? @LEG",
        "down|into|thru|through @POSS? @SIDE? back|front|side|outside|inside? of? @POSS? "
        "@SIDE? @LEG",
        "to|towards @POSS? @SIDE? foot|feet|calf|calves|ankle|ankles|leg|legs|knee|knees",
        "below|past|beyond|under|underneath @POSS? knee|knees",
    ),
    "false": (
        "only|just|purely|solely|strictly|entirely|mostly|mainly in? @POSS? lower|low? back|"
        "spine",
        "stays|stay|staying|stayed|remains|localised|localized|confined|limited in|to "
        "@POSS? lower|low? back|spine",
        "nothing|none going? down|in|into @POSS? @SIDE? @LEG",
        "@POSS? @LEG @BE fine|ok|okay|normal|good|alright",
        "@NOT radiate|spread|travel|radiating|spreading",
        "@NOT go|going|travel anywhere|elsewhere",
        # as far as the buttock, hip or thigh, and no further: not below the knee
        "only|just|mostly|mainly in|into|to|round|around? @POSS? @SIDE? "
        "buttock|buttocks|bum|butt|glute|glutes|hip|hips|thigh|thighs|groin",
        "stops|stop|stopping|ends|ending|finishes|goes|comes at|above|before|by @POSS? "
        "@SIDE? knee|knees|thigh|thighs|bum|buttock|hip",
        "no|not|nt|n't|never further|lower|past|below than? the? @SIDE? "
        "buttock|bum|hip|thigh|knee|knees",
        "above @POSS? knee|knees",
    ),
}

# --------------------------------------------------------------------------------------
# pain_duration_days (normalised in Python by ``bot.nlu.duration``)
# --------------------------------------------------------------------------------------
DURATION_PATTERNS: Mapping[str, tuple[str, ...]] = {
    "duration": (
        "@DNUM @DUNIT",
        "@DGLUED",
        "@DNUM -|–|to|or @DNUM @DUNIT",
        "@DNUM and a half @DUNIT",
        "@DNUM @DUNIT and a half",
        "@DNUM @DUNIT or @DNUM",
        "@DNUM @DUNIT and|, @DNUM @DUNIT",
        "a? couple|few|several of? @DUNIT",
        "half a|an @DUNIT",
        "@ANCHOR the? day before yesterday",
        "@ANCHOR yesterday|today|tonight|christmas|xmas|easter|lastnight|yday",
        "@ANCHOR earlier? today",
        "@ANCHOR last|this night|morning|afternoon|evening|week|month|year|weekend",
        "@ANCHOR @DFILL* @WEEKDAY",
        "@ANCHOR the? weekend",
        "@ANCHOR @DFILL* the? @MONTH @DAYNUM? ,? @YEAR?",
        "@ANCHOR @DFILL* the? @DAYNUM of? @MONTH ,? @YEAR?",
        "@ANCHOR @YEAR",
        "@ANCHOR new years|year|yr 's?",
        "@ANCHOR @DFILL* the? @HOLIDAY+",
        # an event dated a few words on: "since we moved house in June"
        "@ANCHOR _ _? _? _? _? @DATEDBY @DFILL* the? @MONTH",
        "@ANCHOR _ _? _? _? _? @DATEDBY @DFILL* the? @WEEKDAY",
        "@ANCHOR _ _? _? _? _? @DATEDBY @DFILL* the? @HOLIDAY+",
        "yesterday" + ALONE,
        "last night" + ALONE,
        "this morning" + ALONE,
    ),
}

# --------------------------------------------------------------------------------------
# pain_score (the number is read in Python; only explicit markers count)
# --------------------------------------------------------------------------------------
PAIN_SCORE_PATTERNS: Mapping[str, tuple[str, ...]] = {
    "score": (
        "@PSLASH",
        "@PNUM1 / @PTEN",
        "@PNUM1 out|outta of? @PTEN",
        "@PNUM1 on a scale",
        "@PMARK @PFILL* @PNUM",
        "it|its|that @PFILL+ @PNUM",
        "about|around|maybe|probably|roughly|like|say|approximately|approx|solid|easy|"
        "strong|prob a|an @PNUM",
        "a|an? solid|good|strong|easy|hard|firm|weak|low|high @PNUM",
        "zero",
    ),
}

#: Words after (or just before) a movement that say it eases the pain: "leaning back eases
#: it", "what helps is sitting". Such a movement is the relieving direction, and the pain
#: lies the other way (McKenzie's directional preference).
RELIEF_WORDS: frozenset[str] = frozenset(
    {"eases", "ease", "eased", "easing", "helps", "help", "helped", "relieves", "relieve",
     "relief", "better", "easier", "soothes", "comfier", "comfortable", "nicer", "loosens"}
)

#: Every table, keyed by slot name.
PATTERN_TABLES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    PAIN_DIRECTION: DIRECTION_PATTERNS,
    PAIN_DURATION_DAYS: DURATION_PATTERNS,
    FLEXIBILITY: FLEXIBILITY_PATTERNS,
    SPASM: SPASM_PATTERNS,
    LEG_PAIN: LEG_PAIN_PATTERNS,
    PAIN_SCORE: PAIN_SCORE_PATTERNS,
}


def compile_pattern(spec: str) -> list[dict[str, Any]]:
    """Compile one pattern in the compact notation into a spaCy token pattern."""
    tokens: list[dict[str, Any]] = []
    for raw in spec.split():
        part, op = raw, None
        if len(part) > 1 and part[-1] in "?*+":
            part, op = part[:-1], part[-1]
        token: dict[str, Any]
        if part.startswith("@"):
            token = dict(TOKEN_CLASSES[part[1:]])
        elif part == "_":
            token = {"LOWER": {"NOT_IN": sorted(NEGATION_TOKENS)}}
        elif part.startswith("re:"):
            token = {"LOWER": {"REGEX": part[3:]}}
        else:
            options = part.split("|")
            token = {"LOWER": part} if len(options) == 1 else {"LOWER": {"IN": options}}
        if op is not None:
            token["OP"] = op
        tokens.append(token)
    return tokens


def ruler_patterns() -> list[dict[str, Any]]:
    """All patterns as ``span_ruler`` dicts: label = slot name, id = normalised value."""
    out: list[dict[str, Any]] = []
    for label, table in PATTERN_TABLES.items():
        for value, specs in table.items():
            for spec in specs:
                pattern_id = value
                if spec.endswith(ALONE):
                    spec = spec[: -len(ALONE)]
                    pattern_id = value + ALONE
                out.append({"label": label, "id": pattern_id, "pattern": compile_pattern(spec)})
    return out
