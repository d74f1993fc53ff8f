"""Completion-time targets read as dates (jixiao.deadlines): 完成时间 ≤11月, 12月底前, 2023年12月底, 年底前."""

from __future__ import annotations

import pytest

from jixiao.deadlines import Deadline, deadline_met, is_deadline, parse_deadline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("≤11月", Deadline(None, 11, None)),
        ("11月", Deadline(None, 11, None)),
        ("１１月", Deadline(None, 11, None)),  # full-width digits
        ("12月底前", Deadline(None, 12, None)),
        ("2023年12月底", Deadline(2023, 12, None)),
        ("2023年底前", Deadline(2023, 12, None)),
        ("年底前", Deadline(None, 12, None)),
        ("2023年12月31日前", Deadline(2023, 12, 31)),
        ("≤2023-11-30", Deadline(2023, 11, 30)),
        ("11月中旬前", Deadline(None, 11, 20)),
        ("11月上旬", Deadline(None, 11, 10)),
        ("上半年", Deadline(None, 6, None)),
        ("三季度末", Deadline(None, 9, None)),
        ("在12月底前完成", Deadline(None, 12, None)),
        ("次年3月", Deadline(None, 3, None, next_year=True)),
    ],
)
def test_date_targets_are_read(text: str, expected: Deadline) -> None:
    assert parse_deadline(text) == expected
    assert is_deadline(text)


@pytest.mark.parametrize(
    "text", ["", "≥90%", "12", "3年", "完成", "20年", "13月", "按期完成率", "12月份发放补助资金到户"]
)
def test_non_dates_are_not_targets(text: str) -> None:
    assert parse_deadline(text) is None
    assert not is_deadline(text)


def test_an_actual_may_be_a_short_sentence_but_a_target_may_not() -> None:
    assert parse_deadline("已于11月20日完成验收", strict=False) == Deadline(None, 11, 20)
    assert parse_deadline("已于11月20日完成验收") is None
    sentence = "项目于11月20日完成验收，资金已按合同约定全部支付给施工单位并完成了全部工程的竣工结算审计工作"
    assert parse_deadline(sentence, strict=False) is None


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        ("≤11月", "11月", True),  # the same month meets a month target
        ("≤11月", "10月", True),
        ("≤11月", "12月", False),
        ("12月底前", "11月", True),
        ("12月底前", "12月31日", True),
        ("12月底前", "次年3月完成", False),
        ("2023年12月底", "2023年11月30日", True),
        ("2023年12月底", "2024年3月", False),
        ("2023年12月底", "2022年12月", True),
        ("年底前", "已于10月完成", True),
        ("年底前", "按时完成", True),
        ("年底前", "延期至次年完成", False),
        ("≤11月", "11月（延期）", False),  # a stated delay is a miss whatever the date
        ("上半年", "7月", False),
        ("11月15日前", "11月10日", True),
        ("11月15日前", "11月16日", False),
        ("≤12月", "13月", False),  # a month counted on past December is late
    ],
)
def test_dates_are_compared(target: str, actual: str, met: bool) -> None:
    assert deadline_met(target, actual) is met


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("年底前", "完成"),  # no date: cannot be checked
        ("年底前", ""),
        ("11月15日前", "11月"),  # the month without its day against a day: cannot tell
        ("≥90%", "11月"),  # the target is not a date
        ("完成", "11月"),
    ],
)
def test_unknown_when_nothing_to_compare(target: str, actual: str) -> None:
    assert deadline_met(target, actual) is None
