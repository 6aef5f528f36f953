from __future__ import annotations

import io
from pathlib import Path

from kiosk.config import BUNDLED_PACK
from kiosk.content.extractor import extract_procedures
from kiosk.content.glossary import mentions, terms_of_step
from kiosk.content.loader import load_catalog
from kiosk.content.procedures import GlossaryTerm, Step
from tests.kiosk import FIXTURE_PACK

FIXTURE = FIXTURE_PACK


def test_a_word_is_found_in_any_of_its_forms_but_not_inside_other_words() -> None:
    term = GlossaryTerm("rib", "RIB", "Relevé d'identité bancaire.", ("relevé d'identité bancaire",))
    assert mentions(term, "Préparez votre RIB.")
    assert mentions(term, "Un Relevé d'identité bancaire suffit.")
    assert not mentions(term, "Le ribambelle n'est pas un mot du glossaire.")
    typographic = GlossaryTerm("prime", "prime d'activité", "Une aide de la CAF.")
    assert mentions(typographic, "Demandez la prime d\u2019activité.")


def test_the_words_of_a_step_are_those_named_then_those_in_its_text() -> None:
    glossary = load_catalog([FIXTURE]).glossary
    step = Step("s", "Titre", "Tapez votre identifiant.", "mdi6.web", glossary=("adresse-mail",))
    assert [t.id for t in terms_of_step(step, glossary)] == ["adresse-mail", "identifiant"]
    assert terms_of_step(Step("s", "Rien", "Aucun mot.", "mdi6.web"), glossary) == []


def test_the_extractor_gives_translators_exactly_what_people_read() -> None:
    catalog = load_catalog([BUNDLED_PACK])
    for procedure in catalog.procedures.values():
        path = Path(procedure.source_file)
        extracted = {text for _, _, text, _ in extract_procedures(io.BytesIO(path.read_bytes()), {}, [], {})}
        assert extracted == set(procedure.texts()), path.name
    glossary_file = BUNDLED_PACK / "glossary.yaml"
    extracted = {t for _, _, t, _ in extract_procedures(io.BytesIO(glossary_file.read_bytes()), {}, [], {})}
    assert extracted == {text for term in catalog.glossary.values() for text in (term.term, term.definition)}
