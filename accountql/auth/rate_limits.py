"""Fixed-window rate limits whose counters live in the database.

A request takes its slot *before* the work it limits (a password check) and gives it back
when that work succeeds, so a burst of concurrent wrong guesses cannot all pass the check
before any of them is counted. One UPSERT statement both counts and reads, so it is atomic
on SQLite and PostgreSQL without locks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tortoise import connections

from accountql.clock import now
from accountql.db import placeholder
from accountql.errors import RateLimited


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int
    window_seconds: int


async def take(limit: Limit) -> int | None:
    """Count one use; None when it is within the limit, else the seconds until it resets."""
    current = now().timestamp()
    window_start = int(current)
    expired_before = window_start - limit.window_seconds
    p = placeholder
    sql = (
        "INSERT INTO rate_limit_counter (key, window_start, count) "
        f"VALUES ({p(1)}, {p(2)}, 1) "
        "ON CONFLICT (key) DO UPDATE SET "
        f"count = CASE WHEN rate_limit_counter.window_start <= {p(3)} THEN 1 "
        "ELSE rate_limit_counter.count + 1 END, "
        f"window_start = CASE WHEN rate_limit_counter.window_start <= {p(3)} THEN {p(2)} "
        "ELSE rate_limit_counter.window_start END "
        "RETURNING count, window_start"
    )
    values = [limit.key, window_start, expired_before]
    if p(1) == "?":  # SQLite numbers its markers by position, not by index
        values = [limit.key, window_start, expired_before, expired_before, window_start]
    # execute_query_dict: it fetches the RETURNING row on every backend.
    rows = await connections.get("default").execute_query_dict(sql, values)
    count, started = rows[0]["count"], rows[0]["window_start"]
    if count <= limit.limit:
        return None
    return max(1, math.ceil(started + limit.window_seconds - current))


async def give_back(limit: Limit) -> None:
    sql = (
        f"UPDATE rate_limit_counter SET count = count - 1 "
        f"WHERE key = {placeholder(1)} AND count > 0"
    )
    await connections.get("default").execute_query(sql, [limit.key])


async def take_all(limits: list[Limit], message: str) -> None:
    """Count one use against each limit; RATE_LIMITED (with the longest wait) if any is full.
    Uses that were counted are kept: a client that hammers a full limit stays limited."""
    waits = [wait for limit in limits if (wait := await take(limit)) is not None]
    if waits:
        retry_after = max(waits)
        raise RateLimited(f"{message} Try again in {retry_after} seconds.", retry_after)

