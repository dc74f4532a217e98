"""Daily exercise sessions and each exercise's outcome.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _person_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer(),
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "exercise_sessions",
        *_person_columns(),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("regimen", sa.String(64), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("pain_during", sa.String(8), nullable=True),
        sa.Column("leg_pain_moved", sa.Boolean(), nullable=True),
        sa.Column("stretched", sa.Boolean(), nullable=True),
        sa.Column("change", sa.String(8), nullable=True),
        sa.Column("next_level", sa.Integer(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint(
            "person_id", "local_date", name="uq_exercise_sessions_person_id_local_date"
        ),
    )
    op.create_index("ix_exercise_sessions_person_id", "exercise_sessions", ["person_id"])
    op.create_table(
        "exercise_results",
        *_person_columns(),
        sa.Column(
            "session_id",
            sa.Integer(),
            sa.ForeignKey("exercise_sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(64), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("days_per_week", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(8), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint(
            "session_id", "position", name="uq_exercise_results_session_id_position"
        ),
    )
    op.create_index("ix_exercise_results_person_id", "exercise_results", ["person_id"])
    op.create_index("ix_exercise_results_session_id", "exercise_results", ["session_id"])


def downgrade() -> None:
    op.drop_table("exercise_results")
    op.drop_table("exercise_sessions")
