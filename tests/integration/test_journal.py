"""The journal keeps every answer and recommendation, per person, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, text

from bot.store import journal
from bot.store.engine import get_engine
from tests.support.races import rival_before


def test_schema_is_owned_by_alembic(db_url: str) -> None:
    tables = set(inspect(get_engine(db_url)).get_table_names())
    assert {"people", "answers", "recommendations", "alembic_version"} <= tables


def test_answers_are_kept_with_value_raw_text_and_time(db_url: str) -> None:
    journal.record_answer("chat-1", "pain_duration_days", 21.0, "about three weeks")
    journal.record_answer("chat-1", "pain_score", 15, "15/10", accepted=False)
    journal.record_answer("chat-1", "leg_pain", False, "no")
    answers = journal.answers_for("chat-1")
    assert [(a.slot, a.value, a.accepted, a.raw_text) for a in answers] == [
        ("pain_duration_days", 21.0, True, "about three weeks"),
        ("pain_score", 15, False, "15/10"),
        ("leg_pain", False, True, "no"),
    ]
    assert all(a.created_at is not None for a in answers)


def test_recommendations_are_kept_with_their_rule(db_url: str) -> None:
    journal.record_recommendation(
        "chat-1", step=1, regimen="passive_stretching", next_regimen="mckenzie",
        aerobic=False, rule="tight_stretch_first+flexion_pain_mckenzie", message="Step 1 now: …",
    )
    [rec] = journal.recommendations_for("chat-1")
    assert (rec.step, rec.regimen, rec.next_regimen, rec.rule) == (
        1, "passive_stretching", "mckenzie", "tight_stretch_first+flexion_pain_mckenzie"
    )


def test_a_person_sees_only_their_own_journal(db_url: str) -> None:
    journal.record_answer("alice", "pain_score", 7, "7")
    journal.record_answer("bob", "pain_score", 2, "2")
    assert [a.value for a in journal.answers_for("alice")] == [7]
    assert [a.value for a in journal.answers_for("bob")] == [2]
    assert journal.answers_for("mallory") == []


def test_two_writers_creating_the_same_person_keep_both_answers(db_url: str) -> None:
    """Bob's first answer and another writer's (the sender, another replica) both find no
    person; the other creates him first. Neither answer is lost."""
    with rival_before(
        get_engine(), "INSERT INTO people",
        lambda: journal.record_answer("bob", "pain_score", 6, "6"),
    ) as fired:
        journal.record_answer("bob", "pain_duration", "weeks", "three weeks")
    assert fired
    assert sorted(a.slot for a in journal.answers_for("bob")) == ["pain_duration", "pain_score"]
    with get_engine().connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM people")).scalar() == 1


def test_very_long_and_unusual_text_is_stored_safely(db_url: str) -> None:
    long_text = "é🙂'\";--" * 2000
    journal.record_answer("chat-2", "pain_direction", None, long_text, accepted=False)
    [answer] = journal.answers_for("chat-2")
    assert answer.raw_text == long_text[: journal.MAX_RAW_TEXT]


def test_migrations_are_idempotent(db_url: str) -> None:
    journal.upgrade_database(db_url)
    journal.record_answer("chat-3", "pain_score", 4, "4")
    assert len(journal.answers_for("chat-3")) == 1



def test_the_models_match_the_migrated_schema(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from bot.store.models import Base

    with get_engine(db_url).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # Rasa's own tracker-store table lives in the same database but is not ours.
    assert [d for d in diff if not (d[0] == "remove_table" and d[1].name == "events")] == []
