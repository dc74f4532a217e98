"""A clear "no" and a description of the back, read by kind (bot.nlu.answers)."""

import pytest

from bot.domain.answers import parse_score_answer
from bot.nlu.answers import (
    answer_intent,
    asks_in_so_many_words,
    is_about_back_pain,
    marks_clear_no,
    only_asks,
    only_says_fine,
    reads_as_correction,
    reads_as_question,
    starts_with_yes,
)
from bot.nlu.clear_no import reads_as_clear_no, starts_with_no, without_echo
from bot.nlu.scores import settled_score, without_other_times


@pytest.mark.parametrize(
    "text, clear",
    [
        ("No", True),
        # a thinking sound first; an aside that is over among the noes; "everything else no"
        ("Umm... no, none of those", True),
        # a form of address after the "no"
        ("No bhai, nothing like that", True),
        ("nah pal, none of those", True),
        ("hmm, not sure", False),
        # "know" after a "not" of the clause before knows; "don't know" in its clause doubts
        ("no, absolutely not, I'd know", True),
        ("no, I don't know", False),
        ("Had shingles in the summer but it's gone. Otherwise no, no falls, no fever", True),
        ("No. Had flu in the spring but that's long done", True),
        ("my foot drags a bit, everything else no", False),
        # a long answer with asides between its noes is asked again: an aside may be a sign
        # the matcher does not know ("something odd with my waterworks")
        ("No fever. No falls. No cancer. No weight loss. Something odd with my waterworks.",
         False),
        ("I can't feel my groin, no fever", False),
        ("Nope.", True),
        ("no lol", True),
        ("nah none of that", True),
        ("No, dear, none of those. My doctor checked me last month.", True),
        ("None of those, thank you", True),
        ("I don't have any of these", True),
        ("not having any of the above", True),
        ("never had any of that", True),
        # hedges are not a clear no
        ("no idea", False),
        ("not that I know of", False),
        ("no?", False),
        ("I can't remember having any", False),
        # a contrast says there is something
        ("No, but my foot is numb", False),
        ("nothing except some tingling", False),
        ("No, nothing like that. Only my back.", True),
        ("none of those, apart from my back obviously", True),
        ("she grumbled but she says no", True),
        # a "but" that only closes the answer adds nothing to set against the "no"
        ("None. Saw the dentist on Tuesday but that's all.", True),
        ("None. Saw the dentist on Tuesday but my leg is weak.", False),
        # nor one that says the aside is over or under control
        ("Nope, none. Had a chest infection in the spring but that's long gone.", True),
        ("None of them. I take pills for my blood pressure but it's well controlled.", True),
        ("no, fractured my ankle as a kid but it healed fine", True),
        # or explained, later in its sentence
        ("None. Dropped a dress size in spring, but that was the gym and the diet", True),
        ("None. Dropped a dress size in spring, but I wasn't trying and my foot drags", False),
        # a possession verb, then none of them; a full denial after a short opening
        ("I've got none of those things", True),
        ("we have nothing like that", True),
        ("Morning doc, none of those", True),
        ("Hai, nothing like that at all", True),
        ("I have nothing but numbness down there", False),
        ("my foot is numb, none of the others", False),
        ("nahi, kuch nahi", True),
        ("right, let me look at the list again... nope, none of them", True),
        ("my leg, let me think, no, none of those", False),  # the opening names a sign
        # a doubt after a full no, about something else than the no
        ("None of those, sorry, I think I over-explained earlier", True),
        ("No. None of that. Not sure what set it off, maybe the move", True),
        ("none of those I think", False),
        ("No none of those, but I'm not sure about the numbness", False),
        ("None. Had a fall in June but my leg has gone weak since", False),
        # a "no" followed only by what the back's pain is like
        ("no its just sore", True),
        ("No, only the usual backache.", True),
        ("no, it's just a niggle", True),
        ("no it's just my leg that's numb", False),
        # said for someone, to the whole list, or as a list of noes
        ("Grandad says no to all of them", True),
        ("no to all of those", True),
        ("No fevers. No falls, waterworks fine, never had cancer.", True),
        ("I dont have these things", True),
        ("No fever. But my legs are getting weak.", False),
        # a question echoed back, a no in another language, a "know" that is sure
        ("You mean the bladder thing? No, none of that.", True),
        ("Nein, nothing like this", True),
        ("Nae.", True),
        ("No. Thirty years a midwife, I would know.", True),
        ("no, I don't know", False),
        # a contrast that sets a denial against a near-miss points at another no
        ("No, none of it. I tripped on the kerb but did not fall.", True),
        ("No, but my foot is numb", False),
        # a leading "no" that begins something else
        ("no point going on", False),
        ("no one would notice", False),
        ("i dont want anything anymore", False),
        ("i can't feel anything down there", False),
        ("", False),
    ],
)
def test_reads_as_clear_no(text: str, clear: bool) -> None:
    assert reads_as_clear_no(text) is clear


