"""Rasa 3.6 graph components named in ``config.yml``: they run :mod:`bot.nlu` on each message.

May import: bot.nlu, bot.domain.
"""
