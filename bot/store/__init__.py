"""The database: the engine and its sessions, the tables, the answer journal, the check-in
schedules and delivery claims, the lessons and weekly summaries sent, and erasing a person.
Alembic (``migrations/``) owns the schema.

One session per unit of work; no engine at import time.

May import: bot.domain, bot.settings.
"""
