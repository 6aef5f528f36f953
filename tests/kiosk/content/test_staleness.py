"""A guide's age, from the date of its last check."""

from __future__ import annotations

from datetime import date

from kiosk.content.loader import Catalog
from kiosk.content.staleness import age_days, is_stale, stale_guides


def test_guides_past_the_age_are_stale_oldest_first(bundled_catalog: Catalog):
    guide = bundled_catalog.procedures["caf-prime-activite"]
    checked = date.fromisoformat(guide.last_checked.date)
    assert age_days(guide, checked) == 0
    assert not is_stale(guide, date(checked.year + 1, checked.month, 1), 400)
    assert is_stale(guide, date(checked.year + 1, checked.month, 1), 180)
    later = date(checked.year + 2, 1, 1)
    stale = stale_guides(bundled_catalog, later, 180)
    assert len(stale) == len(bundled_catalog.procedures)
    assert [p.last_checked.date for p in stale] == sorted(p.last_checked.date for p in stale)
    assert stale_guides(bundled_catalog, checked, 180) == []
