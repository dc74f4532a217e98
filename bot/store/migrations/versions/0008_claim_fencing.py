"""Check-in claims leased on the database's clock and fenced by a token.

``claim_token`` is new for every claim (and every take-over); marking a check-in sent or
undeliverable needs it, so a sender whose lease ran out cannot mark a claim another sender
has taken over. ``claimed_at`` is written with the database's own clock, so the lease does
not depend on the senders' clocks; ``claimed_by`` says which process holds it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checkins") as batch:
        batch.add_column(sa.Column("claim_token", sa.String(32), nullable=True))
        batch.add_column(sa.Column("claimed_by", sa.String(255), nullable=True))
        batch.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
    # claims in flight during the upgrade keep their lease (it was counted from created_at)
    op.execute("UPDATE checkins SET claimed_at = created_at WHERE status = 'claimed'")


def downgrade() -> None:
    with op.batch_alter_table("checkins") as batch:
        batch.drop_column("claimed_at")
        batch.drop_column("claimed_by")
        batch.drop_column("claim_token")
