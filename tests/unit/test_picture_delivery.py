"""Which pictures a Rasa reply may send on Telegram: only our own, from the pictures
folder; a file anywhere else on disk is never sent, whatever the reply names."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.telegram.delivery import local_picture


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "bridge.gif").write_bytes(b"GIF89a")
    (tmp_path / "secret.txt").write_text("not a picture")
    return pictures


@pytest.mark.parametrize(
    ("image", "sent"),
    [
        ("file://{folder}/bridge.gif", "bridge.gif"),
        ("file://{folder}/../secret.txt", None),  # out of the folder by ..
        ("file://{folder}/missing.gif", None),
        ("https://example.org/bridge.gif", None),
        ("file:///etc/passwd", None),
        ("{folder}/bridge.gif", None),  # a path is no file URI
        (None, None),
    ],
)
def test_only_pictures_in_the_pictures_folder_are_sent(
    folder: Path, image: str | None, sent: str | None
) -> None:
    uri = None if image is None else image.format(folder=folder)
    found = local_picture(uri, folder)
    assert (found.name if found else None) == sent


def test_rasa_s_picture_stays_with_its_words_and_buttons() -> None:
    import asyncio

    from bot.rasa.runtime import WholeMessageChannel

    channel = WholeMessageChannel()
    buttons = [{"title": "Done", "payload": "/x"}]
    asyncio.run(channel.send_response(
        "1", {"text": "Bird dog\nsteps", "image": "file:///p/a.gif", "buttons": buttons}
    ))
    asyncio.run(channel.send_response("1", {"image": "file:///p/b.gif"}))  # alone, alone
    assert channel.messages == [
        {"recipient_id": "1", "text": "Bird dog\nsteps", "image": "file:///p/a.gif",
         "buttons": buttons},
        {"recipient_id": "1", "image": "file:///p/b.gif"},
    ]
