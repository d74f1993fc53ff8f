"""The JSON API of web-api.md: each call, each error code, the error envelope, the OpenAPI document."""

from __future__ import annotations

import io
import json

import pytest
from django.test import override_settings

from jixiao.web.models import Evaluation, EvaluationVersion
from tests.conftest import SAMPLE
from tests.web_factory import api_as, make_evaluation, people, report_with_error, sample_check, sample_report  # noqa: F401


def _error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.content
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert any("\u4e00" <= c <= "\u9fff" for c in body["error"]["message"]), body  # a Chinese sentence
    return body


def test_token_me_orgs(client, people):  # noqa: F811
    r = client.post("/api/v1/auth/token", json.dumps({"username": "dept", "password": "jixiao-demo"}),
                    content_type="application/json")
    assert r.status_code == 200
    body = r.json()
    assert body["user"] == {"username": "dept", "name": "公安局复核人", "roles": ["dept_reviewer"],
                            "org": {"code": "gaj", "name": "示范市公安局", "kind": "department"}}
    api = api_as(client, "dept")
    assert api.get("/me").json()["username"] == "dept"
    tree = api.get("/orgs").json()
    assert tree == [{"code": "gaj", "name": "示范市公安局", "kind": "department", "active": True, "children": [
        {"code": "gaj-jgzd", "name": "示范市公安局交通管理支队", "kind": "unit", "active": True, "children": []}]}]
    admin_tree = api_as(client, "admin").get("/orgs").json()
    assert [o["code"] for o in admin_tree] == ["czj"]
    assert [o["code"] for o in admin_tree[0]["children"]] == ["gaj", "jyj"]


def test_bad_credentials_401_then_rate_limited_429(client, people):  # noqa: F811
    from django.core.cache import cache

    cache.clear()
    for _ in range(5):
        r = client.post("/api/v1/auth/token", json.dumps({"username": "unit", "password": "wrong"}),
                        content_type="application/json")
        _error(r, 401, "bad_credentials")
    r = client.post("/api/v1/auth/token", json.dumps({"username": "unit", "password": "jixiao-demo"}),
                    content_type="application/json")
    _error(r, 429, "rate_limited")  # even the right password, until the window passes
    cache.clear()


def test_no_or_bad_token_401(client, people):  # noqa: F811
    _error(client.get("/api/v1/me"), 401, "unauthorized")
    _error(client.get("/api/v1/evaluations", headers={"Authorization": "Bearer nonsense"}), 401, "unauthorized")


def test_create_from_json_and_upload(client, people):  # noqa: F811
    api = api_as(client, "unit")
    r = api.post("/evaluations", {"report": sample_report(), "fiscal_year": 2023})
    assert r.status_code == 201, r.content
    ev = r.json()
    assert (ev["status"], ev["version"], ev["total"], ev["grade"]) == ("draft", 1, 97.84, "优")
    assert ev["check"]["score"] == sample_check()["score"]
    assert ev["check"]["findings"] == sample_check()["findings"]
    assert ev["allowed_actions"] == ["edit", "submit"]
    with SAMPLE.open("rb") as f:
        r = api.post("/evaluations", data={"file": f})
    assert r.status_code == 201, r.content
    up = r.json()
    assert up["check"]["source"] == SAMPLE.name and up["check"]["format"] == "text"
    assert up["check"]["score"] == sample_check()["score"]


def test_unreadable_upload_400_nothing_stored(client, people):  # noqa: F811
    api = api_as(client, "unit")
    bad = io.BytesIO(b"PK\x03\x04 not really a zip")
    bad.name = "报告.docx"
    r = api.post("/evaluations", data={"file": bad})
    body = _error(r, 400, "unreadable")
    assert body["error"]["message"].startswith("报告.docx：")
    assert Evaluation.objects.count() == 0 and EvaluationVersion.objects.count() == 0


def test_bad_input_400(client, people):  # noqa: F811
    api = api_as(client, "unit")
    _error(api.post("/evaluations", {"nothing": 1}), 400, "bad_input")
    _error(api.post("/evaluations", {"report": {"title": "无指标"}}), 400, "bad_input")
    _error(api.post("/evaluations", {"report": sample_report(), "fiscal_year": "明年"}), 400, "bad_input")
    nan = sample_report()
    nan["budget"]["annual"] = float("nan")
    _error(api.post("/evaluations", {"report": nan}), 400, "bad_input")
    _error(client.post("/api/v1/auth/token", "{", content_type="application/json"), 400, "bad_input")
    _error(api.get("/evaluations", status="nonsense"), 400, "bad_input")


