"""The visit's own folder: what the site downloads and the pages the person scans, deleted at the end.

Each visit gets a folder of its own under the station's ``visit-files`` folder, with a
random name, owner-only (0700), made when the first file needs it. A file gets its
name through :meth:`VisitFiles.reserve`, which keeps a readable name a site offered
("attestation-caf.pdf") but never lets it leave the folder, hide itself or carry
control characters; the reserved file exists at once, empty and owner-only (0600),
so two reservations never get the same name and a writer that fills it in place
writes into a private file from its first byte.

A visit killed mid-way (power cut, crash) leaves its folder behind;
:meth:`VisitFiles.wipe_leftovers` removes it at the next start, before anyone sits down.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from kiosk.errors import EnvironmentFault, KioskError

log = logging.getLogger(__name__)
ExcInfo = tuple[type[BaseException], BaseException, TracebackType]

FOLDER_MODE = 0o700
FILE_MODE = 0o600
# A new file only, never an existing one nor a link someone left there.
CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
MAX_FILES = 40  # downloads and scans of one visit; far above a real procedure's few documents
MAX_BASE_BYTES = 120  # a readable name, well below the 255 bytes a file system allows with the suffix
MAX_SUFFIX_CHARS = 8  # ".pdf", ".jpeg", ".docx": longer "extensions" are part of the name
FALLBACK_BASE = "document"
# What a writer leaves while it works: hidden temporary files (write_private's ".name.xxxx.tmp")
# and a browser's partial download. Never offered to the person.
PARTIAL_SUFFIXES = (".crdownload", ".part", ".partial", ".tmp")
# Characters a file name never keeps: path separators become spaces; control, format (bidi overrides
# that make "fdp.exe" read as "exe.pdf"), surrogate, private-use, unassigned and line/paragraph separators go.
SEPARATORS = ("/", "\\", "\0")
DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


class TooManyFiles(KioskError):
    """The visit already holds MAX_FILES files: nothing more is kept until the visit ends."""

    def __init__(self) -> None:
        super().__init__(f"the visit already holds {MAX_FILES} files")


def _cut_to_bytes(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` bytes of UTF-8, never cutting a character in two."""
    encoded = text.encode("utf-8")[:limit]
    return encoded.decode("utf-8", errors="ignore")


def _clean(text: str) -> str:
    """Separators and invisible characters out, spaces collapsed, no dot or space at either end."""
    for separator in SEPARATORS:
        text = text.replace(separator, " ")
    kept = "".join(
        " " if char.isspace() else char
        for char in unicodedata.normalize("NFC", text)
        if unicodedata.category(char) not in DROPPED_CATEGORIES or char.isspace()
    )
    # Dots at the start would hide the file (and ".." is a way out); at the end they are noise.
    return " ".join(kept.split()).strip(". ")


def safe_name(name: str) -> tuple[str, str]:
    """The readable base and the suffix (".pdf", lower-case, maybe empty) a file ``name`` is kept under."""
    cleaned = _clean(name)
    if cleaned.lower().endswith(PARTIAL_SUFFIXES):  # "x.part" would read as a download still running
        head, _dot, tail = cleaned.rpartition(".")
        cleaned = f"{head} {tail}"
    base, dot, suffix = cleaned.rpartition(".")
    if not dot or not suffix.isalnum() or not suffix.isascii() or len(suffix) > MAX_SUFFIX_CHARS:
        base, suffix = cleaned, ""
    base = _clean(_cut_to_bytes(base, MAX_BASE_BYTES)) or FALLBACK_BASE
    return base, f".{suffix.lower()}" if suffix else ""


def _is_offered(entry: os.DirEntry[str]) -> bool:
    if entry.name.startswith(".") or entry.name.lower().endswith(PARTIAL_SUFFIXES):
        return False
    # A symbolic link is never followed: it could point at anything on the machine.
    return entry.is_file(follow_symlinks=False)


def _ignore_gone(_function: Callable[..., object], _path: str, error: ExcInfo) -> None:
    """rmtree's error handler: a file another hand already deleted is fine; anything else is raised."""
    if not isinstance(error[1], FileNotFoundError):
        raise error[1]


