"""Properties of scoring (hypothesis): scores stay in [0, max], pools sum to total − budget, arithmetic is exact."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import Indicator
from jixiao.scoring import pool_of, score_indicator, score_report
from tests.scoring_factory import budget, policy, qual, quant, report, shown

POLICIES = ["mof-2020", "mof-2020-deviation", "mof-2021-cost"]
QUANT_OPS = [">=", ">", "<=", "<", "="]
TINY = D("1e-20")

amounts = st.decimals(min_value=D("-1000"), max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=D("0"), max_value=D("100"), places=2, allow_nan=False, allow_infinity=False)
texts = st.sampled_from(["作用明显", "已完成", "完成", "部分完成", "基本达成", "未完成", "没有达到", "效果较差",
                         "稳步推进", "不断提高", "未发生事故", "", "符合要求", "作用不明显"])
levels = st.sampled_from([("output", "quantity"), ("output", "cost"), ("cost", "economic_cost"),
                          ("benefit", "social"), ("satisfaction", "satisfaction"), (None, None)])


@st.composite
def indicators(draw, stated_weight: bool = False) -> Indicator:
    l1, l2 = draw(levels)
    w = draw(weights) if stated_weight else None
    stated = draw(st.one_of(st.none(), weights))
    kind = draw(st.sampled_from(["number", "text-actual", "qualitative", "no-actual"]))
    if kind == "qualitative":
        return qual(draw(texts), draw(texts), level1=l1, level2=l2, weight=w, stated_score=stated)
    op = draw(st.sampled_from(QUANT_OPS))
    if kind == "text-actual":
        return quant(op, draw(amounts), None, actual_text=draw(texts), level1=l1, level2=l2, weight=w,
                     stated_score=stated)
    if kind == "no-actual":
        return quant(op, draw(amounts), None, level1=l1, level2=l2, weight=w)
    return quant(op, draw(amounts), draw(amounts), level1=l1, level2=l2, weight=w, stated_score=stated)


@st.composite
def reports(draw):
    stated = draw(st.booleans())
    inds = draw(st.lists(indicators(stated_weight=stated), min_size=0, max_size=30))
    b = draw(st.one_of(st.none(), st.builds(budget, amounts, amounts)))
    return report(inds, b)


@settings(max_examples=300, deadline=None)
@given(ind=indicators(), w=weights, name=st.sampled_from(POLICIES))
def test_indicator_score_between_zero_and_max(ind: Indicator, w: D, name: str) -> None:
    s = score_indicator(ind, w, policy(name), 7)
    assert isinstance(s.score, D)
    assert s.max_score == w
    assert D(0) <= s.score <= w
    assert s.index == 7
    if s.met is True and ind.operator != "qualitative" and ind.actual is not None:
        assert s.score == w
    if s.met is None and s.grade is None:
        assert s.score == 0


@settings(max_examples=300, deadline=None)
@given(op=st.sampled_from(QUANT_OPS), a=amounts, b=amounts, w=weights, name=st.sampled_from(POLICIES))
def test_quantitative_matches_the_rule_exactly(op: str, a: D, b: D, w: D, name: str) -> None:
    """The rule of scoring.md, computed with exact fractions, agrees with the Decimal result to 1e-20."""
    p = policy(name)
    s = score_indicator(quant(op, a, b), w, p)
    A, B, W = Fraction(a), Fraction(b), Fraction(w)
    met = {">=": B >= A, ">": B > A, "<=": B <= A, "<": B < A, "=": B == A}[op]
    if met:
        f = Fraction(1)
    elif op in (">=", ">"):
        f = max(B, Fraction(0)) / A if A > 0 else Fraction(0)
    elif op in ("<=", "<"):
        if A <= 0 or B <= 0:
            f = Fraction(0)
        elif p.reverse == "deviation":
            f = 1 - (B - A) / A
        else:
            f = A / B
    else:
        f = min(A, B) / max(A, B) if min(A, B) >= 0 and max(A, B) > 0 else Fraction(0)
    expected = W * min(max(f, Fraction(0)), Fraction(1))
    assert s.met is met
    assert abs(Fraction(s.score) - expected) <= Fraction(TINY)


@settings(max_examples=200, deadline=None)
@given(a=positive, b1=amounts, b2=amounts, w=weights)
def test_monotonic_in_the_actual(a: D, b1: D, b2: D, w: D) -> None:
    lo, hi = min(b1, b2), max(b1, b2)
    for name in ("mof-2020", "mof-2020-deviation"):
        p = policy(name)
        assert score_indicator(quant(">=", a, lo), w, p).score <= score_indicator(quant(">=", a, hi), w, p).score
        assert score_indicator(quant("<=", a, lo), w, p).score >= score_indicator(quant("<=", a, hi), w, p).score


@settings(max_examples=200, deadline=None)
@given(r=reports(), name=st.sampled_from(POLICIES))
def test_report_invariants(r, name: str) -> None:
    p = policy(name)
    card = score_report(r, p)
    # the total is budget + pools; pools sum to total minus budget (to Decimal's 28 significant digits)
    pool_sum = sum(card.pools.values(), D(0))
    assert card.total == card.budget + pool_sum
    assert abs((card.total - card.budget) - pool_sum) < TINY
    # the pools are the sums of their indicators' scores
    assert abs(sum((s.score for s in card.indicators), D(0)) - pool_sum) < TINY
    for pool, value in card.pools.items():
        members = [s.score for s, ind in zip(card.indicators, r.indicators, strict=True) if pool_of(ind, p) == pool]
        assert value == sum(members, D(0))
    # each score within its max; budget within its weight
    for s in card.indicators:
        assert D(0) <= s.score <= s.max_score
    assert D(0) <= card.budget <= card.budget_weight
    # the total never exceeds the weights it is made of
    assert card.total <= card.budget_weight + sum(card.pool_weights.values(), D(0)) + TINY
    # every value is a Decimal, none rounded to 2 places by the scorer
    for v in (card.total, card.budget, *card.pools.values(), *card.pool_weights.values()):
        assert isinstance(v, D)
    # grade from the total (the bounds are whole numbers; division residue below 1e-12 is absorbed)
    if all(abs(card.total - bound) > D("1e-12") for _, bound in p.grades):
        assert card.grade == p.grade_for(card.total)
    assert len(card.indicators) == len(r.indicators)
    assert [s.index for s in card.indicators] == list(range(len(r.indicators)))


@settings(max_examples=100, deadline=None)
@given(n_out=st.integers(1, 40), n_ben=st.integers(0, 12), n_sat=st.integers(0, 5), name=st.sampled_from(POLICIES))
def test_equal_pools_all_met_show_their_weights(n_out: int, n_ben: int, n_sat: int, name: str) -> None:
    inds = [quant(">=", "5", "5", level1="output") for _ in range(n_out)]
    inds += [quant(">=", "1", "2", level1="benefit") for _ in range(n_ben)]
    inds += [qual(level1="satisfaction") for _ in range(n_sat)]
    card = score_report(report(inds, budget("100", "100")), policy(name))
    assert shown(card.total) == D("100.00")
    assert card.grade == "优"
    for k, v in card.pools.items():
        assert shown(v) == shown(card.pool_weights[k])
    # weights after redistribution still add up to the indicator share
    assert abs(sum(card.pool_weights.values(), D(0)) - D(90)) < TINY


@settings(max_examples=100, deadline=None)
@given(r=reports(), seed=st.randoms(use_true_random=False))
def test_order_of_indicators_does_not_change_the_total(r, seed) -> None:
    p = policy()
    before = score_report(r, p)
    order = list(range(len(r.indicators)))
    seed.shuffle(order)
    r.indicators = [r.indicators[i] for i in order]
    after = score_report(r, p)
    assert abs(after.total - before.total) < TINY
    assert [after.indicators[j].score for j in range(len(order))] == [before.indicators[i].score for i in order]
