"""The layers hold: the core and the voice never pull in Qt, and a wrong import arrow fails the build."""

from __future__ import annotations

import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), "--no-cache", "--config", str(root / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "broken"),
    [
        ("kiosk/content/themes.py", "import ui.theme", "ui -> voice -> kiosk"),
        ("kiosk/content/themes.py", "import kiosk.visit.places", "Inside the core"),
        ("kiosk/visit/places.py", "import kiosk.store.database", "Inside the core"),
        ("kiosk/secret.py", "import kiosk.content.themes", "The ground of the core"),
        ("voice/speaker.py", "import PySide6.QtCore", "Only the screens load Qt"),
        ("kiosk/rights/questions.py", "import kiosk.visit.places", "Inside the core"),
        ("kiosk/rights/aids.py", "import kiosk.practice.run", "Inside the core"),
        ("kiosk/rights/situation.py", "import openfisca_france", "OpenFisca runs only in"),
        ("kiosk/visit/visit.py", "import openfisca_core.periods", "OpenFisca runs only in"),
    ],
)
def test_a_wrong_arrow_breaks_the_build(tmp_path: Path, module: str, wrong_import: str, broken: str) -> None:
    for package in ("kiosk", "voice", "ui"):
        skip = shutil.ignore_patterns("__pycache__", "*.mo")
        shutil.copytree(ROOT / package, tmp_path / package, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{wrong_import}\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert broken in result.stdout.split("Broken contracts", 1)[-1]
