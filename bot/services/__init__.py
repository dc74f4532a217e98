"""What a person can ask for, on any channel: the plan's progress after a check-in, the
history chart and summary, and the journal as a CSV export.

May import: bot.domain, bot.content, bot.store, bot.settings.
"""
