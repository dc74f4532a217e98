"""The weekly summaries sent after a check-in (Step 3: the week's numbers and pattern).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "weekly_summaries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer(),
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.UniqueConstraint(
            "person_id", "local_date", name="uq_weekly_summaries_person_id_local_date"
        ),
    )
    op.create_index("ix_weekly_summaries_person_id", "weekly_summaries", ["person_id"])


def downgrade() -> None:
    op.drop_table("weekly_summaries")
