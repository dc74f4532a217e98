"""Rasa's SQL tracker store, pointed at Backstep's own database (``BACKSTEP_DB_URL``).

Named in endpoints.yml, so that `rasa run`, `rasa shell`, the terminal chat and the
Telegram connector all keep conversations in the same place as the journal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import make_url

from bot.rasa import patches
from bot.settings import get_settings


class BackstepTrackerStore(SQLTrackerStore):
    """An :class:`SQLTrackerStore` whose URL defaults to Backstep's database."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        **kwargs: Any,
    ) -> None:
        patches.apply()
        url = host if host and "://" in host else get_settings().db_url
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            # Rasa retries forever while the file cannot be created.
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
