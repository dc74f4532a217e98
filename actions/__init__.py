"""Backstep's custom actions (run by `rasa run actions`), split by concern.

- :mod:`actions.intake`: the intake form's extraction, validation and restart;
- :mod:`actions.recommend`: the recommendation and showing the plan;
- :mod:`actions.safety`: recording red flags and the clinician's all-clear;
- :mod:`actions.checkin`: the daily check-in and what its trend leads to;
- :mod:`actions.schedule`: choosing the check-in time and time zone;
- :mod:`actions.session`: today's exercise session asked for in words, and its buttons;
- :mod:`actions.forms` and :mod:`actions.common`: what the forms and actions share.
"""
