"""Outgoing messages. Callers write them to the outbox inside the transaction of the change
that causes them; accountql.delivery sends them afterwards, retrying until it succeeds.

Recipients and wording live here, so MFA reminders, password resets and magic links all
go out the same way."""

from __future__ import annotations

from accountql.auth import sealing
from accountql.models import OutboxMessage

BODY = "outbox bodies"  # the sealing purpose: bodies carry links and codes


async def send_email(recipient: str, kind: str, subject: str, body: str) -> OutboxMessage:
    return await OutboxMessage.create(
        channel="EMAIL", recipient=recipient, kind=kind, subject=subject, body=_seal(body)
    )


async def send_sms(phone_number: str, kind: str, text: str) -> OutboxMessage:
    return await OutboxMessage.create(
        channel="SMS", recipient=phone_number, kind=kind, subject="", body=_seal(text)
    )


def _seal(body: str) -> str:
    # Sealed at rest: a body holds live links and codes until it is sent.
    return sealing.seal(sealing.configured_key(), BODY, body)


def body_of(message: OutboxMessage) -> str:
    """The readable body of a message not yet erased (a sent message keeps none)."""
    if not message.body:
        return "(erased once sent)"
    return sealing.unseal(sealing.configured_keys(), BODY, message.body)


async def magic_link(email: str, link: str, minutes: int) -> None:
    await send_email(
        email,
        "magic_link",
        "Your sign-in link",
        f"Open this link to sign in. It works once, for {minutes} minutes:\n\n{link}\n\n"
        "If you did not ask for it, ignore this e-mail: nobody can use it without your mailbox.",
    )


async def password_reset_link(email: str, link: str, minutes: int) -> None:
    await send_email(
        email,
        "password_reset",
        "Reset your password",
        f"Open this link to choose a new password. It works once, for {minutes} minutes:\n\n"
        f"{link}\n\nIf you did not ask for it, ignore this e-mail: your password stays as it is.",
    )


async def password_reset_code(phone_number: str, code: str, minutes: int) -> None:
    await send_sms(phone_number, "password_reset_code", f"Your password reset code: {code} (valid {minutes} min). Never share it.")


async def phone_verification_code(phone_number: str, code: str, minutes: int) -> None:
    await send_sms(phone_number, "phone_verification", f"Your verification code: {code} (valid {minutes} min).")


async def sms_login_code(phone_number: str, code: str, minutes: int) -> None:
    await send_sms(phone_number, "sms_mfa_code", f"Your login code: {code} (valid {minutes} min). Never share it.")


async def email_change_link(new_email: str, link: str, minutes: int) -> None:
    await send_email(
        new_email,
        "email_change",
        "Confirm your new e-mail address",
        f"Open this link to make this your account's address. It works once, for {minutes} "
        f"minutes:\n\n{link}\n\nIf you did not ask for it, ignore this e-mail.",
    )


async def email_changed_notice(old_email: str, new_email: str) -> None:
    await send_email(
        old_email,
        "email_changed",
        "Your account's e-mail address was changed",
        f"Your account now uses {new_email} instead of this address. If you did not do this, "
        "reset your password at once and contact support.",
    )


async def login_notice(email: str, at, ip_address: str | None, user_agent: str | None, succeeded: bool) -> None:
    outcome = "A successful login" if succeeded else "A failed login attempt"
    await send_email(
        email,
        "login_notification",
        f"{outcome} on your account",
        f"{outcome} on your account:\n\nTime: {at:%Y-%m-%d %H:%M:%S} UTC\n"
        f"IP address: {ip_address or 'unknown'}\nBrowser or client: {user_agent or 'unknown'}\n\n"
        "If this was not you, change your password and review your sessions.",
    )


async def mfa_required_notice(email: str, organization_name: str, grace_until=None, passkeys_only: bool = False) -> None:
    if grace_until is None:
        when = "Until you do, you cannot use the organization."
    else:
        when = f"Please do so before {grace_until:%Y-%m-%d %H:%M} UTC; after that you cannot use it."
    if passkeys_only:  # phishing-resistant MFA: an app's codes do not count there
        what = "phishing-resistant multi-factor authentication: a passkey"
        how = ("Add a passkey in your account's security settings (your device or password manager "
               "makes it); an authenticator app or SMS codes do not count for this organization.")
    else:
        what = "multi-factor authentication"
        how = ("Turn it on in your account's security settings: scan the QR code with an "
               "authenticator app and enter the code it shows, or add a passkey.")
    await send_email(
        email,
        "mfa_required",
        f"{organization_name} requires {what.split(':')[0]}",
        f"The organization {organization_name} now requires every member to use {what}. {when}\n\n{how}",
    )


async def verification_link(email: str, link: str, hours: int) -> None:
    await send_email(
        email,
        "email_verification",
        "Confirm your e-mail address",
        f"Open this link to confirm that this address is yours. It works once, for {hours} "
        f"hours:\n\n{link}\n\nUntil you do, the account cannot join organizations or receive "
        "security notices. If you did not create an account, ignore this e-mail: nothing "
        "happens without it.",
    )


async def invitation(email: str, organization_name: str, inviter_email: str, link: str, days: int) -> None:
    await send_email(
        email,
        "invitation",
        f"You are invited to join {organization_name}",
        f"{inviter_email} invited you to join the organization {organization_name}. Open this "
        f"link to see the invitation (valid {days} days); you sign in or create an account with "
        f"this address to accept it:\n\n{link}\n\nIf you do not know them, ignore this e-mail.",
    )


async def contact_confirmation(email: str, organization_name: str, link: str, days: int) -> None:
    await send_email(
        email,
        "contact_confirmation",
        f"Confirm you want notices for {organization_name}",
        f"Someone listed this address as a notification contact of the organization "
        f"{organization_name}. Open this link to start receiving its notices (valid {days} "
        f"days):\n\n{link}\n\nIf you did not expect this, ignore this e-mail: nothing is sent "
        "here until you confirm.",
    )


async def security_notice(email: str, what: str, at, ip_address: str | None, user_agent: str | None) -> None:
    await send_email(
        email,
        "security_notice",
        f"Security notice: {what}",
        f"On your account: {what}.\n\nTime: {at:%Y-%m-%d %H:%M:%S} UTC\n"
        f"IP address: {ip_address or 'unknown'}\nBrowser or client: {user_agent or 'unknown'}\n\n"
        "If this was you, there is nothing to do. If not, reset your password at once, review "
        "your sessions and second factors, and contact support.",
    )


async def email_taken_notice(email: str) -> None:
    await send_email(
        email,
        "email_change_refused",
        "Someone tried to move an account to this address",
        "Someone asked to use this address for another account, but it already belongs to "
        "an account. Nothing was changed. If that was you, sign in with this address instead.",
    )


async def organization_deleted(email: str, name: str, by: str) -> None:
    await send_email(
        email,
        "organization_deleted",
        f"The organization {name} was deleted",
        f"{by}, an owner of the organization {name}, deleted it. Its members, API keys, "
        "contacts and records are gone; your own account is not affected.\n\n"
        "If you did not expect this, ask the organization's owners.",
    )