@pytest.mark.parametrize(
    "text, about",
    [
        ("mild low back ache since my daughter was born", True),
        ("my waist has been paining me", True),
        ("I have pain in back", True),
        ("sciatica again", True),
        ("sair back", True),
        ("back to work tomorrow", False),
        ("my knee hurts", False),
        ("hello", False),
    ],
)
def test_is_about_back_pain(text: str, about: bool) -> None:
    assert is_about_back_pain(text) is about


@pytest.mark.parametrize(
    "intent, entities, text, expected",
    [
        # a clear no the model did not hear as one
        ("inform", set(), "No, I don't have any of these.", "deny"),
        ("nlu_fallback", set(), "God forbid, I don't have any of those", "deny"),
        ("deny", set(), "no", None),
        ("help", set(), "no i dont have any of this", "deny"),
        ("help", set(), "no, what do i type?", None),  # a no, then a question about the bot
        # an intake answer inside it: the answer counts, not the "no"
        ("inform", {"leg_pain"}, "No, nothing below the knee", None),
        # either red-flag detector saw something: never read as a "no"
        ("inform", {"red_flag", "red_flag_uncertain"}, "no lah", None),
        ("red_flag", {"red_flag"}, "no, but I can't feel my groin", None),
        # but a possible one's ordinary reading is still corrected (the mark stays)
        ("ask_programme", {"red_flag", "red_flag_uncertain", "leg_pain"},
         "Yes, it goes down the back of my leg to the ankle", "inform"),
        ("crisis", {"red_flag", "leg_pain"}, "it goes down my leg and I want to die", None),
        # a description of the back taken for something else
        ("out_of_scope", set(), "low back ache since my daughter was born", "inform"),
        ("greet", {"pain_duration_days"}, "Hello, my back hurts since Wednesday", "inform"),
        # a description of the back that ends in thanks; the person's own back, named
        ("thank", set(), "my back gives me trouble a long time now. Thank you for your help",
         "inform"),
        ("out_of_scope", set(), "My back has let me down completely this week", "inform"),
        ("thank", set(), "thanks, I'll be back tomorrow", None),
        # discomfort is a word of pain: a request for help, not thanks
        ("thank", set(), "some discomfort in my low back lately, I'd appreciate advice",
         "inform"),
        # a question asked in the clause that ends in the question mark
        ("inform", set(), "Summer is busy at the shop, should I wear a support belt?",
         "ask_programme"),
        ("inform", set(), "I swim on Fridays. Would you say carry on, or stop for now?",
         "ask_programme"),
        # a request for advice without a question mark, the movements in it its topic
        ("inform", {"pain_direction"}, "Please advise whether I can keep cycling or must rest",
         "ask_programme"),
        ("inform", {"pain_direction"}, "bending hurts, I wonder if it will pass", None),
        # an answer said to hurt that only opens like a question ("Is when" = "it's when")
        ("ask_programme", {"pain_direction"}, "Is when I bend down it does hurt", "inform"),
        ("ask_programme", {"pain_direction"}, "Is it ok if I bend down?", None),
        # a question about what counts, then the answer
        ("ask_programme", {"pain_direction"},
         "Does gardening count? Kneeling and bending over the beds is the worst.", "inform"),
        ("ask_programme", {"pain_direction"}, "Kindly tell me whether I can carry on walking",
         None),
        # a score that the model took for a question
        ("ask_programme", set(), "Five, I would say.", "inform"),
        # a request for help with the back, not a question: the intake answers it
        ("ask_programme", set(), "Evening, my lower back is killing me, want some stretches",
         "inform"),
        ("ask_programme", set(), "my back is sore, which stretches should I do?", None),
        ("nlu_fallback", {"pain_direction"}, "worse when I bend", "inform"),
        # a goodbye with no word of leaving in it
        ("goodbye", {"pain_duration_days"}, "Since the school fete, the Saturday", "inform"),
        ("goodbye", set(), "my lower back is sore", "inform"),
        ("nlu_fallback", set(), "the husband says I have to see to this back", "inform"),
        ("goodbye", set(), "the kettle is on", "nlu_fallback"),
        ("goodbye", set(), "ok bye for now", None),
        # a programme question that asks nothing but holds an answer
        ("ask_programme", {"flexibility"}, "Fine, I do pilates and can touch my toes", "inform"),
        ("ask_programme", {"flexibility"}, "can I keep doing pilates? I touch my toes", None),
        # the bot's question echoed back, then answered
        ("ask_programme", {"flexibility"}, "reach the floor? not a hope, hamstrings of wood",
         "inform"),
        ("ask_programme", {"flexibility"}, "reach the floor? is that bad?", None),
        ("ask_programme", {"pain_direction"}, "Stooping? Yes, that's the one", "inform"),
        ("ask_programme", set(), "sports day was on saturday so since then", "inform"),
        ("ask_programme", set(), "is saturday a good day for the gym?", None),
        # a plain question nobody understood is a question about the programme
        ("nlu_fallback", set(), "should I still do squats at the gym?", "ask_programme"),
        # a choice put as a question, with no question word
        ("inform", set(), "Heat pack or cold pack? My mum swears by heat", "ask_programme"),
        ("nlu_fallback", set(), "Gym or rest?", "ask_programme"),
        ("inform", {"pain_direction"}, "bending or sitting? both hurt", None),
        # one with no question mark: a question word opening it, a pair of words that ask
        ("nlu_fallback", set(), "how many weeks till it settles would you say",
         "ask_programme"),
        ("nlu_fallback", set(), "how it started was a sneeze", None),
        ("inform", set(), "what do you mean?", None),  # about the bot's own question
        ("inform", set(), "no?", None),
        # starting over needs a word that says so
        ("restart_intake", set(), "Since Heroes Day. Mi work the whole holiday and it start "
         "from dat.", "nlu_fallback"),
        ("restart_intake", {"pain_duration_days"}, "it start from monday", "inform"),
        ("restart_intake", set(), "can we start again?", None),
        ("restart_intake", set(), "restart", None),
        # a check-in needs a word that says so
        ("checkin_now", set(), "Hello! I am writing before my daily standup, I have pain in "
         "the low back", "inform"),
        ("checkin_now", set(), "daily standup soon", "nlu_fallback"),
        ("checkin_now", set(), "let's do today's check-in", None),
        ("checkin_now", set(), "log my pain", None),
        # a yes or a no needs a word that says so; a question about back pain is none
        ("deny", set(), "Evening. My back dey worry me since the harvest.", "inform"),
        ("affirm", set(), "I've got a bit of low back pain, am I in the right place?",
         "inform"),
        ("deny", set(), "nope, my back is grand", None),
        ("deny", set(), "my back doesn't hurt in the mornings", None),
        ("affirm", set(), "yes my back hurts, is that what you mean?", None),
        # a question, thought aloud, then the answer settled on
        ("ask_programme", {"pain_direction"}, "does kneeling count as bending? it's the "
         "worst, gardening kills it. so bending forward", "inform"),
        ("ask_programme", {"pain_direction"}, "is bending bad for it? I bend all day.", None),
        # a goodbye opens with its farewell; a message about the back that ends on
        # leaving for work is no goodbye
        ("goodbye", set(), "Morning, my lower back has been sore for a week, what should I do? "
         "I leave for the shop at 7", "inform"),
        ("goodbye", set(), "ok bye, my back's a bit better today", None),
        # a check-in time needs a time or a word of one
        ("set_checkin_time", set(), "My grandson showed me this. Do I just type to you?",
         "help"),
        ("set_checkin_time", set(), "my grandson set this up", "nlu_fallback"),
        ("set_checkin_time", set(), "half seven suits", None),
        ("set_checkin_time", set(), "can we do evenings instead", None),
        # today's routine asked for is the session, whatever the model made of it
        ("inform", set(), "what are my exercises for today then?", "start_session"),
        ("ask_programme", set(), "what are today's exercises?", "start_session"),
        # a verb of leaving with another object is no goodbye; a check by someone else is
        # no check-in
        ("goodbye", set(), "just finished my shift and my lower back is sore", "inform"),
        ("goodbye", set(), "I am finished for today", None),
        ("checkin_now", set(), "my back hurts a lot, my husband says go check", "inform"),
        ("checkin_now", set(), "check in now please", None),
        # which exercises to do, read as the plan or not understood: today's session
        ("show_plan", set(), "my back aches, what exercises should I do today?",
         "start_session"),
        ("nlu_fallback", set(), "which stretches should i do", "start_session"),
        ("inform", set(), "i did my exercises for today", None),
        # a question about going on with something one does is about the back
        ("out_of_scope", set(), "Can I carry on with my salsa class?", "ask_programme"),
        # other readings stay
        ("out_of_scope", set(), "what's the weather tomorrow", None),
        ("out_of_scope", set(), "can I still order a pizza tonight", None),
        ("ask_programme", set(), "is swimming good for my back pain?", None),
        ("greet", set(), "good morning", None),
    ],
)
def test_answer_intent(
    intent: str, entities: set[str], text: str, expected: str | None
) -> None:
    assert answer_intent(intent, entities, text) == expected


