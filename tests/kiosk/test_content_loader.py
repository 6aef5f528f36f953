from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content_loader import BUNDLED_PACK, load_catalog, parse_procedure
from kiosk.errors import ContentError

VALID = yaml.safe_load((BUNDLED_PACK / "procedures" / "france-travail-actualisation.yaml").read_text())


def _pack(root: Path, procedures: dict[str, str], manifest: str | None = None) -> Path:
    (root / "procedures").mkdir(parents=True)
    (root / "pack.yaml").write_text(
        manifest or "id: local\nversion: '1'\ndate: '2026-11-23'\nlanguages: [fr]\n"
    )
    for name, text in procedures.items():
        (root / "procedures" / name).write_text(text, encoding="utf-8")
    return root


def test_bundled_pack_loads_without_problems() -> None:
    catalog = load_catalog()
    assert catalog.problems == []
    assert len(catalog.procedures) == 3
    assert catalog.packs[0].id == "bundled"


def _error(data: object) -> ContentError:
    try:
        parse_procedure(data, "x.yaml")
    except ContentError as error:
        return error
    raise AssertionError("no error raised")


def test_errors_name_the_field_and_the_problem() -> None:
    assert _error({**VALID, "colour": "red"}).field == "colour"
    missing = {k: v for k, v in VALID.items() if k != "after"}
    assert _error(missing).field == "after" and _error(missing).problem == "missing"
    assert _error({**VALID, "theme": "cooking"}).field == "theme"
    assert _error({**VALID, "urls": ["http://example.org"]}).field == "urls[0]"
    assert _error({**VALID, "estimated_minutes": "ten"}).field == "estimated_minutes"
    steps = [dict(VALID["steps"][0]), dict(VALID["steps"][0])]
    assert "used twice" in _error({**VALID, "steps": steps}).problem
    bad_step = {**VALID["steps"][0], "title": ["a", "list"]}
    error = _error({**VALID, "steps": [bad_step]})
    assert error.field == "steps[0].title" and "expected text" in error.problem
    assert str(_error([1, 2])) == "x.yaml: expected a mapping, found a list"


def test_a_broken_file_is_skipped_and_reported(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack", {"good.yaml": yaml.safe_dump(VALID), "bad.yaml": "id: [unclosed"})
    catalog = load_catalog([pack])
    assert list(catalog.procedures) == [VALID["id"]]
    assert len(catalog.problems) == 1
    assert "bad.yaml" in catalog.problems[0].source and "line 1" in catalog.problems[0].problem


def test_a_later_pack_overrides_by_id_and_adds(tmp_path: Path) -> None:
    changed = {**VALID, "title": "Titre local"}
    extra = {**VALID, "id": "local-procedure"}
    pack = _pack(tmp_path / "usb", {"a.yaml": yaml.safe_dump(changed), "b.yaml": yaml.safe_dump(extra)})
    catalog = load_catalog([BUNDLED_PACK, pack])
    assert catalog.procedures[VALID["id"]].title == "Titre local"
    assert "local-procedure" in catalog.procedures
    assert len(catalog.procedures) == 4


def test_a_folder_that_is_not_a_pack_is_reported(tmp_path: Path) -> None:
    catalog = load_catalog([tmp_path])
    assert catalog.procedures == {}
    assert "pack.yaml is missing" in str(catalog.problems[0])


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(cut=st.integers(min_value=0, max_value=4000), noise=st.text(max_size=20))
def test_truncated_or_garbled_files_never_crash(tmp_path_factory: object, cut: int, noise: str) -> None:
    source = (BUNDLED_PACK / "procedures" / "caf-declaration-trimestrielle.yaml").read_text(encoding="utf-8")
    text = source[:cut] + noise
    pack = _pack(tmp_path_factory.mktemp("p"), {"p.yaml": text})  # type: ignore[attr-defined]
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
