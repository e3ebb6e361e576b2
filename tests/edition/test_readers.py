"""This edition's readers' support by name and number (the kit's checks of every site:
tests/kit/test_readers.py)."""

from __future__ import annotations

from tests.data_files import data
from tests.kit.test_readers import check_document_b


def test_at_least_ten_adapted_sentences_are_claims():
    adapted = [x for x in data("lessons.yml")["lessons"] if x.get("adaptation")]
    assert adapted
    assert sum(s["claim"] for lesson in adapted for s in lesson["adaptation"]["sentences"]) >= 10


def test_every_background_paragraph_has_a_plainer_version():
    background = data("background.yml")["paragraphs"]
    assert background and all(p.get("plain") for p in background)


def test_the_50_minute_lessons_document_b_is_savelyevs_telegram_with_omissions_and_names(site):
    lesson = next(x for x in data("lessons.yml")["lessons"] if x["minutes"] == 50)
    assert lesson["id"] == "welcome-or-resistance"
    document = next(d for d in data("related.yml")["documents"] if d["id"] == "savelyev-32616")
    assert document["excerpt"]["omit"] and document["excerpt"]["names"]
    check_document_b(site, "lessons/welcome-or-resistance", document)
