"""Fixed-window rate limits whose counters live in the database.

A request takes its slot *before* the work it limits (a password check) and gives it back
when that work succeeds, so a burst of concurrent wrong guesses cannot all pass the check
before any of them is counted. One UPSERT statement counts and reads every limit of a
request at once, so it is atomic on SQLite and PostgreSQL without locks.

Both statements touch their rows in the order of their keys: on PostgreSQL a request that
counts (account, address) while another gives (account, address) back would otherwise take
the two row locks in opposite orders and deadlock.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
from dataclasses import dataclass

from tortoise import connections

from accountql.clock import now
from accountql.db import placeholder
from accountql.errors import RateLimited


def address_bucket(ip_address: str) -> str:
    """What a per-address limit counts: the address, or for IPv6 its /64, which one
    client usually holds whole (it could otherwise hop between addresses at will)."""
    try:
        address = ipaddress.ip_address(ip_address)
    except ValueError:
        return ip_address
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int
    window_seconds: int


async def take(limits: list[Limit], message: str) -> None:
    """Count one use against each limit; RATE_LIMITED (with the longest wait) if any is full.
    Uses that were counted are kept: a client that hammers a full limit stays limited."""
    current = now().timestamp()
    started = int(current)
    values: list = []
    rows = []
    for limit in sorted(limits, key=lambda limit: limit.key):
        n = len(values)
        # Column 3 carries the window: a counter whose window has passed starts again at 1.
        rows.append(f"({placeholder(n + 1)}, {placeholder(n + 2)}, 1, {placeholder(n + 3)})")
        values += [limit.key, started, limit.window_seconds]
    sql = (
        "INSERT INTO rate_limit_counter (key, window_start, count, window_seconds) "
        f"VALUES {', '.join(rows)} "
        "ON CONFLICT (key) DO UPDATE SET "
        "count = CASE WHEN rate_limit_counter.window_start + excluded.window_seconds "
        "<= excluded.window_start THEN 1 ELSE rate_limit_counter.count + 1 END, "
        "window_start = CASE WHEN rate_limit_counter.window_start + excluded.window_seconds "
        "<= excluded.window_start THEN excluded.window_start "
        "ELSE rate_limit_counter.window_start END, "
        "window_seconds = excluded.window_seconds "
        "RETURNING key, count, window_start"
    )
    # execute_query_dict: it fetches the RETURNING rows on every backend.
    counted = await connections.get("default").execute_query_dict(sql, values)
    by_key = {limit.key: limit for limit in limits}
    waits = [
        max(1, math.ceil(row["window_start"] + by_key[row["key"]].window_seconds - current))
        for row in counted
        if row["count"] > by_key[row["key"]].limit
    ]
    if waits:
        retry_after = max(waits)
        raise RateLimited(f"{message} Try again in {retry_after} seconds.", retry_after)


async def limit_messages(settings, client, kind: str, recipient: str) -> None:
    """Every request for a message (link, code, notice): so many per recipient and per
    client address an hour; RATE_LIMITED past that."""
    key = hashlib.sha256(recipient.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()
    limits = [Limit(f"message:{kind}:to:{key}", settings.messages_per_recipient, 3600)]
    if client.ip_address:
        bucket = address_bucket(client.ip_address)
        limits.append(Limit(f"message:{kind}:ip:{bucket}", settings.messages_per_ip, 3600))
    await take(limits, "Too many messages were asked for.")


async def give_back(limits: list[Limit]) -> None:
    keys = sorted(limit.key for limit in limits)
    markers = ", ".join(placeholder(n + 1) for n in range(len(keys)))
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        # An UPDATE locks rows in whatever order it finds them: lock them by key first.
        rows = f"SELECT key FROM rate_limit_counter WHERE key IN ({markers}) ORDER BY key FOR UPDATE"
    else:  # SQLite has one writer at a time: no row locks to order
        rows = markers
    sql = f"UPDATE rate_limit_counter SET count = count - 1 WHERE key IN ({rows}) AND count > 0"
    await connection.execute_query(sql, keys)
