"""`pip install .` (not editable) gives a working `kiosk` with its content and translations."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

import kiosk
from kiosk.content.loader import load_catalog
from kiosk.i18n import translation

ROOT = Path(__file__).resolve().parent.parent
PRACTICE_SITE = "caf-declaration-trimestrielle"  # a mailed code, a password, amounts, a box to tick
SPOKEN_WORD = "RSA"  # an acronym of voice/lexicons/fr.yaml, said letter by letter

# Run by the installed kiosk's python, from a folder outside the source tree: one simulated
# site walked to its end with the practice person, as tests/kiosk/practice/test_run.py does.
# Upload fields are left out: the site chosen has none.
PRACTICE_WALK = """
import random
from datetime import date
from kiosk.content.loader import load_catalog
from kiosk.content.practice_sites import PracticeKind
from kiosk.practice.run import PracticeRun
run = PracticeRun(load_catalog().practice[{site!r}], lambda: 1000.0, today=lambda: date(2026, 11, 23),
                  rng=random.Random(7))
for _ in range(30):
    if run.finished:
        break
    for field in run.page.fields:
        value = run.person.detail(field.fill or field.expect) if field.fill or field.expect else None
        if value is None and field.kind == PracticeKind.CHECKBOX:
            value = "yes"
        if value is None and field.kind == PracticeKind.CONFIRMATION_CODE and run.mailbox:
            value = run.mailbox[-1].code.reveal()
        if value is None and field.kind == PracticeKind.CHOICE:
            value = field.options[0]
        if value is None and field.kind == PracticeKind.CAPTCHA:
            value = run.captcha
        if value is not None:
            run.type(field.id, value)
    assert run.send().accepted, run.page.id
assert run.finished and not run.mistakes, run.mistakes
"""


@pytest.mark.install
def test_a_built_wheel_installs_and_runs_outside_the_source_tree(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kiosk/bundled_pack/pack.yaml" in names
    assert "kiosk/bundled_pack/procedures/france-travail-actualisation.yaml" in names
    assert "kiosk/bundled_pack/glossary.yaml" in names
    assert "kiosk/bundled_pack/browser.yaml" in names  # what the real site's browser may open
    tracked = subprocess.run(
        ["git", "ls-files", "kiosk", "voice", "ui"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    data_files = {name for name in tracked if not name.endswith(".py")}
    assert data_files - names == set(), "files of the source tree an installed kiosk would lack"
    for language in translation.offered_languages():
        if language.code != translation.SOURCE_LANGUAGE:
            for domain in translation.DOMAINS:
                assert f"kiosk/i18n/locale/{language.code}/LC_MESSAGES/{domain}.mo" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"QT_QPA_PLATFORM": "offscreen"}
    lexicon = yaml.safe_load((ROOT / "voice" / "lexicons" / "fr.yaml").read_text(encoding="utf-8"))
    said_word = lexicon["words"][SPOKEN_WORD]
    assert said_word != SPOKEN_WORD
    version = subprocess.run(
        [str(venv / "bin" / "kiosk"), "--version"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert version.returncode == 0 and f"kiosk {kiosk.__version__}" in version.stdout
    probe = (
        "import kiosk, ui\n"
        "from kiosk.i18n import translation\n"
        "from kiosk.content.loader import load_catalog\n"
        "assert 'site-packages' in kiosk.__file__ and 'site-packages' in ui.__file__\n"
        f"c = load_catalog(); assert len(c.procedures) == {len(load_catalog().procedures)}, c.problems\n"
        "assert not c.problems and c.glossary\n"
        "assert not c.missing, c.missing  # its practice sites, the catalogs of the languages it claims\n"
        "from voice.lexicon import lexicon_problems\n"
        "assert not lexicon_problems(l.code for l in translation.offered_languages()), 'the voice lexicons'\n"
        f"assert len(c.practice) == {len(load_catalog().practice)}, 'every practice site'\n"
        "print(','.join(l.code for l in translation.offered_languages()))\n"
        + PRACTICE_WALK.format(site=PRACTICE_SITE)
        + "from voice.lexicon import speakable\n"
        + f"said = speakable('Le {SPOKEN_WORD}.', 'fr'); assert said == {f'Le {said_word}.'!r}, said\n"
    )
    offered = subprocess.run(
        [str(python), "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
    )
    assert offered.returncode == 0, offered.stderr
    assert offered.stdout.strip() == ",".join(language.code for language in translation.offered_languages())
    shots = subprocess.run(
        [str(python), "-m", "ui.screenshots", "--out", str(tmp_path / "shots"), "--lang", "fr"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shots.returncode == 0, shots.stderr
    assert len(list((tmp_path / "shots").glob("*.png"))) >= 11
