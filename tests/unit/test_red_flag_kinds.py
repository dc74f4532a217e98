"""Kinds of red flag said in everyday words, and kinds of benign message that share their
words: the verdict a person gets for each (written for these kinds, not copied from a set)."""

from __future__ import annotations

import pytest

from bot.nlu.red_flags import assess
from tests.support.verdicts import describe


@pytest.mark.parametrize(
    ("text", "levels", "category"),
    [
        # cauda equina told through everyday acts
        ("back went on friday and now i barely feel the loo roll when i wipe",
         {"urgent"}, "cauda_equina"),
        ("in the bath i could not feel the sponge on my bottom", {"urgent"}, "cauda_equina"),
        ("perched on the toilet it is as if the seat is not there", {"urgent"},
         "cauda_equina"),
        ("since my disc went i have to bear down to get any wee started",
         {"urgent", "clarify"}, "cauda_equina"),
        ("no urge to pee at all since this morning", {"urgent"}, "cauda_equina"),
        # a sign only feared or read about is asked about, never escalated nor ignored;
        # a sign that has happened stays one, fear or no fear
        ("i keep worrying i will lose control of my bowels one day", {"clarify"},
         "cauda_equina"),
        ("scared stiff because i wet myself this morning", {"urgent"}, "cauda_equina"),
        # the vascular kinds: a tearing pain into the belly, chest pain into the arm
        ("a ripping pain from my back through to my stomach came on suddenly", {"urgent"},
         "vascular"),
        ("pain across my chest spreading to my left arm and my back", {"urgent"}, "vascular"),
        # leg weakness told through what the leg cannot do
        ("i can no longer push up onto my toes on the bad side", {"urgent"},
         "neuro_deficit"),
        ("my left foot would not work the clutch on the drive in", {"urgent"},
         "neuro_deficit"),
        ("i have to haul my leg into bed with both hands now", {"urgent"}, "neuro_deficit"),
        # an infection where the spine was treated
        ("the spot where they did my nerve block is swollen and oozing", {"urgent"},
         "infection"),
        ("there is yellow fluid coming out of my surgery scar", {"urgent"}, "infection"),
        # weight lost told through clothes
        ("my belt needs two extra holes and i have not been on any diet", {"urgent"},
         "cancer"),
        ("my wedding ring keeps slipping off", {"clarify"}, "cancer"),
        # lasting steroids, an accident done to the writer
        ("i have taken prednisolone daily for my lungs for years", {"urgent"}, "fracture"),
        ("a van rear ended me on the motorway this morning", {"urgent"}, "fracture"),
        ("some lad pushed me off my scooter last night", {"urgent"}, "fracture"),
        ("the stitches in my back wound have burst open", {"urgent"}, "infection"),
        ("since the weekend i cannot feel myself weeing", {"urgent"}, "cauda_equina"),
        # a manner ("without holding the rail") denies nothing told after it; a fever
        # after a spinal operation is not put down to a cold going round
        ("i climb the stairs without holding the rail now, my calves have gone weak",
         {"urgent"}, "neuro_deficit"),
        ("my discectomy was last week and i am running a fever, must be the flu my son had",
         {"urgent", "clarify"}, "infection"),
        ("me 77 and my sister 74, i tripped on the rug today and my back is killing me",
         {"urgent"}, "fracture"),
        # the saddle as the part anyone sits on, a bike named in it is no ride; underwear
        # in other words; water for urine at the toilet
        ("the bits you would sit on a bike seat with have gone numb since monday",
         {"urgent"}, "cauda_equina"),
        ("had an accident in my kecks on the bus and never felt it", {"urgent"},
         "cauda_equina"),
        ("on the toilet i cannot feel the water coming out any more", {"urgent"},
         "cauda_equina"),
        # crisis in more words
        ("some days i wish i had never been born", {"urgent"}, "crisis"),
        ("honestly my family would all manage fine without me", {"urgent"}, "crisis"),
        # a resolved sign that comes back, or goes on, stays one
        ("had a fever on monday, it went, but now it is back and my back is agony",
         {"urgent"}, "infection"),
        ("the temperature was gone by the morning but tonight i am burning up again",
         {"urgent"}, "infection"),
        # a high fever is not put down to a cold the family share
        ("fever of 39 and shaking, the whole family has the same cold", {"urgent"},
         "infection"),
        # the writer's own sign after someone named by a group stays the writer's
        ("a lady in my class showed me a stretch, my foot is getting weaker every week",
         {"urgent"}, "neuro_deficit"),
        ("man, my leg keeps giving way", {"urgent"}, "neuro_deficit"),
        # a tearing back pain with collapse signs
        ("sudden tearing pain in my back and i have gone grey and sweaty", {"urgent"},
         "vascular"),
        # a plan, saved pills or a farewell stay, vent or no vent
        ("been saving my tablets up for a while, sorry just venting", {"urgent", "clarify"},
         "crisis"),
        ("i have tied up my affairs and left letters for the family", {"urgent"}, "crisis"),
        # a feeling gone told as a likeness of nothing is the sign, not a denial of it
        ("wiping feels like nothing these days, my bottom has gone numb", {"urgent"},
         "cauda_equina"),
        # a hedge on a detail (how high, how long) is no hedge on the sign; on the sign it is
        ("slipped off the loft ladder, perhaps three metres, and landed on my back",
         {"urgent"}, "fracture"),
        ("numb round my bottom, probably about 2 days now", {"urgent"}, "cauda_equina"),
        ("my bottom might be a bit numb, maybe", {"clarify"}, "cauda_equina"),
        # an illness long ago does not cover one now
        ("had a fever as a kid and now i have one again with my back agony", {"urgent"},
         "infection"),
        # a clinician's question answered yes, or a no taken back, keeps the sign
        ("the nurse asked about wetting myself and i said yes, twice today", {"urgent"},
         "cauda_equina"),
        ("the gp asked about leg weakness, said no, but my foot keeps dragging", {"urgent"},
         "neuro_deficit"),
        # a leak on a cough with numbness now, or a walk barely managed that lasts, stays
        ("i leaked when i coughed yesterday and cannot feel my bum", {"urgent"},
         "cauda_equina"),
        ("could barely walk after the gym and it is still like that a week later",
         {"urgent", "clarify"}, "neuro_deficit"),
        # a weakness fixed, then back again, is a sign again
        ("physio sorted it but my foot has gone weak again", {"urgent"}, "neuro_deficit"),
        # chills dated from a jab weeks ago are no longer the jab's
        ("shivering since my flu jab three weeks ago and my back is agony", {"urgent"},
         "infection"),
        # "as a kid", "as a young lad": the writer's own earlier self, no one else
        ("caught chickenpox as a child, these days a high temperature and my spine throbs",
         {"urgent"}, "infection"),
        ("had scarlet fever as a young lad and tonight a fever with my lower back in bits",
         {"urgent"}, "infection"),
        # someone named only as a companion ("with my wife"), or a friend greeted ("hiya
        # mate"), is not the one the sign after them is said of
        ("went to bed with the missus and could not feel anything down below",
         {"urgent"}, "cauda_equina"),
        ("out walking with my husband and my left leg gave way twice", {"urgent"},
         "neuro_deficit"),
        ("hiya mate, my bum has gone numb since the fall", {"urgent"}, "cauda_equina"),
        # a sign that came back is ongoing, even with a clear test told before it
        ("the scan was clear in june but the fever came back last night and my back is worse",
         {"urgent"}, "infection"),
        # an age then that is an older age is no distant past
        ("i fell off the ladder when i was 70, a fortnight ago, and my back is agony",
         {"urgent"}, "fracture"),
        # a sign named and then owned with a pronoun is no denial
        ("cancer? i had it in 2019 and now my back aches every night", {"urgent"}, "cancer"),
        ("steroids, i never had them before this year, now on them daily for my lungs",
         {"urgent"}, "fracture"),
        # the saddle's feeling gone, told through the toilet or being washed
        ("for a week now i cannot feel myself when i go on the lavvy", {"urgent"},
         "cauda_equina"),
    ],
)
def test_everyday_wordings_of_a_red_flag_are_raised(
    text: str, levels: set[str], category: str
) -> None:
    verdict = assess(text)
    assert verdict.level in levels, describe(text)
    assert verdict.category == category, describe(text)


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        # signs echoed as a question, then denied: the denial covers all of them
        ("Numb groin, leaking, weak legs? No to all three.", {"none"}),
        ("Temperature or sweats? Nope, neither.", {"none"}),
        ("Bladder trouble? Not at all.", {"none"}),
        ("Legs giving way? No, they just ache.", {"none"}),
        ("my daughter says she could die of embarrassment when i do my exercises", {"none"}),
        # a fever with a passing illness named
        ("i have a slight fever but my whole office has the flu", {"none", "clarify"}),
        ("temperature is up a bit, the gp says it is an ear infection", {"none", "clarify"}),
        # a short course of steroids
        ("they gave me steroids for a week last month for my chest", {"none"}),
        ("did a three day course of prednisolone in the spring", {"none"}),
        # a sign that happened once and not since
        ("my leg buckled once on the stairs in april, never since", {"none"}),
        ("had a wee accident once after the fall but it has not happened again", {"none"}),
        # exertion, denials said with "feel", problems denied, not about the body
        ("dripping in sweat after my spin class", {"none"}),
        ("that rowing session made me sweat buckets", {"none"}),
        ("we said our goodbyes to everyone at the wedding", {"none"}),
        ("i honestly do not feel suicidal", {"none"}),
        ("no bladder or erection problems whatsoever", {"none"}),
        ("the traffic flow into town was slow", {"none"}),
        ("this wind never lets up", {"none"}),
        # weight lost on purpose, clothes that fall for other reasons
        ("down two dress sizes since joining the gym, so pleased", {"none"}),
        ("my trousers keep falling down since i lost my belt", {"none", "clarify"}),
        # someone else as the one a person would be without
        ("i told my sister we would all be better off without him", {"none"}),
        # a sign that is over, told with its resolution in ordinary words; the back that
        # is still sore after it is the back's, not the sign's
        ("ran a fever on saturday with a cold, that has gone now, my back is still tight",
         {"none"}),
        ("had a temperature tuesday evening, it was normal by wednesday lunchtime", {"none"}),
        ("had a kidney infection in the summer, the tablets cleared it up", {"none"}),
        ("felt shivery after the procedure but by the next morning it had all settled",
         {"none"}),
        # a fever explained by a passing illness that others have too
        ("feeling hot and shivery tonight, everyone at home has had this bug", {"none"}),
        ("temperature and chills, i caught whatever my son brought back from nursery",
         {"none"}),
        # an older relative's fall with no pain now, or one long ago, is no emergency
        ("my nana is 87 and slid off the bottom stair but she is not in any pain", {"none"}),
        ("Lola fell in the market years ago, she is 90 now and very well", {"none"}),
        # health anxiety: a disease or outcome only feared, after a clinician who saw the
        # writer named a benign cause; anger let out and called a rant
        ("I lie awake wondering if it could be a tumour, but the physio assessed me "
         "and it's a pulled muscle", {"none"}),
        ("what if this is cancer, I keep asking myself, though my gp examined me and says "
         "it's postural", {"none"}),
        ("I could scream at this stupid back today, sorry, rant over", {"none"}),
        # venting: low mood, tiredness of the pain, crying, missing people, a vent
        ("i am so fed up and tearful, this back means i never see my walking group", {"none"}),
        ("i cannot do this any more, sorry, just having a moan", {"none"}),
        ("i feel hopeless about my back ever getting better", {"none"}),
        # "like nothing" that denies, not a feeling gone
        ("it feels like nothing serious, no numbness down below", {"none"}),
        # a passing illness the sentence dates years ago, nothing said of now
        ("caught a nasty fever on holiday in my teens, otherwise fit", {"none"}),
        # weakness that settled over weeks of rehab, or was fixed with the activity taken
        # up again ("running again"), is over
        ("my ankle went weak in the spring, it cleared over a couple of months with rehab",
         {"none"}),
        ("my leg was weak after the fall but physio fixed it and i'm running again", {"none"}),
        # a little leak on a cough or a sneeze since a baby was born: stress, not new
        ("since my second was born i have leaked a little whenever i sneezed", {"none"}),
        # a walk only just managed after a hard session, the soreness named
        ("could barely walk after my first crossfit class, doms are savage", {"none"}),
        # chills dated from a jab just given ("since my jab this morning") are the jab's
        ("feverish since the covid booster this morning and my back aches", {"none"}),
        # signs a clinician asked about, told in reported speech, answered no
        ("the gp asked me about any numbness round my backside and i told her no",
         {"none"}),
        ("my osteo went through bowel trouble and leg weakness, none of it, only stiffness",
         {"none"}),
        ("nurse checked for a temperature. I said no.", {"none"}),
        # money slang one letter from a sign ("a fiver" is five pounds, not a fever)
        ("parking at the pool is a fiver and the swim helps my back", {"none"}),
        ("picked up a foam roller for a fiver at the car boot sale", {"none"}),
        ("the pilates taster is only a fiver, ok with a sore back?", {"none"}),
        # a sign named, then denied with a pronoun ("cancer? never had it")
        ("cancer? never had it, just this ache from the gardening", {"none"}),
        ("you asked about steroids earlier and i never had them, only paracetamol",
         {"none"}),
        ("as for osteoporosis, i have never had it, my bones were scanned fine", {"none"}),
        # a result that "came back clear" is a resolution, not the sign coming back
        ("had a kidney infection in may, treated, and the retest came back clear", {"none"}),
        ("fever with a chest infection last month, antibiotics, bloods came back normal",
         {"none"}),
        ("a water infection in the summer, sorted, the second sample came back fine",
         {"none"}),
        # an accident dated by the writer's young age then ("when i was 24") is long past
        ("got rear-ended on the motorway when i was 24, fine since, just desk stiffness now",
         {"none"}),
        ("came off my motorbike when i was 31 and healed well, now my back aches after gardening",
         {"none"}),
        ("fell off a wall when i was 19 and broke nothing, today just a sore low back", {"none"}),
        # "back in '04", "back in the seventies": a time, not someone else's back
        ("now, my uncle had bowel cancer back in '04 but i never have", {"none"}),
        ("right, my gran had leukaemia back in the seventies, nothing like that for me",
         {"none"}),
        ("now, my aunt had breast cancer back in may 2011, my own checks are normal", {"none"}),
        # an older person's fall long ago, or a younger one's slip, is no emergency now
        ("my aunt is 82. she fell in 2001 and hurt her back", {"none"}),
        ("my brother is 40. he slipped on the stairs and his back hurts", {"none"}),
        # weakness whose strength came back fully is over
        ("my foot went floppy in june but the strength came back fully", {"none"}),
    ],
)
def test_benign_messages_sharing_the_words_are_not_escalated(
    text: str, levels: set[str]
) -> None:
    assert assess(text).level in levels, describe(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # someone else's crisis: advice about them
        ("my flatmate keeps saying she wants to die", "crisis"),
        # a cancer "back in" a year, with their back newly hurting now, is theirs
        ("my brother had lymphoma back in the nineties and now his back is killing him",
         "cancer"),
        # an older person's age told in the sentence before their fall ("She fell")
        ("grandma turned 92 in may. she tripped on the rug today and her back is agony",
         "fracture"),
        ("our neighbour is 84. he slipped off the step this morning, says his back is killing him",
         "fracture"),
        ("my father is 77 now. he fell in the kitchen last night and his back hurts badly",
         "fracture"),
        ("my dad messaged me goodbye last night and now his phone is off", "crisis"),
        ("my daughter says everyone would be better off without her", "crisis"),
        ("my grandson rang and said goodbye like it was the last time", "crisis"),
        # someone else named without "my", or by a description
        ("Grandma can't tell when she's weeing since her back went", "cauda_equina"),
        ("a cyclist got knocked off in front of me and he can't feel his legs",
         "neuro_deficit"),
        ("the landlord's leg has gone weak and his back is killing him", "neuro_deficit"),
        ("Gramps is 88, tripped on the rug and says his back is agony", "fracture"),
        # "gone down" twice is a fall, not a sign that has gone; a farm vehicle rolled
        ("my brother's legs keep giving way, he's gone down twice today", "neuro_deficit"),
        ("my uncle rolled the tractor this morning and his back is bad", "fracture"),
        ("my boss is sweaty and gripping his chest, says it's his back", "vascular"),
        ("my brother fell off the first-floor balcony onto his back", "fracture"),
        ("my neighbour fell down the full flight of stairs", "fracture"),
        ("my dad has chest tightness and he's short of breath, says it's his back", "vascular"),
        ("my nan's speech went weird all of a sudden", "vascular"),
        ("grandad's pain goes from his chest through to his back", "vascular"),
        ("I found she's been stockpiling her tablets and saying goodbye", "crisis"),
        # a tearing back pain with collapse signs, told of an older person or a smoker
        ("my uncle is 80 and a smoker, his back suddenly feels like it is being ripped and he "
         "has gone ashen", "vascular"),
        ("nan went white as a sheet, says a tearing pain in her back, holding her stomach",
         "vascular"),
        # an older person's signs told through what they can no longer do are theirs
        ("Mum is 78, since her back got bad both legs give way on the stairs",
         "neuro_deficit"),
        ("my gran is 80 and since her back went she cannot feel the sponge on her bottom",
         "cauda_equina"),
        # someone named by a group they belong to, then her or his sign
        ("a lady in my aqua class says her foot gets weaker every week", "neuro_deficit"),
        ("a man at my work says his leg keeps giving way", "neuro_deficit"),
        ("one of the ladies at my church says her legs have gone weak", "neuro_deficit"),
        # a parent or grandparent named by another language's or English's kinship word,
        # possessive or not ("Ammi's", "Appa has", "Nanay says")
        ("Ammi's foot keeps catching on the rug since sunday, she cannot lift it",
         "neuro_deficit"),
        ("Appa has wet himself twice today and cannot feel his bottom", "cauda_equina"),
        ("Nanay says her legs have gone weak since her back went", "neuro_deficit"),
        ("Baba's legs gave way on the stairs this morning", "neuro_deficit"),
        ("my abuela cannot feel her legs since lunch", "neuro_deficit"),
        ("Mama has no feeling in her bum since yesterday", "cauda_equina"),
        ("Abbu is grey and sweating with a crushing chest pain into his back", "vascular"),
        # "pins and needles" names no needle: their saddle sign is theirs, not a history
        ("Nani has pins and needles in her saddle area since this morning", "cauda_equina"),
        # an older relative's fall told plainly, with their back or their pain now
        ("Lolo lost his footing on the kitchen step, he is 83 and cannot get up, his back "
         "hurts", "fracture"),
        ("my gran is 89, she had a tumble in the garden and is howling when we touch her",
         "fracture"),
        ("Dadi slid off the edge of the bed this morning and her lower back is agony, she "
         "is 81", "fracture"),
        # someone named by their role to the writer as a carer: the sign is theirs
        ("my patient has had no feeling around her back passage since last night",
         "cauda_equina"),
        ("a man I support at home says his right foot has gone floppy", "neuro_deficit"),
        ("the old boy I visit has a temperature of 39 and says his back is agony",
         "infection"),
        ("one of my residents wet herself twice today without knowing",
         "cauda_equina"),
        # a neighbour named as a gent or a lady by their age is someone else
        ("the 86 year old gent across the road tripped on his drive, says his back is agony",
         "fracture"),
        # a friend who is the subject, not a greeting; a companion of someone else's
        ("my mate's foot has gone floppy, he cant lift it", "neuro_deficit"),
        ("my wife went out with her sister and could not feel her legs when she got home",
         "neuro_deficit"),
        # a carer's own act in a clause of time ("when i cleaned her") is not their sign
        ("one of my clients could not feel the cloth when i cleaned her bottom",
         "cauda_equina"),
        ("i look after an old gent, he was wet through when i got there and never felt it "
         "happen", "cauda_equina"),
        # the writer named as an object is not the person unmasked ("says it's me who")
        ("my dad says it's me who should worry, but he fell and can't feel his legs",
         "neuro_deficit"),
    ],
)
def test_someone_elses_emergency_gets_advice_about_them(text: str, category: str) -> None:
    verdict = assess(text)
    assert verdict.level == "other", describe(text)
    assert verdict.category == category, describe(text)


