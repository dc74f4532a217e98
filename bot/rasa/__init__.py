"""Rasa plug-ins and runtime: the safety policy, the SQL tracker store, two speed patches,
and loading the agent with its action server.

May import: bot.domain, bot.nlu (the safety policy reads an answer as the NLU does),
bot.settings.
"""
