"""The unit (填报单位) and its supervising department as published documents name them, and never a
label, a date, a number or a sentence as a unit: a wrong addressee on the 复核意见书 is worse than none.

The documents are written here, imitating the traits of published ones: a form's cells run together
on one line with no colons, cells separated by spaces, "填报单位（盖章）：", a closing line (落款) above
the date, a title "X局关于…的绩效自评报告", prose "我校…" under an abbreviated title.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import ReadError
from jixiao.readers import meta
from jixiao.readers.assemble import assemble
from jixiao.readers.blocks import Document, Paragraph


def doc(*lines: str) -> Document:
    return Document(blocks=[Paragraph(x) for x in lines])


def who(*lines: str) -> tuple[str | None, str | None]:
    report = assemble(doc(*lines), "t.txt")
    return report.organization, report.supervising_department


# ------------------------------------------------------------------------------ a unit's name's shape

def test_plausible_unit_keeps_names_and_drops_a_seal_note_and_a_date() -> None:
    assert meta.plausible_unit("青石县教育局") == "青石县教育局"
    assert meta.plausible_unit("中共青石市委办公室") == "中共青石市委办公室"
    assert meta.plausible_unit("青石县 人民医院（盖章）") == "青石县人民医院"
    assert meta.plausible_unit("青石县水利局 2024年3月5日") == "青石县水利局"
    assert meta.plausible_unit("青石市关心下一代工作委员会") == "青石市关心下一代工作委员会"
    assert meta.plausible_unit("上海市青石区卫生健康委员会") == "上海市青石区卫生健康委员会"


def test_plausible_unit_refuses_what_is_not_a_name() -> None:
    for text in ("实施单位", "主管部门", "填报日期", "2024年3月5日", "65.66", "项目资金", "资金使用单位",
                 "按照要求完成", "和财政局", "各实施单位", "感谢财政局的支持。", "县级储备粮负责人", "局",
                 "青石县教育局项目资金", "青石县教育局（", "A县教育局", "绩效自评小组办公室"):
        assert meta.plausible_unit(text) is None, text


def test_labelled_unit_refuses_a_date_a_number_a_label_and_a_sentence() -> None:
    assert meta.labelled_unit("青石县植保植检站") == "青石县植保植检站"
    for text in ("2024年3月", "二〇二四年三月", "100", "填报日期", "项目名称", "按要求完成，及时拨付", "部门"):
        assert meta.labelled_unit(text) is None, text


# ------------------------------------------------------------------------------ as documents carry them

def test_form_cells_run_together_without_colons() -> None:
    line = ("1、2022年度县级专项资金绩效目标自评表专项资金名称县级种子补贴负责人及电话张三、李四县级主管部门"
            "青石县农业农村局实施单位种植业管理股项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)"
            "年度资金总额88.588.5100%")
    assert who("2022年度县级专项资金绩效目标自评表.docx", line) == ("种植业管理股", "青石县农业农村局")


def test_form_cells_separated_by_spaces_with_the_unit_displaced() -> None:
    line = ("青石县项目支出绩效自评表 (2023年度) 项目名称 城乡居民医保县级配套资金 主管部门 青石县医疗保障局 "
            "项目资金 年初预算数 (万元) 年度资金总额 实施单位 全年预算数 全年执行数 分值 执行率 得分 "
            "12.5 12.5 10 100% 10")
    org, sup = who("城乡居民医保县级配套绩效自评表.xlsx", line)
    assert sup == "青石县医疗保障局"
    assert org is None  # the cell after 实施单位 is a heading: nothing rather than a wrong unit


def test_a_displaced_unit_cell_of_the_supervisors_place_is_the_unit() -> None:
    head = ("青石县项目支出绩效自评表 (2023年度) 项目名称 城乡居民医保县级配套资金 主管部门 青石县医疗保障局 "
            "项目资金 年初预算数 (万元) 年度资金总额 实施单位 全年预算数 全年执行数 分值 执行率 得分 "
            "12.5 12.5 10 100% 10 一级 指标 二级指标 三级指标 数量指标 指标1:参保人数 绩 效 指 标 ")
    tail = " 产出 指标 (50分 ) 8755 8676 15 13"
    unit = "青石县医疗保险服务中心"
    assert who("配套绩效自评表.xlsx", head + unit + tail) == (unit, "青石县医疗保障局")
    # another place's unit, or two candidates: nothing rather than a guess
    assert who("配套绩效自评表.xlsx", head + "白河县医疗保险服务中心" + tail)[0] is None
    assert who("配套绩效自评表.xlsx", head + "青石县医疗保险服务中心 青石县人民医院" + tail)[0] is None


def test_a_garbled_label_reads_the_supervisor_up_to_the_last_unit_ending() -> None:
    line = "项目名称初中公用经费主管部门青石市教育局实施第位自评得分98项目资金(万元)年度资金总额64.8"
    d = doc("青石市本级部门项目支出绩效自评表", line)
    assert (meta.organization_unlabelled(d), meta.supervisor_unlabelled(d)) == (None, "青石市教育局")


def test_a_seal_note_between_the_label_and_its_colon() -> None:
    org, _ = who("青石县2023年度项目支出绩效自评表", "填报单位（盖章）：青石县水利局", "填报日期：2024年3月5日",
                 "一、项目基本情况", "项目资金已按时拨付到位。")
    assert org == "青石县水利局"
    assert meta.is_label_line("单位名称(公章):青石县水利局")


def test_project_unit_label() -> None:
    assert meta.organization_line("项目单位：青石县人民医院") == "青石县人民医院"


def test_closing_line_above_the_date() -> None:
    body = ["关于城乡环境整治专项资金的绩效自评报告", "一、项目概况", "本项目年初预算30万元，全年执行30万元。",
            "二、其他需说明的问题", "无"]
    assert who(*body, "青石县住房和城乡建设局", "2024年3月5日")[0] == "青石县住房和城乡建设局"
    assert who(*body, "青石县住房和城乡建设局（盖章）", "2024年3月5日")[0] == "青石县住房和城乡建设局"
    assert who(*body, "青石县住房和城乡建设局 2024年3月5日")[0] == "青石县住房和城乡建设局"
    assert who(*body, "感谢上级部门的大力支持", "2024年3月5日")[0] is None
    assert who(*body, "按时完成", "2024年3月5日")[0] is None
    assert who(*body, "感谢青石县财政局", "2024年3月5日")[0] is None


def test_title_naming_its_unit_before_about() -> None:
    assert who("青石县人民医院关于2023年度设备购置项目的绩效自评报告", "一、项目概况")[0] == "青石县人民医院"
    assert meta.organization_from_title("青石县教育体育局2023年度项目支出绩效自评报告") == "青石县教育体育局"


def test_we_prose_after_the_full_name_once() -> None:
    def named(line: str) -> str | None:
        return meta.organization_self_named(doc("关于项目支出的绩效自评报告", line))

    assert who("关于2023年度家庭经济困难学生生活补助资金的绩效自评报告",
               "根据要求，青石县珠街乡中心学校（以下简称“我校”）对该项目开展了自评。",
               "2023年，我校收到上级下拨资金合计49.6万元，实际发放47.8万元，实际执行率为96.37%。")[0] \
        == "青石县珠街乡中心学校"
    assert named("现将芜湖市青石区残疾人联合会（以下简称“本单位”）自评情况报告如下") == "芜湖市青石区残疾人联合会"
    assert named("中共青石市委办公室(以下简称:我办)") == "中共青石市委办公室"
    assert named("青石县财政局要求青石县人民医院（以下简称“我院”）开展自评") == "青石县人民医院"
    assert named("我们对县教育局（以下简称我局）的项目进行评价") is None  # no place's name: not the full name
    assert named("按照规定（以下简称我局）") is None


def test_an_abbreviated_title_with_we_prose_reads_no_unit() -> None:
    org, _ = who("青石区残联中央转移支付2023年度绩效自评报告(残疾人事业发展补助资金)",
                 "一、绩效目标分解下达情况", "2023年下达我单位中央转移支付资金29.6万元，执行数29.6万，执行率100%。",
                 "我校按要求发放。")
    assert org is None  # "青石区残联中央转移支付" is no unit's name; the full name is not stated


def test_prose_about_units_is_not_a_unit() -> None:
    org, sup = who("青石县2023年度项目支出绩效自评报告",
                   "项目名称和主管部门按照要求填写，实施单位要加强资金管理，主管部门和实施单位共同负责。")
    assert (org, sup) == (None, None)


# ------------------------------------------------------------------------------ never a non-name

_FRAGMENTS = ["实施单位", "主管部门", "填报单位", "单位名称", "项目单位", "部门", "项目名称", "填报日期", "（盖章）",
              "：", ":", " ", "，", "。", "2024年3月5日", "二〇二四年三月", "65.66", "100%", "青石县",
              "教育局", "人民医院", "按照要求", "资金", "和", "中心", "股", "项目资金", "年度", "我校", "关于",
              "绩效自评报告", "|"]
_WHO = meta.words()["who"]
_LABELS = {x.rstrip("：:") for x in (*_WHO["organization_labels"], *_WHO["supervisor_labels"], *_WHO["next_labels"],
                                    *meta.words()["title"]["field_labels"])}
_lines = st.lists(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=12).map("".join), min_size=1, max_size=8)


def _not_a_name(value: str) -> bool:
    t = "".join(value.split())
    return (t in _LABELS or any(c.isdigit() for c in t) or "。" in t or "，" in t
            or meta._DATE_ANY.search(t) is not None)


@settings(max_examples=150, deadline=None)
@given(_lines)
def test_the_reader_never_returns_a_label_a_date_a_number_or_a_sentence_as_the_unit(lines: list[str]) -> None:
    try:
        report = assemble(doc(*lines), "t.txt")
    except ReadError:  # nothing of a report found is allowed; any other error is not
        return
    for value in (report.organization, report.supervising_department):
        if value is not None:
            assert not _not_a_name(value), (value, lines)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=10).map("".join))
def test_a_name_read_without_a_label_has_a_units_shape(text: str) -> None:
    named = meta.organization_self_named(doc(text + "（以下简称“我局”）"))
    for value in (meta.plausible_unit(text), meta.closing_unit(text), meta.organization_from_title(text), named):
        if value is not None:
            assert not _not_a_name(value)
            assert value.endswith(tuple(meta.words()["who"]["org_suffixes"]))
            assert 4 <= len(value) <= 30
