"""Paired comparisons and seed spreads, checked against computations done by hand."""

import math

import keras
import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers import compare, settings


def test_standard_error_by_hand():
    assert compare.standard_error(0.8, 100) == pytest.approx(0.04)   # sqrt(0.8 * 0.2 / 100)
    with pytest.raises(ValueError, match="at least 1"):
        compare.standard_error(0.8, 0)


def test_paired_comparison_by_hand():
    # 10 reviews: both right on 6, only a right on 3, only b right on 1
    a = np.array([1, 1, 1, 1, 1, 1, 1, 1, 1, 0], dtype=bool)
    b = np.array([1, 1, 1, 1, 1, 1, 0, 0, 0, 1], dtype=bool)
    result = compare.compare_paired(a, b)
    assert (result.only_a, result.only_b, result.n) == (3, 1, 10)
    assert result.difference == pytest.approx(0.9 - 0.7)
    d = [0] * 6 + [1, 1, 1, -1]                                   # per-review differences
    mean = sum(d) / 10
    sd = math.sqrt(sum((v - mean) ** 2 for v in d) / 9)
    assert result.standard_error == pytest.approx(sd / math.sqrt(10))
    assert result.z == pytest.approx(0.2 / (sd / math.sqrt(10)))
    # McNemar exact: 4 disagreements split 3:1; P(X <= 1) for Binomial(4, 1/2) = 5/16, two-sided 10/16
    assert result.p_value == pytest.approx(10 / 16)
    assert result.disagreement == pytest.approx(0.4)


def test_paired_standard_error_is_smaller_than_the_unpaired_one_when_models_agree():
    rng = np.random.default_rng(0)
    shared = rng.random(25000) < 0.83                 # the reviews both find easy
    flip = rng.random(25000) < 0.034                  # each disagrees with the shared answer on 3.4%
    a, b = shared ^ flip, shared ^ (rng.random(25000) < 0.034)
    result = compare.compare_paired(a, b)
    unpaired = math.hypot(compare.standard_error(a.mean(), 25000), compare.standard_error(b.mean(), 25000))
    assert 0.06 < result.disagreement < 0.075
    assert result.standard_error < 0.6 * unpaired    # the numbers: paired 0.0017 against 0.0033


def test_mcnemar_matches_the_binomial_tail_for_large_counts_and_edges():
    # 60 against 40 disagreements: the exact two-sided p-value is 0.0569 (binomial tail, summed directly)
    exact = 2 * sum(math.comb(100, i) for i in range(41)) / 2 ** 100
    assert compare.mcnemar_p_value(60, 40) == pytest.approx(exact, rel=1e-9)
    assert compare.mcnemar_p_value(40, 60) == pytest.approx(exact, rel=1e-9)
    assert compare.mcnemar_p_value(0, 0) == 1.0 and compare.mcnemar_p_value(5, 5) == 1.0
    assert compare.mcnemar_p_value(3000, 2600) < 1e-6    # thousands of disagreements do not overflow


def test_paired_comparison_refuses_different_review_sets():
    with pytest.raises(ValueError, match="same reviews"):
        compare.compare_paired([True, False, True], [True, False])


def test_describe_in_both_languages():
    result = compare.compare_paired([1, 1, 1, 1, 0, 1], [1, 0, 1, 0, 0, 1])
    assert result.describe().startswith("+0.333 (") and "McNemar p = 0.500" in result.describe()
    settings.set_language("ko")
    try:
        assert "짝지은 표준 오차의" in result.describe()
        assert compare.seed_spread([0.8, 0.82]).describe().startswith("시드 2개: 평균 0.810")
    finally:
        settings.set_language("en")


def test_seed_spread_by_hand():
    spread = compare.seed_spread([0.8393, 0.8339, 0.8380, 0.8267])   # lstm_fast, seeds 42/1/2/3 (issue 16)
    assert spread.mean == pytest.approx(0.834475)
    assert spread.sd == pytest.approx(np.std([0.8393, 0.8339, 0.8380, 0.8267], ddof=1))
    assert spread.sd == pytest.approx(0.0057, abs=1e-4)
    assert (spread.low, spread.high) == (0.8267, 0.8393)
    assert spread.describe() == "0.834 ± 0.006 over 4 seeds (0.827 to 0.839)"
    with pytest.raises(ValueError, match="2 or more seeds"):
        compare.seed_spread([0.8])


def test_correct_per_review_thresholds_the_model_s_predictions():
    inputs = keras.Input(shape=(1,))
    model = keras.Model(inputs, keras.layers.Activation("sigmoid")(inputs))   # P = sigmoid(x)
    x = np.array([[-2.0], [3.0], [1.0], [-0.5]], dtype="float32")
    y = np.array([0, 1, 0, 1])
    np.testing.assert_array_equal(lh.compare.correct_per_review(model, x, y), [True, True, False, False])


def test_probabilities_or_labels_are_refused_not_read_as_right():
    probabilities = np.array([0.9, 0.2, 0.7, 0.4])
    with pytest.raises(ValueError, match="correct_per_review"):
        compare.compare_paired(probabilities, np.array([True, False, True, True]))
    with pytest.raises(ValueError, match="correct_per_review"):
        compare.compare_paired(np.array([0, 2, 1, 1]), np.array([1, 1, 1, 0]))


def test_the_same_gap_on_every_review_is_an_infinite_z():
    result = compare.compare_paired([True, True, True], [False, False, False])
    assert result.standard_error == 0 and result.z == math.inf
    assert compare.compare_paired([True, False], [True, False]).z == 0.0