@pytest.mark.parametrize(
    "text, in_passing, expected",
    [
        # no question, read as one: movements named in passing, or a score settled on,
        # are an answer
        ("Kneeling in the garden, and bending to pull the weeds up.", {"pain_direction"},
         "inform"),
        ("Somewhere between 6 and 7. I will take 6.", set(), "inform"),
        # a question stays a question
        ("can I do yoga with this", {"pain_direction"}, None),
        ("is 6 or 7 bad?", set(), None),
        # a dictated question, no mark, with a habit's weekdays
        ("I swim on a Tuesday and Thursday is it ok to keep that up", {"pain_direction"},
         None),
    ],
)
def test_an_answer_the_model_took_for_a_question(
    text: str, in_passing: set[str], expected: str | None
) -> None:
    assert answer_intent("ask_programme", set(), text, frozenset(in_passing)) == expected


@pytest.mark.parametrize(
    "text, score",
    [
        ("7", 7.0),
        ("about six", 6.0),
        ("7. is strong", 7.0),
        ("Now is 4.", 4.0),
        ("Around 5 po.", 5.0),
        ("6/10 today", 6.0),
        ("3.5 out of 10", 3.5),
        ("it is a seven", 7.0),
        ("about 11", 11.0),  # out of range: the form says so
        ("a 6 out a 10", 6.0),
        ("6 outta 10", 6.0),
        ("6 out ah 10.", 6.0),
        ("8 yesterday, 5 now", None),
        # a range is read as the number said first; a number said first for "now"
        ("5 or 6", 5.0),
        ("maybe 3-4", 3.0),
        ("6 maybe 7", 6.0),
        ("Nine, maybe eight.", 9.0),
        ("4 or perhaps 5", 4.0),
        ("7, maybe 8 on a bad day", 7.0),
        ("two right now, it's a quiet day", 2.0),
        ("at the moment 4 to 5", 4.0),
        ("now 6 or 7 I guess", 6.0),
        ("8 yesterday, 4 or 5 now", None),
        ("9 to 3 depending on the day", None),  # two scores, not a range
        ("between 4 and 5", 4.0),  # a range said with "between": its first number
        ("somewhere between a 5 and a 6", 5.0),
        ("between 2 and 9 depending on the day", None),
        # a number said alone last settles the range said before it
        ("5 or 6. 6.", 6.0),
        ("four or five... five", 5.0),
        ("6. 2 weeks of this.", None),
        ("bad", None),
        ("no one can say", None),
        # Spanish number words, as people who mix it with English score
        ("siete", 7.0),
        ("like a cinco today", 5.0),
    ],
)
def test_parse_score_answer(text: str, score: float | None) -> None:
    assert parse_score_answer(text) == score


