"""From a postal code to the département and its housing-aid zones, read from OpenFisca-France's own table."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from kiosk.rights.housing_zone import departement_of, single_zone, zonage_file, zones_of


@pytest.mark.parametrize(
    ("postal_code", "departement"),
    [
        ("59000", "59"),
        ("01000", "01"),
        ("75011", "75"),
        ("95000", "95"),
        ("20000", "2A"),  # Ajaccio
        ("20137", "2A"),  # Porto-Vecchio
        ("20200", "2B"),  # Bastia
        ("20600", "2B"),  # Furiani
        ("97100", "971"),
        ("97400", "974"),
        ("97500", "975"),
        ("97600", "976"),
        ("98000", None),  # Monaco
        ("98800", None),  # Nouvelle-Calédonie
        ("97700", None),
        ("00100", None),
        ("96000", None),
        ("7501", None),
        ("750110", None),
        ("7501a", None),
    ],
)
def test_the_departement_of_a_postal_code(postal_code: str, departement: str | None) -> None:
    assert departement_of(postal_code) == departement


def test_the_table_is_openfisca_france_s_own() -> None:
    path = zonage_file()
    assert path is not None and path.parts[-4:] == (
        "openfisca_france",
        "assets",
        "apl",
        "20110914_zonage.csv",
    )
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 35_000  # one line per commune
    # Read as OpenFisca reads it: « 1bis » is zone 1.
    paris = {row["Zonage"] for row in rows if row["DEP"] == "92"}
    assert paris == {"1", "1bis"} and zones_of("92") == {1}


@pytest.mark.parametrize(
    ("departement", "zones"),
    [
        ("75", {1}),
        ("92", {1}),
        ("23", {3}),
        ("2A", {2}),
        ("974", {2}),
        ("59", {2, 3}),
        ("13", {2, 3}),
        ("77", {1, 2}),
        ("975", set()),  # Saint-Pierre-et-Miquelon: not in the table
    ],
)
def test_the_zones_of_a_departement(departement: str, zones: set[int]) -> None:
    assert zones_of(departement) == zones
    assert single_zone(departement) == (next(iter(zones)) if len(zones) == 1 else None)


def test_every_mixed_departement_mixes_1_and_2_or_2_and_3() -> None:
    """The two follow-up questions cover every mix the table has (docs/RIGHTS.md)."""
    departements = {departement_of(f"{number:02d}000") for number in range(1, 96)} | {"2A", "2B"}
    departements |= {"971", "972", "973", "974", "976"}
    mixes = {frozenset(zones_of(d)) for d in departements if d and len(zones_of(d)) > 1}
    assert mixes == {frozenset({1, 2}), frozenset({2, 3})}
    single = [d for d in departements if d and len(zones_of(d)) == 1]
    assert len(single) >= 40  # about half the départements are settled by the postal code alone


def test_reading_the_zones_never_imports_openfisca() -> None:
    code = (
        "import sys\n"
        "from kiosk.rights.housing_zone import zones_of\n"
        "assert zones_of('59') == {2, 3}\n"
        "print(sorted(m for m in sys.modules if m.startswith('openfisca')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
