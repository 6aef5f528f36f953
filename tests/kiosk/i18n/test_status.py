"""``kiosk i18n status``: each language's completeness, and a clear answer where the sources are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.i18n import status, translation


def test_status_lists_every_language_with_its_completeness() -> None:
    rows = {row.code: row for row in status.language_status()}
    assert list(rows) == [language.code for language in translation.LANGUAGES]
    assert rows["fr"].percent == 100 and rows["fr"].offered
    for row in rows.values():
        assert row.offered == (row.percent == 100), row


def test_an_installed_kiosk_without_the_sources_says_so_instead_of_crashing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(status, "SOURCE_ROOT", tmp_path / "locales")
    assert status.main(["status"]) == 2
    assert "source tree" in capsys.readouterr().err