@pytest.mark.parametrize(
    "intent, entities, text, marked",
    [
        # a clear no that says more: marked, the intent stays
        ("inform", {"leg_pain"}, "No, nothing like that. Only my back.", True),
        # a plain no is a deny already; nothing to mark
        ("deny", {"leg_pain"}, "no, only my back", False),
        ("inform", set(), "no", False),
        # no answer in it, or a red flag seen, or not a clear no: not marked
        ("inform", {"leg_pain", "red_flag_uncertain"}, "No, only my back", False),
        ("inform", {"pain_direction"}, "bending hurts", False),
        # a softener that a full no settles: marked, so that it is no hedge
        ("deny", set(), "No, I don't think so, none of that.", True),
        ("deny", set(), "I don't think so", False),
        ("deny", set(), "I don't know, no", False),
        ("deny", set(), "nothing like that, not sure though", False),
        # a clear no that says a doctor checked: marked, so the screen reads it as its no
        ("assessed", set(), "Oh no, none of that. The GP checked all that last month.", True),
        ("assessed", set(), "The GP checked me over and said it's fine", False),
    ],
)
def test_marks_clear_no(intent: str, entities: set[str], text: str, marked: bool) -> None:
    assert marks_clear_no(intent, entities, text) is marked


@pytest.mark.parametrize(
    "text, no",
    [
        ("no it stays in my back", True),
        ("nah, just the back", True),
        ("no idea", False),
        ("yes, down to my ankle", False),
        ("not really sure", False),
        # how often is no doubt about the no; a "no?" is one
        ("No, though my bum aches sometimes", True),
        ("no?", False),
        # a hedge further on describes, it does not doubt the no
        ("no, it's just the low back and sort of kinda round my belt", True),
        ("no, maybe a little in the thigh", False),
    ],
)
def test_starts_with_no(text: str, no: bool) -> None:
    assert starts_with_no(text) is no


