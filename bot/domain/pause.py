"""Whether the exercise plan is paused: a red flag not yet checked by a clinician.

A red flag journals a ``red_flag`` safety event and pauses the plan; the person saying a
clinician has checked them journals ``assessed`` and resumes it (``actions/safety.py``).
"""

from __future__ import annotations

from collections.abc import Sequence


def plan_paused(safety_kinds: Sequence[str]) -> bool:
    """Whether a red flag is unresolved: the latest of the person's ``red_flag`` and
    ``assessed`` safety events (oldest first) is a red flag. A crisis pauses nothing."""
    for kind in reversed(safety_kinds):
        if kind == "red_flag":
            return True
        if kind == "assessed":
            return False
    return False
