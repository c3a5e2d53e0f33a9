"""The generated Python client (clients/python/accountql_client): the committed package is
what ariadne-codegen writes from schema.graphql and clients/operations/, and it walks the
README's whole way through a live `accountql serve` over HTTP, with mail really sent over
SMTP to aiosmtpd and real TOTP codes from pyotp."""

from __future__ import annotations

import asyncio
import importlib.util
import re
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pyotp
import pytest
from aiosmtpd.controller import Controller

from tests.messaging import Inbox
from tests.test_live_server import Server, free_port

CLIENTS_PYTHON = Path(__file__).resolve().parent.parent / "clients" / "python"


def _load(name: str, path: Path, package: bool = False):
    """Import a module from a file. The generated package is not installed into the suite's
    environment (it is a client of the server, not part of it), and putting clients/python
    on sys.path would also make its generate.py and scalars.py importable as top-level
    `generate` and `scalars` for every other test."""
    location = path / "__init__.py" if package else path
    spec = importlib.util.spec_from_file_location(
        name, location, submodule_search_locations=[str(path)] if package else None
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_load("accountql_client", CLIENTS_PYTHON / "accountql_client", package=True)

from accountql_client import (  # noqa: E402
    AcceptInvitationInput,
    AccountQLClient,
    ApiKeyAccess,
    ConfirmMfaEnrollmentInput,
    CreateApiKeyInput,
    CreateOrganizationInput,
    GraphQLClientGraphQLMultiError,
    InviteMemberInput,
    LogInInput,
    LogInLogInMfaChallenge,
    MfaMethod,
    RevokeApiKeyInput,
    RevokeSessionInput,
    Role,
    SignUpInput,
    VerifyEmailInput,
    VerifyMfaInput,
)

APP_URL = "https://console.example.com"
ADA, BOB = "ada@example.com", "bob@example.com"
ADA_PASSWORD, BOB_PASSWORD = "correct horse battery staple", "another good passphrase"


def test_the_committed_client_is_what_ariadne_codegen_generates(tmp_path):
    generate = _load("accountql_client_generate", CLIENTS_PYTHON / "generate.py")
    try:
        fresh = generate.generate_into(tmp_path)
    except generate.GenerationError as error:
        pytest.fail(str(error))
    found = generate.differences(fresh, generate.committed_package())
    assert not found, (
        "\n".join(found)
        + f"\nclients/python/accountql_client is not what schema.graphql and clients/operations/ generate:"
        f" run `{generate.REGENERATE}` and commit the result"
    )


def test_the_client_refuses_a_time_without_an_offset():
    # Sent as is, a naive time would reach the server with no offset and mean nothing;
    # the client's DateTime serializer (clients/python/scalars.py) says what to pass.
    key = CreateApiKeyInput(organizationId="1", name="ci", expiresAt=datetime(2030, 1, 1))
    with pytest.raises(Exception, match=r"no time zone.*datetime\.now\(timezone\.utc\)"):
        key.model_dump(mode="json")
    aware = CreateApiKeyInput(organizationId="1", name="ci", expiresAt=datetime(2030, 1, 1, tzinfo=timezone.utc))
    assert aware.model_dump(mode="json", by_alias=True)["expiresAt"] == "2030-01-01T00:00:00+00:00"


def error_code(raised: pytest.ExceptionInfo) -> str:
    errors = raised.value.errors
    assert len(errors) == 1, [e.original for e in errors]
    return errors[0].extensions["code"]


class Walk:
    """The live server, its SMTP inbox, and clients that each act as one device."""

    def __init__(self, server: Server, inbox: Inbox) -> None:
        self.server = server
        self.inbox = inbox
        self.clients: list[AccountQLClient] = []

    def client(self, device: str, token: str | None = None) -> AccountQLClient:
        """A generated client for one device: its own User-Agent (so its session can be told
        apart in me.sessions) and, once signed in, its bearer token."""
        headers = {"User-Agent": f"accountql-client-test ({device})"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        # A timeout above httpx's 5 s: password hashing on a busy CI machine takes its time.
        http = httpx.AsyncClient(headers=headers, timeout=30)
        client = AccountQLClient(url=f"{self.server.url}/graphql", headers=headers, http_client=http)
        self.clients.append(client)
        return client

    async def mail(self, address: str, pattern: str, what: str) -> tuple[object, re.Match]:
        """The newest message to `address` whose body matches; the outbox worker sends it
        within about a second, so wait a little longer than that."""
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            for message in reversed(self.inbox.to(address)):
                if match := re.search(pattern, message.get_content()):
                    return message, match
            await asyncio.sleep(0.1)
        received = [(m["To"], m["Subject"]) for m in self.inbox.messages]
        raise AssertionError(f"no {what} reached {address} over SMTP; received {received}:\n{self.server.log.read_text()}")

    async def close(self) -> None:
        for client in self.clients:
            await client.http_client.aclose()


async def wait_for_next_totp_step(after: float) -> None:
    """A TOTP code works once: the server refuses any code of a time step it has already
    accepted one from (the enrollment's). Sleep into the next 30-second step."""
    next_step_starts = (int(after) // 30 + 1) * 30
    await asyncio.sleep(max(0.0, next_step_starts - time.time()) + 0.05)


async def test_the_generated_client_walks_the_readme_on_a_live_server(tmp_path):
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    server = Server(
        tmp_path,
        ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/client.sqlite3",
        ACCOUNTQL_SECRET_KEY="c" * 48,
        ACCOUNTQL_SMTP_URL=f"smtp://127.0.0.1:{smtp.port}",
        ACCOUNTQL_MAIL_FROM="AccountQL <no-reply@example.com>",
        ACCOUNTQL_APP_URL=APP_URL,
    )
    walk = Walk(server, inbox)
    try:
        await server.wait_until_healthy()
        await _walk(walk)
    finally:
        await walk.close()
        smtp.stop()
        assert server.stop(), server.log.read_text()


async def _walk(walk: Walk) -> None:
    def soon(moment: datetime, within: timedelta) -> bool:
        now = datetime.now(timezone.utc)
        return now < moment <= now + within

    def just_now(moment: datetime | None) -> bool:
        now = datetime.now(timezone.utc)
        return moment is not None and now - timedelta(minutes=1) <= moment <= now

    # Ada signs up: signed in at once, with a password proof for ten minutes.
    anonymous = walk.client("laptop")
    ada = await anonymous.sign_up(SignUpInput(email=ADA, password=ADA_PASSWORD, name="Ada"))
    assert (ada.user.email, ada.user.name, ada.user.email_verified, ada.user.mfa_enabled) == (ADA, "Ada", False, False)
    assert ada.token and soon(ada.session.reauthenticated_until, timedelta(minutes=10))
    assert soon(ada.session.expires_at, timedelta(hours=1))
    ada_first = walk.client("laptop", ada.token)

    # The verification link, sent over SMTP, carries the token in its fragment.
    message, link = await walk.mail(ADA, rf"{re.escape(APP_URL)}/verify-email#token=([\w-]+)", "verification link")
    assert message["Subject"] == "Confirm your e-mail address"
    assert "no-reply@example.com" in message["From"]
    verified = await ada_first.verify_email(VerifyEmailInput(token=link.group(1)))  # signed in as Ada
    assert (verified.id, verified.email, verified.email_verified) == (ada.user.id, ADA, True)

    # TOTP: the secret from beginMfaEnrollment goes into pyotp as into an app.
    enrollment = await ada_first.begin_mfa_enrollment()
    totp = pyotp.TOTP(enrollment.secret)
    assert enrollment.otpauth_uri.startswith("otpauth://totp/") and f"secret={enrollment.secret}" in enrollment.otpauth_uri
    assert enrollment.qr_code_data_uri.startswith("data:image/svg+xml")
    enrolled_at = time.time()
    backup = await ada_first.confirm_mfa_enrollment(ConfirmMfaEnrollmentInput(code=totp.at(enrolled_at)))
    assert len(backup.codes) == 10 and len(set(backup.codes)) == 10
    me = await ada_first.me()
    assert (me.mfa_enabled, me.mfa_method, me.backup_codes_remaining) == (True, MfaMethod.TOTP, 10)

    # Log out: the token stops working at once.
    assert await ada_first.log_out() is True
    with pytest.raises(GraphQLClientGraphQLMultiError) as raised:
        await ada_first.me()
    assert error_code(raised) == "UNAUTHENTICATED"

    # Log in: the union answers an MfaChallenge, and verifyMfa finishes it with a code.
    challenge = await anonymous.log_in(LogInInput(email=ADA, password=ADA_PASSWORD))
    assert isinstance(challenge, LogInLogInMfaChallenge), challenge
    assert challenge.typename__ == "MfaChallenge" and soon(challenge.expires_at, timedelta(minutes=5))
    await wait_for_next_totp_step(after=enrolled_at)
    ada = await anonymous.verify_mfa(VerifyMfaInput(challenge=challenge.challenge, code=totp.now()))
    assert ada.user.id == verified.id and ada.user.mfa_enabled
    assert ada.token and soon(ada.session.reauthenticated_until, timedelta(minutes=10))
    laptop = walk.client("laptop", ada.token)

    # An organization, and Bob invited to it by e-mail.
    acme = await laptop.create_organization(CreateOrganizationInput(name="Acme"))
    assert (acme.name, acme.mfa_enforced) == ("Acme", False) and just_now(acme.created_at)
    invitation = await laptop.invite_member(InviteMemberInput(organizationId=acme.id, email=BOB, role=Role.MANAGER))
    assert (invitation.email, invitation.role, invitation.organization.id) == (BOB, Role.MANAGER, acme.id)
    assert soon(invitation.expires_at, timedelta(days=30))

    # Bob signs up; until he follows his link, the invitation is not his to accept.
    bob_session = await anonymous.sign_up(SignUpInput(email=BOB, password=BOB_PASSWORD, name="Bob"))
    bob = walk.client("bob's laptop", bob_session.token)
    with pytest.raises(GraphQLClientGraphQLMultiError) as raised:
        await bob.accept_invitation(AcceptInvitationInput(id=invitation.id))
    assert error_code(raised) == "EMAIL_NOT_VERIFIED"
    _, link = await walk.mail(BOB, r"/verify-email#token=([\w-]+)", "verification link")
    assert (await bob.verify_email(VerifyEmailInput(token=link.group(1)))).email_verified

    # He takes the invitation's id from the link mailed to him, and finds it in his list.
    message, link = await walk.mail(BOB, rf"{re.escape(APP_URL)}/invitations#id=([\w-]+)", "invitation link")
    assert message["Subject"] == "You are invited to join Acme" and ADA in message.get_content()
    assert link.group(1) == invitation.id
    pending = await bob.my_invitations()
    assert pending.total_count == 1 and not pending.page_info.has_next_page
    assert [(e.node.id, e.node.role, e.node.organization.name) for e in pending.edges] == [(invitation.id, Role.MANAGER, "Acme")]
    joined = await bob.accept_invitation(AcceptInvitationInput(id=link.group(1)))
    assert (joined.role, joined.organization.id, joined.user.email) == (Role.MANAGER, acme.id, BOB)
    assert (await bob.my_invitations()).total_count == 0

    # The members, oldest first, one page at a time.
    first_page = await laptop.organization_members(acme.id, first=1)
    assert first_page.name == "Acme" and first_page.members is not None
    assert first_page.members.total_count == 2 and first_page.members.page_info.has_next_page
    second_page = await laptop.organization_members(acme.id, first=1, after=first_page.members.page_info.end_cursor)
    assert second_page.members is not None and not second_page.members.page_info.has_next_page
    members = [e.node for e in first_page.members.edges + second_page.members.edges]
    assert [(m.user.email, m.role, m.user.mfa_enabled) for m in members] == [(ADA, Role.OWNER, True), (BOB, Role.MANAGER, False)]

    # An API key (a sensitive change: the login's proof covers it), sent as a bearer.
    expires = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=30)
    created = await laptop.create_api_key(
        CreateApiKeyInput(organizationId=acme.id, name="ci", access=ApiKeyAccess.READ_ONLY, expiresAt=expires)
    )
    assert created.secret.startswith("aqk_") and created.api_key.prefix == created.secret[:12]
    assert (created.api_key.name, created.api_key.access, created.api_key.revoked_at) == ("ci", ApiKeyAccess.READ_ONLY, None)
    assert created.api_key.expires_at == expires
    ci = walk.client("ci", created.secret)
    as_key = await ci.organization_members(acme.id)
    assert as_key.name == "Acme" and as_key.members is not None
    assert [e.node.user.email for e in as_key.members.edges] == [ADA, BOB]

    # Revoked, the key answers UNAUTHENTICATED from then on.
    revoked = await laptop.revoke_api_key(RevokeApiKeyInput(id=created.api_key.id))
    assert revoked.id == created.api_key.id and revoked.prefix == created.api_key.prefix
    assert just_now(revoked.revoked_at)
    with pytest.raises(GraphQLClientGraphQLMultiError) as raised:
        await ci.organization_members(acme.id)
    assert error_code(raised) == "UNAUTHENTICATED"

    # A second device: the phone logs in with a backup code (the TOTP code of this step is
    # spent). The laptop sees both sessions, and ends the phone's.
    challenge = await anonymous.log_in(LogInInput(email=ADA, password=ADA_PASSWORD))
    assert isinstance(challenge, LogInLogInMfaChallenge)
    phone_session = await walk.client("phone").verify_mfa(VerifyMfaInput(challenge=challenge.challenge, code=backup.codes[0]))
    phone = walk.client("phone", phone_session.token)
    sessions = (await laptop.me()).sessions
    assert sessions.total_count == 2
    by_device = {e.node.user_agent: e.node for e in sessions.edges}
    assert set(by_device) == {"accountql-client-test (laptop)", "accountql-client-test (phone)"}
    assert by_device["accountql-client-test (laptop)"].current and not by_device["accountql-client-test (phone)"].current
    assert {s.ip_address for s in by_device.values()} == {"127.0.0.1"}
    assert by_device["accountql-client-test (phone)"].id == phone_session.session.id
    assert await laptop.revoke_session(RevokeSessionInput(id=phone_session.session.id)) is True
    with pytest.raises(GraphQLClientGraphQLMultiError) as raised:
        await phone.me()
    assert error_code(raised) == "UNAUTHENTICATED"
    remaining = (await laptop.me()).sessions
    assert [(e.node.id, e.node.current) for e in remaining.edges] == [(ada.session.id, True)]
    assert (await laptop.me()).backup_codes_remaining == 9

    # Log out: the last session ends.
    assert await laptop.log_out() is True
    with pytest.raises(GraphQLClientGraphQLMultiError) as raised:
        await laptop.me()
    assert error_code(raised) == "UNAUTHENTICATED"