@pytest.mark.parametrize(
    "text, fine",
    [("Fine", True), ("all good", True), ("they're fine thanks", True),
     ("fine but a bit tight", False), ("not fine", False), ("", False)],
)
def test_only_says_fine(text: str, fine: bool) -> None:
    assert only_says_fine(text) is fine


@pytest.mark.parametrize(
    "text, asks",
    [
        # a question about the programme, whatever comes after it ("again" is no "say again?")
        ("Any idea when I can get back on the ice? The league starts up again after New "
         "Year's", True),
        ("Christmas is our busiest time, should I wear a back belt?", True),
        # a question about what the bot asked
        ("say that again?", False),
        ("what do you mean? since the wedding", False),
        ("Does making beds count?", False),
    ],
)
def test_a_question_in_so_many_words(text: str, asks: bool) -> None:
    assert asks_in_so_many_words(text) is asks


@pytest.mark.parametrize(
    "text, asks",
    [
        ("is cycling ok", True),
        ("Should I stop running for now", True),
        ("wondering about the gym", True),
        ("I can touch my toes and I swim twice a week", False),
        ("Fine. I do pilates.", False),
        ("pilates ok?", True),
    ],
)
def test_reads_as_question(text: str, asks: bool) -> None:
    assert reads_as_question(text) is asks


