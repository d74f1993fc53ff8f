"""Property tests of the prose readers: they never raise, and every target, actual and amount they read
is a piece of the sentence it was read from."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.readers.narrative import read_prose_budget, read_prose_indicators, words

PIECES = ["年初指标值为", "指标值", "，", "全年实际完成值", "实际", "不低于", "不超过", "≥", "人", "人次", "%", "元/辆",
          "万元", "万", "元", "下达资金", "执行数", "支出", "结余", "执行率", "。", "；", "产出数量指标：",
          "社会效益指标：",
          "有所提高", "按该标准发放", "2023年12月底", "在规定时间内完成", "资助人数", "满意度", "其中", "合计", "\n"]
NUMBER = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False).map(str)
TOKENS = st.one_of(st.sampled_from(PIECES), NUMBER, st.text(max_size=4))
PARAGRAPH = st.lists(TOKENS, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(PARAGRAPH, max_size=6))
def test_indicators_never_raise_and_come_from_their_sentence(paragraphs: list[str]) -> None:
    for ind in read_prose_indicators(paragraphs):
        sentence = ind.provenance["name"].where
        assert ind.provenance["name"].how == "prose" and sentence.startswith("句：")
        text = "".join(paragraphs)
        for value_text in (ind.target_text, ind.actual_text):
            assert value_text in text
        if ind.target is not None:
            assert str(ind.target) in ind.target_text or f"{ind.target:f}" in ind.target_text
        if ind.actual is not None:
            assert str(ind.actual) in ind.actual_text or f"{ind.actual:f}" in ind.actual_text
        # a count of a list (共计救助小学生140人；初中生96人) is named by the list's verb and the item's words, a
        # timeliness clause (收到资金…，秋季学期未及时发放) by the money named before it and its words
        w = words()["indicators"]
        assert ind.name and (ind.name in text or any(
            ind.name.startswith(v) and ind.name[len(v):] in text and v in text
            for v in (*w["count_verbs"], *w["timely_objects"])))


@settings(max_examples=300, deadline=None)
@given(st.lists(PARAGRAPH, max_size=6))
def test_budget_never_raises_and_amounts_come_from_the_text(paragraphs: list[str]) -> None:
    b = read_prose_budget(paragraphs)
    if b is None:
        return
    assert b.origin == "prose"
    for field in ("initial", "annual", "executed", "stated_execution_rate"):
        value = getattr(b, field)
        if value is not None and field != "executed":
            assert field in b.provenance and b.provenance[field].how == "prose"


@given(st.text(max_size=200))
def test_any_text_never_raises(text: str) -> None:
    read_prose_indicators(text.splitlines())
    read_prose_budget(text.splitlines())
