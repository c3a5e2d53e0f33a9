"""The ASGI application: POST /graphql (GraphiQL on GET when ACCOUNTQL_GRAPHIQL is on, CORS
for the origins of ACCOUNTQL_CORS_ORIGINS), GET /healthz, the console at /console (where /
and the paths of e-mailed links redirect), and the built front end's assets under
/static/assets/."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route, WebSocketRoute

from accountql import db, events, housekeeping, metrics, outage
from accountql.auth import passwords, sealing
from accountql.config import Settings
from accountql.delivery import Deliverer
from accountql.web import console, graphiql
from accountql.web import metrics as metrics_route
from accountql.web.cors import GraphQLCORS
from accountql.web.graphql_view import GraphQLView
from accountql.web.request_id import RequestIdMiddleware

log = logging.getLogger("accountql")


async def healthz(request: Request) -> JSONResponse:
    """200 when the database answers `SELECT 1` within two seconds, 503 otherwise."""
    if await db.database_answers():
        outage.current.answered()
        return JSONResponse({"status": "ok"})
    return JSONResponse({"status": "unavailable"}, status_code=503)


def create_app(settings: Settings, manage_database: bool = True) -> Starlette:
    """The app. With manage_database it opens the database and starts the outbox delivery
    worker on start-up, and stops both at shutdown; tests that open the database
    themselves pass False."""
    passwords.configure(settings.argon2_memory_kib, settings.argon2_time_cost, settings.argon2_threads)
    sealing.configure(settings.secret_keys)
    # Security events cross processes by PostgreSQL's LISTEN/NOTIFY; on SQLite they stay here.
    events.bus.use_postgres(db.postgres_credentials(settings.database_url))
    view = GraphQLView(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        if not manage_database:
            yield
            return
        outage.quiet_abandoned_failures(asyncio.get_running_loop())
        await db.init_db(
            settings.database_url,
            db.Timeouts(statement=settings.statement_timeout, connect=settings.connect_timeout),
        )
        deliverer = Deliverer(
            settings.smtp_url, settings.mail_from, settings.sms_url, log_instead=not settings.production
        )
        workers = [
            asyncio.create_task(deliverer.run(), name="outbox delivery"),
            asyncio.create_task(housekeeping.run(settings), name="housekeeping"),
        ]
        try:
            yield
        finally:
            # uvicorn gets here once the requests in flight are answered (or cut off at
            # ACCOUNTQL_SHUTDOWN_TIMEOUT).
            await asyncio.gather(*(_stop(worker) for worker in workers))
            await _release_leases(deliverer)
            await events.bus.close()
            await db.close_db()
            metrics.process_stopped()

    return Starlette(
        routes=[
            # Every method reaches the view, which answers the ones it refuses as GraphQL.
            # CORS guards /graphql alone: the pages and /healthz are not for other origins'
            # scripts, and a preflight to them answers as if CORS were off.
            Route("/graphql", view, middleware=[Middleware(GraphQLCORS, origins=settings.cors_origins)]),
            WebSocketRoute("/graphql", view),  # subscriptions (graphql-transport-ws)
            Route("/healthz", healthz, methods=["GET"]),
            Route(metrics_route.PATH, metrics_route.endpoint(settings), methods=["GET"]),
            # The console, a single-page app: every path under /console is its page.
            Route(console.PATH, console.page, methods=["GET"]),
            Route(console.PATH + "/{path:path}", console.page, methods=["GET"]),
            Route("/", console.to_console, methods=["GET"]),
            *[Route(path, console.to_console, methods=["GET"]) for path in console.MAILED_LINK_PATHS],
            # Hashed files only (scripts, styles, fonts, Monaco's workers); the pages that
            # use them are served by their own routes, with their security headers.
            Mount(graphiql.ASSETS_PATH, app=graphiql.Assets(), name="assets"),
        ],
        lifespan=lifespan,
        # Outermost: the id is set before anything else can log.
        middleware=[Middleware(RequestIdMiddleware, trusted_proxies=settings.trusted_proxies)],
    )


async def _stop(task: asyncio.Task, within: float = 5.0) -> None:
    """Cancel a background job, again and again until it ends: one cancellation of a send
    makes the SMTP client say QUIT and wait for the answer, which a stuck mail server
    never gives (STEP_TIMEOUT, 30 s, later). Given up on after `within` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not task.done() and loop.time() < deadline:
        task.cancel()
        await asyncio.wait([task], timeout=0.1)
    if task.done() and not task.cancelled() and task.exception() is not None:
        log.warning("%s ended with an error at shutdown: %s", task.get_name(), task.exception())


async def _release_leases(deliverer: Deliverer) -> None:
    """Messages this process claimed but did not finish sending go back to the outbox,
    due now, so another process sends them at once rather than when the claims run out."""
    try:
        released = await deliverer.release_leases()
    except Exception as error:  # noqa: BLE001 - shutdown goes on: the leases then run out
        log.warning("could not release outbox claims at shutdown (they run out by themselves): %s", error)
        return
    if released:
        log.info("released %d outbox message%s for another process to send", released, "" if released == 1 else "s")
