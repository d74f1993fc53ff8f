"""Runs of digits that lost their separators are split only where the arithmetic allows one reading."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.readers.numsplit import is_piece, rate_fits, readings, split_run, value_of


def _rate_ok(r: list[str]) -> bool:
    return rate_fits(value_of(r[0]), value_of(r[1]), r[2]) is True


def test_budget_run_splits_into_annual_executed_rate():
    assert split_run("194.9194.9100%", 3, _rate_ok) == ["194.9", "194.9", "100%"]


def test_run_with_a_rate_below_100():
    assert split_run("86.482.395%", 3, _rate_ok) == ["86.4", "82.3", "95%"]


def test_percent_signs_end_pieces():
    assert readings("100%100%", 2) == [["100%", "100%"]]


def test_leading_zeros_are_not_numbers():
    assert readings("00", 2) == [["0", "0"]]
    assert not is_piece("01")


def test_ambiguous_run_is_not_split():
    # 1234 as two numbers: 1|234, 12|34, 123|4 — nothing decides between them
    assert split_run("1234", 2) is None


def test_rate_tolerance_follows_the_stated_precision():
    assert rate_fits(Decimal("65.66"), Decimal("65.07"), "99%") is True
    assert rate_fits(Decimal("200"), Decimal("179.43"), "89.7%") is True
    assert rate_fits(Decimal("200"), Decimal("179.43"), "89.0%") is False


_piece = st.one_of(
    st.integers(min_value=0, max_value=99999).map(str),
    st.tuples(st.integers(0, 9999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]:02d}"),
    st.integers(min_value=0, max_value=100).map(lambda n: f"{n}%"),
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.%", max_size=30), st.integers(min_value=0, max_value=6))
def test_never_raises_and_every_reading_rebuilds_the_run(run, k):
    for r in readings(run, k):
        assert "".join(r) == run
        assert len(r) == k
        assert all(is_piece(p) for p in r)
    split_run(run, k, _rate_ok if k == 3 else None)


@settings(max_examples=200, deadline=None)
@given(st.lists(_piece, min_size=3, max_size=3))
def test_an_accepted_split_satisfies_the_arithmetic(pieces):
    run = "".join(pieces)
    got = split_run(run, 3, _rate_ok)
    if got is not None:
        assert "".join(got) == run
        assert _rate_ok(got)
        # and it is the only reading that does
        assert sum(1 for r in readings(run, 3) if _rate_ok(r)) == 1
