"""Hostile content packs: every attack is a ContentError naming the file, never a crash or a hang.

The attacks that took the machine down before the fix (an alias bomb, a link to
/dev/zero, a named pipe, a 50 MB file, a quadratic number) are loaded in a child
process with a memory limit and a timeout: a regression fails the test by that
limit instead of eating the machine's memory or hanging the run.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.content.loader import load_catalog
from tests.kiosk import FIXTURE_PACK

ROOT = Path(__file__).resolve().parents[3]
MEMORY_LIMIT = 1 << 30  # 1 GB of address space for the child that loads a hostile pack
TIMEOUT_S = 20

_CHILD = """
import json, resource, sys
from pathlib import Path
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from kiosk.content.loader import load_catalog
catalog = load_catalog([Path(sys.argv[1])])
print(json.dumps({
    "procedures": sorted(catalog.procedures),
    "glossary": sorted(catalog.glossary),
    "practice": sorted(catalog.practice),
    "problems": [{"source": p.source, "line": p.line, "problem": p.problem} for p in catalog.problems],
}))
"""


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(FIXTURE_PACK, pack)
    return pack


def _procedure(pack: Path, old: str, new: str, name: str = "hostile.yaml") -> Path:
    """A copy of the fixture's procedure under another id, with ``old`` replaced by ``new``."""
    text = (pack / "procedures" / "compte.yaml").read_text(encoding="utf-8")
    assert old in text
    path = pack / "procedures" / name
    path.write_text(text.replace("id: compte\n", "id: hostile\n").replace(old, new), encoding="utf-8")
    return path


def _load_in_child(pack: Path) -> dict[str, Any]:
    try:
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, str(pack), str(MEMORY_LIMIT)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"loading the pack hung for {TIMEOUT_S} s")
    if result.returncode != 0:
        pytest.fail(f"loading the pack crashed (exit {result.returncode}): {result.stderr[-600:]}")
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def _only_problem(loaded: dict[str, Any], path: Path) -> dict[str, Any]:
    """The one problem, which must name ``path``; the fixture's own procedures still load."""
    assert {"compte", "mail"} <= set(loaded["procedures"])
    (problem,) = loaded["problems"]
    assert problem["source"] == str(path), problem
    return dict(problem)


def _line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


def test_an_alias_bomb_is_refused_without_being_expanded(tmp_path: Path) -> None:
    lists = ["&a [" + ", ".join(["lol"] * 9) + "]"]
    lists += [
        f"&{name} [" + ", ".join([f"*{below}"] * 9) + "]" for below, name in itertools.pairwise("abcdefghi")
    ]
    pack = _pack(tmp_path)
    path = _procedure(pack, "urls: [https://example.org]", f"urls: [{', '.join(lists)}]")
    assert path.stat().st_size < 2048  # about 1 KB of YAML that stood for 9**9 words
    problem = _only_problem(_load_in_child(pack), path)
    assert problem["line"] == _line_of(path, "urls:")
    assert "alias" in str(problem["problem"])


def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    path = pack / "procedures" / "zero.yaml"
    path.symlink_to("/dev/zero")
    problem = _only_problem(_load_in_child(pack), path)
    assert "outside the pack" in str(problem["problem"])


@pytest.mark.parametrize(
    "where", ["pack.yaml", "glossary.yaml", "procedures/pipe.yaml", "practice/pipe.yaml"]
)
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path, where: str) -> None:
    pack = _pack(tmp_path)
    path = pack / where
    path.parent.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    loaded = _load_in_child(pack)
    (problem,) = loaded["problems"]
    assert problem["source"] == str(path)
    assert "not a regular file" in problem["problem"]


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    path = pack / "procedures" / "huge.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write("steps:\n")
        out.writelines("  - Un mot.\n" for _ in range(5_000_000))
    assert path.stat().st_size >= 50_000_000
    problem = _only_problem(_load_in_child(pack), path)
    assert "bytes" in str(problem["problem"]) and "limit" in str(problem["problem"])