def test_a_fear_without_a_clinicians_benign_cause_is_still_asked() -> None:
    assert assess("what if it's a tumour, nobody has examined me yet").level == "clarify"


@pytest.mark.parametrize("text", ["Weak legs? Not sure.", "Numb bum? No, well, a bit."])
def test_an_answer_that_does_not_deny_keeps_the_sign(text: str) -> None:
    assert assess(text).level in {"urgent", "clarify"}, describe(text)


def test_the_writers_own_veiled_farewell_stays_the_writers() -> None:
    verdict = assess("wrote a letter to each of my kids, i will not be a burden much longer")
    assert verdict.level in {"urgent", "clarify"}
    assert verdict.category == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        # the writer saying what they are ("I'm a mum of 3") is still the writer
        "I'm a mama of two and my legs went numb last night",
        "as a papa of three I cannot feel my bum since this morning",
        "I am a grandma of five and since lunch I can't feel my bottom",
        # "papa here, 74": the writer's own age, with their own fall
        "papa here, 74, went down hard on the patio and my back is agony",
        # the writer's own role ("I'm a carer", "as a patient") names no one else
        "I'm a carer and since this morning I've wet myself twice without feeling it",
        "as a patient at the pain clinic I have had a numb bottom since yesterday",
        "heart patient here, since yesterday my bum has gone numb",
        "Dialysis patient on the ward list. Since last night my bottom feels numb.",
        # the writer opening with their age and a plain word for a person
        "69 year old chap, sudden ripping pain through the back into the stomach and gone "
        "clammy",
        "lady, 74, slipped on the wet kitchen floor, back is agony",
        # "I'm 68, fella, ...": the writer's own "I'm" before their age and person word
        "im 72, chap, sudden ripping pain through my back into the stomach and gone clammy",
        "i'm 77, woman, slipped on the icy step this morning and my back is agony",
        # the other person named turns out to be the writer ("the friend is me")
        "for a pal: his bum has gone numb since he lifted the sofa. ok the pal is me",
        "my buddy wet himself without noticing and his back is wrecked. the buddy was me",
    ],
)
def test_the_writers_own_role_names_the_writer(text: str) -> None:
    assert assess(text).level in {"urgent", "clarify"}, describe(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # the back that "is gone" gave out: no resolution of a sign said before it
        ("can't lift my toes off the floor, keep tripping. my back is gone", "urgent"),
        ("my foot keeps dragging and my spine has gone", "urgent"),
        # a sign that is gone is over
        ("the foot drop has gone now", "none"),
    ],
)
def test_a_back_that_is_gone_ends_no_sign(text: str, level: str) -> None:
    assert assess(text).level == level


@pytest.mark.parametrize(
    "text",
    [
        "funny one lol but i can't really feel the loo paper when i wipe, prob nothing",
        "i cant even feel the toilet roll when i wipe since sunday",
    ],
)
def test_a_sign_played_down_with_an_adverb_is_still_the_sign(text: str) -> None:
    assert assess(text).level == "urgent", describe(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("bum. numb. since lunch. scared.", "urgent"),
        ("both legs. weak. jelly. can't stand. help", "urgent"),
        ("No. Numb? No. Legs. Fine.", "none"),
        ("Stiff. Sore. Day three. Stretches?", "none"),
    ],
)
def test_a_sign_told_in_fragments_is_read_whole(text: str, level: str) -> None:
    assert assess(text).level == level, describe(text)
