"""A content pack as one archive: built the same way every time, unpacked without trusting a byte of it.

The archive is what a publisher signs (``kiosk pack build``) and what a kiosk receives.
Its signature says who made it, not that it is harmless: unpacking refuses links,
devices, paths that leave the folder, and more files or bytes than a pack can need,
before anything is written, so a bad archive leaves nothing behind.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import shutil
import tarfile
import zlib
from pathlib import Path, PurePosixPath

from kiosk.content.pack_files import MAX_FILE_BYTES
from kiosk.errors import ContentError, DiskFull, EnvironmentFault

ARCHIVE_SUFFIX = ".tar.gz"
# A pack's YAML is bounded at 4 MB by the loader; its drawings, translations and recordings
# come on top. 64 MB and 5,000 files hold ten times the bundled pack with every language.
MAX_ARCHIVE_BYTES = 64 << 20
MAX_UNPACKED_BYTES = 128 << 20
MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = max(MAX_FILE_BYTES, 8 << 20)  # a recording or a compiled catalog may pass 1 MB
_SKIPPED_NAMES = ("__pycache__", ".git")


def _files_of(pack_dir: Path) -> list[Path]:
    """The pack's regular files, sorted, hidden ones and caches aside; a link is refused, not followed."""
    files: list[Path] = []
    for folder, subfolders, names in os.walk(pack_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in _SKIPPED_NAMES)
        for name in sorted(names):
            path = Path(folder) / name
            if name.startswith("."):
                continue
            if path.is_symlink() or not path.is_file():
                raise ContentError(str(path), "not a regular file: an archive holds only files")
            files.append(path)
    return files


def build_archive(pack_dir: Path, archive: Path) -> Path:
    """Write ``pack_dir`` into ``archive``: same files, same bytes, whoever builds it and whenever.

    Names are sorted, times, owners and modes are fixed, so that a pack built twice from
    the same folder has the same hash (a publisher can rebuild and compare).
    """
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in _files_of(pack_dir):
            data = path.read_bytes()
            info = tarfile.TarInfo(path.relative_to(pack_dir).as_posix())
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    compressed = gzip.compress(buffer.getvalue(), compresslevel=9, mtime=0)
    try:
        archive.parent.mkdir(parents=True, exist_ok=True)
        archive.write_bytes(compressed)
    except OSError as error:
        archive.unlink(missing_ok=True)
        raise EnvironmentFault(f"{archive} cannot be written: {error.strerror}") from None
    return archive


def _safe_name(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or name.startswith("/"):
        raise ContentError(name, "a path that leaves the pack: the archive is refused")
    if any(part.startswith(".") for part in path.parts):
        raise ContentError(name, "a hidden file: the archive is refused")
    return path


def unpack_archive(archive: Path, into: Path) -> None:
    """Unpack ``archive`` into the new folder ``into``; on any refusal or error ``into`` does not exist.

    Raises ContentError for an archive that is not a pack's (whose fault: the publisher's), DiskFull
    or EnvironmentFault when the machine cannot hold it.
    """
    if archive.stat().st_size > MAX_ARCHIVE_BYTES:
        raise ContentError(str(archive), f"larger than {MAX_ARCHIVE_BYTES >> 20} MB: not a content pack")
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            members: list[tuple[tarfile.TarInfo, PurePosixPath]] = []
            total = 0
            for member in tar:  # the whole list is checked before a byte is written
                if len(members) >= MAX_MEMBERS:
                    raise ContentError(str(archive), f"more than {MAX_MEMBERS} files: not a content pack")
                path = _safe_name(member.name)
                if member.isdir():
                    continue
                if not member.isreg():
                    raise ContentError(member.name, "not a regular file (a link or a device): refused")
                if member.size > MAX_MEMBER_BYTES:
                    raise ContentError(member.name, f"larger than {MAX_MEMBER_BYTES >> 20} MB: refused")
                total += member.size
                if total > MAX_UNPACKED_BYTES:
                    raise ContentError(str(archive), f"unpacks to more than {MAX_UNPACKED_BYTES >> 20} MB")
                members.append((member, path))
            into.mkdir(parents=True, mode=0o755)
            try:
                for member, path in members:
                    target = into.joinpath(*path.parts)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    source = tar.extractfile(member)
                    if source is None:
                        raise ContentError(member.name, "cannot be read from the archive")
                    target.write_bytes(source.read(MAX_MEMBER_BYTES + 1))
            except BaseException:
                remove_tree(into)
                raise
    except (tarfile.TarError, EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise ContentError(str(archive), f"not a readable archive ({error})") from None
    except OSError as error:
        fault = DiskFull if error.errno == errno.ENOSPC else EnvironmentFault
        raise fault(f"{into} cannot be written: {error.strerror}") from None


def remove_tree(folder: Path) -> None:
    """Remove a folder the kiosk made, never following a link out of it."""
    if folder.is_symlink():
        folder.unlink()
    elif folder.exists():
        shutil.rmtree(folder, ignore_errors=True)
