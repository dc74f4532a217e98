"""Random walks through the dialogue with the trained model (see tests/support/fuzz.py).

``BACKSTEP_FUZZ_WALKS`` sets how many (``make eval`` runs more); a failing walk prints its
seed and transcript, and ``-k "seed_<n>"`` replays it.
"""

from __future__ import annotations

import os

import pytest

from tests.support.fuzz import walk
from tests.support.runtime import RasaRuntime
from tests.support.transports import InProcessTransport

WALKS = int(os.environ.get("BACKSTEP_FUZZ_WALKS", "300"))

pytestmark = pytest.mark.model


@pytest.mark.parametrize("seed", [pytest.param(n, id=f"seed_{n}") for n in range(WALKS)])
def test_a_random_walk_never_dead_ends_loops_or_stalls(
    rasa_runtime: RasaRuntime, seed: int
) -> None:
    result = walk(InProcessTransport(rasa_runtime), seed, sender=f"fuzz-{seed}")
    assert not result.violations, result.report()
