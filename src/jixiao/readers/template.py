"""A user's Word template (``render --template``), checked and cleaned like any document from outside.

A template is untrusted input: it passes the same zip checks as a document (sizes, compression
ratio, lying directory, element count; ``safety.check_office_zip``) and a tighter size limit (a
template is styles, a header and perhaps a logo). Then a cleaned copy is written, and that copy is
what the writer uses, so nothing in the output fetches anything when Word opens it:

* external relationships are dropped (an attached template on a web server, externally linked
  images, frames, sub-documents); hyperlinks, which fetch nothing until clicked, are kept;
* ``w:attachedTemplate`` and the attributes that pointed at dropped relationships are removed;
* fields that fetch (INCLUDETEXT, INCLUDEPICTURE, LINK, DDE, DDEAUTO, IMPORT, INCLUDE, DATABASE) lose
  their instruction: a simple field is replaced by its shown text, a complex one keeps its shown
  text and an empty instruction.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from jixiao.model import ReadError
from jixiao.readers.safety import check_office_zip, fail

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024  # uncompressed, all parts

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_FETCHING = re.compile(r"^\s*(INCLUDETEXT|INCLUDEPICTURE|LINK|DDE|DDEAUTO|IMPORT|INCLUDE|DATABASE)\b", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def clean_template(path: Path, out: Path) -> Path:
    """Check ``path`` as a .docx and write a cleaned copy to ``out`` (see the module docstring).
    Raises ``ReadError`` with a one-line Chinese reason."""
    path = Path(path)
    check_office_zip(path, "docx")
    try:
        with zipfile.ZipFile(path) as src:
            infos = src.infolist()
            if sum(i.file_size for i in infos) > MAX_TEMPLATE_BYTES:
                raise fail(path, "too_large",
                           f"模板过大（解压后超过 {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB），模板只需样式和页眉页脚",
                           "template too large")
            dropped: set[tuple[str, str]] = set()  # (folder of the part, relationship id)
            parts: dict[str, bytes] = {}
            for info in infos:
                data = src.read(info)
                if info.filename.endswith(".rels"):
                    data = _clean_rels(data, info.filename, dropped)
                parts[info.filename] = data
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in infos:
                    data = parts[info.filename]
                    if info.filename.endswith(".xml") and info.filename.startswith("word/"):
                        data = _clean_part(data, info.filename, dropped)
                    dst.writestr(info.filename, data)
    except ReadError:
        raise
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, ValueError, KeyError) as exc:
        raise fail(path, "damaged", "模板文件已损坏，无法使用", f"damaged template: {exc}") from exc
    return out


def _part_of_rels(rels_name: str) -> str:
    """``word/_rels/settings.xml.rels`` → ``word/settings.xml``."""
    folder, _, name = rels_name.rpartition("_rels/")
    return folder + name.removesuffix(".rels")


def _clean_rels(data: bytes, name: str, dropped: set[tuple[str, str]]) -> bytes:
    root = etree.fromstring(data, _PARSER)
    owner = _part_of_rels(name)
    for rel in list(root):
        if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith("/hyperlink"):
            dropped.add((owner, rel.get("Id", "")))
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clean_part(data: bytes, name: str, dropped: set[tuple[str, str]]) -> bytes:
    root = etree.fromstring(data, _PARSER)
    gone = {rid for owner, rid in dropped if owner == name}
    for el in list(root.iter(f"{{{_W}}}attachedTemplate")):
        el.getparent().remove(el)
    if gone:
        for el in root.iter():
            for attr in [a for a in el.attrib if a.startswith(f"{{{_R}}}") and el.get(a) in gone]:
                del el.attrib[attr]
    for field in list(root.iter(f"{{{_W}}}fldSimple")):
        if _FETCHING.match(field.get(f"{{{_W}}}instr", "")):
            parent = field.getparent()
            at = parent.index(field)
            for k, child in enumerate(list(field)):
                parent.insert(at + k, child)  # the text it showed stays
            parent.remove(field)
    for instr in root.iter(f"{{{_W}}}instrText"):
        if _FETCHING.match(instr.text or ""):
            instr.text = ""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


__all__ = ["MAX_TEMPLATE_BYTES", "clean_template"]
