"""This edition's hostile-data builds reach far: hundreds of fields poisoned and shown (the kit's
checks of any site, with floors counted from its data: tests/kit/test_hostile_data.py). The
builds are the kit's, made once per session and site."""

from __future__ import annotations

from tests.kit.test_hostile_data import poisoned_site, prose_site, shown_as_typed, shown_inert
from tests.sites import SITES


def test_over_five_hundred_fields_poisoned_and_three_hundred_shown(tmp_path_factory):
    poisoned, site = poisoned_site(tmp_path_factory, SITES["edition"])
    assert poisoned > 500, "every free-text field of every data file"
    assert shown_inert(site) > 300, "the payloads are shown, as text"


def test_over_two_hundred_prose_fields_and_a_hundred_shown(tmp_path_factory):
    count, site = prose_site(tmp_path_factory, SITES["edition"])
    assert count > 200, "every prose field of every data file"
    assert shown_as_typed(site) > 100, "the payloads are shown, as typed, on one line"
