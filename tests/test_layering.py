"""The core and the voice layer never pull in Qt (STYLE.md: ui -> voice -> kiosk)."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import kiosk
import voice

ROOT = Path(__file__).resolve().parent.parent


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    name = package.__name__  # type: ignore[attr-defined]
    return [f"{name}.{m.name}" for m in pkgutil.walk_packages(path)]


def test_importing_every_core_and_voice_module_does_not_import_qt() -> None:
    modules = _modules(kiosk) + _modules(voice)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "", f"Qt or ui imported by the core: {result.stdout}"
    assert len(modules) >= 10


def test_core_sources_never_name_qt_or_the_ui() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|ui\b|qtawesome)", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("kiosk", "voice")
        for path in (ROOT / package).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_voice_imports_only_the_core() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+ui\b", re.MULTILINE)
    assert not any(pattern.search(p.read_text(encoding="utf-8")) for p in (ROOT / "voice").rglob("*.py"))
