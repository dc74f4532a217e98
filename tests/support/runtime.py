"""The trained model and a running action server, as the end-to-end tests share them."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any


@dataclass
class RasaRuntime:
    """The trained model and a running action server, on a journal of their own."""

    loop: asyncio.AbstractEventLoop
    agent: Any
    db_url: str
    server: Any
