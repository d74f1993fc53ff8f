"""The workflow through the pages' own forms (with CSRF enforced): create by upload or from an empty
form, submit, the reviewer queue, approve, return with a reason the unit then sees with what changed
since, resubmit, approve with a reviewed score, publish; the admin's organisation and user pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from jixiao.web.models import Evaluation, Event, Organization, RoleGrant, User
from tests.conftest import SAMPLE
from tests.web_factory import make_evaluation, people  # noqa: F401

pytestmark = pytest.mark.django_db


class Browser:
    """A test client that signs in through the page and posts forms with the CSRF token they carry."""

    def __init__(self) -> None:
        self.c = Client(enforce_csrf_checks=True)

    def token(self, path: str = "/login/") -> str:
        html = self.c.get(path).content.decode()
        m = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert m, f"no CSRF token on {path}"
        return m.group(1)

    def sign_in(self, username: str) -> Browser:
        self.c.logout()
        r = self.c.post("/login/", {"username": username, "password": "jixiao-demo",
                                    "csrfmiddlewaretoken": self.token()})
        assert r.status_code == 302, r.content.decode()[:500]
        return self

    def post(self, path: str, data: dict[str, Any], page: str = "/evaluations/", **kw: Any) -> Any:
        return self.c.post(path, {**data, "csrfmiddlewaretoken": self.token(page)}, **kw)

    def get(self, path: str, **kw: Any) -> Any:
        return self.c.get(path, **kw)


def test_a_post_without_the_csrf_token_is_refused(people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    b = Browser().sign_in("unit")
    r = b.c.post(f"/evaluations/{ev.pk}/submit/", {})
    assert r.status_code == 403
    assert Evaluation.objects.get(pk=ev.pk).status == "draft"
    r = Client(enforce_csrf_checks=True).post("/login/", {"username": "unit", "password": "jixiao-demo"})
    assert r.status_code == 403


def test_every_form_on_the_pages_carries_the_csrf_token(people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people, "returned")
    pages = {"unit": [f"/evaluations/{ev.pk}/", f"/evaluations/{ev.pk}/edit/", "/evaluations/new/"],
             "admin": ["/manage/orgs/", "/manage/users/", "/manage/publish/"]}
    for user, paths in pages.items():
        b = Browser().sign_in(user)
        for path in paths:
            html = b.get(path).content.decode()
            posts = re.findall(r"<form[^>]*method=\"post\".*?</form>", html, flags=re.S)
            assert posts, path
            for form in posts:
                assert "csrfmiddlewaretoken" in form, (path, form[:200])


def test_wrong_password_is_a_chinese_sentence_and_no_session(people: dict) -> None:  # noqa: F811
    b = Browser()
    r = b.c.post("/login/", {"username": "unit", "password": "wrong", "csrfmiddlewaretoken": b.token()})
    assert r.status_code == 401
    assert "用户名或密码不正确" in r.content.decode()
    assert b.get("/evaluations/").status_code == 302


def test_upload_create_and_an_unreadable_upload_stores_nothing(people: dict) -> None:  # noqa: F811
    from django.core.files.uploadedfile import SimpleUploadedFile

    b = Browser().sign_in("unit")
    r = b.post("/evaluations/new/", {"file": SimpleUploadedFile("报告.txt", SAMPLE.read_bytes()),
                                     "fiscal_year": ""}, page="/evaluations/new/")
    assert r.status_code == 302
    ev = Evaluation.objects.get()
    assert (ev.status, ev.version, str(ev.total), ev.grade, ev.fiscal_year) == ("draft", 1, "97.84", "优", 2023)
    html = b.get(r["Location"]).content.decode()
    assert 'id="total">97.84<' in html and "B03" in html
    r = b.post("/evaluations/new/", {"file": SimpleUploadedFile("空.txt", b"")}, page="/evaluations/new/")
    assert r.status_code == 400
    assert "文件是空的" in r.content.decode()
    r = b.post("/evaluations/new/", {"file": SimpleUploadedFile("x.exe", b"MZ\x90\x00")},
               page="/evaluations/new/")
    assert r.status_code == 400 and "不支持的文件类型" in r.content.decode()
    assert Evaluation.objects.count() == 1


def test_an_empty_form_starts_a_draft_to_fill_in(people: dict) -> None:  # noqa: F811
    b = Browser().sign_in("school")
    r = b.post("/evaluations/new/", {"blank": "1", "title": "校舍维修项目2024年度绩效自评报告",
                                     "fiscal_year": "2024"}, page="/evaluations/new/")
    assert r.status_code == 302
    ev = Evaluation.objects.get()
    assert (ev.org.code, ev.fiscal_year, ev.title, ev.status) == ("jyj-yz", 2024, "校舍维修项目2024年度绩效自评报告",
                                                                   "draft")
    report = ev.current().result["report"]
    assert report["indicators"] == [] and report["organization"] == "示范市第一中学"
    # no indicators and no budget yet: the review says so (D04, D05), nothing is guessed
    assert {"D04", "D05"} <= {f["code"] for f in ev.current().result["findings"]}


def _submit(b: Browser, pk: int, follow: bool = False, **extra: Any) -> Any:
    return b.post(f"/evaluations/{pk}/submit/", {"version": "1", **extra}, follow=follow)


def test_the_whole_flow_through_the_pages(people: dict) -> None:  # noqa: F811
    ev = make_evaluation(people)
    unit = Browser().sign_in("unit")
    assert _submit(unit, ev.pk).status_code == 302
    assert Evaluation.objects.get(pk=ev.pk).status == "submitted"

    dept = Browser().sign_in("dept")
    queue = dept.get("/queue/").content.decode()
    assert f'href="/evaluations/{ev.pk}/"' in queue
    html = dept.get(f"/evaluations/{ev.pk}/").content.decode()
    assert "审核通过" in html and "退回修改" in html and "下载复核意见书" in html and "在线修改" not in html
    r = dept.post(f"/evaluations/{ev.pk}/approve/", {"opinion": "同意上报。", "reviewed_total": ""})
    assert r.status_code == 302 and r["Location"] == "/queue/"
    assert Evaluation.objects.get(pk=ev.pk).status == "dept_approved"
    assert f'href="/evaluations/{ev.pk}/"' not in dept.get("/queue/").content.decode()  # no longer theirs

    finance = Browser().sign_in("finance")
    assert f'href="/evaluations/{ev.pk}/"' in finance.get("/queue/").content.decode()
    r = finance.post(f"/evaluations/{ev.pk}/return/", {"reason": ""}, follow=True)
    assert "退回时必须填写理由" in r.content.decode()
    finance.post(f"/evaluations/{ev.pk}/return/", {"reason": "请说明带宽指标的计量口径。"})
    assert Evaluation.objects.get(pk=ev.pk).status == "returned"

    html = unit.get(f"/evaluations/{ev.pk}/").content.decode()
    assert 'id="return-reason"' in html and "请说明带宽指标的计量口径。" in html
    unit.post(f"/evaluations/{ev.pk}/indicators/13/",
              {"name": "带宽", "operator": "=", "target": "100M", "unit": "Mbps", "actual": "100M", "reason": ""},
              page=f"/evaluations/{ev.pk}/edit/", headers={"HX-Request": "true"})
    html = unit.get(f"/evaluations/{ev.pk}/").content.decode()
    assert "退回后已修改" in html and f"/evaluations/{ev.pk}/diff/?a=1&b=2" in html
    diff = unit.get(f"/evaluations/{ev.pk}/diff/?a=1&b=2").content.decode()
    assert "带宽" in diff and "Mbps" in diff and "度量单位" in diff
    assert _submit(unit, ev.pk, version="2").status_code == 302
    assert Evaluation.objects.get(pk=ev.pk).status == "submitted"

    dept.post(f"/evaluations/{ev.pk}/approve/", {})
    r = finance.post(f"/evaluations/{ev.pk}/approve/", {"opinion": "同意。", "reviewed_total": "abc"}, follow=True)
    assert "复核得分应为" in r.content.decode()
    finance.post(f"/evaluations/{ev.pk}/approve/", {"opinion": "同意。", "reviewed_total": "95.5"})
    ev = Evaluation.objects.get(pk=ev.pk)
    assert (ev.status, str(ev.reviewed_total)) == ("approved", "95.50")
    html = finance.get(f"/evaluations/{ev.pk}/").content.decode()
    assert "同意。" in html and "复核得分：95.50" in html

    admin = Browser().sign_in("admin")
    assert f"/evaluations/{ev.pk}/publish/" in admin.get("/manage/publish/").content.decode()
    r = admin.post(f"/evaluations/{ev.pk}/publish/", {"next": "/manage/publish/"}, page="/manage/publish/")
    assert r.status_code == 302 and r["Location"] == "/manage/publish/"
    assert Evaluation.objects.get(pk=ev.pk).status == "published"
    public = Client().get("/public/").content.decode()
    assert ev.title in public and "95.50" in public
    actions = list(Event.objects.filter(evaluation=ev).values_list("action", flat=True))
    assert actions == ["create", "submit", "approve", "return", "edit", "submit", "approve", "approve", "publish"]


def test_submitting_with_errors_needs_an_acknowledgement_and_a_note(people: dict) -> None:  # noqa: F811
    from jixiao.web import services as svc
    from tests.web_factory import report_with_error

    ev = make_evaluation(people)
    svc.new_version(people["unit"], ev.pk, report=report_with_error())
    unit = Browser().sign_in("unit")
    html = unit.get(f"/evaluations/{ev.pk}/").content.decode()
    assert 'name="acknowledge"' in html
    r = _submit(unit, ev.pk, follow=True)
    assert "错误级问题未解决" in r.content.decode()
    r = _submit(unit, ev.pk, acknowledge="1", note="", follow=True)
    assert "请填写说明" in r.content.decode()
    _submit(unit, ev.pk, acknowledge="1", note="超支部分已追加预算，批文待下达。")
    assert Evaluation.objects.get(pk=ev.pk).status == "submitted"


def test_the_queue_is_oldest_first_and_filters(people: dict) -> None:  # noqa: F811
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    old = make_evaluation(people, "submitted", submitted_at=now - timedelta(days=3), grade="良", n_error=1)
    new = make_evaluation(people, "submitted", submitted_at=now - timedelta(days=1))
    make_evaluation(people, "draft")
    dept = Browser().sign_in("dept")
    html = dept.get("/queue/").content.decode()
    assert html.index(f'href="/evaluations/{old.pk}/"') < html.index(f'href="/evaluations/{new.pk}/"')
    assert "共2份" in html
    assert f"/evaluations/{new.pk}/" not in dept.get("/queue/?grade=良").content.decode()
    only_errors = dept.get("/queue/?findings=error").content.decode()
    assert f"/evaluations/{old.pk}/" in only_errors and f"/evaluations/{new.pk}/" not in only_errors
    school = Organization.objects.get(code="jyj-yz").pk
    assert "共0份" in dept.get(f"/queue/?org={school}").content.decode()  # not theirs: nothing, no leak
    assert "共0份" in Browser().sign_in("finance").get("/queue/").content.decode()  # not yet at finance


def test_the_overview_counts_by_status_grade_and_finding(people: dict) -> None:  # noqa: F811
    make_evaluation(people, "draft")
    make_evaluation(people, "approved")
    make_evaluation(people, "submitted", org="jyj-yz")
    html = Browser().sign_in("admin").get("/manage/overview/").content.decode()
    table = html[html.index('id="by-org"'):html.index("</table>", html.index('id="by-org"'))]
    assert "示范市公安局交通管理支队" in table and "示范市第一中学" in table
    assert 'class="v">3<' in html  # three evaluations
    top = html[html.index('id="top-findings"'):]
    assert re.search(r'B03</td>.*?<td class="num">3</td>', top, flags=re.S)  # every one has B03
    dept_html = Browser().sign_in("dept").get("/manage/overview/").content.decode()
    assert "示范市第一中学" not in dept_html  # a department counts only its own units


def test_the_admin_manages_organisations_and_users(people: dict) -> None:  # noqa: F811
    admin = Browser().sign_in("admin")
    gaj = Organization.objects.get(code="gaj")
    r = admin.post("/manage/orgs/", {"op": "create", "name": "示范市公安局特警支队", "code": "gaj-tj",
                                     "kind": "unit", "parent": str(gaj.pk)}, page="/manage/orgs/")
    assert r.status_code == 302
    tj = Organization.objects.get(code="gaj-tj")
    assert tj.parent == gaj and tj.path.startswith(gaj.path)
    r = admin.post("/manage/users/", {"op": "create", "username": "tj", "display_name": "特警填报人",
                                      "password": "Tejing-2024-pw", "org": str(tj.pk), "role": "unit_filler"},
                   page="/manage/users/")
    assert r.status_code == 302
    tj_user = User.objects.get(username="tj")
    assert RoleGrant.objects.filter(user=tj_user, org=tj, role="unit_filler").exists()
    jyj = Organization.objects.get(code="jyj")
    admin.post("/manage/orgs/", {"op": "move", "org": str(tj.pk), "parent": str(jyj.pk)}, page="/manage/orgs/")
    assert Organization.objects.get(code="gaj-tj").parent == jyj
    admin.post("/manage/users/", {"op": "deactivate", "user": str(tj_user.pk)}, page="/manage/users/")
    assert not User.objects.get(username="tj").is_active
    r = admin.post("/manage/users/", {"op": "create", "username": "weak", "password": "123",
                                      "org": str(tj.pk), "role": "unit_filler"}, page="/manage/users/", follow=True)
    assert "密码不符合要求" in r.content.decode() and not User.objects.filter(username="weak").exists()
    html = admin.get("/manage/orgs/").content.decode()
    assert "示范市公安局特警支队" in html


def test_the_admin_pages_grant_revoke_move_and_deactivate(people: dict) -> None:  # noqa: F811
    """Every operation the organisation and user pages offer, each recorded as an event."""
    admin = Browser().sign_in("admin")
    school, jyj = User.objects.get(username="school"), Organization.objects.get(code="jyj")
    unit_org = Organization.objects.get(code="gaj-jgzd")
    r = admin.post("/manage/users/", {"op": "grant", "user": str(school.pk), "org": str(unit_org.pk),
                                      "role": "unit_head"}, page="/manage/users/")
    assert r.status_code == 302
    grant = RoleGrant.objects.get(user=school, org=unit_org, role="unit_head")
    html = admin.get("/manage/users/").content.decode()
    assert "单位负责人 @ 示范市公安局交通管理支队" in html
    admin.post("/manage/users/", {"op": "grant", "user": str(school.pk), "org": str(jyj.pk),
                                  "role": "unit_filler"}, page="/manage/users/")
    assert not RoleGrant.objects.filter(user=school, org=jyj).exists()  # a unit role in a department: refused
    admin.post("/manage/users/", {"op": "revoke", "user": str(school.pk), "grant": str(grant.pk)},
               page="/manage/users/")
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()
    admin.post("/manage/users/", {"op": "move", "user": str(school.pk), "org": str(unit_org.pk)}, page="/manage/users/")
    assert User.objects.get(username="school").org == unit_org
    school_org = Organization.objects.get(code="jyj-yz")
    admin.post("/manage/orgs/", {"op": "deactivate", "org": str(school_org.pk)}, page="/manage/orgs/")
    assert not Organization.objects.get(code="jyj-yz").active
    actions = list(Event.objects.filter(evaluation=None).order_by("id").values_list("action", flat=True))
    assert actions[-4:] == ["role_grant", "role_revoke", "user_move", "org_deactivate"], actions
    assert Event.objects.filter(evaluation=None).last().actor == User.objects.get(username="admin")
