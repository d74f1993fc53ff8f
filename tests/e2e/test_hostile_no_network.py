"""`check` and `render` never reach the network, whatever the documents link to.

Two witnesses: a local HTTP server that every hostile file links to (images, style sheets, frames,
sections, INCLUDETEXT/INCLUDEPICTURE fields, an attached template) must receive no request; and every
Python process jixiao starts runs with a guard (tests/netguard/sitecustomize.py) that records and
refuses any connection to a network address. LibreOffice (legacy files) is not Python: the server is
its witness. The legacy cases run when LibreOffice is installed (scripts/test.sh installs it)."""

from __future__ import annotations

import http.server
import io
import os
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from tests.conftest import ROOT, SAMPLE
from tests.fixtures_office import soffice
from tests.hostile import docx_bytes

GUARD = ROOT / "tests" / "netguard"


class _Witness(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def witness() -> Iterator[tuple[str, list[str]]]:
    """(base URL of a local HTTP server, the paths it was asked for)."""
    requests: list[str] = []
    handler = type("Witness", (_Witness,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def run_guarded(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    log = tmp_path / "network-attempts.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(GUARD), *filter(None, [os.environ.get("PYTHONPATH")])]),
           "JIXIAO_NET_LOG": str(log)}
    p = subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, cwd=ROOT,
                       timeout=240, env=env)
    attempts = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return p, attempts


def test_the_guard_sees_a_connection(tmp_path: Path, witness):
    """The witnesses work: a Python process that does connect is seen by both."""
    url, _ = witness
    log = tmp_path / "log"
    env = {**os.environ, "PYTHONPATH": str(GUARD), "JIXIAO_NET_LOG": str(log)}
    code = (f"import urllib.request\ntry:\n    urllib.request.urlopen({url + '/probe'!r}, timeout=5)\n"
            "except OSError:\n    pass")
    subprocess.run([sys.executable, "-c", code], env=env, timeout=60, check=True)
    assert "connect" in log.read_text(encoding="utf-8")
    subprocess.run([sys.executable, "-c", code], timeout=60, check=True)  # unguarded: reaches the server
    assert witness[1] == ["/probe"]


def legacy_files(directory: Path, url: str) -> list[Path]:
    """Files named .doc/.xls that are really HTML, flat ODT and RTF linking to ``url``."""
    html_doc = directory / "网页.doc"
    html_doc.write_text(
        f'<html><head><meta charset="utf-8"><link rel="stylesheet" href="{url}/style.css"></head><body>'
        f'<h1>某单位2023年度绩效自评报告</h1><p>全年预算数100万元，全年执行数90万元。</p>'
        f'<img src="{url}/image.png"><iframe src="{url}/frame.html"></iframe></body></html>', encoding="utf-8")
    fodt = directory / "平面文档.doc"
    fodt.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
        '<text:p>某单位2023年度绩效自评报告</text:p>'
        '<text:p><draw:frame draw:name="f1" svg:width="2cm" svg:height="2cm">'
        f'<draw:image xlink:href="{url}/odt-image.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
        f'</draw:frame></text:p><text:section text:name="s1"><text:section-source xlink:href="{url}/section.odt" '
        'xlink:type="simple"/></text:section></office:text></office:body></office:document>', encoding="utf-8")
    rtf = directory / "富文本.doc"
    rtf.write_text(
        f'{{\\rtf1\\ansi {{\\field{{\\*\\fldinst INCLUDEPICTURE "{url}/rtf-picture.png" \\\\d}}{{\\fldrslt }}}} '
        f'{{\\field{{\\*\\fldinst INCLUDETEXT "{url}/rtf-text.txt"}}{{\\fldrslt x}}}} Budget 100\\par}}\n',
        encoding="ascii")
    html_xls = directory / "网页表格.xls"
    html_xls.write_text(
        f'<html><head><meta charset="utf-8"><link rel="stylesheet" href="{url}/xls-style.css"></head><body><table>'
        f'<tr><td>三级指标</td><td><img src="{url}/xls-image.png"></td></tr></table></body></html>', encoding="utf-8")
    return [html_doc, fodt, rtf, html_xls]


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed (scripts/test.sh installs it)")
def test_legacy_conversion_fetches_nothing(tmp_path: Path, witness):
    url, requests = witness
    files = legacy_files(tmp_path, url)
    for path in files:
        p, attempts = run_guarded(tmp_path, "check", str(path))
        assert p.returncode in (0, 2), p.stderr
        assert "Traceback" not in p.stderr
        assert attempts == []
    assert requests == []


def linked_docx(url: str) -> bytes:
    """A docx with an externally linked image, an attached template on the web and INCLUDETEXT and
    INCLUDEPICTURE fields (simple and complex)."""
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/image" Target="{url}/linked.png" TargetMode="External"/></Relationships>').encode()
    body = (
        '<w:p><w:r><w:t>某单位2023年度绩效自评报告</w:t></w:r></w:p>'
        f'<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;{url}/included.docx&quot;"><w:r><w:t>x</w:t></w:r>'
        '</w:fldSimple></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE '
        f'"{url}/picture.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>').encode()
    settings = (b'<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships"><w:attachedTemplate r:id="rIdT"/></w:settings>')
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/attachedTemplate" Target="{url}/template.dotx" TargetMode="External"/>'
        '</Relationships>').encode()
    return docx_bytes(body, {"word/settings.xml": settings, "word/_rels/settings.xml.rels": settings_rels},
                      doc_rels=rels)


