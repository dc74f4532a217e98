"""/history and /export: the chart, the summary and the CSV, per person."""

from __future__ import annotations

import csv
import io
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from bot import settings
from bot.content import history_labels
from bot.services import export, history
from bot.store import checkins, journal
from bot.store.engine import session_scope
from bot.store.models import Answer, Person, RecommendationRecord, Referral, SafetyEvent

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MARKS = ("⚠", "🚨")
MON = date(2025, 11, 3)
ZONE = "Europe/Berlin"
TRIGGER = 'sitting, "at my desk"\nall day 😩'
FORMULA = '=HYPERLINK("http://evil.example","click")'
STEP3 = "Step 3 pattern:"
#: Alice's check-ins: days after MON and pain (no check-in on Wed 12 Nov).
ALICE_PAINS = [
    (1, 7), (2, 6), (3, 6), (4, 5), (5, 5), (6, 8), (7, 8), (8, 8),
    (10, 5), (11, 3), (12, 3), (13, 2), (14, 2), (15, 4),
]


def _utc(days: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(MON + timedelta(days=days), time(hour, minute), tzinfo=timezone.utc)


def _backdate(model: Any, person: str, when: datetime, url: str) -> None:
    """Move the person's newest ``model`` row to ``when`` (the journal stamps rows 'now')."""
    with session_scope(url) as session:
        row = session.execute(
            select(model)
            .join(Person)
            .where(Person.conversation_id == person)
            .order_by(model.id.desc())
            .limit(1)
        ).scalar_one()
        row.created_at = when


def _answer(person: str, slot: str, value: Any, raw: str | None, when: datetime, url: str,
            accepted: bool = True) -> None:
    journal.record_answer(person, slot, value, raw, accepted=accepted)
    _backdate(Answer, person, when, url)


def _recommend(person: str, when: datetime, url: str, **plan: Any) -> None:
    journal.record_recommendation(person, message=f"Step {plan['step']} now: ...", **plan)
    _backdate(RecommendationRecord, person, when, url)


def _checkin(person: str, days: int, pain: float, url: str, **more: Any) -> None:
    day = MON + timedelta(days=days)
    checkins.record_checkin_answer(person, "checkin_pain", pain, str(pain), local_date=day)
    _backdate(Answer, person, _utc(days, 18), url)
    for slot, value in more.items():
        checkins.record_checkin_answer(person, slot, value, str(value), local_date=day)
        _backdate(Answer, person, _utc(days, 18, 5), url)


def _alice(url: str) -> None:
    """Three weeks of a journal: Step 1, then Step 2, a referral, a warning sign, Step 4."""
    checkins.set_schedule("alice", time(20, 0), ZONE, now=_utc(0, 8))
    _answer("alice", "pain_direction", "flexion", "bending forward", _utc(0, 9), url)
    _answer("alice", "pain_score", None, "15/10", _utc(0, 9, 1), url, accepted=False)
    _answer("alice", "pain_score", 7, "7", _utc(0, 9, 2), url)
    _recommend(
        "alice", _utc(0, 9, 5), url, step=1, regimen="passive_stretching",
        next_regimen="mckenzie", aerobic=False, rule="tight_stretch_first+flexion_pain_mckenzie",
    )
    for days, pain in ALICE_PAINS:
        _checkin("alice", days, pain, url, checkin_trend="same", checkin_exercises="yes")
    # Step 2 late on Friday evening UTC: already Saturday 8 Nov in Berlin.
    _recommend(
        "alice", _utc(4, 23, 30), url, step=2, regimen="mckenzie", next_regimen=None,
        aerobic=False, rule="start_step_2",
    )
    checkins.record_referral(
        "alice", ("above_baseline",), "⚠️ Please book an appointment with a specialist."
    )
    _backdate(Referral, "alice", _utc(8, 18, 10), url)
    journal.record_safety_event("alice", "red_flag", "cauda_equina", "I can't feel my seat")
    _backdate(SafetyEvent, "alice", _utc(9, 10), url)
    journal.record_safety_event("alice", "assessed", None, "the GP checked me")
    _backdate(SafetyEvent, "alice", _utc(10, 9), url)
    _recommend(
        "alice", _utc(13, 18, 10), url, step=2, regimen="mckenzie", next_regimen=None,
        aerobic=True, rule="add_aerobic",
    )
    for days, words in ((14, FORMULA), (15, TRIGGER)):
        checkins.record_checkin_answer(
            "alice", "checkin_trigger", words, words, local_date=MON + timedelta(days=days)
        )
        _backdate(Answer, "alice", _utc(days, 18, 15), url)
    checkins.complete_checkin("alice", MON + timedelta(days=15), now=_utc(15, 18, 20))


def _bob(url: str) -> None:
    _answer("bob", "pain_score", 9, "nine, bob's words", _utc(0, 9), url)
    _checkin("bob", 2, 9, url, checkin_trigger="BOB-SECRET lifting crates")
    checkins.record_referral("bob", ("severe_two_days",), "bob referral text")
    _backdate(Referral, "bob", _utc(3, 12), url)


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _pixels_near(png: bytes, colour: str) -> int:
    """How many pixels of the chart are (close to) ``colour`` ("#rrggbb")."""
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    with Image.open(io.BytesIO(png)) as image:
        pixels = list(image.convert("RGB").getdata())
    return sum(
        1 for pixel in pixels if all(abs(a - b) <= 24 for a, b in zip(pixel, target, strict=True))
    )


def test_the_chart_is_a_phone_sized_png(db_url: str) -> None:
    _alice(db_url)
    report = history.history_report("alice")
    assert report.png is not None
    assert report.png.startswith(PNG_SIGNATURE)
    assert len(report.png) < 1_000_000  # Telegram takes photos up to 10 MB
    with Image.open(io.BytesIO(report.png)) as image:
        assert image.format == "PNG"
        assert image.size == (960, 540)
    assert _pixels_near(report.png, history._PAIN_COLOUR) > 200  # the pain line is drawn
    assert _pixels_near(report.png, history._RED_FLAG_COLOUR) > 50  # and the warning sign


def test_the_chart_labels_say_what_happened_when(db_url: str) -> None:
    _alice(db_url)
    figure = history.history_figure("alice")
    assert figure is not None
    [axes] = figure.axes
    assert axes.get_title() == "Your back pain, day by day"
    assert axes.get_ylim() == (0, 10)
    labels = [text.get_text() for text in axes.texts]
    assert "start: 7/10" in labels
    assert "Step 1: stretching" in labels
    assert "Step 2: McKenzie" in labels
    assert "Step 4 added" in labels
    assert "specialist suggested" in labels
    assert "warning sign" in labels
    assert "4/10" in labels  # the latest check-in
    ticks = [label.get_text() for label in axes.get_xticklabels()]
    assert ticks[0] == "3 Nov" and len(ticks) <= 9
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    every = labels + ticks + legend + [axes.get_title(), axes.get_ylabel()]
    assert not [label for label in every if any(mark in label for mark in MARKS)]
    assert all(label.isascii() for label in every)


def test_the_summary_says_the_numbers_the_pattern_and_the_exercises(db_url: str) -> None:
    _alice(db_url)
    summary = history.history_report("alice").summary
    assert summary.splitlines() == [
        "Pain: 7/10 at the start, 4/10 at your latest check-in (Tue 18 Nov); 14 check-ins "
        "since Tue 4 Nov.",
        "Plan: Step 2, McKenzie exercises, since Sat 8 Nov; Step 4 (aerobic) added Sun 16 Nov.",
        "Specialist suggested: once, on Tue 11 Nov (pain above your start for 3 days).",
        f"{STEP3} at least 5 more check-ins, then I can show what goes with worse pain (it "
        "takes 3 days that name the same thing and 3 that don't).",
        "Your exercises: McKenzie exercises, level 1 of 4. No session yet: send /session for "
        "today's, with pictures.",
    ]
    assert not any(mark in summary for mark in MARKS)


def test_a_paused_plan_and_repeated_referrals_are_said_plainly(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKSTEP_DEFAULT_TZ", "Europe/London")
    settings.get_settings.cache_clear()
    _answer("carol", "pain_score", 6, "6", _utc(0, 9), db_url)
    _recommend(
        "carol", _utc(0, 9, 5), db_url, step=1, regimen="passive_stretching",
        next_regimen="stabilisation", aerobic=False, rule="tight_stretch_first",
    )
    _checkin("carol", 1, 6.5, db_url)
    for days, codes in ((2, ("worse_two_days",)), (5, ("severe_two_days", "no_improvement"))):
        checkins.record_referral("carol", codes, "⚠️ see a specialist")
        _backdate(Referral, "carol", _utc(days, 12), db_url)
    journal.record_safety_event("carol", "red_flag", "fracture", "I fell down the stairs")
    _backdate(SafetyEvent, "carol", _utc(6, 12), db_url)
    # No schedule: the default zone (London), where these times are the same day.
    assert history.history_report("carol").summary.splitlines() == [
        "Pain: 6/10 at the start, 6.5/10 at your first check-in (Tue 4 Nov).",
        "Plan: Step 1, passive stretching by a professional, since Mon 3 Nov; lumbar "
        "stabilisation exercises (Step 2) come next; paused since Sun 9 Nov until a clinician "
        "has checked the warning sign.",
        "Specialist suggested: twice, most recently on Sat 8 Nov (pain 8/10 or more two days "
        "running; no clear improvement on your step).",

        f"{STEP3} at least 6 more check-ins, then I can show what goes with worse pain (it "
        "takes 3 days that name the same thing and 3 that don't).",
    ]


def test_an_intake_pain_score_alone_is_drawn_as_the_start(db_url: str) -> None:
    _answer("dan", "pain_score", 5, "5", _utc(0, 9), db_url)
    report = history.history_report("dan")
    assert report.png is not None and report.png.startswith(PNG_SIGNATURE)
    assert _pixels_near(report.png, history._PAIN_COLOUR) == 0  # no check-ins to draw
    assert report.summary.splitlines() == [
        'Pain: 5/10 at the start; no check-ins yet (say "check in" or send /checkin).',
        "Plan: none yet; answer a few questions and I'll suggest one.",
        "No specialist referral so far.",

        f"{STEP3} at least 6 more check-ins, then I can show what goes with worse pain (it "
        "takes 3 days that name the same thing and 3 that don't).",
    ]


def test_an_empty_journal_has_nothing_to_draw_and_says_how_to_start(db_url: str) -> None:
    journal.record_answer("erin", "pain_direction", "flexion", "bending")  # no pain score yet
    journal.record_answer("erin", "pain_score", 15, "15", accepted=False)
    for person in ("erin", "nobody"):
        report = history.history_report(person)
        assert report.png is None
        assert report.summary == history_labels.HISTORY_NOTHING_YET
        assert "check in" in report.summary and "/checkin" in report.summary
    assert history.history_figure("nobody") is None


def test_the_export_has_every_item_by_time(db_url: str) -> None:
    _alice(db_url)
    data = export.export_csv("alice")
    assert data.startswith("\ufeff".encode())  # the BOM Excel needs for UTF-8
    rows = _rows(data)
    assert list(rows[0]) == list(history_labels.EXPORT_COLUMNS)
    kinds = [row["kind"] for row in rows]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "answer": 3 + 3 * len(ALICE_PAINS) + 2,
        "check-in": len(ALICE_PAINS),
        "recommendation": 3,
        "referral": 1,
        "safety": 2,
    }
    timed = [row["when_utc"] for row in rows if row["when_utc"]]
    assert timed == sorted(timed)
    first = rows[0]
    assert (first["when_utc"], first["local_date"], first["kind"], first["item"]) == (
        "2025-11-03 09:00:00", "2025-11-03", "answer", "pain_direction"
    )
    assert (first["value"], first["detail"]) == ("flexion", "bending forward")
    refused = next(r for r in rows if r["detail"] == "15/10")
    assert refused["value"] == "not accepted"
    step2 = next(r for r in rows if r["kind"] == "recommendation" and "start_step_2" in r["detail"])
    assert (step2["when_utc"], step2["local_date"]) == ("2025-11-07 23:30:00", "2025-11-08")
    assert (step2["item"], step2["value"]) == ("Step 2", "McKenzie exercises")
    step1 = next(r for r in rows if r["item"] == "Step 1")
    assert step1["value"] == "passive stretching by a professional; then McKenzie exercises"
    aerobic = [r for r in rows if r["kind"] == "recommendation"][-1]
    assert aerobic["value"] == "McKenzie exercises; Step 4 (aerobic)"
    [referral] = [r for r in rows if r["kind"] == "referral"]
    assert (referral["local_date"], referral["value"]) == ("2025-11-11", "above_baseline")
    assert "specialist" in referral["detail"]
    safety = [(r["item"], r["value"], r["detail"]) for r in rows if r["kind"] == "safety"]
    assert safety == [
        ("red_flag", "cauda_equina", "I can't feel my seat"), ("assessed", "", "the GP checked me")
    ]
    day = next(r for r in rows if r["kind"] == "check-in" and r["local_date"] == "2025-11-04")
    assert day["value"] == "7"
    assert day["detail"] == "trend: same; exercises: yes"
    last = next(r for r in rows if r["kind"] == "check-in" and r["local_date"] == "2025-11-18")
    assert last["when_utc"] == "2025-11-18 18:20:00"  # completed then
    assert last["detail"] == f"trend: same; exercises: yes; trigger: {TRIGGER}"
    assert not any(mark in cell for mark in MARKS for cell in history_labels.EXPORT_COLUMNS)


def test_the_persons_own_words_survive_the_csv(db_url: str) -> None:
    _alice(db_url)
    rows = _rows(export.export_csv("alice"))
    said = [r for r in rows if r["kind"] == "answer" and r["item"] == "checkin_trigger"]
    assert [r["detail"] for r in said] == ["'" + FORMULA, TRIGGER]
    assert [r["value"] for r in said] == ["'" + FORMULA, TRIGGER]


def test_spreadsheet_formulas_in_the_persons_words_are_neutralised(db_url: str) -> None:
    _alice(db_url)
    _answer("alice", "pain_duration_days", -3, "-3 days", _utc(16, 9), db_url, accepted=False)
    _answer("alice", "checkin_offset", -4, "+4 hours @home", _utc(16, 10), db_url)
    rows = _rows(export.export_csv("alice"))
    cells = [cell for row in rows for cell in row.values()]
    risky = [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and c != "-4")]
    assert risky == []
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    late = rows[-2:]
    assert [(r["value"], r["detail"]) for r in late] == [
        ("'-3 (not accepted)", "'-3 days"),
        ("-4", "'+4 hours @home"),  # a number we wrote stays a number
    ]


