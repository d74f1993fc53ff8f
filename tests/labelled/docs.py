"""The labelled set: documents written for the tests, each with what a reviewer would raise and what
they would not (issue 10, "Judge like a reviewer").

Every entry says:

- ``raise_``: findings a finance reviewer would write into the review opinion, as ``(code, where)``;
  ``where`` is an indicator name, ``"budget"``, ``"narrative"``, ``"document"`` or ``None`` (anywhere);
- ``not_``: codes that must not fire (``"N02"``), or must not fire at a severity (``"I03:warning"``
  allows I03 as info);
- ``ok``: codes that follow from the labelled problem and are right as far as they go (a stated score
  differing from the computed one when the problem is "an unmet indicator given full marks"): counted
  neither way;
- everything else: a warning or error that is in none of these counts as a false alarm; an unlabelled
  info finding is advice and counts neither way (unless ``not_`` names it).

Patterns (issue 10): ``fa1``…``fa7`` the false alarms, ``mc1``…``mc7`` the missing checks, ``base`` the
existing rules, ``clean`` reports that must give no warning or error at all. Codes for the new checks
are those of docs/review-rules-additions.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.labelled.render import OMIT, Doc, Funds, Row, render


@dataclass(frozen=True)
class Labelled:
    name: str
    pattern: str
    doc: Doc
    raise_: tuple[tuple[str, str | None], ...] = ()
    not_: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()  # codes that follow from the labelled problem: counted neither way
    weights_assumed: bool | None = None  # what score.weights_assumed must say, when it matters
    note: str = ""
    tags: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        return render(self.doc)


# ------------------------------------------------------------------------------- base documents

FOREST_ROWS = (
    Row("产出指标", "数量指标", "年度森林抚育面积", "≥", "2", "万亩", "2.1"),
    Row("产出指标", "数量指标", "新造林面积", "≥", "3000", "亩", "3050"),
    Row("产出指标", "质量指标", "造林成活率", "≥", "85", "%", "90"),
    Row("产出指标", "时效指标", "抚育作业完成时间", "≤", "11", "月", "11"),
    Row("产出指标", "成本指标", "每亩抚育补助", "≤", "200", "元", "200"),
    Row("效益指标", "生态效益指标", "森林覆盖率提高", "≥", "0.2", "个百分点", "0.2"),
    Row("效益指标", "社会效益指标", "带动农户务工", "≥", "300", "人次", "320"),
    Row("效益指标", "可持续影响指标", "抚育林分管护年限", "≥", "3", "年", "3"),
    Row("满意度指标", "服务对象满意度指标", "林农满意度", "≥", "90", "%", "94"),
)

WATER_ROWS = (
    Row("产出指标", "数量指标", "新建集中供水工程", "≥", "12", "处", "12"),
    Row("产出指标", "数量指标", "改造供水管网", "≥", "35", "公里", "36.5"),
    Row("产出指标", "质量指标", "水质达标率", "≥", "95", "%", "97"),
    Row("产出指标", "时效指标", "工程完工及时率", "≥", "90", "%", "92"),
    Row("产出指标", "成本指标", "管网改造单位成本", "≤", "8", "万元/公里", "7.6"),
    Row("效益指标", "社会效益指标", "受益人口", "≥", "2.5", "万人", "2.5"),
    Row("效益指标", "可持续影响指标", "工程设计使用年限", "≥", "20", "年", "20"),
    Row("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "95"),
)

CARE_ROWS = (
    Row("产出指标", "数量指标", "养老护理员培训人数", "≥", "600", "人", "615"),
    Row("产出指标", "数量指标", "培训班次", "≥", "12", "期", "12"),
    Row("产出指标", "质量指标", "培训考核合格率", "≥", "90", "%", "93"),
    Row("产出指标", "时效指标", "培训任务完成时间", "≤", "10", "月", "10"),
    Row("产出指标", "成本指标", "人均培训成本", "≤", "1500", "元", "1480"),
    Row("效益指标", "社会效益指标", "持证上岗率", "≥", "80", "%", "85"),
    Row("效益指标", "可持续影响指标", "培训长效机制", "定性", "建立培训长效机制", "",
        "已制定年度培训计划和考核办法，机制已建立"),
    Row("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", "90", "%", "96"),
)

SCHOOL_ROWS = (
    Row("产出指标", "数量指标", "受助学生人数", "≥", "1200", "人", "1236", weight="15", score="15"),
    Row("产出指标", "质量指标", "营养餐覆盖率", "≥", "100", "%", "100", weight="15", score="15"),
    Row("产出指标", "时效指标", "补助资金发放及时率", "≥", "95", "%", "98", weight="10", score="10"),
    Row("产出指标", "成本指标", "生均每天补助标准", "＝", "5", "元", "5", weight="10", score="10"),
    Row("效益指标", "社会效益指标", "学生营养健康状况改善", "定性", "学生营养状况得到改善",
        "", "学生体质健康达标率由88%提高到91%，营养状况得到改善", weight="20", score="20"),
    Row("效益指标", "可持续影响指标", "营养改善长效机制", "定性", "形成长效机制", "",
        "建立食堂管理和食品安全责任制度，已形成长效机制", weight="10", score="10"),
    Row("满意度指标", "服务对象满意度指标", "家长满意度", "≥", "90", "%", "95", weight="10", score="10"),
)


def forest(layout: str = "cells", **kw: object) -> Doc:
    d = Doc("森林抚育项目", "某县林业局", Funds("450", "441", "450", "98%",
            sources=(("中央补助", "400", "395"), ("地方资金", "50", "46"))), FOREST_ROWS, layout=layout)  # type: ignore[arg-type]
    return d.with_(**kw)


def water(layout: str = "tabs", **kw: object) -> Doc:
    d = Doc("农村供水保障工程", "某县水利局", Funds("1200", "1164", "1200", "97%",
            sources=(("中央补助", "800", "790"), ("地方资金", "400", "374"))), WATER_ROWS, layout=layout)  # type: ignore[arg-type]
    return d.with_(**kw)


def care(layout: str = "cells", **kw: object) -> Doc:
    d = Doc("养老护理员职业技能培训项目", "某市民政局", Funds("95", "93.1", "95", "98%"), CARE_ROWS, layout=layout)  # type: ignore[arg-type]
    return d.with_(**kw)


def school(layout: str = "tabs", **kw: object) -> Doc:
    d = Doc("农村义务教育学生营养改善计划", "某县教育体育局",
            Funds("228", "228", "228", "100%", weight="10", score="10",
                  sources=(("中央补助", "200", "200"), ("县级配套", "28", "28"))),
            SCHOOL_ROWS, layout=layout, stated_total="100", stated_grade="优")  # type: ignore[arg-type]
    return d.with_(**kw)


def rows_with(rows: tuple[Row, ...], which: str, **kw: str) -> tuple[Row, ...]:
    """``rows`` with the row called ``which`` changed."""
    from dataclasses import replace

    assert any(r.name == which for r in rows), which
    return tuple(replace(r, **kw) if r.name == which else r for r in rows)


def prose(d: Doc, **kw: str) -> Doc:
    return d.with_(prose={**d.prose, **kw})


# The unmet indicator the exception documents share: 年度森林抚育面积 1.8 < 2 万亩, with its reason.
FOREST_UNMET = rows_with(FOREST_ROWS, "年度森林抚育面积", actual="1.8",
                         reason="受持续降雨影响，部分山场无法进场作业")
FOREST_UNMET_DEV = "年度森林抚育面积未达到目标，原因是汛期持续降雨，部分山场无法进场作业。下一步将调整作业计划。"


def _exception(name: str, sentence: str, layout: str = "cells") -> Labelled:
    d = prose(forest(layout, rows=FOREST_UNMET), overall=sentence, deviation=FOREST_UNMET_DEV)
    return Labelled(name, "fa1-exception", d, not_=("N02", "N03", "I02"))


LABELLED: list[Labelled] = [
    # ------------------------------------------------------------------ clean: no warning, no error
    Labelled("clean-forest-cells", "clean", forest("cells")),
    Labelled("clean-forest-tabs", "clean", forest("tabs")),
    Labelled("clean-water-tabs", "clean", water("tabs")),
    Labelled("clean-water-pipes", "clean", water("pipes")),
    Labelled("clean-care-cells", "clean", care("cells")),
    Labelled("clean-school-tabs-scored", "clean", school("tabs")),
    Labelled("clean-forest-one-unmet-explained", "clean",
             prose(forest("tabs", rows=FOREST_UNMET), deviation=FOREST_UNMET_DEV,
                   overall="除年度森林抚育面积外，各项指标均达到年度目标。")),
    # ------------------------------------------------------------------ fa1: exceptions named by a short form
    _exception("fa1-chu-wai-short-name", "除森林抚育面积外，其余指标均已完成。"),
    _exception("fa1-chu-yiwai", "除森林抚育面积以外，其他各项指标全部完成。", "tabs"),
    _exception("fa1-jin-wei", "仅森林抚育面积未达到年度目标值，其余指标均已完成。"),
    _exception("fa1-x-wei-qiyu", "森林抚育面积未完成年度目标，其余指标均全部完成。", "pipes"),
    _exception("fa1-chu-wai-full-name", "全年除年度森林抚育面积外，其他绩效指标均已完成。"),
    # ------------------------------------------------------------------ fa2: full-width numbers in prose
    Labelled("fa2-fullwidth-wan-ren", "fa2-fullwidth",
             prose(water("tabs", rows=rows_with(WATER_ROWS, "受益人口", name="服务人口")),
                   overall="工程建成后服务人口２．５万人，水质达标率９７％，受益群众满意度９５％。"),
             not_=("N01",)),
    Labelled("fa2-fullwidth-wan-ren-cells", "fa2-fullwidth",
             prose(water("cells", rows=rows_with(WATER_ROWS, "受益人口", name="服务人口")),
                   overall="项目覆盖服务人口达到２．５万人，新建集中供水工程１２处。"),
             not_=("N01",)),
    Labelled("fa2-fullwidth-percent", "fa2-fullwidth",
             prose(forest("cells"), overall="全年新造林３０５０亩，造林成活率达到９０％，林农满意度９４％。"),
             not_=("N01",)),
    Labelled("fa2-fullwidth-int", "fa2-fullwidth",
             prose(care("cells"), overall="全年培训养老护理员６１５人，培训考核合格率９３％，持证上岗率８５％。"),
             not_=("N01",)),
    Labelled("fa2-fullwidth-contradiction", "fa2-fullwidth",
             prose(care("tabs"), overall="全年养老护理员培训人数５１５人，培训考核合格率９３％。"),
             raise_=(("N01", "养老护理员培训人数"),)),
    # ------------------------------------------------------------------ fa3: explained shortfalls
    Labelled("fa3-retention-money", "fa3-explained",
             prose(water("tabs", funds=Funds("1200", "960", "1200", "80%",
                                         sources=(("中央补助", "800", "640"), ("地方资金", "400", "320")))),
                   funds_use="工程已全部完工并通过验收，剩余240万元为工程质保金和尾款，按合同约定于质保期满后支付。"),
             raise_=(("B03", "budget"),), not_=("I03:warning", "N03")),
    Labelled("fa3-settlement-audit", "fa3-explained",
             prose(forest("cells", funds=Funds("450", "360", "450", "80%")),
                   funds_use="全年预算数450万元，全年执行数360万元，预算执行率80%。抚育作业已全部完成，"
                             "因工程结算审计尚未完成，剩余资金待审计结束后支付。"),
             raise_=(("B03", "budget"),), not_=("I03:warning", "N03")),
    Labelled("fa3-pay-on-acceptance", "fa3-explained",
             prose(water("pipes", funds=Funds("1200", "1020", "1200", "85%",
                                          sources=(("中央补助", "800", "700"), ("地方资金", "400", "320")))),
                   funds_use="合同约定工程竣工验收合格后支付剩余价款，验收已于12月底完成，款项将于次年初支付。"),
             raise_=(("B03", "budget"),), not_=("I03:warning", "N03")),
    Labelled("fa3-unexplained-low-execution", "fa3-explained",
             forest("tabs", funds=Funds("450", "315", "450", "70%",
                                        sources=(("中央补助", "400", "280"), ("地方资金", "50", "35")))),
             raise_=(("B03", "budget"), ("I03", None))),
    # ------------------------------------------------------------------ fa4: sense of scale
    Labelled("fa4-tiny-cut-wan", "fa4-scale",
             care("cells", funds=Funds("95", "95", "95.03", "100%")),
             not_=("B08:warning",)),
    Labelled("fa4-tiny-cut-yuan", "fa4-scale",
             water("tabs", funds=Funds("12000000", "12000000", "12000500", "100%", unit="元",
                                       sources=(("中央补助", "8000000", "8000000"),
                                                ("地方资金", "4000000", "4000000")))),
             not_=("B08:warning",)),
    Labelled("fa4-material-cut-to-executed", "fa4-scale",
             prose(care("cells", funds=Funds("70", "70", "95", "100%")),
                   deviation="年中根据实际培训人数调减预算25万元。"),
             raise_=(("B08", "budget"),)),
    # ------------------------------------------------------------------ fa5: one slip, many findings
    Labelled("fa5-blank-total-row", "fa5-one-slip",
             water("tabs", funds=Funds("1200", "1164", "1200", "97%", total_blank=True,
                                       sources=(("中央补助", "800", "790"), ("地方资金", "400", "374")))),
             raise_=(("B06", "budget"),), not_=("B01", "S01", "B07")),
    Labelled("fa5-blank-total-row-scored", "fa5-one-slip",
             school("tabs", funds=Funds("228", "228", "228", "100%", weight="10", score="10", total_blank=True,
                                        sources=(("中央补助", "200", "200"), ("县级配套", "28", "28")))),
             raise_=(("B06", "budget"),), not_=("B01", "S01", "S03", "B07")),
    Labelled("fa5-inverted-satisfaction", "fa5-one-slip",
             water("tabs", rows=rows_with(WATER_ROWS, "受益群众满意度", op="≤")),
             raise_=(("I04", "受益群众满意度"),), not_=("I02", "N02", "N03")),
    Labelled("fa5-inverted-pass-rate-scored", "fa5-one-slip",
             school("tabs", rows=rows_with(SCHOOL_ROWS, "补助资金发放及时率", op="≤")),
             raise_=(("I04", "补助资金发放及时率"),), not_=("I02", "S01", "S03", "N02")),
    Labelled("fa5-inverted-cost", "fa5-one-slip",
             care("cells", rows=rows_with(CARE_ROWS, "人均培训成本", op="≥")),
             raise_=(("I04", "人均培训成本"),), not_=("I02", "N02")),
    # ------------------------------------------------------------------ fa6: double negation
    Labelled("fa6-bucunzai-weiwancheng", "fa6-double-negation",
             prose(forest("cells"), overall="本年度不存在未完成的指标，项目总体达到预期效果。"), not_=("N02",)),
    Labelled("fa6-wu-weiwancheng-qingkuang", "fa6-double-negation",
             prose(water("tabs"), overall="经逐项核对，各项指标无未完成情况。"), not_=("N02",)),
    Labelled("fa6-meiyou-weiwancheng", "fa6-double-negation",
             prose(care("cells"), overall="全年没有未完成的绩效指标，培训任务按期完成。"), not_=("N02",)),
    Labelled("fa6-bucunzai-weidabiao", "fa6-double-negation",
             prose(water("pipes"), deviation="本项目不存在未完成的绩效目标，无偏离情况。"), not_=("N02", "N03")),
    # ------------------------------------------------------------------ fa7: operator printed once
    Labelled("fa7-operator-in-target-cell", "fa7-messages",
             forest("tabs", rows=rows_with(FOREST_ROWS, "抚育作业完成时间", target="≤11", actual="12")),
             raise_=(("I02", "抚育作业完成时间"),)),
    Labelled("fa7-operator-in-target-cell-ge", "fa7-messages",
             care("tabs", rows=rows_with(CARE_ROWS, "培训考核合格率", target="≥90", actual="86")),
             raise_=(("I02", "培训考核合格率"),)),
]

# codes of the new checks (docs/review-rules-additions.md)
SUM = "B09"  # amounts that should add up: a breakdown against its total
SUM_STANDARD = "B10"  # quantity × unit standard against the money
SHORT = "I12"  # money short, outputs full
BOILER = "I13"  # boilerplate qualitative actual
BOILER_COPIED = "I14"  # actual copied from the target text
BOILER_GOAL = "I15"  # the year's goal actual copied from the goal
FULL_MARKS_UNMET = "S04"
DOCKED_MET = "S05"
TOTAL_IMPOSSIBLE = "S06"
LEVEL = "T05"  # misfiled levels

SCHOOL_UNMET_FULL = rows_with(SCHOOL_ROWS, "受助学生人数", actual="1150", reason="部分学生转学至城区学校")

LABELLED += [
    # ------------------------------------------------------------------ mc1: amounts that should add up
    Labelled("mc1-breakdown-exceeds-budget", "mc1-sums",
             prose(forest("cells"), target="项目总投资450万元，其中森林抚育补助300万元、新造林补助120万元、"
                                           "林业管护经费50万元。"),
             raise_=((SUM, None),)),
    Labelled("mc1-breakdown-adds-up", "mc1-sums",
             prose(forest("cells"), target="项目总投资450万元，其中森林抚育补助300万元、新造林补助100万元、"
                                           "林业管护经费50万元。"),
             not_=(SUM,)),
    Labelled("mc1-quantity-times-standard-wrong", "mc1-sums",
             prose(care("tabs"),
                   funds_use="按人均培训成本1500元的标准，全年培训养老护理员600人，共支出培训经费93.1万元。"),
             raise_=((SUM_STANDARD, None),)),
    Labelled("mc1-quantity-times-standard-right", "mc1-sums",
             prose(care("tabs", funds=Funds("95", "90", "95", "94.74%")),
                   funds_use="按人均培训成本1500元的标准，全年培训养老护理员600人，共支出培训经费90万元。"),
             not_=(SUM, SUM_STANDARD)),
    Labelled("mc1-sources-in-prose", "mc1-sums",
             prose(water("cells"), funds_use="全年预算数1200万元，其中中央补助800万元、地方资金300万元；"
                                             "全年执行数1164万元，预算执行率97%。"),
             raise_=(("B06", "budget"),)),
    # ------------------------------------------------------------------ mc2: money short, outputs full
    Labelled("mc2-cut-outputs-full", "mc2-money-short",
             water("tabs", funds=Funds("800", "800", "1200", "100%",
                                       sources=(("中央补助", "600", "600"), ("地方资金", "200", "200")))),
             raise_=((SHORT, None), ("B08", "budget"))),
    Labelled("mc2-partly-paid-outputs-full", "mc2-money-short",
             prose(forest("cells"), funds_mgmt="截至年底，省级补助资金仅到位60%，其余资金尚未拨付。"),
             raise_=((SHORT, None),)),
    # ------------------------------------------------------------------ mc3: boilerplate actuals
    Labelled("mc3-qualitative-boilerplate", "mc3-boilerplate",
             care("cells", rows=rows_with(CARE_ROWS, "培训长效机制", actual="达成预期指标")),
             raise_=((BOILER, "培训长效机制"),)),
    Labelled("mc3-actual-copies-target", "mc3-boilerplate",
             school("tabs", rows=rows_with(SCHOOL_ROWS, "学生营养健康状况改善", actual="学生营养状况得到改善")),
             raise_=((BOILER_COPIED, "学生营养健康状况改善"),)),
    Labelled("mc3-goal-copied", "mc3-boilerplate",
             forest("tabs", goal=("完成森林抚育2万亩、新造林3000亩，提高森林质量",
                                  "完成森林抚育2万亩、新造林3000亩，提高森林质量")),
             raise_=((BOILER_GOAL, None),)),
    Labelled("mc3-goal-reported", "mc3-boilerplate",
             forest("tabs", goal=("完成森林抚育2万亩、新造林3000亩，提高森林质量",
                                  "完成森林抚育2.1万亩、新造林3050亩，造林成活率90%")),
             not_=(BOILER, BOILER_COPIED, BOILER_GOAL)),
    # ------------------------------------------------------------------ mc4: stated scores that cannot be
    Labelled("mc4-unmet-full-marks", "mc4-scores",
             prose(school("tabs", rows=SCHOOL_UNMET_FULL), deviation="受助学生人数未达到目标，原因是部分学生转学。"),
             raise_=((FULL_MARKS_UNMET, "受助学生人数"),), not_=("I02",), ok=("S01", "S03")),
    Labelled("mc4-met-docked", "mc4-scores",
             school("tabs", rows=rows_with(SCHOOL_ROWS, "家长满意度", score="8"), stated_total="98"),
             raise_=((DOCKED_MET, "家长满意度"),), ok=("S01", "S03")),
    Labelled("mc4-total-above-weights", "mc4-scores",
             school("tabs", stated_total="105"),
             raise_=((TOTAL_IMPOSSIBLE, None),), ok=("S03",)),
    Labelled("mc4-total-in-prose", "mc4-scores",
             prose(school("tabs", stated_total=""), other="经自评，本项目自评得分92分，自评等级为优。"),
             raise_=(("S03", None),)),
    # ------------------------------------------------------------------ mc5: misfiled levels
    Labelled("mc5-admin-under-ecological", "mc5-levels",
             forest("tabs", rows=(*FOREST_ROWS[:5],
                                  Row("效益指标", "生态效益指标", "办公经费控制率", "≤", "100", "%", "98"),
                                  *FOREST_ROWS[6:])),
             raise_=((LEVEL, "办公经费控制率"),)),
    Labelled("mc5-satisfaction-under-social", "mc5-levels",
             water("tabs", rows=(*WATER_ROWS[:6],
                                 Row("效益指标", "社会效益指标", "用水户满意度", "≥", "90", "%", "93"),
                                 *WATER_ROWS[6:])),
             raise_=((LEVEL, "用水户满意度"),)),
    # ------------------------------------------------------------------ mc6: claims of no problems
    Labelled("mc6-no-deviation-form-words", "mc6-no-problem",
             prose(forest("tabs", funds=Funds("450", "315", "450", "70%",
                                              sources=(("中央补助", "400", "280"), ("地方资金", "50", "35")))),
                   funds_use="资金使用规范，不存在执行数偏离预算数较多的情况。"),
             raise_=(("N03", None), ("B03", "budget"), ("I03", None))),
    Labelled("mc6-wu-piancha-unmet", "mc6-no-problem",
             prose(forest("cells", rows=FOREST_UNMET), deviation="本项目无偏差。"),
             raise_=(("N03", None),)),
    Labelled("mc6-all-done-unmet", "mc6-no-problem",
             prose(care("cells", rows=rows_with(CARE_ROWS, "持证上岗率", actual="72", reason="部分学员尚未参加鉴定")),
                   overall="项目绩效目标全部完成，达到预期效果。",
                   deviation="持证上岗率未达到目标，原因是部分学员尚未参加职业技能鉴定。"),
             raise_=(("N02", None),)),
    # ------------------------------------------------------------------ mc7: forms without scores
    Labelled("mc7-transfer-form-no-scores", "mc7-weights-assumed",
             water("pipes", transfer=True), weights_assumed=True),
    Labelled("mc7-transfer-form-no-scores-2", "mc7-weights-assumed",
             forest("pipes", transfer=True), weights_assumed=True),
    Labelled("mc7-scored-form", "mc7-weights-assumed", school("tabs"), weights_assumed=False),
    # ------------------------------------------------------------------ dates: completion-time targets
    # A completion-time target (完成时间 ≤11月, 12月底前, 2023年12月底, 年底前) is a date: an actual on or
    # before it meets it, a later one misses it, an actual with no date cannot be checked (I16).
    Labelled("date-met-month-le-transfer", "date-target",
             forest("pipes", transfer=True, rows=rows_with(FOREST_ROWS, "抚育作业完成时间", target="10", actual="9")),
             not_=("I06", "I07", "I02", "I16"), weights_assumed=True),
    Labelled("date-met-yuedi-qian", "date-target",
             forest("tabs", rows=rows_with(FOREST_ROWS, "抚育作业完成时间", target="12月底前", unit="",
                                           actual="11月")),
             not_=("I06", "I07", "I02", "I16")),
    Labelled("date-met-full-date", "date-target",
             forest("cells", rows=rows_with(FOREST_ROWS, "抚育作业完成时间", target="2023年12月底", unit="",
                                            actual="2023年11月30日")),
             not_=("I06", "I07", "I02", "I16")),
    Labelled("date-met-niandi-qualitative", "date-target",
             care("tabs", rows=rows_with(CARE_ROWS, "培训任务完成时间", op="定性", target="年底前", unit="",
                                         actual="已于10月完成全部培训")),
             not_=("I06", "I07", "I02", "I11", "I16")),
    Labelled("date-unmet-month-no-reason", "date-target",
             forest("tabs", rows=rows_with(FOREST_ROWS, "抚育作业完成时间", target="≤10月", unit="",
                                           actual="12月")),
             raise_=(("I02", "抚育作业完成时间"),), not_=("I06", "I07", "I16")),
    Labelled("date-unmet-next-year-no-reason", "date-target",
             care("cells", rows=rows_with(CARE_ROWS, "培训任务完成时间", target="12月底前", unit="",
                                          actual="次年3月完成")),
             raise_=(("I02", "培训任务完成时间"),), not_=("I06", "I07", "I16")),
    Labelled("date-unmet-explained", "date-target",
             prose(forest("cells", rows=rows_with(FOREST_ROWS, "抚育作业完成时间", target="2023年10月底", unit="",
                                                  actual="2023年12月",
                                                  reason="汛期持续降雨，作业推迟")),
                   deviation="抚育作业完成时间未达到目标，原因是汛期持续降雨，部分山场推迟作业。"),
             not_=("I02", "I06", "I07", "I16")),
    Labelled("date-unknown-wancheng", "date-target",
             water("tabs", rows=rows_with(WATER_ROWS, "工程完工及时率", name="工程完工时间", op="≤",
                                          target="12月底前", unit="", actual="完成")),
             raise_=(("I16", "工程完工时间"),), not_=("I06", "I07", "I02"), ok=("I13",)),
    Labelled("date-unknown-transfer", "date-target",
             forest("pipes", transfer=True, rows=rows_with(FOREST_ROWS, "抚育作业完成时间", unit="",
                                                          target="年底前", actual="已完成")),
             raise_=(("I16", "抚育作业完成时间"),), not_=("I06", "I07", "I02"), ok=("I13",),
             weights_assumed=True),
    # ------------------------------------------------------------------ rv: checks a reviewer made on the real set
    Labelled("rv-name-restates-target", "rv-reviewer-checks",
             water("tabs", rows=rows_with(WATER_ROWS, "新建集中供水工程", name="新建集中供水工程12处")),
             raise_=(("T06", "新建集中供水工程12处"),)),
    Labelled("rv-yes-no-question-percent", "rv-reviewer-checks",
             care("tabs", rows=rows_with(CARE_ROWS, "持证上岗率", name="是否持证上岗")),
             raise_=(("T07", "是否持证上岗"),)),
    Labelled("rv-slogan-percent", "rv-reviewer-checks",
             care("cells", rows=rows_with(CARE_ROWS, "持证上岗率", name="促进养老服务业健康发展", target="100",
                                          actual="100")),
             raise_=(("T07", "促进养老服务业健康发展"),)),
    Labelled("rv-money-full-output-short", "rv-reviewer-checks",
             prose(water("tabs", funds=Funds("1200", "1200", "1200", "100%",
                                              sources=(("中央补助", "800", "800"), ("地方资金", "400", "400"))),
                         rows=rows_with(WATER_ROWS, "新建集中供水工程", actual="10",
                                        reason="2处工程因选址调整顺延至次年")),
                   deviation="新建集中供水工程未达到目标，原因是2处工程因选址调整顺延至次年。"),
             raise_=(("I17", "新建集中供水工程"),), not_=("I02",)),
    Labelled("rv-categories-times-standards", "rv-reviewer-checks",
             prose(care("tabs", funds=Funds("95", "95", "95", "100%")),
                   funds_use="全年培训养老护理员615人，其中初级护理员400人、中级护理员215人。培训补助标准为初级护理员"
                             "1000元/人、中级护理员2000元/人，全年支出95万元。"),
             raise_=(("B10", "budget"),)),
    Labelled("rv-categories-times-standards-add-up", "rv-reviewer-checks",
             prose(care("tabs", funds=Funds("83", "83", "83", "100%")),
                   funds_use="全年培训养老护理员615人，其中初级护理员400人、中级护理员215人。培训补助标准为初级护理员"
                             "1000元/人、中级护理员2000元/人，全年支出83万元。"),
             not_=("B10",)),
    Labelled("rv-prose-claims-and-admits", "rv-reviewer-checks",
             prose(care("tabs", rows=()), overall="全年共举办培训12期，活动完成率达到100%。",
                   deviation="受疫情影响，部分培训班未能按期举办，改为线上培训。"),
             raise_=(("N02", "narrative"),), ok=("D04",)),
    Labelled("rv-transfer-funded-locally", "rv-reviewer-checks",
             prose(care("tabs"), target="本项目为中央对地方转移支付项目，用于养老护理员职业技能培训。",
                   funds_mgmt="项目资金全部为市级财政资金，实行专账核算。"),
             raise_=(("N04", "narrative"),)),
    Labelled("rv-transfer-funded-by-transferring-level", "rv-reviewer-checks",
             prose(care("tabs"), target="本项目为中央对地方转移支付项目，用于养老护理员职业技能培训。",
                   funds_mgmt="项目资金全部为中央财政资金，实行专账核算。"),
             not_=("N04",)),
    Labelled("rv-level-percentages-only", "rv-reviewer-checks",
             prose(care("tabs", rows=()),
                   overall="1.产出指标完成情况：100%。2.效益指标完成情况：100%。3.满意度指标完成情况：100%。"),
             raise_=(("T08", "document"),), ok=("D04",)),
    Labelled("rv-policy-execution-rate-not-budget", "rv-reviewer-checks",
             forest("tabs", rows=(*FOREST_ROWS[:-1], Row("效益指标", "可持续影响指标", "管护制度执行率", "≥", "95", "%",
                                                         "98"), FOREST_ROWS[-1])),
             not_=("T04",)),
    # ------------------------------------------------------------------ base: the existing rules still see
    Labelled("base-unmet-no-reason", "base",
             forest("cells", rows=rows_with(FOREST_ROWS, "造林成活率", actual="80")),
             raise_=(("I02", "造林成活率"),)),
    Labelled("base-stated-rate-wrong", "base",
             water("tabs", funds=Funds("1200", "1164", "1200", "79%",
                                       sources=(("中央补助", "800", "790"), ("地方资金", "400", "374")))),
             raise_=(("B01", "budget"),)),
    Labelled("base-overspent", "base",
             care("cells", funds=Funds("95", "98.2", "95", "103.37%")),
             raise_=(("B02", "budget"),)),
    Labelled("base-no-actual", "base",
             water("tabs", rows=rows_with(WATER_ROWS, "工程完工及时率", actual="")),
             raise_=(("I08", "工程完工及时率"),)),
    Labelled("base-actual-not-number", "base",
             forest("tabs", rows=rows_with(FOREST_ROWS, "新造林面积", actual="已完成")),
             raise_=(("I06", "新造林面积"),)),
    Labelled("base-narrative-contradicts", "base",
             prose(water("tabs"), overall="全年新建集中供水工程10处，水质达标率97%。"),
             raise_=(("N01", "新建集中供水工程"),)),
    Labelled("base-no-satisfaction-indicator", "base",
             care("cells", rows=CARE_ROWS[:-1]),
             raise_=(("T03", None),)),
    Labelled("base-missing-deviation-section", "base",
             prose(forest("cells"), deviation=OMIT),
             raise_=(("D01", "document"),)),
]
