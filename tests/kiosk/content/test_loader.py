from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import BUNDLED_PACK
from kiosk.content import loader
from kiosk.content.loader import load_catalog, parse_procedure
from kiosk.content.procedures import PagePattern
from kiosk.content.yaml_source import parse_yaml
from kiosk.errors import ContentError
from kiosk.i18n import translation
from tests.kiosk import FIXTURE_PACK

FIXTURE = FIXTURE_PACK
VALID = yaml.safe_load((FIXTURE / "procedures" / "compte.yaml").read_text())


def _pack(root: Path, procedures: dict[str, str], manifest: str | None = None) -> Path:
    (root / "procedures").mkdir(parents=True)
    (root / "pack.yaml").write_text(
        manifest or "id: local\nversion: '1'\ndate: '2026-11-23'\nlanguages: [fr]\n"
    )
    for name, text in procedures.items():
        (root / "procedures" / name).write_text(text, encoding="utf-8")
    return root


def test_fixture_pack_loads_with_its_glossary_and_drawing() -> None:
    catalog = load_catalog([FIXTURE])
    assert catalog.problems == []
    assert set(catalog.procedures) == {"compte", "mail"} and set(catalog.glossary) == {
        "adresse-mail",
        "identifiant",
    }
    site = catalog.procedures["compte"].steps[1]
    assert site.illustration.endswith("illustrations/page.svg") and Path(site.illustration).is_file()
    assert catalog.procedures["mail"].channels[0].phone == "0102030405"
    assert catalog.procedures["mail"].last_checked.verified_on_site is True


def _error(data: object) -> ContentError:
    try:
        parse_procedure(data, "x.yaml", FIXTURE)
    except ContentError as error:
        return error
    raise AssertionError("no error raised")


def test_errors_name_the_field_and_the_problem() -> None:
    assert _error({**VALID, "colour": "red"}).field == "colour"
    missing = {k: v for k, v in VALID.items() if k != "after"}
    assert _error(missing).field == "after" and _error(missing).problem == "missing"
    assert _error({**VALID, "theme": "cooking"}).field == "theme"
    assert "https://" in _error({**VALID, "urls": ["http://example.org"]}).problem
    assert _error({**VALID, "estimated_minutes": "ten"}).field == "estimated_minutes"
    steps = [dict(VALID["steps"][1]), dict(VALID["steps"][1])]
    assert "used twice" in _error({**VALID, "steps": steps}).problem
    bad_step = {**VALID["steps"][1], "title": ["a", "list"]}
    error = _error({**VALID, "steps": [bad_step]})
    assert error.field == "steps[0].title" and "expected text" in error.problem
    one_answer = {
        **VALID["steps"][0],
        "question": {"text": "?", "answers": [VALID["steps"][0]["question"]["answers"][0]]},
    }
    assert "at least two answers" in _error({**VALID, "steps": [one_answer]}).problem
    both = {**VALID["steps"][0], "next": "site"}
    assert _error({**VALID, "steps": [both]}).field == "steps[0].next"
    checked = {**VALID, "last_checked": {**VALID["last_checked"], "date": "23/11/2026"}}
    assert _error(checked).field == "last_checked.date"
    assert str(_error([1, 2])) == "x.yaml: expected a mapping, found a list"


def test_a_missing_drawing_keeps_the_procedure_and_is_reported() -> None:
    degraded: list[ContentError] = []
    drawing = {**VALID["steps"][1], "illustration": "missing.svg"}
    procedure = parse_procedure({**VALID, "steps": [drawing]}, "x.yaml", FIXTURE, degraded)
    assert procedure.steps[0].illustration == ""
    assert [problem.field for problem in degraded] == ["steps[0].illustration"]


def test_errors_give_the_line_of_the_key(tmp_path: Path) -> None:
    text = (
        (FIXTURE / "procedures" / "compte.yaml")
        .read_text()
        .replace("    title: Ouvrez le site", "    titel: Ouvrez le site")
    )
    pack = _pack(tmp_path / "p", {"compte.yaml": text})
    (problem,) = load_catalog([pack]).problems
    line = text.splitlines().index("    titel: Ouvrez le site") + 1
    assert problem.line == line and problem.field == "steps[1].titel"
    assert str(problem).startswith(
        f"{pack / 'procedures' / 'compte.yaml'}:{line}: steps[1].titel: unknown key"
    )


