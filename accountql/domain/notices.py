"""Security notices: every change that could lock the owner out, and every password change
or reset, is told to the account's verified address through the outbox.

Only a verified address is written to: an unverified one may belong to someone else, and
the service must not become a way to mail strangers."""

from __future__ import annotations

from accountql import audit, outbox
from accountql.clock import now
from accountql.models import User


async def tell(user: User, what: str, also: tuple[str, ...] = ()) -> None:
    """Queue a notice about `what` (a sentence fragment: "your password was changed") to
    the user's verified address, and to `also` (addresses proven otherwise: the old address
    of an e-mail change). Call inside the change's transaction."""
    client = audit.current_client()
    recipients = ([user.email] if user.email_verified else []) + list(also)
    for address in dict.fromkeys(recipients):
        await outbox.security_notice(address, what, now(), client.ip_address, client.user_agent)
