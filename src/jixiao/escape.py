"""Text from documents and file names, made safe to show on a terminal.

A report's title, a unit's name or a file name can hold control characters: ``ESC [2J`` clears the
screen, ``ESC ] 0;…BEL`` sets the window title, ``ESC ] 52;c;…`` writes the clipboard, a C1 ``CSI``
(U+009B) does the same as ``ESC [`` on many terminals, and the bidirectional overrides (U+202E …)
make a line read differently from what it holds. Shown raw, they act on the reviewer's terminal.
``escape_controls`` shows each one as a visible escape (``\\x1b``, ``\\x9b``, ``\\u202e``) so the
text stays readable and nothing acts. JSON output is escaped by ``json_safe``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

# C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings/overrides/isolates,
# line and paragraph separators.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")
_CONTROLS_ALL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")
# What json.dumps(ensure_ascii=False) leaves raw although a terminal may act on it.
_JSON_RAW = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, keep_newlines: bool = True) -> str:
    """``text`` with every control character shown as an escape (tab and newline kept when
    ``keep_newlines``)."""
    pattern = _CONTROLS if keep_newlines else _CONTROLS_ALL
    return pattern.sub(_visible, text) if pattern.search(text) else text


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the characters it left raw that a
    terminal may act on written as ``\\uXXXX`` escapes: the same JSON value, inert on a terminal."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _JSON_RAW.search(text) else text


T = TypeVar("T")


def escaped_copy(obj: T) -> T:
    """A copy of ``obj`` (dataclasses, lists, tuples, dicts) whose strings are ``escape_controls``-ed;
    ``obj`` itself when it holds nothing to escape."""
    return _copy(obj)  # type: ignore[no-any-return]


def _copy(obj: Any) -> Any:
    if isinstance(obj, str):
        return escape_controls(obj)
    if isinstance(obj, list):
        items = [_copy(x) for x in obj]
        return obj if all(a is b for a, b in zip(items, obj, strict=True)) else items
    if isinstance(obj, tuple) and not hasattr(obj, "_fields"):
        items = [_copy(x) for x in obj]
        return obj if all(a is b for a, b in zip(items, obj, strict=True)) else tuple(items)
    if isinstance(obj, dict):
        pairs = {_copy(k): _copy(v) for k, v in obj.items()}
        same = len(pairs) == len(obj) and all(k in obj and obj[k] is v for k, v in pairs.items())
        return obj if same else pairs
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            if not f.init:
                continue
            value = getattr(obj, f.name)
            new = _copy(value)
            if new is not value:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj
    return obj


__all__ = ["escape_controls", "escaped_copy", "json_safe"]
