"""The 自评报告 keeps the unit's words and numbers: nothing invented, the unit's 分值/得分 as stated,
a note wherever the tool inferred or corrected something. Read back from the written .docx."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import docx

from jixiao.model import Budget, CheckResult, Indicator, Provenance, Report, Section
from jixiao.policy import load_policy
from jixiao.scoring import score_report
from jixiao.writers.report_docx import write_report_docx

ORG = "某县民政局"


def _result(report: Report) -> CheckResult:
    return CheckResult(source="x.txt", format="text", report=report, score=score_report(report, load_policy()))


def _report(**kw) -> Report:
    indicators = [
        Indicator(name="救助人数", operator=">=", target=D(120), target_text="≥１２０人", actual=D(118),
                  actual_text="１１８人", unit="人", level1="output", level2="quantity", weight=D(20),
                  stated_score=D("19.5")),
        Indicator(name="群众满意度", operator=">=", target=D(90), target_text="90%", actual=D(95), actual_text="95%",
                  unit="%", level1="satisfaction", level2="satisfaction", weight=D(10), stated_score=D(10)),
        Indicator(name="救助资金发放及时率", operator="=", target=D(100), target_text="100", actual=D(100),
                  actual_text="100", unit="%", level1="output", level2="timeliness", weight=D(30),
                  stated_score=D(30), deviation_reason="个别对象信息变更，延迟发放"),
        Indicator(name="困难群众生活改善", operator="qualitative", target_text="明显改善", actual_text="明显改善",
                  level1="benefit", level2="social", weight=D(30), stated_score=D(28)),
    ]
    sections = [
        Section(None, "", 0, "根据县财政局通知要求，现将我局2023年度项目绩效自评情况报告如下："),
        Section("一", "一、项目基本情况", 1, "本项目全年预算数200万元，全年执行数190万元，执行率95%。"),
        Section("二", "二、绩效目标完成情况", 1, "各项指标基本完成。"),
        Section("三", "三、存在的问题", 1, ""),
        Section("四", "四、其他需要说明的问题", 1, "无\n某县民政局\n2024年3月5日"),
    ]
    base = dict(title="某县困难群众救助项目2023年度绩效自评报告", organization=ORG, fiscal_year=2023,
                budget=Budget(annual=D(200), executed=D(190), weight=D(10), stated_score=D("9.5")),
                indicators=indicators, sections=sections, stated_total=D("97"), stated_grade="优")
    base.update(kw)
    return Report(**base)


def _write(tmp_path: Path, report: Report, name: str = "r.docx") -> docx.document.Document:
    out = tmp_path / name
    write_report_docx(_result(report), out)
    return docx.Document(str(out))


def _texts(d) -> list[str]:
    return [p.text for p in d.paragraphs if p.text.strip()]


def test_no_addressee_invented(tmp_path: Path) -> None:
    t = _texts(_write(tmp_path, _report()))
    assert t[1] == "________________："
    assert not any("财政厅" in line for line in t)


def test_given_addressee_kept(tmp_path: Path) -> None:
    assert _texts(_write(tmp_path, _report(recipient="县财政局")))[1] == "县财政局："


def test_the_units_outline_and_words_no_filler(tmp_path: Path) -> None:
    t = _texts(_write(tmp_path, _report()))
    heads = [x for x in t if x[:2] in ("一、", "二、", "三、", "四、")]
    assert heads == ["一、项目基本情况", "二、绩效目标完成情况", "三、存在的问题", "四、其他需要说明的问题"]
    assert t[2] == "根据县财政局通知要求，现将我局2023年度项目绩效自评情况报告如下："
    assert t[t.index("三、存在的问题") + 1] != "无"  # the unit wrote nothing there: nothing is put in its mouth
    assert t.count("无") == 1  # the unit's own 无 under 四
    missing = [x for x in t if x.startswith("注：原报告未见以下部分")]
    assert len(missing) == 1 and "资金投入情况分析" in missing[0] and "偏离绩效目标" not in missing[0]


def test_budget_sentence_not_repeated(tmp_path: Path) -> None:
    t = _texts(_write(tmp_path, _report()))
    assert sum("全年预算数200万元" in x for x in t) == 1
    assert not any(x.startswith("全年预算数200.00万元") for x in t)


def test_closing_parts_kept_once(tmp_path: Path) -> None:
    d = _write(tmp_path, _report())
    t = _texts(d)
    assert t.count(ORG) == 1 and t.count("2024年3月5日") == 1
    assert t[-2:] == [ORG, "2024年3月5日"]
    right = [p.text for p in d.paragraphs if p.alignment is not None and p.alignment == 2]
    assert right == [ORG, "2024年3月5日"]


def test_stated_scores_survive_unchanged_and_computed_ones_apart(tmp_path: Path) -> None:
    d = _write(tmp_path, _report())
    table = d.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    by_name = {r[2]: r for r in rows[1:]}
    assert by_name["救助人数"][7:9] == ["20.00", "19.50"]
    assert by_name["困难群众生活改善"][7:9] == ["30.00", "28.00"]
    scores = [[c.text for c in r.cells] for r in d.tables[1].rows]
    assert scores[0] == ["评分项目", "分值", "自评得分", "复核得分"]
    assert scores[1][:3] == ["预算执行", "10.00", "9.50"]
    assert next(r for r in scores if r[0] == "总分")[2] == "97.00"
    assert next(r for r in scores if r[0] == "评价等级")[2] == "优"
    review = [[c.text for c in r.cells] for r in d.tables[2].rows]
    assert review[0][2:4] == ["复核分值", "复核得分"]
    assert any("复核" in x and "非单位填报" in x for x in _texts(d))


def test_numbers_as_officials_write_them(tmp_path: Path) -> None:
    rows = [[c.text for c in r.cells] for r in _write(tmp_path, _report()).tables[0].rows]
    first = next(r for r in rows if r[2] == "救助人数")
    assert first[3:7] == ["≥", "120", "人", "118"]  # full-width digits plain, operator and unit once
    sat = next(r for r in rows if r[2] == "群众满意度")
    assert sat[4:7] == ["90", "%", "95"]


def test_inferred_levels_grouped_and_noted(tmp_path: Path) -> None:
    report = _report()
    for ind in report.indicators:
        ind.levels_inferred = True
    d = _write(tmp_path, report)
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows[1:]]
    assert [r[0] for r in rows] == ["产出指标", "产出指标", "效益指标", "满意度指标"]
    notes = [x for x in _texts(d) if "根据指标名称推断" in x]
    assert notes == ["注：原报告未填写全部指标的一级、二级指标，表中所列系 jixiao 根据指标名称推断，请核实。"]


def test_split_and_corrected_figures_noted(tmp_path: Path) -> None:
    report = _report()
    report.indicators[1].provenance["actual"] = Provenance("split", "表1第3行")
    report.budget.provenance["executed"] = Provenance("ocr", "第2页")
    t = _texts(_write(tmp_path, report))
    assert "注：第2行“群众满意度”的实际完成值由粘连的数字拆分得出（原件表1第3行），请对照原件核实。" in t \
        or any("“群众满意度”的实际完成值由粘连的数字拆分得出" in x for x in t)
    assert any(x.startswith("注：全年执行数经识别纠正（原件第2页）") for x in t)
