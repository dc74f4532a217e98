"""Backstep: a chat coach for people with low back pain, built on Rasa.

One sub-package per layer, lowest first; each may import only the layers its docstring
names (``tests/unit/test_layers.py`` checks it):

- :mod:`bot.settings` -- the environment, read in one place (a leaf: every layer may read it)
- :mod:`bot.domain` -- the programme's rules, trends, escalation and timing: pure functions
- :mod:`bot.nlu` -- understanding text: the intake extractors, the red-flag matcher, and the
  Rasa graph components that run them
- :mod:`bot.content` -- what Backstep says: texts and the few messages composed from answers
- :mod:`bot.exercises` -- the exercise library (data in ``bot/content/exercises/``) and the
  pictures drawn from it
- :mod:`bot.store` -- the database: engine, tables, journal, check-in claims, erasure
- :mod:`bot.services` -- what a person can ask for on any channel: progress, history, export
- :mod:`bot.rasa` -- Rasa plug-ins and the runtime: policy, tracker store, patches, agent
- :mod:`bot.telegram` -- the Telegram connector
- :mod:`bot.app` -- the entry points: the ``backstep`` command and the terminal chat

May import: nothing of its own.
"""
