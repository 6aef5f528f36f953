"""What mediators report about a guide: checked as it is made, kept in the real store, exported."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from kiosk.mediation.guide_reports import SITE_CHANGED, VERIFIED, GuideReport, to_csv, to_json
from kiosk.secret import CredentialRefused
from kiosk.store.database import Store


def test_reports_are_kept_and_exported(tmp_path: Path):
    store = Store.open(tmp_path / "store.db", b"k" * 32)
    day = date(2026, 12, 5)
    store.add_guide_report(
        GuideReport.made("caf-prime-activite", "bundled 2026.11.1", VERIFIED, today=day).to_dict()
    )
    changed = GuideReport.made(
        "antai-amendes",
        "guides-test 2026.12.1",
        SITE_CHANGED,
        "payer",
        "  Le bouton   s'appelle « Régler »  ",
        day,
    )
    store.add_guide_report(changed.to_dict())
    reports = [GuideReport(**row) for row in store.guide_reports()]
    assert reports[1].note == "Le bouton s'appelle « Régler »"
    rows = list(csv.DictReader(io.StringIO(to_csv(reports))))
    assert [r["verdict"] for r in rows] == [VERIFIED, SITE_CHANGED]
    assert json.loads(to_json(reports))["guide_reports"][1]["step_id"] == "payer"
    store.close()


def test_a_report_says_what_changed_briefly_and_carries_no_credential(tmp_path: Path):
    with pytest.raises(ValueError, match="which step"):
        GuideReport.made("caf-prime-activite", "", SITE_CHANGED)
    with pytest.raises(ValueError, match="at most"):
        GuideReport.made("caf-prime-activite", "", SITE_CHANGED, note="x" * 300)
    store = Store.open(tmp_path / "store.db", b"k" * 32)
    report = GuideReport.made("caf-prime-activite", "", SITE_CHANGED, note="n").to_dict()
    with pytest.raises(CredentialRefused):
        store.add_guide_report({**report, "password": "secret"})
    assert store.guide_reports() == []
    store.close()
