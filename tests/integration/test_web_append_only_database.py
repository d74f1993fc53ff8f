"""Events and versions cannot be changed even past the models: the database refuses an UPDATE."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, transaction

from jixiao.web import services as svc
from jixiao.web.models import EvaluationVersion, Event
from tests.web_factory import people, sample_check  # noqa: F401


def test_database_refuses_updates(people):  # noqa: F811
    ev = svc.create_evaluation(people["unit"], check=sample_check())
    with pytest.raises(DatabaseError), transaction.atomic():
        Event.objects.filter(evaluation=ev).update(reason="改写历史")
    with pytest.raises(DatabaseError), transaction.atomic():
        EvaluationVersion.objects.filter(evaluation=ev).update(result={})
    assert Event.objects.get(evaluation=ev).reason == ""
    assert EvaluationVersion.objects.get(evaluation=ev).result == sample_check()