def _remove_tree(path: Path) -> None:
    """Delete ``path`` and all in it, even folders left read-only; a file already gone is fine."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink(missing_ok=True)
        return
    if not path.exists():
        return
    # rmtree cannot empty a folder it may not write or list (made read-only by a writer, or by hand):
    # open every folder first, from the top down, before rmtree walks into it.
    with contextlib.suppress(FileNotFoundError):
        path.chmod(FOLDER_MODE)
    for root, folders, _files in os.walk(path):
        for name in folders:
            folder = Path(root) / name
            if not folder.is_symlink():  # a link is removed, never followed
                with contextlib.suppress(FileNotFoundError):
                    folder.chmod(FOLDER_MODE)
    shutil.rmtree(path, onerror=_ignore_gone)


class VisitFiles:
    """The visit's own folder: the site's downloads and the scanned pages; deleted when the visit ends."""

    def __init__(self, parent: Path) -> None:
        self._parent = parent
        self._folder = parent / secrets.token_hex(8)

    @property
    def folder(self) -> Path:
        """The visit's folder, made (owner-only) the first time it is asked for."""
        try:
            self._parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            self._parent.chmod(FOLDER_MODE)  # also a folder made by something else, with another umask
            self._folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
            self._folder.chmod(FOLDER_MODE)
        except OSError as error:
            raise EnvironmentFault(f"the visit's folder cannot be made: {error.strerror}") from None
        return self._folder

    def reserve(self, name: str) -> Path:
        """A free path in the folder for a file named like ``name``: sanitised, unique, never outside.

        The file is made at once, empty and owner-only, so the name is taken; write over it.
        Raises ``TooManyFiles`` past MAX_FILES, ``EnvironmentFault`` when the folder cannot be written.
        """
        folder = self.folder
        if sum(1 for _ in folder.iterdir()) >= MAX_FILES:
            raise TooManyFiles
        base, suffix = safe_name(name)
        for number in range(1, MAX_FILES + 2):
            candidate = folder / (f"{base}{suffix}" if number == 1 else f"{base} ({number}){suffix}")
            if candidate.parent != folder:  # cannot happen with a cleaned name; checked, not assumed
                raise ValueError("a reserved file must stay in the visit's folder")
            try:
                descriptor = os.open(candidate, CREATE_FLAGS, FILE_MODE)
            except FileExistsError:
                continue
            except OSError as error:
                raise EnvironmentFault(f"a file of the visit cannot be made: {error.strerror}") from None
            try:
                os.fchmod(descriptor, FILE_MODE)  # whatever the umask
            finally:
                os.close(descriptor)
            return candidate
        raise TooManyFiles  # every numbered name taken: the folder is full of this name

    def files(self) -> list[Path]:
        """The visit's files the person can see and send, oldest first (not the empty reserved ones,
        nor what a writer is still writing); each is made owner-only if a writer made it otherwise."""
        if not self._folder.is_dir():
            return []
        found: list[tuple[int, str, Path]] = []
        with os.scandir(self._folder) as entries:
            for entry in entries:
                if not _is_offered(entry):
                    continue
                info = entry.stat(follow_symlinks=False)
                if info.st_size == 0:
                    continue
                path = Path(entry.path)
                if stat.S_IMODE(info.st_mode) != FILE_MODE:
                    with contextlib.suppress(FileNotFoundError):
                        path.chmod(FILE_MODE)
                found.append((info.st_mtime_ns, entry.name, path))
        return [path for _mtime, _name, path in sorted(found)]

    def wipe(self) -> None:
        """Delete the folder and all in it; the next file goes into a new folder with a new name.

        Idempotent. Raises ``EnvironmentFault`` if something of the visit is still there after trying
        (never naming the files: their names may say whose they are).
        """
        folder = self._folder
        self._folder = self._parent / secrets.token_hex(8)
        try:
            _remove_tree(folder)
        except OSError as error:
            raise EnvironmentFault(f"the visit's files could not all be deleted: {error.strerror}") from None
        if folder.exists() or folder.is_symlink():
            raise EnvironmentFault("the visit's files could not all be deleted")

    @staticmethod
    def wipe_leftovers(parent: Path) -> None:
        """Remove what earlier visits left under ``parent`` (a visit killed mid-way): call it at start,
        before the first visit's files exist, so nothing of one person is there for the next."""
        if not parent.is_dir():
            return
        removed = 0
        problems: list[str] = []
        for child in list(parent.iterdir()):
            try:
                _remove_tree(child)
                removed += 1
            except OSError as error:
                problems.append(error.strerror or "unknown error")
        if removed:
            log.info("the files of %d earlier visit(s) were deleted at start", removed)
        if problems:
            raise EnvironmentFault(f"files of an earlier visit could not be deleted: {problems[0]}")
