"""SANE's own ``test`` backend, switched on for one test through SANE_CONFIG_DIR (never the machine's).

``dll.conf`` names the backends SANE loads (only ``test`` here, or none: "no scanner"), and
``test.conf`` chooses the test backend's picture, its glass size, its speed and the errors it reports.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SCANIMAGE = Path("/usr/bin/scanimage")
# The test backend's glass is 200 x 200 mm at most. A grid of 1 cm squares scans small, like a
# typed page; the "Color pattern" scans very large, like a colour photograph.
GRID = 'test-picture "Grid"\nbr_x 200.0\nbr_y 200.0\n'
PATTERN = 'test-picture "Color pattern"\nbr_x 200.0\nbr_y 200.0\n'
SLOW = GRID + "read-delay true\nread-delay-duration 200000\n"  # the slowest it goes: 2.2 s a page

Backend = Callable[..., None]


def use_test_backend(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Backend:
    """Point SANE at ``folder``; the function returned writes ``test.conf`` and the backends to load."""
    if not SCANIMAGE.exists():
        pytest.skip("scanimage is not installed (./test.sh installs sane-utils)")
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("SANE_CONFIG_DIR", str(folder))

    def configure(test_conf: str = GRID, backends: tuple[str, ...] = ("test",)) -> None:
        (folder / "dll.conf").write_text("".join(f"{name}\n" for name in backends))
        (folder / "test.conf").write_text(test_conf)

    configure()
    return configure
