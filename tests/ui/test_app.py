"""The `kiosk` command's options and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import BUNDLED_PACK, Config
from tests.kiosk import FIXTURE_PACK
from ui.app import main, parse_args, starting_settings
from ui.opening import build_station


def test_options_have_embedded_defaults() -> None:
    args = parse_args([])
    assert not args.windowed and args.lang is None and args.data_dir is None
    assert args.idle_timeout is None and args.pack == []  # None: the settings file's, else Config's 120
    assert args.silent is None and args.hide_pointer is None and args.config_file is None


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


def test_the_settings_file_is_read_at_start_and_the_options_win(tmp_path: Path) -> None:
    conf = tmp_path / "kiosk.conf"
    conf.write_text("idle_timeout = 90\nhide_pointer = yes\nsilent = yes\npacks = /srv/mairie\n")
    (tmp_path / "packs.d").mkdir()
    (tmp_path / "packs.d" / "update").symlink_to(FIXTURE_PACK)
    data = ["--data-dir", str(tmp_path / "data"), "--config-file", str(conf)]
    start = starting_settings(parse_args(data))
    assert start.config.idle_timeout_s == 90 and start.hide_pointer and start.silent and not start.problems
    pack_dirs = (BUNDLED_PACK, Path("/srv/mairie"), tmp_path / "packs.d" / "update")
    assert start.config.pack_dirs == pack_dirs
    options = ["--idle-timeout", "30", "--no-hide-pointer", "--no-silent", "--pack", str(tmp_path)]
    start = starting_settings(parse_args([*data, *options]))
    assert start.config.idle_timeout_s == 30 and not start.hide_pointer and not start.silent
    assert start.config.pack_dirs == (*pack_dirs, tmp_path)  # the options' packs load last, so they win


def test_a_malformed_settings_file_starts_the_embedded_defaults(tmp_path: Path) -> None:
    conf = tmp_path / "kiosk.conf"
    conf.write_text("idle_timeout = 90\nhide_pointer = oui-non\n")
    start = starting_settings(parse_args(["--data-dir", str(tmp_path), "--config-file", str(conf)]))
    assert start.config == Config(data_dir=tmp_path) and not start.hide_pointer and not start.silent
    said = "hide_pointer = 'oui-non' is neither yes nor no; the kiosk uses its embedded settings instead"
    assert start.problems == (f"{conf}: {said}",)


def test_the_settings_file_comes_from_the_variable_when_no_option_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = tmp_path / "kiosk.conf"
    conf.write_text("idle_timeout = 45\n")
    monkeypatch.setenv("KIOSK_CONFIG_FILE", str(conf))
    assert starting_settings(parse_args(["--data-dir", str(tmp_path)])).config.idle_timeout_s == 45
