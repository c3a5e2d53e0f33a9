"""The delivery worker: sends what the outbox holds, with retries and backoff.

With ACCOUNTQL_SMTP_URL unset (the embedded default) a message is written to the log
instead, and `accountql outbox` lists it, so a newcomer can read it.

Claims. Every server process runs this worker, so a message is claimed before it is
sent: its row becomes SENDING, and its next_attempt_at holds the claim's lease (the
moment of the claim + `lease`). Each message is claimed right before it is sent, not
when a batch begins, so a slow mail server cannot leave a worker sending on a claim that
has already run out while another worker takes the same message. On PostgreSQL the next
due row is picked with SELECT ... FOR UPDATE SKIP LOCKED in a short transaction that
also marks it claimed, so two processes never pick the same row; on SQLite (one writer
at a time) a conditional UPDATE decides. The outcome (SENT, or PENDING again after a
backoff) is written only while the worker still holds its claim (SENDING with its own
lease value), so a worker whose lease ran out never overwrites what the worker that took
the message over decided. A whole send is cut off well before its lease ends.

Delivery is at least once. A process killed between handing a message to the mail
server (or SMS provider) and marking it SENT leaves a claim that runs out; another
process then sends the message again. The alternative, marking it sent before sending,
is at most once: a message lost whenever a process dies mid-send. Here a lost message is
a password-reset link, a login code or a security notice that never arrives, and the
user is stuck; a second copy costs a moment's puzzlement. Every copy carries the same
Message-ID (e-mail) or Idempotency-Key (SMS) made of the outbox id, so a receiver or
provider that de-duplicates can, and a reader can tell it is the one message again.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr
from urllib.parse import unquote, urlsplit

from tortoise import connections
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from accountql import outage, outbox
from accountql.clock import now
from accountql.models import OutboxMessage, OutboxStatus

log = logging.getLogger("accountql.delivery")

# How long a claim holds; one older was lost with its worker. A send is cut off at half
# of it, so it must be well over what a healthy send takes (each step: STEP_TIMEOUT).
CLAIM_FOR = timedelta(minutes=2)
STEP_TIMEOUT = 30  # seconds: connecting, each SMTP command, the SMS provider's answer
MAIL_POLICY = policy.SMTP.clone(max_line_length=998)
MAX_BACKOFF = timedelta(hours=1)
CANDIDATES = 10  # SQLite: due messages tried in turn when other workers took the first


def backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def message_id_header(message_id: uuid.UUID, mail_from: str) -> str:
    """The Message-ID of an outbox message: the same on every copy of it, at the domain
    of the sender's address (ACCOUNTQL_MAIL_FROM)."""
    _, at, domain = parseaddr(mail_from)[1].rpartition("@")
    return f"<{message_id}@{domain if at and domain else 'localhost'}>"


