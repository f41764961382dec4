"""Honest comparisons: two models scored on the same test reviews, and one
configuration trained with several seeds.

* :func:`standard_error` -- how far one measured accuracy may be off by the
  luck of which reviews the test set holds.
* :func:`correct_per_review` -- which test reviews a model gets right (a
  boolean per review), the input of a paired comparison.
* :func:`compare_paired` -- two models on the *same* reviews: the difference of
  their accuracies, its standard error from the per-review differences, and
  McNemar's exact test on the reviews where they disagree.
* :func:`seed_spread` -- one configuration trained with several seeds: mean,
  standard deviation and range of its accuracies.

Why paired: two models scored on the same reviews find the same reviews easy
and the same ones hard, so their errors are not independent. Only the reviews
on which they disagree say anything about which is better; the usual
``sqrt(se_a**2 + se_b**2)`` treats the two scores as independent and
overstates the noise of the difference.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .settings import pick


def standard_error(accuracy: float, n: int) -> float:
    """The standard error of an accuracy measured on ``n`` reviews:
    ``sqrt(accuracy * (1 - accuracy) / n)``."""
    if n <= 0:
        raise ValueError(pick(ko=f"리뷰 수 n은 1 이상이어야 합니다({n}이(가) 들어왔습니다).",
                              en=f"n, the number of reviews, must be at least 1 (got {n})."))
    return math.sqrt(accuracy * (1.0 - accuracy) / n)


def correct_per_review(model, x, y, batch_size: int = 256) -> np.ndarray:
    """Which reviews ``model`` classifies right: ``model.predict(x)`` thresholded at
    0.5 against the labels ``y``. Returns a boolean array, one value per review."""
    probabilities = np.asarray(model.predict(x, batch_size=batch_size, verbose=0)).reshape(-1)
    return (probabilities > 0.5) == (np.asarray(y).reshape(-1) == 1)


@dataclass(frozen=True)
class PairedComparison:
    """Model a against model b on the same reviews (see :func:`compare_paired`)."""

    n: int                  # reviews
    accuracy_a: float
    accuracy_b: float
    only_a: int             # reviews a gets right and b gets wrong
    only_b: int             # reviews b gets right and a gets wrong
    standard_error: float   # of the difference, from the per-review differences
    p_value: float          # McNemar's exact test, two-sided

    @property
    def difference(self) -> float:
        """accuracy of a minus accuracy of b."""
        return self.accuracy_a - self.accuracy_b

    @property
    def z(self) -> float:
        """The difference in standard errors of the difference (0 when nobody disagrees)."""
        if self.standard_error > 0:
            return self.difference / self.standard_error
        return 0.0 if self.difference == 0 else math.copysign(math.inf, self.difference)  # the same gap on every review

    @property
    def disagreement(self) -> float:
        """The share of reviews on which the two models give different answers."""
        return (self.only_a + self.only_b) / self.n

    def describe(self) -> str:
        """One line: "+0.010 (3.2 paired standard errors; they disagree on 6.8% of reviews, McNemar p = 0.001)"."""
        p = f"{self.p_value:.3f}" if self.p_value >= 0.001 else "< 0.001"
        equals = "" if p.startswith("<") else "= "
        return pick(
            ko=f"{self.difference:+.3f} (짝지은 표준 오차의 {self.z:+.1f}배, 두 모델의 답이 다른 리뷰 "
               f"{self.disagreement:.1%}, McNemar p {equals}{p})",
            en=f"{self.difference:+.3f} ({self.z:+.1f} paired standard errors; the models disagree on "
               f"{self.disagreement:.1%} of reviews, McNemar p {equals}{p})",
        )


def compare_paired(correct_a, correct_b) -> PairedComparison:
    """Compares two models scored on the same reviews.

    Takes two boolean arrays of the same length (from :func:`correct_per_review`:
    True where the model is right). Returns a :class:`PairedComparison`: the
    difference of the accuracies, its standard error computed from the
    per-review differences ``d = a - b`` (each -1, 0 or +1) as
    ``sd(d) / sqrt(n)``, and McNemar's exact two-sided p-value: under "both
    models are equally good", each of the ``only_a + only_b`` reviews on which
    they disagree is a coin flip.
    """
    a, b = _right_or_wrong(correct_a), _right_or_wrong(correct_b)
    if len(a) != len(b) or len(a) < 2:
        raise ValueError(pick(
            ko=f"두 모델의 결과는 같은 리뷰(2편 이상)에서 나온 것이어야 합니다. {len(a)}편과 {len(b)}편이 들어왔습니다.",
            en=f"Both results must be on the same reviews (2 or more): got {len(a)} and {len(b)}."))
    differences = a.astype(float) - b.astype(float)
    only_a, only_b = int(np.sum(a & ~b)), int(np.sum(b & ~a))
    return PairedComparison(
        n=len(a), accuracy_a=float(a.mean()), accuracy_b=float(b.mean()), only_a=only_a, only_b=only_b,
        standard_error=float(differences.std(ddof=1) / math.sqrt(len(a))),
        p_value=mcnemar_p_value(only_a, only_b),
    )


def _right_or_wrong(values) -> np.ndarray:
    """``values`` as a flat boolean array; refuses probabilities or labels, which would
    otherwise turn silently into "right" (anything not 0) and hide every difference."""
    array = np.asarray(values).reshape(-1)
    if array.dtype != bool and not (array.dtype.kind in "iu" and np.isin(array, (0, 1)).all()):
        raise ValueError(pick(
            ko="compare_paired 는 리뷰마다 맞혔는지(True/False)를 받습니다. 확률이나 레이블이 아니라 "
               "lh.compare.correct_per_review(model, x, y)의 결과를 넘기세요.",
            en="compare_paired takes, per review, whether the model got it right (True/False), not "
               "probabilities or labels: pass lh.compare.correct_per_review(model, x, y)."))
    return array.astype(bool)


def mcnemar_p_value(only_a: int, only_b: int) -> float:
    """McNemar's exact test, two-sided: the probability, with a fair coin deciding each of
    the ``only_a + only_b`` disagreements, of a split at least as uneven as the one seen."""
    n, k = only_a + only_b, min(only_a, only_b)
    if n == 0:
        return 1.0
    # P(X <= k) for X ~ Binomial(n, 1/2), summed in log space (n can be thousands)
    logs = [math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) - n * math.log(2) for i in range(k + 1)]
    top = max(logs)
    tail = math.exp(top) * sum(math.exp(v - top) for v in logs)
    return min(1.0, 2.0 * tail)


@dataclass(frozen=True)
class SeedSpread:
    """One configuration's accuracies over several seeds (see :func:`seed_spread`)."""

    accuracies: tuple[float, ...]
    mean: float
    sd: float       # sample standard deviation (ddof=1)
    low: float
    high: float

    def describe(self) -> str:
        """One line: "0.835 ± 0.006 over 4 seeds (0.827 to 0.839)"."""
        return pick(ko=f"시드 {len(self.accuracies)}개: 평균 {self.mean:.3f} ± {self.sd:.3f} "
                       f"(최저 {self.low:.3f}, 최고 {self.high:.3f})",
                    en=f"{self.mean:.3f} ± {self.sd:.3f} over {len(self.accuracies)} seeds "
                       f"({self.low:.3f} to {self.high:.3f})")


def seed_spread(accuracies: Sequence[float]) -> SeedSpread:
    """The spread of one configuration's accuracies, one per training seed (2 or more):
    mean, sample standard deviation, lowest and highest."""
    values = np.asarray(list(accuracies), dtype=float)
    if len(values) < 2:
        raise ValueError(pick(ko=f"퍼진 정도를 재려면 시드 두 개 이상의 정확도가 필요합니다({len(values)}개가 들어왔습니다).",
                              en=f"A spread needs the accuracies of 2 or more seeds (got {len(values)})."))
    return SeedSpread(tuple(float(v) for v in values), float(values.mean()), float(values.std(ddof=1)),
                      float(values.min()), float(values.max()))
