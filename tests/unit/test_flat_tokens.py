"""Flattened table text is cut into labels, values, runs of digits and names."""

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.readers.flat import cell_token, glued_tokens, ocr_fix


def _kinds(text):
    return [(t.kind, t.text) for t in glued_tokens(text)]


def test_labels_and_runs_without_separators():
    toks = _kinds("项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额86.482.395%")
    assert ("run", "86.482.395%") in toks
    labels = [t for t in glued_tokens("全年预算数(A)全年执行数(B)年度资金总额") if t.kind == "label"]
    assert [t.fund for t in labels] == ["annual", "executed", "total"]


def test_words_broken_by_spaces_are_joined_but_numbers_stay_apart():
    toks = glued_tokens("绩 效 指 标 8676 15 13")
    assert [t.text for t in toks if t.kind == "val"] == ["8676", "15", "13"]
    assert any(t.kind == "label" and t.text == "绩效指标" for t in toks)


def test_column_name_inside_an_indicator_name_is_part_of_the_name():
    toks = glued_tokens("收购价格执行率100%100%")
    assert toks[0].kind == "text" and toks[0].text == "收购价格执行率"


def test_bare_level_word_after_a_value():
    toks = glued_tokens("1000万元10时效1年1年")
    assert any(t.kind == "label" and t.role == "level2" and t.text == "时效" for t in toks)


def test_ocr_confusions():
    assert ocr_fix("项目资金(万兀)")[0] == "项目资金(万元)"
    assert ocr_fix("得分IO")[0] == "得分10"
    toks = glued_tokens("年度资金总额年初预匏数调整预算数全年执行数")
    assert [t.fund for t in toks if t.kind == "label"][1:] == ["initial", "annual", "executed"]


def test_cells():
    assert cell_token("≧").ind == ">="
    assert cell_token("═").ind == "="
    assert cell_token("〓").ind == "="
    assert cell_token("%").kind == "unit"
    assert cell_token("服务对象满意度指标等").role == "level2"
    assert cell_token("经济效益 指标").role == "level2"
    assert cell_token("产出指标").role == "level1"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789.%年月元万人指标值执行率预算数得分分值（）() 、—一|IOl", max_size=80))
def test_never_raises(text):
    for t in glued_tokens(text):
        assert t.kind in ("label", "val", "run", "op", "unit", "empty", "text", "note")
    cell_token(text)
