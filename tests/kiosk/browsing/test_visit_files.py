"""The visit's own folder: hostile names stay inside it, private modes, a limit, and nothing left behind."""

from __future__ import annotations

import os
import stat
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.browsing.visit_files import MAX_FILES, TooManyFiles, VisitFiles, safe_name
from tests.conftest import umask_set


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


# Names a site (or an attacker's page) may suggest: any text, with the dangerous parts often in it.
hostile_names = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.sampled_from(["..", "/", "\\", ".", "\0", "\n", "\u202e", "\u200b", "~", "etc", "pdf", "é", "文"])
        | st.text(max_size=12),
        max_size=30,
    ).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(name=hostile_names)
def test_a_reserved_name_stays_in_the_folder_readable_and_private(name: str) -> None:
    with tempfile.TemporaryDirectory() as parent:
        files = VisitFiles(Path(parent))
        first, second = files.reserve(name), files.reserve(name)
        for path in (first, second):
            assert path.parent == files.folder and path.resolve().parent == files.folder.resolve()
            assert path.is_file() and not path.is_symlink() and mode(path) == 0o600
            assert not path.name.startswith(".") and path.name not in ("", ".", "..")
            assert not any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in path.name)
            assert len(path.name.encode("utf-8")) <= 150
        assert first != second, "the same name twice makes two files"


@pytest.mark.parametrize(
    ("offered", "kept"),
    [
        ("attestation-de-paiement.pdf", "attestation-de-paiement.pdf"),
        ("Avis d'impôt 2024.PDF", "Avis d'impôt 2024.pdf"),
        ("../../etc/passwd", "etc passwd"),
        ("..\\..\\Windows\\win.ini", "Windows win.ini"),
        ("/tmp/x.pdf", "tmp x.pdf"),
        (".bashrc", "bashrc"),
        ("..", "document"),
        ("", "document"),
        ("   .  ", "document"),
        ("facture\u202efdp.exe", "facturefdp.exe"),  # a bidi override that makes ".exe" read as ".pdf"
        ("ligne\nsuivante\t.pdf", "ligne suivante.pdf"),
        ("photo.jpeg", "photo.jpeg"),
        ("archive.tar.gz", "archive.tar.gz"),
        ("notes.a-very-long-suffix", "notes.a-very-long-suffix"),  # not a suffix: part of the name
        ("en-cours.crdownload", "en-cours crdownload"),  # never mistaken for a download still running
    ],
)
def test_names_keep_a_readable_base_and_their_suffix(offered: str, kept: str, tmp_path: Path) -> None:
    assert VisitFiles(tmp_path).reserve(offered).name == kept


def test_a_long_name_is_cut_on_a_character_and_keeps_its_suffix() -> None:
    base, suffix = safe_name("é" * 500 + ".pdf")
    assert suffix == ".pdf" and base == "é" * 60


def test_the_same_name_gets_a_number(tmp_path: Path) -> None:
    files = VisitFiles(tmp_path)
    names = [files.reserve("attestation.pdf").name for _ in range(3)]
    assert names == ["attestation.pdf", "attestation (2).pdf", "attestation (3).pdf"]


def test_a_link_left_in_the_folder_is_never_written_through(tmp_path: Path) -> None:
    files = VisitFiles(tmp_path / "visit-files")
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(b"not yours")
    (files.folder / "attestation.pdf").symlink_to(outside)
    reserved = files.reserve("attestation.pdf")
    assert reserved.name == "attestation (2).pdf"
    reserved.write_bytes(b"%PDF-1.4")
    assert outside.read_bytes() == b"not yours"
    assert files.files() == [reserved], "a link is never offered"


def test_past_the_limit_a_clear_error_and_nothing_lost(tmp_path: Path) -> None:
    files = VisitFiles(tmp_path)
    kept = [files.reserve(f"page-{number}.pdf") for number in range(MAX_FILES)]
    with pytest.raises(TooManyFiles, match=str(MAX_FILES)):
        files.reserve("one-more.pdf")
    assert all(path.exists() for path in kept)
    assert not (files.folder / "one-more.pdf").exists()


def test_the_folder_and_its_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    parent = tmp_path / "visit-files"
    with umask_set(0o000):
        files = VisitFiles(parent)
        reserved = files.reserve("attestation.pdf")
        # A writer that makes its own file (a browser renaming its partial download into place).
        made_elsewhere = files.folder / "recu.pdf"
        made_elsewhere.write_bytes(b"%PDF-1.4")
        made_elsewhere.chmod(0o666)
    assert (mode(parent), mode(files.folder), mode(reserved)) == (0o700, 0o700, 0o600)
    assert files.folder.parent == parent and files.folder.name != VisitFiles(parent).folder.name
    files.files()
    assert mode(made_elsewhere) == 0o600, "a file the person can see is made owner-only"


def test_files_are_the_finished_ones_oldest_first(tmp_path: Path) -> None:
    files = VisitFiles(tmp_path)
    assert files.files() == [], "no folder yet, no files"
    older, newer = files.reserve("b-older.pdf"), files.reserve("a-newer.png")
    older.write_bytes(b"%PDF-1.4")
    os.utime(older, ns=(1_000_000_000, 1_000_000_000))
    newer.write_bytes(b"\x89PNG")
    files.reserve("not-written-yet.pdf")
    (files.folder / ".attestation.pdf.1a2b.tmp").write_bytes(b"half")
    (files.folder / "download.pdf.crdownload").write_bytes(b"half")
    (files.folder / "a-folder").mkdir()
    assert files.files() == [older, newer]


def test_wipe_removes_everything_and_may_be_called_again(tmp_path: Path) -> None:
    files = VisitFiles(tmp_path)
    first_folder = files.folder
    files.reserve("attestation.pdf").write_bytes(b"%PDF-1.4")
    stuck = first_folder / "read-only"
    stuck.mkdir()
    (stuck / "page.png").write_bytes(b"\x89PNG")
    stuck.chmod(0o500)  # a writer left a folder it may not delete from
    files.wipe()
    assert not first_folder.exists() and list(tmp_path.iterdir()) == []
    files.wipe()
    assert files.files() == []
    again = files.reserve("attestation.pdf")
    assert again.name == "attestation.pdf" and again.parent != first_folder, "the next visit, a new folder"


def test_wipe_survives_files_already_gone(tmp_path: Path) -> None:
    files = VisitFiles(tmp_path)
    files.reserve("attestation.pdf").unlink()
    files.wipe()
    files.reserve("recu.pdf")
    for child in files.folder.iterdir():
        child.unlink()
    files.folder.rmdir()
    files.wipe()
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_a_killed_visit_are_removed_but_nothing_a_link_points_to(tmp_path: Path) -> None:
    parent = tmp_path / "visit-files"
    killed = VisitFiles(parent)
    killed.reserve("avis-impot.pdf").write_bytes(b"%PDF-1.4")
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    (killed.folder / "link-to-outside").symlink_to(outside)
    (parent / "stray-file").write_bytes(b"x")
    (parent / "stray-link").symlink_to(outside)
    VisitFiles.wipe_leftovers(parent)
    assert list(parent.iterdir()) == []
    assert (outside / "keep.txt").read_text() == "keep"
    VisitFiles.wipe_leftovers(parent)
    VisitFiles.wipe_leftovers(tmp_path / "never-made")
