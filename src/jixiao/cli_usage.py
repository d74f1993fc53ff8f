"""Command-line mistakes and help in Chinese.

Typer (Click) reports a mistake on the command line as a multi-line English box. ``run`` calls the
Typer application without Click's own error handling and turns every usage error into one Chinese
line on stderr (exit 2); ``localise_help`` translates what ``--help`` prints around our own texts
(用法, 参数, 选项, 必填, 默认). Only attributes common to Click 8 and Typer's bundled copy are used.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer

from jixiao.os_reasons import os_reason

__all__ = ["localise_help", "os_reason", "run", "usage_message"]

EXIT_USAGE = 2

HELP_OPTION_TEXT = "显示本帮助并退出"
TYPE_NAMES = {"integer": "整数", "int": "整数", "float": "数字", "number": "数字", "path": "路径",
              "boolean": "是或否", "bool": "是或否"}


def localise_help() -> None:
    """The fixed English words of Typer's rich help, in Chinese (module constants, set once)."""
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover - Typer without rich
        return
    for name, text in (
        ("ARGUMENTS_PANEL_TITLE", "参数"),
        ("OPTIONS_PANEL_TITLE", "选项"),
        ("COMMANDS_PANEL_TITLE", "命令"),
        ("ERRORS_PANEL_TITLE", "错误"),
        ("DEFAULT_STRING", "[默认：{}]"),
        ("REQUIRED_LONG_STRING", "[必填]"),
        ("ENVVAR_STRING", "[环境变量：{}]"),
        ("ABORTED_TEXT", "已中断。"),
        ("DEPRECATED_STRING", "（已弃用）"),
        ("RICH_HELP", "用 [blue]{command_path} {help_option}[/] 查看帮助。"),
    ):
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)


def _localise_command(cmd: Any, seen: set[int] | None = None) -> None:
    """Chinese usage prefix and help-option text on ``cmd`` and its subcommands."""
    seen = seen if seen is not None else set()
    if id(cmd) in seen:
        return
    seen.add(id(cmd))
    get_usage: Callable[[Any], str] = cmd.get_usage

    def usage(ctx: Any, _orig: Callable[[Any], str] = get_usage) -> str:
        return _orig(ctx).replace("Usage:", "用法：", 1).replace("[OPTIONS]", "[选项]").replace(
            "COMMAND [ARGS]...", "命令 [参数]...")

    cmd.get_usage = usage
    get_help_option = cmd.get_help_option

    def help_option(ctx: Any, _orig: Callable[[Any], Any] = get_help_option) -> Any:
        opt = _orig(ctx)
        if opt is not None:
            opt.help = HELP_OPTION_TEXT
            _localise_type(opt)
        return opt

    cmd.get_help_option = help_option
    for param in getattr(cmd, "params", []):
        _localise_type(param)
    for sub in (getattr(cmd, "commands", None) or {}).values():
        _localise_command(sub, seen)


TYPE_LABELS = {"<path>": "<路径>", "<str>": "<文本>", "<text>": "<文本>", "<int>": "<整数>", "<integer>": "<整数>",
               "<float>": "<数字>", "<bool>": "", "<boolean>": "", "<list[Path]>": "<路径>", "<list[path]>": "<路径>"}


def _localise_type(param: Any) -> None:
    """The type column of the help (<path>, <int>, <bool>) in Chinese; flags show none."""
    show = getattr(param, "display_type_rich", None)
    if show is None or getattr(param, "_jixiao_localised", False):
        return

    def display(*args: Any, _orig: Callable[..., Any] = show, **kwargs: Any) -> Any:
        text = _orig(*args, **kwargs)
        return TYPE_LABELS.get(text, text) if isinstance(text, str) else text

    param.display_type_rich = display
    param._jixiao_localised = True


def _hint(param: Any) -> str:
    """--to / -t → ``--to``; an argument → its name in upper case."""
    if param is None:
        return ""
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")] or list(getattr(param, "opts", []))
    if getattr(param, "param_type_name", "") == "argument":
        help_text = getattr(param, "help", None)
        name = getattr(param, "metavar", None) or (getattr(param, "name", None) or "").upper()
        return f"{name}（{help_text}）" if help_text else name
    return opts[0] if opts else (getattr(param, "name", "") or "")


