"""How long this bout has lasted, read in its context: a rate, an age, a weekday naming a
holiday's own day and the history before the bout are no answer; a long recurring history
is marked as such (:data:`bot.nlu.patterns.HISTORY`)."""

from __future__ import annotations

import datetime
import re

from spacy.tokens import Doc, Span, Token

from bot.domain.programme import duration_class
from bot.nlu import patterns as P
from bot.nlu.ages import a_pregnancy, an_age, dates_a_birth
from bot.nlu.calendar_words import WEEKDAYS, days_until_said
from bot.nlu.dates import HABITUAL, MONTHS
from bot.nlu.duration import (
    FUZZY,
    RATE_AFTER,
    calendar_date_in,
    is_rate_or_future,
    parse_duration_days,
    tokenize,
)
from bot.nlu.episodes import past_episode, phrase_at
from bot.nlu.holidays import HOLIDAY_WORDS, holiday_name_at
from bot.nlu.named_days import qualified_holiday_days
from bot.nlu.span_dates import (
    a_bare_weekday,
    an_events_weekday,
    clause_end_after,
    names_its_day,
    next_sentence_end,
    the_weekday_dated_after,
    the_weekday_near_a_date,
)
from bot.nlu.spans import (
    CONTEXT,
    CONTRASTS,
    Extraction,
    extraction,
    says_a_phrase,
    sentence_before,
    sentence_of,
    value_of,
)

_ANCHORS = CONTEXT["anchors"]
_BOUT = CONTEXT["bout_words"]
#: How many words after a start its holiday may be named ("since the October bank holiday").
_HOLIDAY_REACH = 12

#: A recurring history this long or longer is the back's story, not this bout's.
_HISTORY_MIN_DAYS = 180


def _too_vague_to_take_unasked(span: Span, today: datetime.date) -> bool:
    """A vague count ("a few weeks", "several months") or a start named only by a month
    that could fall in either of two stages of the programme ("since September" on 4
    December: 65 to 94 days, subacute or chronic): said in passing it is no answer, and the
    how-long question still comes, for a number the journal can use; said as the answer to
    it, it is taken. A month that fits one stage ("since November") is taken as said."""
    words = [t.lower_ for t in span]
    if any(t.like_num or any(c.isdigit() for c in t.text) for t in span):
        return False  # "since the 24th of September", "three months"
    if any(FUZZY.get(w) and w != "couple" for w in words):
        return True
    months = [MONTHS[w] for w in words if w in MONTHS]
    if len(months) != 1 or len(words) > 3:
        return False  # "since early September": placed within its month
    year = today.year if months[0] <= today.month else today.year - 1
    first = datetime.date(year, months[0], 1)
    last = (first + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)
    return duration_class(max(0, (today - last).days)) != duration_class((today - first).days)


def _years_of_something_else(span: Span, days: int) -> bool:
    """Years said in a sentence with no word of the back, of pain, of a bout or of a
    start ("brickie 30 yr.", "Mail carrier, 22 years walking a route", "I am taxi driver,
    black cab, 20 years."): most likely a working life, so said in passing it is no answer
    and the how-long question still comes."""
    if days < 365:
        return False
    clause = _life_clause(span)
    words = P.ANSWER_WORDS["pain_words"] | P.ANSWER_WORDS["back_words"] | _BOUT
    # the span's own "since" anchors nothing in a sentence that says something else ("I
    # am helper here in Hong Kong since 2004"), only in an answer ("since CNY last year")
    outside = [t for t in clause if not span.start <= t.i < span.end and not t.is_punct]
    anchors = outside if len(outside) >= _SAYS_SOMETHING_ELSE else list(clause)
    return not any(t.lower_ in words for t in clause) and not any(
        t.lower_ in _ANCHORS for t in anchors
    )


#: Words beside a "since ..." that make its sentence say something else than how long.
_SAYS_SOMETHING_ELSE = 4


def _life_clause(span: Span) -> Span:
    """``span``'s sentence up to where an "and" or a "but" after it turns to something
    new ("Mi a drive taxi thirty year now and di back always have likkle problem")."""
    sentence = sentence_of(span)
    doc, end = span.doc, span.end
    turns = CONTEXT["clause_turns"]
    while end < sentence.end and not _turns_to_new(doc, end, turns):
        end += 1
    return doc[sentence.start : end]


def _turns_to_new(doc: Doc, i: int, turns: frozenset[str]) -> bool:
    word = doc[i].lower_
    if word in turns:
        return True
    following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return word == "and" and following in CONTEXT["new_subjects"]


