"""The USB sticks plugged in and mounted, found without anyone typing a path.

Read from the kernel's list of mounts: a mount under ``/media``, ``/run/media`` or
``/mnt`` (where udisks, systemd-mount and people put them) is a removable medium.
"""

from __future__ import annotations

from pathlib import Path

MOUNTS_FILE = Path("/proc/self/mounts")
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/")


def _unescaped(field: str) -> str:
    r"""The kernel writes a space in a mount point as ``\040`` (and a tab, a newline, a backslash alike)."""
    for escaped, plain in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escaped, plain)
    return field


def mounted_media(mounts_file: Path = MOUNTS_FILE) -> list[Path]:
    """The mount points of removable media, in the order they were mounted."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    media = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 2 and _unescaped(fields[1]).startswith(REMOVABLE_ROOTS):  # noqa: PLR2004
            media.append(Path(_unescaped(fields[1])))
    return media
