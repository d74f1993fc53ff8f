"""Small self-evaluation forms written for the tests, each imitating one way published documents lose
their table structure (merged cells exported, web pages, document viewers, OCR). Invented units and
figures; no real document's text."""

from __future__ import annotations

# Pipe rows from a web page: the fund header has three amount headings but the total row only two
# amounts (the blank 年初预算数 cell was dropped), amounts in 元 stated once in the heading, and the
# indicator header buried in a long row that also holds the goal texts and the first data row.
SHIFTED_FUND_BURIED_HEADER = """2024年度项目支出绩效自评表 | 单位:某县第二小学 |
| 项目名称 | 校舍维修专项 | 主管部门 | 某县教育局 | 实施单位 | 某县第二小学 | 项目资金(元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
| 250000 | 240000 | 10 | 96% | 9 | 其中:当年财政拨款 |
| 250000 | 240000 | — |
""" + (
    "| 年度总体目标 | 预期目标 | 实际完成情况 | 完成两栋校舍维修 | 完成两栋校舍维修 | 绩效指标 "
    "| 年度指标值 | 实际完成值 "
    "| 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 "
    "| 数量指标 | 维修校舍栋数 | ≧ | 2 | 栋 | 2 | 20 | 20 |\n"
) + """| 质量指标 | 维修工程验收合格率 | ═ | 100 | % | 100% | 20 | 20 |
| 效益指标 | 社会效益 指标 | 改善学生学习环境 |
| 明显改善 |
| 明显改善 | 20 | 18 |
| 生态效益 指标 |
|
|
| 满意度指标 | 服务对象满意度指标等 | 师生满意度 | ≧ | 90 | % | 88% | 20 | 17 |
| 其他需要说明事项 | 无 | 总分 | 100 | 84 | 良 |
"""

# One cell per line with a blank line after every cell (a web page's table), blank cells as two
# blank lines.
_CELLS = [
    "项目支出绩效自评表", "（2023年度）", "项目名称", "社区文化活动经费", "主管部门", "某市文化局",
    "项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "（万元）",
    "年度资金总额", "80", "80", "72.5", "10", "90.6%", "9", "",
    "其中:当年财政拨款", "80", "80", "72.5", "10", "90.6%", "9",
    "上年结转资金", "", "", "",
    "年度总体目标", "预期目标", "实际完成情况", "开展社区文化活动", "开展社区文化活动",
    "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
    "偏差原因分析及改进措施",
    "产出指标", "数量指标", "举办活动场次", "≥40场", "42场", "20", "20", "",
    "", "时效指标", "活动完成时间", "2023年12月底前", "2023年12月", "20", "20", "",
    "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "20", "20", "",
    "总分", "100", "89",
]
ONE_CELL_PER_LINE = "".join(f"{c}\n\n" if c else "\n" for c in _CELLS)

# The Sichuan 510000_0013zp form exported with merged cells lost: the indicator header row carries
# an extra leading cell "绩效指标(90分)" that the data rows do not have; the fund block heads its
# columns with a group cell "年度预算数(万元)".
SICHUAN_LEADING_CELL = """部门预算项目支出绩效自评表(2023年度) | | | | |
项目名称 | 2023年乡镇垃圾转运补助项目 | | | |
主管部门 | 某县住建局 | 实施单位 | 某县环卫所 | |
预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |
总额 | 12.00 | 12.00 | 11.40 | 95.00% | 10 | 9.5 | 部分车辆年底交付 |
其中:财政资金 | 12.00 | 12.00 | 11.40 | 95.00% | / | / | |
绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
产出指标 | 数量指标 | 垃圾转运车辆购置数 | ≥ | 3 | 辆 | 3 | 30 | 30 | |
产出指标 | 时效指标 | 车辆交付时间 | ≤ | 12 | 月 | 12 | 30 | 30 | |
满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥ | 90 | % | 95 | 30 | 30 | |
合计 | 100 | 99.5 | | | | | | | |
"""

# A whole sheet flattened onto one line by a document viewer: no separators, labels and values
# interleaved, numbers run together (全年预算数 | 全年执行数 | 执行率 written as one run of digits),
# words broken by spaces, pages numbered "2、".
FLATTENED = (
    "1、2022年度县级专项资金绩效目标自评表专项资金名称农村道路养护县级主管部门某县交通运输局实施单位"
    "某县公路站项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额86.482.395%"
    "年度 总体 目标年初设定目标全年实际完成情况完成道路养护完成道路养护绩 效 指 标一级 指标二级 指标"
    "三级指标年度指标 值全年 完成值未完成原因和 改进措施产 出 指 标数量 指标养护农村公路120公里120公里"
    "路面完好率95%96%\n2、质量 指标养护工程合格率100%100%时效 指标养护任务完成及时率100%90%雨季影响部分路段"
    "延期效益 指标社会 效益 指标群众出行条件改善明显明显满意 度指 标服务 对象 满意 度指 标沿线群众满意度90%92%"
    "说明无\n"
)