@pytest.mark.parametrize(
    "text, yes",
    [
        ("Yes po, it goes down to my knee", True),
        ("yeah down the left leg", True),
        ("yes? not sure", False),
        ("no", False),
        ("it goes down my leg, yes", False),  # the extractor reads that one
    ],
)
def test_starts_with_yes(text: str, yes: bool) -> None:
    assert starts_with_yes(text) is yes


@pytest.mark.parametrize(
    "text, score",
    [
        ("A 4. It was a 6 on Sunday but it's eased", 4.0),
        ("5 now, yesterday 8", 5.0),
        ("Lying here now, a 4. It goes to 7 when I bend.", 4.0),
        ("it was a 7 yesterday", None),
        ("3, sometimes 4 but today 3", 3.0),
        ("usually a 6, 4 at the moment", 4.0),
        # a rise from the score said first is another time
        ("3 climbs to about 7 by teatime", 3),
        ("about four, creeps up to 7 at work", 4),
        ("it goes down my leg a bit, a 5", 5),
        # a bracket is an aside; a month dates another time
        ("3 (it was 8 back in October)", 3),
        ("5 (up from 2 on the 1st of March)", 5),
        # a year dates another time
        ("At present, a 5. In 2022, when I last had physio, it was nearer a 7.", 5),
    ],
)
def test_a_score_of_now_without_other_times(text: str, score: float | None) -> None:
    assert parse_score_answer(without_other_times(text)) == score


@pytest.mark.parametrize(
    "text, echo_removed",
    [
        ("Down the leg? No, only my back", "No, only my back"),
        ("is it bad?", "is it bad?"),  # nothing after the question: it stays
        ("No. Why?", "No. Why?"),  # the question is not first
    ],
)
def test_without_echo(text: str, echo_removed: str) -> None:
    assert without_echo(text) == echo_removed


@pytest.mark.parametrize(
    "text, corrects",
    [
        ("actually it's been two months", True),
        ("sorry, I meant the left leg", True),
        ("wait, no, it's more like two months", True),
        ("I meant bending, not leaning back", True),
        # a correction word in passing corrects nothing
        ("I am tight, it locks and I have to wait before I straighten", False),
        # a correction word after a modal is a verb
        ("it jams, cannot move, must wait then can straighten", False),
        ("oh wait, it's seven", True),
        ("bending is the wrong thing to do for me", False),
        ("standing hurts", False),
    ],
)
def test_reads_as_correction(text: str, corrects: bool) -> None:
    assert reads_as_correction(text) is corrects


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Would a stool help? Is standing all day going to make it worse?", True),
        ("is swimming ok?", True),
        ("Standing all day is the worst. Is that normal?", False),  # an answer, then a question
        ("Is when I bend down it does hurt", False),  # opens like one, asks nothing
        ("since tuesday?", False),  # an answer said unsure
        # dictated, with no question mark: a sentence that opens asking, or a phrase that asks
        ("I cycle to work most days. Should I keep that up or take the bus for now", True),
        ("I play bowls on a Wednesday with the club is it ok to carry on with that", True),
        ("I can touch my toes", False),
        ("It is ok to bend", False),
        ("", False),
    ],
)
def test_only_asks(text: str, asks: bool) -> None:
    assert only_asks(text) is asks


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Six, I'd say. Seven some evenings.", 6.0),  # another time's score, in the plural
        ("A 6. It was a 7 but then I found this chat", 6.0),
    ],
)
def test_a_score_of_now_beside_one_of_another_time(text: str, score: float) -> None:
    assert parse_score_answer(without_other_times(text)) == score


