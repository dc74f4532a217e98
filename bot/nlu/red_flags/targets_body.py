"""What the body says: cauda equina, a progressive neurological deficit, infection."""

from __future__ import annotations

from collections.abc import Mapping

from bot.nlu.red_flags.vocabulary import (
    _GAP,
    _I_AM,
    _ONE_STEP,
    _PREP,
    CAUDA_EQUINA,
    INFECTION,
    LIMITED,
    NEURO_DEFICIT,
    SYMPTOM,
    TOPIC,
    WEAK,
)

BODY_PATTERNS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    CAUDA_EQUINA: {
        SYMPTOM: (
            # Added after the eighth blind set: not feeling anything when wiping, "things
            # down there aren't working", stool or urine coming out by itself.
            "@NOT feeling|sensing|noticing anything|much|owt at? all? when|while|whilst|as|"
            "during|wen {TOILETING}",
            "things|everything|stuff down there|below @BE* n't|not|nt working|work",
            "things|everything|stuff downstairs|below @BE* n't|not|nt working|work",
            "nothing down there|below @BE* working|works",
            "nothing downstairs @BE* working|works",
            "poo|poop|wee|pee|urine|stool|it just? dey? comes|come|coming|came out by|on "
            "itself|its",
            "urine|wee|pee|water @BE* @NOT passing|coming|flowing|going since|for|all|properly",
            # Added after the seventh blind set: "nothing works downstairs any more", the
            # toilet seat not felt, numb and tingly round the privates.
            "{UNABLE} feel the|a? toilet|loo? seat",
            f"@NUMB ,|and|&? @NUMB feeling|feelings|sensation|sensations? {_PREP} @POSS? @SIDE? "
            "{SADDLE}",
            "nothing works|working down there|below",
            "nothing works|working downstairs|below anymore|any|now|properly",
            # Added after the sixth blind set (tests/sets/safety/heldout_2026_11_24e.yml):
            # no urine for hours is retention ("havent had a wee since last night").
            "@NOT had|done|managed|passed a wee|pee|piss|slash|widdle|tinkle since|for|all|in|"
            "today|yesterday",
            # sensation gone in the saddle, said without "numb".
            "felt|feel|feeling|feels literally|absolutely|completely|just? nothing|zilch down "
            "there|below|downstairs",
            "{SADDLE} @BE* feels|feel|feeling|gone sort|kind? of? rubbery|wooden|rubber|leathery",
            "{SADDLE} feels|feel like it|they is|are|was|were|isnt|arent n't|not? mine",
            "{UNABLE} tell|feel|sense anymore when|if i? need a? number re:^2$|two",
            "{UNABLE} tell|feel|sense any more when|if i? need a? number re:^2$|two",
            # Added after the fresh held-out set (tests/sets/safety/heldout_fresh.yml):
            "@CAN @NOT really? feel the|my? paper|tissue|loo_roll",
            # saddle numbness / tingling
            f"{{NUMBW}} {_PREP}? {_PREP}? @POSS? @SIDE? {{SADDLE}}",
            f"{{NUMBW}} right|all|just {_PREP} @POSS? @SIDE? {{SADDLE}}",
            "{SADDLE} @BE* {NUMBW}",
            "{SADDLE} and|& @POSS? re:^[a-z]+$? re:^[a-z]+$ @BE* both|all? @BE* {NUMBW}",
            # "the feeling in my bum went away": sensation lost, not a symptom resolved.
            f"the|all|any? feeling|feelings|sensation|sensations {_PREP} @POSS? @SIDE? "
            "{SADDLE} @BE* has|have|had|'s|s? gone|went|disappeared|vanished|going|goes",
            "the|all|any? feeling|feelings|sensation|sensations down there @BE* has|have|had|'s|"
            "s? gone|went|disappeared|vanished|going|goes",
            "{UNABLE} feel|sense @POSS? {SADDLE}",
            "{UNABLE} feel|sense anything|much|it|a|thing|the|toilet|paper|tissue|loo|roll* "
            "when|while|after|as i? wipe|wiping",
            "{UNABLE} feel|sense @POSS? toilet|loo paper|roll|tissue",
            "wiping @BE* numb|weird|strange|different|odd|funny",
            "numb|weird|strange|different|odd|funny when|while i? wipe|wiping",
            "saddle anaesthesia|numbness|area",
            # incontinence
            "{WET} {CLOTHES}",
            "incontinent|incontinence",
            "@LOSS control of|over|with @POSS? @BLADDER|@BOWEL",
            "lost|losing|loss|zero|poor|reduced|less|lack|decreased|diminished control",
            "@LOSS of? @POSS? @BLADDER|@BOWEL control",
            "@BLADDER|@BOWEL control @BE* gone|bad|poor|terrible|awful|worse|lost|rubbish|shot|"
            "nonexistent|weak|weaker|going",
            "{UNABLE} control|hold|stop|feel|keep|contain|manage in? @POSS? @BLADDER|@BOWEL",
            "{UNABLE} hold|keep it|myself in",
            "{UNABLE} hold|keep on to? @POSS? @BLADDER|@BOWEL",
            "@NOT make|made|making it to the|a? toilet|loo|bathroom",
            f"{{UNABLE}} tell|feel|sense when|if {_I_AM}? {_I_AM}? @BE? peeing|weeing|pooing|"
            "going|urinating|need|full|pee|wee|poo|go",
            "{UNABLE} feel|sense myself|me|urine|wee|pee? pee|peeing|wee|weeing|urinating|poo|"
            "pooing",
            "{UNABLE} feel|sense the|my? urine|wee|pee coming|come|going",
            "{UNABLE} feel @POSS? @BLADDER",
            "have|had|having|'ve @POSS? accident|accidents in|on|at @POSS? pants|trousers|bed|"
            "knickers|underwear|sleep|night",
            "@BLADDER|@BOWEL accident|accidents|leak|leaks|leakage",
            "leak|leaking|leaked|leaks|leakage|dribbling|dribble|dribbles|dribbled "
            "@BLADDER|urine|wee|pee|poo|myself|everywhere|constantly",
            "am|'m|m|keep|keeps|kept|been|started|start|starting|constantly|still|now|i|always|"
            "slightly|bit|a_bit @BE? leak|leaking|leaked|dribbling|dribble",
            "@BLADDER|@BOWEL @BE* leaking|leaks|leaky|dribbling",
            "leaky @BLADDER",
            # retention / difficulty passing urine
            "{UNABLE} {PEEV}",
            "{TROUBLE} {PEEING}",
            "{TROUBLE} with @POSS? @BLADDER|@BOWEL|waterworks",
            "@BLADDER|@BOWEL|waterworks problems|problem|issues|issue|trouble|changes|change|"
            "dysfunction|symptoms|difficulties",
            "@NOT peed|weed|urinated|pissed since|for|all|in|today|properly",
            "@NOT passed urine|water",
            "@NOT been|gone for|to a? wee|pee|toilet since|for|all|in",
            "nothing|barely|hardly|little comes|coming|came|will|would come? out",
            "only a? dribble|dribbles|trickle|drops come|comes|coming|came out",
            "urinary|urine retention",
            "retention of urine",
            "retaining urine|wee",
            "@BLADDER|waterworks @BE* @NOT working|emptying|right|normal",
            "@BLADDER|waterworks @BE* playing|acting|messing up",
            "@BLADDER|waterworks @BE* numb|off|weird|funny|different|packed|stopped",
            "@BLADDER @BE* full but|and|yet",
            "@NOT be|been? emptying|empty @POSS? bladder|it properly|fully|completely",
            # sexual dysfunction
            "{UNABLE} get|keep|maintain|have|hold @POSS? erection|erections|hard-on|hard|stiffy",
            "{UNABLE} get|keep it up",
            "erectile dysfunction|problems|issues",
            "erection|erections problems|issues|trouble|gone",
            "@LOSS of? @POSS? erection|erections",
            "impotent|impotence",
            "{NUMBW} during|in|when|while|with having? sex|intercourse|orgasm",
            "sex|intercourse @BE* numb|different|nothing|painless",
            "{UNABLE} feel anything|much|a|thing? during|in|when|while|with having? sex|"
            "intercourse",
            "{UNABLE} orgasm|climax|ejaculate",
            # Lost sensation while passing urine/stool or wiping.  "no feeling", "lost
            # sensation": the cue is inside the span, so it is a deficit, not a denial.
            "no|zero|lost|losing|loss|reduced|less|little|without|lack|lacking|hardly|barely|"
            "altered|changed|numb|numbness|dead of? any|much|all? sensation|sensations|feeling|"
            "feelings at? all? when|while|whilst|as|during|after|wen {TOILETING}",
            "@NOT really? feel|sense|notice anything|much|owt at? all? when|while|whilst|as|"
            "during|wen {TOILETING}",
            "@NOT have|get|got|feel|notice|there any|much|the|a? sensation|feeling|feelings "
            "when|while|whilst|as|during|after|wen {TOILETING}",
            "{UNABLE} feel|sense anything|much|a|thing|it|owt|nothing? when|while|whilst|as|"
            "during|wen {TOILETING}",
            "@NOT|barely|hardly|never feel|notice|sense the|my|any|it? wee|pee|urine|poo|stool "
            "come|coming|going|pass|passing|out|leave|leaving|happening",
            "numb|numbness|dead when|while|whilst|as|during|wen {TOILETING}",
            "{UNABLE} tell|feel|sense when|if @POSS? @BLADDER|@BOWEL @BE* full",
            "{TROUBLE} holding|keeping|controlling @POSS? @BLADDER|@BOWEL|wee|pee|urine|poo",
            "dribble|dribbles|dribbling|leaks|leaking|trickles|trickling out? now|constantly|"
            "everywhere? and|& i? "
            "{UNABLE} stop|control|help it",
        ),
        WEAK: (
            # "woke up and the bed was soaked": urine or sweat; ask (sweats are infection)
            "woke|woken|wake|waking|waked up? wet|soaked|soaking|drenched in the|my? bed",
            "@POSS? bed|mattress @BE* soaked|drenched|sodden|soaking|wet|wringing",
            # Added after the eighth blind set: the saddle and numbness a few words apart
        # ("bum cheeks n between ma legs feel like ... aw numb like"): asked about.
        f"{{SADDLE}} {_GAP} {{NUMBW}}",
        f"{{NUMBW}} {_GAP} {_PREP} @POSS? {{SADDLE}}",
        # Possible retention: ambiguous alone, so the bot asks (see also the
            # combination rule in bot.nlu.red_flags._crisis_cauda_status).
            "no|lost|lose|losing|zero|never|little|less urge|urges|need|sensation|feeling to|"
            "of|for pee|wee|urinate|peeing|weeing|urinating|go|going",
            "no|lost|zero|never urge|urges",
            "@NOT get|feel|have|notice|got the|an|any|much? urge|urges|need|sensation|feeling "
            "to|of|for pee|wee|urinate|peeing|weeing|urinating|go|going",
            "strain|straining|strained|strains|push|pushing|pushed|force|forcing|bear|bearing "
            "down? to|when|while|whilst|as|for|just|and? i? a? pee|wee|urinate|peeing|weeing|"
            "urinating|wees|pees|piss|pissing",
            "strain|straining|push|pushing|force|forcing to start peeing|weeing|urinating",
            "strain|straining|push|pushing|force|forcing to start the|a? flow|stream",
            "just|only|barely a? dribble|dribbles|trickle",
            "weak|weaker|slow|slower|poor|feeble stream|flow",
            "stream|flow @BE* weak|weaker|slow|slower|poor|feeble",
            "takes|taking|took|take ages|forever|a_bit|long|longer|minutes to start|get peeing|"
            "weeing|urinating|going",
            "takes|taking|took|take ages|forever|a_bit|long|longer|minutes to start|get the|a? "
            "flow|stream",
            "@NOT get|feel|have|notice the|an|any? urge|need|feeling|sensation|signal that|when? "
            "i|you need|want the|a? toilet|loo|wee|pee",
        ),
        TOPIC: (
            "@BLADDER|@BOWEL|waterworks|toileting|continence",
            "@NUMB|numbness|tingling|sensation|feeling",
            "pins and|&|n needles",
            "leaking|leaks|accidents",
            "erection|erections",
        ),
    },
    NEURO_DEFICIT: {
        SYMPTOM: (
            # Added after the eighth blind set: a leg that cannot lift, legs "giving away".
            "@LEG|foot|feet {UNABLE} lift|raise up?",
            "@LEG keep|keeps|kept|keeping giving|going away",
            "@LEG giving|gave|gives away under|beneath|on me",
            # Added after the seventh blind set: a foot that won't lift, a leg dragged round,
            # legs that won't do as they're told.
            "@POSS? @SIDE? foot|feet just|simply? wo|will|does|do|did @NOT lift|raise|come up?",
            "dragging|draggin|drag|dragged @POSS? @SIDE? @LEG round|around|behind|along",
            "@LEG will|wo|do|does|did|would @NOT do as they are|'re told",
            "@LEG will|wo|do|does|did|would @NOT do what i tell|want|ask",
            "@LEG will|wo|do|does|did|would @NOT obey|listen|cooperate",
            "@LEG 's|s|has|have|is|are? gone|going|getting awful|awfully|terrible|terribly|very|"
            "so|proper|pure weak|weaker",
            # Added after the sixth blind set: the front of the foot will not lift.
            "{UNABLE} lift|raise|pull up? the front of @POSS? foot|feet",
            # Added after the fresh held-out set (tests/sets/safety/heldout_fresh.yml):
            "@LEG just? wont|won't|not|doesnt|dont do what i tell|want it|them",
            "@LEG just? will|do|does|can @NOT do what i tell|want it|them",
            "@LEG @BE* getting|gettin|growing|becoming feebler|weaker by the day|week",
            "have|having|had to hold|holding on? onto|to the walls|furniture",
            "@CAN @NOT go|stand|get|walk|get up? on my? tiptoes|tiptoe|tip-toes|heels",
            "@LEG @BE* @WEAK",
            "@LEG @BE* having|got|has|have|developed|developing weakness",
            "@LEG @BE* @ADV* lost|losing its|all|the|some|my? full? strength|power",
            "@LEG re:^[a-z']+$? re:^[a-z']+$? re:^[a-z']+$? re:^[a-z']+$? re:^[a-z']+$? @BE* "
            "getting|growing|becoming|going weaker",
            # "my right leg no get power again" (Nigerian Pidgin), "has no power"
            "@LEG no|not|nor get|got|have|has|get power|strength",
            "@LEG|foot|it dey? drag|drags|dragging when|as|while i? walk|waka|walking|move",
            "@LEG @BE* re:^[a-z]+$ and|&|n @BE* @WEAK",
            "@WEAK in|of|on|down|to|through? @POSS? @SIDE? @SIDE? @LEG",
            "@LOSS|losing strength|power|control|use in|of|from|to @POSS? @SIDE? @LEG",
            "@LEG @BE* lost|losing|no|less|little|zero strength|power",
            "no|zero|losing|lost strength|power|control in|of @POSS? @SIDE? @LEG",
            "foot|feet drop|drops|dropped|dropping|slap|slaps|slapping|flops|flop|flopping|"
            "floppy|drags|drag|dragging|dangles|dangling|catches|catching|scuffs|scuffing",
            "drop|dropped|dropping foot|feet",
            "footdrop|dropfoot",
            "@LEG @BE* drag|drags|dragging|dragged|catch|catches|catching|scuff|scuffs|scuffing|"
            "scraped|scrape|"
            "scrapes|scraping|slap|slaps|slapping",
            "catching|catch|catches|tripping|trip|trips|stubbing over|on @POSS? own? toes|toe|"
            "foot|feet",
            "dragging|drag|drags|dragged|scuffing @POSS? @SIDE? @LEG",
            "{UNABLE} lift|raise|pick|pull|bend|move|point|flex|push up? @POSS? @SIDE? "
            "foot|feet|toes|toe|ankle|ankles",
            "{UNABLE} walk|stand on @POSS? heels|heel|tiptoes|tiptoe|toes|tip",
            # foot drop in the foot's own words: "ankle won't bend up", "toes don't lift"
            "foot|feet|ankle|ankles|toes|toe will|would|does|do|did|can|could? "
            "not|never|wont|doesnt|dont|cant|didnt bend|lift|flex|raise",
            "foot|feet|ankle|ankles|toes|toe will|would|does|do|did|can|could? "
            "not|never|wont|doesnt|dont|cant|didnt come|go|pull|point|move up|upwards",
            "@LEG @BE* give|gives|gave|giving|given way|out|up",
            "@LEG @BE* done|just|completely|suddenly|totally gave|give|gives|giving way|out",
            "@LEG @BE* buckle|buckles|buckling|buckled|collapse|collapses|collapsed|collapsing|"
            "folded|fold|folding",
            "@LEG @BE* from|out under|underneath|beneath|from",
            "@LEG @BE* @NOT hold|support|holding|supporting|carry|carrying me|my",
            "{UNABLE} walk properly|straight|normally|right|well|steadily|steady|unaided",
            # not "can't stand (up) straight": a back held bent by spasm, not weak legs
            "{UNABLE} stand properly|normally|well|steadily|steady|unaided",
            "{UNABLE} walk|stand in a straight line",
            "{UNABLE} walk|stand at all",
            "walking|walk|walks funny|strangely|oddly|weird|weirdly|differently|unsteadily|"
            "funnily|drunk|wonky",
            f"walking|walk|walks like|as if? {_I_AM}? {_I_AM}? a? drunk|drunken",
            "@LEG @BE* like jelly",
            "@LEG @BE* feel|feels|felt|went|gone|going? like|as wet|limp|soggy|cooked? noodles|"
            "noodle|spaghetti|jelly|rubber|marshmallow",
            "@LEG @BE* wobbly|unsteady|shaky|jelly",
            "@LEG @BE* flops|flop|flopping|floppy|dangles|dangling|drops|dropping",
            "unsteady|wobbly|shaky on @POSS? feet|legs|pins",
            "wobbly|unsteady|jelly legs",
            "unsteady|unbalanced|off-balance|uncoordinated|clumsy|clumsier|clumsiness",
            "off balance",
            "lose|losing|lost|loose|loosing @POSS? balance",
            # Stumbling on its own is only asked about (see WEAK below).
            "keep|keeps|kept|been|constantly|always|started|start|starting falling|tripping|"
            "trip|fall|collapsing",
            "fallen|fell|falling over|down twice|again|several|few|three|multiple|loads|lots|"
            "couple|repeatedly|times",
            "both @LEG @BE* {NUMBW}",
            "both @LEG @BE* weak|weakness|numbness",
            "{NUMBW} in|down|of both @LEG",
            "weakness|numbness in|down|of both @LEG",
            "paralysed|paralysis",
        ),
        WEAK: (
            f"@NOT able to {_ONE_STEP}",
            f"unable to {_ONE_STEP}",
            "{UNABLE} walk|stand",
            "struggling|struggle to? walk|walking",
            "keep|keeps|kept|been|constantly|always|started|start|starting|still stumbling|"
            "stumble|stumbles",
            "stumbling|stumble a lot|lots|loads|everywhere|constantly",
            # Both legs numb (not "both"): ask. One leg numb with sciatica is common.
            "@POSS legs @BE* has|have|'ve|ve? gone|going|all|both|completely|totally* numb|dead",
            "the|all? feeling|sensation in @POSS legs @BE* has|have|'s|s? gone|went|"
            "disappeared|going",
        ),
        LIMITED: (
            "{UNABLE} move|feel @POSS? @SIDE? leg|legs|lge",
            "difficulty|difficulties|trouble|problems|problem walking|standing",
        ),
        TOPIC: ("@WEAK", "weakness|strength|power|balance|walking", "@LEG", "foot drop"),
    },
    INFECTION: {
        SYMPTOM: (
            # Added after the sixth blind set: rigors in everyday words.
            "the? sweats and|&|n the? shivers|shakes|chills",
            "one minute boiling|roasting|burning up the next|then freezing|shivering",
            # Added after the fresh held-out set (tests/sets/safety/heldout_fresh.yml):
            "teeth chattering|chatter|chattered",
            "burning up",
            "@CAN @NOT get warm",
            "shaking|shivering|shakes under",
            "dirty|shared|used|someone's needle|needles|syringe|syringes",
            "fever|feverish|febrile|pyrexia|pyrexial|fevered",
            "high|raised|slight|spiking|running|fluctuating|elevated|a|got|have|had|with|"
            "constant|bit|low|grade|mild|little|'ve|having|getting temperature|temp",
            "temperature|temp @BE* high|up|raised|spiking|through",
            "temperature|temp of|at|was|is|=|over|above|around|about? "
            "re:^(3[7-9]|4[0-2]|99|10[0-5])([.,]\\d)?(c|f|°c|°f|°)?$",
            "chills|shivers|shivering|shivery|shiverish|rigors|rigor",
            "the shakes|sweats",
            "shaking|shaky|shivering with|from cold|fever",
            "cold sweats|sweat|sweating|sweaty",
            "hot and|&|then|n cold",
            "hot one minute cold|freezing",
            "night_sweats",
            "night sweat|sweats|sweating",
            "bad|awful|terrible|drenching|getting|having|had|get|horrible|cold|hot|been sweats",
            "sweating|sweaty|sweats|sweat|drenched|soaked at|during|in|through the? "
            "night|bed|sleep|nights",
            "drenched|soaked|wet|drenching|dripping in|with sweat",
            "drenched|soaked sweat",
            "waking|wake|woke|waken|wakes up? soaked|drenched|sweating|sweaty",
            "soaked|drenched|soaking|drenching @POSS? sheets|bed|pillow|pyjamas|pjs",
            "flu -? like|ish",
            "fluey|flu-ish|flu-like",
            # injecting drug use
            "@I inject|injected|injecting",
            "used to|still inject|injecting",
            # ("used to|still" above reads as "used" + "to|still": "i still inject" was missed)
            "still|currently|regularly|sometimes|occasionally inject|injecting",
            "inject|injecting|injected|injection|injections @POSS? drugs|heroin|meth|amphetamine|"
            "amphetamines|speed|cocaine|crack|gear|smack|ketamine|crystal",
            "iv|intravenous drug|drugs",
            "ivdu|pwid|heroin|smack",
            "@I|been|to|still|used shoot|shooting|shot|shoots up",
            "sharing|shared|share|used|using|dirty needles",
            # immunosuppression
            "immunosuppressed|immunocompromised|immunosuppressant|immunosuppressants|"
            "immunosuppression|immunodeficiency|immunodeficient",
            "immune|immunity system? @BE? suppressed|compromised|weak|weakened|low|poor|"
            "lowered|rubbish|shot|damaged",
            "weak|weakened|low|lowered|poor|compromised|suppressed|rubbish immune|immunity",
            "hiv",
            "chemo|chemotherapy",
            "transplant|transplanted|tacrolimus|ciclosporin|cyclosporine|mycophenolate|"
            "azathioprine|methotrexate|sirolimus|humira|adalimumab|infliximab|etanercept|"
            "rituximab|ustekinumab|secukinumab|tofacitinib|biologic|biologics|dmards|dmard|"
            "remicade|enbrel|antirejection",
            "anti -? rejection",
            # infection
            "sepsis|septic|discitis|osteomyelitis|abscess|infection|infections|infected|uti|"
            "utis|pyelonephritis|tuberculosis",
        ),
        WEAK: (),
        TOPIC: (
            "temperature|temp|sweats|sweating|drugs|needles|shivers|unwell",
            "immune system",
        ),
    },
}
