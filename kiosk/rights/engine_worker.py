"""The rights worker: a separate process that owns OpenFisca-France and computes the aids of one household.

OpenFisca-France (AGPL-3.0) and numpy take about 200 MB and seconds to load: the kiosk never
imports them in its own process (a test checks it). ``kiosk.rights.engine.RightsEngine`` starts
this worker, and kills it, which releases all of that memory, when the visit ends.

It reads one JSON request per line on stdin, ``{"id", "situation", "month", "variables"}``: an
OpenFisca situation (entities ``individus``, ``familles``, ``foyers_fiscaux``, ``menages``), the
month simulated ("YYYY-MM") and the variables wanted. It answers one JSON line, ``{"id", "ok",
"values", "error", "rules"}``: each variable's monthly figure for the whole household (the sum over
the entities of the situation; a yearly variable is divided by 12; a true-or-false one stays true or
false, true when it is for anyone), or ``ok`` false and what went wrong. Its first line,
``{"ready": true, "rules": ...}``, comes once the rules are loaded; ``rules`` names the release
that computed (« openfisca-france 176.1.8 »).

An error never repeats a value of the situation (incomes are personal data): it names the
variable or the place in the situation, never what was there. Answers go through a private copy
of the original stdout; fd 1 points at stderr, so nothing the engine prints can corrupt them
(as in ``voice.engine_worker``). Run: ``python -m kiosk.rights.engine_worker``.
"""

from __future__ import annotations

import gc
import json
import os
import re
import sys
from importlib.metadata import version
from typing import Any, TextIO

PACKAGE = "openfisca-france"
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


class Refused(Exception):
    """A request the worker cannot compute; the message names no value of the situation."""


def _answers_channel() -> TextIO:
    private = os.dup(1)
    os.dup2(2, 1)
    return os.fdopen(private, "w", buffering=1, encoding="utf-8")


def rules_name() -> str:
    """The rules this worker computes with, as the results screen says them."""
    return f"{PACKAGE} {version(PACKAGE)}"


def _places(error: Any, prefix: str = "") -> list[str]:
    """The paths of a situation error (``individus/demandeur/salaire_net``), without its messages,
    which quote the values they could not read."""
    if not isinstance(error, dict):
        return [prefix] if prefix else []
    places: list[str] = []
    for key, inner in error.items():
        places.extend(_places(inner, f"{prefix}/{key}" if prefix else str(key)))
    return places


class Calculator:
    """The rules, loaded once, and one simulation per request."""

    def __init__(self) -> None:
        from openfisca_france import FranceTaxBenefitSystem

        self.system = FranceTaxBenefitSystem()
        self.rules = rules_name()

    def values(self, situation: object, month: object, variables: object) -> dict[str, float | bool]:
        from openfisca_core.errors import SituationParsingError
        from openfisca_core.periods import DateUnit
        from openfisca_core.simulation_builder import SimulationBuilder

        if not isinstance(month, str) or not MONTH.fullmatch(month):
            raise Refused("month is not YYYY-MM")
        if not isinstance(variables, list) or not all(isinstance(name, str) for name in variables):
            raise Refused("variables is not a list of names")
        if not isinstance(situation, dict):
            raise Refused("the situation is not an object")
        wanted = []
        for name in variables:
            variable = self.system.get_variable(name)
            if variable is None:
                raise Refused(f"no variable {name!r} in {self.rules}")
            if variable.definition_period not in (DateUnit.MONTH, DateUnit.YEAR):
                raise Refused(f"{name} is not defined by month or by year")
            if variable.value_type not in (float, int, bool):
                raise Refused(f"{name} is not an amount")
            wanted.append(variable)
        try:
            simulation = SimulationBuilder().build_from_entities(self.system, situation)
        except SituationParsingError as error:
            raise Refused(f"the situation cannot be read at {', '.join(_places(error.error))}") from None
        values: dict[str, float | bool] = {}
        for variable in wanted:
            if variable.definition_period == DateUnit.MONTH:
                figures = simulation.calculate(variable.name, month)
            else:
                figures = simulation.calculate(variable.name, month[:4])
            if variable.value_type is bool:
                values[variable.name] = bool(figures.any())
            else:
                total = float(figures.sum())
                if variable.definition_period == DateUnit.YEAR:
                    total /= 12
                values[variable.name] = round(total, 2)
        return values

    def answer(self, line: str) -> dict[str, Any]:
        answer: dict[str, Any] = {"id": None, "ok": False, "values": {}, "error": "", "rules": self.rules}
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise Refused("a request is a JSON object")
            answer["id"] = request.get("id")
            answer["values"] = self.values(
                request.get("situation"), request.get("month"), request.get("variables")
            )
            answer["ok"] = True
        except Refused as error:
            answer["error"] = str(error)
        except json.JSONDecodeError:
            answer["error"] = "the request is not JSON"
        # A formula that fails on an odd household must not end the worker: the kiosk is told, and the
        # next person is computed as usual. Only the error's type is said: its text may quote a value.
        except Exception as error:  # noqa: BLE001
            answer["error"] = f"the rules failed: {type(error).__name__}"
        return answer


def settle() -> None:
    """Free the last simulation, then set what is left (the rules, the parameters of the months already
    computed: about 700,000 objects kept for good) out of the garbage collector's way. Collecting used to
    walk all of them, several times a simulation; now it walks what one simulation makes."""
    gc.collect()
    gc.freeze()


def serve(requests: TextIO, answers: TextIO) -> None:
    calculator = Calculator()
    settle()
    answers.write(json.dumps({"ready": True, "rules": calculator.rules}) + "\n")
    for line in requests:
        if line.strip():
            answers.write(json.dumps(calculator.answer(line)) + "\n")
            settle()  # after the answer: the person does not wait for it


if __name__ == "__main__":
    serve(sys.stdin, _answers_channel())
