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


def test_a_link_out_of_the_pack_is_reported_not_filtered_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Its findings were named after where the link leads, outside the checked folder, and dropped.
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: elsewhere\n")
    (pack / "procedures" / "linked.yaml").symlink_to(outside)
    assert main(["check", str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"error: {pack / 'procedures' / 'linked.yaml'}: not read: it leads outside the pack" in out


@pytest.mark.parametrize("drawing", ["ABSOLUTE", "../../outside.svg", "link.svg"])
def test_a_drawing_from_outside_the_pack_is_reported(tmp_path: Path, drawing: str) -> None:
    outside = tmp_path / "outside.svg"
    shutil.copy(FIXTURE / "illustrations" / "page.svg", outside)
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    (pack / "illustrations" / "link.svg").symlink_to(outside)
    name = str(outside) if drawing == "ABSOLUTE" else drawing
    path = pack / "procedures" / "compte.yaml"
    path.write_text(path.read_text().replace("illustration: page.svg", f"illustration: {name}"))
    errors = [str(f) for f in check(load_catalog([pack]), pack) if f.severity == "error"]
    assert len(errors) == 1 and errors[0].startswith(f"error: {path}:26: steps[1].illustration: ")


def test_a_pack_that_replaces_a_bundled_procedure_is_warned_naming_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = load_catalog([BUNDLED_PACK]).procedures["email-creer-adresse"]
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    path = pack / "procedures" / "mail.yaml"
    path.write_text(path.read_text().replace("id: mail\n", "id: email-creer-adresse\n"))
    (pack / "procedures" / "compte.yaml").unlink()  # it needs "mail"; its errors are not the point here
    main(["check", str(pack)])
    out = capsys.readouterr().out.splitlines()
    warnings = [line for line in out if "replaces the one in" in line]
    glossary = f"{pack / 'glossary.yaml'}: glossary word"
    assert warnings == [
        f"warning: {glossary} 'adresse-mail' replaces the one in {BUNDLED_PACK / 'glossary.yaml'}",
        f"warning: {glossary} 'identifiant' replaces the one in {BUNDLED_PACK / 'glossary.yaml'}",
        f"warning: {path}: procedure 'email-creer-adresse' replaces the one in {bundled.source_file}",
    ]


def test_two_files_of_one_pack_with_the_same_id_are_warned(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    first = pack / "procedures" / "compte.yaml"
    second = pack / "procedures" / "compte2.yaml"  # read after compte.yaml
    shutil.copy(first, second)
    findings = check(load_catalog([pack]), pack)
    warnings = [str(f) for f in findings if "replaces the one in" in f.message]
    assert warnings == [f"warning: {second}: procedure 'compte' replaces the one in {first}"]


def test_checking_the_bundled_pack_by_its_path_does_not_warn_it_replaces_itself(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(BUNDLED_PACK)]) == 0
    assert "replaces the one in" not in capsys.readouterr().out
