"""What bench_server.py needs besides load: seeding a large organization by bulk SQL, the
argon2 floor, and a process's memory. Kept apart so that bench_server.py stays about the
load and its report."""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from pathlib import Path

PASSWORD = "correct horse battery staple"

# A random UUID in SQLite's own SQL (version 4 layout, as Python's str(uuid4()) writes it).
SQLITE_UUID = (
    "lower(hex(randomblob(4))||'-'||hex(randomblob(2))||'-4'||substr(hex(randomblob(2)),2)"
    "||'-a'||substr(hex(randomblob(2)),2)||'-'||hex(randomblob(6)))"
)


def seed_members(database: Path, organization_id: str, members: int) -> float:
    """Add `members` users and their memberships of the organization in two statements
    (a recursive CTE): seconds taken. Times are written as Tortoise writes them on SQLite
    (str() of an aware datetime), one second apart, so that pages are in a known order."""
    started = time.perf_counter()
    connection = sqlite3.connect(database, timeout=30)
    try:
        connection.execute("PRAGMA busy_timeout = 30000")
        with connection:
            connection.execute(
                f"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO user_account (id, email, email_verified, name, password_hash, created_at,
                    password_changed_at, mfa_enabled, mfa_required, mfa_method, login_notifications, is_staff)
                SELECT {SQLITE_UUID}, 'member' || i || '@bench.invalid', 1, 'Member ' || i, '-',
                    '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', 0, 0, 'TOTP', 0, 0
                FROM n""",
                (members,),
            )
            connection.execute(
                f"""
                INSERT INTO membership (id, user_id, organization_id, role, created_at)
                SELECT {SQLITE_UUID}, id, ?, 'MANAGER',
                    strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || rowid || ' seconds') || '+00:00'
                FROM user_account WHERE email LIKE 'member%@bench.invalid'""",
                (organization_id,),
            )
            connection.execute("ANALYZE")
    finally:
        connection.close()
    return time.perf_counter() - started


def argon2_verify_seconds(rounds: int = 15) -> float:
    """The median wall time of one password check with the server's argon2id parameters
    (the median: the machine is shared, and a descheduled round says nothing of argon2)."""
    from accountql.auth import passwords

    hasher = passwords.hasher()
    stored = hasher.hash(PASSWORD)
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        hasher.verify(stored, PASSWORD)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def argon2_threads(environment: dict) -> int:
    """How many threads of the server hash at once: its ACCOUNTQL_ARGON2_THREADS, else
    what the server picks (one per core), and never more than the cores."""
    from accountql.auth import passwords

    if not hasattr(passwords, "default_threads"):
        return cores()  # a server before 0.2.0 hashed in the loop's executor: every core
    configured = int(environment.get("ACCOUNTQL_ARGON2_THREADS") or 0)
    return min(configured or passwords.default_threads(), passwords.available_cores())


def rss_megabytes(pid: int) -> float | None:
    """Resident memory of a process (VmRSS), in MB; None when /proc cannot tell."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def worker_pids(pid: int) -> list[int]:
    """The process and its children: `accountql serve --workers 1` may serve in a child."""
    pids = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            children = (task / "children").read_text().split()
            pids.extend(int(child) for child in children)
    except OSError:
        pass
    return pids


def worker_rss_megabytes(pid: int) -> float | None:
    """The largest resident memory among the server process and its children."""
    sizes = [size for size in map(rss_megabytes, worker_pids(pid)) if size is not None]
    return max(sizes) if sizes else None


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
