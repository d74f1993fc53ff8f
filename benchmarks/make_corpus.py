"""Write a reproducible corpus of realistic self-evaluation reports for the batch benchmarks.

    python benchmarks/make_corpus.py N DIR [--seed S] [--mix text=50,docx=25,xlsx=15,pdf=10] [--weasyprint K]

Each document ``k`` is generated from ``Random((S, k))`` alone, so a corpus is the same on every
machine and ``N`` can grow without changing the first documents. Every report is invented: a unit, a
project, a budget (万元 or 元, with fund sources), 5–40 indicators (a few documents have 60–120) drawn
from pools for every 一级/二级 kind, a narrative of varied length, and planted problems:

``unmet_no_reason``   an indicator below target with no reason anywhere (I02)
``copied_actuals``    every actual copied from its target (I01)
``stated_rate_wrong`` the stated execution rate differs from executed ÷ annual (B01)
``sources_mismatch``  fund source rows that do not add up to the total (B06)
``narrative_value``   the narrative states another value for an indicator than the table (N01)
``narrative_all_met`` the narrative says every target was met while one was not (N02)

Formats and layouts (``--mix`` sets the share of each format):

* text: a narrative report with a tab-prefixed one-cell-per-line table (like the sample), the 10号文
  form as tab-separated rows inside a report (GB18030, full-width digits sometimes), the transfer form
  as ``|`` tables, a report copied from a PDF (columns by runs of spaces, in another order), a plain
  one-cell-per-line report — in UTF-8, UTF-8 with BOM, GB18030 or UTF-16;
* docx: the 10号文 项目支出绩效自评表, the 转移支付区域绩效自评表 (two tables), a narrative report with
  an indicator table — written as WordprocessingML directly (merged cells as gridSpan/vMerge) into the
  parts of a blank python-docx document, which is about a hundred times faster than python-docx;
* xlsx: the 10号文 form at A1, the Sichuan form at B3 after a 说明 sheet (percents as 0.95 with % formats,
  numbers stored as text) — openpyxl;
* pdf: the transfer form and a narrative report with a ruled table, written as PDF operators by hand
  (uncompressed, a Type0 Identity-H font whose ToUnicode map lists the glyphs used, tables split
  over pages),
  a few milliseconds each; and ``--weasyprint K`` (default 3) of them rendered through WeasyPrint
  instead, for the real thing (embedded subset fonts, compressed streams). WeasyPrint takes about a
  second per document, so it is kept to a handful.

``DIR/.manifest.jsonl`` (hidden, so ``check DIR`` skips it) lists every file with its format, layout,
indicator count and the planted problems it shows (a form has no narrative and a narrative report no
fund source rows, so those problems are not listed for them). ``corpus_recall.py`` compares a
``check --json`` run with it.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import random
import re
import shutil
import sys
import time
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

CENT = Decimal("0.01")

# ------------------------------------------------------------------------------------------ words

PROVINCES = ("某省", "四川省", "西藏自治区", "云南省", "甘肃省", "贵州省", "青海省", "湖南省")
CITIES = ("东阳市", "西平县", "南山区", "北川县", "青石县", "白河县", "长宁县", "安和市", "临江市", "永丰县",
          "清水县", "石门县", "金沙县", "平安区", "新华区", "丰乐县")
DEPARTMENTS = (
    ("农业农村局", "农业"), ("水利局", "水利"), ("交通运输局", "交通"), ("教育局", "教育"), ("卫生健康委员会", "卫生"),
    ("生态环境局", "生态"), ("住房和城乡建设局", "住建"), ("文化和旅游局", "文旅"), ("公安局", "公安"),
    ("民政局", "民政"), ("人力资源和社会保障局", "人社"), ("体育局", "体育"),
)
PROJECTS = {
    "农业": ("高标准农田建设项目", "农业产业发展项目", "耕地地力保护补贴", "农机购置补贴项目"),
    "水利": ("农村饮水安全巩固提升工程", "中小河流治理项目", "小型水库除险加固项目"),
    "交通": ("农村公路建设项目", "城市公交运营补贴", "公路养护专项资金"),
    "教育": ("义务教育薄弱环节改善项目", "学生资助补助经费", "校舍维修改造项目"),
    "卫生": ("基本公共卫生服务项目", "村卫生室标准化建设", "医疗服务能力提升项目"),
    "生态": ("农村环境整治项目", "大气污染防治资金", "水污染防治专项"),
    "住建": ("老旧小区改造项目", "农村危房改造补助", "城市排水管网建设项目"),
    "文旅": ("公共文化服务体系建设", "文物保护专项资金", "乡村旅游发展项目"),
    "公安": ("信息系统维保及网络租赁项目", "道路交通安全设施建设", "视频监控系统建设项目"),
    "民政": ("养老服务体系建设项目", "困难群众救助补助资金", "社区服务设施建设"),
    "人社": ("就业补助资金", "职业技能提升行动", "公共就业服务能力建设"),
    "体育": ("全民健身设施建设项目", "体育场馆免费低收费开放补助", "群众体育赛事活动"),
}
THINGS = {
    "农业": (("高标准农田", "万亩"), ("灌溉渠道", "公里"), ("机耕道路", "公里"), ("培训农民", "人次")),
    "水利": (("供水工程", "处"), ("供水管网", "公里"), ("河道治理长度", "公里"), ("蓄水池", "座")),
    "交通": (("农村公路", "公里"), ("公交线路", "条"), ("安全防护设施", "公里"), ("桥梁", "座")),
    "教育": (("改造校舍面积", "平方米"), ("资助学生", "人次"), ("新增学位", "个"), ("配备教学设备", "套")),
    "卫生": (("建档居民", "万人"), ("标准化村卫生室", "个"), ("健康教育活动", "场"), ("家庭医生签约", "人")),
    "生态": (("污水处理设施", "座"), ("垃圾收运车辆", "辆"), ("整治村庄", "个"), ("植树造林面积", "亩")),
    "住建": (("改造小区", "个"), ("改造户数", "户"), ("排水管网", "公里"), ("危房改造", "户")),
    "文旅": (("文化活动", "场"), ("修缮文物点", "处"), ("旅游厕所", "座"), ("图书配送", "册")),
    "公安": (("监控网络链路", "条"), ("视频监控点位", "个"), ("信息系统维保", "套"), ("交通信号灯", "组")),
    "民政": (("养老床位", "张"), ("救助困难群众", "人次"), ("社区服务站", "个"), ("助餐点", "个")),
    "人社": (("新增就业", "人"), ("技能培训", "人次"), ("招聘会", "场"), ("创业担保贷款", "万元")),
    "体育": (("健身路径", "个"), ("多功能运动场", "个"), ("赛事活动", "场"), ("社会体育指导员", "人")),
}
QUALITY = ("工程验收合格率", "设备完好率", "水质达标率", "项目验收合格率", "资金使用合规率", "档案资料完整率",
           "培训合格率")
TIMELY = (("项目完成时间", "月", "≤", (10, 12)), ("资金拨付及时率", "%", "≥", (95, 100)),
          ("故障修复响应时间", "小时", "≤", (2, 24)), ("开工及时率", "%", "≥", (90, 100)))
ECONOMIC = (("带动农户增收", "万元"), ("亩均增产", "公斤"), ("节约运行成本", "万元"), ("带动就业", "人"))
SOCIAL_Q = (("群众生产生活条件", "明显改善"), ("公共服务水平", "有效提升"), ("社会治安环境", "持续向好"),
            ("群众出行条件", "明显改善"), ("基层服务能力", "显著增强"))
SOCIAL_N = (("受益人口", "万人"), ("惠及群众", "人"), ("覆盖行政村", "个"))
ECOLOGICAL_Q = (("生态环境", "有所改善"), ("节能环保", "符合国家标准"), ("水土流失", "有效控制"))
ECOLOGICAL_N = (("生活污水处理率", "%"), ("森林覆盖率提高", "个百分点"), ("垃圾无害化处理率", "%"))
SUSTAIN = (("工程设计使用年限", "年", (10, 30)), ("设施正常运行年限", "年", (5, 15)), ("长效管护机制", "", None))
SATISFY = ("受益群众满意度", "服务对象满意度", "社会公众满意度", "项目区群众满意度", "参训人员满意度")
FILLER = (
    "项目严格按照资金管理办法执行，专款专用，未发现挤占、挪用情况。",
    "我单位成立了项目实施领导小组，明确分管领导和责任股室，层层压实责任。",
    "项目实行公开招标，签订合同后按工程进度拨付资金，确保资金安全。",
    "按照绩效目标管理要求，对项目实施进度和绩效目标完成情况进行了跟踪监控。",
    "项目建成后由乡镇负责日常管护，建立了管护台账和巡查制度。",
    "通过实地查看、查阅资料、问卷调查等方式，对项目实施效果进行了全面评价。",
    "资金支付严格履行审批程序，会计核算规范，财务资料完整。",
    "项目实施过程中主动接受审计、财政等部门的监督检查，及时整改发现的问题。",
    "下一步将进一步加强项目前期工作，科学合理设定绩效目标，提高预算编制的准确性。",
    "部分子项目受天气和地质条件影响，施工进度较计划有所滞后。",
)
REASONS = ("受汽车价格波动影响，采购成本下降", "受天气影响，施工进度滞后，已于次年一季度完成",
           "部分工程年底完工，尚未结算", "招投标流程较长，项目延期实施", "受市场需求变化影响，未达到预期",
           "实际需求少于预期，按实际需求实施")

# -------------------------------------------------------------------------------------- the spec

L1 = ("产出指标", "效益指标", "满意度指标")


@dataclass
class Ind:
    level1: str
    level2: str
    name: str
    op: str  # ≥ ≤ ＝ 定性
    target: str
    unit: str
    actual: str
    weight: int = 0
    score: Decimal = Decimal(0)
    reason: str = ""

    @property
    def qualitative(self) -> bool:
        return self.op == "定性"

    def value_text(self, which: str) -> str:
        v = self.target if which == "target" else self.actual
        if self.qualitative:
            return v
        op = "" if which == "actual" or self.op == "＝" else self.op
        return f"{op}{v}{self.unit}"


@dataclass
class Spec:
    k: int
    org: str
    supervisor: str
    project: str
    year: int
    money_unit: str  # 万元 or 元 as the document writes amounts
    initial: Decimal
    annual: Decimal
    executed: Decimal
    stated_rate: str
    sources: list[tuple[str, Decimal, Decimal]]
    indicators: list[Ind]
    narrative: list[str]
    deviation: list[str]
    goal: str
    goal_actual: str
    planted: list[str] = field(default_factory=list)
    budget_score: Decimal = Decimal(0)
    total_score: Decimal = Decimal(0)

    def money(self, wan: Decimal) -> str:
        if self.money_unit == "元":
            return f"{wan * 10000:.2f}"
        return _num(wan)

    @property
    def title(self) -> str:
        return f"{self.org}{self.year}年度{self.project}绩效自评报告"


def _num(d: Decimal) -> str:
    """Shortest plain text of a Decimal: 1070.07, 23, 0.5."""
    t = format(d.quantize(CENT, rounding=ROUND_HALF_UP).normalize(), "f")
    return t


def _pct(d: Decimal) -> str:
    return f"{d.quantize(CENT, rounding=ROUND_HALF_UP)}%"


def make_spec(seed: int, k: int) -> Spec:
    rng = random.Random(f"{seed}:{k}")
    dept, area = rng.choice(DEPARTMENTS)
    city = rng.choice(CITIES)
    province = rng.choice(PROVINCES)
    org = f"{province}{city}{dept}" if rng.random() < 0.5 else f"{city}{dept}"
    project = rng.choice(PROJECTS[area])
    year = rng.choice((2021, 2022, 2023, 2023, 2024))
    big = rng.random() < 0.05
    annual = Decimal(rng.randint(1000, 500000)) / 100  # 10.00 .. 5000.00 万元
    if rng.random() < 0.3:
        annual = annual.quantize(Decimal(1))
    rate = Decimal(rng.choice((100, 100, 100, 99, 98, 96, 95, 92, 90, 88, 85, 78, 70, 60)))
    if rate < 100:
        rate += Decimal(rng.randint(0, 99)) / 100
    executed = (annual * rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    initial = annual if rng.random() < 0.7 else (annual * Decimal(rng.choice(("0.8", "0.9", "1.1")))).quantize(CENT)
    planted: list[str] = []
    real_rate = executed / annual * 100
    stated_rate = _pct(real_rate)
    if rng.random() < 0.08:
        planted.append("stated_rate_wrong")
        stated_rate = _pct(min(real_rate + Decimal(rng.choice((3, 5, 8, 12))), Decimal(100)))
        if stated_rate == _pct(real_rate):
            stated_rate = _pct(real_rate - 5)
    central = (annual * Decimal(rng.choice(("1", "0.8", "0.6", "0.5")))).quantize(CENT)
    central_exec = min(central, executed)
    sources = [("其中：中央补助", central, central_exec)]
    if central < annual:
        sources.append(("地方资金", annual - central, executed - central_exec))
    if rng.random() < 0.08:
        planted.append("sources_mismatch")
        name, a, e = sources[0]
        sources[0] = (name, a + Decimal(rng.randint(5, 80)), e)
    n = rng.randint(60, 120) if big else rng.randint(5, 40)
    inds = _indicators(rng, area, n, annual, planted)
    _weights(rng, inds, real_rate)
    budget_score = min(Decimal(10), (real_rate / 10)).quantize(CENT, rounding=ROUND_HALF_UP)
    total = budget_score + sum((i.score for i in inds), Decimal(0))
    narrative = [rng.choice(FILLER) for _ in range(rng.randint(1, 30 if big else 10))]
    unmet = [i for i in inds if i.reason == "" and _unmet(i)]
    numeric = [i for i in inds if not i.qualitative and i.unit not in ("", "月")]
    if numeric and rng.random() < 0.1:
        planted.append("narrative_value")
        ind = rng.choice(numeric)
        target, actual = Decimal(ind.target), Decimal(ind.actual)
        if ind.unit == "%":  # a plausible other percentage, well away from both
            other = Decimal(rng.choice([v for v in (60, 65, 70, 75) if abs(v - target) > 5 and abs(v - actual) > 5]))
        else:
            other = (max(target, actual) * Decimal(rng.choice(("1.5", "2", "3")))).quantize(Decimal(1)) + 1
        narrative.insert(0, f"其中{ind.name}全年实际完成{_num(other)}{ind.unit}。")
    if (unmet or any(_unmet(i) for i in inds)) and rng.random() < 0.3:
        planted.append("narrative_all_met")
        narrative.append("各项绩效指标全部完成，达到了预期目标。")
    deviation = []
    for i in inds:
        if _unmet(i) and i.reason:
            deviation.append(f"{i.name}未达到年度目标，主要原因是{i.reason}。")
    if not deviation:
        deviation.append("无。")
    goal = f"通过实施{project}，完成{'、'.join(i.name for i in inds[:3])}等建设任务，切实发挥资金使用效益。"
    goal_actual = f"截至{year}年底，{project}已按计划实施，全年执行资金{_num(executed)}万元。"
    return Spec(k, org, f"{city}人民政府", project, year, "元" if rng.random() < 0.15 else "万元", initial, annual,
                executed, stated_rate, sources, inds, narrative, deviation, goal, goal_actual, planted,
                budget_score, total)


def _unmet(i: Ind) -> bool:
    if i.qualitative:
        return i.actual != i.target
    t, a = Decimal(i.target), Decimal(i.actual)
    return a < t if i.op == "≥" else a > t if i.op == "≤" else a != t


def _indicators(rng: random.Random, area: str, n: int, annual: Decimal, planted: list[str]) -> list[Ind]:
    out: list[Ind] = []
    n_sat = max(1, n // 10)
    n_ben = max(1, n * 3 // 10)
    n_out = max(1, n - n_sat - n_ben)
    things = list(THINGS[area])
    names: set[str] = set()

    def add(ind: Ind) -> None:
        base, k = ind.name, 2
        while ind.name in names:
            ind.name = f"{base}（{k}）"
            k += 1
        names.add(ind.name)
        out.append(ind)

    for j in range(n_out):
        kind = rng.choices(("数量指标", "质量指标", "时效指标", "成本指标"), (5, 3, 2, 2))[0] if j else "数量指标"
        if kind == "数量指标":
            thing, unit = rng.choice(things)
            target = rng.choice((1, 2, 3, 5, 8, 10, 12, 20, 23, 30, 50, 100, 120, 500, 1000, 3000))
            add(Ind("产出指标", kind, f"{'新建' if rng.random() < 0.5 else ''}{thing}", "≥", str(target), unit,
                    str(target)))
        elif kind == "质量指标":
            target = str(rng.choice((90, 95, 98, 100)))
            add(Ind("产出指标", kind, rng.choice(QUALITY), rng.choice(("≥", "≥", "＝")), target, "%", ""))
        elif kind == "时效指标":
            name, unit, op, (lo, hi) = rng.choice(TIMELY)
            add(Ind("产出指标", kind, name, op, str(rng.randint(lo, hi)), unit, ""))
        else:
            share = Decimal(rng.choice(("0.2", "0.3", "0.5", "0.8")))
            if rng.random() < 0.3:
                add(Ind("产出指标", kind, "亩均投资", "≤", str(rng.choice((1200, 1500, 3000))), "元/亩", ""))
            else:
                thing, _ = rng.choice(things)
                add(Ind("产出指标", kind, f"{thing}建设成本", "≤", _num(annual * share), "万元", ""))
    for _ in range(n_ben):
        kind = rng.choice(("经济效益指标", "社会效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"))
        if kind == "经济效益指标":
            name, unit = rng.choice(ECONOMIC)
            add(Ind("效益指标", kind, name, "≥", str(rng.choice((5, 10, 50, 100, 200))), unit, ""))
        elif kind == "社会效益指标" and rng.random() < 0.6:
            name, target = rng.choice(SOCIAL_Q)
            add(Ind("效益指标", kind, name, "定性", target, "", target))
        elif kind == "社会效益指标":
            name, unit = rng.choice(SOCIAL_N)
            add(Ind("效益指标", kind, name, "≥", str(rng.choice((1, 2, 5, 10, 30, 100))), unit, ""))
        elif kind == "生态效益指标" and rng.random() < 0.5:
            name, target = rng.choice(ECOLOGICAL_Q)
            add(Ind("效益指标", kind, name, "定性", target, "", target))
        elif kind == "生态效益指标":
            name, unit = rng.choice(ECOLOGICAL_N)
            add(Ind("效益指标", kind, name, "≥", str(rng.choice((1, 2, 80, 85, 90))), unit, ""))
        else:
            name, unit, span = rng.choice(SUSTAIN)
            if span is None:
                add(Ind("效益指标", kind, name, "定性", "健全", "", "健全"))
            else:
                add(Ind("效益指标", kind, name, "≥", str(rng.randint(*span)), unit, ""))
    for _ in range(n_sat):
        target = str(rng.choice((80, 85, 90, 95)))
        add(Ind("满意度指标", "服务对象满意度指标", rng.choice(SATISFY), "≥", target, "%", ""))

    copied = rng.random() < 0.12
    if copied:
        planted.append("copied_actuals")
    no_reason_done = False
    for ind in out:
        if ind.qualitative:
            if rng.random() < 0.05:
                ind.actual = "基本达到"
                ind.reason = rng.choice(REASONS)
            continue
        t = Decimal(ind.target)
        if copied or (ind.actual and rng.random() < 0.5):
            ind.actual = ind.target
            continue
        miss = rng.random() < 0.08
        if ind.op == "≥":
            cap = Decimal(100) if ind.unit == "%" else t * 2
            over = t + t * Decimal(rng.randint(0, 15)) / 100
            a = t * Decimal(rng.choice(("0.8", "0.9", "0.95"))) if miss else min(cap, over)
        elif ind.op == "≤":
            a = t * Decimal(rng.choice(("1.1", "1.2"))) if miss else t * Decimal(rng.randint(70, 100)) / 100
        else:
            a = t - 2 if miss else t
        a = a.quantize(Decimal(1)) if "." not in ind.target and ind.unit != "万元" else a.quantize(CENT)
        ind.actual = _num(a)
        if _unmet(ind):
            if not no_reason_done and rng.random() < 0.4:
                no_reason_done = True
                planted.append("unmet_no_reason")
            else:
                ind.reason = rng.choice(REASONS)
    return out


def _weights(rng: random.Random, inds: list[Ind], rate: Decimal) -> None:
    """Integer weights: 产出 50, 效益 30, 满意度 10 (a level without indicators gives its share to 产出)."""
    by = {k: [i for i in inds if i.level1 == k] for k in L1}
    pools = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
    for k in ("效益指标", "满意度指标"):
        if not by[k]:
            pools["产出指标"] += pools.pop(k)
    for k, pool in pools.items():
        group = by[k]
        base, extra = divmod(pool, len(group))
        for j, ind in enumerate(group):
            ind.weight = base + (1 if j < extra else 0)
            if not _unmet(ind):
                ind.score = Decimal(ind.weight)
            elif ind.qualitative:
                ind.score = (Decimal(ind.weight) * Decimal("0.8")).quantize(CENT)
            else:
                t, a = Decimal(ind.target), Decimal(ind.actual)
                ratio = a / t if ind.op == "≥" and t else t / a if a else Decimal(0)
                ind.score = (Decimal(ind.weight) * min(ratio, Decimal(1))).quantize(CENT, rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------------------------ form model
# The official forms as a grid of cells with spans (the model of tests/fixtures_office.py, copied so
# the benchmark does not depend on the test helpers).


@dataclass(frozen=True)
class Pct:
    value: float
    fmt: str
    text: str


@dataclass(frozen=True)
class AsText:
    text: str


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    value: object
    rowspan: int = 1
    colspan: int = 1

    @property
    def text(self) -> str:
        v = self.value
        return v.text if isinstance(v, Pct | AsText) else str(v)


@dataclass
class Form:
    cols: int
    cells: list[Cell] = field(default_factory=list)
    row: int = 0

    @property
    def rows(self) -> int:
        return max(c.row + c.rowspan for c in self.cells)

    def add(self, *values: object, rowspan: dict[int, int] | None = None) -> None:
        """One row; ``(value, n)`` spans n columns, ``None`` is a position covered from above."""
        col = 0
        for v in values:
            span = 1
            if isinstance(v, tuple):
                v, span = v
            if v is not None:
                self.cells.append(Cell(self.row, col, v, (rowspan or {}).get(col, 1), span))
            col += span
        self.row += 1


def _level_spans(inds: list[Ind]) -> tuple[dict[int, int], dict[int, int]]:
    l1: dict[int, int] = {}
    l2: dict[int, int] = {}
    for spans, key in ((l1, lambda i: i.level1), (l2, lambda i: (i.level1, i.level2))):
        start = 0
        for j in range(1, len(inds) + 1):
            if j == len(inds) or key(inds[j]) != key(inds[start]):
                spans[start] = j - start
                start = j
    return l1, l2


def _n(text: str, excel: bool) -> object:
    if not excel:
        return text
    try:
        d = Decimal(text)
    except ArithmeticError:
        return text
    return int(d) if d == d.to_integral_value() else float(d)


def mof10_form(s: Spec, excel: bool = False) -> Form:
    f = Form(9)
    if excel:
        f.add(("项目支出绩效自评表", 9))
        f.add((f"（{s.year}年度）", 9))
    f.add("项目名称", (s.project, 8))
    f.add("主管部门", (s.supervisor, 3), ("实施单位", 2), (s.org, 3))
    rate_cell: object = s.stated_rate
    if excel:
        rate_cell = Pct(float(Decimal(s.stated_rate.rstrip("%")) / 100), "0.00%", s.stated_rate)
    rows = [("年度资金总额", s.initial, s.annual, s.executed, "10", rate_cell, _num(s.budget_score))]
    rows += [(name.replace("中央补助", "当年财政拨款") if len(s.sources) == 1 else name, a, a, e, "—", "—", "—")
             for name, a, e in s.sources]
    f.add(f"项目资金（{s.money_unit}）", ("", 2), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
          rowspan={0: 1 + len(rows)})
    for name, ini, ann, exe, w, rate, score in rows:
        f.add(None, (name, 2), _n(s.money(ini), excel), _n(s.money(ann), excel), _n(s.money(exe), excel),
              _n(w, excel) if w != "—" else w, rate, _n(score, excel) if score != "—" else score)
    f.add("年度总体目标", ("预期目标", 4), ("实际完成情况", 4), rowspan={0: 2})
    f.add(None, (s.goal, 4), (s.goal_actual, 4))
    header = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
    f.add(*header, rowspan={0: 1 + len(s.indicators)})
    l1, l2 = _level_spans(s.indicators)
    for j, ind in enumerate(s.indicators):
        f.add(None, ind.level1 if j in l1 else None, ind.level2 if j in l2 else None, ind.name,
              ind.value_text("target"), ind.value_text("actual"), _n(str(ind.weight), excel),
              _n(_num(ind.score), excel), ind.reason, rowspan={1: l1.get(j, 1), 2: l2.get(j, 1)})
    f.add(("总分", 6), _n("100", excel), _n(_num(s.total_score), excel), "")
    return f


def sichuan_form(s: Spec) -> Form:
    f = Form(10)
    f.add(("部门预算项目支出绩效自评表", 10))
    f.add((f"（{s.year}年度）", 10))
    f.add("项目名称", (s.project, 9))
    f.add("主管部门", (s.supervisor, 3), ("实施单位", 2), (s.org, 4))
    rate = Pct(float(Decimal(s.stated_rate.rstrip("%")) / 100), "0.00%", s.stated_rate)
    f.add(f"预算执行情况（{s.money_unit}）", "", "年初预算", "调整后预算数", "预算执行数", "执行率", "分值", "得分",
          ("", 2), rowspan={0: 2 + len(s.sources)})
    f.add(None, "年度资金总额", _n(s.money(s.initial), True), AsText(s.money(s.annual)),
          _n(s.money(s.executed), True), rate, 10, _n(_num(s.budget_score), True), ("", 2))
    for name, a, e in s.sources:
        f.add(None, name, _n(s.money(a), True),
              _n(s.money(a), True), _n(s.money(e), True), "—", "—", "—", ("", 2))
    f.add("年度总体目标", (s.goal, 9))
    f.add("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "全年实际完成值", "分值", "得分",
          "未完成原因和改进措施")
    l1, l2 = _level_spans(s.indicators)
    for j, ind in enumerate(s.indicators):
        target: object
        actual: object
        if ind.qualitative:
            target, actual = ind.target, ind.actual
        elif ind.unit == "%":
            fmt = "0%" if ind.level1 == "满意度指标" else "0.00%"
            target = Pct(float(Decimal(ind.target) / 100), fmt, f"{ind.target}%")
            actual = Pct(float(Decimal(ind.actual) / 100), fmt, f"{ind.actual}%")
        else:
            target, actual = _n(ind.target, True), AsText(ind.actual)
        f.add(ind.level1 if j in l1 else None, ind.level2 if j in l2 else None, ind.name, ind.op, target, ind.unit,
              actual, ind.weight, _n(_num(ind.score), True), ind.reason, rowspan={0: l1.get(j, 1), 1: l2.get(j, 1)})
    f.add(("总分", 7), 100, _n(_num(s.total_score), True), "")
    return f


def transfer_fund_form(s: Spec) -> Form:
    f = Form(5)
    f.add("转移支付（项目）名称", (s.project, 4))
    f.add("中央主管部门", "财政部", "地方主管部门", (s.supervisor, 2))
    rows = [("年度资金总额", s.annual, s.executed, s.stated_rate)]
    rows += [(name, a, e, _pct(e / a * 100) if a else "—") for name, a, e in s.sources]
    if len(s.sources) == 1:
        rows.append(("地方资金", Decimal(0), Decimal(0), "—"))
    f.add(f"资金情况（{s.money_unit}）", "", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
          rowspan={0: 1 + len(rows)})
    for name, a, e, rate in rows:
        f.add(None, name, s.money(a) if a else "0", s.money(e) if e else "0", rate)
    f.add("年度总体目标", ("预期目标", 2), ("实际完成情况", 2), rowspan={0: 2})
    f.add(None, (s.goal, 2), (s.goal_actual, 2))
    return f


def transfer_indicator_form(s: Spec) -> Form:
    f = Form(6)
    f.add("一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因分析")
    l1, l2 = _level_spans(s.indicators)
    for j, ind in enumerate(s.indicators):
        f.add(ind.level1 if j in l1 else None, ind.level2 if j in l2 else None, ind.name, ind.value_text("target"),
              ind.value_text("actual"), ind.reason, rowspan={0: l1.get(j, 1), 1: l2.get(j, 1)})
    return f


def report_indicator_form(s: Spec) -> Form:
    """The indicator table of a narrative report: 5 or 6 columns, no levels."""
    f = Form(6)
    f.add("三级指标", "指标性质", "年度指标值", "单位", "完成值", "偏差原因")
    for ind in s.indicators:
        f.add(ind.name, ind.op, ind.target, ind.unit or "—", ind.actual, ind.reason or "无")
    return f


# ------------------------------------------------------------------------------------ narrative


def narrative_sections(s: Spec) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) of a report; the indicator table goes after （四）."""
    unit = s.money_unit
    budget = (f"{s.project}{s.year}年全年预算数{s.money(s.annual)}{unit}，全年执行数{s.money(s.executed)}{unit}，"
              f"预算执行率{s.stated_rate}。")
    return [
        ("一、绩效目标分解下达情况", [budget]),
        ("二、绩效情况分析", []),
        ("（一）资金投入情况分析", s.narrative[: max(1, len(s.narrative) // 2)]),
        ("（二）资金管理情况分析", s.narrative[max(1, len(s.narrative) // 2):] or ["资金管理规范。"]),
        ("（三）总体绩效目标完成情况分析", [s.goal, s.goal_actual]),
        ("（四）绩效指标完成情况分析", []),
    ]


def closing_sections(s: Spec) -> list[tuple[str, list[str]]]:
    return [
        ("三、偏离绩效目标的原因和下一步改进措施", s.deviation),
        ("四、绩效自评结果拟应用和公开情况", ["自评结果将作为下年度预算安排的重要参考，并按要求公开。"]),
        ("五、其他需要说明的问题", ["无"]),
    ]


# ----------------------------------------------------------------------------------------- text

FULL = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def text_cells_tabbed(s: Spec, rng: random.Random) -> str:
    lines = [f"{s.org}{s.year}年度", f"{s.project}绩效自评报告", "", f"{s.supervisor}财政局：", ""]
    for head, paras in narrative_sections(s):
        lines += [head, ""] + [p + "\n" for p in paras]
    header = ("三级指标", "指标性质", "年度指标值", "单位", "完成值")
    lines += ["\t" + h for h in header] + [""]
    for ind in s.indicators:
        lines += ["\t" + x for x in (ind.name, ind.op, ind.target, ind.unit, ind.actual)] + [""]
    for head, paras in closing_sections(s):
        lines += [head, *paras]
    lines.append(s.org)
    return "\n".join(lines) + "\n"


def text_rows_tabs(s: Spec, rng: random.Random) -> str:
    full = rng.random() < 0.4
    money = (lambda x: x.translate(FULL)) if full else (lambda x: x)
    lines = [s.title, "", f"{s.supervisor}财政局：", "", "一、绩效目标分解下达情况", f"项目名称\t{s.project}",
             f"实施单位\t{s.org}", f"资金情况（单位：{s.money_unit}）",
             "\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
             "\t".join(("年度资金总额", money(s.money(s.initial)), money(s.money(s.annual)),
                        money(s.money(s.executed)), "10", money(s.stated_rate), money(_num(s.budget_score))))]
    for name, a, e in s.sources:
        lines.append("\t".join((name, s.money(a), s.money(a), s.money(e))))
    header = "\t".join(("一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值",
                        "得分", "偏差原因分析及改进措施"))
    lines += ["二、绩效情况分析", *s.narrative, "（四）绩效指标完成情况分析", header]
    prev1 = prev2 = None
    for ind in s.indicators:
        c1 = ind.level1 if ind.level1 != prev1 else ""
        c2 = ind.level2 if (ind.level1, ind.level2) != prev2 else ""
        prev1, prev2 = ind.level1, (ind.level1, ind.level2)
        target = ind.target.translate(FULL) if full and not ind.qualitative else ind.target
        lines.append("\t".join((c1, c2, ind.name, ind.op, target, ind.unit, ind.actual, str(ind.weight),
                                _num(ind.score), ind.reason)))
    lines.append("\t".join(("总分", "", "", "", "", "", "", "100", _num(s.total_score), "")))
    for head, paras in closing_sections(s):
        lines += [head, *paras]
    lines += [s.org, f"{s.year + 1}年3月1日"]
    return "\n".join(lines) + "\n"


def text_pipes(s: Spec, rng: random.Random) -> str:
    lines = [f"中央对地方转移支付区域绩效自评表（{s.year}年度）", f"转移支付名称：{s.project}",
             f"填报单位：{s.org}", "",
             f"| 资金（{s.money_unit}） | 全年预算数(A) | 全年执行数(B) | 执行率(B/A) |", "|---|---|---|---|",
             f"| 年度资金总额 | {s.money(s.annual)} | {s.money(s.executed)} | {s.stated_rate} |"]
    lines += [f"| {name} | {s.money(a)} | {s.money(e)} | |" for name, a, e in s.sources]
    lines += ["", "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原因分析 |",
              "|---|---|---|---|---|---|"]
    for ind in s.indicators:
        lines.append(f"| {ind.level1} | {ind.level2} | {ind.name} | {ind.value_text('target')} | "
                     f"{ind.value_text('actual')} | {ind.reason} |")
    lines += ["", "说明：", *s.narrative]
    return "\n".join(lines) + "\n"


def text_spaces(s: Spec, rng: random.Random) -> str:
    lines = [s.title, f"{s.supervisor}财政局："]
    for head, paras in narrative_sections(s):
        if head.startswith("（") and head != "（四）绩效指标完成情况分析":
            lines += paras  # copied from a PDF: the sub-headings were lost, their text was not
            continue
        lines += [head, *paras]
    lines.append("    ".join(("指标名称", "完成值", "指标性质", "目标值", "计量单位", "偏差原因")))
    for ind in s.indicators:
        lines.append("    ".join((ind.name, ind.actual, ind.op, ind.target, ind.unit or "—", ind.reason or "无")))
    for head, paras in closing_sections(s):
        lines += [head, *paras]
    return "\n".join(lines) + "\n"


def text_cells_plain(s: Spec, rng: random.Random) -> str:
    lines = [s.title, ""]
    for head, paras in narrative_sections(s):
        lines += [head, ""] + [p + "\n" for p in paras]
    lines += ["三级指标", "指标性质", "年度指标值", "单位", "完成值", ""]
    for ind in s.indicators:
        lines += [ind.name, ind.op, ind.target, ind.unit, ind.actual, ""]
    for head, paras in closing_sections(s):
        lines += [head, "", *paras, ""]
    return "\n".join(lines) + "\n"


TEXT_LAYOUTS = {
    "text-cells-tabbed": text_cells_tabbed,
    "text-rows-tabs": text_rows_tabs,
    "text-pipes": text_pipes,
    "text-spaces": text_spaces,
    "text-cells-plain": text_cells_plain,
}
ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16")

# ----------------------------------------------------------------------------------------- docx

_ZIP_TIME = (2024, 3, 1, 9, 0, 0)


def fixed_zip(parts: dict[str, bytes]) -> bytes:
    """A zip of ``parts`` with fixed member times and document dates, so a seed gives the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2024-03-01T09:00:00Z", data)
            z.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _save_workbook(wb: object, path: Path) -> None:
    buf = io.BytesIO()
    wb.save(buf)  # type: ignore[attr-defined]
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        path.write_bytes(fixed_zip({n: z.read(n) for n in z.namelist()}))


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class DocxWriter:
    """Writes WordprocessingML into the package of a blank python-docx document."""

    def __init__(self) -> None:
        import docx

        buf = io.BytesIO()
        docx.Document().save(buf)
        self.parts: dict[str, bytes] = {}
        with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
            for name in z.namelist():
                self.parts[name] = z.read(name)

    @staticmethod
    def _p(text: str, size: int | None = None, center: bool = False) -> str:
        ppr = "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" if center else ""
        rpr = f"<w:rPr><w:sz w:val=\"{size * 2}\"/></w:rPr>" if size else ""
        runs = "<w:r>" + rpr + "<w:br/>".join(f"<w:t xml:space=\"preserve\">{html.escape(line)}</w:t>"
                                              for line in text.split("\n")) + "</w:r>" if text else ""
        return f"<w:p>{ppr}{runs}</w:p>"

    def table(self, form: Form) -> str:
        starts = {(c.row, c.col): c for c in form.cells}
        covered: dict[tuple[int, int], Cell] = {}
        for c in form.cells:
            for r in range(c.row + 1, c.row + c.rowspan):
                covered[(r, c.col)] = c
        width = 9000 // form.cols
        out = ["<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>",
               "<w:tblGrid>" + f"<w:gridCol w:w=\"{width}\"/>" * form.cols + "</w:tblGrid>"]
        for r in range(form.rows):
            out.append("<w:tr>")
            col = 0
            while col < form.cols:
                c = starts.get((r, col))
                if c is not None:
                    vm = "<w:vMerge w:val=\"restart\"/>" if c.rowspan > 1 else ""
                    span = c.colspan
                    body = "".join(self._p(line, 9) for line in c.text.split("\n"))
                elif (r, col) in covered:
                    above = covered[(r, col)]
                    vm, span, body = "<w:vMerge/>", above.colspan, self._p("")
                else:
                    vm, span, body = "", 1, self._p("")
                gs = f"<w:gridSpan w:val=\"{span}\"/>" if span > 1 else ""
                tc_pr = f"<w:tcPr><w:tcW w:w=\"{width * span}\" w:type=\"dxa\"/>{gs}{vm}</w:tcPr>"
                out.append(f"<w:tc>{tc_pr}{body}</w:tc>")
                col += span
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def save(self, path: Path, body: list[str]) -> None:
        xml = (f"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{_W_NS}\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
               + "".join(body) + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>")
        parts = dict(self.parts)
        parts["word/document.xml"] = xml.encode("utf-8")
        path.write_bytes(fixed_zip(parts))


def docx_mof10(w: DocxWriter, s: Spec, path: Path) -> None:
    w.save(path, [w._p("项目支出绩效自评表", 16, True), w._p(f"（{s.year}年度）", center=True), w.table(mof10_form(s)),
                  w._p(f"填报说明：金额单位为{s.money_unit}。")])


def docx_transfer(w: DocxWriter, s: Spec, path: Path) -> None:
    w.save(path, [w._p("中央对地方转移支付区域绩效自评表", 16, True), w._p(f"（{s.year}年度）", center=True),
                  w.table(transfer_fund_form(s)), w._p("绩效指标完成情况如下："), w._p(""),
                  w.table(transfer_indicator_form(s)), w._p(f"填报单位：{s.org}")])


def docx_report(w: DocxWriter, s: Spec, path: Path) -> None:
    body = [w._p(f"{s.org}{s.year}年度", 16, True), w._p(f"{s.project}绩效自评报告", 16, True),
            w._p(f"{s.supervisor}财政局：")]
    for head, paras in narrative_sections(s):
        body += [w._p(head)] + [w._p(p) for p in paras]
    body.append(w.table(report_indicator_form(s)))
    for head, paras in closing_sections(s):
        body += [w._p(head)] + [w._p(p) for p in paras]
    body.append(w._p(s.org))
    w.save(path, body)


DOCX_LAYOUTS = {"docx-mof10": docx_mof10, "docx-transfer": docx_transfer, "docx-report": docx_report}

# ----------------------------------------------------------------------------------------- xlsx


def _write_form(ws: object, form: Form, top: int, left: int) -> None:
    for c in form.cells:
        cell = ws.cell(row=top + c.row, column=left + c.col)  # type: ignore[attr-defined]
        v = c.value
        if isinstance(v, Pct):
            cell.value = v.value
            cell.number_format = v.fmt
        elif isinstance(v, AsText):
            cell.value = v.text
            cell.data_type = "s"
        elif v != "":
            cell.value = v
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(start_row=top + c.row, start_column=left + c.col,  # type: ignore[attr-defined]
                           end_row=top + c.row + c.rowspan - 1, end_column=left + c.col + c.colspan - 1)


def xlsx_mof10(s: Spec, path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    _write_form(ws, mof10_form(s, excel=True), 1, 1)
    _save_workbook(wb, path)


def xlsx_sichuan(s: Spec, path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    for j, line in enumerate(("填报说明", f"1. 本表金额单位为{s.money_unit}。", "2. 比率指标按百分数填写。"), start=1):
        notes.cell(row=j, column=1, value=line)
    ws = wb.create_sheet("自评表")
    _write_form(ws, sichuan_form(s), 3, 2)
    _save_workbook(wb, path)


XLSX_LAYOUTS = {"xlsx-mof10": xlsx_mof10, "xlsx-sichuan": xlsx_sichuan}

# ------------------------------------------------------------------------------------------ pdf

def to_unicode_cmap(codes: set[int]) -> bytes:
    """A ToUnicode CMap mapping each used glyph code to the same UTF-16 unit (bfchar, 100 a block),
    as PDF producers write it: only the glyphs the document uses."""
    out = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
           b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
           b"/CMapName /Jixiao-UCS def /CMapType 2 def", b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    ordered = sorted(codes)
    for k in range(0, len(ordered), 100):
        block = ordered[k:k + 100]
        out.append(b"%d beginbfchar" % len(block))
        out += [b"<%04x> <%04x>" % (c, c) for c in block]
        out.append(b"endbfchar")
    out.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(out)


PAGE_W, PAGE_H, MARGIN = 595, 842, 50


class PdfWriter:
    """Pages of text lines and ruled tables as PDF operators; glyph code = UTF-16 unit (BMP only)."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = [[]]
        self.y = PAGE_H - MARGIN
        self.codes: set[int] = set()

    def _need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.pages.append([])
            self.y = PAGE_H - MARGIN

    def _hex(self, text: str) -> str:
        codes = [ord(ch) if ord(ch) < 0x10000 else 0xFFFD for ch in text]
        self.codes.update(codes)
        return "".join(f"{c:04x}" for c in codes)

    def text(self, x: float, y: float, text: str, size: float = 10) -> None:
        self.pages[-1].append(f"BT /F1 {size:g} Tf 1 0 0 1 {x:.1f} {y:.1f} Tm <{self._hex(text)}> Tj ET")

    def paragraph(self, text: str, size: float = 10.5, center: bool = False) -> None:
        per_line = int((PAGE_W - 2 * MARGIN) // size)
        for start in range(0, max(len(text), 1), per_line):
            chunk = text[start:start + per_line]
            self._need(size * 1.6)
            self.y -= size * 1.6
            x = (PAGE_W - len(chunk) * size) / 2 if center else MARGIN
            self.text(x, self.y, chunk, size)

    def table(self, form: Form, size: float = 8) -> None:
        weights = [1.0] * form.cols
        for c in form.cells:
            if c.colspan == 1:
                weights[c.col] = max(weights[c.col], min(len(c.text), 14) / 4)
        total = sum(weights)
        xs = [MARGIN]
        for w in weights:
            xs.append(xs[-1] + (PAGE_W - 2 * MARGIN) * w / total)

        def lines_of(c: Cell) -> list[str]:
            per = max(1, int((xs[c.col + c.colspan] - xs[c.col] - 4) // size))
            out: list[str] = []
            for part in c.text.split("\n"):
                out += [part[k:k + per] for k in range(0, max(len(part), 1), per)]
            return out

        heights = [size * 1.8] * form.rows
        for c in form.cells:
            if c.rowspan == 1:
                heights[c.row] = max(heights[c.row], len(lines_of(c)) * size * 1.3 + size * 0.8)
        # a cell spanning rows keeps its text on one page: break before it when its text would not fit
        need = list(heights)
        for c in form.cells:
            if c.rowspan > 1:
                text_h = len(lines_of(c)) * size * 1.3 + size * 0.8
                covered = 0.0
                for h in heights[c.row:c.row + c.rowspan]:  # the rows its text runs into
                    covered += h
                    if covered >= text_h:
                        break
                need[c.row] = max(need[c.row], covered)
        row_y: dict[int, float] = {}
        row_page: dict[int, int] = {}
        for r in range(form.rows):
            self._need(need[r])
            row_y[r] = self.y
            row_page[r] = len(self.pages) - 1
            self.y -= heights[r]
        for c in form.cells:
            # a cell spanning rows split by a page break is drawn on each page (its text on the first)
            by_page: dict[int, list[int]] = {}
            for r in range(c.row, c.row + c.rowspan):
                by_page.setdefault(row_page[r], []).append(r)
            x0, x1 = xs[c.col], xs[c.col + c.colspan]
            for page, rows in by_page.items():
                top = row_y[rows[0]]
                bottom = row_y[rows[-1]] - heights[rows[-1]]
                ops = self.pages[page]
                ops.append(f"0.5 w {x0:.1f} {bottom:.1f} {x1 - x0:.1f} {top - bottom:.1f} re S")
                if page != row_page[c.row]:
                    continue
                for j, line in enumerate(lines_of(c)):
                    ops.append(f"BT /F1 {size:g} Tf 1 0 0 1 {x0 + 2:.1f} {top - size * 1.3 * (j + 1):.1f} Tm "
                               f"<{self._hex(line)}> Tj ET")
        self.y -= size

    def save(self, path: Path) -> None:
        cmap = to_unicode_cmap(self.codes)
        objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
        page_ids: list[int] = []
        font_id = 3
        objects += [
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] "
            b"/ToUnicode 5 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
            b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 "
            b"/Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
        ]
        for ops in self.pages:
            stream = "\n".join(ops).encode("ascii")
            objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
            content_id = len(objects)
            objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                           b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (PAGE_W, PAGE_H, content_id, font_id))
            page_ids.append(len(objects))
        objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % p for p in page_ids), len(page_ids))
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for k, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
        path.write_bytes(bytes(out))


def pdf_transfer(s: Spec, path: Path) -> None:
    w = PdfWriter()
    w.paragraph("中央对地方转移支付区域绩效自评表", 15, center=True)
    w.paragraph(f"（{s.year}年度）", 10.5, center=True)
    w.table(transfer_fund_form(s))
    w.paragraph("绩效指标完成情况如下：")
    w.table(transfer_indicator_form(s))
    w.paragraph(f"填报单位：{s.org}")
    w.save(path)


def pdf_report(s: Spec, path: Path) -> None:
    w = PdfWriter()
    w.paragraph(f"{s.org}{s.year}年度", 15, center=True)
    w.paragraph(f"{s.project}绩效自评报告", 15, center=True)
    w.paragraph(f"{s.supervisor}财政局：")
    for head, paras in narrative_sections(s):
        w.paragraph(head)
        for p in paras:
            w.paragraph(p)
    w.table(report_indicator_form(s))
    for head, paras in closing_sections(s):
        w.paragraph(head)
        for p in paras:
            w.paragraph(p)
    w.save(path)


PDF_LAYOUTS = {"pdf-transfer": pdf_transfer, "pdf-report": pdf_report}

_PDF_CSS = """
@page { size: A4; margin: 2cm 1.8cm; @bottom-center { content: "第 " counter(page) " 页"; } }
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt 0; }
p { margin: 4pt 0; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
td, th { border: 0.8pt solid #000; padding: 3pt 4pt; vertical-align: middle; font-weight: normal; }
tr { break-inside: avoid; }
"""


def _html_table(form: Form) -> str:
    rows: dict[int, list[Cell]] = {}
    for c in form.cells:
        rows.setdefault(c.row, []).append(c)
    out = ["<table>"]
    for r in range(form.rows):
        cells = "".join(
            f"<td rowspan='{c.rowspan}' colspan='{c.colspan}'>"
            + "<br>".join(html.escape(x) for x in c.text.split("\n")) + "</td>"
            for c in sorted(rows.get(r, []), key=lambda c: c.col))
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


def pdf_weasyprint(s: Spec, path: Path) -> None:
    import weasyprint

    body = ["<h1>中央对地方转移支付区域绩效自评表</h1>", f"<p style='text-align:center'>（{s.year}年度）</p>",
            _html_table(transfer_fund_form(s)), "<p>绩效指标完成情况如下：</p>",
            _html_table(transfer_indicator_form(s)), f"<p>填报单位：{html.escape(s.org)}</p>"]
    page = f"<html><head><meta charset='utf-8'><style>{_PDF_CSS}</style></head><body>{''.join(body)}</body></html>"
    weasyprint.HTML(string=page).write_pdf(path)


# ----------------------------------------------------------------------------------------- main


def parse_mix(text: str) -> dict[str, float]:
    mix: dict[str, float] = {}
    for part in text.split(","):
        name, _, share = part.partition("=")
        if name not in ("text", "docx", "xlsx", "pdf"):
            raise SystemExit(f"unknown format in --mix: {name}")
        mix[name] = float(share)
    return mix


# Where a planted problem shows: the forms carry no narrative, the reports no fund source rows.
CARRIES_NARRATIVE = {"text-cells-tabbed", "text-rows-tabs", "text-pipes", "text-spaces", "text-cells-plain",
                     "docx-report", "pdf-report"}
CARRIES_SOURCES = {"docx-mof10", "docx-transfer", "pdf-transfer", "pdf-weasyprint-transfer", "text-pipes",
                   "text-rows-tabs", "xlsx-mof10", "xlsx-sichuan"}


def write_one(seed: int, k: int, out: Path, mix: dict[str, float], docx_writer: DocxWriter,
              weasy_left: list[int]) -> dict[str, object]:
    s = make_spec(seed, k)
    rng = random.Random(f"{seed}:{k}:format")
    fmt = rng.choices(list(mix), list(mix.values()))[0]
    stem = f"{k:06d}-{s.org}-{s.project}"
    if fmt == "text":
        layout = rng.choice(list(TEXT_LAYOUTS))
        enc = rng.choice(ENCODINGS) if layout != "text-rows-tabs" else rng.choice(("gb18030", "utf-8"))
        ext = ".md" if layout == "text-pipes" and rng.random() < 0.5 else ".txt"
        path = out / f"{stem}{ext}"
        path.write_bytes(TEXT_LAYOUTS[layout](s, rng).encode(enc))
        layout += f"/{enc}"
    elif fmt == "docx":
        layout = rng.choice(list(DOCX_LAYOUTS))
        path = out / f"{stem}.docx"
        DOCX_LAYOUTS[layout](docx_writer, s, path)
    elif fmt == "xlsx":
        layout = rng.choice(list(XLSX_LAYOUTS))
        path = out / f"{stem}.xlsx"
        XLSX_LAYOUTS[layout](s, path)
    else:
        path = out / f"{stem}.pdf"
        if weasy_left[0] > 0:
            weasy_left[0] -= 1
            layout = "pdf-weasyprint-transfer"
            pdf_weasyprint(s, path)
        else:
            layout = rng.choice(list(PDF_LAYOUTS))
            PDF_LAYOUTS[layout](s, path)
    base = layout.split("/")[0]
    planted = [p for p in s.planted
               if (p not in ("narrative_value", "narrative_all_met") or base in CARRIES_NARRATIVE)
               and (p != "sources_mismatch" or base in CARRIES_SOURCES)]
    return {"file": path.name, "format": fmt, "layout": layout, "indicators": len(s.indicators),
            "planted": planted, "bytes": path.stat().st_size}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("dir", type=Path, help="output directory (created; must be empty or absent)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mix", default="text=50,docx=25,xlsx=15,pdf=10", help="share of each format")
    ap.add_argument("--weasyprint", type=int, default=3, help="how many PDFs to render with WeasyPrint")
    ap.add_argument("--subdirs", type=int, default=100, help="documents per subdirectory (0: all in DIR)")
    args = ap.parse_args(argv)
    out: Path = args.dir
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty")
    out.mkdir(parents=True, exist_ok=True)
    mix = parse_mix(args.mix)
    weasy_left = [args.weasyprint if shutil.which("fc-list") else 0]
    docx_writer = DocxWriter()
    start = time.perf_counter()
    counts: dict[str, int] = {}
    with (out / ".manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for k in range(args.n):
            sub = out / f"{k // args.subdirs:04d}" if args.subdirs else out
            sub.mkdir(exist_ok=True)
            entry = write_one(args.seed, k, sub, mix, docx_writer, weasy_left)
            if args.subdirs:
                entry["file"] = f"{sub.name}/{entry['file']}"
            manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
            counts[str(entry["format"])] = counts.get(str(entry["format"]), 0) + 1
            if (k + 1) % 500 == 0:
                print(f"{k + 1} / {args.n}", file=sys.stderr, flush=True)
    took = time.perf_counter() - start
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {args.n} documents to {out} in {took:.1f} s ({size / 1e6:.1f} MB): "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
