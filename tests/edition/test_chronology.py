"""This edition's chronology and related documents by number and name (the kit's checks of any
site's: tests/kit/test_chronology.py)."""

from __future__ import annotations

from tests.data_files import data
from tests.kit.test_chronology import dates_in_text, evidence_count
from tests.sites import SITES

EDITION = SITES["edition"]


def test_at_least_20_dates_and_clock_times_in_the_cable():
    assert len(dates_in_text(EDITION)) >= 20


def test_at_least_20_events_linking_at_least_40_pieces_of_evidence():
    assert len(data("chronology.yml")["events"]) >= 20
    assert evidence_count(EDITION) >= 40


def test_the_place_the_report_was_written_is_disputed():
    assert any(e["id"] == "report-written-in-hami" and e.get("disagreements") for e in data("chronology.yml")["events"])


def test_at_least_four_journey_steps_are_timed():
    assert len([e for e in data("chronology.yml")["events"] if e["kind"] == "journey" and e.get("time")]) >= 4


def test_context_and_cable_events_are_both_there_to_show_and_hide():
    kinds = {e["kind"] for e in data("chronology.yml")["events"]}
    assert {"context", "cable"} <= kinds


def test_the_related_documents_include_maos_cable_and_the_12_and_14_october_documents():
    documents = data("related.yml")["documents"]
    assert any(d["url"].endswith("cable-mao-zedong-comrade-filippov-stalin") for d in documents)
    assert any(d["date"] == "1949-10-12" for d in documents) and any(d["date"] == "1949-10-14" for d in documents)
