"""What the store's tests share: where a station's store and key files go."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.store.key import StorePaths


@pytest.fixture
def paths(tmp_path: Path) -> StorePaths:
    """A station's store and key files in a private temporary folder."""
    return StorePaths.under(tmp_path / "data", tmp_path / "config")
