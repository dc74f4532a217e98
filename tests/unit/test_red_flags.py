"""Tests for the deterministic red-flag detector bot.nlu.red_flags (and its entities).

The corpus tests/sets/safety/corpus.yml is held out from NLU training data on purpose.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import red_flags as RF
from bot.nlu.components.entities import (
    EXTRACTOR_NAME,
    RED_FLAG_ENTITY,
    RED_FLAG_UNCERTAIN_ENTITY,
    BackstepEntityExtractor,
)
from bot.nlu.red_flags import CATEGORIES, RedFlagHit, RedFlagVerdict, assess, find_red_flags
from tests.support.paths import SAFETY_SETS

CORPUS_PATH = SAFETY_SETS / "corpus.yml"
CORPUS: dict[str, list[dict[str, Any]]] = yaml.safe_load(CORPUS_PATH.read_text("utf-8"))
BENIGN_MIN_PASS = 0.97


def _describe(text: str) -> str:
    verdict = assess(text)
    hits = "; ".join(f"{h.category}:{h.status}:{h.text!r}" for h in verdict.hits)
    return f"{text!r} -> {verdict.level}/{verdict.category} [{hits}]"


# --------------------------------------------------------------------------------------
# corpus
# --------------------------------------------------------------------------------------
def test_corpus_shape() -> None:
    red, uncertain, benign = CORPUS["red_flags"], CORPUS["uncertain"], CORPUS["benign"]
    assert len(red) >= 170 and len(benign) >= 120 and len(uncertain) >= 20
    for category in CATEGORIES:
        count = sum(1 for row in red if row["category"] == category)
        assert count >= (12 if category == "crisis" else 20), category
    assert sum(1 for row in red if row.get("mixed")) >= 25
    kinds = [row["kind"] for row in benign]
    assert set(kinds) <= {"negation", "reassurance", "intake", "typo", "chitchat", "near_miss"}
    assert kinds.count("negation") + kinds.count("reassurance") >= 40
    assert kinds.count("intake") >= 40
    texts = [row["text"] for rows in CORPUS.values() for row in rows]
    assert len(texts) == len(set(texts)), "duplicate corpus texts"


@pytest.mark.parametrize(
    "row", CORPUS["red_flags"], ids=[r["text"][:60] for r in CORPUS["red_flags"]]
)
def test_corpus_red_flag_is_urgent(row: dict[str, Any]) -> None:
    verdict = assess(row["text"])
    assert (verdict.level, verdict.category) == ("urgent", row["category"]), _describe(
        row["text"]
    )


@pytest.mark.parametrize(
    "row", CORPUS["uncertain"], ids=[r["text"][:60] for r in CORPUS["uncertain"]]
)
def test_corpus_uncertain_asks(row: dict[str, Any]) -> None:
    verdict = assess(row["text"])
    assert (verdict.level, verdict.category) == ("clarify", row["category"]), _describe(
        row["text"]
    )


def test_corpus_benign_false_positive_rate() -> None:
    rows = CORPUS["benign"]
    misses = [_describe(row["text"]) for row in rows if assess(row["text"]).level != "none"]
    passed = 1 - len(misses) / len(rows)
    assert passed >= BENIGN_MIN_PASS, f"{len(misses)}/{len(rows)} benign raised:\n" + "\n".join(
        misses
    )


# --------------------------------------------------------------------------------------
# targeted rows
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # negation scope
        ("no fever but I can't control my bladder", "urgent", "cauda_equina"),
        ("bladder fine, bowels fine, legs fine", "none", None),
        ("no numbness, no weakness, no fever and no weight loss", "none", None),
        ("I can't sleep because of the night sweats", "urgent", "infection"),
        ("no sleep last night with the fever", "urgent", "infection"),
        ("no fever and i can't pee", "urgent", "cauda_equina"),
        ("i don't smoke and no drugs, but i'm on chemo", "urgent", "infection"),
        ("i wet myself and couldn't feel it", "urgent", "cauda_equina"),
        ("nothing like numbness", "none", None),
        # a sign named as a topic, then a bare no: denied; a tag question is no denial
        ("Falls, no. Tumours, no. Waterworks normal.", "none", None),
        ("had cancer, no?", "urgent", "cancer"),
        ("i have numbness, no control of my bladder", "urgent", "cauda_equina"),
        # a heading with a colon, or a topic and its no between semicolons: denied
        ("1) groin numbness: none. 2) weak legs: negative, I jog daily", "none", None),
        ("Tingling round my bottom or groin: no, checked twice.", "none", None),
        ("numb saddle no; weakness in legs no; temperature no", "none", None),
        ("groin numbness: yes, since last night", "urgent", "cauda_equina"),
        ("groin numbness: no? I am not sure", "urgent", "cauda_equina"),
        # a short heading of a list, then its bare no; not a statement of the writer's own
        ("Bowel or bladder trouble, no. History of cancer, none. Weight loss, negative.",
         "none", None),
        ("cancer no, my smear test was clear", "none", None),
        ("I had a fall, no.", "none", None),
        ("I've got numbness in my groin, no idea why", "urgent", "cauda_equina"),
        # "my brother had back surgery": his back, though "my" comes just before it
        ("my brother had back surgery last week and now runs a high fever", "other", "infection"),
        ("my brother has a fever and my back hurts from carrying him", "none", None),
        ("cancer was ruled out", "none", None),
        ("my dad had prostate cancer", "none", None),
        ("my wife says i've lost a lot of weight", "urgent", "cancer"),
        # hedges
        ("I don't think I've lost weight", "clarify", "cancer"),
        ("is it normal to feel tingling in my groin?", "clarify", "cauda_equina"),
        ("do i need a&e, i can't pee?", "urgent", "cauda_equina"),
        # urgency order
        ("i've had a fever and i want to kill myself", "urgent", "crisis"),
        ("lost weight and my leg gives way", "urgent", "neuro_deficit"),
        ("maybe a fever, but i definitely can't hold my wee", "urgent", "cauda_equina"),
        # typos and everyday words
        ("cant controll my blader", "urgent", "cauda_equina"),
        ("my bowles are a mess, incontinant", "urgent", "cauda_equina"),
        ("numbness in my bum", "urgent", "cauda_equina"),
        ("wet myself", "urgent", "cauda_equina"),
        ("feverish", "urgent", "infection"),
        ("high temprature", "urgent", "infection"),
        ("osteoperosis", "urgent", "fracture"),
        ("tempreture of 38", "urgent", "infection"),
        # the person is the subject, even with others named; not noticing is not denying
        ("my family would be better off without me", "urgent", "crisis"),
        ("my kids would be better off without me around", "urgent", "crisis"),
        ("didnt even realise i'd wet myself", "urgent", "cauda_equina"),
        ("i didn't notice i had wet the bed", "urgent", "cauda_equina"),
        # crisis wording and rigors found by the fresh held-out set (as families)
        ("i'd rather not wake up tomorrow", "urgent", "crisis"),
        ("thinking of taking the lot tonight", "urgent", "crisis"),
        ("i keep thinking of walking in front of a train", "urgent", "crisis"),
        ("been cutting myself again", "urgent", "crisis"),
        ("teeth chattering all night and my back is agony", "urgent", "infection"),
        # look-alikes that are not red flags
        ("i'm cutting myself some slack this week", "none", None),
        ("my wife is better off at her mum's this week", "none", None),
        ("i fell off the sofa laughing", "none", None),
        ("the ladder is in the garage", "none", None),
        ("hay fever is bad this year", "none", None),
        ("i had a steroid injection in my back", "none", None),
        ("this pain is killing me", "none", None),
        ("i'll take the tablets tonight", "none", None),
        ("pain in the bottom of my back", "none", None),
        ("it's chilly today", "none", None),
        # a back held bent by a spasm, or the back named, is no weak leg; not standing
        # straight with neither named is still asked about; a gait not straight is urgent
        ("it spasmed, went tight like a fist and i couldnt stand straight", "none", None),
        ("it locked on me monday, couldn't stand up straight till lunchtime", "none", None),
        ("the back got stuck on tuesday and i couldnt stand straight for an hour", "none", None),
        ("my back is wrecked from the shift, by lunch i could barely stand up straight", "none",
         None),
        ("i'm 88 and can't stand up straight since sunday", "clarify", "neuro_deficit"),
        # how long one can stand is a tolerance, not legs that will not hold
        ("can't stand long at the sink with this back", "none", None),
        ("mi cyaan stand long, mi back a hurt", "none", None),
        # Jamaican and learners' wordings of the bladder and the saddle
        ("from yesterday mi cyaan feel nuttin when mi pass water", "urgent", "cauda_equina"),
        ("my wee not coming out since morning", "urgent", "cauda_equina"),
        ("i not feel when i wipe down there", "urgent", "cauda_equina"),
        # long-term cortisone is a steroid; a tumble down a whole flight is a big fall
        ("been on cortisone for years and felt something go when i coughed", "urgent",
         "fracture"),
        ("went head over heels down the whole flight of stairs", "urgent", "fracture"),
        # bowel or bladder passed without feeling it; the saddle numb; the need not felt
        ("a bit of poo came in my underwear and i never felt it", "urgent", "cauda_equina"),
        ("can't feel anything round my bum on the toilet seat", "urgent", "cauda_equina"),
        ("i don't know when i need the loo anymore", "urgent", "cauda_equina"),
        # weight said to be reduced; a known small aneurysm; a belly throb felt by hand
        ("my weight has reduced 6 kilos and the back aches at night", "urgent", "cancer"),
        ("they found a small aneurysm last year and now my back is agony", "urgent",
         "vascular"),
        ("there's a throbbing in my tummy i can feel under my fingers", "urgent", "vascular"),
        # a full recovery is over; a cue with its own verb ends its scope at the comma
        ("had sepsis years ago but made a full recovery, back's stiff", "none", None),
        ("no tablets helping, weight dropped 5 kg this month", "urgent", "cancer"),
        ("no tingling, numbness or weakness anywhere", "none", None),
        # a dare to the body with a laugh is a figure; a wish to die is not
        ("if i bend one more time i'm going to die haha", "none", None),
        ("i want to die lol", "urgent", "crisis"),
        # 06t/06u kinds: a place named by a likeness is no ride; wetting oneself since the
        # back; a knee that will not straighten; a hyphenated osteoporosis; a tree, a
        # spear tackle; the need to go not felt
        ("numb down below, like the part that sits on a saddle", "urgent", "cauda_equina"),
        ("peeing myself getting out of bed since my back went bad", "urgent", "cauda_equina"),
        ("can't straighten my knee properly anymore and my thigh is numb", "urgent",
         "neuro_deficit"),
        ("my osteo-porosis is bad and i slipped on the step", "urgent", "fracture"),
        ("fell out of a coconut tree yesterday, back sore", "urgent", "fracture"),
        ("got speared in a tackle and they stretchered me off", "urgent", "fracture"),
        ("i didn't even feel i needed to go and it came out", "urgent", "cauda_equina"),
        # the writer's own body or doing, told beside someone else
        ("my husband says my face is drooping on one side", "urgent", "vascular"),
        ("I've got my dad's old tablets saved up and wrote my goodbyes", "urgent", "crisis"),
        ("my sister has the same osteoporosis as me and i slipped on the ice", "urgent",
         "fracture"),
        # a knock against furniture at 88 is a minor fall; meeting someone is not
        ("i'm 88, knocked my hip on the dresser and can't stand up straight since", "urgent",
         "fracture"),
        ("i'm 88, bumped into my neighbour at church, back is stiff", "none", None),
        ("i can't walk straight any more", "urgent", "neuro_deficit"),
        ("some days i just can't stand, my legs won't hold me", "urgent", "neuro_deficit"),
        # a walk cut short by the pain is no weak leg; a walk that cannot be is asked about
        ("i can't walk to the bus stop without it hurting", "none", None),
        ("some days i just can't walk", "clarify", "neuro_deficit"),
        # a denied diagnosis is denied; a denied telling leaves the sign there
        ("I have never been told I have cancer.", "none", None),
        ("No to all of it. Bladder's fine, no fever, nobody's ever said cancer.", "none", None),
        ("nobody would miss me", "urgent", "crisis"),
        # a line to stand on is a railway's only when said so; a production line is work
        ("i keep standing by the railway line at night", "urgent", "crisis"),
        ("standing on the line at the plant all shift, then home", "none", None),
        ("I haven't told anyone about the numbness in my groin", "urgent", "cauda_equina"),
        ("i haven't told my gp that i wet myself", "urgent", "cauda_equina"),
        # a sign only suspected is asked about, cleared when a result told after it rules
        # it out; a lasting history stays one whatever the scans say now
        ("had a bit of a cancer scare in 2015", "clarify", "cancer"),
        # a word of despair that judges a skill is no crisis; said of life it is
        ("I'm hopeless at remembering to stretch", "none", None),
        ("i feel hopeless with all of this", "clarify", "crisis"),
        ("they tested me for cancer last spring and it was negative", "none", None),
        ("bowel cancer in 2018, the scans have been clear since", "urgent", "cancer"),
    ],
)
def test_targeted(text: str, level: str, category: str | None) -> None:
    verdict = assess(text)
    assert (verdict.level, verdict.category) == (level, category), _describe(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀🙏🔥",
        "/inform{\"pain_direction\":\"flexion\"}",
        "me duele mucho la espalda desde hace tres semanas",
        "背中が痛いです",
        "\x00\x07\u200b weird control chars \ufeff",
        "bum!!my leg gives way;pins",
        "a" * 6000,
        ("it hurts when i bend forward and my hamstrings are tight. " * 100),
    ],
)
def test_never_raises(text: str) -> None:
    verdict = assess(text)
    assert isinstance(verdict, RedFlagVerdict)
    assert verdict.level in ("urgent", "clarify", "none")


def test_non_string_input_is_none() -> None:
    assert assess(None).level == "none"  # type: ignore[arg-type]
    assert find_red_flags(123) == []  # type: ignore[arg-type]


def test_long_message_with_flag_at_the_end() -> None:
    text = "it hurts when i bend forward and my hamstrings are tight. " * 90 + "i wet myself"
    assert len(text) > 5000
    verdict = assess(text)
    assert (verdict.level, verdict.category) == ("urgent", "cauda_equina")
    hit = next(h for h in verdict.hits if h.status == "present")
    assert text[hit.start : hit.end] == hit.text == "wet myself"


def test_glued_punctuation_is_split() -> None:
    verdict = assess("ok!!numb bum")
    assert (verdict.level, verdict.category) == ("urgent", "cauda_equina")
    assert verdict.hits[0].text == "numb bum"


def test_hits_have_offsets_and_statuses() -> None:
    text = "No fever. But I can't hold my wee"
    hits = find_red_flags(text)
    assert [(h.category, h.status) for h in hits] == [
        ("infection", "negated"),
        ("cauda_equina", "present"),
    ]
    for hit in hits:
        assert isinstance(hit, RedFlagHit)
        assert text[hit.start : hit.end] == hit.text


def test_categories_in_urgency_order() -> None:
    assert CATEGORIES == (
        "crisis",
        "vascular",
        "cauda_equina",
        "neuro_deficit",
        "infection",
        "fracture",
        "cancer",
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("blader", "bladder"),
        ("bowles", "bowels"),
        ("controll", "control"),
        ("incontinant", "incontinent"),
        ("temprature", "temperature"),
        ("osteoperosis", "osteoporosis"),
        ("numbess", "numbness"),
        ("fewer", None),
        ("fiver", None),  # five pounds, one letter from "fever"
        ("fivers", None),
        ("ladder", None),
        ("tickling", None),
        ("cancel", None),
        ("pain", None),
    ],
)
def test_normalise_word(word: str, expected: str | None) -> None:
    assert RF.normalise_word(word) == expected


def test_matcher_is_cached_and_lazy() -> None:
    assert RF.get_matcher() is RF.get_matcher()


# --------------------------------------------------------------------------------------
# component entities
# --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def component() -> BackstepEntityExtractor:
    return BackstepEntityExtractor({})


def _run(component: BackstepEntityExtractor, text: str, **data: Any) -> list[dict[str, Any]]:
    (processed,) = component.process([Message(data={TEXT: text, **data})])
    return list(processed.get(ENTITIES) or [])


def test_component_adds_urgent_red_flag(component: BackstepEntityExtractor) -> None:
    text = "three weeks, and today i can't hold my urine"
    entities = _run(component, text)
    flags = [e for e in entities if e["entity"] == RED_FLAG_ENTITY]
    assert len(flags) == 1
    flag = flags[0]
    assert flag["value"] == "cauda_equina"
    assert text[flag["start"] : flag["end"]] == "can't hold my urine"
    assert flag["extractor"] == EXTRACTOR_NAME and flag["confidence_entity"] == 1.0
    assert "pain_duration_days" in {e["entity"] for e in entities}
    assert RED_FLAG_UNCERTAIN_ENTITY not in {e["entity"] for e in entities}


def test_component_span_is_first_present_hit_of_category(
    component: BackstepEntityExtractor,
) -> None:
    text = "no fever, but i wet myself and i've been shivering"
    (flag,) = [e for e in _run(component, text) if e["entity"] == RED_FLAG_ENTITY]
    assert flag["value"] == "cauda_equina"
    assert text[flag["start"] : flag["end"]] == "wet myself"


def test_component_adds_uncertain_red_flag(component: BackstepEntityExtractor) -> None:
    text = "i might have a slight temperature?"
    entities = _run(component, text)
    assert [(e["entity"], e["value"]) for e in entities] == [
        (RED_FLAG_UNCERTAIN_ENTITY, "infection")
    ]
    assert text[entities[0]["start"] : entities[0]["end"]] == "slight temperature"


@pytest.mark.parametrize(
    "text", ["no numbness or tingling anywhere", "bladder and bowels are fine", "7/10", ""]
)
def test_component_no_red_flag_entity(component: BackstepEntityExtractor, text: str) -> None:
    names = {e["entity"] for e in _run(component, text)}
    assert not names & {RED_FLAG_ENTITY, RED_FLAG_UNCERTAIN_ENTITY}


def test_component_keeps_existing_red_flag(component: BackstepEntityExtractor) -> None:
    payload = {"entity": RED_FLAG_ENTITY, "value": "unspecified", "start": 0, "end": 3}
    entities = _run(component, "i wet myself", entities=[payload])
    assert [e for e in entities if e["entity"] == RED_FLAG_ENTITY] == [payload]


def test_component_skips_button_payloads(component: BackstepEntityExtractor) -> None:
    payload = {"entity": "red_flag_screen", "value": False}
    entities = _run(component, '/deny{"red_flag_screen": false}', entities=[payload])
    assert entities == [payload]


# --------------------------------------------------------------------------------------
# context families: resolved, exertional, noticing, cancer worry, age + fall, high-energy
# trauma, unrelenting pain, foot drop (guards from the design brief)
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "levels", "category"),
    [
        # resolved / transient
        ("had a fractured wrist years ago, fine now", {"none"}, None),
        ("had a fever last winter but thats long gone", {"none"}, None),
        ("kidney infection in the spring, that's all sorted", {"none"}, None),
        ("ran a temperature with a cold last month but it's gone", {"none"}, None),
        ("had the shivers with flu in the spring, that's all done", {"none"}, None),
        ("fell down the stairs 12 yr ago, broke my collarbone", {"none"}, None),
        ("fell down the stairs years ago and again on Sunday", {"urgent"}, "fracture"),
        ("the fever has gone on for three days now", {"urgent"}, "infection"),
        ("still have the fever, it's not sorted", {"urgent"}, "infection"),
        ("felt feverish on Sunday but it had passed by the next morning", {"none"}, None),
        ("had a fever last night and the sweats were worse the next morning", {"urgent"},
         "infection"),
        # "nothing like" denies ("nothing like cancer in my family history, thank God")
        ("no falls, nothing like cancer in my history", {"none"}, None),
        ("leg weakness after my op in 2015, fully recovered", {"none"}, None),
        ("numbness in my bum went away but it's back again and worse", {"urgent"},
         "cauda_equina"),
        ("was numb down there yesterday, fine now but it happened twice", {"urgent"},
         "cauda_equina"),
        ("was numb down there yesterday, fine now", {"clarify"}, "cauda_equina"),
        ("had breast cancer years ago, all clear, now new back pain", {"urgent"}, "cancer"),
        ("my leg gives way and the pain went away", {"urgent"}, "neuro_deficit"),
        ("the pain has gone away but i've lost control of my bladder", {"urgent"},
         "cauda_equina"),
        # exertion / cycling
        ("legs like jelly after the gym", {"none"}, None),
        ("numb bum on the bike", {"none"}, None),
        ("numb in the saddle area since tuesday, not been on a bike", {"urgent"},
         "cauda_equina"),
        ("legs getting weaker every day, even after resting", {"urgent"}, "neuro_deficit"),
        # noticing
        ("not noticed any weakness in my legs", {"none"}, None),
        ("i didn't notice i had wet the bed", {"urgent"}, "cauda_equina"),
        ("no improvement in my leg weakness", {"urgent"}, "neuro_deficit"),
        # cancer worry
        ("does back pain ever mean cancer?", {"clarify"}, "cancer"),
        ("my mum had breast cancer, does back pain ever mean cancer?", {"none", "clarify"},
         None),
        # age + minor fall
        ("i'm 78 and slipped in the garden", {"urgent"}, "fracture"),
        ("my mum is 80 and fell", {"none"}, None),
        ("i'm 70 and doing the stretches daily", {"none"}, None),
        ("i'm 34 and slipped on the stairs", {"none"}, None),
        # high-energy trauma
        ("got tackled onto my back", {"urgent"}, "fracture"),
        ("fell from the ladder onto concrete", {"urgent"}, "fracture"),
        ("fell from the trampoline frame", {"clarify", "urgent"}, "fracture"),
        ("fell over the dog's toy, no harm done", {"none"}, None),
        ("slammed the door on my way out", {"none"}, None),
        # unrelenting pain
        ("pain never lets up", {"clarify"}, "cancer"),
        ("pain never lets up and i had breast cancer", {"urgent"}, "cancer"),
        ("wakes me if i roll onto my left side, then i go back to sleep", {"none"}, None),
        ("stiff in the morning but eases once i move", {"none"}, None),
        # foot drop / stumbling
        ("ankle won't bend up", {"urgent"}, "neuro_deficit"),
        ("keep stumbling", {"clarify"}, "neuro_deficit"),
        ("stumbled on the kerb, just clumsy", {"none"}, None),
    ],
)
def test_context_families(text: str, levels: set[str], category: str | None) -> None:
    verdict = assess(text)
    assert verdict.level in levels, _describe(text)
    if category is not None:
        assert verdict.category == category, _describe(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # over: a short course, a sign that stopped or was treated, "all better"
        ("I had a short course of prednisolone for 10 days last spring, back sore from lifting",
         "none"),
        ("had a kidney infection in March, all better now, back stiff from work", "none"),
        ("the night sweats stopped when I changed tablets, it's just the back now", "none"),
        ("on prednisolone for years for my asthma and I slipped on the stairs", "urgent"),
        # explained: a jab or a passing cold, exertion said with a verb
        ("My temperature went up after the tetanus jab yesterday, and my lower back aches",
         "none"),
        ("legs like jelly after I did a 10k this morning, back a bit sore", "none"),
        # ... but not a fever that lasts, runs high, or is set against the cause
        ("I've had the flu jab but I've had fevers for a week and my spine is tender", "urgent"),
        ("I have a cold and a high fever and my back is agony", "urgent"),
        ("had my flu jab but the fever has been there since Monday and my back is worse",
         "urgent"),
        # an accident years ago is no recent one, even with the pain "since" it
        ("on-and-off back pain since a car accident in 2015, fully recovered", "none"),
        ("fell off a ladder years ago and again last week, back agony", "urgent"),
        # "still" said of the back after a "but" is the back's; said of the sign, the sign's
        ("had a temperature with flu last week, gone now, but my back is still stiff", "none"),
        # a resolution asked about is not said: "is this normal after ...?"
        ("my back is sore and I feel feverish and shaky. Is this normal after the op?",
         "urgent"),
        ("had a temperature with the flu, normal again now, my back is stiff", "none"),
        ("I had a fever, it went away, but it's still coming back at night", "urgent"),
        # a likeness is no accident; an accident is
        ("my back feels like it's been run over by a bus", "none"),
        ("hit by a car on my bike this morning, back agony", "urgent"),
        # over by the next morning; not woken by it for a long while
        ("my leg went weak after the long run but it went by the next day", "none"),
        ("the back pain used to wake me up in the spring, scan was fine, it hasn't woken me "
         "for months", "none"),
        # one night spent awkwardly is no night pain; a star sign is no cancer
        ("the pain woke me at 5 but I'd dozed off in the armchair all twisted", "none"),
        ("typical Gemini me, can't sit still, back's a bit stiff", "none"),
        ("as a Cancer I worry a lot, back is stiff", "none"),
        ("I'm a cancer survivor and my back has ached every night this month", "urgent"),
        # a cause found and treated (a recent bladder sign is still asked about); a weight
        # steady again
        ("the trouble passing water turned out to be a water infection, antibiotics sorted it",
         "clarify"),
        ("lost weight with an overactive thyroid, on tablets and my weight is stable now", "none"),
        # exertion the day before; nerves; a leak since childbirth; sweats of the menopause
        ("wobbly legs after Sunday's half marathon, back a bit stiff", "none"),
        ("my legs turned to jelly with nerves before the interview", "none"),
        ("I leak a bit when I cough, have done for years since the twins", "none"),
        ("hot sweats at night for weeks now, I'm perimenopausal", "none"),
        ("perimenopausal, but shivering with a temperature of 39 and my spine is tender", "urgent"),
        # an older writer's own fall, though a pet's thing is named
        ("I'm 83, reached for the dog's lead and felt something snap in my back", "urgent"),
        # a fright in the night, a cold going round, the gym the day before
        ("woke up drenched in sweat after a bad dream, fine once I'd calmed down", "none"),
        ("a bit shivery with this cold that's going round the office", "none"),
        ("legs like jelly after yesterday's squat session", "none"),
        ("wobbly legs after my first water aerobics class", "none"),
        # strength tested and normal after a single giving way
        ("my knee buckled once in the summer, the GP tested me and the strength was normal",
         "none"),
    ],
)
def test_over_and_explained_are_generic_modifiers(text: str, level: str) -> None:
    assert assess(text).level == level


@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        # someone else's emergency, said of them
        ("my uncle came off his motorbike an hour ago and says he can't feel his feet",
         "other", None),
        ("the wife has had a temperature for days and her back is killing her", "other",
         "infection"),
        ("my brother-in-law keeps saying he wants to end his life", "other", "crisis"),
        ("Gran slipped in the kitchen and now her back is agony", "other", "fracture"),
        ("my son is on chemo and now has chills and back pain", "other", "infection"),
        # benign mentions of others: over, a history, advice
        ("my dad had cancer years ago, he's fine now. my back is stiff", "none", None),
        ("my mum had breast cancer, is back pain ever a sign of that?", "none", None),
        ("a friend said his legs went weak after the gym, is that normal?", "none", None),
        # a crack or a break alone is no accident of theirs; an older person's fall is
        ("my friend's chiropractor cracked her back and she was scared", "none", None),
        ("my nan is 84 and fell on the path, her back is agony", "other", "fracture"),
        # thin bones and a fall told in the sentence before, with their pain now
        ("Grandad tripped on the step this afternoon. He has osteoporosis and now he can't "
         "move for the pain", "other", "fracture"),
        ("my aunt has osteoporosis and had a fall, I've been doing her shopping", "none", None),
        # or in the sentence after
        ("My uncle has taken steroids for his lungs for years. He bent to lift the dog and "
         "felt a crack in his back, now he's in agony", "other", "fracture"),
        ("My uncle has taken steroids for his lungs for years. He is doing well.", "none", None),
        # the writer's own body names the writer, though someone else was named before
        ("the nurse said to report this. my bottom and privates feel numb", "urgent",
         "cauda_equina"),
        # a clause about the person named ("a lad I coach"); "Mate, I'm ..." is the writer
        ("a lad I coach fell off the climbing wall and says his legs are tingling", "other",
         "fracture"),
        ("Mate I'm wetting myself without knowing, back's been bad since Monday", "urgent",
         "cauda_equina"),
        # whose someone is, in the sentence before ("my wife is on ...")
        ("My wife is on chemo. Since yesterday a high temperature and her back is agony",
         "other", "infection"),
        # a heart in trouble is theirs whatever hurts
        ("my colleague went grey and clammy, pain from his chest going up to his jaw", "other",
         "vascular"),
        # a crisis sign whose own words are theirs; people named by what they are
        ("my husband says he's been saving up his tablets to end it", "other", "crisis"),
        ("my FIL is on chemo and now has a fever and his back is agony", "other", "infection"),
        ("grandad fell in the spring and broke his wrist, fully recovered now", "none", None),
        # a sign at the site of a spinal procedure is their back's
        ("my sister had a lumbar puncture and now the site is red and she's burning up",
         "other", "infection"),
        # a sentence naming no one goes on about the one named before it
        ("My son was in a car crash last night. Now one leg feels weak and his back hurts",
         "other", None),
        # their lasting history with their back newly hurting
        ("my aunt had bowel cancer 5 years ago and now has new back pain at night", "other",
         "cancer"),
        ("my uncle is on methotrexate, I'm the one with the sore back", "none", None),
        # a back cracked on purpose is no injury
        ("is it ok to crack my back myself?", "none", None),
        # a dose asked about as "too many" is asked about; a dosing question is not
        ("how many sleeping tablets would be too many, asking for myself", "clarify", "crisis"),
        ("my brother keeps asking how many of his tramadol would be too many", "other",
         "crisis"),
        ("how many paracetamol is too many in a day for a sore back?", "none", None),
        ("how many co-codamol would be too many for my back?", "none", None),
        # a stretch named after an animal names no one else
        ("did the cat-cow stretch this morning but had rigors all night, temp 39", "urgent",
         "infection"),
        # a person named in a likeness is no one there; a "bestie" is someone, a "bro" who
        # opens a message is the writer's way of talking
        ("sitting on the loo feels like sitting on someone else's bum, numb as anything",
         "clarify", "cauda_equina"),
        ("my bestie reckons she can't feel her privates since leg day", "other",
         "cauda_equina"),
        ("bro got rear-ended on the way home, back is wrecked", "urgent", "fracture"),
        # someone else's lasting history, over and well, is no emergency of theirs
        ("my aunt had bowel cancer fifteen years ago and is fighting fit now", "none", None),
        # the writer's own comes first and stays the writer's
        ("my wife says I've been dragging my left foot all week", "urgent", "neuro_deficit"),
        ("me and my partner both have bad backs, and I can't feel down below", "urgent",
         "cauda_equina"),
    ],
)
def test_whose_sign_it_is(text: str, level: str, category: str | None) -> None:
    verdict = assess(text)
    assert verdict.level == level
    if category is not None:
        assert verdict.category == category


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # a sign denied after it in Hindi, or "never get" it (never had it)
        ("bukhar nahi, cancer nahi, gira nahi", "none"),
        ("cancer kabhi nahi hua", "none"),
        ("I never get fever o, na only my waist", "none"),
        # not a denial: had it once and it is gone, or a fever that will not come down
        ("cancer tha, ab nahi hai", "urgent"),
        ("cant get the fever down since last night", "urgent"),
    ],
)
def test_a_sign_denied_in_the_words_of_other_englishes(text: str, level: str) -> None:
    assert assess(text).level == level
