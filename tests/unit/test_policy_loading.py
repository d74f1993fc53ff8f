"""load_policy (policy.py): shipped names, paths, extends/merge, and PolicyError for everything malformed."""

from __future__ import annotations

from decimal import Decimal as D
from importlib import resources
from pathlib import Path

import pytest

from jixiao.policy import DEFAULT_POLICY, Policy, PolicyError, load_policy, shipped_policies


def write(tmp_path: Path, name: str, text: str) -> str:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return str(f)


def has_chinese(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


# --- shipped policies ------------------------------------------------------------------------------------------------

def test_shipped_names() -> None:
    assert shipped_policies() == ["mof-2020", "mof-2020-deviation", "mof-2021-cost"]
    assert DEFAULT_POLICY == "mof-2020"


def test_default_policy_values_are_exact_decimals() -> None:
    p = load_policy()
    assert p == load_policy("mof-2020")
    assert isinstance(p, Policy)
    assert p.name == "mof-2020"
    assert p.budget_weight == D(10)
    assert p.pool_weights == {"output": D(50), "benefit": D(30), "satisfaction": D(10), "cost": D(0)}
    assert p.cost_pool == "output"
    assert p.redistribute == "proportional"
    assert p.use_stated_weights is True
    assert p.reverse == "ratio"
    assert p.negative_actual_as_zero is True
    assert p.qualitative_fractions == {"achieved": D("1.00"), "partial": D("0.70"), "not_achieved": D("0.30"),
                                       "unclear": D("0.80")}
    assert p.qualitative_bands == {"achieved": (D("0.80"), D("1.00")), "partial": (D("0.60"), D("0.80")),
                                   "not_achieved": (D("0.00"), D("0.60"))}
    assert p.accept_stated_in_band is True
    assert p.grades == (("优", D(90)), ("良", D(80)), ("中", D(60)), ("差", D(0)))
    assert p.review_decimal("low_execution") == D(90)
    for v in (p.budget_weight, *p.pool_weights.values(), *p.qualitative_fractions.values()):
        assert isinstance(v, D)


def test_deviation_policy_inherits_all_but_reverse() -> None:
    base, dev = load_policy("mof-2020"), load_policy("mof-2020-deviation")
    assert dev.name == "mof-2020-deviation"
    assert dev.reverse == "deviation"
    assert dev.pool_weights == base.pool_weights
    assert dev.qualitative_fractions == base.qualitative_fractions
    assert dev.grades == base.grades
    assert dev.raw["qualitative"]["words"] == base.raw["qualitative"]["words"]
    assert dev.review == base.review


def test_2021_cost_policy() -> None:
    p = load_policy("mof-2021-cost")
    assert p.name == "mof-2021-cost"
    assert p.cost_pool == "cost"
    assert p.pool_weights == {"output": D(40), "benefit": D(30), "satisfaction": D(10), "cost": D(10)}
    assert p.budget_weight == D(10)
    assert p.redistribute == "proportional"  # merged from the parent's [pools]
    assert p.reverse == "ratio"


@pytest.mark.parametrize("name", ["mof-2020", "mof-2020-deviation", "mof-2021-cost"])
def test_shipped_weights_add_up_to_100(name: str) -> None:
    p = load_policy(name)
    assert p.budget_weight + sum(p.pool_weights.values()) == D(100)


@pytest.mark.parametrize(("total", "grade"), [(D(100), "优"), (D(90), "优"), (D("89.99"), "良"), (D(80), "良"),
                                              (D("79.999"), "中"), (D(60), "中"), (D("59.99"), "差"), (D(0), "差"),
                                              (D(-1), "差")])
def test_grade_for(total: D, grade: str) -> None:
    assert load_policy().grade_for(total) == grade


# --- by path -------------------------------------------------------------------------------------------------------

def test_by_path_extends_a_shipped_policy(tmp_path: Path) -> None:
    path = write(tmp_path, "province.toml", """
name = "某省"
description = "产出60、效益20"
extends = "mof-2020"

[pools]
output = "60"
benefit = "20"

[qualitative]
partial = 0.65
""")
    p = load_policy(path)
    assert p.name == "某省"
    assert p.description == "产出60、效益20"
    assert p.pool_weights == {"output": D(60), "benefit": D(20), "satisfaction": D(10), "cost": D(0)}
    assert p.qualitative_fractions["partial"] == D("0.65")  # a TOML float reaches the code as its decimal text
    assert p.qualitative_fractions["achieved"] == D("1.00")  # merged, not replaced
    assert p.qualitative_bands["partial"] == (D("0.60"), D("0.80"))
    assert p.reverse == "ratio"


def test_by_path_extends_a_path(tmp_path: Path) -> None:
    parent = write(tmp_path, "parent.toml", 'extends = "mof-2020-deviation"\n[pools]\nbudget = "20"\n')
    child = write(tmp_path, "child.toml", f'extends = "{parent}"\n[pools]\noutput = "40"\n')
    p = load_policy(child)
    assert p.budget_weight == D(20)
    assert p.pool_weights["output"] == D(40)
    assert p.reverse == "deviation"
    assert p.name == "mof-2020-deviation"  # the name is inherited when the file gives none


def test_path_without_name_is_named_by_its_path(tmp_path: Path) -> None:
    shipped = resources.files("jixiao.policies").joinpath("mof-2020.toml").read_text(encoding="utf-8")
    top = write(tmp_path, "standalone.toml", shipped.replace('name = "mof-2020"\n', ""))
    p = load_policy(top)
    assert p.name == top
    assert p.pool_weights == load_policy("mof-2020").pool_weights


# --- errors --------------------------------------------------------------------------------------------------------

def test_unknown_name() -> None:
    with pytest.raises(PolicyError) as exc:
        load_policy("mof-1999")
    msg = str(exc.value)
    assert "找不到评分规则" in msg
    assert "mof-1999" in msg
    assert "mof-2020" in msg  # the known ones are listed
    assert has_chinese(msg)
    assert "\n" not in msg
    assert isinstance(exc.value, ValueError)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="找不到评分规则"):
        load_policy(str(tmp_path / "nope.toml"))


