"""``kiosk pack``, as a publisher and a volunteer use it: build, init, publish, verify, update, status,
rollback, rotate-key; each refusal a clear line and exit code 1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.updates.cli import main
from tests.kiosk.updates.conftest import make_pack

NEW = "Une aide versée chaque mois aux personnes qui travaillent et gagnent peu."


def test_a_publisher_corrects_a_sentence_and_a_kiosk_gets_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    pack = make_pack(tmp_path / "pack", "2026.12.1", NEW)
    repo, keys = ["--repo", str(tmp_path / "repo")], ["--keys", str(tmp_path / "keys")]
    assert main(["build", str(pack), "-o", str(tmp_path / "out")]) == 0
    archive = tmp_path / "out" / "guides-test-2026.12.1.tar.gz"
    assert archive.is_file()
    assert main(["init", *repo, *keys]) == 0
    assert (tmp_path / "keys" / "root" / "root.pem").stat().st_mode & 0o077 == 0
    assert main(["publish", str(archive), *repo, *keys]) == 0
    assert main(["publish", str(archive), *repo, *keys]) == 1  # the same version twice
    assert "already offers version 2026.12.1" in capsys.readouterr().err

    etc = tmp_path / "etc"
    (etc / "trusted-roots").mkdir(parents=True)
    shutil.copy(tmp_path / "repo" / "metadata" / "root.json", etc / "trusted-roots" / "publisher.json")
    (etc / "kiosk.conf").write_text("")
    stick = tmp_path / "stick" / "kiosk-guides"
    shutil.copytree(tmp_path / "repo", stick / "publisher")
    kiosk = ["--data-dir", str(tmp_path / "data"), "--config-file", str(etc / "kiosk.conf")]
    assert main(["verify", *kiosk, "--from", str(stick)]) == 0
    assert "would be installed" in capsys.readouterr().out
    assert not (
        tmp_path / "data" / "content-updates" / "publisher" / "packs"
    ).exists()  # verify installs nothing
    assert main(["update", *kiosk, "--from", str(stick)]) == 0
    assert main(["status", *kiosk]) == 0
    out = capsys.readouterr().out
    assert "version in use: 2026.12.1 of 2026-12-05" in out
    assert "Guide modifié : Demander la prime d'activité à la CAF (fr" in out
    assert main(["rotate-key", "targets", *repo, *keys]) == 0
    assert main(["rollback", *kiosk]) == 0
    assert "now the bundled guides" in capsys.readouterr().out


def test_a_pack_with_errors_is_not_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pack = make_pack(tmp_path / "pack", "december", NEW, broken=True)
    assert main(["build", str(pack), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "dotted numbers" in err
    assert "not built" in err
    assert not (tmp_path / "out").exists()


def test_no_trusted_source_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "kiosk.conf").write_text("")
    kiosk = ["--data-dir", str(tmp_path / "data"), "--config-file", str(tmp_path / "kiosk.conf")]
    assert main(["update", *kiosk]) == 1
    assert "no trusted source" in capsys.readouterr().err
