"""The rights worker's protocol, spoken as the engine speaks it: one JSON line per request, one per answer.

One real worker (OpenFisca-France loaded once) answers every test here. The households are small
OpenFisca situations whose figures are inputs, so each answer is checked by hand: a sum over the
people, a yearly figure divided by 12, true-or-false for anyone. What the rules compute is
checked in test_engine.py.
"""

from __future__ import annotations

import json
import selectors
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
MONTH = "2025-06"
LOAD_TIMEOUT_S = 120.0  # loading the rules: about 5 s, more on a machine busy with other tests


class Worker:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk.rights.engine_worker"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
        self.greeting = self.read()

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            assert selector.select(LOAD_TIMEOUT_S), "the worker said nothing"
        line = self.process.stdout.readline()
        assert line.endswith("\n"), line
        answer: dict[str, Any] = json.loads(line)
        return answer

    def send(self, line: str) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.read()

    def ask(
        self, situation: Any, variables: list[str], month: str = MONTH, request_id: int = 7
    ) -> dict[str, Any]:
        request = {"id": request_id, "situation": situation, "month": month, "variables": variables}
        return self.send(json.dumps(request))


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    worker = Worker()
    yield worker
    worker.process.kill()
    worker.process.communicate(timeout=10)


def two_people(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """A couple: one family, one tax household, one home."""
    return {
        "individus": {"demandeur": first, "conjoint": second},
        "familles": {"famille": {"parents": ["demandeur", "conjoint"]}},
        "foyers_fiscaux": {"foyer_fiscal": {"declarants": ["demandeur", "conjoint"]}},
        "menages": {"menage": {"personne_de_reference": ["demandeur"], "conjoint": ["conjoint"]}},
    }


def pinned_release() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        dependencies = tomllib.load(file)["project"]["dependencies"]
    (pin,) = (dependency for dependency in dependencies if dependency.startswith("openfisca-france=="))
    return pin.split("==")[1]


def test_it_says_it_is_ready_first_naming_the_pinned_rules(worker: Worker) -> None:
    assert worker.greeting == {"ready": True, "rules": f"openfisca-france {pinned_release()}"}


def test_a_monthly_figure_is_the_sum_over_the_household(worker: Worker) -> None:
    couple = two_people({"salaire_net": {MONTH: 1000.0}}, {"salaire_net": {MONTH: 523.45}})
    answer = worker.ask(couple, ["salaire_net"], request_id=41)
    assert answer == {
        "id": 41,
        "ok": True,
        "values": {"salaire_net": 1523.45},
        "error": "",
        "rules": worker.greeting["rules"],
    }


def test_a_yearly_figure_comes_as_its_monthly_share(worker: Worker) -> None:
    couple = two_people({"prime_partage_valeur": {"2025": 1200.0}}, {"prime_partage_valeur": {"2025": 600.0}})
    assert worker.ask(couple, ["prime_partage_valeur"])["values"] == {"prime_partage_valeur": 150.0}


def test_a_true_or_false_figure_is_true_when_it_is_true_for_anyone(worker: Worker) -> None:
    one = two_people({"handicap": {MONTH: False}}, {"handicap": {MONTH: True}})
    nobody = two_people({"handicap": {MONTH: False}}, {"handicap": {MONTH: False}})
    assert worker.ask(one, ["handicap"])["values"] == {"handicap": True}
    assert worker.ask(nobody, ["handicap"])["values"] == {"handicap": False}


def test_several_variables_in_one_request_and_the_month_asked_for(worker: Worker) -> None:
    person = {"salaire_net": {"2025-05": 800.0, MONTH: 900.0}, "handicap": {MONTH: True}}
    alone = {
        "individus": {"demandeur": person},
        "familles": {"famille": {"parents": ["demandeur"]}},
        "foyers_fiscaux": {"foyer_fiscal": {"declarants": ["demandeur"]}},
        "menages": {"menage": {"personne_de_reference": ["demandeur"]}},
    }
    assert worker.ask(alone, ["salaire_net", "handicap"], month="2025-05")["values"] == {
        "salaire_net": 800.0,
        "handicap": False,
    }


@pytest.mark.parametrize(
    ("request_line", "error"),
    [
        (
            {"situation": {}, "month": MONTH, "variables": ["aide_a_la_lune"]},
            "no variable 'aide_a_la_lune' in openfisca-france",
        ),
        ({"situation": {}, "month": "2025-13", "variables": ["rsa"]}, "month is not YYYY-MM"),
        ({"situation": {}, "month": "juin", "variables": ["rsa"]}, "month is not YYYY-MM"),
        ({"situation": {}, "month": MONTH, "variables": "rsa"}, "variables is not a list of names"),
        ({"situation": [], "month": MONTH, "variables": ["rsa"]}, "the situation is not an object"),
        (
            {"situation": {}, "month": MONTH, "variables": ["statut_occupation_logement"]},
            "statut_occupation_logement is not an amount",
        ),
        (
            {"situation": {}, "month": MONTH, "variables": ["date_naissance"]},
            "date_naissance is not defined by month or by year",
        ),
    ],
)
def test_a_request_it_cannot_compute_gets_a_reason_and_the_worker_goes_on(
    worker: Worker, request_line: dict[str, Any], error: str
) -> None:
    answer = worker.send(json.dumps({"id": 9, **request_line}))
    assert answer["id"] == 9 and answer["ok"] is False and answer["values"] == {}
    assert answer["error"].startswith(error), answer["error"]
    assert worker.process.poll() is None
    assert worker.ask(two_people({}, {"salaire_net": {MONTH: 10.0}}), ["salaire_net"])["ok"] is True


def test_what_is_not_json_is_answered_too(worker: Worker) -> None:
    assert worker.send("salaire_net=1000") == {
        "id": None,
        "ok": False,
        "values": {},
        "error": "the request is not JSON",
        "rules": worker.greeting["rules"],
    }
    assert worker.send(json.dumps(["a", "list"]))["error"] == "a request is a JSON object"


def test_a_situation_it_cannot_read_is_named_by_its_place_never_by_the_value_typed(worker: Worker) -> None:
    # OpenFisca's own message quotes the value it could not read: an income typed by a person.
    typed = two_people({"salaire_net": {MONTH: "987654 euros"}}, {})
    answer = worker.ask(typed, ["salaire_net"])
    assert answer["ok"] is False
    assert answer["error"] == "the situation cannot be read at individus/demandeur/salaire_net/2025-06"
    assert "987654" not in json.dumps(answer)
    unknown_person = two_people({}, {})
    unknown_person["familles"]["famille"]["parents"] = ["demandeur", "inconnu_424242"]
    answer = worker.ask(unknown_person, ["salaire_net"])
    assert answer["ok"] is False and answer["error"].startswith("the situation cannot be read at familles")


def test_its_answers_go_on_a_private_copy_of_stdout_so_what_the_rules_print_cannot_corrupt_them() -> None:
    program = (
        "from kiosk.rights.engine_worker import _answers_channel\n"
        "answers = _answers_channel()\n"
        "print('the rules say something', flush=True)\n"
        "answers.write('{\"ready\": true}\\n')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout == '{"ready": true}\n'
    assert "the rules say something" in run.stderr


def test_it_ends_when_its_requests_end() -> None:
    worker = Worker()
    assert worker.greeting["ready"] is True
    assert worker.process.stdin is not None
    worker.process.stdin.close()
    assert worker.process.wait(timeout=30) == 0
    assert worker.process.stdout is not None and worker.process.stdout.read() == ""
