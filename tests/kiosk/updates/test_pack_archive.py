"""Pack archives: the same bytes for the same folder; nothing written from an archive that is not a pack's."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from kiosk.errors import ContentError
from kiosk.updates.pack_archive import MAX_MEMBERS, build_archive, unpack_archive
from tests.kiosk.updates.conftest import make_pack


def test_building_twice_gives_the_same_bytes_and_unpacks_to_the_same_files(tmp_path: Path):
    pack = make_pack(tmp_path / "pack", "2026.12.1", "Un résumé.")
    first = build_archive(pack, tmp_path / "a.tar.gz").read_bytes()
    second = build_archive(pack, tmp_path / "b.tar.gz").read_bytes()
    assert first == second
    unpack_archive(tmp_path / "a.tar.gz", tmp_path / "out")
    assert sorted(
        p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*") if p.is_file()
    ) == sorted(p.relative_to(pack) for p in pack.rglob("*") if p.is_file())


def _archive(tmp_path: Path, *members: tarfile.TarInfo, data: bytes = b"x") -> Path:
    path = tmp_path / "bad.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for member in members:
            tar.addfile(member, io.BytesIO(data) if member.isreg() else None)
    return path


def _file(name: str, size: int = 1) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    return info


def _link(name: str, target: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.SYMTYPE
    info.linkname = target
    return info


@pytest.mark.parametrize(
    ("members", "words"),
    [
        ((_file("pack.yaml"), _file("../escape.yaml")), "leaves the pack"),
        ((_file("/etc/cron.d/evil"),), "leaves the pack"),
        ((_file("pack.yaml"), _link("procedures/a.yaml", "/etc/shadow")), "not a regular file"),
        ((_file(".hidden"),), "hidden"),
    ],
)
def test_an_archive_that_is_not_a_packs_writes_nothing(tmp_path: Path, members, words):
    with pytest.raises(ContentError, match=words):
        unpack_archive(_archive(tmp_path, *members), tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "escape.yaml").exists()


def test_too_many_files_or_garbage_are_refused(tmp_path: Path):
    many = [_file(f"f{i}") for i in range(MAX_MEMBERS + 1)]
    with pytest.raises(ContentError, match="more than"):
        unpack_archive(_archive(tmp_path, *many), tmp_path / "out")
    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(b"\x1f\x8b" + b"not gzip at all" * 50)
    with pytest.raises(ContentError, match="not a readable archive"):
        unpack_archive(garbage, tmp_path / "out")
    assert not (tmp_path / "out").exists()
