"""A clean, consistent report (unmet indicator with its reason, varied operators, prose that agrees
with the table, budget executed 97 %) read from text gives no finding at all; one edit to it gives
the one finding that edit deserves."""

from __future__ import annotations

import pytest

from jixiao.model import Finding
from jixiao.policy import load_policy
from jixiao.readers import report_from_text
from jixiao.scoring import score_report
from tests.review_factory import review_strict

POLICY = load_policy("mof-2020")

CLEAN = """某市生态环境局2023年度环境监测站点建设项目
绩效自评报告

市财政局：

    按照《关于开展2023年度项目支出绩效自评工作的通知》要求，现将环境监测站点建设项目2023年度绩效自评情况报告如下：
一、绩效目标分解下达情况

项目预算于2023年2月下达，全年预算数1000万元，全年执行数970万元，预算执行率97%。年初即将绩效目标分解至各监测站点。

二、绩效情况分析

（一）资金投入情况分析

资金按合同进度拨付，全年执行数970万元，结余30万元系设备招标节约。

（二）资金管理情况分析

资金实行专账核算，支付按照合同约定办理。

（三）总体绩效目标完成情况分析

全年培训520人次，新建监测站点12个，设备验收合格率97%，故障修复时间平均18小时，群众满意度93%。数据上报及时率96%，未达到98%的目标。

（四）绩效指标完成情况分析

	一级指标
	二级指标
	三级指标
	指标性质
	年度指标值
	单位
	完成值

	产出指标
	数量指标
	培训人次
	≥
	500
	人次
	520

	产出指标
	数量指标
	新建监测站点
	＝
	12
	个
	12

	产出指标
	质量指标
	设备验收合格率
	≥
	95
	%
	97

	产出指标
	时效指标
	数据上报及时率
	≥
	98
	%
	96

	产出指标
	时效指标
	故障修复时间
	≤
	24
	小时
	18

	产出指标
	成本指标
	设备采购成本
	≤
	600
	万元
	585.2

	效益指标
	生态效益指标
	空气质量优良天数比例
	≥
	90
	%
	92.5

	效益指标
	社会效益指标
	为环境执法提供监测数据
	≥
	50
	次
	58

	效益指标
	可持续影响指标
	设备使用年限
	≥
	5
	年
	5

	效益指标
	社会效益指标
	重大环境污染事件预警
	定性
	全年重大污染事件均提前预警
\t
	全年3起重大污染事件均提前预警，已达成

	满意度指标
	服务对象满意度指标
	群众满意度
	≥
	90
	%
	93

三、偏离绩效目标的原因和下一步改进措施

数据上报及时率未完成，原因是两个站点通信中断。下一步将加强设备巡检，确保数据按时上报。

四、绩效自评结果应用和公开情况

自评结果作为下年度预算安排的参考，并在部门网站公开。

五、其他需要说明的问题

无
某市生态环境局
"""


def reviewed(text: str) -> list[Finding]:
    report = report_from_text(text)
    return review_strict(report, score_report(report, POLICY), POLICY)


def test_clean_report_reads_as_intended() -> None:
    report = report_from_text(CLEAN)
    card = score_report(report, POLICY)
    assert len(report.indicators) == 11
    assert {i.operator for i in report.indicators} == {">=", "=", "<=", "qualitative"}
    assert [i.name for i, s in zip(report.indicators, card.indicators, strict=True) if s.met is False] == [
        "数据上报及时率"
    ]
    assert report.budget is not None and report.budget.execution_rate == 97


def test_clean_report_gives_no_finding() -> None:
    assert reviewed(CLEAN) == []


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        ([("全年执行数970万元", "全年执行数870万元"), ("预算执行率97%", "预算执行率87%")], ["B03"]),
        ([("预算执行率97%", "预算执行率96%")], ["B01"]),
        ([("群众满意度93%", "群众满意度98%")], ["N01"]),
        ([("五、其他需要说明的问题\n\n无", "五、其他需要说明的问题\n\n本项目未偏离绩效目标，暂无问题。")], ["N03"]),
        ([("总体绩效目标完成情况分析\n\n", "总体绩效目标完成情况分析\n\n各项绩效指标均已完成。")], ["N02"]),
        ([("\t18\n", "\t30\n")], ["I02", "N01"]),  # and the prose's 平均18小时 no longer agrees
        ([("\t一级指标\n\t二级指标\n", ""), ("\t产出指标\n", ""), ("\t效益指标\n", ""), ("\t满意度指标\n", ""),
          ("\t数量指标\n", ""), ("\t质量指标\n", ""), ("\t时效指标\n", ""), ("\t成本指标\n", ""),
          ("\t生态效益指标\n", ""), ("\t社会效益指标\n", ""), ("\t可持续影响指标\n", ""),
          ("\t服务对象满意度指标\n", "")], ["D02"]),
    ],
    ids=["low-execution", "wrong-stated-rate", "prose-contradicts", "no-problem-claim", "all-done-claim",
         "unmet-without-reason", "no-level-columns"],
)
def test_one_edit_gives_the_findings_it_deserves(edits: list[tuple[str, str]], expected: list[str]) -> None:
    text = CLEAN
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    assert [f.code for f in reviewed(text)] == expected
