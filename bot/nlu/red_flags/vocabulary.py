"""The red-flag matcher's vocabulary: categories and kinds, spellings and fuzzy targets,
token classes and macros, and the small shared pattern pieces the targets are written in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CRISIS = "crisis"
CAUDA_EQUINA = "cauda_equina"
NEURO_DEFICIT = "neuro_deficit"
INFECTION = "infection"
FRACTURE = "fracture"
CANCER = "cancer"

#: Categories, most urgent first.
CATEGORIES: tuple[str, ...] = (CRISIS, CAUDA_EQUINA, NEURO_DEFICIT, INFECTION, FRACTURE, CANCER)

SYMPTOM = "symptom"
WEAK = "weak"
LIMITED = "limited"
TOPIC = "topic"
KINDS: tuple[str, ...] = (SYMPTOM, WEAK, LIMITED, TOPIC)

#: Normalised negation cues (the tokenizer's NORM turns "n't"/"nt" into "not").
NEGATION_NORMS: frozenset[str] = frozenset(
    {"no", "not", "never", "without", "neither", "nor", "none", "dont", "doesnt", "isnt",
     "arent", "havent", "hasnt", "cant", "wont", "didnt", "n't", "nt", "nobody", "noone"}
)

# --------------------------------------------------------------------------------------
# spelling normalisation
# --------------------------------------------------------------------------------------
#: Known misspellings and variant spellings -> canonical spelling.
SPELLINGS: Mapping[str, str] = {
    # bladder / bowel
    "blader": "bladder", "bladdr": "bladder", "bldder": "bladder", "bladda": "bladder",
    "bladders": "bladder", "bowles": "bowels", "bowells": "bowels", "bowell": "bowel",
    "bowls": "bowels", "bowl": "bowel", "controll": "control", "contol": "control",
    "controle": "control", "contrl": "control", "incontinant": "incontinent",
    "incontinance": "incontinence", "incontinent": "incontinent", "urin": "urine",
    "urinate": "urinate", "pee'd": "peed", "wee'd": "weed", "weed": "weed", "pissed": "pissed",
    "pooped": "pooed", "pood": "pooed", "poo'd": "pooed", "myslef": "myself",
    "mysef": "myself", "meself": "myself", "mysefl": "myself", "myselfe": "myself",
    "leeking": "leaking", "leakin": "leaking", "numm": "numb", "nunb": "numb", "numbe": "numb",
    "numbed": "numb", "numbish": "numb", "tingly": "tingly", "tinglin": "tingling",
    "tinglng": "tingling", "tingleing": "tingling", "tinglyness": "tingling",
    "privates": "privates", "privats": "privates", "botom": "bottom", "bottem": "bottom",
    "buttox": "buttocks", "butox": "buttocks", "arse": "bum", "butt": "bum", "ass": "bum",
    "backside": "bum", "crotch": "groin", "errection": "erection", "erektion": "erection",
    "feces": "faeces", "fecal": "faecal",
    # neuro
    "weeker": "weaker", "weakr": "weaker", "weakend": "weakened", "paralyzed": "paralysed",
    "paralized": "paralysed", "paralised": "paralysed", "gives": "gives", "givin": "giving",
    "buckels": "buckles", "clumsey": "clumsy", "wobly": "wobbly",
    # infection
    "feaver": "fever", "fevar": "fever", "fevers": "fever", "fevor": "fever",
    "feverishness": "feverish", "feverishh": "feverish", "fevery": "feverish",
    "temprature": "temperature", "tempature": "temperature", "temperture": "temperature",
    "tempreture": "temperature", "temprture": "temperature", "temperatures": "temperature",
    "tempurature": "temperature", "temps": "temp", "chils": "chills", "chillls": "chills",
    "shivvering": "shivering", "shiverin": "shivering", "shivvers": "shivers",
    "swets": "sweats", "sweatin": "sweating", "nightsweats": "night_sweats",
    "rigours": "rigors", "immunocompromized": "immunocompromised",
    "immunosupressed": "immunosuppressed", "immunosuppresed": "immunosuppressed",
    "chemotheraphy": "chemotherapy", "keemo": "chemo", "kemo": "chemo",
    "sepsis": "sepsis", "hiv+": "hiv",
    # fracture
    "osteoperosis": "osteoporosis", "osteoprosis": "osteoporosis", "osteoporsis": "osteoporosis",
    "ostioporosis": "osteoporosis", "osteoporosys": "osteoporosis", "osteopaenia": "osteopenia",
    "osteoporotic": "osteoporosis", "steriods": "steroids", "steroids": "steroids",
    "steriod": "steroid", "sterioids": "steroids", "steroides": "steroids",
    "ladda": "ladder", "lader": "ladder", "stairz": "stairs", "accidant": "accident",
    "acident": "accident", "accidnet": "accident", "motorcycle": "motorbike",
    "fractured": "fractured", "fracure": "fracture",
    # cancer
    "tumor": "tumour", "tumors": "tumour", "tumours": "tumour", "tumer": "tumour",
    "leukemia": "leukaemia", "leukaemia": "leukaemia", "cancers": "cancer", "cancor": "cancer",
    "cancar": "cancer", "wieght": "weight", "weigth": "weight", "wight": "weight",
    "wait": "wait", "nite": "night", "nights": "night", "nighttime": "night",
    # crisis
    "sucidal": "suicidal", "suisidal": "suicidal", "suicidle": "suicidal",
    "sucide": "suicide", "suicde": "suicide", "suiside": "suicide", "selfharm": "self_harm",
    "wanna": "want", "wana": "want", "gonna": "going", "kil": "kill",
    # function words
    "nae": "not", "doon": "down",
    "cant": "cant", "u": "you", "ur": "your", "im": "im", "coz": "because", "cos": "because",
    "cuz": "because", "bc": "because", "becuase": "because", "becasue": "because",
    "tho": "though", "thru": "through", "abit": "a_bit", "realy": "really", "reallly": "really",
    "evn": "even", "evry": "every", "properley": "properly", "propely": "properly",
    "propperly": "properly", "walkin": "walking", "peein": "peeing", "weein": "weeing",
}

#: Distinctive medical words that may be matched with one typo (two when >= 10 letters).
FUZZY_TARGETS: frozenset[str] = frozenset(
    {
        "bladder", "bowels", "control", "incontinent", "incontinence", "urinate", "urinating",
        "urine", "numbness", "tingling", "genitals", "buttocks", "buttock", "perineum",
        "erection", "erectile", "weakness", "weaker", "paralysed", "paralysis",
        "temperature", "feverish", "fever", "shivering", "chemotherapy", "immunosuppressed",
        "immunocompromised", "suicidal", "suicide", "osteoporosis", "osteopenia", "steroids",
        "prednisolone", "accident", "fracture", "fractured", "cancer", "tumour", "lymphoma",
        "myeloma", "leukaemia", "melanoma", "metastases", "radiotherapy", "oncologist",
        "motorbike", "scaffolding", "whiplash", "retention", "sensation", "unexplained",
    }
)

#: Real words one typo away from a fuzzy target: never "corrected".
PROTECTED_WORDS: frozenset[str] = frozenset(
    {
        "fewer", "cancel", "canter", "cancers", "tickling", "tinkling", "election", "erections",
        "leaning", "ladder", "larder", "bowled", "bowler", "bowed", "urged", "unite", "united",
        "urinal", "sweets", "steroid", "fevers", "weakened", "weakens", "wearer", "tumours",
        "retentive", "sensations", "accidents", "fractures", "controls", "controlled",
        "contrail", "bladders", "tumble", "tumbles", "fever", "humour", "rumour",
    }
)

# --------------------------------------------------------------------------------------
# token classes and phrase macros
# --------------------------------------------------------------------------------------
_SIDE = "left|right|l|r|upper|lower|front|inner|outer|whole|entire|both|one|other"


def _in(words: str) -> dict[str, Any]:
    return {"NORM": {"IN": words.split("|")}}


TOKEN_CLASSES: Mapping[str, Mapping[str, Any]] = {
    "POSS": _in("my|the|his|her|a|an|any|some|me|ma|your|our|their|both|this|that|its"),
    "SIDE": _in(_SIDE),
    "NOT": _in("not|never|no"),
    "CAN": _in("can|could|cud|cn|ca"),
    "I": _in("i|im|i'm|we|me"),
    "BE": _in(
        "is|are|am|'m|m|was|were|been|be|being|'s|s|'re|feel|feels|felt|feeling|seem|seems|"
        "seemed|gone|went|going|go|goes|get|gets|got|getting|become|became|becoming|has|have|"
        "had|'ve|keeps|keep|kept|always|now|still|really|very|so|quite|bit|a|a_bit|little|"
        "totally|completely|all|just|kinda|kind|of|sort|slightly|more|started|starting|to|"
        "even|pretty|super|proper|properly|weirdly|strangely|suddenly|lately|"
        "recently|constantly|sometimes|often|too|might|may|could|would|will|noticeably|definitely|literally|"
        "actually|somewhat|extremely|increasingly|gradually|progressively|much|further"
    ),
    "NUMB": _in(
        "numb|numbness|tingling|tingly|tingle|tingles|tingled|deadness|dead|pins|"
        "prickly|prickling|buzzing|fizzing|fizzy|anaesthesia|anesthesia"
    ),
    "SADDLE": _in(
        "bum|bottom|buttock|buttocks|saddle|groin|genitals|genital|privates|perineum|taint|"
        "vagina|vaginal|penis|testicles|testicle|balls|scrotum|labia|anus|vulva|willy|willie|"
        "dick|undercarriage|nethers|crotch|rectum|rectal|bits"
    ),
    "BLADDER": _in(
        "bladder|urine|wee|pee|piss|urination|waterworks|weeing|peeing|pissing|urinating|"
        "urinary|wees|pees|weeing"
    ),
    "BOWEL": _in("bowel|bowels|poo|poop|poos|stool|stools|faeces|faecal|bum|motions"),
    "LOSS": _in(
        "lost|losing|lose|loss|no|zero|poor|reduced|less|little|without|lack|lacking|"
        "decreased|diminished|weak|weaker|weakened"
    ),
    "LEG": _in(
        "leg|legs|foot|feet|ankle|ankles|knee|knees|thigh|thighs|calf|calves|toes|toe|lge|"
        "lgs|legg|leggs"
    ),
    "WEAK": _in(
        "weak|weaker|weakness|weakening|weakened|feeble|floppy|floppier|useless|jelly|paralysed|"
        "paralysis|powerless|weaken|weakens|limp|feebler"
    ),
    "FALL": _in(
        "fell|fall|fallen|falling|falls|slipped|slip|slipping|tumbled|tumble|thrown|jumped|"
        "jump|toppled"
    ),
    "HEIGHT": _in(
        "ladder|ladders|stepladder|roof|rooftop|scaffold|scaffolding|horse|bike|bicycle|"
        "motorbike|wall|tree|height|heights|stairs|staircase|steps|balcony|loft|trampoline|"
        "cliff|ledge|stage|platform|lorry|truck|van|window|attic|rocks|quad|moped"
    ),
    "VEHICLE": _in(
        "car|road|traffic|motorbike|bike|cycling|bicycle|skiing|ski|horse|riding|scooter|"
        "motor|vehicle|quad|snowboard|snowboarding|rugby|motorway|moped|lorry|bus|van|"
        "truck|head|rta|rtc|okada|danfo|tuktuk|tuk-tuk|boda|matatu|jeepney|trike|taxi"
    ),
    "CRASH": _in("crash|accident|collision|smash|pileup|wreck|crashes|accidents|rta|rtc"),
    "INTENT": _in(
        "want|wants|wanted|wanting|thinking|thought|thoughts|feel|feeling|urge|urges|"
        "tempted|going|plan|planning|planned|ready|considering|considered|tried|trying|"
        "wish|wishing|like"
    ),
    # someone else's too ("he's thinking of killing himself"): whose it is, scope decides
    "SELF": _in("myself|self|himself|herself|themselves|themself"),
    "HARMINTENT": _in(
        "want|wants|wanted|wanting|thinking|thought|thoughts|urge|urges|tempted|plan|planning|"
        "planned|considering|considered|wish|wishing|like"
    ),
    # crisis: medicines that can be stockpiled, and what may stand before them
    "MEDS": _in(
        "pills|tablets|tabs|painkillers|meds|medication|medications|medicine|medicines|"
        "codamol|cocodamol|dydramol|codeine|tramadol|morphine|oramorph|oxycodone|oxycontin|"
        "fentanyl|dihydrocodeine|paracetamol|ibuprofen|naproxen|diazepam|valium|"
        "amitriptyline|gabapentin|pregabalin|sertraline|citalopram|fluoxetine|mirtazapine|"
        "zopiclone|insulin|antidepressants|opioids|opiates|capsules|zapain|solpadol|"
        "nortriptyline|duloxetine|venlafaxine|lithium|quetiapine|sleepers|benzos|prescription|"
        "prescriptions"
    ),
    "MEDPRE": _in(
        "my|the|some|of|all|most|half|lots|loads|few|a|extra|spare|old|leftover|strong|"
        "sleeping|co|-|those|these|her|his|mums|dads|and|up|bit|couple|box|boxes|packet|packets"
    ),
    "SELFPART": _in("arm|arms|wrist|wrists|thigh|thighs|skin|stomach|legs|hands|hand|body"),
    "REST": _in(
        "lying|laying|lie|lay|resting|rest|still|asleep|sleeping|bed|flat|stationary|"
        "motionless"
    ),
    "NIGHT": _in("night|overnight|nighttime|3am|2am|4am|night-time|nite"),
    "PAINSUBJ": _in(
        "pain|it|ache|that|which|this|back|sciatica|agony|aching|throbbing|spine|hurt"
    ),
    "ADV": _in(
        "also|often|always|even|still|keeps|kept|sometimes|regularly|usually|now|"
        "constantly|actually|literally|really|has|been|is|'s|s|will|then|just|normally|"
        "typically|frequently|repeatedly|start|started|starts|to|up"
    ),
    "WEIGHT": _in("weight|stone|kilos|kg|kgs|kilo|pounds|lbs|lb|st|pound|kilograms"),
    "WFILL": _in(
        "a|lot|lots|of|loads|load|tons|ton|bit|some|so|much|quite|bunch|heaps|heap|little|"
        "the|too|about|around|over|almost|nearly|like|half|re:^\\d+(\\.\\d+)?$|two|three|"
        "four|five|six|seven|eight|ten|couple|few|stone|and|an|more|than|really|noticeable|"
        "noticeably|significant|fair|amount|weight|fast|quickly|rapidly|suddenly|unexpectedly"
    ),
}

#: Phrase macros: ``{NAME}`` in a pattern expands to one pattern per phrase.
MACROS: Mapping[str, tuple[str, ...]] = {
    "SADDLE": (
        "@SADDLE",
        "private|privat|intimate parts|part|area|areas|bits|region|regions",
        "down below|there|under|stairs",
        "between @POSS? legs|thighs|cheeks",
        "inner|inside|insides of? @POSS? thigh|thighs",
        "pelvic|pelvis area|region|floor",
        "back|front passage",
        "nether|lady|man|girly regions|region|bits|parts|area",
        "bum|arse|ass|butt cheeks|cheek|hole",
        "saddle area|region",
        "where i sit|sat",
    ),
    "NUMBW": (
        "@NUMB",
        "pins and|n|&|an needles",
        "pins needles",
        "no|lost|reduced|less|little|loss|losing|diminished|altered|weird|strange|odd|funny|"
        "decreased|zero feeling|sensation|feelings|sensations",
        "loss|lack of feeling|sensation",
        "lost|lose|losing|losin the|all|any|some feeling|sensation",
        "ca|can|could not|never feel|sense a? thing|anything|much",
    ),
    "UNABLE": (
        "@CAN @NOT",
        "no fit",
        "@CAN hardly|barely",
        "@CAN no longer",
        "unable to",
        "not|never able to",
        "@NOT been able to",
        "struggling|struggle|struggled|struggles to",
        "failing|failed|fail to",
    ),
    "TROUBLE": (
        "trouble|difficulty|difficulties|problems|problem|issues|issue|struggling|struggle|"
        "probs|bother|straining",
        "hard|tough time",
        "having to strain",
    ),
    "PEEV": (
        "pee|wee|urinate|piss|piddle|tinkle",
        "pass|passing urine|water|wee",
        "go|have|do|going|having a|for? a? wee|pee|piss|widdle",
        "empty|emptying @POSS? bladder",
        "start|get|getting|starting peeing|weeing|going|urinating",
        "start|get|getting|starting the|a? flow|stream",
    ),
    "PEEING": (
        "peeing|weeing|urinating|pissing|piddling",
        "passing urine|water",
        "emptying @POSS? bladder",
        "going for|to a? wee|pee",
        "starting to|the? pee|wee|flow|stream",
    ),
    "WET": (
        "wet|wetting|wetted|weed|peed|pissed|pooed|pooped|soiled|soiling|messed|shat|shit|"
        "dirtied",
    ),
    "CLOTHES": (
        "myself|self|me|himself|herself|themselves|themself",
        "@POSS? bed|pants|trousers|knickers|underwear|pyjamas|pjs|jeans|sheets|nappy|"
        "boxers|undies|leggings|shorts|clothes",
    ),
    "LIVE": (
        "live|exist|living|existing",
        "be alive",
        "be here|around anymore|any",
        "wake up",
        "go|carry on like|anymore|living",
        "go|carry|keep on",
    ),
    # cauda equina: the moment of passing urine or stool, or of wiping afterwards
    "TOILETING": (
        "peeing|weeing|urinating|pissing|piddling|pooing|pooping|wiping|defecating|toileting",
        "i|you pee|wee|poo|wipe|urinate|piss|go",
        "i|you|'m|am|m @BE? peeing|weeing|urinating|pooing|wiping|going",
        "passing|pass urine|water|stool|stools|motions|wind",
        "passing|pass a stool",
        "i|you? opening|open @POSS? bowels|bowel",
        "i|you? go|going|get|gets to|on the|a? toilet|loo|bathroom|wc",
        "i|you? go|going|have|having|do|doing for? a wee|pee|poo|number",
        "emptying|empty @POSS? bladder|bowels",
    ),
}

# --------------------------------------------------------------------------------------
# pattern tables: category -> kind -> patterns
# --------------------------------------------------------------------------------------
_PREP = "in|on|around|across|over|of|at|round|to|into|inside|within|through|near|down|by"
#: What a ``~`` gap word may not be: the end of a sentence or clause.
_GAP_STOPS = frozenset({".", "!", "?", ";", "but", "though", "although", "except", "apart", "\n"})
#: Up to ten gap words between two parts of a pattern ("bum ... aw numb like").
_GAP = " ".join(["~?"] * 10)
_I_AM = "i|'m|am|im|m"
_NOT_EASE = (
    "ease|eases|easing|eased|settle|settles|stop|stops|let|lets|go|goes|get|gets|improve|"
    "improves|change|changes|budge|budges|shift|shifts|relent|relents|calm|calms|subside|"
    "subsides|easier|better|lessen|lessens|quieten|quietens|disappear|disappears"
)
_HELP = "help|helps|helped|ease|eases|eased|relieve|relieves|stop|stops|change|changes|settle"
# high-energy trauma (fracture): violent verbs, hard surfaces, contact sport
_VIOLENT = (
    "tackled|slammed|thrown|flung|smashed|dumped|hurled|chucked|spear-tackled|body-slammed|"
    "bodyslammed|piledriven|speared|suplexed"
)
#: What a person comes off ("came off the horse", "came a cropper off the ladder").
_MOUNTS = "bike|motorbike|horse|scooter|quad|moped|ladder|roof|scaffolding"
#: "not able to climb a single step" (after "not able to" / "unable to").
_ONE_STEP = "climb|manage|do|get|walk up? even? one|a|the|single? single? step|stair|steps|stairs"
#: A weight lost: "3kg" (one token) or "3 kg" (two), and over how long.
_LOST = "lost|losing|dropped|shed|loosing"
_WEIGHT_GLUED = "re:^\\d+(\\.\\d+)?(kg|kgs|st|lb|lbs|kilos|stone)$"
_WEIGHT_SPLIT = "re:^\\d+(\\.\\d+)?$ kg|kgs|st|lb|lbs|kilos|stone|stones|pounds"
_PERIOD = "in|over re:^\\d+$|a|two|three|four|six weeks|months|week|month"
_HARD = "concrete|stone|tarmac|pavement|paving|rocks|rock|road|tiles|slabs|patio|cobbles|marble"
_BIG_HIT = (
    "massive|big|hard|huge|heavy|nasty|bad|brutal|horrible|awful|high|late|violent "
    "hit|hits|tackle|tackles|collision|clash|impact|smash|knock|challenge"
)
_CONTACT = (
    "rugby|football|hockey|lacrosse|judo|wrestling|mma|boxing|karate|scrum|ruck|maul|lineout|"
    "match|game|training|pitch|american|league|union|gaa|hurling|ice"
)
