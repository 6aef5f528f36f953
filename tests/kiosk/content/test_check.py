"""`kiosk content check` catches what a mediator would get wrong, and passes the bundled pack."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.config import BUNDLED_PACK
from kiosk.content.check import check, main
from kiosk.content.loader import load_catalog
from tests.kiosk import FIXTURE_PACK

FIXTURE = FIXTURE_PACK


def _broken(tmp_path: Path, old: str, new: str, name: str = "compte.yaml") -> list[str]:
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    path = pack / "procedures" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return [str(f) for f in check(load_catalog([pack])) if f.severity == "error"]


def test_the_fixture_pack_is_clean() -> None:
    assert [f for f in check(load_catalog([FIXTURE])) if f.severity == "error"] == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("next: connexion\n", "next: connection\n", "steps[3].next: no step 'connection'"),
        ("links: [mail]", "links: [mel]", "steps[1].links: no procedure 'mel'"),
        ("pictogram: mdi6.web", "pictogram: mdi6.wbe", "steps[1].pictogram: no pictogram 'mdi6.wbe'"),
        ("detour: mail", "detour: courriel", "question.answers[1].detour: no procedure 'courriel'"),
        ("    links: [mail]\n", "    glossary: [inconnu]\n", "steps[1].glossary: no glossary word 'inconnu'"),
        (
            "{label: Non, pictogram: mdi6.close-thick}",
            "{label: Non, pictogram: mdi6.close-thick, next: connexion}",
            "step 'creation' cannot be reached",
        ),
        ("    next: connexion\n", "    next: creation\n", "a loop with no way out"),
        ("urls: [https://example.org]", "urls: [http://example.org]", "must start with https://"),
    ],
)
def test_each_mistake_is_named_with_file_line_and_field(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    errors = _broken(tmp_path, old, new)
    assert any(expected in error for error in errors), errors
    assert all("compte.yaml" in error for error in errors)


def test_a_detour_into_a_procedure_with_detours_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    text = (pack / "procedures" / "compte.yaml").read_text()
    (pack / "procedures" / "compte2.yaml").write_text(
        text.replace("id: compte\n", "id: compte2\n").replace("detour: mail", "detour: compte")
    )
    errors = [str(f) for f in check(load_catalog([pack])) if f.severity == "error"]
    assert any("'compte' has detours itself" in error for error in errors), errors


def test_long_sentences_are_a_warning_not_an_error(tmp_path: Path) -> None:
    long = "Ceci est une phrase beaucoup trop longue pour une lecture facile " * 3
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    path = pack / "procedures" / "mail.yaml"
    path.write_text(path.read_text().replace("Un nom simple.", long.strip() + "."))
    findings = check(load_catalog([pack]))
    assert any(f.severity == "warning" and "easy reading" in f.message for f in findings)
    assert not any(f.severity == "error" for f in findings)


def test_the_command_checks_a_pack_and_sets_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(FIXTURE)]) == 0
    broken = tmp_path / "pack"
    shutil.copytree(FIXTURE, broken)
    (broken / "procedures" / "mail.yaml").write_text("id: mail\n")
    assert main(["check", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "mail.yaml:1: title: missing" in out and "errors" in out.splitlines()[-1]


def test_the_bundled_pack_has_no_errors() -> None:
    errors = [str(f) for f in check(load_catalog([BUNDLED_PACK])) if f.severity == "error"]
    assert errors == []


def test_checking_one_pack_reports_only_that_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("pack", "other_pack"):
        shutil.copytree(FIXTURE, tmp_path / name)
        (tmp_path / name / "procedures" / "mail.yaml").write_text("id: mail\n")
    monkeypatch.chdir(tmp_path)
    catalog = load_catalog([Path("pack"), Path("other_pack")])
    findings = check(catalog, Path("pack"))
    assert findings and all(f.source.startswith("pack") for f in findings)
