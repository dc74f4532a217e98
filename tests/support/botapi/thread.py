"""The emulator on a thread and event loop of its own, for synchronous code."""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Coroutine
from typing import Any

from .server import BotApiEmulator


class EmulatorThread:
    """``with EmulatorThread() as emu:``; every :class:`BotApiEmulator` method and property
    is reachable on ``emu`` and runs on the emulator's loop (``wait_*`` block until done)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, **kwargs: Any) -> None:
        self.emulator = BotApiEmulator(host, port, **kwargs)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="botapi-emulator", daemon=True
        )

    def start(self) -> EmulatorThread:
        """Start the thread and wait until the port is bound."""
        self._thread.start()
        self._run(self.emulator.start())
        return self

    def stop(self) -> None:
        """Stop the server and the thread."""
        if self._thread.is_alive():
            self._run(self.emulator.stop())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()

    def __enter__(self) -> EmulatorThread:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.__dict__["emulator"], name)
        if not callable(attribute):
            return attribute

        def on_loop(*args: Any, **kwargs: Any) -> Any:
            if inspect.iscoroutinefunction(attribute):
                return self._run(attribute(*args, **kwargs))

            async def call() -> Any:
                return attribute(*args, **kwargs)

            return self._run(call())

        return on_loop

    def _run(self, coro: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()
