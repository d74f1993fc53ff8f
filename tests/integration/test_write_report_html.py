"""The 绩效自评报告 as HTML: one self-contained page with the standard headings and the tables."""

from __future__ import annotations

import re

from jixiao.writers.report_html import render_report_html
from tests.write_factory import TITLE, project_result

HEADINGS = [
    "一、绩效目标分解下达情况",
    "二、绩效情况分析",
    "（一）资金投入情况分析",
    "（二）资金管理情况分析",
    "（三）总体绩效目标完成情况分析",
    "（四）绩效指标完成情况分析",
    "三、偏离绩效目标的原因和下一步改进措施",
    "四、绩效自评结果拟应用和公开情况",
    "五、其他需要说明的问题",
]


def test_headings_in_order() -> None:
    html = render_report_html(project_result())
    found = re.findall(r"<h[23]>([^<]+)</h[23]>", html)
    assert found == HEADINGS
    h1 = re.findall(r"<h1>(.+?)</h1>", html)
    assert [re.sub(r"<[^>]+>", "", h) for h in h1] == [TITLE]  # the closing words kept on one line by a span


def test_self_contained_no_external_url() -> None:
    html = render_report_html(project_result())
    assert "http" not in html.lower()
    assert "<link" not in html and "@import" not in html and "src=" not in html
    # GB/T 9704 page: top 37 mm, right 26 mm, bottom 35 mm, left 28 mm
    assert "@page" in html and "size: A4" in html and "margin: 3.7cm 2.6cm 3.5cm 2.8cm" in html
    for font in ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Serif CJK SC", "SimSun", "AR PL UKai CN",
                 "AR PL UMing CN", "方正小标宋简体", "仿宋", "黑体", "楷体"):
        assert font in html


def test_indicator_and_score_tables() -> None:
    html = render_report_html(project_result())
    assert "<th>偏差原因分析及改进措施</th>" in html
    assert '<td rowspan="5">产出指标</td>' in html
    assert '<td rowspan="2">数量指标</td>' in html
    assert '<td class="name">监控网络链路</td><td>≥</td><td>23</td><td>条</td><td>23</td><td></td><td></td>' in html
    assert "<tr><td>总分</td><td>100.00</td><td></td><td>97.84</td></tr>" in html
    assert "<tr><td>评价等级</td><td></td><td></td><td>优</td></tr>" in html
    assert '<td>1</td><td class="name">监控网络链路</td><td>10.00</td><td>10.00</td>' in html
    assert "全年预算数1070.07万元，全年执行数838.41万元，预算执行率78.35%。" in html


def test_text_is_escaped() -> None:
    result = project_result()
    assert result.report is not None
    result.report.indicators[0].name = "链路<a>&b"
    html = render_report_html(result)
    assert "链路&lt;a&gt;&amp;b" in html