class Deliverer:
    def __init__(
        self,
        smtp_url: str | None,
        mail_from: str,
        sms_url: str | None = None,
        log_instead: bool = True,
        lease: timedelta = CLAIM_FOR,
    ) -> None:
        self.smtp_url = smtp_url
        self.mail_from = mail_from
        self.sms_url = sms_url
        # Without SMTP or an SMS provider, development writes messages (links and codes
        # included) to the log; production keeps them queued until one is configured.
        self.log_instead = log_instead
        if lease <= timedelta(0):
            raise ValueError("a lease must be longer than nothing")
        self.lease = lease
        # The claims this worker holds: message id -> its lease. A send cut short (the
        # task cancelled at shutdown) stays here, for release_leases to put back.
        self.held: dict[uuid.UUID, datetime] = {}

    async def deliver_due(self, batch: int = 20) -> int:
        """Send up to `batch` due messages, claiming each as it comes; the number this
        worker handed over."""
        sent = 0
        for _ in range(batch):
            message = await self._claim_next()
            if message is None:
                break
            sent += await self._deliver(message)
        return sent

    async def release_leases(self) -> int:
        """Put the messages this worker holds back, PENDING and due now, so another
        process sends them at once instead of when their leases run out; the number put
        back. For shutdown, once the worker's task is cancelled: a send still running
        afterwards cannot record its outcome, and its message goes out again. A claim
        another worker has since taken over is left to it."""
        released = 0
        for message_id, lease in list(self.held.items()):
            released += await OutboxMessage.filter(
                id=message_id, status=OutboxStatus.SENDING, next_attempt_at=lease
            ).update(status=OutboxStatus.PENDING, next_attempt_at=now())
            self.held.pop(message_id, None)
        return released

    def _due(self):
        return OutboxMessage.filter(
            # SENDING and due: a claim whose worker died (or stalled) past its lease.
            Q(status=OutboxStatus.PENDING) | Q(status=OutboxStatus.SENDING),
            next_attempt_at__lte=now(),
        ).order_by("next_attempt_at", "id")

    async def _claim_next(self) -> OutboxMessage | None:
        """Claim the message due longest, with a lease that starts now; None when nothing
        is due (or other workers hold all that is)."""
        if connections.get("default").capabilities.dialect == "postgres":
            message = await self._claim_locked()
        else:
            message = await self._claim_by_condition()
        if message is not None:
            self.held[message.id] = message.next_attempt_at
        return message

    async def _claim_locked(self) -> OutboxMessage | None:
        # The row lock lasts until the claim is written and committed; SKIP LOCKED passes
        # over a row another process is claiming instead of waiting to claim it again.
        async with in_transaction() as connection:
            message = await self._due().select_for_update(skip_locked=True).using_db(connection).first()
            if message is None:
                return None
            lease = now() + self.lease
            await OutboxMessage.filter(id=message.id).using_db(connection).update(
                status=OutboxStatus.SENDING, next_attempt_at=lease
            )
        message.status, message.next_attempt_at = OutboxStatus.SENDING, lease
        return message

    async def _claim_by_condition(self) -> OutboxMessage | None:
        # SQLite has no row locks, but one writer at a time: the update claims the row
        # only if it is still as it was read, and its row count says whether it did.
        for candidate in await self._due().limit(CANDIDATES):
            lease = now() + self.lease
            claimed = await OutboxMessage.filter(
                id=candidate.id, status=candidate.status, next_attempt_at=candidate.next_attempt_at
            ).update(status=OutboxStatus.SENDING, next_attempt_at=lease)
            if claimed == 1:
                candidate.status, candidate.next_attempt_at = OutboxStatus.SENDING, lease
                return candidate
        return None

    async def _deliver(self, message: OutboxMessage) -> int:
        """Send one claimed message and record the outcome; 1 if it was handed over."""
        lease = message.next_attempt_at
        # Send steps time out one by one (STEP_TIMEOUT); the whole send must also end
        # before the lease does, or another worker could take the message meanwhile. Half
        # the lease, because a send cut off still says QUIT (one more step) on its way out.
        deadline = self.lease.total_seconds() / 2
        try:
            async with asyncio.timeout(deadline):
                await self._send(message)
        except Exception as error:  # noqa: BLE001 - any failure means: try again later
            await self._record_failure(message, lease, error)
            handed_over = 0
        else:
            await self._record_sent(message, lease)
            handed_over = 1
        # Only now: a send cut short by cancellation stays held, for release_leases. (So
        # does one whose outcome could not be written; the release leaves it be unless
        # its claim is still this worker's.)
        self.held.pop(message.id, None)
        return handed_over

    def _still_held(self, message: OutboxMessage, lease: datetime):
        return OutboxMessage.filter(id=message.id, status=OutboxStatus.SENDING, next_attempt_at=lease)

    async def _record_sent(self, message: OutboxMessage, lease: datetime) -> None:
        # Once it is out, the body (links, codes) is not kept; in development, where
        # messages only reach the log, it stays for `accountql outbox`.
        erase = {} if self._only_logs(message) else {"body": ""}
        recorded = await self._still_held(message, lease).update(
            status=OutboxStatus.SENT, sent_at=now(), attempts=message.attempts + 1, **erase
        )
        if not recorded:
            log.warning(
                "sent %s %s after its claim ran out or was released: another worker may send it too",
                message.kind, message.id,
            )

    async def _record_failure(self, message: OutboxMessage, lease: datetime, error: Exception) -> None:
        attempts = message.attempts + 1
        reason = str(error) or type(error).__name__  # a timeout has no message of its own
        recorded = await self._still_held(message, lease).update(
            status=OutboxStatus.PENDING,
            attempts=attempts,
            next_attempt_at=now() + backoff(attempts),
            last_error=reason[:1000],
        )
        if recorded:
            log.warning("could not send %s to %s (attempt %d): %s", message.kind, message.recipient, attempts, reason)
        else:
            log.warning(
                "could not send %s %s, and its claim had run out: left to the worker that took it over (%s)",
                message.kind, message.id, reason,
            )

    def _only_logs(self, message: OutboxMessage) -> bool:
        return not (self.sms_url if message.channel == "SMS" else self.smtp_url)

    async def _send(self, message: OutboxMessage) -> None:
        if message.channel == "SMS":
            await self._send_sms(message)
            return
        if not self.smtp_url:
            if not self.log_instead:
                raise RuntimeError("ACCOUNTQL_SMTP_URL is not set: the e-mail waits in the outbox")
            log.info(
                "e-mail to %s (no ACCOUNTQL_SMTP_URL set, so it is only logged):\nSubject: %s\n\n%s",
                message.recipient, message.subject, outbox.body_of(message),
            )
            return
        import aiosmtplib

        email = EmailMessage()
        email["From"] = self.mail_from
        email["To"] = message.recipient
        email["Subject"] = message.subject
        email["Message-ID"] = message_id_header(message.id, self.mail_from)
        email.set_content(outbox.body_of(message))
        url = urlsplit(self.smtp_url)
        # Flattened here, with headers up to RFC 5322's 998 characters on one line: at 78
        # (aiosmtplib's own flattening) Python folds a long Subject right after
        # "Subject:", and mail clients then show it with a leading space.
        await aiosmtplib.send(
            email.as_bytes(policy=MAIL_POLICY),
            sender=parseaddr(self.mail_from)[1],
            recipients=[message.recipient],
            hostname=url.hostname,
            port=url.port or (465 if url.scheme == "smtps" else 587),
            username=unquote(url.username) if url.username else None,
            password=unquote(url.password) if url.password else None,
            use_tls=url.scheme == "smtps",
            start_tls=None,  # STARTTLS when the server offers it
            timeout=STEP_TIMEOUT,
        )

    async def _send_sms(self, message: OutboxMessage) -> None:
        """POST {"to": ..., "text": ...} as JSON to the provider; any 2xx is delivered."""
        if not self.sms_url:
            if not self.log_instead:
                raise RuntimeError("ACCOUNTQL_SMS_URL is not set: the SMS waits in the outbox")
            log.info(
                "SMS to %s (no ACCOUNTQL_SMS_URL set, so it is only logged): %s",
                message.recipient, outbox.body_of(message),
            )
            return
        import httpx

        url = urlsplit(self.sms_url)
        # The same key on every copy: a provider that honours it sends one SMS, not two.
        headers = {"Idempotency-Key": str(message.id)}
        if url.password:  # https://:TOKEN@provider/... carries the provider's API token
            headers["Authorization"] = f"Bearer {unquote(url.password)}"
        target = url._replace(netloc=url.hostname + (f":{url.port}" if url.port else "")).geturl()
        async with httpx.AsyncClient(timeout=STEP_TIMEOUT) as client:
            response = await client.post(
                target, json={"to": message.recipient, "text": outbox.body_of(message)}, headers=headers
            )
        response.raise_for_status()

    async def run(self, interval: float = 1.0) -> None:
        """Deliver until cancelled."""
        while True:
            try:
                await self.deliver_due()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - the worker must outlive any failure
                await outage.quiet_if_unavailable("outbox delivery", error)
            await asyncio.sleep(interval)
