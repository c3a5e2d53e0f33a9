"""The address `accountql serve` listens on: checked before anything else starts, and
the default of the links in e-mails when ACCOUNTQL_APP_URL is not set."""

from __future__ import annotations

import errno
import logging
import os
import socket

from accountql.config import ConfigError

log = logging.getLogger("accountql")


def check(host: str, port: int) -> None:
    """Bind the address once, before migrating: uvicorn finds a port in use only after it
    has started the app, and reports it as a log line and status 1."""
    try:
        addresses = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise ConfigError(
            f"cannot listen on --host {host} ({error.strerror}): pass an address of this machine, "
            "e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)"
        ) from None
    for family, kind, protocol, _, address in addresses:
        with socket.socket(family, kind, protocol) as probe:
            # As uvicorn and asyncio bind: a port left in TIME_WAIT counts as free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                probe.bind(address)
            except OSError as error:
                raise ConfigError(_cannot_listen(host, port, error)) from None


def _cannot_listen(host: str, port: int, error: OSError) -> str:
    if error.errno == errno.EADDRINUSE:
        return f"port {port} is in use on {host}: stop the other server or pass --port"
    if error.errno == errno.EACCES:
        return f"port {port} needs privileges on {host}: pass a --port above 1023"
    if error.errno == errno.EADDRNOTAVAIL:
        return (
            f"{host} is not an address of this machine: pass --host 127.0.0.1 "
            "(this machine only) or --host 0.0.0.0 (every interface)"
        )
    return f"cannot listen on {host} port {port} ({error.strerror}): pass another --host or --port"


def links_follow_this_server(host: str, port: int) -> None:
    """Without ACCOUNTQL_APP_URL, e-mailed links point at this server (its landing pages
    answer them), at the port it listens on rather than a fixed 8000. The URL goes into
    the environment, where the app's load_settings reads it in this process and in every
    worker uvicorn starts; a value set by hand is left as it is, so it wins."""
    if os.environ.get("ACCOUNTQL_APP_URL", "").strip():
        return
    everywhere = host in ("", "0.0.0.0", "::")
    if everywhere:
        # Not an address to visit: name this machine's loopback of the same family.
        reachable = "[::1]" if host == "::" else "127.0.0.1"
    else:
        reachable = f"[{host}]" if ":" in host else host
    os.environ["ACCOUNTQL_APP_URL"] = f"http://{reachable}:{port}"
    if everywhere:
        log.info(
            "links in e-mails point at http://%s:%d, which works on this machine only: "
            "set ACCOUNTQL_APP_URL to the address people reach the server at",
            reachable, port,
        )
