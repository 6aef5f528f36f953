"""Where the person lives, from a postal code: the département, and the housing-aid zones found there.

Housing aid has three zones (1, 2, 3: a rent ceiling for each). OpenFisca-France finds a
commune's zone in the table it ships, ``openfisca_france/assets/apl/20110914_zonage.csv``
(one line per commune: INSEE code, département, zone; « 1bis » counts as 1, as OpenFisca reads
it). That table is read here by its file path, never by importing OpenFisca, which runs only
in its own worker process. A postal code is not a commune code, and no table joining the two
can be shipped, so the postal code gives the département (its first two digits; Corsica and
overseas are read apart), and the table says which zones that département has: one zone for
about half of them, which settles it; otherwise one spoken question does (docs/RIGHTS.md).
"""

from __future__ import annotations

import csv
import importlib.util
import logging
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

ZONAGE_FILE = Path("assets") / "apl" / "20110914_zonage.csv"
POSTAL_CODE_DIGITS = 5

# Régions whose rules differ; OpenFisca reads them from the commune code, the kiosk from the département.
ILE_DE_FRANCE = frozenset({"75", "77", "78", "91", "92", "93", "94", "95"})
OVERSEAS = {
    "971": "residence_guadeloupe",
    "972": "residence_martinique",
    "973": "residence_guyane",
    "974": "residence_reunion",
    "975": "residence_saint_pierre_et_miquelon",
    "976": "residence_mayotte",
}


def departement_of(postal_code: str) -> str | None:
    """The département of a French postal code (« 59000 » → « 59 », « 20090 » → « 2A »,
    « 97400 » → « 974 »), or None when it is not the postal code of a département.

    Monaco and the overseas collectivities of the Pacific (98…) are left out: the aids
    computed here are not theirs.
    """
    if len(postal_code) != POSTAL_CODE_DIGITS or not postal_code.isascii() or not postal_code.isdigit():
        return None
    two, three = postal_code[:2], postal_code[:3]
    if two == "20":
        return "2A" if three in ("200", "201") else "2B"  # Corse-du-Sud 200xx-201xx, Haute-Corse 202xx-206xx
    if two == "97":
        return three if three in OVERSEAS else None
    if "01" <= two <= "95":
        return two
    return None


def zonage_file() -> Path | None:
    """OpenFisca-France's table of housing-aid zones, found without importing the package."""
    spec = importlib.util.find_spec("openfisca_france")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / ZONAGE_FILE
    return path if path.is_file() else None


@cache
def _zones_by_departement() -> dict[str, frozenset[int]]:
    path = zonage_file()
    if path is None:
        log.warning("the housing-aid zones table of openfisca-france is missing")
        return {}
    zones: dict[str, set[int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            zone = row["Zonage"].strip()
            if zone[:1] in ("1", "2", "3"):
                zones.setdefault(row["DEP"].strip(), set()).add(int(zone[0]))
    return {departement: frozenset(found) for departement, found in zones.items()}


def zones_of(departement: str) -> frozenset[int]:
    """The housing-aid zones of the communes of a département (empty when the table does not list it)."""
    return _zones_by_departement().get(departement, frozenset())


def single_zone(departement: str) -> int | None:
    """The zone of every commune of the département, when they all share one."""
    zones = zones_of(departement)
    return next(iter(zones)) if len(zones) == 1 else None