def _choices(param: Any) -> list[str]:
    kind = getattr(param, "type", None)
    for attr in ("choices",):
        values = getattr(kind, attr, None)
        if values:
            return [getattr(v, "value", v) for v in values]
    return []


_NOT_ONE_OF = re.compile(r"'(?P<value>.*?)' is not one of (?P<choices>.*?)\.?$")
_NOT_VALID = re.compile(r"(?:Value )?'(?P<value>.*?)' is not a valid (?P<type>\w+)")
_NO_COMMAND = re.compile(r"No such command '(?P<name>.*?)'")
_EXTRA = re.compile(r"unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)")
_REQUIRES = re.compile(r"Option '(?P<opt>.*?)' requires (?:an argument|\d+ arguments)")
_NO_VALUE = re.compile(r"Option '(?P<opt>.*?)' does not take a value")


def usage_message(exc: Exception, commands: Sequence[str] = ()) -> str:
    """One Chinese line for a Click usage error (without the ``jixiao：`` prefix)."""
    name = type(exc).__name__
    message = str(getattr(exc, "message", "") or exc)
    param = getattr(exc, "param", None)
    if name == "NoSuchOption":
        text = f"没有选项 {getattr(exc, 'option_name', '') or message}"
        possible = sorted(getattr(exc, "possibilities", None) or [])
        if possible:
            text += f"，是否要用 {'、'.join(possible)}？"
        return text
    if name == "MissingParameter":
        if getattr(param, "param_type_name", "") == "argument":
            return f"缺少参数 {_hint(param)}"
        return f"缺少选项 {_hint(param)}"
    if name == "BadParameter":
        hint = _hint(param) or "参数"
        m = _NOT_ONE_OF.search(message)
        if m is not None:
            choices = _choices(param) or re.findall(r"'([^']*)'", m["choices"])
            ok = f"，可选：{'、'.join(choices)}" if choices else ""
            return f"{hint} 的取值“{m['value']}”无效{ok}"
        m = _NOT_VALID.search(message)
        if m is not None:
            kind = TYPE_NAMES.get(m["type"].lower(), m["type"])
            return f"{hint} 的取值“{m['value']}”无效，应为{kind}"
        if "integer" in message:
            return f"{hint} 的取值无效，应为整数"
        if "number" in message or "float" in message:
            return f"{hint} 的取值无效，应为数字"
        return f"{hint} 的取值无效"
    m = _REQUIRES.search(message)
    if m is not None:
        return f"选项 {m['opt']} 后面缺少取值"
    m = _NO_VALUE.search(message)
    if m is not None:
        return f"选项 {m['opt']} 不带取值"
    m = _NO_COMMAND.search(message)
    if m is not None:
        known = f"，可用命令：{'、'.join(commands)}" if commands else ""
        return f"没有命令“{m['name']}”{known}"
    m = _EXTRA.search(message)
    if m is not None:
        return f"多余的参数：{m['args']}"
    return "命令行用法有误"


def _command_path(exc: Exception, argv: Sequence[str], commands: Sequence[str]) -> str:
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", "")
    if path:
        return path
    sub = next((a for a in argv if a in commands), None)  # an option error raised before the context existed
    return f"jixiao {sub}" if sub else "jixiao"


def run(app: typer.Typer, argv: list[str] | None, prog_name: str = "jixiao") -> int:
    """Run the Typer ``app`` like ``app()`` does, but with Chinese one-line usage errors. Returns the exit code."""
    localise_help()
    cmd = typer.main.get_command(app)
    _localise_command(cmd)
    commands = sorted(getattr(cmd, "commands", {}) or {})
    try:
        rv = cmd.main(args=argv, prog_name=prog_name, standalone_mode=False)
    except Exception as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `jixiao` alone, `jixiao check` alone: show help
            with contextlib.suppress(BrokenPipeError):
                print(str(getattr(exc, "message", "") or exc), flush=True)
            return 0
        if type(exc).__name__ == "Abort":
            print("jixiao：已中断", file=sys.stderr, flush=True)
            return 130
        if getattr(exc, "exit_code", None) is None or not hasattr(exc, "format_message"):
            raise
        path = _command_path(exc, sys.argv[1:] if argv is None else argv, commands)
        line = f"jixiao：{usage_message(exc, commands)}（用 {path} --help 查看用法）"
        print(line.replace("\n", " "), file=sys.stderr, flush=True)
        return EXIT_USAGE
    return rv if isinstance(rv, int) else 0

