"""The stream reader never raises, and what it places always keeps the form's arithmetic."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.readers.blocks import Document, Paragraph, Table
from jixiao.readers.numsplit import rate_fits
from jixiao.readers.stream import read_stream

_CELLS = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总额", "其中:财政拨款",
          "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "权重",
          "产出指标", "数量指标", "满意度指标", "总分", "≥", "≤", "═", "%", "人", "万元", "—", "/", "无",
          "10", "9", "100", "95%", "100%", "99%", "65.66", "65.07", "194.9194.9100%", "100%100%", "00",
          "学生人数", "群众满意度", "完成", "有效", "专款专用专款专用", "指标1:培训人数", "(万元)", "(元)"]

_cell = st.one_of(st.sampled_from(_CELLS), st.text(alphabet="0123456789.%年月≥≤=元人指标值率", max_size=12))
_row = st.lists(_cell, min_size=1, max_size=12)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_row, min_size=1, max_size=15), st.booleans())
def test_never_raises_and_keeps_the_arithmetic(rows, flat):
    flat_doc = Document([Paragraph("".join(c for r in rows for c in r))])
    doc = flat_doc if flat else Document([Table(rows=rows)])
    res = read_stream(doc)
    for ind in res.indicators:
        assert ind.name
        if ind.weight is not None:
            assert 0 < ind.weight <= 100
        if ind.weight is not None and ind.stated_score is not None:
            assert ind.stated_score <= ind.weight
    b = res.budget
    if b is not None and b.stated_execution_rate_text and b.annual is not None and b.executed is not None:
        assert rate_fits(b.annual, b.executed, b.stated_execution_rate_text) is not False
    if b is not None and b.weight is not None and b.stated_score is not None:
        assert b.stated_score <= b.weight
