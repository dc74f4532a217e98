"""The action server, private: on loopback by default, and every call needs the secret.

rasa_sdk's own server (``python -m rasa_sdk``) listens on every interface, answers anyone
and lets any web page call it (CORS ``*``): whoever reaches its port can post a tracker
with any chat id, read that person's plan and answers and write into their journal. Backstep
runs the same rasa_sdk application from here instead: bound to ``127.0.0.1`` unless
``BACKSTEP_ACTION_HOST`` says otherwise, without CORS, and refusing (403) every request
but the health check that does not carry ``BACKSTEP_ACTION_TOKEN`` in the
:data:`TOKEN_HEADER` header. It will not start without a secret.

Run as ``python -m bot.rasa.action_server --port N`` (what :class:`bot.rasa.runtime.ActionServer`
does, with a new random secret each time).
"""

from __future__ import annotations

import argparse
import hmac
import os
import sys

from sanic import Request, Sanic, response
from sanic.response import HTTPResponse

from bot.settings import set_role

#: The header the agent sends the secret in (``bot.rasa.runtime.load_agent``).
TOKEN_HEADER = "X-Backstep-Action-Token"
TOKEN_ENV = "BACKSTEP_ACTION_TOKEN"
HOST_ENV = "BACKSTEP_ACTION_HOST"
DEFAULT_HOST = "127.0.0.1"
#: The one path anyone may call: it says "ok" and nothing else.
OPEN_PATHS = frozenset({"/health"})


def create_private_app(token: str, actions: str = "actions") -> Sanic:
    """rasa_sdk's application for ``actions``, without CORS, behind the secret."""
    from rasa_sdk.endpoint import create_app

    if not token:
        raise ValueError("The action server needs a secret.")
    app = create_app(actions, cors_origins=None)
    expected = token.encode()

    @app.on_request
    async def require_the_secret(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        given = request.headers.get(TOKEN_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return response.json({"error": "forbidden"}, status=403)
        return None

    return app


def warm_up() -> None:
    """Build the red-flag reader before serving (about 2 s of a core, once): otherwise
    the first message after a start that it reads (the intake's first answer) waits for
    it, and on a busy machine every server's first few people do."""
    from bot.nlu.red_flags.detector import find_red_flags

    find_red_flags("it hurts when I bend forward")


def main(argv: list[str] | None = None) -> int:
    """Start the private action server; refuses to start without a secret."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("--host", default=os.environ.get(HOST_ENV) or DEFAULT_HOST)
    args = parser.parse_args(argv)
    token = os.environ.get(TOKEN_ENV, "")
    if not token:
        print(f"Refusing to start: set {TOKEN_ENV} to a secret.", file=sys.stderr)
        return 2
    set_role("actions")  # its database connections are counted as the action server's
    app = create_private_app(token)
    warm_up()  # the health check answers only once this is done
    app.run(args.host, args.port, workers=1, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
