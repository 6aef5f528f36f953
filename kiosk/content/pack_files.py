"""Reach a content pack's files safely: only regular files inside the pack, of bounded size, never waiting.

A pack may come from a USB stick someone else prepared. Its files may be links to
``/dev/zero`` or to a file elsewhere on the machine, named pipes that never send
anything, or files of gigabytes. Each is refused here with a ``ContentError``
naming the file as it appears in the pack, before a byte of it is read. A pack
may also hold too much in all (many big files, a million small ones): the rest of
it is then not read (``PackTooBig``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from kiosk.errors import ContentError

# The largest bundled file (glossary.yaml) is 17.5 KB; 1 MB leaves room for sixty
# times that, and bounds what any one file may cost to parse.
MAX_FILE_BYTES = 1 << 20
# The whole bundled pack's YAML is about 150 KB. A megabyte of YAML can cost a second
# and 100 MB to parse, so a pack stops being read after 4 MB or 1,000 files a folder.
MAX_PACK_BYTES = 4 << 20
MAX_FOLDER_FILES = 1000
ILLUSTRATIONS_DIR = "illustrations"
# O_NONBLOCK: opening a named pipe must not wait for a writer. O_NOFOLLOW: the path
# opened is already resolved, so a link put there since is refused, not followed.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC


class _Refused(Exception):
    """Why a file of the pack is not read (or a drawing not shown)."""


class PackTooBig(Exception):
    """What is left of the pack is not read; ``problem`` says where it stopped and why."""

    def __init__(self, problem: ContentError) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except RuntimeError as error:  # a loop of links: Python 3.11 raises this, not OSError
        raise OSError(str(error)) from None


def _check_regular(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise _Refused(f"{_what(info.st_mode)}, not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise _Refused(f"{info.st_size} bytes, above the limit of {MAX_FILE_BYTES} bytes")


class PackFolder:
    """A content pack's folder and the files inside it, for one load.

    The real path of each folder, and whether it is inside the pack, is looked up
    once: a load opens some forty files, and resolving each one's path cost more
    than reading it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.bytes_read = 0
        self._root: Path | None = None
        self._folders: dict[Path, tuple[Path, bool]] = {}  # folder: its real path, inside the pack

    def _inside(self, real: Path) -> bool:
        if self._root is None:
            self._root = _resolved(self.path)
        return real.is_relative_to(self._root)

    def _locate(self, path: Path) -> tuple[Path, os.stat_result]:
        """Where ``path`` really is and what it is, if that is inside the pack. Never opens it."""
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            real = _resolved(path)
            inside = self._inside(real)
            info = real.stat()
        else:  # not a link itself: where its folder really is says where it is
            folder = self._folders.get(path.parent)
            if folder is None:
                real_folder = _resolved(path.parent)
                folder = self._folders[path.parent] = (real_folder, self._inside(real_folder))
            real, inside = folder[0] / path.name, folder[1]
        if not inside:
            raise _Refused(f"it leads outside the pack (to {real})")
        return real, info

    def read_text(self, path: Path) -> str:
        """The UTF-8 text of the pack's file ``path``.

        Raises ContentError naming ``path`` (outside the pack, not a regular file,
        too big), OSError or UnicodeDecodeError.
        """
        try:
            real, info = self._locate(path)
            _check_regular(info)  # before opening: opening a device can have effects
            if self.bytes_read + info.st_size > MAX_PACK_BYTES:
                raise PackTooBig(
                    ContentError(
                        str(self.path),
                        f"the pack holds more than {MAX_PACK_BYTES} bytes: "
                        f"{path} and what comes after it were not read",
                    )
                )
            descriptor = os.open(real, _OPEN_FLAGS)
            try:
                info = os.fstat(descriptor)
                _check_regular(info)  # the file opened is the one checked
                data = os.read(descriptor, info.st_size + 1)
                # Then to the end, in small reads: os.read sets aside all it is asked for.
                while len(data) <= MAX_FILE_BYTES and (
                    more := os.read(descriptor, min(1 << 16, MAX_FILE_BYTES + 1 - len(data)))
                ):
                    data += more  # it grew since fstat
                if len(data) > MAX_FILE_BYTES:
                    raise _Refused(f"above the limit of {MAX_FILE_BYTES} bytes")
            finally:
                os.close(descriptor)
        except _Refused as refused:
            raise ContentError(str(path), f"not read: {refused}") from None
        self.bytes_read += len(data)
        return data.decode("utf-8")

    def yaml_files(self, folder_name: str) -> list[Path]:
        """The .yaml files of one of the pack's folders, sorted; none if there is no such folder.

        Raises PackTooBig beyond MAX_FOLDER_FILES (listing is stopped there), or
        ContentError if the folder cannot be read.
        """
        folder = self.path / folder_name
        names: list[str] = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".yaml"):
                        names.append(entry.name)
                    if len(names) > MAX_FOLDER_FILES:
                        raise PackTooBig(
                            ContentError(
                                str(folder),
                                f"more than {MAX_FOLDER_FILES} .yaml files: this folder and what "
                                "comes after it were not read",
                            )
                        )
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as error:
            raise ContentError(str(folder), f"cannot be read ({error})") from None
        return [folder / name for name in sorted(names)]

    def drawing(self, name: str) -> tuple[Path | None, str]:
        """The real path of the drawing ``name`` of a step, or None and why it is refused.

        A drawing is an .svg file under the pack's ``illustrations/`` folder, named
        without ``..`` or an absolute path, that stays inside the pack. It is only
        checked here, never read: the screen loads it when the step is shown.
        """
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            return None, f"{name!r} must be a file name inside {ILLUSTRATIONS_DIR}/ (no absolute path, no ..)"
        missing = f"{name!r} is not an .svg file in {ILLUSTRATIONS_DIR}/"
        if not name.endswith(".svg"):
            return None, missing
        try:
            real, info = self._locate(self.path / ILLUSTRATIONS_DIR / relative)
            _check_regular(info)
        except _Refused as refused:
            return None, f"{name!r} is not shown: {refused}"
        except OSError:
            return None, missing
        return real, ""