def test_directory_is_not_a_policy(tmp_path: Path) -> None:
    with pytest.raises(PolicyError):
        load_policy(str(tmp_path))


def test_unknown_extends(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.toml", 'extends = "no-such-policy"\n')
    with pytest.raises(PolicyError, match="no-such-policy"):
        load_policy(path)


@pytest.mark.parametrize("text", [
    'extends = "mof-2020"\n[pools\noutput = "60"\n',
    'extends = "mof-2020"\noutput = \n',
    'name = "x"\nname = "y"\n',
    "[qualitative]\nachieved = 1.0.0\n",
])
def test_malformed_toml(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "bad.toml", text)
    with pytest.raises(PolicyError) as exc:
        load_policy(path)
    assert "格式错误" in str(exc.value)
    assert has_chinese(str(exc.value))


def test_not_utf8(tmp_path: Path) -> None:
    f = tmp_path / "gbk.toml"
    f.write_bytes('name = "某省规则"\nextends = "mof-2020"\n'.encode("gbk"))
    with pytest.raises(PolicyError, match="无法读取"):
        load_policy(str(f))


def test_extends_cycle_between_two_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.write_text(f'extends = "{b}"\n', encoding="utf-8")
    b.write_text(f'extends = "{a}"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="循环"):
        load_policy(str(a))


def test_extends_itself(tmp_path: Path) -> None:
    a = tmp_path / "self.toml"
    a.write_text(f'extends = "{a}"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="循环"):
        load_policy(str(a))


def test_extends_cycle_of_three(tmp_path: Path) -> None:
    a, b, c = (tmp_path / f"{n}.toml" for n in "abc")
    a.write_text(f'extends = "{b}"\n', encoding="utf-8")
    b.write_text(f'extends = "{c}"\n', encoding="utf-8")
    c.write_text(f'extends = "{a}"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="循环"):
        load_policy(str(b))


@pytest.mark.parametrize(("text", "words"), [
    ('name = "x"\n', "缺少必要的设置"),                                               # nothing to extend
    ('extends = "mof-2020"\n[pools]\noutput = "五十"\n', "不是数字"),
    ('extends = "mof-2020"\n[qualitative]\npartial = "abc"\n', "不是数字"),
    ('extends = "mof-2020"\n[grades]\n"优" = "ninety"\n', "不是数字"),
    ('extends = "mof-2020"\n[operators]\nreverse = "inverse"\n', "reverse"),
    ('extends = "mof-2020"\n[pools]\ncost_pool = "benefit"\n', "cost_pool"),
    ('extends = "mof-2020"\n[qualitative]\nachieved_band = ["0.8"]\n', "缺少必要的设置"),
    ('extends = "mof-2020"\npools = "50/30/10"\n', ""),                              # a table replaced by a string
    ('extends = "mof-2020"\nqualitative = 1\n', ""),
    ('extends = "mof-2020"\ngrades = ["优", "良"]\n', ""),
])
def test_malformed_policy_settings(tmp_path: Path, text: str, words: str) -> None:
    path = write(tmp_path, "bad.toml", text)
    with pytest.raises(PolicyError) as exc:
        load_policy(path)
    assert words in str(exc.value)
    assert has_chinese(str(exc.value))
