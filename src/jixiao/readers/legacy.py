"""Old binary office formats (.doc/.wps → .docx, .xls/.et → .xlsx) through LibreOffice.

``convert_legacy`` runs ``soffice --headless --convert-to`` (``soffice`` or ``libreoffice`` on PATH)
with a private user profile inside ``workdir`` (so parallel runs do not fight over the default
profile), in its own process group that is killed when it overruns the timeout.

A file named ``.doc`` can be HTML, RTF or flat ODF that links to images, style sheets, sections and
other documents on the network, and LibreOffice fetches them while it loads the file. jixiao promises
to work offline and must not tell a sender that (or when, or where) a document was opened, so the
conversion never reaches out:

* it runs in a network namespace of its own (``unshare --net``; ``--map-root-user`` when not root)
  where there is no network at all, when the platform allows it (checked once per process);
* whatever the platform, the fresh profile (``_PROFILE_SETTINGS``) keeps links from being updated
  (Writer and Calc), blocks links from untrusted documents, disables macros, never recalculates
  formulas on load (``WEBSERVICE``), and sends every HTTP/HTTPS/FTP request to a proxy that does not
  exist (port 9 of the loopback); the environment names the same dead proxy;
* in a temporary folder (``HOME`` and ``TMPDIR`` point into it), with a time limit.

The converted file keeps no linked content: nothing was fetched, and the readers read only the text.

Kingsoft WPS ``.wps``/``.et`` files are binary-compatible with ``.doc``/``.xls`` and are handed to
LibreOffice under those extensions; a ``.wps``/``.et`` that is really a zip (newer WPS saves OOXML)
is copied as ``.docx``/``.xlsx`` without conversion.

Codes: ``legacy`` (no LibreOffice, or the conversion timed out), ``damaged`` (LibreOffice could not
convert it: corrupt or password-protected), ``unsupported`` (not one of the four extensions), plus
those of ``safety.check_file``.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from jixiao.model import ReadError
from jixiao.readers.blocks import Document
from jixiao.readers.safety import ZIP_MAGICS, check_file, fail, read_head

CONVERT_TIMEOUT_S = 60.0

_DEAD_PROXY = ("127.0.0.1", 9)  # the discard port of the loopback: nothing answers there
_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "0"),  # never update links
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "1"),  # never
    ("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", "1"),  # never recalculate on load
    ("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", "1"),
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "2"),  # manual proxy: the dead one
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", _DEAD_PROXY[0]),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", str(_DEAD_PROXY[1])),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", _DEAD_PROXY[0]),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", str(_DEAD_PROXY[1])),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyName", _DEAD_PROXY[0]),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", str(_DEAD_PROXY[1])),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
    ("/org.openoffice.Office.Common/Misc", "UseLocking", "false"),
)
_PROFILE_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    + "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>\n'
              for path, name, value in _SETTINGS)
    + "</oor:items>\n"
)

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
    (profile / "user").mkdir(exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
    tmpdir = workdir / "tmp"
    tmpdir.mkdir(exist_ok=True)
    cmd = [
        *_no_network_prefix(),
        office,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
        "--convert-to", target,
        "--outdir", str(outdir),
        str(src),
    ]
    proxy = f"http://{_DEAD_PROXY[0]}:{_DEAD_PROXY[1]}"
    env = {**os.environ, "HOME": str(workdir), "TMPDIR": str(tmpdir), "TMP": str(tmpdir), "TEMP": str(tmpdir)}
    for name in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy"):
        env[name] = env[name.upper()] = proxy
    env["no_proxy"] = env["NO_PROXY"] = ""
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


@functools.cache
def _no_network_prefix() -> tuple[str, ...]:
    """The command prefix that runs a program without any network (a new network namespace), or ()
    where the platform does not allow one (not Linux, no ``unshare``, namespaces forbidden): then
    the profile's dead proxy and never-update settings are the barrier."""
    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        return ()
    candidates = [(unshare, "--net")] if os.geteuid() == 0 else []
    candidates.append((unshare, "--net", "--map-root-user"))
    for prefix in candidates:
        try:
            ok = subprocess.run([*prefix, "true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, timeout=10).returncode == 0
        except (OSError, subprocess.SubprocessError):
            ok = False
        if ok:
            return prefix
    return ()


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
