"""`kiosk content check` catches what a mediator would get wrong, and passes the bundled pack."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.config import BUNDLED_PACK
from kiosk.content import loader
from kiosk.content.check import check, main
from kiosk.content.loader import load_catalog
from kiosk.content.procedures import PagePattern
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


def test_an_installed_kiosk_without_its_practice_sites_fails_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "bundled_pack"
    shutil.copytree(BUNDLED_PACK, copy, ignore=shutil.ignore_patterns("practice"))
    monkeypatch.setattr(loader, "BUNDLED_PACK", copy)
    errors = [f for f in check(load_catalog([copy])) if f.severity == "error"]
    assert [f.source for f in errors] == [str(copy / "practice")]


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


def _with_pages(tmp_path: Path, site_page: str, extra: str = "", browser: str | None = None) -> Path:
    """The fixture pack with ``site_page`` on the "site" step (and ``extra`` on "connexion")."""
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    path = pack / "procedures" / "compte.yaml"
    text = path.read_text().replace(
        "    illustration: page.svg\n", f"    illustration: page.svg\n{site_page}"
    )
    text = text.replace("    next: end\n", f"{extra}    next: end\n")
    path.write_text(text + ("allow: [login.example.net]\n" if "login" in site_page + extra else ""))
    if browser is not None:
        (pack / "browser.yaml").write_text(browser)
    return pack


@pytest.mark.parametrize(
    ("page", "browser"),
    [
        ("    page: {host: www.example.org, path: /compte/*}\n", None),  # under the site of its urls
        ("    page: {host: example.org}\n", None),
        ("    page: {host: auth.login.example.net}\n", None),  # under the procedure's allow
        ("    page: {host: app.connect.example}\n", "always_allowed: [connect.example]\n"),
        (
            "    page: {host: mail.example.com}\n",
            "webmail: [{name: Courrier, address: 'https://mail.example.com/', hosts: [example.com]}]\n",
        ),
    ],
)
def test_a_page_on_a_host_the_procedure_may_open_is_clean(
    tmp_path: Path, page: str, browser: str | None
) -> None:
    pack = _with_pages(tmp_path, page, browser=browser)
    catalog = load_catalog([pack])
    assert catalog.procedures["compte"].steps[1].page is not None
    assert [str(f) for f in check(catalog, pack) if f.severity == "error"] == []


@pytest.mark.parametrize(
    "host", ["elsewhere.org", "evilexample.org", "example.org.evil.example", "franceconnect.gouv.fr"]
)
def test_a_page_on_a_host_the_browser_would_refuse_is_an_error_with_its_step(
    tmp_path: Path, host: str
) -> None:
    # The fixture pack alone has no browser.yaml: even FranceConnect is not allowed there.
    pack = _with_pages(tmp_path, f"    page: {{host: {host}}}\n")
    errors = [str(f) for f in check(load_catalog([pack]), pack) if f.severity == "error"]
    path = pack / "procedures" / "compte.yaml"
    assert errors == [
        f"error: {path}:22: steps[1].page.host: {host!r} is not a host this procedure's browser may open "
        "(add its site to urls or allow)"
    ]


def test_the_bundled_list_allows_franceconnect_to_every_pack(tmp_path: Path) -> None:
    pack = _with_pages(tmp_path, "    page: {host: app.franceconnect.gouv.fr}\n")
    assert [f for f in check(load_catalog([BUNDLED_PACK, pack]), pack) if f.severity == "error"] == []


def test_two_steps_describing_the_same_page_are_a_warning(tmp_path: Path) -> None:
    page = "    page: {host: www.example.org, path: /compte}\n"
    pack = _with_pages(tmp_path, page, extra=page)
    findings = check(load_catalog([pack]), pack)
    assert [f for f in findings if f.severity == "error"] == []
    warnings = [str(f) for f in findings if "same page" in f.message]
    path = pack / "procedures" / "compte.yaml"
    assert warnings == [
        f"warning: {path}:43: steps[4].page: the same page as step 'site'; "
        "the guide only ever moves to the first"
    ]
    other = _with_pages(tmp_path / "other", page, extra=page.replace("/compte", "/compte/fin"))
    assert not [f for f in check(load_catalog([other]), other) if "same page" in f.message]


def test_a_page_that_could_never_match_is_an_error(tmp_path: Path) -> None:
    # The loader refuses these; a pattern made another way (a later tool, a test) is checked too.
    catalog = load_catalog([FIXTURE])
    compte = catalog.procedures["compte"]
    steps = list(compte.steps)
    steps[1] = replace(steps[1], page=PagePattern(""))
    steps[2] = replace(steps[2], page=PagePattern("www.example.org", "compte"))
    catalog.procedures["compte"] = replace(compte, steps=tuple(steps))
    errors = [f.message for f in check(catalog) if f.severity == "error"]
    assert [e.split(": ", 2)[1:] for e in errors] == [
        ["steps[1].page.host", "empty, so it can never match a page"],
        ["steps[2].page.path", "'compte' never matches: it must start with /"],
    ]


def test_every_bundled_page_names_a_host_its_step_or_its_urls_write() -> None:
    # The evidence for a pattern: the address is written in our own guide, never guessed.
    pages = 0
    for procedure in load_catalog([BUNDLED_PACK]).procedures.values():
        for step in procedure.steps:
            if step.page is None:
                continue
            pages += 1
            words = " ".join((step.instruction, step.explain_more, *procedure.urls))
            assert step.page.host.removeprefix("www.") in words, (procedure.id, step.id)
            assert step.page.path == "/*" and step.page.title_words == ()  # no path is established yet
    assert pages == 5


def _source_warnings(tmp_path: Path, old: str, new: str) -> list[str]:
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE, pack)
    path = pack / "procedures" / "compte.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    catalog = load_catalog([pack])
    assert catalog.problems == []
    return [
        f.message
        for f in check(catalog)
        if "cost money or rights" in f.message and "compte.yaml" in f.message
    ]


@pytest.mark.parametrize(
    ("instruction", "fact"),
    [
        ("Le timbre coûte 86 €.", "« 86 € » is an amount"),
        ("Le timbre coûte 17 euros.", "« 17 euros » is an amount"),
        ("Appelez le 36 46.", "« 36 46 » is a phone number"),
        ("Appelez le 0 805 805 817, c'est gratuit.", "« 0 805 805 817 » is a phone number"),
        ("Transférez le SMS au 33700.", "« 33700 » is a phone number"),
        ("Demandez-la dans les 12 mois.", "« 12 mois » is a deadline"),
        ("Faites-le tous les trois mois.", "« trois mois » is a deadline"),
        ("Ne laissez pas passer le délai.", "« délai » is a deadline"),
        ("Il faut au moins 10 caractères.", "« 10 caractères » is a password rule"),
        ("Écrivez au 12 rue des Lilas, 35000 Rennes.", "« 35000 R » is a postal address"),
    ],
)
def test_a_fact_that_can_cost_money_or_rights_without_a_source_is_warned_with_its_step(
    tmp_path: Path, instruction: str, fact: str
) -> None:
    warnings = _source_warnings(
        tmp_path, "instruction: Tapez votre identifiant.", f'instruction: "{instruction}"'
    )
    assert len(warnings) == 1, warnings
    assert "compte.yaml:" in warnings[0] and "steps[1].instruction" in warnings[0] and fact in warnings[0]


@pytest.mark.parametrize(
    "instruction",
    [
        "Tapez votre code de 6 chiffres.",
        "Touchez le bouton en 2025.",
        "Une photo de 35 x 45 mm.",
        "Page 3 sur 12.",
    ],
)
def test_numbers_that_are_not_costly_facts_are_not_warned(tmp_path: Path, instruction: str) -> None:
    assert (
        _source_warnings(tmp_path, "instruction: Tapez votre identifiant.", f'instruction: "{instruction}"')
        == []
    )


def test_a_source_beside_the_fact_silences_the_warning_and_is_kept_with_its_date(tmp_path: Path) -> None:
    sourced = (
        'instruction: "Le timbre coûte 86 €."\n'
        "    sources:\n"
        "      - {url: https://www.service-public.gouv.fr/particuliers/vosdroits/F34752, date: 2026-12-04,"
        " fact: passeport 86 €}\n"
    )
    assert _source_warnings(tmp_path, "instruction: Tapez votre identifiant.\n", sourced) == []
    catalog = load_catalog([tmp_path / "pack"])
    (source,) = catalog.procedures["compte"].steps[1].sources
    assert (source.date, source.fact) == ("2026-12-04", "passeport 86 €")


def test_a_source_on_another_step_or_the_procedure_does_not_cover_a_steps_fact(tmp_path: Path) -> None:
    """The mediator sees a step's sources beside that step: a source elsewhere would not be seen there."""
    warnings = _source_warnings(
        tmp_path,
        "instruction: Tapez votre identifiant.",
        'instruction: "Appelez le 3230."',
    )
    assert len(warnings) == 1
    pack = tmp_path / "pack"
    path = pack / "procedures" / "compte.yaml"
    path.write_text(
        path.read_text().replace(
            "before_you_start:",
            "sources: [{url: 'https://www.caf.fr', date: 2026-11-23}]\nbefore_you_start:",
            1,
        )
    )
    findings = check(load_catalog([pack]))
    assert (
        len([f for f in findings if "cost money or rights" in f.message and "compte.yaml" in f.message]) == 1
    )


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("{url: http://www.caf.fr, date: 2026-12-04}", "must start with https://"),
        ("{url: https://www.caf.fr, date: 04/12/2026}", "YYYY-MM-DD"),
        ("{date: 2026-12-04}", "url: missing"),
        ("{url: https://www.caf.fr, date: 2026-12-04, page: 3}", "unknown key"),
    ],
)
def test_a_broken_source_is_an_error_with_its_line(tmp_path: Path, source: str, problem: str) -> None:
    errors = _broken(
        tmp_path, "instruction: Tapez votre identifiant.\n", f"instruction: Tapez.\n    sources: [{source}]\n"
    )
    assert any(problem in error and "steps[1].sources[0]" in error for error in errors), errors


def test_every_costly_fact_of_the_bundled_pack_has_a_source() -> None:
    findings = check(load_catalog([BUNDLED_PACK]))
    assert [f.message for f in findings if "cost money or rights" in f.message] == []
