"""The summary workbook says its 总分/等级 are the tool's, gives the unit's own total beside them, and calls
the figure a 参考分 where it rests on assumed weights or on split/OCR-corrected figures."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import openpyxl

from jixiao.model import Provenance
from jixiao.serialize import result_to_dict, to_jsonable
from jixiao.writers.summary_xlsx import REPORT_HEADER, write_summary
from tests.write_factory import project_result, sample_result


def _row(tmp_path: Path, result: object) -> dict[str, object]:
    record = json.loads(json.dumps(to_jsonable(result_to_dict(result)), ensure_ascii=False))  # as in a .jsonl
    out = tmp_path / "汇总.xlsx"
    write_summary([record], out)
    rows = list(openpyxl.load_workbook(out)["报告汇总"].iter_rows(values_only=True))
    return dict(zip(rows[0], rows[1], strict=True))


def test_computed_total_labelled_with_the_units_own_beside_it(tmp_path: Path) -> None:
    result = project_result()
    assert result.report is not None
    result.report.stated_total = Decimal("98.5")
    row = _row(tmp_path, result)
    assert REPORT_HEADER[-1] == "总分说明"
    assert row["总分"] == 97.84
    assert row["总分说明"] == "复核计算，非单位填报；自评98.5"


def test_assumed_weights_and_split_figures_make_a_reference_score(tmp_path: Path) -> None:
    result = sample_result()
    assert result.report is not None and result.score is not None
    result.score.weights_assumed = True
    result.report.indicators[2].provenance["actual"] = Provenance("split", "正文第9段")
    row = _row(tmp_path, result)
    assert row["总分说明"] == "复核计算，非单位填报；参考分：原报告未填分值，按默认权重计算，部分数字经拆分得出"