def test_upload_too_large_413(client, people):  # noqa: F811
    api = api_as(client, "unit")
    with override_settings(UPLOAD_MAX_BYTES=1000, REQUEST_MAX_BYTES=2000):
        big = io.BytesIO(b"x" * 5000)
        big.name = "big.txt"
        _error(api.post("/evaluations", data={"file": big}), 413, "too_large")
        mid = io.BytesIO(b"x" * 1500)  # under the request cap, over the file cap
        mid.name = "mid.txt"
        _error(api.post("/evaluations", data={"file": mid}), 413, "too_large")
    assert Evaluation.objects.count() == 0


def test_list_filters_and_fields(client, people):  # noqa: F811
    a = make_evaluation(people, "draft")
    b = make_evaluation(people, "submitted")
    make_evaluation(people, "draft", org="jyj-yz")
    api = api_as(client, "dept")
    r = api.get("/evaluations")
    body = r.json()
    assert r["X-Total-Count"] == "2" and {e["id"] for e in body} == {a.pk, b.pk}
    item = body[0]
    assert set(item) == {"id", "org", "title", "fiscal_year", "status", "version", "total", "grade", "findings",
                         "updated_at"}
    sev = [f["severity"] for f in sample_check()["findings"]]
    assert item["findings"] == {s: sev.count(s) for s in ("error", "warning", "info")}
    assert [e["id"] for e in api.get("/evaluations", status="submitted").json()] == [b.pk]
    assert api.get("/evaluations", year=2022).json() == []
    assert api.get("/evaluations", org="jyj-yz").json() == []  # not theirs: nothing leaks
    assert len(api_as(client, "finance").get("/evaluations", org="jyj-yz").json()) == 1
    page2 = api_as(client, "finance").get("/evaluations", page=2, page_size=2)
    assert len(page2.json()) == 1 and page2["X-Pages"] == "2" and page2["X-Total-Count"] == "3"


def test_detail_versions_events_and_404(client, people):  # noqa: F811
    unit = api_as(client, "unit")
    ev = unit.post("/evaluations", {"report": sample_report()}).json()
    i = ev["id"]
    r = unit.put(f"/evaluations/{i}", {"report": report_with_error()})
    assert r.status_code == 200 and r.json()["version"] == 2
    detail = unit.get(f"/evaluations/{i}").json()
    assert [v["version"] for v in detail["versions"]] == [1, 2]
    assert detail["versions"][0]["created_by"] == "unit"
    assert detail["findings"]["error"] >= 1
    assert unit.get(f"/evaluations/{i}/versions/1").json()["score"] == sample_check()["score"]
    assert unit.get(f"/evaluations/{i}/versions/2").json()["report"]["budget"]["executed"] > 1070
    _error(unit.get(f"/evaluations/{i}/versions/3"), 404, "not_found")
    events = unit.get(f"/evaluations/{i}/events").json()
    assert [(e["action"], e["actor"], e["version"]) for e in events] == [("create", "unit", 1), ("edit", "unit", 2)]
    assert set(events[0]) >= {"at", "actor", "org", "action", "from_status", "to_status", "version", "reason"}
    school = api_as(client, "school")
    for path in (f"/evaluations/{i}", f"/evaluations/{i}/versions/1", f"/evaluations/{i}/events",
                 f"/evaluations/{i}/opinion.docx", "/evaluations/999999"):
        _error(school.get(path), 404, "not_found")
    _error(school.post(f"/evaluations/{i}/submit"), 404, "not_found")
    _error(school.put(f"/evaluations/{i}", {"report": sample_report()}), 404, "not_found")


def test_put_multipart_file(client, people):  # noqa: F811
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    unit = api_as(client, "unit")
    i = unit.post("/evaluations", {"report": report_with_error()}).json()["id"]
    with SAMPLE.open("rb") as f:
        raw = encode_multipart(BOUNDARY, {"file": f})
    r = unit.put(f"/evaluations/{i}", raw=raw, content_type=MULTIPART_CONTENT)
    assert r.status_code == 200, r.content
    assert r.json()["version"] == 2 and r.json()["check"]["score"]["total"] == 97.84