# Hubei's form: the budget block is worth 20 points ("得分(20分*执行率)"), the indicators 80; text
# flattened with checkbox glyphs; names that restate their target.
HUBEI_20_80 = (
    "2023年度财政项目绩效自评表单位名称:某市妇幼保健院填报日期:2024年3月2日项目名称设备购置补助"
    "主管部门某市卫生健康委项目类别1、部门预算项目口 2、财政专项口项目属性1、持续性项目口"
    "预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政 资金总额"
    "50045090%18一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出 指标数量指标"
    "购置彩超设备2台2台2台20质量指标设备验收合格合格合格20时效1年1年1年20"
)

# OCR text of a scanned form: 万兀 for 万元, a misread column name (预匏数), IO for 10, a dash read
# as 一, an old four-part form whose 参考分值 column comes before 指标值.
OCR_FOUR_PART = (
    "1、某市本级部门项目支出绩效自评表(2022年)项目名称小学公用经费主管部门某市教育局项目资金(万兀)"
    "年度资金总额年初预匏数调整预算数全年执行数(B)执行率(B/A)40.540.540.5100%一级指标二级指标三级指标"
    "参考分值指标值(A)全年实际值(B)得分未完成原因分析及改进措施项目产出(30分)数量指标(10分)"
    "保障学生人数101200人1200人IO质量指标(10分)经费使用合规性10合规合规10成本指标(10分)"
    "办公所需成本1020万元20万元10\n"
)

# A flattened sheet that numbers its indicators (指标1：…) with the basic-information cells and the
# level names interleaved, and the values of the last rows given before their names.
NUMBERED_INTERLEAVED = (
    "某县项目支出绩效自评表 (2021年度) 项目名称 残疾人康复补助 主管部门 某县残联 项目资金 年初预算数 (万元) "
    "年度资金总额 其中:当年财政拨款 实施单位 全年预算数 全年执行数 分值 执行率 得分 30 28.5 10 95% 9 30 28.5 — 95% — "
    "上年结转资金 — — 一级 指标 二级指标 三级指标 数量指标 指标1:康复训练人数 绩 效 指 标 某县康复中心 "
    "产出 指标 (50分 ) "
    "实际 指标值 完成值 300 分值 得分 偏差原因分析及改进措 施 280 25 22 部分对象 外出务工 质量指标 "
    "指标1:康复服务达标 率 98% 98% 25 25 1000元 1000元 30 30 95% 96% 10 10 成本指标 指标1:人均康复补助 "
    "满意度 指标 指标1:服务对象满意度 总分"
)

# A transfer-payment regional form (中央对地方转移支付区域绩效自评表) flattened by a viewer: operators
# inside the value cells, a 预算执行率 row inside the indicator table, no weights.
TRANSFER_FLATTENED = (
    "中央对地方转移支付区域绩效自评表(2023年度)转移支付名称农村危房改造补助资金中央主管部门住房和城乡建设部"
    "地方主管部门某省住建厅资金情况(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额1200114095%"
    "其中:中央补助90086095.56%地方资金300280其他资金00年度总体目标预期目标实际完成情况完成危房改造"
    "完成危房改造一级指标二级指标三级指标指标值全年实际完成值未完成原因分析产出指标数量指标"
    "危房改造户数≥600户580户部分农户自行放弃改造质量指标竣工验收合格率≥95%98%效益指标社会效益指标"
    "困难群众住房安全保障率100%100%满意度指标服务对象满意度指标改造户满意度≥90%94%"
)

# A department-overall form (部门整体支出绩效自评表) as pipe rows from a web page: the fund block
# heads 年度预算申请 over its amount columns, and the rows name the budget by income and spending.
DEPARTMENT_OVERALL = """部门整体支出绩效自评表 | (2023年度) |
| 部门(单位)名称 | 某区司法局 |
| 年度预算申请(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 520.6 | 548.2 | 541.3 | 10 | 98.74% | 9.87 |
| 其中:基本支出 | 410.0 | 415.2 | 415.2 | | | |
| 项目支出 | 110.6 | 133.0 | 126.1 | | | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标 | 数量指标 | 人民调解案件数 | ≥800件 | 846件 | 20 | 20 | |
| | 时效指标 | 法律援助案件受理及时率 | 100% | 100% | 20 | 20 | |
| 效益指标 | 社会效益指标 | 调解成功率 | ≥95% | 96.2% | 30 | 30 | |
| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 92% | 20 | 20 | |
| 总分 | | | | | 100 | 99.87 | |
"""

# A form's indicator header over two rows (the upper one's merged cells exported as blanks), rows
# separated by tabs as a spreadsheet copies them.
HEADER_TWO_ROWS = (
    "2024年度项目支出绩效自评表\n项目名称\t村级公路养护\n"
    "\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t50\t50\t48\t10\t96%\t9.6\n"
    "绩效指标\t\t\t年度指标值\t\t\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
    "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n"
    "产出指标\t数量指标\t养护公路里程\t≥\t30\t公里\t32\t30\t30\t\n"
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥\t90\t%\t88\t30\t28\t调查样本偏少\n"
    "总分\t\t\t\t\t\t\t100\t97.6\n"
)