def test_check_and_render_fetch_nothing(tmp_path: Path, witness):
    url, requests = witness
    doc = tmp_path / "外链.docx"
    doc.write_bytes(linked_docx(url))
    report = tmp_path / "报告.txt"
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "监控网络链路", f'<img src="{url}/in-text.png"><link rel=stylesheet href="{url}/in-text.css">监控网络链路', 1)
    report.write_text(text, encoding="utf-8")
    runs = [("check", str(doc)), ("check", str(report), "--json")]
    runs += [("render", str(report), "--to", to, "-o", str(tmp_path / f"out.{to}")) for to in ("docx", "html", "pdf")]
    runs += [("render", str(report), "--template", str(doc), "-o", str(tmp_path / "templated.docx"))]
    for args in runs:
        p, attempts = run_guarded(tmp_path, *args)
        assert "Traceback" not in p.stderr, (args, p.stderr)
        assert attempts == [], args
    assert requests == []


def linked_template(url: str) -> bytes:
    """The packaged template with an attached template on the web, an externally linked image and a
    header part whose INCLUDETEXT field fetches a remote document."""
    from jixiao.writers.report_docx import default_template

    out = io.BytesIO()
    ext = 'TargetMode="External"'
    r_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(default_template()) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/settings.xml":
                data = data.replace(b"</w:settings>", b'<w:attachedTemplate r:id="rIdT"/></w:settings>')
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdImg" Type="{r_type}/image" Target="{url}/linked.png" {ext}/>'
                    f'<Relationship Id="rIdH" Type="{r_type}/header" Target="header9.xml"/></Relationships>').encode())
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/header9.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>')
            elif info.filename == "word/document.xml":
                data = re.sub(rb"(<w:sectPr[^>]*>)", rb'\1<w:headerReference w:type="default" r:id="rIdH"/>', data,
                              count=1)
            dst.writestr(info, data)
        dst.writestr("word/_rels/settings.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rIdT" Type="{r_type}/attachedTemplate" '
            f'Target="{url}/template.dotx" {ext}/></Relationships>').encode())
        dst.writestr("word/header9.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:p><w:fldSimple w:instr="INCLUDETEXT &quot;'
            f'{url}/header.docx&quot;"><w:r><w:t>页眉</w:t></w:r></w:fldSimple></w:p><w:p><w:r>'
            '<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE '
            f'"{url}/logo.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            '</w:hdr>').encode())
    return out.getvalue()


def test_render_with_a_linking_template_keeps_no_link(tmp_path: Path, witness):
    url, _ = witness
    template = tmp_path / "模板.docx"
    template.write_bytes(linked_template(url))
    with zipfile.ZipFile(template) as z:
        assert sum(url in z.read(n).decode("utf-8", "replace") for n in z.namelist()) == 3  # rels ×2, header
    out = tmp_path / "out.docx"
    p, _ = run_guarded(tmp_path, "render", str(SAMPLE), "--template", str(template), "-o", str(out))
    assert p.returncode == 0, p.stderr
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
        for name in z.namelist():
            data = z.read(name).decode("utf-8", "replace")
            assert url not in data, name
            assert "INCLUDETEXT" not in data and "INCLUDEPICTURE" not in data, name
        assert "页眉" in z.read("word/header9.xml").decode()  # the text the field showed is kept
