"""A long message is read in about a second, not half a minute: reading runs on the event
loop every chat shares, so a slow one made everyone wait (the fault suite's 5,000-character
message took 31 s, 77 under a profiler; the direction reader compared every movement it
named with every other, and read every word between them)."""

from __future__ import annotations

import time

import pytest

from bot.nlu.pipeline import extract

LONG = {
    "one movement, over and over": "my back " + "hurts when I bend forward, and " * 170,
    "movements in a list": "walking standing sitting lying bending twisting lifting " * 80,
    "movements said to hurt and to be fine": (
        "sitting hurts but standing is fine and bending forward is ok, leaning back hurts. " * 60
    ),
    "durations and scores": (
        "for three weeks since march, about 6 days ago, pain 7/10 maybe 8, " * 70
    ),
}
#: Seconds; each takes about one on a 2-core machine (it was 30 and more).
BOUND = 8.0


@pytest.mark.parametrize("text", list(LONG.values()), ids=list(LONG))
def test_a_long_message_is_read_in_bounded_time(text: str) -> None:
    extract("warm up")  # the language model loads once
    began = time.monotonic()
    extract(text[:5000])
    assert time.monotonic() - began < BOUND
