"""An earlier episode, over or set against this one: a time said of it dates nothing of
this bout ("I had a similar ache ten years ago which went away", "I tweaked it once
before, like 3 years ago", "Three years ago it locked. This time it doesn't")."""

from __future__ import annotations

from spacy.tokens import Span

from bot.nlu import patterns as P
from bot.nlu.spans import CONTEXT, in_a_years_clause, sentence_of


def phrase_at(words: list[str], i: int, phrases: frozenset[str]) -> int:
    """The length in words of a phrase of ``phrases`` starting at ``words[i]``, else 0."""
    for phrase in phrases:
        parts = phrase.split()
        if words[i : i + len(parts)] == parts:
            return len(parts)
    return 0


def past_episode(span: Span) -> bool:
    """A duration of an earlier episode that is over ("I had a similar ache some ten years
    ago which went away", "it cleared up after a few weeks of rest", "Had a sore back about
    five year ago"), not of this bout: a resolution after it in its sentence, or just
    before it, or a "had" of the past before it, with no word of now in the sentence."""
    sentence = sentence_of(span)
    words = [t.lower_ for t in sentence]
    at, end = span.start - sentence.start, span.end - sentence.start
    current = CONTEXT["current_words"]
    if any(t.lower_ == "since" for t in span):
        return False
    resolutions = CONTEXT["resolution_phrases"]

    def resolved_at(i: int) -> int:  # not "hasn't settled"
        negated = any(w in P.NEGATION_TOKENS for w in words[max(0, i - 2) : i])
        return 0 if negated else phrase_at(words, i, resolutions)

    for i in range(end, len(words)):
        if words[i] in current or words[i] in CONTEXT["clause_turns"]:
            break
        if resolved_at(i):
            return True
    for i in range(max(0, at - 4), at):
        n = resolved_at(i)
        if n and at - (i + n) <= 2:
            return True  # "it went away after some weeks", "came right in a month"
    if _set_against_this_time(sentence) and not set(words) & _ONSET_VERBS:
        return True  # "Three years ago my back locked completely. This time no, not locking"
    if _after_an_earlier_episode(words[:at]):
        return True  # "I had back pain one time before, two years ago, but this is new"
    if any(t.lower_ in _ONSET_VERBS for t in span):
        return False  # "It started on the 1st of October ... we had family over"
    if in_a_years_clause(span):
        return True  # "not as bad as the one in 2009 when I was off for a month"
    had = [
        i for i, w in enumerate(words)
        if w == "had" and (i == 0 or words[i - 1] not in CONTEXT["perfect_auxiliaries"])
        and (i == 0 or words[i - 1] not in _OTHER_SUBJECTS)  # not "we had a group in"
        # "I did have an MRI on my back about four years ago for a previous episode"
        or w == "did" and words[i + 1 : i + 2] == ["have"]
    ]
    return bool(had) and not set(words) & current


def _after_an_earlier_episode(before: list[str]) -> bool:
    """An earlier episode named before the time in its sentence ("I tweaked it once
    before, like 3 years ago"), with no word of now and no turn of the clause between."""
    for i in range(len(before) - 1, -1, -1):
        if before[i] in CONTEXT["current_words"] or before[i] in CONTEXT["clause_turns"]:
            return False
        if phrase_at(before, i, CONTEXT["earlier_episode_phrases"]):
            return True
    return False



#: Subjects whose "had" is no pain of the person's ("we had 200 people check out").
_OTHER_SUBJECTS = frozenset({"we", "they", "he", "she", "you", "wife", "husband"})

#: Words in a duration that date the start of this bout ("it started on the 1st").
_ONSET_VERBS = frozenset({"started", "start", "starts", "began", "begun", "begin"})


def _set_against_this_time(sentence: Span) -> bool:
    """The next sentence begins with "this time": the one before told of another episode."""
    doc = sentence.doc
    words = [t.lower_ for t in doc[sentence.end : sentence.end + 3]]
    return bool(phrase_at(words, 0, CONTEXT["this_time_phrases"]))
