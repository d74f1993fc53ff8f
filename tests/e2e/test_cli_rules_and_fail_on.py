"""`jixiao rules` lists the catalogue in Chinese; `--fail-on` sets the exit status for scripts."""

from __future__ import annotations

from tests.conftest import SAMPLE
from tests.e2e.test_cli_check_sample import run


def test_rules_lists_every_code_with_severity_and_description():
    p = run("rules")
    assert p.returncode == 0, p.stderr
    for code in ("B01", "B08", "I01", "I11", "T01", "T04", "N01", "N03", "S01", "S03", "D01", "D03"):
        assert code in p.stdout, code
    assert "错误" in p.stdout and "警告" in p.stdout and "提示" in p.stdout
    assert "预算执行率" in p.stdout


def test_findings_shown_grouped_by_severity_under_the_scorecard():
    out = run("check", str(SAMPLE)).stdout
    assert out.index("评价等级") < out.index("复核发现")
    assert out.index("警告") < out.index("提示")
    for code in ("[B03]", "[B04]", "[B05]", "[I01]", "[I03]", "[N01]", "[N02]", "[T01]", "[D02]"):
        assert code in out, code
    assert "错误（" not in out  # the sample's arithmetic is right: no error-level finding


def test_fail_on_warning_exits_1_fail_on_error_exits_0_for_the_sample():
    assert run("check", str(SAMPLE), "--fail-on", "warning", "--json").returncode == 1
    assert run("check", str(SAMPLE), "--fail-on", "error", "--json").returncode == 0
    assert run("check", str(SAMPLE), "--json").returncode == 0


def test_fail_on_error_exits_1_when_an_error_finding_exists(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace("全年执行数838.41万元", "全年执行数1100.00万元")
    bad = tmp_path / "overspent.txt"
    bad.write_text(text, encoding="utf-8")
    p = run("check", str(bad), "--fail-on", "error")
    assert p.returncode == 1
    assert "[B02]" in p.stdout
