"""Backstep's rule-based NLP: free-text intake answers -> normalised slot values.

Public API (imported lazily so that ``bot.nlp.duration`` stays spaCy-free):

* :func:`bot.nlp.pipeline.extract` and :class:`bot.nlp.pipeline.Extraction`
* :func:`bot.nlp.pipeline.build_nlp`, :func:`bot.nlp.pipeline.get_nlp`,
  :func:`bot.nlp.pipeline.save_pipeline`
* :func:`bot.nlp.duration.parse_duration_days`
* :func:`bot.nlp.negation.is_negated`
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Extraction": "bot.nlp.pipeline",
    "extract": "bot.nlp.pipeline",
    "build_nlp": "bot.nlp.pipeline",
    "get_nlp": "bot.nlp.pipeline",
    "save_pipeline": "bot.nlp.pipeline",
    "parse_duration_days": "bot.nlp.duration",
    "is_negated": "bot.nlp.negation",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'bot.nlp' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
