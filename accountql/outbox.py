"""Outgoing messages. Callers write them to the outbox inside the transaction of the change
that causes them; accountql.delivery sends them afterwards, retrying until it succeeds.

Recipients and wording live here, so MFA reminders, password resets and magic links all
go out the same way."""

from __future__ import annotations

from accountql.models import OutboxMessage


async def send_email(recipient: str, kind: str, subject: str, body: str) -> OutboxMessage:
    return await OutboxMessage.create(
        channel="EMAIL", recipient=recipient, kind=kind, subject=subject, body=body
    )


async def mfa_required_notice(email: str, organization_name: str, grace_until=None) -> None:
    if grace_until is None:
        when = "Until you do, you cannot use the organization."
    else:
        when = f"Please do so before {grace_until:%Y-%m-%d %H:%M} UTC; after that you cannot use it."
    await send_email(
        email,
        "mfa_required",
        f"{organization_name} requires multi-factor authentication",
        f"The organization {organization_name} now requires every member to use "
        f"multi-factor authentication. {when}\n\n"
        "Turn it on in your account's security settings: scan the QR code with an "
        "authenticator app and enter the code it shows.",
    )


async def mfa_enforcement_off_notice(email: str, organization_name: str, by: str) -> None:
    await send_email(
        email,
        "mfa_enforcement_off",
        f"{organization_name} no longer requires multi-factor authentication",
        f"{by} turned off the multi-factor authentication requirement of {organization_name}. "
        "Members without it can use the organization again. If this was not expected, "
        "turn it back on and review the organization's owners.",
    )