def _anchored(doc: Doc, span: Span) -> bool:
    """Dated as the pain's start: "since this morning", "started 5 hours ago"."""
    before = doc[max(0, span.start - 3) : span.start]
    after = doc[span.end : min(len(doc), span.end + 2)]
    return any(t.lower_ in _ANCHORS for t in before) or any(t.lower_ == "ago" for t in after)


def _before_then(doc: Doc, span: Span) -> bool:
    """A span of the history before the current bout ("fifteen years before that", "on
    and off about 8 years")."""
    after = [t.lower_ for t in doc[span.end : span.end + 6]]
    before = [t.lower_ for t in doc[max(0, span.start - 5) : span.start]]
    around = " ".join(before + ["|"] + after)
    return any(
        w == "before" and after[i + 1 : i + 2] in (["that"], ["this"], ["then"], ["it"])
        for i, w in enumerate(after)
    ) or any(phrase in around for phrase in ("on and off", "off and on"))


def _breaks(token: Token) -> bool:
    """Punctuation or a turn ("but") ends a segment; a hyphen inside a word ("on-and-off")
    does not."""
    if token.text == "-" and token.i > 0 and not token.doc[token.i - 1].whitespace_:
        return False
    return token.is_punct or token.lower_ in CONTEXT["clause_turns"]


def _segment(span: Span) -> Span:
    """The words around ``span`` up to a punctuation mark or a turn ("but") either side."""
    doc, start, end = span.doc, span.start, span.end
    while start > 0 and not _breaks(doc[start - 1]):
        start -= 1
    while end < len(doc) and not _breaks(doc[end]):
        end += 1
    return doc[start:end]


def _own_clause(span: Span, segment: Span) -> Span:
    """The part of ``segment`` between the "and"s either side of ``span``: "trouble for
    some thirty years and am currently suffering a flare-up" is two clauses."""
    doc, start, end = span.doc, span.start, span.end
    while start > segment.start and doc[start - 1].lower_ != "and":
        start -= 1
    while end < segment.end and doc[end].lower_ != "and":
        end += 1
    return doc[start:end]


def _is_history(doc: Doc, span: Span, days: int) -> bool:
    """A long recurring history ("on and off for about 20 years", "30 years of it. It's
    flared up again"): how long the back has troubled them, not how long this bout has
    lasted."""
    sentence = sentence_of(span)
    segment = own_segment = _segment(span)
    if segment.end + 1 < len(doc) and doc[segment.end].text == ",":
        # "for nearly ten years, on and off": the history said just after its length
        segment = doc[segment.start : _segment(doc[segment.end + 1 : segment.end + 2]).end]
    part = [t.lower_ for t in segment if t.text != "-"]  # "the on-and-off thing"
    words = [t.lower_ for t in doc[segment.start : segment.end]]
    phrased = {  # the "again" of "again and again" is no bout of its own
        segment.start + i + k for i in range(len(words))
        for k in range(phrase_at(words, i, CONTEXT["recurrence_phrases"]))
    }
    this_bout = {
        t.lower_ for t in _own_clause(span, own_segment)
        if t.i not in phrased and not _this_as_the_pain(t)
    } & (CONTEXT["current_words"] | _BOUT)
    if (
        set(part) & CONTEXT["recurrence_words"]
        or says_a_phrase(part, CONTEXT["recurrence_phrases"])
    ) and not this_bout:
        return True  # "on and off since the start of September", not "this bout since May"
    if days < _HISTORY_MIN_DAYS:
        return False
    # "Lower back trouble for 30 years. It's flared up again", "a dodgy back for about
    # twenty years but this current bout is worse": the bout said in another sentence,
    # or in a clause turned against the history
    clause = own_segment if own_segment.end < sentence.end and doc[
        own_segment.end
    ].lower_ in CONTEXT["clause_turns"] else sentence
    elsewhere = [t.lower_ for t in doc if not clause.start <= t.i < clause.end]
    return bool(set(elsewhere) & _BOUT) and not {t.lower_ for t in clause} & _BOUT


def _this_as_the_pain(token: Token) -> bool:
    """"this" standing for the pain ("I have had this 10 years"), not this bout's."""
    following = token.doc[token.i + 1 : token.i + 2]
    return token.lower_ == "this" and following.text.lower() not in CONTEXT["this_nouns"]


_MEASURED = re.compile(r"^\d+(?:\.\d+)?([a-z]*)$")


