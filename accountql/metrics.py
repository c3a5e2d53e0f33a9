"""What the server counts for Prometheus: requests and latency per GraphQL operation, errors
per code, login outcomes, and, computed when scraped, the outbox backlog and the database
pool. web/metrics.py serves them on GET /metrics.

Label values are bounded, because every distinct value is a time series that Prometheus
keeps: operation names are the client's choice, so a name that is not a plain GraphQL name
is folded into one value, and past MAX_OPERATION_NAMES distinct names new ones are too.
One client address may bring in at most NAMES_PER_CLIENT of them: a single client sending
200 throw-away names would otherwise fill the set, and every operation of the real front
end would be counted as `other` until the process restarts.

With several workers (`accountql serve --workers N`) the command line points
PROMETHEUS_MULTIPROC_DIR at a fresh directory before the workers start: each worker then
writes its counts to files there, and a scrape, whichever worker answers it, adds up every
worker's (prometheus_client's multiprocess mode). That variable has to be set before
prometheus_client is imported, which is why the command line, not this module, sets it.
"""

from __future__ import annotations

import asyncio
import os
import re
from datetime import datetime

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from tortoise import connections
from tortoise.functions import Count, Min

from accountql import db
from accountql.auth.challenges import PendingMfa
from accountql.clock import now
from accountql.errors import ApiError

MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))

# Operation label values that are not a name the client chose.
ANONYMOUS = "anonymous"  # an operation without a name
# No operation ran: a refusal of the HTTP request, a document that does not parse, validate
# or keep to the limits, or GraphiQL's page.
NO_OPERATION = "none"
OTHER = "other"  # a name past the cap, or not a plain GraphQL name
MAX_OPERATION_NAMES = 200  # per process
NAMES_PER_CLIENT = 20  # new names one client address may add (a front end has a few dozen)
MAX_CLIENTS_REMEMBERED = 10_000  # past this, the oldest addresses are forgotten
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")

# The codes of the contract (docs/api.md); anything else is counted as OTHER.
ERROR_CODES = frozenset({
    "UNAUTHENTICATED", "FORBIDDEN", "MFA_REQUIRED", "NOT_FOUND", "BAD_USER_INPUT",
    "INVALID_CREDENTIALS", "INVALID_CODE", "CONFLICT", "RATE_LIMITED", "QUOTA_EXCEEDED",
    "EMAIL_NOT_VERIFIED", "REAUTHENTICATION_REQUIRED", "QUERY_TOO_COMPLEX", "BAD_REQUEST",
    "SERVICE_UNAVAILABLE", "INTERNAL_SERVER_ERROR",
})

