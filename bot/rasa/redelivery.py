"""A message that comes again after its turn was run: its replies, not a second turn.

The Telegram poller confirms an update only once it is handled, so a process killed after
the conversation had taken a message in (its turn saved with the tracker) but before every
reply had gone out gets that update again after the restart. Run again, the message would
be read as the answer to the *next* question ("bending forward" as how long the pain has
lasted): the person would get "Sorry, I didn't quite catch that" instead of the question they
never saw, and a wrong answer would be journaled. The channel gives each message an id of
its own (Telegram's update_id); the tracker keeps it on the person's message, and the
replies of that turn after it, in the same transaction as the turn itself. When the id is
found there, those replies are the answer, exactly as the channel collected them the first
time.

The conversation read for this look is returned with the answer, so that a turn that goes
on can run on it rather than read it again (:func:`bot.rasa.tracker_store.reusing`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.events import BotUttered, UserUttered

if TYPE_CHECKING:
    from rasa.core.agent import Agent
    from rasa.shared.core.trackers import DialogueStateTracker


async def replies_already_given(
    agent: Agent, sender_id: str, message_id: str, channel: CollectingOutputChannel
) -> list[dict[str, Any]] | None:
    """The replies of the turn that took in message ``message_id``, collected again by
    ``channel``; None when the conversation has not taken that message in."""
    replies, _ = await earlier_turn(agent, sender_id, message_id, channel)
    return replies


async def earlier_turn(
    agent: Agent, sender_id: str, message_id: str, channel: CollectingOutputChannel
) -> tuple[list[dict[str, Any]] | None, DialogueStateTracker | None]:
    """:func:`replies_already_given`, and the conversation as it was read (None when there
    is none yet), unchanged."""
    tracker = await agent.tracker_store.retrieve(sender_id)
    if tracker is None:
        return None, None
    return await _replies_in(tracker, sender_id, message_id, channel), tracker


async def _replies_in(
    tracker: DialogueStateTracker, sender_id: str, message_id: str,
    channel: CollectingOutputChannel,
) -> list[dict[str, Any]] | None:
    events = list(tracker.events)
    for start in range(len(events) - 1, -1, -1):
        event = events[start]
        if isinstance(event, UserUttered) and event.message_id == message_id:
            break
    else:
        return None
    for event in events[start + 1:]:
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            await channel.send_response(sender_id, event.message())
    return list(channel.messages)
