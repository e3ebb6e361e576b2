"""The chronology as a reader meets it: every dated moment of the cable, in order, the three kinds
apart, each event linked to its evidence, disagreements visible, and elapsed times right.
Expectations are computed from data/ (dates found in the text by pattern, offsets from
clocks.yml), not copied from the output."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.data_files import data, paragraphs

DATE = re.compile(r"(\d{1,2}) October")
# A clock time as the cable prints it ("10:10", "1230"); years follow "October" and are not times.
CLOCK = re.compile(r"(?<!October )(?<![\d:])([01]\d|2[0-3]):?([0-5]\d)(?![\d:])")


def events() -> list[dict]:
    return data("chronology.yml")["events"]


def offsets() -> dict[str, list[dt.timedelta]]:
    def parse(o: str) -> dt.timedelta:
        sign = -1 if o[0] == "-" else 1
        return sign * dt.timedelta(hours=int(o[1:3]), minutes=int(o[4:6]))

    return {c["id"]: [parse(o) for o in [c["utc_offset"], *c.get("alternatives", [])]] for c in data("clocks.yml")["clocks"]}


def page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "chronology" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_date_and_clock_time_in_the_cable_is_an_event():
    found = 0
    for pid, text in paragraphs().items():
        citing = [e for e in events() if pid in e.get("paragraphs", [])]
        for match in DATE.finditer(text):
            day = int(match.group(1))
            assert any(int(e["date"][-2:]) == day and e["date"][5:7] == "10" for e in citing), (pid, match.group())
            found += 1
        for match in CLOCK.finditer(text):
            time = f"{match.group(1)}:{match.group(2)}"
            assert any(e.get("time") == time for e in citing), (pid, match.group())
            found += 1
    assert found >= 20


def test_events_are_in_time_order_on_the_page(site):
    moments = []
    for item in page(site).select("ol.cbl-timeline__events > li"):
        stamp = item.select_one(".cbl-event__when time")["datetime"]
        moments.append(dt.datetime.fromisoformat(stamp) if "T" in stamp else dt.date.fromisoformat(stamp))
    assert len(moments) == len(events())
    days = [m.date() if isinstance(m, dt.datetime) else m for m in moments]
    assert days == sorted(days)
    timed = [m for m in moments if isinstance(m, dt.datetime)]
    for a, b in zip(timed, timed[1:]):
        if a.date() == b.date() and a.utcoffset() == b.utcoffset():
            assert a <= b


def test_the_three_kinds_are_labelled_and_each_event_links_its_evidence(site):
    soup = page(site)
    assert len(events()) >= 20
    evidence = 0
    for event in events():
        item = soup.find(id=f"event-{event['id']}")
        assert "cbl-event--" + event["kind"] in item["class"]
        assert item.select_one(f".cbl-kind--{event['kind']}").get_text(strip=True)
        links = [a["href"] for a in item.select(".cbl-event__evidence a")]
        for pid in event.get("paragraphs", []):
            assert any(h.endswith(f"text/#{pid}") for h in links), (event["id"], pid)
        for place in event.get("places", []):
            assert any(h.endswith(f"glossary/places/#{place}") for h in links), (event["id"], place)
        for person in event.get("people", []):
            assert any(h.endswith(f"glossary/people/#{person}") for h in links), (event["id"], person)
        for source in event.get("sources", []):
            assert any(h.endswith(f"#src-{source}") for h in links), (event["id"], source)
        evidence += len(event.get("paragraphs", [])) + len(event.get("places", [])) + len(event.get("sources", []))
        if event["kind"] == "context":
            assert event.get("sources"), event["id"]
    assert evidence >= 40, evidence


def test_disagreements_between_sources_are_shown(site):
    soup = page(site)
    disputed = [e for e in events() if e.get("disagreements")]
    assert any(e["id"] == "report-written-in-hami" for e in disputed)
    for event in disputed:
        box = soup.find(id=f"event-{event['id']}").select_one(".cbl-event__disagree")
        assert box is not None and "Sources differ" in box.get_text()
        for d in event["disagreements"]:
            assert box.select_one(f'a[href$="#src-{d["source"]}"]'), (event["id"], d["source"])


def _format(span: dt.timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}" if days else "", f"{hours} h" if hours else "", f"{mins} min" if mins else ""]
    return " ".join(p for p in parts if p)


def test_journey_elapsed_times_follow_from_the_clock_times(site):
    journey = [e for e in events() if e["kind"] == "journey"]
    steps = page(site).select("ol.cbl-journey > li")
    assert len(steps) == len(journey)
    zones = offsets()
    timed_before = []
    for number, (event, step) in enumerate(zip(journey, steps), 1):
        if event.get("time") and timed_before:
            ref_number, ref = timed_before[-1]
            start = [dt.datetime.fromisoformat(f"{ref['date']}T{ref['time']}") - o for o in zones[ref["clock"]]]
            end = [dt.datetime.fromisoformat(f"{event['date']}T{event['time']}") - o for o in zones[event["clock"]]]
            spans = sorted({b - a for a in start for b in end})
            expected = _format(spans[0]) if len(spans) == 1 else f"{_format(spans[0])} to {_format(spans[-1])}"
            gap = step.select_one(".cbl-journey__gap").get_text(" ", strip=True)
            assert f"{expected} after step {ref_number}" in gap, (event["id"], gap)
        if event.get("time"):
            timed_before.append((number, event))
    assert len(timed_before) >= 4


def test_kinds_can_be_shown_and_hidden_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page_ = context.new_page()
    page_.goto(server + "chronology/")
    context_events = page_.locator(".cbl-event--context")
    cable_events = page_.locator(".cbl-event--cable")
    assert context_events.first.is_visible() and cable_events.first.is_visible()
    page_.uncheck("#show-context")
    assert not context_events.first.is_visible() and cable_events.first.is_visible()
    page_.check("#show-context")
    assert context_events.first.is_visible()
    context.close()


def test_related_documents_cite_and_link_their_evidence(site):
    soup = BeautifulSoup((site / "related" / "index.html").read_text(encoding="utf-8"), "html.parser")
    documents = data("related.yml")["documents"]
    urls = [d["url"] for d in documents]
    assert any(u.endswith("cable-mao-zedong-comrade-filippov-stalin") for u in urls)
    assert any(d["date"] == "1949-10-12" for d in documents) and any(d["date"] == "1949-10-14" for d in documents)
    for d in documents:
        item = soup.find(id=f"doc-{d['id']}")
        assert item.select_one(f'a[href="{d["url"]}"]'), d["id"]
        assert item.select_one(f'a[href$="#src-{d["sources"][0]}"]'), d["id"]
        for pid in d["paragraphs"]:
            assert item.select_one(f'a[href$="text/#{pid}"]'), (d["id"], pid)
        if d.get("quote"):
            assert len(d["quote"].split()) <= 25
