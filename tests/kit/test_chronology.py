"""The chronology as a reader meets it: every dated moment of the cable, in order, the three kinds
apart, each event linked to its evidence, disagreements visible, and elapsed times right.
Expectations are computed from data/ (dates found in the text by pattern, offsets from
clocks.yml), not copied from the output.

Run over every site; a site without a chronology (or related documents) has no page for it and no
link to one. This edition's floors and named events: tests/edition/test_chronology.py."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.sites import assert_part_absent

MONTHS = "January February March April May June July August September October November December".split()
# A date as the text prints it ("25 October").
DATE = re.compile(r"(\d{1,2}) (" + "|".join(MONTHS) + r")\b")
# A clock time as the text prints it ("10:10", "1230"); years follow a month's name and are not times.
CLOCK = re.compile("".join(f"(?<!{m} )" for m in MONTHS) + r"(?<![\d:])([01]\d|2[0-3]):?([0-5]\d)(?![\d:])")


def events(site_data) -> list[dict]:
    return site_data.items("chronology.yml", "events")


def offsets(site_data) -> dict[str, list[dt.timedelta]]:
    def parse(o: str) -> dt.timedelta:
        sign = -1 if o[0] == "-" else 1
        return sign * dt.timedelta(hours=int(o[1:3]), minutes=int(o[4:6]))

    return {c["id"]: [parse(o) for o in [c["utc_offset"], *c.get("alternatives", [])]] for c in site_data.items("clocks.yml", "clocks")}


def page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "chronology" / "index.html").read_text(encoding="utf-8"), "html.parser")


def dates_in_text(site_data) -> list[tuple[str, str, str]]:
    """(paragraph id, "date" or "time", what the text prints) for every date and clock time of the text."""
    found = []
    for pid, text in site_data.paragraphs().items():
        found += [(pid, "date", m.group()) for m in DATE.finditer(text)]
        found += [(pid, "time", m.group()) for m in CLOCK.finditer(text)]
    return found


def test_every_date_and_clock_time_in_the_text_is_an_event(site, site_data):
    if not site_data.has("chronology.yml"):
        assert_part_absent(site, "chronology")
        return
    assert events(site_data)
    for pid, what, printed in dates_in_text(site_data):
        citing = [e for e in events(site_data) if pid in e.get("paragraphs", [])]
        if what == "date":
            day, month = DATE.fullmatch(printed).groups()
            assert any(int(e["date"][-2:]) == int(day) and int(e["date"][5:7]) == MONTHS.index(month) + 1 for e in citing), (pid, printed)
        else:
            hours, minutes = re.fullmatch(r"(\d\d):?(\d\d)", printed).groups()
            assert any(e.get("time") == f"{hours}:{minutes}" for e in citing), (pid, printed)


def test_events_are_in_time_order_on_the_page(site, site_data):
    if not site_data.has("chronology.yml"):
        assert_part_absent(site, "chronology")
        return
    moments = []
    for item in page(site).select("ol.cbl-timeline__events > li"):
        stamp = item.select_one(".cbl-event__when time")["datetime"]
        moments.append(dt.datetime.fromisoformat(stamp) if "T" in stamp else dt.date.fromisoformat(stamp))
    assert moments and len(moments) == len(events(site_data))
    days = [m.date() if isinstance(m, dt.datetime) else m for m in moments]
    assert days == sorted(days)
    timed = [m for m in moments if isinstance(m, dt.datetime)]
    for a, b in zip(timed, timed[1:]):
        if a.date() == b.date() and a.utcoffset() == b.utcoffset():
            assert a <= b


def test_the_kinds_are_labelled_and_each_event_links_its_evidence(site, site_data):
    if not site_data.has("chronology.yml"):
        assert_part_absent(site, "chronology")
        return
    soup = page(site)
    assert events(site_data)
    entries = site_data.entries()
    for event in events(site_data):
        item = soup.find(id=f"event-{event['id']}")
        assert "cbl-event--" + event["kind"] in item["class"]
        assert item.select_one(f".cbl-kind--{event['kind']}").get_text(strip=True)
        links = [a["href"] for a in item.select(".cbl-event__evidence a")]
        for pid in event.get("paragraphs", []):
            assert any(h.endswith(f"text/#{pid}") for h in links), (event["id"], pid)
        for entry in event.get("places", []) + event.get("people", []):
            kind = entries[entry]["kind"]
            assert any(h.endswith(f"glossary/{kind}/#{entry}") for h in links), (event["id"], entry)
        for source in event.get("sources", []):
            assert any(h.endswith(f"#src-{source}") for h in links), (event["id"], source)
        if event["kind"] == "context":
            assert event.get("sources"), event["id"]


def evidence_count(site_data) -> int:
    """The paragraphs, places and sources the events link to (this edition's floor: tests/edition)."""
    return sum(len(e.get("paragraphs", [])) + len(e.get("places", [])) + len(e.get("sources", [])) for e in events(site_data))


def test_disagreements_between_sources_are_shown(site, site_data):
    if not site_data.has("chronology.yml"):
        assert_part_absent(site, "chronology")
        return
    soup = page(site)
    disputed = [e for e in events(site_data) if e.get("disagreements")]
    assert len(soup.select(".cbl-event__disagree")) == len(disputed), "a box for each event with a disagreement, and none other"
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


def test_journey_elapsed_times_follow_from_the_clock_times(site, site_data):
    if not site_data.has("chronology.yml"):
        assert_part_absent(site, "chronology")
        return
    journey = [e for e in events(site_data) if e["kind"] == "journey"]
    steps = page(site).select("ol.cbl-journey > li")
    assert len(steps) == len(journey)
    zones = offsets(site_data)
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


def test_kinds_can_be_shown_and_hidden_without_javascript(browser, server, site, site_data):
    if not site_data.has("chronology.yml"):
        assert_part_absent(site, "chronology")
        return
    kinds = list(dict.fromkeys(e["kind"] for e in events(site_data)))
    assert kinds
    hidden, other = kinds[0], (kinds[1] if len(kinds) > 1 else None)
    context = browser.new_context(java_script_enabled=False)
    page_ = context.new_page()
    page_.goto(server + "chronology/")
    these = page_.locator(f".cbl-timeline .cbl-event--{hidden}")
    assert these.first.is_visible()
    page_.uncheck(f"#show-{hidden}")
    assert not these.first.is_visible()
    if other:
        assert page_.locator(f".cbl-timeline .cbl-event--{other}").first.is_visible(), "the other kinds stay"
    page_.check(f"#show-{hidden}")
    assert these.first.is_visible()
    context.close()


def test_related_documents_cite_and_link_their_evidence(site, site_data):
    if not site_data.has("related.yml"):
        assert_part_absent(site, "related")
        return
    soup = BeautifulSoup((site / "related" / "index.html").read_text(encoding="utf-8"), "html.parser")
    documents = site_data.items("related.yml", "documents")
    assert documents
    for d in documents:
        item = soup.find(id=f"doc-{d['id']}")
        assert item.select_one(f'a[href="{d["url"]}"]'), d["id"]
        assert item.select_one(f'a[href$="#src-{d["sources"][0]}"]'), d["id"]
        for pid in d["paragraphs"]:
            assert item.select_one(f'a[href$="text/#{pid}"]'), (d["id"], pid)
        if d.get("quote"):
            assert len(d["quote"].split()) <= 25
