"""The `kiosk` command's options and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import BUNDLED_PACK, Config
from tests.kiosk import FIXTURE_PACK
from ui.app import main, parse_args
from ui.opening import build_station


def test_options_have_embedded_defaults() -> None:
    args = parse_args([])
    assert not args.windowed and args.lang is None and args.data_dir is None
    assert args.idle_timeout == 120 and args.pack == []


def test_extra_packs_load_after_the_bundled_one(tmp_path: Path) -> None:
    fixture = FIXTURE_PACK
    args = parse_args(["--pack", str(fixture), "--pack", str(tmp_path)])
    station = build_station(Config(data_dir=tmp_path, pack_dirs=(BUNDLED_PACK, *args.pack)))
    assert {"compte", "mail", "ameli-creer-compte"} <= set(station.catalog.procedures)
    assert [str(p) for p in station.catalog.problems] == [
        f"{tmp_path}: not a content pack: pack.yaml is missing"
    ]


def test_a_language_that_is_not_offered_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "xx"]) == 2
    assert "not offered" in capsys.readouterr().err


def test_a_too_short_idle_timeout_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--idle-timeout", "3", "--data-dir", str(tmp_path)]) == 1
    assert "idle timeout" in capsys.readouterr().err


def test_an_unwritable_data_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("")
    assert main(["--data-dir", str(tmp_path / "file" / "data")]) == 1
    assert "cannot be written" in capsys.readouterr().err
