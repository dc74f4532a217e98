"""A local emulator of the Telegram Bot API, for end-to-end tests and benchmarks.

Telegram cannot be reached from test machines, so this server answers the Bot API methods
Backstep calls the way Telegram does (the same JSON, error codes and descriptions, and
text, file and flood limits), records every call, and lets a test push updates and inject
``429 Too Many Requests``. Other methods answer ``404 Not Found``, as Telegram does for
unknown ones; a ``parse_mode`` is refused with a 400 (Backstep sends plain text). Run it:

* ``async with BotApiEmulator() as emu:`` in the test's own event loop;
* ``with EmulatorThread() as emu:`` from synchronous code (own thread and loop);
* ``python -m tests.support.botapi --port N [--limits]`` as a process of its own.

Modules: ``server`` (the emulator and its HTTP side), ``methods`` (the methods' answers),
``polling`` (updates and getUpdates), ``limits`` (what Telegram refuses), ``records``
(the calls, stats and waiting for calls), ``updates`` (builders of incoming updates),
``thread`` (:class:`EmulatorThread`) and ``__main__`` (the command line).
"""

from .server import BotApiEmulator
from .thread import EmulatorThread

__all__ = ["BotApiEmulator", "EmulatorThread"]