def test_a_broken_file_is_skipped_and_reported(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path / "pack", {"good.yaml": yaml.safe_dump(VALID), "bad.yaml": "id: x\ntitle: [unclosed\n"}
    )
    shutil.copytree(FIXTURE / "illustrations", pack / "illustrations")
    catalog = load_catalog([pack])
    assert list(catalog.procedures) == ["compte"]
    assert len(catalog.problems) == 1
    assert "bad.yaml" in catalog.problems[0].source and catalog.problems[0].line == 3


def test_a_later_pack_overrides_by_id_and_adds(tmp_path: Path) -> None:
    bundled = load_catalog([BUNDLED_PACK])
    some_id = next(iter(bundled.procedures))
    changed = {**VALID, "id": some_id, "title": "Titre local"}
    extra = {**VALID, "id": "local-procedure"}
    pack = _pack(tmp_path / "usb", {"a.yaml": yaml.safe_dump(changed), "b.yaml": yaml.safe_dump(extra)})
    shutil.copytree(FIXTURE / "illustrations", pack / "illustrations")
    catalog = load_catalog([BUNDLED_PACK, pack])
    assert catalog.procedures[some_id].title == "Titre local"
    assert "local-procedure" in catalog.procedures
    assert len(catalog.procedures) == len(bundled.procedures) + 1


def test_a_folder_that_is_not_a_pack_is_reported(tmp_path: Path) -> None:
    catalog = load_catalog([tmp_path])
    assert catalog.procedures == {}
    assert "pack.yaml is missing" in str(catalog.problems[0])


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(cut=st.integers(min_value=0, max_value=3000), noise=st.text(max_size=20))
def test_truncated_or_garbled_files_never_crash(tmp_path_factory: object, cut: int, noise: str) -> None:
    source = (FIXTURE / "procedures" / "compte.yaml").read_text(encoding="utf-8")
    pack = _pack(tmp_path_factory.mktemp("p"), {"p.yaml": source[:cut] + noise})  # type: ignore[attr-defined]
    catalog = load_catalog([pack])
    assert len(catalog.procedures) + len(catalog.problems) == 1
    for problem in catalog.problems:
        assert "p.yaml" in str(problem)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=12,
    )
)
def test_any_yaml_shape_gives_a_procedure_or_a_content_error(data: object) -> None:
    try:
        parse_procedure(data, "f.yaml")
    except ContentError as error:
        assert error.source == "f.yaml"


COMPTE_TEXT = (FIXTURE / "procedures" / "compte.yaml").read_text(encoding="utf-8")
SITE_STEP_END = "    illustration: page.svg\n"


def _with_page(page: str, extra: str = "") -> tuple[object, int]:
    """The fixture's procedure with ``page`` on its site step; and the line of that key."""
    text = COMPTE_TEXT.replace(SITE_STEP_END, SITE_STEP_END + f"    page: {page}\n") + extra
    line = text.splitlines().index(f"    page: {page}") + 1
    return parse_yaml(text), line


def test_a_step_page_is_read_with_its_host_in_normal_form_and_a_path_for_the_whole_host() -> None:
    data, _ = _with_page("{host: WWW.Example.ORG.}")
    procedure = parse_procedure(data, "x.yaml", FIXTURE)
    assert procedure.steps[1].page == PagePattern("www.example.org", "/*", ())
    data, _ = _with_page("{host: www.example.org, path: /compte/*, title: [Mon compte, Connexion]}")
    page = parse_procedure(data, "x.yaml", FIXTURE).steps[1].page
    assert page == PagePattern("www.example.org", "/compte/*", ("Mon compte", "Connexion"))
    assert [step.page for step in procedure.steps if step.id != "site"] == [None] * 4


