"""The demo's report ships inside the package (an installed jixiao has no examples/ folder) and is the
repository's example, byte for byte; --demo is for loopback addresses only."""

from __future__ import annotations

import pytest

from jixiao.web.demo import EXAMPLE
from jixiao.web.server import is_loopback
from tests.conftest import SAMPLE


def test_bundled_report_is_the_example():
    assert EXAMPLE.read_bytes() == SAMPLE.read_bytes()


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.10", False), ("example.gov.cn", False), ("", False),
])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback
