"""Entry points: the ``backstep`` command and the chat in the terminal.

May import: bot.domain, bot.content, bot.store, bot.services, bot.rasa, bot.telegram,
bot.settings.
"""
