"""The answers to « Quelles aides pour moi ? » never show, never serialise, and are overwritten when wiped."""

from __future__ import annotations

import copy
import json
import logging
import pickle
from collections.abc import Callable

import pytest

from kiosk.rights.answers import Answers

CANARY_AMOUNT = 48_271  # an income figure found nowhere else


def _filled() -> Answers:
    answers = Answers()
    answers.set("age", 41)
    answers.set("couple", "couple")
    answers.set("salary", CANARY_AMOUNT)
    answers.set("postal_code", "59000")
    return answers


def test_answers_keep_their_type_and_order() -> None:
    answers = _filled()
    assert answers.get("age") == 41 and answers.get("salary") == CANARY_AMOUNT
    assert answers.get("couple") == "couple" and answers.get("postal_code") == "59000"
    assert answers.get("rent") is None and "rent" not in answers and "age" in answers
    assert answers.answered() == ("age", "couple", "salary", "postal_code") == tuple(answers)
    assert len(answers) == 4 and bool(answers) and not Answers()


def test_a_changed_answer_keeps_its_rank() -> None:
    answers = _filled()
    answers.set("age", 42)
    answers.set("couple", "alone")
    assert answers.answered() == ("age", "couple", "salary", "postal_code")
    assert (answers.get("age"), answers.get("couple")) == (42, "alone")


def test_only_strings_and_whole_numbers_are_answers() -> None:
    answers = Answers()
    for wrong in (True, 1.5, None, ["59000"]):
        with pytest.raises(TypeError):
            answers.set("age", wrong)  # type: ignore[arg-type]
    assert not answers


def test_forget_after_drops_the_later_answers_only() -> None:
    answers = _filled()
    answers.forget_after("couple")
    assert answers.answered() == ("age", "couple")
    answers.forget_after("not-answered")
    assert answers.answered() == ("age", "couple")
    answers.forget("age")
    assert answers.answered() == ("couple",)


def test_no_value_shows_in_repr_str_format_or_a_log(caplog: pytest.LogCaptureFixture) -> None:
    answers = _filled()
    shown = [repr(answers), str(answers), f"{answers}", f"{answers!r:>60}", str([answers])]
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").info("answers %s %r", answers, answers)
    for text in [*shown, caplog.text]:
        assert str(CANARY_AMOUNT) not in text and "59000" not in text and "couple" not in text
    assert repr(answers) == "Answers(4 answers)"


@pytest.mark.parametrize(
    "attempt",
    [
        lambda a: pickle.dumps(a),
        lambda a: json.dumps(a),
        lambda a: copy.copy(a),
        lambda a: copy.deepcopy(a),
        lambda a: a.__getstate__(),
    ],
    ids=["pickle", "json", "copy", "deepcopy", "getstate"],
)
def test_answers_refuse_to_be_serialised_or_copied(attempt: Callable[[Answers], object]) -> None:
    with pytest.raises(TypeError):
        attempt(_filled())


def test_answers_have_no_dict_to_read_around_the_rules() -> None:
    answers = _filled()
    assert not hasattr(answers, "__dict__")
    with pytest.raises(AttributeError):
        answers.extra = 1  # type: ignore[attr-defined]


def test_wipe_overwrites_every_value_before_forgetting_it() -> None:
    answers = _filled()
    kept = list(answers._values.values())  # the buffers themselves, as memory would still hold them
    assert any(str(CANARY_AMOUNT).encode() in bytes(buffer) for buffer in kept)
    answers.wipe()
    assert not answers and answers.get("salary") is None
    for buffer in kept:
        assert set(bytes(buffer)) <= {0}, "a value was left in memory"


def test_changing_or_forgetting_an_answer_overwrites_the_old_value() -> None:
    answers = _filled()
    salary = answers._values["salary"]
    answers.set("salary", 1200)
    assert str(CANARY_AMOUNT).encode() not in bytes(salary) and answers.get("salary") == 1200
    postal = answers._values["postal_code"]
    answers.forget_after("couple")
    assert set(bytes(postal)) <= {0} and set(bytes(salary)) <= {0}
