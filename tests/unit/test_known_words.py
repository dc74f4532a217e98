"""A message with not one word the model has seen is not understood (KnownWordsGuard)."""

import pytest

from bot.nlu.components.known_words import reads_nothing_known, words_of

VOCABULARY = frozenset({"my", "back", "hurts", "no", "yes", "la"})


@pytest.mark.parametrize(
    "text, nothing_known",
    [
        ("xxxxxxxxxxxxxxxx", True),
        ("qwzx plorb", True),
        ("my baaack", False),  # one word known is enough: DIET reads the rest
        ("7", False),  # numbers are answers
        ("zzz 2/10", False),
        ("😀", False),  # no letters: the unreadable-input guard's job
        ("", False),
        ("Me duele la espalda", False),
    ],
)
def test_reads_nothing_known(text: str, nothing_known: bool) -> None:
    assert reads_nothing_known(text, VOCABULARY) is nothing_known


def test_no_vocabulary_overrules_nothing() -> None:
    assert reads_nothing_known("qwzx plorb", frozenset()) is False


def test_words_are_letters_only_lower_case() -> None:
    assert words_of("It's 2 DAYS, Señor!") == {"it", "s", "days", "señor"}
