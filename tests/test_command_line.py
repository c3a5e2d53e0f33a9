"""The `accountql` command as a person meets it: a mistake on the command line or in the
environment is one line on stderr that says what to do, status 2, never a traceback."""

from __future__ import annotations

import subprocess

import pytest

from accountql.config import redacted_url
from tests.test_live_server import ACCOUNTQL, environment


def accountql(*args: str, cwd=None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*ACCOUNTQL, *args], cwd=cwd, env=environment(**env), capture_output=True, text=True, timeout=60
    )


def the_one_error_line(result: subprocess.CompletedProcess) -> str:
    """The `accountql: ...` line that ends stderr (log lines of what was tried may precede it)."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("accountql: ")]
    assert len(errors) == 1 and result.stderr.strip().endswith(errors[0]), result.stderr
    return errors[0]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgres://postgres@host/db", "postgres://postgres@host/db"),
        ("postgres://u:secret@h/db", "postgres://u:***@h/db"),
        ("postgresql://u:secret@h:5433/db?ssl=require", "postgresql://u:***@h:5433/db?ssl=require"),
        ("postgres://u:se@c/ret@h/db", "postgres://u:***@h/db"),
        ("postgres://u:@h/db", "postgres://u:@h/db"),
        ("postgres://h/db", "postgres://h/db"),
        ("postgres://u@h/db?sslmode=require&password=secret", "postgres://u@h/db?sslmode=require&password=***"),
        ("sqlite://accountql.sqlite3", "sqlite://accountql.sqlite3"),
        ("sqlite:///srv/me@work/accountql.sqlite3", "sqlite:///srv/me@work/accountql.sqlite3"),
    ],
)
def test_redacted_url_hides_a_password_and_invents_none(url, shown):
    assert redacted_url(url) == shown


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgres://postgres@127.0.0.1:1/none", "postgres://postgres@127.0.0.1:1/none"),
        ("postgres://u:secret@127.0.0.1:1/none", "postgres://u:***@127.0.0.1:1/none"),
    ],
)
def test_the_database_url_in_logs_and_errors_has_no_password(tmp_path, url, shown):
    result = accountql("migrate", cwd=tmp_path, ACCOUNTQL_DATABASE_URL=url, ACCOUNTQL_SECRET_KEY="d" * 48)
    line = the_one_error_line(result)
    assert f"cannot use the database at {shown} (" in line
    assert f"applying pending migrations to {shown}\n" in result.stderr
    assert "secret" not in result.stderr
    assert result.stderr.count("***") == (2 if "***" in shown else 0)
