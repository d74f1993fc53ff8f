"""Claims of (in)complete work, stated whole (docs/mutation.md): the kind, the phrase, the clause shown in
the message, the sentence and section, and what an exception names; negation and double-negation windows;
which claim of a sentence is read when it holds several."""

from __future__ import annotations

import pytest

from jixiao.claims import completion_claims
from jixiao.review import load_words
from tests.unit.test_rules_narrative import narrated

WORDS = load_words()
SECTION = "二、绩效情况分析"  # the section narrated() puts the text in

Claim = tuple[str, str, str, tuple[str, ...]]


def claims(text: str) -> list[Claim]:
    """(kind, phrase, clause, excepted) of every claim, checking each carries its sentence and section."""
    out: list[Claim] = []
    for c in completion_claims(narrated(text), WORDS):
        assert c.section == SECTION
        assert c.sentence == text.rstrip("。")
        out.append((c.kind, c.phrase, c.clause, c.excepted))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no problems, and a claim of full completion after it in the same sentence
        ("暂无问题。", [("no_problem", "暂无问题", "暂无问题", ())]),
        # a sentence saying there are no problems is not read for partial phrases; the first one is quoted
        ("本项目未发现问题，进度滞后已整改。", [("no_problem", "未发现问题", "本项目未发现问题", ())]),
        ("暂无问题，其他方面也暂无问题。", [("no_problem", "暂无问题", "暂无问题", ())]),
        ("本项目暂无问题，各项指标均已完成。",
         [("no_problem", "暂无问题", "本项目暂无问题", ()), ("full", "均已完成", "各项指标均已完成", ())]),
        # a share of the goal below 100 %, each one of a sentence
        ("经核查，完成绩效目标的90%，其余顺延。", [("partial", "完成绩效目标的90%", "完成绩效目标的90%", ())]),
        ("完成绩效目标的99.5%，完成绩效目标的80%。",
         [("partial", "完成绩效目标的99.5%", "完成绩效目标的99.5%", ()),
          ("partial", "完成绩效目标的80%", "完成绩效目标的80%", ())]),
        ("完成绩效目标的100%。", []),
        # partial phrases: at the start of a sentence, after a comma, the first of two
        ("未完成年度目标。", [("partial", "未完成", "未完成年度目标", ())]),
        ("经核查，完成率低。", [("partial", "完成率低", "完成率低", ())]),
        ("但完成率低了，其余正常。", [("partial", "完成率低", "但完成率低了", ())]),
        ("一期未完成，二期也未完成。", [("partial", "未完成", "一期未完成", ())]),
        ("未全部完成，原因是资金未到位。", [("partial", "未全部完成", "未全部完成", ())]),
        # title words and causes are not claims; their length does not move the clause of what follows
        ("审计尚未完成，资金未全部支付。", []),
        ("偏离绩效目标的原因：无。", []),
        ("偏离原因：资金到位晚，完成率低。", [("partial", "完成率低", "完成率低", ())]),
        # a negated phrase is skipped and the next phrase of the sentence read
        ("不存在完成率低的情况，但项目滞后。", [("partial", "滞后", "但项目滞后", ())]),
        ("项目执行不偏离预算。", []),
        # a partial and a full claim in one sentence are both read
        ("均已完成验收，但完成率低。",
         [("partial", "完成率低", "但完成率低", ()), ("full", "均已完成", "均已完成验收", ())]),
        # full: at the start, after a comma, the first of two, past one stated as intent
        ("全部完成。", [("full", "全部完成", "全部完成", ())]),
        ("经核查，全部完成。", [("full", "全部完成", "全部完成", ())]),
        ("全部完成一期，全部完成二期。", [("full", "全部完成", "全部完成一期", ())]),
        ("计划全部完成，实际均已完成。", [("full", "均已完成", "实际均已完成", ())]),
        ("计划全部完成。", []),
        ("不能全部完成。", []),
        # exceptions: what they name is not part of the claim of full completion
        ("除森林抚育面积外，其余指标均已完成。", [("full", "均已完成", "其余指标均已完成", ("森林抚育面积",))]),
        ("除了森林抚育面积以外，其余均已完成。", [("full", "均已完成", "其余均已完成", ("森林抚育面积",))]),
    ],
)
def test_completion_claims_stated_whole(text: str, expected: list[Claim]) -> None:
    assert claims(text) == expected


# ---------------------------------------------------------------- double negation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本年度不存在未完成的指标。", [("full", "不存在未完成", "本年度不存在未完成的指标", ())]),
        ("没有未完成的指标。", [("full", "没有未完成", "没有未完成的指标", ())]),  # at the start of the sentence
        ("各项指标无未完成情况，项目已验收。", [("full", "无未完成", "各项指标无未完成情况", ())]),
        ("经核查，无未完成的指标。", [("full", "无未完成", "无未完成的指标", ())]),
        # up to three characters between the negation and the phrase
        ("没有一项未完成。", [("full", "没有未完成", "没有一项未完成", ())]),
        ("不存在哪一项未完成。", [("full", "不存在未完成", "不存在哪一项未完成", ())]),
        # ... also after the longest negation (the window was six characters: 不存在任何 + 一项 fell outside)
        ("本年度不存在任何一项未完成的指标。",
         [("full", "不存在任何未完成", "本年度不存在任何一项未完成的指标", ())]),
        # the clause of the claim is the one holding the negation, not the next one
        ("不存在任何未完成，项目已验收。", [("full", "不存在任何未完成", "不存在任何未完成", ())]),
        # read once: the 均已完成 after it is the same claim
        ("本年度不存在未完成的指标，均已完成。", [("full", "不存在未完成", "本年度不存在未完成的指标", ())]),
        # an exception before it still names what is excepted
        ("除森林抚育面积外，不存在未完成的指标。", [("full", "不存在未完成", "不存在未完成的指标", ("森林抚育面积",))]),
        # stated as intent: not a claim, but a full claim later in the sentence is
        ("力争不存在未完成的指标。", []),
        ("力争不存在未完成的指标，目前已全部完成。", [("full", "全部完成", "目前已全部完成", ())]),
        # a clause break between them: two statements
        ("无，未完成。", [("partial", "未完成", "未完成", ())]),
        # four characters between: too far to be read as one negation
        ("不存在某某某某未完成。", [("partial", "未完成", "不存在某某某某未完成", ())]),
    ],
)
def test_double_negation_is_a_claim_of_full_completion(text: str, expected: list[Claim]) -> None:
    assert claims(text) == expected
