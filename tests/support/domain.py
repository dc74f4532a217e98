"""Reading ``domain.yml``'s responses the way Rasa would send them, for the tests."""

from __future__ import annotations

from functools import cache

import yaml

from tests.support.paths import ROOT


@cache
def _domain_variants(name: str) -> tuple[dict[str, object], ...]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return tuple(domain["responses"][name])


def domain_responses(name: str) -> tuple[str, ...]:
    """Every variant of a response in domain.yml (the ones that must work without the
    action server live there, not here), the unconditional one last."""
    return tuple(str(variant["text"]) for variant in _domain_variants(name))


def domain_response(name: str, **slots: str) -> str:
    """The variant of a response in domain.yml that Rasa would send with these slot values
    (the unconditional one when none matches), e.g. ``utter_red_flag_cleared``."""
    for variant in _domain_variants(name):
        conditions = variant.get("condition")
        if isinstance(conditions, list) and conditions and all(
            slots.get(str(c["name"])) == c["value"] for c in conditions
        ):
            return str(variant["text"])
    return domain_responses(name)[-1]
