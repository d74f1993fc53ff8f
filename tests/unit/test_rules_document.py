"""D rules: missing standard sections (D01), inferred levels (D02), form instructions left in (D03)."""

from __future__ import annotations

import pytest

from jixiao.model import Report, Section
from tests.review_factory import clean_report, codes, of, run


def without(title_word: str) -> Report:
    r = clean_report()
    r.sections = [s for s in r.sections if title_word not in s.title]
    return r


# ---------------------------------------------------------------- D01 missing section


@pytest.mark.parametrize(
    ("word", "key", "name"),
    [
        ("偏离", "deviation", "偏离绩效目标的原因和改进措施"),
        ("公开", "results_use", "自评结果应用和公开情况"),
        ("分解下达", "target_breakdown", "绩效目标分解下达情况"),
    ],
)
def test_d01_fires_for_missing_section(word: str, key: str, name: str) -> None:
    found = of(run(without(word)), "D01")
    assert len(found) == 1
    assert found[0].evidence["section"] == key
    assert found[0].message == f"报告缺少“{name}”部分，不符合绩效自评报告的规定格式。"


def test_d01_fires_once_per_missing_section() -> None:
    r = clean_report()
    r.sections = [Section("一", "一、项目概况", 1, "略"), Section("二", "二、绩效情况分析", 1, "略")]
    assert [f.evidence["section"] for f in of(run(r), "D01")] == ["target_breakdown", "deviation", "results_use"]


def test_d01_silent_on_complete_report_and_synonym_titles() -> None:
    assert "D01" not in codes(run(clean_report()))
    r = clean_report()
    r.sections = [
        Section("一", "一、绩效目标设定及分解情况", 1, "略"),
        Section("二", "二、绩效目标实现情况", 1, "略"),
        Section("三", "三、存在的问题、原因及改进措施", 1, "略"),
        Section("四", "四、评价结果应用", 1, "略"),
    ]
    assert "D01" not in codes(run(r))


def test_d01_silent_on_form_without_narrative() -> None:
    r = clean_report()
    r.sections = []
    assert "D01" not in codes(run(r))


# ---------------------------------------------------------------- D02 inferred levels


def test_d02_fires_when_levels_inferred() -> None:
    r = clean_report()
    for ind in r.indicators:
        ind.levels_inferred = True
    found = of(run(r), "D02")
    assert len(found) == 1
    assert found[0].severity == "info"
    assert found[0].evidence["inferred"] == 11
    assert found[0].evidence["by_level1"] == {"output": 7, "benefit": 3, "satisfaction": 1}
    assert "11个指标" in found[0].message and "产出7个、效益3个、满意度1个" in found[0].message


def test_d02_fires_for_some_inferred() -> None:
    r = clean_report()
    r.indicators[0].levels_inferred = True
    found = of(run(r), "D02")
    assert len(found) == 1 and found[0].evidence["inferred"] == 1


def test_d02_silent_when_levels_stated() -> None:
    assert "D02" not in codes(run(clean_report()))
    r = clean_report()
    r.indicators = []
    assert "D02" not in codes(run(r))


# ---------------------------------------------------------------- D03 form instructions


@pytest.mark.parametrize(
    ("text", "instruction"),
    [
        ("结合自评情况，说明偏离绩效目标的原因（100字以内）", "（100字以内）"),
        ("对照年度目标，说明各项指标完成情况", "对照年度目标，说明"),
        ("请简要说明结果应用情况", "请简要说明"),
    ],
)
def test_d03_fires_on_instruction_left(text: str, instruction: str) -> None:
    r = clean_report()
    r.sections = [*r.sections, Section("六", "六、附件", 1, text)]
    found = of(run(r), "D03")
    assert found, text
    assert found[0].evidence["instruction"] == instruction
    assert instruction in found[0].message and found[0].evidence["text"] == text


def test_d03_fires_in_indicator_deviation_reason() -> None:
    r = clean_report()
    r.indicators[3].deviation_reason = "（50字以内）"
    found = of(run(r), "D03")
    assert len(found) == 1 and found[0].where == "indicator:3"


@pytest.mark.parametrize(
    "text",
    [
        "本项目说明了各项指标完成情况，字数不多。",
        "根据自评情况，偏离原因已在上文说明。",
        "按照100字以内的要求压缩了篇幅",
    ],
)
def test_d03_silent_on_ordinary_prose(text: str) -> None:
    r = clean_report()
    r.sections = [*r.sections, Section("六", "六、附件", 1, text)]
    assert "D03" not in codes(run(r))
