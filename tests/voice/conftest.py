"""Fixtures of the voice's tests: a copy of the lexicons to break as an installation would."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from voice import lexicon


@pytest.fixture
def lexicons_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the lexicons the voice reads instead of its own, to break as an installation would."""
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon.LEXICON_DIR, copy)
    monkeypatch.setattr(lexicon, "LEXICON_DIR", copy)
    lexicon.lexicon.cache_clear()
    yield copy
    lexicon.lexicon.cache_clear()  # the next tests read the real lexicons again