def test_workflow_over_the_api(client, people):  # noqa: F811
    unit, dept, finance, admin = (api_as(client, u) for u in ("unit", "dept", "finance", "admin"))
    i = unit.post("/evaluations", {"report": report_with_error()}).json()["id"]
    _error(unit.post(f"/evaluations/{i}/submit"), 409, "errors_remain")
    _error(unit.post(f"/evaluations/{i}/submit", {"acknowledge": True}), 400, "note_required")
    r = unit.post(f"/evaluations/{i}/submit", {"acknowledge": True, "note": "已说明"})
    assert r.status_code == 200 and r.json()["status"] == "submitted"
    r = unit.post(f"/evaluations/{i}/withdraw")
    assert r.json()["status"] == "draft"
    unit.put(f"/evaluations/{i}", {"report": sample_report()})
    unit.post(f"/evaluations/{i}/submit")
    _error(unit.post(f"/evaluations/{i}/approve"), 403, "forbidden")
    _error(finance.post(f"/evaluations/{i}/approve"), 409, "invalid_status")
    _error(dept.post(f"/evaluations/{i}/return", {}), 400, "reason_required")
    r = dept.post(f"/evaluations/{i}/approve", {"opinion": "同意", "reviewed_total": 96})
    assert r.json()["status"] == "dept_approved" and r.json()["reviewed_total"] == 96.0
    r = finance.post(f"/evaluations/{i}/return", {"reason": "请补充佐证材料"})
    assert r.json()["status"] == "returned"
    unit.post(f"/evaluations/{i}/submit")
    dept.post(f"/evaluations/{i}/approve")
    assert finance.post(f"/evaluations/{i}/approve").json()["status"] == "approved"
    _error(unit.put(f"/evaluations/{i}", {"report": sample_report()}), 409, "invalid_status")
    _error(finance.post(f"/evaluations/{i}/unapprove", {}), 400, "reason_required")
    assert finance.post(f"/evaluations/{i}/unapprove", {"reason": "重新核对"}).json()["status"] == "dept_approved"
    finance.post(f"/evaluations/{i}/approve")
    _error(finance.post(f"/evaluations/{i}/publish"), 403, "forbidden")
    assert admin.post(f"/evaluations/{i}/publish").json()["status"] == "published"
    _error(admin.post(f"/evaluations/{i}/publish"), 409, "invalid_status")
    events = unit.get(f"/evaluations/{i}/events").json()
    returned = [e for e in events if e["action"] == "return"]
    assert returned[0]["reason"] == "请补充佐证材料" and returned[0]["actor"] == "finance"
    assert returned[0]["org"]["code"] == "czj"


def test_opinion_docx_for_reviewers_only(client, people):  # noqa: F811
    ev = make_evaluation(people, "submitted")
    r = api_as(client, "dept").get(f"/evaluations/{ev.pk}/opinion.docx")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "的复核意见" in text and "三、复核结论" in text
    _error(api_as(client, "unit").get(f"/evaluations/{ev.pk}/opinion.docx"), 403, "forbidden")


def test_public_endpoints_show_published_only(client, people):  # noqa: F811
    draft = make_evaluation(people, "approved")
    pub = make_evaluation(people, "published")
    listed = client.get("/api/v1/public/evaluations").json()
    assert [e["id"] for e in listed] == [pub.pk]
    assert set(listed[0]) == {"id", "org", "title", "fiscal_year", "total", "grade", "published_at"}
    one = client.get(f"/api/v1/public/evaluations/{pub.pk}").json()
    assert one["score"]["total"] == 97.84 and one["report"]["title"] == sample_check()["report"]["title"]
    assert "findings" not in one and "check" not in one
    _error(client.get(f"/api/v1/public/evaluations/{draft.pk}"), 404, "not_found")


def test_openapi_and_healthz(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/v1/auth/token", "/api/v1/me", "/api/v1/orgs", "/api/v1/evaluations",
              "/api/v1/evaluations/{evaluation_id}", "/api/v1/evaluations/{evaluation_id}/versions/{number}",
              "/api/v1/evaluations/{evaluation_id}/submit", "/api/v1/evaluations/{evaluation_id}/withdraw",
              "/api/v1/evaluations/{evaluation_id}/return", "/api/v1/evaluations/{evaluation_id}/approve",
              "/api/v1/evaluations/{evaluation_id}/unapprove", "/api/v1/evaluations/{evaluation_id}/publish",
              "/api/v1/evaluations/{evaluation_id}/events", "/api/v1/evaluations/{evaluation_id}/opinion.docx",
              "/api/v1/public/evaluations", "/api/v1/public/evaluations/{evaluation_id}"):
        assert p in paths, p
    assert "multipart/form-data" in paths["/api/v1/evaluations"]["post"]["requestBody"]["content"]
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    assert r.json()["database"] in ("sqlite", "postgresql")
    assert client.get("/api/v1/docs").status_code == 404  # no page that loads a CDN


@pytest.mark.parametrize("header", ["X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy",
                                    "Referrer-Policy"])
def test_security_headers(client, db, header):
    assert header in client.get("/healthz").headers