def _a_rate(span: Span) -> bool:
    """"200km a week", "5k every day": an amount per time, not how long the pain lasted."""
    doc = span.doc
    if span.start == 0 or span[0].lower_ not in RATE_AFTER:
        return False
    before = doc[span.start - 1].lower_
    measured = _MEASURED.match(before)
    counted = span.start >= 2 and (  # "5 classes a week", "three shifts a week"
        doc[span.start - 2].like_num and doc[span.start - 1].is_alpha
    )
    return counted or before in CONTEXT["measure_words"] or bool(
        measured and measured.group(1) in CONTEXT["measure_words"]
    )


def _a_window_of_counting(span: Span) -> bool:
    """The time over which something is counted ("twice in the last ten years", "3 times
    over the past year"): a window, not how long this bout has lasted."""
    words = [t.lower_ for t in span.doc[max(0, span.start - 6) : span.start]]
    words += [t.lower_ for t in span if t.lower_ in ("the", "last", "past")]
    for k, word in enumerate(words):
        if word in ("in", "over", "within") and k > 0 and words[k + 1 :][:2] in (
            ["the", "last"], ["the", "past"]
        ):
            return words[k - 1] in _COUNTS
    return False


_COUNTS = frozenset({"once", "twice", "times", "thrice"})


#: Words that make an amount relative to something else ("two days after, November 2").
_RELATIVE = frozenset({"after", "later"})


def _an_activity(span: Span, after: list[str]) -> bool:
    """How long an activity lasted ("two days in the car", "ten hours on the line"): a
    length, not dated as a start, followed by where it was spent."""
    doc = span.doc
    place = doc[span.end + 2].lower_ if span.end + 2 < len(doc) else ""
    body = P.ANSWER_WORDS["back_words"] | P.ANSWER_WORDS["pain_words"] | {"lower", "low", "leg"}
    return (
        len(after) == 2 and after[0] in ("in", "on", "at")
        and after[1] in ("the", "a", "my", "our", "his", "her")
        and place not in body  # "3 weeks in my back": where the pain is
        and not any(t.lower_ in CONTEXT["anchors"] for t in span)
    )


def _a_plan(span: Span) -> bool:
    """A start still to come: "to start running in January", "will begin in March"."""
    doc = span.doc
    return (
        span[0].lower_ in CONTEXT["anchors"] and span.start > 0
        and doc[span.start - 1].lower_ in CONTEXT["plan_before"]
    )


def _a_likeness(span: Span) -> bool:
    """How long it feels, not how long it is: "though it feels like a week already"."""
    before = [t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]
    return "like" in before[-2:] and bool(set(before) & CONTEXT["feeling_words"])


