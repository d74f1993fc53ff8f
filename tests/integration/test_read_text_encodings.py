"""The same report reads the same in every encoding a Windows office machine writes."""

from __future__ import annotations

import codecs

import pytest

from jixiao.readers import read_report
from jixiao.serialize import report_to_dict
from tests.text_docs import ROWS_TABS_GB, SPACES_PDF


@pytest.mark.parametrize("doc", [ROWS_TABS_GB, SPACES_PDF])
@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("gb18030", b""), ("gbk", b""),
])
def test_encodings_read_identically(tmp_path, doc, encoding, bom):
    ref = tmp_path / "ref.txt"
    ref.write_bytes(doc.encode("utf-8"))
    other = tmp_path / "other.txt"
    other.write_bytes(bom + doc.replace("\n", "\r\n").encode(encoding))
    assert report_to_dict(read_report(other)[1]) == report_to_dict(read_report(ref)[1])
