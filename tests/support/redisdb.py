"""A Redis database of the local server for one test, empty before and after.

Tests use databases 13 and 14 only (nobody else's); ``BACKSTEP_TEST_REDIS`` names another
server (``redis://host:port``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import redis

SERVER = os.environ.get("BACKSTEP_TEST_REDIS", "redis://127.0.0.1:6379")
#: The databases the tests may use and empty.
TEST_DBS = (13, 14)


@contextmanager
def empty_redis(db: int = 13) -> Iterator[str]:
    """The URL of Redis database ``db`` (13 or 14), emptied before and after."""
    assert db in TEST_DBS, f"tests use Redis databases {TEST_DBS} only"
    url = f"{SERVER}/{db}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        client.close()