def _relief_lasted(span: Span) -> bool:
    """"a massage which was good for a day", "helped for about an hour": how long relief
    lasted, not the pain."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 4) : span.start]]
    if "for" not in before:
        return False
    return any(w in P.RELIEF_WORDS for w in before[: before.index("for")])


def _a_career(span: Span, before: list[str], after: list[str]) -> bool:
    """"Retired after 30 years delivering mail": a period that is over, not this bout
    ("after 3 weeks of pain" is)."""
    pain = P.ANSWER_WORDS["pain_words"] | P.ANSWER_WORDS["back_words"] | {"of", "now", "."}
    if before[-1:] == ["after"] and bool(after) and after[0] not in pain:
        return True
    if after[:1] == ["of"] and after[1:2] and after[1].endswith("ing") and after[1] not in pain:
        return True  # "30 years of plumbing catching up with me": a working life
    # "I have worked in the factory for thirty years", "been driving trucks for 20 years"
    said = [t.lower_ for t in sentence_before(span)]
    if before[-1:] == ["for"] and set(said) & CONTEXT["work_words"] and not set(said) & pain:
        return True
    # "I am doing surya namaskar and some asanas every morning since twenty years": a
    # habit's years ("since" for "for", as many Englishes say it)
    if before[-1:] in (["for"], ["since"]) and _a_habit(said) and not set(said) & pain:
        return True
    if set(before) & CONTEXT["trade_words"]:
        return True  # "Plasterer 30 year, me back's finally knackered"
    # "40 year at sea", "twenty years in the army", "30 years on the tools": a working life
    place = [w for w in span.doc[span.end : span.end + 3] if w.lower_ not in ("the", "a")]
    return (
        len(place) >= 2 and place[0].lower_ in ("at", "in", "on")
        and place[1].lower_ in CONTEXT["career_places"]
    )


def _a_habit(words: list[str]) -> bool:
    """Whether ``words`` say what someone does regularly: a verb of doing and "every" or
    "each" before a time of day or week ("doing asanas every morning")."""
    times = CONTEXT["habit_times"]
    regular = any(
        w in HABITUAL and nxt in times for w, nxt in zip(words, words[1:], strict=False)
    )
    return regular and bool(set(words) & CONTEXT["doing_words"])


def _someone_elses_sentence(span: Span) -> bool:
    """A sentence that opens on someone else ("My mate Col did his back and couldn't sit
    for a month") and names the writer nowhere before the duration. The people are the
    safety rules' (one home), read here when first needed: that package reads the intake's
    pipeline as it loads."""
    from bot.nlu.red_flags.scope import FIRST_PERSON, OTHER_PEOPLE

    sentence = sentence_of(span)
    opening = [t.lower_ for t in sentence[:3]]
    before = {t.lower_ for t in span.doc[sentence.start : span.start]}
    if set(opening) & OTHER_PEOPLE and not before & FIRST_PERSON:
        return True
    # "... and my husband Franco, he is dead three years now": a clause of its own,
    # opened by someone else, with nothing of the writer's in it
    clause: list[str] = []
    for tok in reversed(span.doc[sentence.start : span.start]):
        if tok.text == "," or tok.lower_ in ("and", "but"):
            break
        clause.insert(0, tok.lower_)
    return bool(clause[:1]) and clause[0] in OTHER_PEOPLE and not set(clause) & FIRST_PERSON


def _about_something_else(span: Span) -> bool:
    """A duration in a message that says nothing of the back, of pain or of a start or a
    flare ("switched to new running shoes a couple of weeks ago"), or in a sentence about
    another part of the body ("got my flu shot two weeks ago and my arm was sore for a
    day") or about a wait ("physio waitlist is 6 weeks"): when that happened, not when this
    bout began."""
    words = P.ANSWER_WORDS["pain_words"] | P.ANSWER_WORDS["back_words"] | _BOUT
    if not any(t.lower_ in words or t.lower_ in _ANCHORS - {"ago"} for t in span.doc):
        return True  # "since Christmas", "it flared up three weeks ago" say whose
    sentence = [t.lower_ for t in sentence_of(span)]
    if any(w in CONTEXT["waiting_words"] for w in sentence):
        return True  # "physio waitlist is 6 weeks lol": how long the wait is
    if _someone_elses_sentence(span):
        return True  # "My mate did his back and couldn't sit for a month"
    return any(w in CONTEXT["other_body_words"] for w in sentence) and not any(
        w in P.ANSWER_WORDS["back_words"] for w in sentence
    )


def resolve_duration(
    spans: list[Span], text: str, today: datetime.date
) -> tuple[Extraction | None, list[Span]]:
    """The last valid duration of this bout (a long history only when nothing else is
    said, marked as such), and every span that looked like a duration."""
    result: Extraction | None = None
    history: Extraction | None = None
    guess: Extraction | None = None
    seen: list[Span] = []
    dated: list[tuple[Span, int]] = []
    for span in spans:
        if value_of(span) is None:
            continue
        doc = span.doc
        before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
        after = [t.lower_ for t in doc[span.end : span.end + 2]]
        seen.append(span)
        if (
            is_rate_or_future(before, after, span[-1].lower_)
            or before[-1:] == ["at"]  # "the midwife checked me at 6 weeks": a point in time
            or before[-1:] == ["first"]  # "the first couple of days it grabbed": a part of it
            or after[:1] in (["longer"], ["shorter"])  # "a week longer": a difference
            # "I was on a day shift", "a week course": a kind of shift, not a length
            or (after[:1] and after[0] in CONTEXT["period_attributes"] and len(span) <= 2)
            # "a month of Sundays": a long while, no length
            or (after[:1] == ["of"] and after[1:] != [] and after[1][:-1] in WEEKDAYS)
            or _an_activity(span, after)
            or _a_career(span, before, after)
            or _relief_lasted(span)
            or an_age(span) or a_pregnancy(span)
            or _a_rate(span) or past_episode(span) or _a_plan(span)
            or _a_window_of_counting(span)  # "twice in the last ten years"
            or _a_likeness(span)
            or an_events_weekday(span)
        ):
            continue  # "twice a week", "in 2 weeks", "a 2mos old baby", "28 weeks pregnant",
            # "I had a similar ache some ten years ago which went away"
        days = parse_duration_days(span.text, today)
        ahead = days_until_said(after, today) if _will_be(before, after) else None
        if days is not None and ahead is not None and days > ahead:
            days -= ahead  # "It'll be a fortnight on Friday": 14 days then, 10 now
        if days is None or {t.lower_ for t in span} & _RELATIVE:
            # "since Madaraka Day, 1st June": a day we don't know, then its date; "two
            # days after, November 2": the date, not how long after
            days = calendar_date_in(span.text, today) or days
        holidays = tuple(
            d for s, d in dated if s.end <= span.start and any(t.lower_ in HOLIDAY_WORDS for t in s)
        )
        near_date = the_weekday_near_a_date(span, today, holidays)  # or "..., the 15th" after
        near_date = the_weekday_dated_after(span, today) if near_date is None else near_date
        days = days if near_date is None else near_date
        unsettled = False
        if days is not None and any(t.lower_ in HOLIDAY_WORDS for t in span):
            # a holiday of their country, or of the month or weekday they name, then the
            # person's own date beside its name: holidays differ by country
            cues = frozenset(t.lower_ for t in doc)
            qualified = qualified_holiday_days(
                tokenize(doc[span.start : _holiday_reach(span)].text), today, cues
            )
            if qualified is not None:
                days, unsettled = qualified[0], not qualified[1]
            # ... also in the sentence after ("Since Labour Day weekend. It was sore on
            # the Monday, the 26th of Oct.")
            written = calendar_date_in(doc[span.start : next_sentence_end(span)].text, today)
            if written is not None:
                days, unsettled = written, False
        if days is None or names_its_day(span, spans, dated, today):
            continue
        if days < 1 and not _anchored(doc, span) and len(doc) > 5:
            continue  # "standing for two hours": how long an activity lasts
        if result is not None and _before_then(doc, span):
            continue  # "since Heritage Day. On and off for fifteen years before that."
        dated.append((span, days))
        if unsettled or _about_something_else(span) or dates_a_birth(span) or (
            _too_vague_to_take_unasked(span, today)
        ):
            # "since labour day", and nothing says whose, or "my arm was sore for a day":
            # taken as the answer to its own question only, so that said in passing the
            # question still comes
            guess = extraction(P.PAIN_DURATION_DAYS, days, [span], text, role=P.CONTEXT_ROLE)
            continue
        if _is_history(doc, span, days):
            history = extraction(P.PAIN_DURATION_DAYS, days, [span], text, role=P.HISTORY)
            continue
        if _years_of_something_else(span, days):
            guess = extraction(P.PAIN_DURATION_DAYS, days, [span], text, role=P.CONTEXT_ROLE)
            continue
        result = extraction(P.PAIN_DURATION_DAYS, days, [span], text)
    if result is not None:
        result = _the_amount_says_which(result, dated, text)
    return result or guess or history, seen


def _will_be(before: list[str], after: list[str]) -> bool:
    """A length said as reached later ("it'll be a fortnight on Friday", "two weeks come
    Thursday")."""
    return before[-1:] == ["be"] or after[:1] == ["come"]


def _the_amount_says_which(
    result: Extraction, dated: list[tuple[Span, int]], text: str
) -> Extraction:
    """"Exactly two weeks today, started the Saturday I did a clear-out", "three weeks now,
    it started the Sunday we moved": a weekday named bare is one of many; an amount said
    beside it says which, the one nearest to it."""
    weekday = [s for s, d in dated if d == result.value and a_bare_weekday(s)]
    if not weekday or not isinstance(result.value, int):
        return result
    day = weekday[-1]
    amounts = [
        d for s, d in dated
        if not a_bare_weekday(s) and d > result.value + 3 and not _is_history(s.doc, s, d)
        and not {t.lower_ for t in s} & MONTHS.keys()  # "since May" is a date, no amount
        # not "on and off for about 6 weeks but this latest lot started Tuesday"
        and not any(
            t.lower_ in CONTRASTS
            for t in s.doc[min(s.end, day.end) : max(s.start, day.start)]
        )
    ]
    if not amounts:
        return result
    weeks = round((amounts[-1] - result.value) / 7)
    return extraction(P.PAIN_DURATION_DAYS, result.value + 7 * weeks, [day], text)


def _holiday_reach(span: Span) -> int:
    """How far after ``span`` its holiday and what qualifies it may be told: twelve words
    for a holiday it names ("since thanksgiving, our one in oct"), its own clause for a
    weekday alone ("since last Monday, and the Christmas do is Friday": another clause's)."""
    toks = tokenize(span.text)
    if any(holiday_name_at(toks, k) for k in range(len(toks))):
        return min(len(span.doc), span.end + _HOLIDAY_REACH)
    return clause_end_after(span, _HOLIDAY_REACH)
