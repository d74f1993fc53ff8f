"""An upload is read in a worker process with a time limit and a memory cap: a document that needs
more costs its uploader a refusal with the reason, the server goes on, and nothing is stored."""

from __future__ import annotations

import io
import time

from django.test import override_settings

import jixiao.batch
from jixiao.web import services as svc
from jixiao.web.models import Evaluation, Event
from tests.conftest import SAMPLE
from tests.web_factory import api_as, people  # noqa: F401

real_check_file = jixiao.batch.check_file


def _upload(api, name: str, data: bytes):
    f = io.BytesIO(data)
    f.name = name
    return api.post("/evaluations", data={"file": f})


def _hang(path, policy, source=None):
    if "卡死" in path.name:
        time.sleep(60)  # a pathological document
    return real_check_file(path, policy, source)


def test_time_limit_refuses_and_stores_nothing(client, people, monkeypatch):  # noqa: F811
    api = api_as(client, "unit")
    monkeypatch.setattr(jixiao.batch, "check_file", _hang)  # inherited by a forked worker
    start = time.monotonic()
    with override_settings(UPLOAD_TIMEOUT=1, UPLOAD_START_METHOD="fork"):
        r = _upload(api, "卡死.txt", SAMPLE.read_bytes())
    assert time.monotonic() - start < 20
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["code"] == "unreadable" and "超时" in err["message"] and err["message"].startswith("卡死.txt：")
    assert Evaluation.objects.count() == 0 and not Event.objects.filter(action="create").exists()
    r = _upload(api, "正常.txt", SAMPLE.read_bytes())  # the next upload is read as usual
    assert r.status_code == 201 and r.json()["total"] == 97.84


def test_memory_cap_refuses_and_stores_nothing(client, people, tmp_path):  # noqa: F811
    """168 KB of workbook that takes about 1 GB to read, against a 250 MB cap."""
    from tests.integration.test_hostile_memory_cap import shared_text_xlsx

    api = api_as(client, "unit")
    hungry = shared_text_xlsx(tmp_path)
    with override_settings(UPLOAD_MAX_MEMORY_MB=250):
        r = _upload(api, hungry.name, hungry.read_bytes())
    assert r.status_code == 400, r.content
    err = r.json()["error"]
    assert err["code"] == "unreadable" and err["message"].startswith("共享长文本.xlsx：")
    assert "内存不足" in err["message"] or "异常退出" in err["message"]
    assert Evaluation.objects.count() == 0


def test_upload_name_is_only_a_name(people):  # noqa: F811
    ev = svc.create_evaluation(people["unit"], upload=("../../etc/报告.txt", SAMPLE.read_bytes()))
    assert ev.current().result["source"] == "报告.txt"
    assert ev.current().source_name == "报告.txt"


def test_empty_and_unsupported_files_refused(client, people):  # noqa: F811
    api = api_as(client, "unit")
    r = _upload(api, "空.txt", b"")
    assert r.status_code == 400 and "空" in r.json()["error"]["message"]
    r = _upload(api, "程序.exe", b"MZ\x90\x00")
    assert r.status_code == 400 and "不支持" in r.json()["error"]["message"]
    assert Evaluation.objects.count() == 0


def test_two_files_in_one_request_refused(client, people):  # noqa: F811
    api = api_as(client, "unit")
    a, b = io.BytesIO(SAMPLE.read_bytes()), io.BytesIO(SAMPLE.read_bytes())
    a.name, b.name = "a.txt", "b.txt"
    r = api.post("/evaluations", data={"file": [a, b]})
    assert r.status_code == 400
    assert Evaluation.objects.count() == 0


def test_uploads_read_at_once_are_limited(client, people):  # noqa: F811
    """Each upload is read in a worker that may use a lot of memory: at most two at once; a third
    waits up to the time limit, then is asked to come back later (503), nothing stored."""
    from jixiao.web import checking

    api = api_as(client, "unit")
    held = [checking._readers.acquire(timeout=5) for _ in range(2)]
    try:
        assert all(held)
        with override_settings(UPLOAD_TIMEOUT=0.2):
            r = _upload(api, "第三份.txt", SAMPLE.read_bytes())
    finally:
        for _ in held:
            checking._readers.release()
    assert r.status_code == 503 and r.json()["error"]["code"] == "busy"
    assert Evaluation.objects.count() == 0
    assert _upload(api, "第三份.txt", SAMPLE.read_bytes()).status_code == 201
