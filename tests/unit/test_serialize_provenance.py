"""Provenance of figures and unplaced values survive the JSON round trip; unsure readings are flagged."""

from decimal import Decimal

from jixiao.model import Budget, Indicator, Provenance, Report, Unplaced
from jixiao.serialize import report_from_dict, report_to_dict


def _report() -> Report:
    ind = Indicator(name="学生受资助人数", operator=">=", target=Decimal(735), target_text="735", actual=Decimal(735),
                    actual_text="735", unit="人次",
                    provenance={"target": Provenance("cell", "第3行"), "actual": Provenance("split", "第3行")})
    budget = Budget(annual=Decimal("194.9"), executed=Decimal("194.9"),
                    provenance={"annual": Provenance("split", "第1行"),
                                "executed": Provenance("prose", "句：支出194.9万元")})
    return Report(indicators=[ind], budget=budget,
                  unplaced=[Unplaced(text="12.5", where="第4行", reason="无法确定所属列")])


def test_provenance_round_trips() -> None:
    back = report_from_dict(report_to_dict(_report()))
    assert back.indicators[0].provenance["actual"] == Provenance("split", "第3行")
    assert back.indicators[0].provenance["target"] == Provenance("cell", "第3行")
    assert back.budget is not None
    assert back.budget.provenance["executed"].how == "prose"
    assert back.unplaced == [Unplaced(text="12.5", where="第4行", reason="无法确定所属列")]


def test_unsure_names_only_split_ocr_realigned_fields() -> None:
    r = _report()
    assert r.indicators[0].unsure() == ["actual"]
    assert r.indicators[0].unsure("target") == []
    assert r.budget is not None
    assert r.budget.unsure() == ["annual"]
    assert Provenance("ocr").unsure and Provenance("realigned").unsure and not Provenance("prose").unsure


def test_json_keys() -> None:
    d = report_to_dict(_report())
    assert d["indicators"][0]["provenance"]["actual"] == {"how": "split", "where": "第3行"}
    assert d["budget"]["provenance"]["annual"] == {"how": "split", "where": "第1行"}
    assert d["unplaced"] == [{"text": "12.5", "where": "第4行", "reason": "无法确定所属列"}]
    # old documents without the new keys still read
    del d["unplaced"], d["indicators"][0]["provenance"], d["budget"]["provenance"]
    back = report_from_dict(d)
    assert back.unplaced == [] and back.indicators[0].provenance == {}
