"""The kiosk's typed errors, split by whose fault they are.

Content errors belong to whoever wrote a procedure file; environment errors to
the machine (a folder that cannot be written, a disk that is full). Anything
else that escapes is a bug in the kiosk itself.
"""

from __future__ import annotations


class KioskError(Exception):
    """Base of every error the kiosk raises on purpose."""


class ContentError(KioskError):
    """A procedure file or content pack is wrong; says which file and field."""

    def __init__(self, source: str, problem: str, field: str | None = None, line: int = 0) -> None:
        self.source = source
        self.field = field
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line else source
        if field:
            where = f"{where}: {field}"
        super().__init__(f"{where}: {problem}")


class EnvironmentFault(KioskError):
    """The machine is not as the kiosk needs it (permissions, full disk, missing files)."""


class DiskFull(EnvironmentFault):
    """There is no space left where the kiosk writes: nothing was written, nothing half-written kept."""
