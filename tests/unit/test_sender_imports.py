"""The check-in sender (``backstep checkins send-due``) starts light: it must not import
spaCy or TensorFlow (seconds of CPU per sender, taken from the replicas answering people
on the same machine while a broadcast starts)."""

from __future__ import annotations

import subprocess
import sys

from tests.support.paths import ROOT


def test_the_sender_imports_neither_spacy_nor_tensorflow() -> None:
    probe = (
        "import sys, bot.app.cli, bot.telegram.broadcast; "
        "print(sorted(m for m in ('spacy', 'tensorflow', 'rasa') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_keyboard_is_the_same_from_either_module() -> None:
    from bot.telegram import delivery, keyboards

    assert delivery.keyboard is keyboards.keyboard
    assert delivery.MAX_CALLBACK_BYTES == keyboards.MAX_CALLBACK_BYTES == 64
