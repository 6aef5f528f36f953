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
    assert start.config == Config(data_dir=tmp_path, settings_dir=tmp_path)
    assert not start.hide_pointer and not start.silent
    said = "hide_pointer = 'oui-non' is neither yes nor no; the kiosk uses its embedded settings instead"
    assert start.problems == (f"{conf}: {said}",)


def test_the_settings_file_comes_from_the_variable_when_no_option_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = tmp_path / "kiosk.conf"
    conf.write_text("idle_timeout = 45\n")
    monkeypatch.setenv("KIOSK_CONFIG_FILE", str(conf))
    assert starting_settings(parse_args(["--data-dir", str(tmp_path)])).config.idle_timeout_s == 45


def test_windowed_takes_a_size_or_opens_at_1366_by_768(capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_args(["--windowed", "1024x768"]).windowed == (1024, 768)
    assert parse_args(["--windowed", "1280X800", "--lang", "en"]).windowed == (1280, 800)
    assert parse_args(["--windowed", "--lang", "en"]).windowed == (1366, 768)
    for wrong in ("1024", "1024x", "big", "0x768", "100x100"):
        with pytest.raises(SystemExit):
            parse_args(["--windowed", wrong])
        assert "WIDTHxHEIGHT" in capsys.readouterr().err, wrong


def test_the_readme_says_how_to_get_out_of_the_locked_kiosk_with_the_words_on_screen() -> None:
    from ui.mediator.pin import PinPage
    from ui.mediator.settings import SettingsPage

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    first_steps = readme[readme.index("Plain `./run.sh`") : readme.index("Both work on")]
    settings_source = Path(SettingsPage.__module__.replace(".", "/") + ".py")
    pin_source = Path(PinPage.__module__.replace(".", "/") + ".py")
    root = Path(__file__).resolve().parents[2]
    for said, where in (
        ("« Quitter le kiosque »", settings_source),
        ("« Réglages »", settings_source),
        ("« Ouvrir »", pin_source),
    ):
        assert said in first_steps, said
        assert f'"{said[2:-2]}"' in (root / where).read_text(), f"{said} is on screen"
    assert "a second time" in first_steps and "structure's name" in first_steps
    assert "`./run.sh --windowed 1024x768`" in first_steps
    assert parse_args(["--windowed", "1024x768"]).windowed == (1024, 768)