REQUESTS = Counter(
    "accountql_graphql_requests", "HTTP requests to /graphql, by operation name and HTTP status.",
    ["operation", "status"],
)
LATENCY = Histogram(
    "accountql_graphql_request_duration_seconds",
    "Time from receiving a /graphql request to the end of its answer, by operation name.",
    ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ERRORS = Counter("accountql_graphql_errors", "GraphQL errors answered, by extensions.code.", ["code"])
LOGINS = Counter(
    "accountql_logins",
    "Login attempts by method (password, magic_link, mfa) and outcome (success, mfa_challenge, "
    "invalid_credentials, invalid_code, rate_limited, unavailable, error).",
    ["method", "outcome"],
)
# Per process, summed over the live workers when there are several.
POOL_IN_USE = Gauge(
    "accountql_database_connections_in_use",
    "PostgreSQL connections of the pool lent to a request or job right now (0 on SQLite).",
    multiprocess_mode="livesum",
)
POOL_OPEN = Gauge(
    "accountql_database_connections_open",
    "PostgreSQL connections the pool holds open, idle or not (0 on SQLite).",
    multiprocess_mode="livesum",
)

_names: set[str] = set()
_names_added_by: dict[str, int] = {}  # client address -> names it brought in (insertion order)


def operation_label(name: str | None, client: str | None = None) -> str:
    """The label value for an operation name: itself while few names have been seen, and
    while the client that first sends it has not brought in its share already."""
    if not name:
        return ANONYMOUS
    if name in _names:
        return name
    if not _NAME.fullmatch(name) or name in (ANONYMOUS, NO_OPERATION, OTHER) or len(_names) >= MAX_OPERATION_NAMES:
        return OTHER
    added = _names_added_by.get(client or "", 0)
    if added >= NAMES_PER_CLIENT:
        return OTHER
    _names_added_by[client or ""] = added + 1
    if len(_names_added_by) > MAX_CLIENTS_REMEMBERED:
        del _names_added_by[next(iter(_names_added_by))]
    _names.add(name)
    return name


def observe_request(operation: str, status: int, seconds: float, codes: list[str]) -> None:
    """One answered /graphql request; `operation` is already a label value."""
    REQUESTS.labels(operation, str(status)).inc()
    LATENCY.labels(operation).observe(seconds)
    for code in codes:
        ERRORS.labels(code if code in ERROR_CODES else "OTHER").inc()
    sample_pool()


async def counted_login(method: str, attempt):
    """Await a login (a coroutine) and count how it ended; its result or error passes on."""
    try:
        result = await attempt
    except ApiError as error:
        LOGINS.labels(method, error.code.lower()).inc()
        raise
    except Exception as error:
        LOGINS.labels(method, "unavailable" if db.is_unavailable(error) else "error").inc()
        raise
    LOGINS.labels(method, "mfa_challenge" if isinstance(result, PendingMfa) else "success").inc()
    return result


def sample_pool() -> None:
    """Read how much of this process's PostgreSQL pool is in use (cheap: no query)."""
    try:
        pool = getattr(connections.get("default"), "_pool", None)
    except Exception:  # noqa: BLE001 - no database configured (yet)
        return
    if pool is None:
        return
    size, idle = pool.get_size(), pool.get_idle_size()
    POOL_OPEN.set(size)
    POOL_IN_USE.set(size - idle)


async def outbox_gauges(timeout: float = 2.0) -> CollectorRegistry:
    """The gauges that are read from the database at scrape time: the outbox backlog (the
    same whichever process answers, so not summed over workers) and whether the database
    answered. A database that does not answer in time gives accountql_database_up 0."""
    from accountql.models import OutboxMessage, OutboxStatus

    registry = CollectorRegistry()
    up = Gauge("accountql_database_up", "1 when the database answered this scrape's queries.", registry=registry)
    backlog = Gauge(
        "accountql_outbox_backlog", "Messages waiting to be sent (pending or being sent), by channel.",
        ["channel"], registry=registry,
    )
    oldest = Gauge(
        "accountql_outbox_oldest_message_age_seconds",
        "Age of the oldest message still waiting to be sent; 0 when none waits.", registry=registry,
    )
    waiting = OutboxMessage.filter(status__in=[OutboxStatus.PENDING, OutboxStatus.SENDING])
    try:
        async with asyncio.timeout(timeout):
            counts = await waiting.annotate(n=Count("id")).group_by("channel").values("channel", "n")
            first = await waiting.annotate(first=Min("created_at")).values("first")
    except Exception as error:  # noqa: BLE001 - a scrape reports the database down, never fails
        if not db.is_unavailable(error) and not isinstance(error, TimeoutError):
            raise
        up.set(0)
        return registry
    up.set(1)
    for channel in ("EMAIL", "SMS"):
        backlog.labels(channel).set(0)
    for row in counts:
        backlog.labels(row["channel"]).set(row["n"])
    started: datetime | None = first[0]["first"] if first else None
    if isinstance(started, str):  # SQLite hands an aggregate back as text
        started = datetime.fromisoformat(started)
    if started is not None and started.tzinfo is None:
        started = started.replace(tzinfo=now().tzinfo)
    oldest.set(max((now() - started).total_seconds(), 0) if started else 0)
    return registry


async def exposition() -> bytes:
    """The text a scrape reads: this process's (or every worker's) counts, then the gauges
    read from the database now."""
    sample_pool()
    if MULTIPROCESS:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY as registry
    return generate_latest(registry) + generate_latest(await outbox_gauges())


def process_stopped() -> None:
    """At shutdown: a stopped worker's gauges leave the sums (its counters stay counted)."""
    if MULTIPROCESS:
        multiprocess.mark_process_dead(os.getpid())
