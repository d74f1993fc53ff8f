"""Web test helpers: the demo organisations and users, the sample's check object, evaluations put
directly into a given status (for the permission matrix), an API client with a Bearer token."""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

import pytest

from tests.conftest import SAMPLE

USERS = ("admin", "finance", "dept", "unit", "unithead", "school")
STATUSES = ("draft", "submitted", "dept_approved", "returned", "approved", "published")


@cache
def _sample_check() -> str:
    from jixiao.app import check_file
    from jixiao.batch import dumps_result
    from jixiao.policy import load_policy

    return dumps_result(check_file(SAMPLE, load_policy(), source=SAMPLE.name))


def sample_check() -> dict[str, Any]:
    """The sample report's check object, as ``jixiao check --json`` prints it (a fresh copy)."""
    return json.loads(_sample_check())


def sample_report() -> dict[str, Any]:
    return copy.deepcopy(sample_check()["report"])


def report_with_error() -> dict[str, Any]:
    """The sample with more spent than budgeted: B02, an error-level finding."""
    report = sample_report()
    report["budget"]["executed"] = report["budget"]["annual"] + 100
    report["budget"]["execution_rate"] = None
    report["budget"]["stated_execution_rate"] = None
    return report


@pytest.fixture
def people(db) -> dict[str, Any]:
    """The demo tree and users (web-api.md), without the demo report."""
    from jixiao.web.demo import load_demo
    from jixiao.web.models import User

    load_demo(with_report=False)
    return {u: User.objects.get(username=u) for u in USERS}


def make_evaluation(people: dict[str, Any], status: str = "draft", org: str = "gaj-jgzd", **changes: Any):
    """An evaluation of ``org`` created by the service, then put straight into ``status``
    (with the facts that status implies: who submitted it, which organisations approved it)."""
    from jixiao.web import services as svc
    from jixiao.web.models import Evaluation, Organization

    creator = people["unit"] if org == "gaj-jgzd" else people["school"]
    ev = svc.create_evaluation(creator, check=sample_check())
    facts: dict[str, Any] = {"status": status}
    if status not in ("draft",):
        facts["submitted_by"] = creator
    if status in ("dept_approved", "approved", "published"):
        facts["dept_approved_org"] = Organization.objects.get(code="gaj")
    if status in ("approved", "published"):
        facts["approved_org"] = Organization.objects.get(code="czj")
    facts.update(changes)
    Evaluation.objects.filter(pk=ev.pk).update(**facts)
    ev.refresh_from_db()
    return ev


class Api:
    """Django's test client speaking to /api/v1/ with a Bearer token."""

    def __init__(self, client: Any, token: str | None = None) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, **params: Any):
        return self.client.get("/api/v1" + path, params, headers=self.headers)

    def post(self, path: str, body: Any = None, **kw: Any):
        if "data" in kw:  # multipart
            return self.client.post("/api/v1" + path, kw["data"], headers=self.headers)
        return self.client.post("/api/v1" + path, json.dumps(body if body is not None else {}),
                                content_type="application/json", headers=self.headers)

    def put(self, path: str, body: Any = None, content_type: str = "application/json", raw: bytes | None = None):
        data = raw if raw is not None else json.dumps(body)
        return self.client.put("/api/v1" + path, data, content_type=content_type, headers=self.headers)


def api_as(client: Any, username: str | None) -> Api:
    if username is None:
        return Api(client)
    r = client.post("/api/v1/auth/token", json.dumps({"username": username, "password": "jixiao-demo"}),
                    content_type="application/json")
    assert r.status_code == 200, r.content
    return Api(client, r.json()["token"])
