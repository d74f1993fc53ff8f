"""Loaded by every Python process the no-network tests start (through PYTHONPATH): each attempt to
reach a network address (connect, sendto, name lookup) is written to $JIXIAO_NET_LOG and refused.
Local sockets (AF_UNIX, socketpair: multiprocessing's pipes) are left alone."""

from __future__ import annotations

import os
import socket

_LOG = os.environ.get("JIXIAO_NET_LOG", "")
_NET = {socket.AF_INET, socket.AF_INET6}


def _record(what: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {what}\n")


def _guard(name: str):
    original = getattr(socket.socket, name)

    def guarded(self, *args, **kwargs):
        if self.family in _NET:
            _record(f"{name} {args[:1]!r}")
            raise OSError(101, "network blocked by the jixiao no-network test")
        return original(self, *args, **kwargs)

    return guarded


for _name in ("connect", "connect_ex", "sendto"):
    setattr(socket.socket, _name, _guard(_name))

_getaddrinfo = socket.getaddrinfo


def _blocked_getaddrinfo(host, *args, **kwargs):
    if host not in (None, "localhost", "127.0.0.1", "::1"):
        _record(f"getaddrinfo {host!r}")
        raise socket.gaierror(-3, "name lookup blocked by the jixiao no-network test")
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _blocked_getaddrinfo
