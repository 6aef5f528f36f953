"""The review tool renders every screen, offscreen and on a real X server (Xvfb, xcb platform)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _run_screenshots(out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "ui.screenshots",
        "--out",
        str(out),
        "--lang",
        "fr",
        "--size",
        "1024x768",
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def _assert_real_pictures(out: Path) -> None:
    pictures = sorted(out.glob("fr-1024x768-*.png"))
    assert [p.name.split("-", 3)[3] for p in pictures][:3] == ["welcome.png", "language.png", "home.png"]
    assert len(pictures) >= 11
    for picture in pictures:
        image = QImage(str(picture))
        assert (image.width(), image.height()) == (1024, 768)
        colours = {image.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 768, 16)}
        assert len(colours) > 3, f"{picture.name} looks blank"


def test_screenshots_offscreen(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = _run_screenshots(tmp_path, env)
    assert result.returncode == 0, result.stderr
    _assert_real_pictures(tmp_path)


@pytest.mark.xvfb
def test_screenshots_on_a_real_x_server(tmp_path: Path, xvfb_display: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb_display}
    result = _run_screenshots(tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr.lower()
    _assert_real_pictures(tmp_path)
