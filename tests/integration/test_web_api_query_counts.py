"""The queue and the detail answer in a fixed number of queries, however many evaluations there are
(no query per row): what keeps them fast on 10 000 evaluations."""

from __future__ import annotations

from jixiao.web import services as svc
from tests.web_factory import api_as, make_evaluation, people, sample_report  # noqa: F401


def test_list_queries_do_not_grow_with_rows(client, people, django_assert_max_num_queries):  # noqa: F811
    api = api_as(client, "finance")
    for _ in range(3):
        make_evaluation(people, "dept_approved")
    with django_assert_max_num_queries(8) as few:
        assert len(api.get("/evaluations").json()) == 3
    for _ in range(12):
        make_evaluation(people, "dept_approved")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(api.get("/evaluations").json()) == 15


def test_detail_queries_do_not_grow_with_versions(client, people, django_assert_max_num_queries):  # noqa: F811
    api = api_as(client, "unit")
    ev = make_evaluation(people, "draft")
    with django_assert_max_num_queries(12) as few:
        assert api.get(f"/evaluations/{ev.pk}").status_code == 200
    for _ in range(4):
        svc.new_version(people["unit"], ev.pk, report=sample_report())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(api.get(f"/evaluations/{ev.pk}").json()["versions"]) == 5
