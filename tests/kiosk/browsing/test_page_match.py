"""The guide follows the real site: the page a step declares moves the guide forward to it, never back."""

from __future__ import annotations

import re
import time
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.browsing.page_match import page_matches, path_matches, step_reached
from kiosk.content.loader import Catalog, load_catalog
from kiosk.content.procedures import PagePattern, Procedure
from tests.kiosk import FIXTURE_PACK


def _with_pages(*pages: PagePattern | None) -> Procedure:
    """The fixture's five-step procedure with these pages on its first steps."""
    procedure = load_catalog([FIXTURE_PACK]).procedures["compte"]
    steps = [
        replace(step, page=page) for step, page in zip(procedure.steps, (*pages, *[None] * 5), strict=False)
    ]
    return replace(procedure, steps=tuple(steps))


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("/*", "/", True),
        ("/*", "/a/b/c", True),
        ("/compte", "/compte", True),
        ("/compte", "/compte/", False),
        ("/compte", "/Compte", False),
        ("/compte/*", "/compte/", True),
        ("/compte/*", "/compte/connexion/etape-2", True),  # * crosses /
        ("/compte/*", "/compte", False),
        ("/*/declaration", "/2026/t1/declaration", True),
        ("/*/declaration", "/declaration", False),
        ("/a*b*c", "/abc", True),
        ("/a*b*c", "/aXbYc", True),
        ("/a*b*c", "/acb", False),
        ("/a*a", "/a", False),  # the fixed pieces cannot overlap
        ("/a**b", "/ab", True),
        ("/[x]?.html", "/[x]?.html", True),  # only * is special
        ("/[x]?.html", "/x1.html", False),
        ("/.*", "/abc", False),
    ],
)
def test_a_path_pattern_has_one_special_character(pattern: str, path: str, matches: bool) -> None:
    assert path_matches(pattern, path) is matches


@given(
    pieces=st.lists(st.text(alphabet="ab/", max_size=3), min_size=1, max_size=5),
    path=st.text(alphabet="ab/", max_size=12),
)
def test_a_path_pattern_matches_as_the_equivalent_regular_expression(pieces: list[str], path: str) -> None:
    pattern = "*".join(pieces)
    expected = re.fullmatch(".*".join(re.escape(piece) for piece in pieces), path, re.DOTALL) is not None
    assert path_matches(pattern, path) is expected


def test_no_pattern_and_no_address_can_make_matching_slow() -> None:
    # "/*a*a*a*a*a*b" as the regular expression ".*a.*a…" took 83 s on 200 letters a
    # (measured); finding the fixed pieces in turn takes microseconds.
    pattern = "/" + "*a" * 30 + "*b"
    path = "/" + "a" * 100_000
    started = time.perf_counter()
    assert not path_matches(pattern, path)
    assert path_matches(pattern, path + "b")
    assert time.perf_counter() - started < 0.5


def test_the_host_is_exact_and_compared_in_its_normal_form() -> None:
    page = PagePattern("www.caf.fr", "/mon-compte/*")
    assert page_matches(page, "https://www.caf.fr/mon-compte/accueil?x=1#haut", "")
    assert page_matches(page, "https://WWW.CAF.FR./mon-compte/", "")
    assert page_matches(page, "https://www.caf.fr:443/mon-compte/a", "")
    assert not page_matches(page, "https://caf.fr/mon-compte/", "")  # another host of the site
    assert not page_matches(page, "https://wwwd.caf.fr/mon-compte/", "")
    assert not page_matches(page, "https://www.caf.fr.evil.com/mon-compte/", "")
    assert not page_matches(page, "https://evil.com/www.caf.fr/mon-compte/", "")
    assert not page_matches(page, "https://www.caf.fr@evil.com/mon-compte/", "")
    assert not page_matches(page, "data:text/html,www.caf.fr/mon-compte/", "")
    assert page_matches(PagePattern("xn--caf-dma.fr"), "https://café.fr/", "")


def test_only_the_path_is_compared_decoded_never_the_query() -> None:
    assert page_matches(PagePattern("a.fr", "/démarches/*"), "https://a.fr/d%C3%A9marches/logement", "")
    assert not page_matches(PagePattern("a.fr", "/compte"), "https://a.fr/autre?page=/compte", "")
    assert page_matches(PagePattern("a.fr", "/"), "https://a.fr", "")  # no path is the root


def test_every_title_word_must_appear_whatever_the_case_and_the_accents() -> None:
    page = PagePattern("impots.gouv.fr", "/*", ("Déclarer", "espace particulier"))
    url = "https://impots.gouv.fr/accueil"
    assert page_matches(page, url, "DECLARER mes revenus – Espace Particulier | impots.gouv.fr")
    assert page_matches(page, url, "Espace particulier : déclarer")
    assert not page_matches(page, url, "Déclarer mes revenus")  # one of them is missing
    assert not page_matches(page, url, "Espace particulier, déclarations")  # a word, not a part of one
    assert not page_matches(page, url, "Particulier espace : déclarer")  # a phrase keeps its order
    assert not page_matches(PagePattern("a.fr", "/*", ("prime d'activité",)), "https://a.fr/", "Prime")
    assert page_matches(
        PagePattern("a.fr", "/*", ("prime d’activité",)), "https://a.fr/", "La prime d'activité"
    )
    assert page_matches(PagePattern("a.fr"), "https://a.fr/", "")  # no title words: any title


def test_the_guide_moves_only_forward_to_the_first_step_whose_page_it_is() -> None:
    login = PagePattern("www.example.org", "/connexion")
    site = PagePattern("www.example.org")
    procedure = _with_pages(None, site, None, None, login)
    assert step_reached(procedure, "https://www.example.org/", "", -1) == 1  # from the intro
    assert step_reached(procedure, "https://www.example.org/connexion", "", -1) == 1  # the first that fits
    assert step_reached(procedure, "https://www.example.org/connexion", "", 1) == 4
    assert step_reached(procedure, "https://www.example.org/", "", 1) is None  # never the step shown
    assert step_reached(procedure, "https://www.example.org/", "", 4) is None  # never back
    assert step_reached(procedure, "https://www.example.org/connexion", "", 4) is None
    assert step_reached(procedure, "https://elsewhere.org/connexion", "", -1) is None
    assert step_reached(procedure, "about:blank", "", -1) is None
    assert step_reached(procedure, "https://www.example.org/", "", 99) is None
    assert step_reached(_with_pages(), "https://www.example.org/", "", -1) is None  # a guide without pages


def test_the_bundled_ants_guide_follows_its_three_sites(bundled_catalog: Catalog) -> None:
    ants = bundled_catalog.procedures["ants-carte-identite-passeport"]
    ids = [step.id for step in ants.steps]
    assert step_reached(ants, "https://ants.gouv.fr/", "ANTS", -1) == ids.index("site-officiel")
    at_question = ids.index("payant")
    timbre = step_reached(ants, "https://timbres.impots.gouv.fr/timbre/achat", "Timbres fiscaux", at_question)
    assert timbre == ids.index("timbre")
    appointment = step_reached(
        ants, "https://rendezvouspasseport.ants.gouv.fr/", "", ids.index("pre-demande")
    )
    assert appointment == ids.index("rendez-vous")
    assert step_reached(ants, "https://moncompte.ants.gouv.fr/", "", -1) is None  # an exact host
