from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import BUNDLED_PACK
from kiosk.content.loader import load_catalog, parse_procedure
from kiosk.errors import ContentError
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
