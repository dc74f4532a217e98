"""The fallback threshold is the one that loses the fewest turns on the validation split."""

import pytest

from bench.calibrate import accepted_precision, choose, expected_cost

# (true intent, read intent, confidence)
READINGS = [
    ("inform", "inform", 0.95),
    ("inform", "inform", 0.9),
    ("affirm", "affirm", 0.85),
    ("deny", "affirm", 0.55),  # wrong, fairly confident
    ("greet", "greet", 0.5),
    ("inform", "greet", 0.42),  # wrong, unsure
    ("ask_programme", "ask_programme", 0.38),
]


@pytest.mark.parametrize(
    "threshold, accepted, precision",
    [
        (0.3, 7, 5 / 7),
        (0.4, 6, 4 / 6),
        (0.5, 5, 4 / 5),
        (0.6, 3, 1.0),
        (0.99, 0, 1.0),
    ],
)
def test_accepted_precision(threshold: float, accepted: int, precision: float) -> None:
    assert accepted_precision(READINGS, threshold) == (accepted, pytest.approx(precision))


def test_expected_cost_counts_asked_again_once_and_wrong_readings_more() -> None:
    # At 0.5: 2 asked again, 1 read wrong of 5 accepted.
    assert expected_cost(READINGS, 0.5, wrong_cost=2.0) == pytest.approx((2 + 2 * 1) / 7)


@pytest.mark.parametrize(
    "wrong_cost, chosen",
    # Cheap mistakes: accept nearly everything; dear ones: ask again below 0.6.
    [(0.5, 0.3), (1.0, 0.3), (3.0, 0.6), (10.0, 0.6)],
)
def test_choose_the_threshold_that_loses_fewest_turns(wrong_cost: float, chosen: float) -> None:
    assert choose(READINGS, wrong_cost) == chosen
