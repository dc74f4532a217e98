"""Backstep's custom actions (run by `rasa run actions`), split by concern.

- :mod:`actions.intake`: the intake form's extraction, validation and restart;
- :mod:`actions.recommend`: the recommendation and showing the plan.
"""
