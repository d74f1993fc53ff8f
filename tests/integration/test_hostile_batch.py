"""A folder of hostile files checked in one batch through the CLI: each is reported with its reason,
the good files beside them are still checked, exit code 2, nothing left running, in reasonable time."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from tests import fixtures_office as fx
from tests.conftest import ROOT, SAMPLE
from tests.integration.test_fuzz_docx import member, rezip
from tests.integration.test_fuzz_pdf import plain_pdf

BIG = 200 * 1024 * 1024


def declared_bomb(path: Path, declared: int = 3 * 1024**3) -> Path:
    """A tiny docx-shaped zip whose directory declares ``declared`` bytes for its main part."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buf.getvalue())
    central = data.find(b"PK\x01\x02")
    while central != -1:  # patch the uncompressed size of word/document.xml in the central directory
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, central + 24, min(declared, 0xFFFFFFFF))
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


def deeply_nested_docx(directory: Path, depth: int = 5000) -> Path:
    seed = fx.build_mof10_docx(directory, name="nest-seed.docx")
    xml = member(seed.read_bytes(), "word/document.xml").decode()
    wrapped = xml.replace("<w:body>", "<w:body>" + "<w:customXml>" * depth + "<w:p/>" + "</w:customXml>" * depth, 1)
    out = directory / "深层嵌套.docx"
    out.write_bytes(rezip(seed.read_bytes(), "word/document.xml", wrapped.encode()))
    seed.unlink()
    return out


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
    return path


EXPECTED_ERRORS = {
    "空.txt": ("empty", "空"),
    "空.docx": ("empty", "空"),
    "二进制.txt": ("binary", "二进制"),
    "截断.docx": ("damaged", "损坏"),
    "炸弹.xlsx": ("too_large", "压缩炸弹"),
    "声明炸弹.docx": ("too_large", "压缩炸弹"),
    "巨大.txt": ("too_large", "过大"),
    "巨大.pdf": ("too_large", "过大"),
    "深层嵌套.docx": ("damaged", "无法读取"),
    "PDF改名.docx": ("not_office", "PDF"),
    "Word改名.txt": ("binary", "二进制"),
    "加密.docx": ("encrypted", "密码"),
    "目录.docx": ("unsupported", "目录"),
    "环.txt": ("not_found", "循环"),
    "管道.txt": ("unsupported", "不是普通文件"),
}
GOOD = {"交管局.txt", "十号文.docx", "十号文.xlsx", "手写.pdf"}


def _hostile_folder(tmp_path: Path) -> Path:
    d = tmp_path / "批量"
    d.mkdir()
    shutil.copy(SAMPLE, d / "交管局.txt")
    fx.build_mof10_docx(d, name="十号文.docx")
    fx.build_mof10_xlsx(d, name="十号文.xlsx")
    (d / "手写.pdf").write_bytes(plain_pdf())
    (d / "空.txt").write_bytes(b"")
    (d / "空.docx").write_bytes(b"")
    (d / "二进制.txt").write_bytes(os.urandom(4096))
    fx.truncate(fx.build_transfer_docx(tmp_path), name="截断.docx").rename(d / "截断.docx")
    fx.build_zip_bomb(d, name="炸弹.xlsx")
    declared_bomb(d / "声明炸弹.docx")
    sparse(d / "巨大.txt", BIG)
    sparse(d / "巨大.pdf", BIG + 1)
    deeply_nested_docx(d)
    (d / "PDF改名.docx").write_bytes(plain_pdf())
    shutil.copy(d / "十号文.docx", d / "Word改名.txt")
    fx.build_fake_encrypted(d, name="加密.docx")
    (d / "目录.docx").mkdir()
    (d / "目录.docx" / "word").mkdir()
    (d / "环.txt").symlink_to("环.txt")
    os.mkfifo(d / "管道.txt")
    (d / "子目录").mkdir()
    (d / "子目录" / "上级").symlink_to("..")  # a directory loop: not followed
    (d / "子目录" / "说明.png").write_bytes(b"\x89PNG")  # unsupported extension: not a document
    (d / ".隐藏.txt").write_bytes(b"\x00")
    (d / "~$十号文.docx").write_bytes(b"\x00" * 162)  # Word's lock file
    return d


def _session_processes(sid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":  # fields: state ppid pgrp session ...
            found.append(int(proc.name))
    return found


def test_hostile_folder_in_one_batch(tmp_path):
    d = _hostile_folder(tmp_path)
    start = time.monotonic()
    p = subprocess.Popen([sys.executable, "-m", "jixiao", "check", str(d), "--json", "--jobs", "2"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True)
    try:
        out, err = p.communicate(timeout=120)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, 9)
    elapsed = time.monotonic() - start
    try:
        assert p.returncode == 2, err
        docs = {Path(x["source"]).name: x for x in map(json.loads, out.splitlines())}
        assert set(docs) == set(EXPECTED_ERRORS) | GOOD
        for name, (code, words) in EXPECTED_ERRORS.items():
            error = docs[name]["error"]
            assert error["code"] == code, (name, error)
            assert error["message"].startswith(name) and words in error["message"], (name, error)
            assert "report" not in docs[name]
        for name in GOOD:
            assert "error" not in docs[name], docs[name]
            assert docs[name]["report"]["indicators"], name
        assert docs["交管局.txt"]["score"]["total"] == 97.84
        reasons = [x for x in err.splitlines() if x.startswith("jixiao：")]
        assert len(reasons) == len(EXPECTED_ERRORS)
        summary = f"共 {len(docs)} 份：可读 {len(GOOD)} 份，无法读取 {len(EXPECTED_ERRORS)} 份"
        assert err.splitlines()[-1].startswith(summary)
        assert "Traceback" not in err
        assert elapsed < 60
        assert _session_processes(p.pid) == []
    finally:
        (d / "巨大.txt").unlink()
        (d / "巨大.pdf").unlink()
