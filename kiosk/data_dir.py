"""The kiosk's data folder: created private on first start, with the log file and private files inside.

The log records what the kiosk did (screens, errors), never what a person typed
or anything that identifies them. Its warnings and errors also go to standard
error, which the kiosk's systemd session sends to the journal.
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import secrets
import sys
from io import TextIOWrapper
from pathlib import Path
from typing import TextIO

from kiosk.errors import DiskFull, EnvironmentFault

LOG_NAME = "kiosk.log"
_NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT})


def prepare_data_dir(path: Path) -> Path:
    """Create the folder if needed, make it owner-only, and check that it can be written."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)  # also a folder left open by something else (an older install, a copy)
        probe = path / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise EnvironmentFault(f"the data folder {path} cannot be written: {error.strerror}") from None
    return path


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are owner-only from the moment they exist, whatever the umask.

    The handler opens a new file at the start and after each rotation; a rotation
    renames the old ones, which keeps their mode, so every ``kiosk.log.N`` is 0600 too.
    """

    def _open(self) -> TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.fchmod(descriptor, 0o600)  # also a file an older version left open
        except OSError:
            os.close(descriptor)
            raise
        return os.fdopen(descriptor, "a", encoding=self.encoding, errors=self.errors)


class StandardErrorHandler(logging.StreamHandler[TextIO]):
    """Warnings and errors to standard error as it is when they happen (the journal under systemd)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setLevel(logging.WARNING)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr  # replaced since (a test's capture, a redirection): never a closed one
        super().emit(record)


def configure_logging(data_dir: Path) -> None:
    """Log to a small rotating file in the data folder, and warnings to stderr."""
    log_dir = data_dir / "logs"
    log_dir.mkdir(mode=0o700, exist_ok=True)
    log_dir.chmod(0o700)  # also a folder left open by an older version
    for rotated in log_dir.glob(f"{LOG_NAME}.*"):
        rotated.chmod(0o600)  # rotated by an older version, which opened its files with the umask
    handler = PrivateRotatingFileHandler(
        log_dir / LOG_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    for earlier in [each for each in root.handlers if isinstance(each, StandardErrorHandler)]:
        root.removeHandler(earlier)  # configured again (tests, a second window): one copy of each line
    root.addHandler(StandardErrorHandler())


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by its owner only, atomically: it is private before it holds anything,
    and a disk that fills up on the way leaves the old file (or none), never a part of the new one."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.fchmod(descriptor, 0o600)
            written = memoryview(data)
            while written:
                written = written[os.write(descriptor, written) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        temporary.replace(path)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        fault = DiskFull if error.errno in _NO_SPACE else EnvironmentFault
        raise fault(f"{path} cannot be written: {error.strerror}") from None
