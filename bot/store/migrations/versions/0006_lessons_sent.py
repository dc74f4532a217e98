"""The short lessons sent to each person (/learn and after the check-in).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lessons_sent",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer(),
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lesson_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_lessons_sent_person_id", "lessons_sent", ["person_id"])


def downgrade() -> None:
    op.drop_table("lessons_sent")
