"""Answers written as lists by terse writers: a topic, a mark (":", "=", "-", "->"), then its
verdict, one item a line or bullet, or several on a line between commas or full stops.
Each verdict belongs to the topic of its own item, never to a neighbour's. Each row in
our own words."""

from __future__ import annotations

import datetime

import pytest

from bot.nlu.pipeline import extract

MONDAY = datetime.date(2026, 12, 7)


def read(text: str, entity: str) -> object:
    """The value of ``entity`` read from the message, if any."""
    return next((e.value for e in extract(text, MONDAY) if e.entity == entity), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the item whose verdict is relief points the other way, its neighbours' pain
        # does not reach it
        ("upright for long: worse\nstrolling: worse\nlying face down: worse\nsitting: eases it",
         "extension"),
        ("• long standing -> worse\n• sitting down -> relief", "extension"),
        ("standing: bad, sitting: better", "extension"),
        ("1. bending - hurts\n2. leaning back - fine", "flexion"),
        ("sitting: eases it\nwalking: worse", "extension"),
        # several movements hurting on their own lines are still both ways
        ("bending forward: hurts\nleaning back: hurts", "both"),
    ],
)
def test_a_movement_and_its_own_verdict(text: str, expected: str) -> None:
    assert read(text, "pain_direction") == expected, text


@pytest.mark.parametrize(
    ("text", "flexibility", "spasm"),
    [
        # the reach named as a topic, then its verdict
        ("• toes: can reach\n• spasms: none", "normal", False),
        ("floor - yes / spasm - no", "normal", False),
        ("reach toes = yes. locking = no", "normal", False),
        ("fingers to floor = yes. cramping/spasms = no", "normal", False),
        ("hamstrings: fine, seizing: never", "normal", False),
        # the reach refused after its mark
        ("touch toes = no\nspasm = yes", "tight", True),
        ("toes: cant\nlocking up: sometimes", "tight", True),
        ("flexible: no", "tight", None),
    ],
)
def test_flexibility_and_spasm_each_with_its_verdict(
    text: str, flexibility: str, spasm: bool | None
) -> None:
    assert read(text, "flexibility") == flexibility, text
    assert read(text, "spasm") == spasm, text
