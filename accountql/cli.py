"""The `accountql` command: serve, migrate, export-schema, outbox, makemigrations."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import shutil
import signal
import sys
import tempfile
from typing import NoReturn

from tortoise.exceptions import DBConnectionError, OperationalError

from accountql import address, db, logs, migrating
from accountql.config import ConfigError, Settings, load_settings, redacted_url

log = logging.getLogger("accountql")


def _on_the_database(settings: Settings, action, *, migrating: bool = False) -> None:
    """asyncio.run(action()), where a database that cannot be reached, or has no tables
    yet, is one line that says what to do rather than a traceback."""
    where = redacted_url(settings.database_url)
    try:
        asyncio.run(action())
    except OperationalError as error:
        detail = " ".join(str(error).split())  # PostgreSQL's DETAIL lines: still one line
        if "no such table" in detail or ("relation" in detail and "does not exist" in detail):
            raise ConfigError(f"the database at {where} has no tables yet ({detail}): run accountql migrate") from None
        if not migrating:
            raise  # a query that failed: a bug to show in full, not a setting to fix
        raise _cannot_use(where, detail) from None
    except BrokenPipeError:
        raise  # an OSError too, but of stdout's reader: main handles it
    except (OSError, DBConnectionError) as error:
        raise _cannot_use(where, " ".join(str(error).split())) from None


def _cannot_use(where: str, detail: str) -> ConfigError:
    return ConfigError(
        f"cannot use the database at {where} ({detail}): "
        "check ACCOUNTQL_DATABASE_URL, that the server runs and that the database exists"
    )


def _migrate(settings: Settings) -> None:
    async def run() -> None:
        try:
            await migrating.apply_migrations(settings.database_url, progress=lambda line: log.info(line))
        finally:
            await db.close_db()

    log.info("applying pending migrations to %s", redacted_url(settings.database_url))
    _on_the_database(settings, run, migrating=True)
    log.info("database schema is up to date")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    # First: when it cannot listen, nothing is written (a development key, a database).
    address.check(args.host, args.port)
    settings = load_settings()
    address.links_follow_this_server(args.host, args.port)
    if not args.no_migrate:
        _migrate(settings)
    if args.workers > 1 and not os.environ.get("ACCOUNTQL_SECRET_KEY"):
        # Every worker must sign and check tokens with the same key.
        os.environ["ACCOUNTQL_SECRET_KEY"] = settings.secret_key
    where = f"http://{args.host}:{args.port}/graphql"
    log.info("serving on %s%s", where, " (GraphiQL in a browser)" if settings.graphiql else "")
    # uvicorn answers SIGTERM by finishing the requests in flight, then raising the signal
    # again once its own handler is gone, which kills the process with status -15. A
    # stop that went as planned is status 0 for a service manager: this handler is the
    # one the signal meets then, and it lets serve return.
    signal.signal(signal.SIGTERM, lambda signum, frame: log.info("stopped on SIGTERM"))
    with _metrics_shared_by(args.workers):
        uvicorn.run(
            "accountql.cli:asgi_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            # The app reads X-Forwarded-For itself, from ACCOUNTQL_TRUSTED_PROXIES only.
            proxy_headers=False,
            server_header=False,
            log_level=args.log_level,
            # Applied in every worker process: JSON lines or text, uvicorn's lines included.
            log_config=logs.logging_config(settings.log_format, args.log_level),
            timeout_graceful_shutdown=settings.shutdown_timeout,
        )


@contextlib.contextmanager
def _metrics_shared_by(workers: int):
    """With several workers, a directory where each writes its metrics, so that a scrape
    answered by any of them counts them all (accountql/metrics.py). It is new for every
    start: counts of an earlier run must not add up with this one's. A directory named in
    PROMETHEUS_MULTIPROC_DIR already is used as it is."""
    if workers == 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        yield
        return
    folder = tempfile.mkdtemp(prefix="accountql-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder  # inherited by the workers
    try:
        yield
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def asgi_app():
    """The app of one server process (uvicorn's factory)."""
    from accountql.app import create_app

    settings = load_settings()
    if not logging.getLogger().handlers:  # not started by `accountql serve`, which set it up
        logs.configure(settings.log_format)
    return create_app(settings)


def cmd_migrate(args: argparse.Namespace) -> None:
    _migrate(load_settings())


def cmd_export_schema(args: argparse.Namespace) -> None:
    from accountql.schema.schema import build_schema

    sys.stdout.write(build_schema().as_str() + "\n")


def cmd_housekeeping(args: argparse.Namespace) -> None:
    """Delete now what is past retention (a running server does it every hour too)."""
    from accountql import retention

    async def action(settings) -> None:
        print("Deleting what is past retention, in batches:", flush=True)
        totals = await retention.sweep(settings, progress=lambda line: print(f"  {line}", flush=True))
        print(f"Done: {sum(totals.values())} rows deleted.")

    _run_with_database(action)


def cmd_rotate_keys(args: argparse.Namespace) -> None:
    """Seal again under the newest key what older keys sealed (the second step of a key
    rotation: docs/deployment.md)."""
    from accountql import rotation

    async def action(settings) -> None:
        if not settings.previous_secret_keys:
            print(
                "accountql: ACCOUNTQL_SECRET_KEY holds one key, so there is nothing to rotate: put the "
                "new key first and the old one after it (new,old), restart the servers, then run this.",
                file=sys.stderr,
            )
            sys.exit(2)
        print("Sealing TOTP secrets and waiting messages again under the newest key, in batches:", flush=True)
        totals = await rotation.reseal(settings, progress=lambda line: print(f"  {line}", flush=True))
        print(
            f"Done: {sum(totals.values())} values sealed again. API keys move to the new key as they are "
            "used; keep the old key listed while backup codes and API keys made before the rotation "
            "must keep working."
        )

    _run_with_database(action)


def cmd_outbox(args: argparse.Namespace) -> None:
    """List the newest outgoing messages, for instance the links mailed in development."""
    from accountql import outbox
    from accountql.auth import sealing
    from accountql.models import OutboxMessage

    settings = load_settings()
    sealing.configure(settings.secret_keys)

    async def run() -> None:
        await db.init_db(settings.database_url)
        try:
            messages = await OutboxMessage.all().order_by("-created_at").limit(args.limit)
            if not messages:
                print("The outbox is empty.")
            for message in messages:
                print(f"--- {message.created_at:%Y-%m-%d %H:%M:%S} UTC  {message.status}  to {message.recipient}")
                print(f"Subject: {message.subject}\n\n{outbox.body_of(message)}\n")
        finally:
            await db.close_db()

    _on_the_database(settings, run)


def _run_with_database(action) -> None:
    """Run `action()` (a coroutine function) against the configured database; a refusal
    of the domain (an ApiError) is one line and exit status 1."""
    from accountql.auth import sealing
    from accountql.errors import ApiError

    settings = load_settings()
    sealing.configure(settings.secret_keys)

    async def run() -> None:
        await db.init_db(settings.database_url)
        try:
            await action(settings)
        finally:
            await db.close_db()

    try:
        _on_the_database(settings, run)
    except ApiError as error:
        print(f"accountql: {error.message}", file=sys.stderr)
        sys.exit(1)


def cmd_staff(args: argparse.Namespace) -> None:
    from accountql.domain import staff

    async def action(settings) -> None:
        user = await staff.set_staff(args.email, args.change == "grant")
        print(f"{user.email} is {'now' if user.is_staff else 'no longer'} platform staff.")

    _run_with_database(action)


def cmd_users(args: argparse.Namespace) -> None:
    from accountql.domain import staff

    async def action(settings) -> None:
        if args.change == "reset-mfa":
            user = await staff.reset_mfa(args.email, args.reason)
            print(f"Turned MFA off for {user.email}, ended its sessions and told the user.")
        else:
            user = await staff.change_email(settings, args.email, args.new_email, args.reason)
            print(
                f"{args.email} is now {user.email}; its sessions ended, both addresses were told, "
                "and the new one was sent a link to verify it."
            )

    _run_with_database(action)


def cmd_makemigrations(args: argparse.Namespace) -> None:
    """Write a migration for model changes into migrations/ (for developers)."""
    from tortoise import Tortoise
    from tortoise.migrations.autodetector import MigrationAutodetector

    async def run() -> None:
        config = db.tortoise_config("sqlite://:memory:")
        await Tortoise.init(config=config)
        try:
            writers = await MigrationAutodetector(Tortoise.apps, config["apps"]).changes()
            if not writers:
                print("No model changes: no migration written.")
            elif args.check:
                names = ", ".join(writer.name for writer in writers)
                print(f"The models changed without a migration ({names}): run accountql makemigrations.")
                raise SystemExit(1)
            for writer in writers:
                if args.name:
                    number = writer.name.split("_", 1)[0]
                    writer.name = f"{number}_{args.name}"
                print(f"Wrote {writer.write()}")
        finally:
            await db.close_db()

    asyncio.run(run())


def _configure_logging() -> None:
    # Read before the settings are (serve checks the value): a migration's lines, logged
    # before the server starts, come in the same format as the server's.
    wanted = os.environ.get("ACCOUNTQL_LOG_FORMAT", "").strip().lower()
    logs.configure("json" if wanted == "json" else "text")


class _Parser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr that names it and points at --help
    (argparse prints the usage first, which buries the message), and status 2."""

    def error(self, message: str) -> NoReturn:
        message = " ".join(message.split())
        sys.stderr.write(f"accountql: {message} (see {self.prog} --help)\n")
        sys.exit(2)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number: use 1 to 65535")
    return int(text)


def _at_least_one(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


# uvicorn's log levels (uvicorn.config.LOG_LEVELS), named here so that argparse checks them
# without importing uvicorn for every command.
LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


def _parser() -> _Parser:
    parser = _Parser(prog="accountql", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="Apply pending migrations, then serve the API.")
    serve.add_argument("--host", default="127.0.0.1", help="The address to listen on (default: 127.0.0.1).")
    serve.add_argument("--port", type=_port, default=8000, help="The port to listen on, 1 to 65535 (default: 8000).")
    serve.add_argument("--workers", type=_at_least_one, default=1, help="Server processes (default: 1).")
    serve.add_argument(
        "--no-migrate", action="store_true",
        help="Do not apply migrations first: for deployments that run `accountql migrate` "
        "as a separate step, before starting the servers.",
    )
    serve.add_argument("--log-level", type=str.lower, choices=LOG_LEVELS, default="info", help="uvicorn's log level (default: info).")
    serve.set_defaults(func=cmd_serve)

    commands.add_parser("migrate", help="Apply pending migrations.").set_defaults(func=cmd_migrate)
    commands.add_parser("export-schema", help="Print the GraphQL SDL.").set_defaults(
        func=cmd_export_schema
    )
    commands.add_parser(
        "housekeeping", help="Delete what is past retention now (sessions, links, old messages, attempts, events)."
    ).set_defaults(func=cmd_housekeeping)
    commands.add_parser(
        "rotate-keys", help="After a new secret key was put first: seal again what older keys sealed."
    ).set_defaults(func=cmd_rotate_keys)
    outbox = commands.add_parser("outbox", help="List the newest outgoing messages.")
    outbox.add_argument("--limit", type=_at_least_one, default=20, help="How many (default: 20).")
    outbox.set_defaults(func=cmd_outbox)
    staff = commands.add_parser("staff", help="Grant or revoke the platform staff flag.")
    staff.add_argument("change", choices=["grant", "revoke"])
    staff.add_argument("email")
    staff.set_defaults(func=cmd_staff)
    users = commands.add_parser("users", help="Recover an account after an identity check.")
    user_commands = users.add_subparsers(dest="change", required=True)
    reset = user_commands.add_parser("reset-mfa", help="Turn MFA off and end every session.")
    reset.add_argument("email")
    reset.add_argument("--reason", required=True, help="How the identity was checked.")
    move = user_commands.add_parser("change-email", help="Move an account to a new address.")
    move.add_argument("email")
    move.add_argument("new_email")
    move.add_argument("--reason", required=True, help="How the identity was checked.")
    users.set_defaults(func=cmd_users)
    make = commands.add_parser("makemigrations", help="Write a migration for model changes.")
    make.add_argument("--name", help="A name for the migration, e.g. add_api_keys.")
    make.add_argument("--check", action="store_true", help="Only say whether one is needed.")
    make.set_defaults(func=cmd_makemigrations)
    for group in (commands, user_commands):
        for command in group.choices.values():
            command.set_defaults(parser=command)
    return parser


def main(argv: list[str] | None = None) -> None:
    try:
        try:
            _run(argv)
        finally:
            # Flushed here (also on sys.exit, and after --help) so that a reader that has
            # gone away shows while the handler below can still act on it.
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader left (`accountql outbox | head -1`): as the Python documentation
        # recommends, point stdout at devnull so that the interpreter's own last flush does
        # not fail again, and exit without a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def _run(argv: list[str] | None) -> None:
    args, unknown = _parser().parse_known_args(argv)
    if unknown:
        # Said by the (sub)command that was given, so that its --help is the one named.
        args.parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    _configure_logging()
    try:
        args.func(args)
    except ConfigError as error:
        print(f"accountql: {error}", file=sys.stderr)
        sys.exit(2)
    except migrating.MigrationError as error:
        print(f"accountql: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
