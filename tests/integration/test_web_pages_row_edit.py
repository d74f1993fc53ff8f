"""Editing one indicator row with htmx: the answer is the row fragment with its new score, plus the
summary and the findings swapped out of band; the save is a new version made by the service."""

from __future__ import annotations

import re
from typing import Any

import pytest

from jixiao.web.models import Evaluation, EvaluationVersion, Event, User
from tests.web_factory import make_evaluation, people  # noqa: F401

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}
ROW0 = {"name": "监控网络链路", "operator": ">=", "target": "23", "unit": "条", "actual": "20",
        "reason": "", "level1": "", "level2": "", "weight": "", "stated_score": ""}


@pytest.fixture
def unit_client(client: Any, people: dict) -> Any:  # noqa: F811
    client.force_login(User.objects.get(username="unit"))
    return client


def _text(html: str, element_id: str) -> str:
    m = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', html)
    assert m, element_id
    return m.group(1).strip()


def test_the_edit_form_of_a_row_keeps_what_the_document_said(unit_client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    r = unit_client.get(f"/evaluations/{ev.pk}/indicators/0/?edit=1", headers=HX)
    assert r.status_code == 200
    html = r.content.decode()
    assert html.lstrip().startswith('<tr id="ind-0"')
    assert 'name="actual" value="23"' in html and 'name="target" value="23"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    level1 = html[html.index('name="level1"'):]
    level1 = level1[: level1.index("</select>")]
    assert "selected" not in level1  # inferred levels stay "自动推断" unless the person picks one


def test_saving_a_row_answers_the_row_with_its_new_score(unit_client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    r = unit_client.post(f"/evaluations/{ev.pk}/indicators/0/", {**ROW0, "version": "1"}, headers=HX)
    assert r.status_code == 200
    html = r.content.decode()
    row = html[: html.index("</tr>")]
    assert row.lstrip().startswith('<tr id="ind-0"')
    assert re.search(r'class="num score">1\.89<', row)  # 20 of ≥23 under mof-2020: 2.17 × 20/23
    assert "I02" in row  # unmet without a reason: the finding sits on the row
    # out of band: the new total and version, and the findings beside the table
    assert 'id="summary" class="cards" hx-swap-oob="true"' in html
    assert _text(html, "total") == "97.55"
    assert _text(html, "version-no") == "第2版"
    assert '<aside id="findings" hx-swap-oob="true">' in html
    ev = Evaluation.objects.get(pk=ev.pk)
    assert (ev.version, str(ev.total), ev.n_error) == (2, "97.55", 1)
    v2 = EvaluationVersion.objects.get(evaluation=ev, number=2)
    ind = v2.result["report"]["indicators"][0]
    assert (ind["actual"], ind["actual_text"], ind["score"], ind["met"]) == (20, "20", 1.89, False)
    assert Event.objects.filter(evaluation=ev, action="edit", version=2, actor__username="unit").exists()


def test_the_same_edit_scores_as_the_command_line_would(unit_client: Any, people: dict) -> None:  # noqa: F811
    from jixiao.app import evaluate
    from jixiao.policy import load_policy
    from jixiao.serialize import report_from_dict
    from tests.web_factory import sample_report

    ev = make_evaluation(people)
    unit_client.post(f"/evaluations/{ev.pk}/indicators/0/", {**ROW0, "reason": "设备到货延迟"}, headers=HX)
    report = sample_report()
    report["indicators"][0].update(actual=20, actual_text="20", deviation_reason="设备到货延迟")
    card = evaluate(report_from_dict(report), load_policy()).score
    assert Evaluation.objects.get(pk=ev.pk).total == card.total.quantize(card.total.__class__("0.01"))


def test_a_bad_value_answers_the_form_again_with_the_reason(unit_client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    r = unit_client.post(f"/evaluations/{ev.pk}/indicators/0/", {**ROW0, "target": "很多", "operator": ">="},
                         headers=HX)
    assert r.status_code == 400
    html = r.content.decode()
    assert "不是数值" in html and 'name="target" value="很多"' in html
    assert Evaluation.objects.get(pk=ev.pk).version == 1


def test_a_row_opened_before_another_row_was_saved_still_saves(unit_client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    r = unit_client.post(f"/evaluations/{ev.pk}/indicators/1/", {**ROW0, "name": "拉林高等级公路点位专线",
                                                                 "target": "31", "actual": "30", "version": "1"},
                         headers=HX)
    assert 'id="ver-budget" name="version" value="2" hx-swap-oob="true"' in r.content.decode()  # other forms follow
    r = unit_client.post(f"/evaluations/{ev.pk}/indicators/0/", {**ROW0, "version": "1"}, headers=HX)
    assert r.status_code == 200
    inds = Evaluation.objects.get(pk=ev.pk).current().result["report"]["indicators"]
    assert (inds[0]["actual"], inds[1]["actual"]) == (20, 30)  # both edits kept, nothing lost


def test_a_stale_form_for_a_row_changed_since_is_refused_not_lost(unit_client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    unit_client.post(f"/evaluations/{ev.pk}/indicators/0/", {**ROW0, "actual": "21", "version": "1"}, headers=HX)
    r = unit_client.post(f"/evaluations/{ev.pk}/indicators/0/", {**ROW0, "version": "1"}, headers=HX)
    assert r.status_code == 409
    assert "已有更新的版本" in r.content.decode()
    ev = Evaluation.objects.get(pk=ev.pk)
    assert ev.version == 2 and ev.current().result["report"]["indicators"][0]["actual"] == 21


def test_without_htmx_a_row_save_returns_to_the_edit_page(unit_client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    r = unit_client.post(f"/evaluations/{ev.pk}/indicators/0/", ROW0)
    assert r.status_code == 302 and r["Location"] == f"/evaluations/{ev.pk}/edit/"
    assert Evaluation.objects.get(pk=ev.pk).version == 2


def test_deleting_and_adding_rows_are_new_versions(unit_client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    unit_client.post(f"/evaluations/{ev.pk}/indicators/29/", {**ROW0, "delete": "1"}, headers=HX)
    assert len(Evaluation.objects.get(pk=ev.pk).current().result["report"]["indicators"]) == 29
    unit_client.post(f"/evaluations/{ev.pk}/edit/add-indicator/",
                     {"name": "服务对象满意度", "operator": "", "target": "≥90%", "unit": "", "actual": "95%",
                      "level1": "satisfaction", "level2": "satisfaction", "reason": "", "weight": ""})
    ev = Evaluation.objects.get(pk=ev.pk)
    inds = ev.current().result["report"]["indicators"]
    assert ev.version == 3 and len(inds) == 30
    assert (inds[-1]["operator"], inds[-1]["target"], inds[-1]["unit"], inds[-1]["level1"]) == \
        (">=", 90, "%", "satisfaction")
    assert inds[-1]["levels_inferred"] is False


def test_budget_header_and_narrative_are_edited_online(unit_client: Any, people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    r = unit_client.post(f"/evaluations/{ev.pk}/edit/budget/",
                         {"version": "1", "initial": "", "annual": "1,070.07", "executed": "10,000,000元",
                          "stated_rate": "93.45", "weight": "", "src-0-name": "中央补助", "src-0-initial": "",
                          "src-0-annual": "1070.07", "src-0-executed": "1000", "src-1-name": ""})
    assert r.status_code == 302
    ev = Evaluation.objects.get(pk=ev.pk)
    check = ev.current().result
    assert check["report"]["budget"]["executed"] == 1000  # 10,000,000元 → 1000万元
    assert check["score"]["budget"] == 9.35 and ev.version == 2
    assert [s["name"] for s in check["report"]["budget"]["sources"]] == ["中央补助"]
    unit_client.post(f"/evaluations/{ev.pk}/edit/header/", {"title": "交管支队2023年度绩效自评报告",
                                                             "organization": "示范市公安局交通管理支队",
                                                             "fiscal_year": "2023", "recipient": "",
                                                             "supervising_department": "示范市公安局"})
    sections = ev.current().result["report"]["sections"]
    form = {f"sec-{i}-title": s["title"] for i, s in enumerate(sections)}
    form.update({f"sec-{i}-text": s["text"] for i, s in enumerate(sections)})
    form["sec-1-text"] = "本年度绩效目标已按季度分解下达。"
    r = unit_client.post(f"/evaluations/{ev.pk}/edit/sections/", form)
    ev = Evaluation.objects.get(pk=ev.pk)
    report = ev.current().result["report"]
    assert ev.version == 4 and ev.title == "交管支队2023年度绩效自评报告"
    assert report["supervising_department"] == "示范市公安局"
    assert report["sections"][1]["text"] == "本年度绩效目标已按季度分解下达。"
