"""The settings a structure chooses at install: kiosk.conf and packs.d, read at start, never a crash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.config import (
    SETTINGS_FILE,
    SETTINGS_FILE_VARIABLE,
    InstallSettings,
    read_install_settings,
    settings_file,
)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "packaging" / "kiosk.conf"  # what install.sh writes when there is no file yet


def test_no_file_and_no_drop_in_folder_are_the_embedded_defaults(tmp_path: Path) -> None:
    assert read_install_settings(tmp_path / "kiosk.conf") == (InstallSettings(), [])


def test_the_file_and_the_drop_in_folder_are_read(tmp_path: Path) -> None:
    conf = tmp_path / "kiosk.conf"
    conf.write_text(
        "# chosen by the structure\n"
        "packs = /srv/packs/mairie\n"
        "        /srv/packs/caf-locale   # one folder a line\n"
        "idle_timeout = 90\n"
        "hide_pointer = yes\n"
        "silent = no\n"
        "room_broker = wss://salle.example.org\n"
        "content_repository = https://contenu.example.org\n",
        encoding="utf-8",
    )
    drop_in = tmp_path / "packs.d"
    drop_in.mkdir()
    (drop_in / "b-structure").mkdir()
    (drop_in / "a-update").symlink_to(tmp_path / "elsewhere")  # a link: the loader says if it is missing
    (drop_in / ".hidden").mkdir()
    settings, problems = read_install_settings(conf)
    assert settings == InstallSettings(
        packs=(
            Path("/srv/packs/mairie"),
            Path("/srv/packs/caf-locale"),
            drop_in / "a-update",
            drop_in / "b-structure",
        ),
        idle_timeout_s=90,
        hide_pointer=True,
        silent=False,
        room_broker="wss://salle.example.org",
        content_repository="https://contenu.example.org",
    )
    assert problems == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("idle_timout = 90\n", "unknown key 'idle_timout' (the keys: packs, idle_timeout, hide_pointer, "),
        ("# a comment\nidle_timeout = deux minutes\n", "idle_timeout = 'deux minutes' is not a number"),
        ("idle_timeout = 3\n", "idle_timeout = 3: at least 10 seconds"),
        ("hide_pointer = peut-être\n", "hide_pointer = 'peut-être' is neither yes nor no"),
        ("packs = packs/mairie\n", "packs: 'packs/mairie' is not a full path"),
        ("silent = yes\n\njust a line\n", "line 3: 'just a line' is not 'key = value'"),
        ("silent = yes\nsilent = no\n", "line 2: 'silent' is given twice"),
        ("[kiosk]\nsilent = yes\n", "line 1: '[kiosk]': no sections here, only 'key = value' lines"),
    ],
)
def test_a_malformed_file_is_a_clear_problem_and_the_embedded_defaults(
    tmp_path: Path, text: str, problem: str
) -> None:
    conf = tmp_path / "kiosk.conf"
    conf.write_text(text + "packs = /srv/packs/mairie\n" * ("packs" not in text), encoding="utf-8")
    settings, problems = read_install_settings(conf)
    assert settings == InstallSettings()  # nothing half applied, not even the good lines
    (said,) = problems
    assert said.startswith(f"{conf}: ") and problem in said
    assert said.endswith("; the kiosk uses its embedded settings instead")


def test_an_unreadable_file_is_a_problem_and_the_drop_in_packs_still_load(tmp_path: Path) -> None:
    conf = tmp_path / "kiosk.conf"
    conf.write_bytes(b"silent = \xff\n")
    (tmp_path / "packs.d").mkdir()
    (tmp_path / "packs.d" / "mairie").mkdir()
    (tmp_path / "packs.d" / "README").write_text("a file, not a pack\n")
    settings, problems = read_install_settings(conf)
    assert settings == InstallSettings(packs=(tmp_path / "packs.d" / "mairie",))
    assert problems[0].startswith(f"{conf}: cannot be read: ")
    assert problems[1] == f"{tmp_path / 'packs.d' / 'README'}: not a folder, ignored " + (
        "(a content pack in packs.d is a folder or a link to one)"
    )


def test_the_file_is_in_etc_unless_the_variable_names_another(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SETTINGS_FILE_VARIABLE, raising=False)
    assert settings_file() == SETTINGS_FILE == Path("/etc/france-services-kiosk/kiosk.conf")
    monkeypatch.setenv(SETTINGS_FILE_VARIABLE, "/srv/kiosk.conf")
    assert settings_file() == Path("/srv/kiosk.conf")


def test_the_installed_template_documents_every_key_and_reads_without_problem(tmp_path: Path) -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    keys = ("packs", "idle_timeout", "hide_pointer", "silent", "room_broker", "content_repository")
    for key in (*keys, "stale_after_months"):
        assert re.search(rf"^(# )?{key} =", text, re.MULTILINE), key
    conf = tmp_path / "kiosk.conf"
    conf.write_text(text, encoding="utf-8")
    # The installed kiosk hides the pointer (touch screens), as its session always did.
    assert read_install_settings(conf) == (InstallSettings(hide_pointer=True), [])
