"""``domain.yml``'s response texts as Rasa would send them, for the tests' assertions."""

from __future__ import annotations

from bot.content.responses import response, variants


def domain_responses(name: str) -> tuple[str, ...]:
    """Every variant's text of a response, the unconditional one last."""
    return tuple(v.text for v in variants(name))


def domain_response(name: str, **slots: str) -> str:
    """The text Rasa would send with these slot values, e.g. ``utter_red_flag_cleared``."""
    return response(name, **slots).text
