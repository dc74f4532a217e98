"""``python -m tests.support.botapi --port N [--limits]``: serve until SIGINT or SIGTERM;
once listening, print one JSON line with url, base_url and port."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal

from .server import BotApiEmulator


async def serve(host: str, port: int, limits: bool) -> None:
    emulator = await BotApiEmulator(host, port).start()
    if limits:
        emulator.enforce_limits()
    info = {"url": emulator.url, "base_url": emulator.base_url, "port": emulator.port}
    print(json.dumps(info), flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await emulator.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="A local Telegram Bot API emulator.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--limits", action="store_true", help="Telegram's flood limits on")
    args = parser.parse_args()
    asyncio.run(serve(args.host, args.port, args.limits))
