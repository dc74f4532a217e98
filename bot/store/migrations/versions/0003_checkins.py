"""Daily check-ins: schedules, check-ins and routine referrals.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
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
        "schedules",
        *_person_columns(),
        sa.Column("at_time", sa.String(5), nullable=False),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("person_id", name="uq_schedules_person_id"),
    )
    op.create_index("ix_schedules_person_id", "schedules", ["person_id"])
    op.create_index("ix_schedules_next_due_at", "schedules", ["next_due_at"])
    op.create_table(
        "checkins",
        *_person_columns(),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pain", sa.Float(), nullable=True),
        sa.Column("trend", sa.String(8), nullable=True),
        sa.Column("exercises", sa.String(8), nullable=True),
        sa.Column("trigger", sa.Text(), nullable=True),
        sa.Column("warning_signs", sa.Boolean(), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("person_id", "local_date", name="uq_checkins_person_id_local_date"),
    )
    op.create_index("ix_checkins_person_id", "checkins", ["person_id"])
    op.create_table(
        "referrals",
        *_person_columns(),
        sa.Column("reasons", sa.String(255), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
    )
    op.create_index("ix_referrals_person_id", "referrals", ["person_id"])


def downgrade() -> None:
    op.drop_table("referrals")
    op.drop_table("checkins")
    op.drop_table("schedules")
