"""Tests of the core, one folder per capability package."""

from pathlib import Path

FIXTURE_PACK = Path(__file__).parent / "fixture_pack"  # a small content pack the tests can break
