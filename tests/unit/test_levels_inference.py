"""Indicator levels: stated 一级/二级 texts map to codes; missing ones are inferred from the name and unit."""

from __future__ import annotations

import pytest

from jixiao.levels import infer_levels, level1_from_text, level2_from_text, resolve_levels
from jixiao.model import Indicator


def ind(name: str, operator: str = ">=", unit: str | None = None) -> Indicator:
    return Indicator(name=name, operator=operator, unit=unit)  # type: ignore[arg-type]


@pytest.mark.parametrize("name,operator,unit,expected", [
    ("监控网络链路", ">=", "条", ("output", "quantity")),
    ("带宽", "=", "M", ("output", "quantity")),
    ("系统验收合格率", "=", "%", ("output", "quality")),
    ("设备故障发生率", "<=", "%", ("output", "quality")),
    ("系统故障修复响应时间", "<=", "分钟", ("output", "timeliness")),
    ("资金拨付完成时限", "<=", "月", ("output", "timeliness")),
    ("项目完工", "<=", "天", ("output", "timeliness")),
    ("交管局链路每年线路租用成本", "<=", "万元", ("output", "cost")),
    ("亩均投资", "<=", "元/亩", ("output", "cost")),
    ("正常使用年限", ">=", "年", ("benefit", "sustainability")),
    ("减少废气排放量", ">=", "吨", ("benefit", "ecological")),
    ("带动农户增收", ">=", "万元", ("benefit", "economic")),  # money, but income is a benefit
    ("设备采购费用", "<=", "万元", ("output", "cost")),
    ("建设资金", "<=", "亿元", ("output", "cost")),
    ("受益人口", ">=", "万人", ("benefit", "social")),
    ("社会公众满意度", ">=", "%", ("satisfaction", "satisfaction")),
    ("保障我局办公网络畅通", "qualitative", None, ("benefit", "social")),
    ("采用节能环保设备及材料", "qualitative", None, ("benefit", "ecological")),
    ("项目长效运行机制", "qualitative", None, ("benefit", "sustainability")),
    ("群众满意程度", "qualitative", None, ("satisfaction", "satisfaction")),
])
def test_inferred_levels(name, operator, unit, expected):
    assert infer_levels(ind(name, operator, unit)) == expected


@pytest.mark.parametrize("text,code", [
    ("产出指标", "output"), ("效益指标", "benefit"), ("满意度指标", "satisfaction"), ("成本指标", "cost"),
    ("  产出 指标 ", "output"), ("", None), ("其他", None),
])
def test_level1_names(text, code):
    assert level1_from_text(text) == code


@pytest.mark.parametrize("text,code", [
    ("数量指标", "quantity"), ("质量指标", "quality"), ("时效指标", "timeliness"), ("成本指标", "cost"),
    ("经济效益指标", "economic"), ("社会效益指标", "social"), ("生态效益指标", "ecological"),
    ("可持续影响指标", "sustainability"), ("服务对象满意度指标", "satisfaction"),
    ("经济成本指标", "economic_cost"), ("社会成本指标", "social_cost"), ("生态环境成本指标", "ecological_cost"),
])
def test_level2_names(text, code):
    assert level2_from_text(text) == code


def test_stated_levels_win_and_are_not_marked_inferred():
    got = resolve_levels(ind("带宽"), "效益指标", "社会效益指标")
    assert (got.level1, got.level2, got.levels_inferred) == ("benefit", "social", False)


def test_level2_alone_gives_its_parent():
    got = resolve_levels(ind("带宽"), None, "经济成本指标")
    assert (got.level1, got.level2, got.levels_inferred) == ("cost", "economic_cost", False)


def test_level1_alone_keeps_it_and_infers_a_kind_inside_it():
    got = resolve_levels(ind("系统验收合格率", "=", "%"), "产出指标", None)
    assert (got.level1, got.level2, got.levels_inferred) == ("output", "quality", True)
    got = resolve_levels(ind("系统验收合格率", "=", "%"), "效益指标", None)
    assert (got.level1, got.level2, got.levels_inferred) == ("benefit", "social", True)


def test_no_stated_levels_infers_and_marks():
    got = resolve_levels(ind("社会公众满意度", ">=", "%"), None, None)
    assert (got.level1, got.level2, got.levels_inferred) == ("satisfaction", "satisfaction", True)
