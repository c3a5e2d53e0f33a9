"""The `accountql` command as a person meets it: a mistake on the command line or in the
environment is one line on stderr that says what to do, status 2, never a traceback."""

from __future__ import annotations

import os
import re
import socket
import subprocess
from pathlib import Path

import pytest

from accountql.config import redacted_url
from tests.test_live_server import ACCOUNTQL, environment, free_port


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


@pytest.mark.parametrize(
    ("args", "problem", "help_of"),
    [
        (["serve", "--port", "99999"], "argument --port: '99999' is not a port number: use 1 to 65535", "accountql serve"),
        (["serve", "--port", "0"], "argument --port: '0' is not a port number", "accountql serve"),
        (["serve", "--log-level", "nonsense"], "argument --log-level: invalid choice: 'nonsense'", "accountql serve"),
        (["serve", "--workers", "0"], "argument --workers: '0' is not a whole number of 1 or more", "accountql serve"),
        (["serve", "--prot", "8001"], "unrecognized arguments: --prot 8001", "accountql serve"),
        (["outbox", "--limit", "-5"], "argument --limit", "accountql outbox"),
        (["users", "reset-mfa", "ada@example.com"], "the following arguments are required: --reason", "accountql users reset-mfa"),
        (["serv"], "argument command: invalid choice: 'serv'", "accountql"),
        ([], "the following arguments are required: command", "accountql"),
    ],
)
def test_a_wrong_argument_is_one_line_and_status_2(tmp_path, args, problem, help_of):
    result = accountql(*args, cwd=tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/a.sqlite3")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"accountql: {problem}")
    assert result.stderr.endswith(f"(see {help_of} --help)\n")
    assert not (tmp_path / "a.sqlite3").exists()


def test_serve_on_a_port_in_use_says_so_before_writing_anything(tmp_path):
    with socket.socket() as other_server:
        other_server.bind(("127.0.0.1", 0))
        other_server.listen()
        port = other_server.getsockname()[1]
        result = accountql("serve", "--port", str(port), cwd=tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/p.sqlite3")
    line = the_one_error_line(result)
    assert line == f"accountql: port {port} is in use on 127.0.0.1: stop the other server or pass --port"
    assert result.stderr == line + "\n"
    assert not list(tmp_path.iterdir())  # neither a database nor a development key


def test_serve_on_an_address_of_another_machine_says_which_to_use(tmp_path):
    # 192.0.2.0/24 is TEST-NET-1: documentation only, never an address of this machine.
    result = accountql("serve", "--host", "192.0.2.1", cwd=tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/h.sqlite3")
    assert "192.0.2.1 is not an address of this machine: pass --host 127.0.0.1" in the_one_error_line(result)


@pytest.mark.parametrize(
    ("variable", "problem"),
    [
        ("ACCOUNTQL_SMTP_ULR", "ACCOUNTQL_SMTP_ULR is not a setting: did you mean ACCOUNTQL_SMTP_URL? (unset it, or fix its name)"),
        ("ACCOUNTQL_DATABASE", "ACCOUNTQL_DATABASE is not a setting: did you mean ACCOUNTQL_DATABASE_URL?"),
        ("ACCOUNTQL_MAX_DEPTH", "ACCOUNTQL_MAX_DEPTH is not a setting: did you mean ACCOUNTQL_MAX_QUERY_DEPTH?"),
        ("accountql_app_url", "accountql_app_url is not a setting: did you mean ACCOUNTQL_APP_URL?"),
        ("ACCOUNTQL_COLOUR", "ACCOUNTQL_COLOUR is not a setting: unset it"),
    ],
)
@pytest.mark.parametrize("command", ["serve", "migrate"])
def test_a_misspelled_setting_stops_the_command_with_the_name_it_resembles(tmp_path, variable, problem, command):
    args = ["serve", "--port", str(free_port())] if command == "serve" else ["migrate"]
    result = accountql(*args, cwd=tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/s.sqlite3", **{variable: "x"})
    assert the_one_error_line(result).startswith(f"accountql: {problem}")
    # Stopped before anything was written: no database, no generated key.
    assert not list(tmp_path.iterdir())


def test_the_variables_of_the_tests_and_of_ci_are_not_mistaken_for_settings(tmp_path):
    result = accountql(
        "migrate", cwd=tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/t.sqlite3",
        ACCOUNTQL_TEST_DATABASE_URL="postgres://postgres@127.0.0.1/elsewhere",
        ACCOUNTQL_CI_POSTGRES="postgres://postgres@127.0.0.1:5432",
    )
    assert result.returncode == 0, result.stderr


def test_every_accountql_variable_the_tooling_sets_is_allowed():
    """CI sets ACCOUNTQL_TEST_REQUIRE_TYPESCRIPT for the TypeScript example's step, and the
    servers that step starts inherit it: a name missing from the lists stopped them as a
    misspelled setting. The misspellings that test_command_line tries on purpose aside."""
    from accountql import config

    root = Path(__file__).resolve().parent.parent
    sources = [root / ".ci" / "run", *(root / "tests").glob("*.py"), *(root / "bench").glob("*.py"),
               *(root / "clients" / "typescript").glob("*.ts"), *(root / "clients" / "typescript" / "scripts").glob("*"),
               *(root / "frontend").glob("*.ts"), *(root / "frontend" / "scripts").glob("*")]
    named = {n for source in sources if source.is_file() for n in re.findall(r"\bACCOUNTQL_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_*])", source.read_text())}
    deliberate = {"ACCOUNTQL_SMTP_ULR", "ACCOUNTQL_DATABASE", "ACCOUNTQL_COLOUR", "ACCOUNTQL_MAX_DEPTH"}
    accepted = set(re.findall(r'"(ACCOUNTQL_[A-Z0-9_]+)"', Path(config.__file__).read_text()))
    assert sorted(named - deliberate - accepted) == []


def test_every_setting_that_config_names_is_one_that_load_settings_reads(tmp_path, monkeypatch):
    """Guards the one list: a setting read only under some condition would be refused as
    misspelled whenever that condition does not hold."""
    from accountql import config

    for name in [n for n in os.environ if n.startswith("ACCOUNTQL_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/n.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "n" * 48)
    config.SETTING_NAMES.clear()
    config.load_settings()
    named = set(re.findall(r'"(ACCOUNTQL_[A-Z0-9_]+)"', Path(config.__file__).read_text()))
    assert named - set(config.NOT_SETTINGS) == config.SETTING_NAMES
    assert {"ACCOUNTQL_DATABASE_URL", "ACCOUNTQL_SECRET_KEY", "ACCOUNTQL_SMTP_URL", "ACCOUNTQL_APP_URL"} <= config.SETTING_NAMES


@pytest.mark.parametrize(
    "mail_from",
    ["AccountQL", "no-reply@", "AccountQL <no-reply>", "AccountQL <no-reply@example.com> and more",
     "a@example.com, b@example.com", "no-reply@example", "no reply@example.com"],
)
def test_mail_from_must_be_an_address(tmp_path, mail_from):
    result = accountql("migrate", cwd=tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/f.sqlite3", ACCOUNTQL_MAIL_FROM=mail_from)
    line = the_one_error_line(result)
    assert line.startswith(f"accountql: ACCOUNTQL_MAIL_FROM={mail_from!r} is not an e-mail address")
    assert line.endswith("use e.g. no-reply@example.com or AccountQL <no-reply@example.com>")


@pytest.mark.parametrize(
    "mail_from",
    ["no-reply@example.com", "AccountQL <no-reply@example.com>", '"Acme, Inc." <ops@example.com>',
     "<ops@example.com>", "AccountQL <no-reply@localhost>", "no-reply@localhost"],
)
def test_mail_from_takes_an_address_with_or_without_a_name(tmp_path, monkeypatch, mail_from):
    from accountql.config import load_settings

    for name in [n for n in os.environ if n.startswith("ACCOUNTQL_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/f.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "f" * 48)
    monkeypatch.setenv("ACCOUNTQL_MAIL_FROM", mail_from)
    assert load_settings().mail_from == mail_from


@pytest.mark.parametrize("args", [["outbox"], ["outbox", "--limit", "1"], ["export-schema"], ["serve", "--help"]])
def test_a_reader_that_went_away_ends_the_command_without_a_traceback(tmp_path, args):
    env = dict(ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/o.sqlite3", ACCOUNTQL_SECRET_KEY="o" * 48)
    assert accountql("migrate", cwd=tmp_path, **env).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -1` once it has its line: whatever comes next has nowhere to go
    try:
        result = subprocess.run(
            [*ACCOUNTQL, *args], cwd=tmp_path, env=environment(**env),
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    # 1, as the Python documentation's recipe exits; argparse's --help drops the output itself.
    assert result.returncode == (0 if "--help" in args else 1)


def test_outbox_piped_into_head(tmp_path):
    env = environment(ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/h.sqlite3", ACCOUNTQL_SECRET_KEY="h" * 48)
    subprocess.run([*ACCOUNTQL, "migrate"], cwd=tmp_path, env=env, capture_output=True, check=True, timeout=60)
    command = f"{' '.join(ACCOUNTQL)} outbox | head -1"
    result = subprocess.run(["sh", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (0, "The outbox is empty.\n", "")


def test_git_ignores_what_the_server_writes_by_default(tmp_path):
    """Every file a first `accountql migrate` leaves in a clean folder with no settings at
    all, and those the running server adds beside them (KYC images, SQLite's -wal and -shm)."""
    repository = Path(__file__).parent.parent
    if not (repository / ".git").exists():
        pytest.skip("not a git checkout")
    result = accountql("migrate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = [path.name for path in tmp_path.iterdir()]
    assert "accountql.sqlite3" in written and ".accountql-secret-key" in written
    paths = [*written, "accountql.sqlite3-wal", "accountql.sqlite3-shm", "kyc-documents/0f/a1b2c3.jpg"]
    checked = subprocess.run(
        ["git", "check-ignore", "--no-index", "--verbose", "--non-matching", *paths],
        cwd=repository, capture_output=True, text=True, timeout=60,
    )
    not_ignored = [line for line in checked.stdout.splitlines() if line.startswith("::")]
    assert checked.stdout and not not_ignored, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("args", "url", "problem"),
    [
        (["outbox"], "sqlite://{tmp}/never-migrated.sqlite3", "has no tables yet (no such table: outbox_message): run accountql migrate"),
        (["staff", "grant", "ada@example.com"], "sqlite://{tmp}/never-migrated.sqlite3", "has no tables yet"),
        (["outbox"], "postgres://postgres@127.0.0.1:1/none", "check ACCOUNTQL_DATABASE_URL, that the server runs"),
        (["users", "reset-mfa", "ada@example.com", "--reason", "passport seen on video"], "postgres://postgres@127.0.0.1:1/none", "cannot use the database at postgres://postgres@127.0.0.1:1/none"),
    ],
)
def test_a_command_on_a_database_it_cannot_use_says_what_to_do(tmp_path, args, url, problem):
    result = accountql(*args, cwd=tmp_path, ACCOUNTQL_DATABASE_URL=url.format(tmp=tmp_path), ACCOUNTQL_SECRET_KEY="u" * 48)
    assert problem in the_one_error_line(result)