@pytest.mark.parametrize(
    ("page", "field", "says"),
    [
        ("{host: https://www.example.org/compte}", "steps[1].page.host", "without https://"),
        ("{host: 'www.example..org'}", "steps[1].page.host", "not a host name"),
        ("{host: ''}", "steps[1].page.host", "must not be empty"),
        ("{path: /compte}", "steps[1].page.host", "missing"),
        ("{host: www.example.org, path: compte/*}", "steps[1].page.path", "must start with /"),
        ("{host: www.example.org, path: '/compte?id=*'}", "steps[1].page.path", "never what follows ?"),
        ("{host: www.example.org, title: [Compte, '']}", "steps[1].page.title", "not empty"),
        ("{host: www.example.org, title: [Compte, 12]}", "steps[1].page.title", "not empty"),
        ("{host: www.example.org, title: Compte}", "steps[1].page.title", "expected a list"),
        ("{host: www.example.org, adresse: /compte}", "steps[1].page.adresse", "unknown key"),
        ("https://www.example.org", "steps[1].page", "expected a mapping"),
    ],
)
def test_each_mistake_of_a_page_names_its_line_and_field(page: str, field: str, says: str) -> None:
    data, line = _with_page(page)
    error = _error(data)
    assert (error.field, error.line) == (field, line) and says in error.problem, error


def test_allow_adds_hosts_in_normal_form_and_a_wrong_one_names_its_line() -> None:
    procedure = parse_procedure(parse_yaml(COMPTE_TEXT + "allow: [Login.Example.NET, café.fr]\n"), "x.yaml")
    assert procedure.allow == ("login.example.net", "xn--caf-dma.fr")
    assert parse_procedure(parse_yaml(COMPTE_TEXT), "x.yaml").allow == ()
    text = COMPTE_TEXT + "allow:\n  - login.example.net\n  - https://login.example.net\n"
    error = _error(parse_yaml(text))
    assert error.field == "allow" and "without https://" in error.problem
    assert error.line == len(COMPTE_TEXT.splitlines()) + 1
    assert "whole domain ending" in _error({**VALID, "allow": ["net"]}).problem


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000/", "http://localhost:8080", "http://[::1]:9000/", "https://example.org:8443"],
)
def test_a_training_stand_in_on_the_machine_itself_may_be_http(url: str) -> None:
    assert parse_procedure({**VALID, "urls": [url]}, "x.yaml", FIXTURE).urls == (url,)


@pytest.mark.parametrize(
    "url",
    ["http://example.org", "http://127.0.0.2", "https://", "https://user@example.org", "https://a b.org"],
)
def test_an_address_with_no_https_or_no_plain_host_is_refused(url: str) -> None:
    assert _error({**VALID, "urls": [url]}).field == "urls"


@pytest.fixture
def installed_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled pack that the loader takes for the one installed with the kiosk."""
    copy = tmp_path / "bundled_pack"
    shutil.copytree(BUNDLED_PACK, copy)
    monkeypatch.setattr(loader, "BUNDLED_PACK", copy)
    return copy


def test_the_installed_kiosk_lacks_nothing() -> None:
    catalog = load_catalog()
    assert catalog.missing == [] and catalog.practice


def test_an_installed_pack_without_its_practice_sites_is_missing_them(installed_pack: Path) -> None:
    shutil.rmtree(installed_pack / "practice")
    catalog = load_catalog([installed_pack])
    (missing,) = catalog.missing
    assert missing.source == str(installed_pack / "practice") and "installed without it" in str(missing)
    assert catalog.procedures and catalog.problems == [], "the rest of the kiosk still works"
    (installed_pack / "practice").mkdir()  # there, but empty: the same installation mistake
    assert [problem.source for problem in load_catalog([installed_pack]).missing] == [missing.source]


def test_a_structures_own_pack_may_have_no_practice_sites(installed_pack: Path, tmp_path: Path) -> None:
    own = _pack(tmp_path / "own", {"compte.yaml": (FIXTURE / "procedures" / "compte.yaml").read_text()})
    assert load_catalog([installed_pack, own]).missing == []


def test_a_language_the_pack_offers_without_its_compiled_catalogs_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = tmp_path / "locale"
    shutil.copytree(translation.COMPILED_ROOT, compiled)
    (compiled / "uk" / "LC_MESSAGES" / "procedures.mo").unlink()
    monkeypatch.setattr(translation, "COMPILED_ROOT", compiled)
    (missing,) = load_catalog().missing
    assert missing.source == str(compiled / "uk" / "LC_MESSAGES") and "'uk'" in str(missing)
    assert "uk" not in {language.code for language in translation.offered_languages()}
