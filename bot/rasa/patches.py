"""Two documented speed fixes for Rasa 3.6.21, applied wherever Backstep's endpoints are used.

1. Rasa validates every action server response with ``jsonschema.validate(result, schema)``,
   which first re-validates the large, constant response schema against the JSON Schema
   meta-schema: about 100 ms per custom-action call on a 2-core machine, most of a form
   turn. The fix keeps the validation of every response but checks the schema once.
2. Loading a conversation from the tracker store resolves each stored event's class by
   walking the whole ``Event`` class tree; the fix remembers the answer per type name.

Behaviour is unchanged (see tests/test_rasa_patches.py). Called from
:class:`bot.rasa.tracker_store.BackstepTrackerStore`, so `rasa run`, the terminal
chat and the tests all get it; a different Rasa version is left untouched.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import rasa
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event

PATCHED_RASA_VERSION = "3.6.21"


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    from jsonschema.validators import validator_for

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)  # once, instead of on every response
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match

    error = best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    assert isinstance(error, ValidationError)
    error.message += (
        ". Failed to validate Action server response from API, make sure your response "
        "from the Action endpoint is valid."
    )
    raise error


_original_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type[Event]] = {}


def _resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    known = _event_classes.get(type_name)
    if known is not None:
        return known
    found = _original_resolve_by_type(type_name, default)
    if found is not None and found is not default:
        _event_classes[type_name] = found
    return found


def apply() -> bool:
    """Install the fix (idempotent); False when this Rasa version is not the one it fits."""
    if rasa.__version__ != PATCHED_RASA_VERSION:
        return False
    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_resolve_by_type)
    return True
