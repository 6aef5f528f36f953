"""« Quelles aides pour moi ? »: how long the rights worker takes to start and to answer, and its memory.

Runs the real engine as the kiosk does (``kiosk.rights.engine.RightsEngine``, OpenFisca-France in its
worker process), on households made by ``kiosk.rights.situation`` from answers a person could give.
Each run starts fresh workers and measures:

- start to ready: from ``start()`` to the rules loaded (the worker's greeting, then a household whose
  figure is an input: no rule computed, no parameter loaded);
- cold: a first person's estimate on a worker that was not warmed, then a second person's;
- as the kiosk does it: ``start()`` and ``warm()`` when the questionnaire opens (while the person
  answers), then the estimate after the last question, for each of several people in a row (budget: 2 s);
- the worker's memory (RSS and PSS, from /proc/PID/smaps_rollup) when ready, once warm, after every
  person, and whether it is all given back by ``close()`` (the process gone).

It also times importing the engine's module in a fresh interpreter (what the kiosk's process pays when
the questionnaire first opens) and checks that OpenFisca and numpy stay out of that process.
Usage: .venv/bin/python bench/rights_latency.py [--runs N] [--month YYYY-MM]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.rights import questions as q
from kiosk.rights.answers import Answers
from kiosk.rights.engine import RightsEngine
from kiosk.rights.questions import DONT_KNOW, QUESTIONS

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 300.0
BUDGET_S = 2.0
# Households whose figure is an input: the worker answers them without computing a rule.
TRIVIAL = {
    "individus": {"demandeur": {"salaire_net": {"2025-01": 1.0}}},
    "familles": {"famille": {"parents": ["demandeur"]}},
    "foyers_fiscaux": {"foyer_fiscal": {"declarants": ["demandeur"]}},
    "menages": {"menage": {"personne_de_reference": ["demandeur"]}},
}
# Alone, no child, no other income, no disability: what each person below changes of it.
SINGLE: dict[str, str | int] = {
    "age": 35, "couple": q.ALONE, "children": 0, "other_income": 0, "disability": "no"
}
PEOPLE: dict[str, dict[str, str | int]] = {
    "a tenant on a low wage": {
        **SINGLE,
        **{"activity": q.WORK, "salary": 900},
        **{"housing": q.TENANT_PRIVATE, "rent": 550, "postal_code": "59000", "zone_city": q.YES},
    },
    "a couple, two children": {
        **SINGLE,
        **{"age": 38, "couple": q.COUPLE, "children": 2, "child_age_1": 1, "child_age_2": 7},
        **{"activity": q.WORK, "salary": 1500, "partner_activity": q.OTHER},
        **{"housing": q.TENANT_SOCIAL, "rent": 550, "postal_code": "69008", "zone_city": q.YES},
    },
    "a parent alone, job seeker": {
        **SINGLE,
        **{"age": 32, "children": 3, "child_age_1": 4, "child_age_2": 9, "child_age_3": 15},
        **{"activity": q.JOB_SEEKER, "unemployment_benefit": 600},
        **{"housing": q.TENANT_PRIVATE, "rent": 600, "postal_code": "93200"},
    },
    "retired, owner": {
        **SINGLE,
        **{"age": 70, "activity": q.RETIRED, "pension": 700, "housing": q.OWNER, "postal_code": "23000"},
    },
    "« je ne sais pas » to everything": {question.id: DONT_KNOW for question in QUESTIONS},
}


def answers(values: dict[str, str | int]) -> Answers:
    made = Answers()
    for question_id, value in values.items():
        made.set(question_id, value)
    return made


def memory_mb(pid: int | None) -> tuple[float, float]:
    """Resident and proportional set sizes of ``pid``, in MB."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            fields[name] = int(rest.split()[0]) / 1024
    return fields["Rss"], fields["Pss"]


def timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def cold_run(month: str) -> dict[str, float]:
    figures: dict[str, float] = {}
    people = list(PEOPLE.values())
    engine = RightsEngine()
    began = time.perf_counter()
    engine.start()
    figures["start() returns"] = time.perf_counter() - began
    engine.calculate(TRIVIAL, month, ["salaire_net"], timeout_s=TIMEOUT_S)
    figures["start to ready"] = time.perf_counter() - began
    figures["RSS ready"], figures["PSS ready"] = memory_mb(engine.pid)
    first, second = answers(people[0]), answers(people[1])
    figures["first person, worker not warmed"] = timed(lambda: engine.estimate(first, month, TIMEOUT_S))
    figures["second person"] = timed(lambda: engine.estimate(second, month, TIMEOUT_S))
    figures["RSS after two people"], figures["PSS after two people"] = memory_mb(engine.pid)
    pid = engine.pid
    figures["close()"] = timed(engine.close)
    figures["worker gone after close()"] = float(not Path(f"/proc/{pid}").exists())
    return figures


