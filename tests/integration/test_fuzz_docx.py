"""Fuzz the Word reader through ``read_report``: byte-mutated .docx files, and sound zips whose
``word/document.xml`` is mutated (bytes, or the element tree: deleted, duplicated and moved elements,
hostile gridSpan/vMerge/gridBefore values, deep nesting). Only ``ReadError`` may come out.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from tests import fixtures_office as fx
from tests.integration.test_fuzz_text import fuzz_settings, mutated, read_or_read_error

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOSTILE_VALUES = ("0", "-1", "2", "3", "200", "201", "999999999", "abc", "", "1e3", "restart", "continue", "٣")
OK_CODES = {"docx", "damaged", "not_a_report", "not_office", "too_large", "empty"}


SEEDS = ("mof10.docx", "transfer.docx")
XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=30)


@cache
def seed(name: str) -> bytes:
    """A document built by the test fixtures (by name: keeps Hypothesis' reports short)."""
    d = Path(tempfile.mkdtemp(prefix="jixiao-fuzz-docx-"))
    if name == "mof10.docx":
        return fx.build_mof10_docx(d).read_bytes()
    return fx.build_transfer_docx(d, unit="元").read_bytes()


def rezip(data: bytes, member: str, new: bytes) -> bytes:
    """The zip ``data`` with ``member`` replaced by ``new`` (other members copied as they are)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, new if info.filename == member else src.read(info.filename))
    return out.getvalue()


def _seed_of(name: str) -> bytes:
    if name.endswith(".docx"):
        return seed(name)
    from tests.integration.test_fuzz_xlsx import seed as xlsx_seed

    return xlsx_seed(name)


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


@st.composite
def tree_mutated(draw: st.DrawFn, source: tuple[str, str], hot_tags: tuple[str, ...], hot_attrs: tuple[str, ...],
                 wrappers: tuple[tuple[str, ...], ...]) -> bytes:
    """The XML of ``source`` (document, part) after a few structural edits of its element tree."""
    root = etree.fromstring(member(_seed_of(source[0]), source[1]))
    for _ in range(draw(st.integers(1, 6))):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        el = elements[draw(st.integers(0, len(elements) - 1))]
        parent = el.getparent()
        op = draw(st.sampled_from(("delete", "dup", "move", "hot", "text", "nest", "attr")))
        if op == "delete" and parent is not None:
            parent.remove(el)
        elif op == "dup" and parent is not None:
            for _ in range(draw(st.integers(1, 30))):
                parent.insert(parent.index(el), etree.fromstring(etree.tostring(el)))
        elif op == "move" and parent is not None:
            target = elements[draw(st.integers(0, len(elements) - 1))]
            if el not in target.iterancestors() and target is not el:
                target.append(el)
        elif op == "hot":
            hot = [e for e in elements if e.tag in hot_tags]
            if hot:
                e = hot[draw(st.integers(0, len(hot) - 1))]
                e.set(draw(st.sampled_from(hot_attrs)), draw(st.sampled_from(HOSTILE_VALUES)))
        elif op == "attr":
            keys = list(el.attrib)
            if keys:
                el.set(draw(st.sampled_from(keys)), draw(st.sampled_from(HOSTILE_VALUES)))
        elif op == "text":
            el.text = draw(XML_TEXT)
        elif op == "nest" and parent is not None:
            chain = draw(st.sampled_from(wrappers))
            depth = draw(st.integers(1, 120))
            idx = parent.index(el)
            parent.remove(el)
            outer = inner = etree.Element(chain[0])
            for k in range(1, len(chain) * depth):
                child = etree.SubElement(inner, chain[k % len(chain)])
                inner = child
            inner.append(el)
            parent.insert(idx, outer)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


DOCX_HOT = (f"{W}gridSpan", f"{W}vMerge", f"{W}gridBefore", f"{W}gridAfter", f"{W}gridCol", f"{W}tblW", f"{W}tcW")
DOCX_WRAPPERS = ((f"{W}customXml",), (f"{W}sdt", f"{W}sdtContent"), (f"{W}tbl", f"{W}tr", f"{W}tc"))


@fuzz_settings(60)
@given(st.data())
def test_byte_mutated_docx(data):
    name = data.draw(st.sampled_from(SEEDS), label="seed")
    read_or_read_error(data.draw(mutated(seed(name)), label="bytes"), name)


@fuzz_settings(80)
@given(st.data())
def test_docx_with_byte_mutated_document_xml(data):
    name = data.draw(st.sampled_from(SEEDS), label="seed")
    xml = data.draw(mutated(member(seed(name), "word/document.xml")), label="xml")
    assert read_or_read_error(rezip(seed(name), "word/document.xml", xml), name) in OK_CODES


@fuzz_settings(120)
@given(st.data())
def test_docx_with_mutated_element_tree(data):
    name = data.draw(st.sampled_from(SEEDS), label="seed")
    xml = data.draw(tree_mutated((name, "word/document.xml"), DOCX_HOT, (f"{W}val",), DOCX_WRAPPERS), label="xml")
    assert read_or_read_error(rezip(seed(name), "word/document.xml", xml), name) in OK_CODES


@fuzz_settings(30)
@given(st.data())
def test_docx_with_mutated_package_parts(data):
    name = data.draw(st.sampled_from(SEEDS), label="seed")
    part = data.draw(st.sampled_from(("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                      "word/styles.xml")), label="part")
    xml = data.draw(mutated(member(seed(name), part), max_ops=3), label="xml")
    assert read_or_read_error(rezip(seed(name), part, xml), name) in OK_CODES