def test_each_person_sees_only_their_own_journal(db_url: str) -> None:
    _alice(db_url)
    _bob(db_url)
    alice_csv = export.export_csv("alice").decode("utf-8-sig")
    alice = history.history_report("alice").summary
    for secret in ("BOB-SECRET", "bob's words", "bob referral", "severe_two_days"):
        assert secret not in alice_csv
    assert "9/10" not in alice and "14 check-ins" in alice
    bob_csv = export.export_csv("bob").decode("utf-8-sig")
    assert "HYPERLINK" not in bob_csv and "I can't feel my seat" not in bob_csv
    assert history.history_report("bob").summary.splitlines() == [
        "Pain: 9/10 at the start, 9/10 at your first check-in (Wed 5 Nov).",
        "Plan: none yet; answer a few questions and I'll suggest one.",
        "Specialist suggested: once, on Thu 6 Nov (pain 8/10 or more two days running).",

        f"{STEP3} at least 6 more check-ins, then I can show what goes with worse pain (it "
        "takes 3 days that name the same thing and 3 that don't).",
    ]
    assert _rows(export.export_csv("nobody")) == []


@pytest.mark.parametrize("person", ["alice", "123456789"])
def test_the_file_name_is_dated_and_names_nobody(db_url: str, person: str) -> None:
    name = export.export_filename(person, today=date(2026, 11, 23))
    assert name == "backstep-journal-2026-11-23.csv"
    assert person not in name and not any(mark in name for mark in MARKS)
    assert export.export_filename(person).startswith("backstep-journal-20")


def test_charts_drawn_at_the_same_time_do_not_mix(db_url: str) -> None:
    _alice(db_url)
    _bob(db_url)
    people = ["alice", "bob"] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        pngs = list(pool.map(lambda person: history.history_report(person).png, people))
    assert pngs[0] is not None and pngs[1] is not None and pngs[0] != pngs[1]
    assert pngs == [pngs[0], pngs[1]] * 4
