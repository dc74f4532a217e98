"""The responses of ``domain.yml`` as Rasa would send them, for messages sent without the model.

The forms' questions and the safety replies live in ``domain.yml`` (Rasa sends them with
no action server); the few places that send one outside a conversation (the scheduled
check-in's first question) or compose from one (the check-in's warning-sign question) read
it here, from the project folder (``BACKSTEP_HOME``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from bot.settings import get_settings


@dataclass(frozen=True)
class Response:
    """One variant of a response: its text and its buttons (title, payload)."""

    text: str
    buttons: tuple[tuple[str, str], ...] = ()

    def button_dicts(self) -> list[dict[str, str]]:
        """The buttons as Rasa and the channels take them."""
        return [{"title": title, "payload": payload} for title, payload in self.buttons]


@cache
def _responses() -> dict[str, list[dict[str, Any]]]:
    domain = get_settings().home / "domain.yml"
    return dict(yaml.safe_load(domain.read_text(encoding="utf-8"))["responses"])


def _as_sent(payload: str) -> str:
    """A payload as Rasa sends it: domain.yml doubles the braces of an intent's entities
    ('/inform{{"pain_score": 6}}') so that Rasa's slot filling leaves them alone."""
    return payload.replace("{{", "{").replace("}}", "}")


def variants(name: str) -> tuple[Response, ...]:
    """Every variant of a response, in the file's order (the unconditional one last)."""
    return tuple(
        Response(
            str(v["text"]),
            tuple((str(b["title"]), _as_sent(str(b["payload"]))) for b in v.get("buttons") or []),
        )
        for v in _responses()[name]
    )


def response(name: str, **slots: str) -> Response:
    """The variant Rasa would send with these slot values (the unconditional one when none
    matches), e.g. ``utter_red_flag_check`` for ``red_flag_category="neuro_deficit"``."""
    for variant, raw in zip(variants(name), _responses()[name], strict=True):
        conditions = raw.get("condition")
        if isinstance(conditions, list) and conditions and all(
            slots.get(str(c["name"])) == c["value"] for c in conditions
        ):
            return variant
    return variants(name)[-1]


def has_buttons(name: str) -> bool:
    """Whether any variant of the response offers buttons (``utter_ask_leg_pain`` does,
    ``utter_ask_pain_duration_days`` does not)."""
    return name in _responses() and any(v.buttons for v in variants(name))
