"""The `kiosk` command's options and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.app import main, parse_args


def test_options_have_embedded_defaults() -> None:
    args = parse_args([])
    assert not args.windowed and args.lang is None and args.data_dir is None
    assert args.idle_timeout == 120


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
