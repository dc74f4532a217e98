"""Which replica is handling a Telegram update right now (scale mode).

Telegram sends an update again when its webhook call fails or takes too long; behind a
load balancer the retry may reach another replica while the first is still at work. Before
handling, a replica takes the update's lease in Redis (``SET bk:upd:<id> <instance> NX
PX``); a replica that finds it taken answers 503 so that Telegram tries again later. The
lease ends when the handling ends (released only by its holder), or by expiry when the
holder died, so a killed replica's update is handled by the next try. Whether an update was
*already* handled is the journal's business (:mod:`bot.store.updates`, checked in the
turn, :mod:`bot.telegram.once`): one home for that.
"""

from __future__ import annotations

import redis

#: Seconds a lease lasts: how long a killed replica's update waits for its next try. A turn
#: that outlasts it is still safe: the retry then waits for the chat's lock, and once it has
#: it, finds the update handled (the mark is written inside the turn).
LEASE_SECONDS = 30
_KEY = "bk:upd:{}"
#: Deletes the key only when it still holds this replica's value (compare and delete).
_RELEASE = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end "
    "return 0"
)


class UpdateLeases:
    """Leases on update ids in Redis, taken and released by replica ``instance_id``."""

    def __init__(
        self, url: str, instance_id: str, seconds: float = LEASE_SECONDS,
        socket_timeout: float = 2.0,
    ) -> None:
        self.red = redis.Redis.from_url(url, socket_timeout=socket_timeout)
        self.instance_id = instance_id
        self.seconds = seconds
        self._release = self.red.register_script(_RELEASE)

    def take(self, update_id: int, seconds: float | None = None) -> bool:
        """Take the lease on ``update_id`` (for :attr:`seconds`); False when another
        handling holds it."""
        millis = int((seconds or self.seconds) * 1000)
        return bool(self.red.set(_KEY.format(update_id), self.instance_id, nx=True, px=millis))

    def release(self, update_id: int) -> None:
        """End this replica's lease on ``update_id`` (another's is left alone)."""
        self._release(keys=[_KEY.format(update_id)], args=[self.instance_id])

    def ping(self) -> bool:
        """Whether Redis answers (readiness)."""
        return bool(self.red.ping())