def test_a_number_with_a_hundred_thousand_digits_is_refused_with_its_line(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    path = _procedure(pack, "estimated_minutes: 5", "estimated_minutes: " + "1" * 100_000)
    problem = _only_problem(_load_in_child(pack), path)
    assert problem["line"] == _line_of(path, "estimated_minutes:")
    assert "number" in str(problem["problem"])


def test_a_sexagesimal_number_that_takes_minutes_to_compute_is_refused(tmp_path: Path) -> None:
    # YAML 1.1 reads 1:59:59 as a number in base 60: 300,000 parts took tens of seconds.
    pack = _pack(tmp_path)
    path = _procedure(pack, "estimated_minutes: 5", "estimated_minutes: 1" + ":59" * 300_000)
    problem = _only_problem(_load_in_child(pack), path)
    assert problem["line"] == _line_of(path, "estimated_minutes:")


def test_a_link_out_of_the_pack_is_refused_even_to_a_good_procedure(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    outside = tmp_path / "elsewhere" / "good.yaml"
    outside.parent.mkdir()
    text = (pack / "procedures" / "compte.yaml").read_text(encoding="utf-8")
    outside.write_text(text.replace("id: compte\n", "id: elsewhere\n"), encoding="utf-8")
    link = pack / "procedures" / "good.yaml"
    link.symlink_to(outside)
    catalog = load_catalog([pack])
    assert "elsewhere" not in catalog.procedures
    (problem,) = catalog.problems
    assert problem.source == str(link) and "outside the pack" in problem.problem


def test_a_link_that_stays_inside_the_pack_is_read(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    shared = pack / "shared" / "autre.yaml"
    shared.parent.mkdir()
    text = (pack / "procedures" / "compte.yaml").read_text(encoding="utf-8")
    shared.write_text(text.replace("id: compte\n", "id: autre\n"), encoding="utf-8")
    (pack / "procedures" / "autre.yaml").symlink_to(Path("..") / "shared" / "autre.yaml")
    catalog = load_catalog([pack])
    assert catalog.problems == [] and "autre" in catalog.procedures


def test_a_link_loop_is_refused(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    (pack / "procedures" / "a.yaml").symlink_to("b.yaml")
    (pack / "procedures" / "b.yaml").symlink_to("a.yaml")
    catalog = load_catalog([pack])
    assert sorted(Path(problem.source).name for problem in catalog.problems) == ["a.yaml", "b.yaml"]
    assert set(catalog.procedures) == {"compte", "mail"}


def test_nesting_too_deep_is_refused_with_its_line(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    path = _procedure(pack, "after: C'est fait.", "after: " + "{a: " * 500 + "1" + "}" * 500)
    catalog = load_catalog([pack])
    (problem,) = catalog.problems
    assert problem.source == str(path) and "deep" in problem.problem
    assert problem.line == _line_of(path, "after:")


@pytest.mark.parametrize(
    "value",
    [
        "2026-02-31",
        "!!int douze",
        "!!float beaucoup",
        "!!bool peut-être",
        "!!timestamp demain",
        "!!map [1]",
        "!!seq abc",
    ],
)
def test_a_value_yaml_cannot_build_is_refused_with_its_line(tmp_path: Path, value: str) -> None:
    pack = _pack(tmp_path)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace('version: "1"', f"version: {value}"))
    catalog = load_catalog([pack])
    (problem,) = catalog.problems
    assert problem.source == str(manifest) and problem.line == _line_of(manifest, "version:")


def test_the_glossary_and_the_manifest_are_read_the_same_way(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    outside = tmp_path / "glossary.yaml"
    shutil.copy(pack / "glossary.yaml", outside)
    (pack / "glossary.yaml").unlink()
    (pack / "glossary.yaml").symlink_to(outside)
    catalog = load_catalog([pack])
    (problem,) = catalog.problems
    assert problem.source == str(pack / "glossary.yaml") and "outside the pack" in problem.problem
    assert catalog.glossary == {}


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("ABSOLUTE", "a file name inside illustrations/"),
        ("../../outside.svg", "a file name inside illustrations/"),
        ("../pack-drawing.svg", "a file name inside illustrations/"),
        ("link.svg", "leads outside the pack"),
        ("pipe.svg", "not a regular file"),
    ],
)
def test_a_drawing_outside_the_pack_is_refused_and_the_guide_kept(
    tmp_path: Path, name: str, reason: str
) -> None:
    pack = _pack(tmp_path)
    outside = tmp_path / "outside.svg"
    shutil.copy(pack / "illustrations" / "page.svg", outside)
    shutil.copy(outside, pack / "pack-drawing.svg")
    (pack / "illustrations" / "link.svg").symlink_to(outside)
    os.mkfifo(pack / "illustrations" / "pipe.svg")
    name = str(outside) if name == "ABSOLUTE" else name
    path = pack / "procedures" / "compte.yaml"
    path.write_text(path.read_text().replace("illustration: page.svg", f"illustration: {name}"))
    catalog = load_catalog([pack])
    assert catalog.problems == []
    assert catalog.procedures["compte"].steps[1].illustration == ""
    (refused,) = catalog.degraded
    assert refused.source == str(path) and refused.field == "steps[1].illustration"
    assert reason in refused.problem


def test_a_drawing_linked_inside_the_pack_is_kept(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    (pack / "illustrations" / "same.svg").symlink_to("page.svg")
    path = pack / "procedures" / "compte.yaml"
    path.write_text(path.read_text().replace("illustration: page.svg", "illustration: same.svg"))
    catalog = load_catalog([pack])
    assert catalog.degraded == []
    # The screen is given the real file, the one that was checked.
    assert catalog.procedures["compte"].steps[1].illustration == str(
        (pack / "illustrations" / "page.svg").resolve()
    )


def test_a_huge_wrong_value_is_cut_short_in_its_message(tmp_path: Path) -> None:
    # The message goes to the log and to mediator mode: it quotes the start of the value.
    pack = _pack(tmp_path)
    path = _procedure(pack, "urls: [https://example.org]", "urls: [http://" + "a" * 500_000 + "]")
    (problem,) = load_catalog([pack]).problems
    assert problem.source == str(path) and len(problem.problem) < 400
    assert problem.problem.startswith("'http://aaa") and problem.problem.endswith("must start with https://")


def test_a_pack_stops_being_read_past_its_size_budget(tmp_path: Path) -> None:
    # Five files under the 1 MB limit each, 4.5 MB in all: the fifth is not read.
    pack = _pack(tmp_path)
    comment = "# " + "x" * 98 + "\n"
    for number in range(1, 6):
        (pack / "procedures" / f"z{number}.yaml").write_text(comment * 9_000)  # 0.9 MB
    catalog = load_catalog([pack])
    assert set(catalog.procedures) == {"compte", "mail"}
    sources = [Path(problem.source).name for problem in catalog.problems]
    assert sources == ["z1.yaml", "z2.yaml", "z3.yaml", "z4.yaml", "pack"]
    assert "z5.yaml and what comes after it were not read" in catalog.problems[-1].problem


def test_a_folder_of_too_many_files_is_not_read(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    for number in range(1001):
        (pack / "procedures" / f"p{number}.yaml").touch()
    catalog = load_catalog([pack])
    (problem,) = catalog.problems
    assert problem.source == str(pack / "procedures") and "more than 1000 .yaml files" in problem.problem
    assert set(catalog.glossary) == {"adresse-mail", "identifiant"}  # read before the folder
