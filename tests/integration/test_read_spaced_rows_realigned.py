"""A space-separated row that lost its empty unit cell is re-aligned by the text reader; its figures
say so (provenance "realigned"), the rows read as written say "cell"."""

from jixiao.readers import report_from_text

DOC = """2023年度某项目绩效自评报告
三级指标    指标性质    指标值    度量单位    实际完成值    偏差原因
培训人次    ≥    200    人次    210    无
培训质量    定性    良好    优秀
"""


def test_realigned_row_marked():
    r = report_from_text(DOC)
    first, second = r.indicators
    assert (second.name, second.target_text, second.actual_text) == ("培训质量", "良好", "优秀")
    assert first.provenance["actual"].how == "cell"
    assert second.provenance["actual"].how == "realigned"
    assert second.provenance["actual"].where == "表1第3行"
