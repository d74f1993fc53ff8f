"""Old binary office formats (.doc/.wps → .docx, .xls/.et → .xlsx) through LibreOffice.

``convert_legacy`` runs ``soffice --headless --convert-to`` (``soffice`` or ``libreoffice`` on PATH)
with a private user profile inside ``workdir`` (so parallel runs do not fight over the default
profile), in its own process group that is killed when it overruns the timeout.

Kingsoft WPS ``.wps``/``.et`` files are binary-compatible with ``.doc``/``.xls`` and are handed to
LibreOffice under those extensions; a ``.wps``/``.et`` that is really a zip (newer WPS saves OOXML)
is copied as ``.docx``/``.xlsx`` without conversion.

Codes: ``legacy`` (no LibreOffice, or the conversion timed out), ``damaged`` (LibreOffice could not
convert it: corrupt or password-protected), ``unsupported`` (not one of the four extensions), plus
those of ``safety.check_file``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from jixiao.model import ReadError
from jixiao.readers.blocks import Document
from jixiao.readers.safety import ZIP_MAGICS, check_file, fail, read_head

CONVERT_TIMEOUT_S = 60.0

# source suffix → (suffix LibreOffice is given, target format)
LEGACY_FORMATS: dict[str, tuple[str, str]] = {
    ".doc": (".doc", "docx"),
    ".wps": (".doc", "docx"),
    ".xls": (".xls", "xlsx"),
    ".et": (".xls", "xlsx"),
}
_FORMAT_NAME = {".doc": "Word 97-2003（.doc）", ".wps": "WPS 文字（.wps）", ".xls": "Excel 97-2003（.xls）",
                ".et": "WPS 表格（.et）"}


def find_office() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_legacy(path: Path, workdir: Path, timeout: float = CONVERT_TIMEOUT_S) -> Path:
    """Convert ``path`` into ``workdir`` and return the .docx/.xlsx written there."""
    path = Path(path)
    workdir = Path(workdir)
    suffix = path.suffix.lower()
    if suffix not in LEGACY_FORMATS:
        raise fail(path, "unsupported", "不是可转换的旧版 Office 文件（.doc/.wps/.xls/.et）", "not a legacy format")
    check_file(path)
    given_suffix, target = LEGACY_FORMATS[suffix]
    workdir.mkdir(parents=True, exist_ok=True)
    if read_head(path, 4).startswith(ZIP_MAGICS):  # already OOXML under an old name
        out = workdir / f"{path.stem}.{target}"
        shutil.copyfile(path, out)
        return out
    office = find_office()
    if office is None:
        raise fail(
            path,
            "legacy",
            f"这是旧版 {_FORMAT_NAME[suffix]}格式，本机未安装 LibreOffice，无法自动转换；"
            f"请用 Office/WPS 另存为 .{target} 后再读取，或安装 LibreOffice",
            f"old binary format; save it as .{target} or install LibreOffice",
        )
    indir = workdir / "in"
    outdir = workdir / "out"
    profile = workdir / "lo-profile"
    for d in (indir, outdir, profile):
        d.mkdir(exist_ok=True)
    src = indir / f"{path.stem}{given_suffix}"
    shutil.copyfile(path, src)
    cmd = [
        office,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
        "--convert-to", target,
        "--outdir", str(outdir),
        str(src),
    ]
    env = {**os.environ, "HOME": str(workdir)}
    try:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env,
            start_new_session=True,
        )
    except OSError as e:
        raise fail(path, "legacy", "无法启动 LibreOffice 进行格式转换，请另存为 ." + target + " 后再读取",
                   f"cannot start LibreOffice: {e}") from e
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as e:
        _kill_group(proc)
        raise fail(
            path,
            "legacy",
            f"用 LibreOffice 转换超时（{timeout:g} 秒），请另存为 .{target} 后再读取",
            "LibreOffice conversion timed out",
        ) from e
    out = outdir / f"{src.stem}.{target}"
    if proc.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if stderr else []
        raise fail(
            path,
            "damaged",
            f"无法转换为 .{target}（文件可能已损坏或设置了密码），请用 Office/WPS 打开后另存为 .{target}",
            f"LibreOffice could not convert the file (exit {proc.returncode}) {' '.join(detail)}".strip(),
        )
    return out


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill the converter and its children (its own process group, started above)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    proc.communicate()


def read_legacy(path: Path, timeout: float = CONVERT_TIMEOUT_S) -> Document:
    """Convert in a temporary directory and read the result with the docx/xlsx reader.

    Errors name the file the user gave, not the converted copy.
    """
    from jixiao.readers.docx import read_docx
    from jixiao.readers.xlsx import read_xlsx

    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="jixiao-legacy-") as tmp:
        out = convert_legacy(path, Path(tmp), timeout=timeout)
        try:
            return read_docx(out) if out.suffix == ".docx" else read_xlsx(out)
        except ReadError as e:
            prefix = out.name + "："
            if e.message.startswith(prefix):
                e.message = path.name + "：" + e.message[len(prefix):]
            raise