def kiosk_run(month: str) -> tuple[dict[str, float], dict[str, list[float]]]:
    figures: dict[str, float] = {}
    after_last_question: dict[str, list[float]] = {}
    engine = RightsEngine()
    began = time.perf_counter()
    engine.start()
    engine.warm(month)
    figures["start() + warm() (while the person answers)"] = time.perf_counter() - began
    figures["RSS warm"], figures["PSS warm"] = memory_mb(engine.pid)
    for name, values in PEOPLE.items():
        person = answers(values)
        began = time.perf_counter()
        engine.estimate(person, month, TIMEOUT_S)
        after_last_question[name] = [time.perf_counter() - began]
        figures[f"RSS after {name}"], figures[f"PSS after {name}"] = memory_mb(engine.pid)
    again = answers(next(iter(PEOPLE.values())))
    after_last_question["the first person again (Back, then the same answers)"] = [
        timed(lambda: engine.estimate(again, month, TIMEOUT_S))
    ]
    pid = engine.pid
    engine.close()
    figures["worker gone after close()"] = float(not Path(f"/proc/{pid}").exists())
    return figures, after_last_question


KIOSK_SIDE = """
import sys, time
began = time.perf_counter()
import kiosk.rights.engine
took = time.perf_counter() - began
engine_side = {"openfisca_core", "openfisca_france", "numpy", "numexpr"}
heavy = sorted({m.split(".")[0] for m in sys.modules} & engine_side)
print(took * 1000, len(sys.modules), " ".join(heavy) or "-")
"""


def kiosk_side(runs: int) -> tuple[float, int, str]:
    results = []
    for _ in range(runs):
        child = subprocess.run(
            [sys.executable, "-c", KIOSK_SIDE], cwd=ROOT, capture_output=True, text=True, check=True
        )
        took, modules, heavy = child.stdout.split()
        results.append((float(took), int(modules), heavy))
    return statistics.median(r[0] for r in results), results[0][1], results[0][2]


def show(title: str, runs: list[dict[str, float]]) -> None:
    print(title)
    for name in runs[0]:
        values = [run[name] for run in runs]
        median = statistics.median(values)
        if name.startswith(("RSS", "PSS")):
            print(f"  {name:58} {median:7.1f} MB   (runs: {', '.join(f'{v:.1f}' for v in values)})")
        elif name.startswith("worker gone"):
            print(f"  {name:58} {'yes' if all(values) else 'NO'}")
        else:
            print(f"  {name:58} {median:7.2f} s    (runs: {', '.join(f'{v:.2f}' for v in values)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--month", default=datetime.now().astimezone().strftime("%Y-%m"))
    arguments = parser.parse_args()
    month = arguments.month
    print(f"{arguments.runs} runs, month simulated {month}, fresh workers in each")
    show("cold worker", [cold_run(month) for _ in range(arguments.runs)])
    kiosk_runs = [kiosk_run(month) for _ in range(arguments.runs)]
    show("as the kiosk does it: start() and warm() when the questionnaire opens", [r[0] for r in kiosk_runs])
    print(f"  answer after the last question (budget {BUDGET_S:g} s)")
    for name in kiosk_runs[0][1]:
        values = [value for run in kiosk_runs for value in run[1][name]]
        verdict = "met" if max(values) <= BUDGET_S else "NOT met"
        print(f"    {name:56} {statistics.median(values):7.2f} s    worst {max(values):.2f} s: {verdict}")
    took, modules, heavy = kiosk_side(max(arguments.runs, 5))
    print("the kiosk's process, when the questionnaire first opens")
    print(f"  import kiosk.rights.engine (fresh interpreter, median)  {took:7.1f} ms, {modules} modules")
    print(f"  OpenFisca or numpy loaded in the kiosk's process        {heavy}")


if __name__ == "__main__":
    main()