@pytest.mark.parametrize(
    "text, score",
    [
        # thinking aloud, then settling: the number after the last settling word
        ("5. Or 4? No, 5, it's the usual", 5),
        ("three. maybe four. ok, call it three", 3),
        ("it was a 7 at lunch, right now a 4", 4),
        ("8 lying down, honestly 9 on my feet", 9),
        # a few words between the settling word and its number
        ("maybe a 6? nah, if I'm honest it's a 5", 5),
        ("7 when I stand, 6 sitting. 7 is probably more accurate", 7),
        ("Seven? no, honestly nearer a six", 6),
        ("nah, out of 10 I'd go 4", 4),
        ("no, it's been 3 weeks like this", None),  # a measure, not a score
        ("no. today, walking to the bus, it was 7", None),  # another time's number
        ("honestly a 5. Yesterday it was 7", 5),  # past the sentence's end
        # a summary of the day beside its highs ("on average", "overall", "mostly")
        ("4 on average, after a long drive it can hit 7 but mostly 4", 4),
        ("3. By the evening I'd say 5, but 3 overall.", 3),
        # a correction, or the choice said again ("or rather", "yes", "put down")
        ("Nine. Or rather, eight. Yes, eight.", 8),
        ("5 or 6, put me down for 6", 6),
        # "not so bad" softens the first number; "bad days" is another time's
        ("maybe 8, ok, not so bad, 7", 7),
        # a range, then the number taken, chosen or closer to
        ("Between 4 and 5. I will take 4.", 4),
        ("Between 5 and 6, closer to 6.", 6),
        ("between 2 and 3, more close to 2. I choose 2.", 2),
        # "more like" another time's number settles nothing
        ("Sitting now, it's a 3. After a day of teaching, more like a 6.", 3),
        ("ok bad days 8, mostly 5", 5),
        ("3 or 4 mark it 4", 4),
        # the number honesty settles on, said before it
        ("Hmm, 4 or 5... 5 if I'm honest", 5),
        ("3 to be honest", 3),
        ("4 if I sit, 7 if I stand", None),  # two times, nothing settled
        # nothing settled: the other readings decide
        ("5 or 6", None),
        ("6. It was 8 this morning.", None),
        ("no 6 hours without it aching", None),  # a measure, not a score
        ("a 7 right now. I'd say 9 but I'm being brave", None),  # what they would say
        # "I'd say" after a number settles that number, nothing in the next sentence
        ("A 4, I'd say. Maybe a 3 on a good day, but today's a 4.", 4),
        ("6, I'd say. Maybe 5 sitting.", 6),
        # a settling word in a clause of the past settles a score of then
        ("In 2022 it was nearer a 7", None),
        ("last winter it was closer to 8, now a 4", 4),
        # a half in figures is one number, not a number, a full stop and another
        ("right now 6.5", 6.5),
        ("4 or 5. ok, call it 4.5.", 4.5),
        # someone else's number weighed, then one agreed on
        ("I'd go 3. my husband reckons 5 from the faces I pull. go on then, 5", 5),
        ("Maybe 6. The kids say 8. Fine, 7.", 7),
        ("5, my sister thinks 6, let's meet in the middle, 5.5", 5.5),
        ("Say 2. My mum says 4, she's seen me limping. Let us put 4.", 4),
        # a sentence that takes back the first number, then the number alone at the end
        ("2 maybe? no, it's worse than that, I've been on my feet all day. 4", 4),
        ("Flexibility is fine. But one time it locked up.", None),
        ("1. no numbness. 2. no fever. 3. just sore", None),  # a list's numbers
    ],
)
def test_the_score_settled_on(text: str, score: float | None) -> None:
    assert settled_score(text) == score



@pytest.mark.parametrize(
    ("text", "clear"),
    [
        # the list gone through item by item, then summed up as a no
        ("Let me think. Bladder's normal. No numbness. Legs strong. So no.", True),
        ("Checked each one. Nothing like that. In short, no to all of them.", True),
        ("Bladder's normal. So no?", False),  # asked back, not said
        ("Bladder's normal. So no, but my foot drags", False),  # a contrast
    ],
)
def test_a_concluding_no(text: str, clear: bool) -> None:
    assert reads_as_clear_no(text) is clear
