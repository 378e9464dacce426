"""Network guard, loaded by every Python process the test command starts (it is put on PYTHONPATH).

Any connection to a non-loopback address -- or a name lookup of a non-local host -- is refused with
an OSError and recorded in $LABS_NETGUARD_LOG; conftest.py (repository root) fails the pytest run if that file is
not empty at the end. Loopback stays open, so Jupyter kernels still talk to nbval.
"""

import ipaddress
import os
import socket

_LOG = os.environ.get("LABS_NETGUARD_LOG")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _is_local(host) -> bool:
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in _LOCAL_NAMES:
        return True
    try:
        addr = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False  # a host name other than localhost
    return addr.is_loopback or addr.is_unspecified


def _refuse(what: str):
    if _LOG:
        with open(_LOG, "a") as fh:
            fh.write(f"pid {os.getpid()}: {what}\n")
    raise OSError(f"labs network guard: refused {what} (the offline profiles must not use the network)")


def _wrap_connect(original):
    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            _refuse(f"connect to {address!r}")
        return original(self, address)

    return guarded


_getaddrinfo = socket.getaddrinfo


def _guarded_getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        _refuse(f"name lookup of {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


if _LOG:
    socket.socket.connect = _wrap_connect(socket.socket.connect)
    socket.socket.connect_ex = _wrap_connect(socket.socket.connect_ex)
    socket.getaddrinfo = _guarded_getaddrinfo
