"""The steps of a procedure as a graph: where each step and answer leads, and what can go wrong.

Used by navigation (where "Next" or an answer leads, how many steps remain) and by
``kiosk content check`` (unreachable steps, loops with no way out, every path).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.content.procedures import END, Answer, Procedure, Step

MAX_PATHS = 10_000


@dataclass(frozen=True)
class Move:
    """One way out of a step: to a step id or END, maybe through another procedure first."""

    target: str
    detour: str = ""
    answer_index: int | None = None


def following(procedure: Procedure, step: Step) -> str:
    """The step after ``step`` in the file, or END after the last one."""
    index = procedure.step_index(step.id)
    return procedure.steps[index + 1].id if index + 1 < len(procedure.steps) else END


def target_of(procedure: Procedure, step: Step, answer: Answer | None = None) -> str:
    chosen = answer.next if answer is not None else step.next
    return chosen or following(procedure, step)


def moves(procedure: Procedure, step: Step) -> list[Move]:
    if step.question is None:
        return [Move(target_of(procedure, step))]
    return [
        Move(target_of(procedure, step, answer), answer.detour, index)
        for index, answer in enumerate(step.question.answers)
    ]


def _graph(procedure: Procedure) -> dict[str, set[str]]:
    return {step.id: {move.target for move in moves(procedure, step)} for step in procedure.steps}


def reachable(procedure: Procedure) -> set[str]:
    """Step ids reachable from the first step."""
    graph = _graph(procedure)
    seen = {procedure.steps[0].id}
    queue = deque(seen)
    while queue:
        for target in graph.get(queue.popleft(), ()):
            if target != END and target in graph and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def remaining_steps(procedure: Procedure) -> dict[str, int]:
    """For each step that can reach the end, the fewest steps still to do after it."""
    graph = _graph(procedure)
    distance: dict[str, int] = {}
    frontier = [sid for sid, targets in graph.items() if END in targets]
    for sid in frontier:
        distance[sid] = 0
    queue = deque(frontier)
    while queue:
        current = queue.popleft()
        for sid, targets in graph.items():
            if current in targets and sid not in distance:
                distance[sid] = distance[current] + 1
                queue.append(sid)
    return distance


def most_remaining_steps(procedure: Procedure, step_id: str) -> int:
    """The most steps still to do after ``step_id``, along any way to the end (each step at most once).

    Progress counts against it: whatever the person answers, the steps ahead only ever get
    fewer, so « step k of n » never sees n grow (« 2 sur 3 » then « 3 sur 6 » told a person
    they were going backwards)."""
    steps = {step.id: step for step in procedure.steps}

    def walk(current: str, visited: frozenset[str]) -> int | None:
        best: int | None = None
        for move in moves(procedure, steps[current]):
            if move.target == END:
                ahead: int | None = 0
            elif move.target in steps and move.target not in visited:
                further = walk(move.target, visited | {move.target})
                ahead = None if further is None else further + 1
            else:
                ahead = None
            if ahead is not None and (best is None or ahead > best):
                best = ahead
        return best

    return walk(step_id, frozenset({step_id})) or 0


def cannot_finish(procedure: Procedure) -> set[str]:
    """Steps from which the end can never be reached (a loop with no way out)."""
    return {step.id for step in procedure.steps} - set(remaining_steps(procedure))


def all_paths(procedure: Procedure) -> Iterator[list[Move]]:
    """Every way through the procedure from the first step to the end, each step at most once."""
    steps = {step.id: step for step in procedure.steps}
    count = 0

    def walk(step_id: str, path: list[Move], visited: frozenset[str]) -> Iterator[list[Move]]:
        nonlocal count
        for move in moves(procedure, steps[step_id]):
            if count >= MAX_PATHS:
                return
            if move.target == END:
                count += 1
                yield [*path, move]
            elif move.target in steps and move.target not in visited:
                yield from walk(move.target, [*path, move], visited | {move.target})

    first = procedure.steps[0].id
    yield from walk(first, [], frozenset({first}))
