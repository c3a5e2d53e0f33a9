"""The delivery worker: sends what the outbox holds, with retries and backoff.

With ACCOUNTQL_SMTP_URL unset (the embedded default) a message is written to the log
instead, and `accountql outbox` lists it, so a newcomer can read it. Several server
processes may run this worker at once: a message is claimed by one conditional update.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from tortoise.expressions import Q

from accountql import outbox
from accountql.clock import now
from accountql.models import OutboxMessage, OutboxStatus

log = logging.getLogger("accountql.delivery")

CLAIM_FOR = timedelta(minutes=2)  # a claim older than this was lost with its worker
MAX_BACKOFF = timedelta(hours=1)


def backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


class Deliverer:
    def __init__(
        self,
        smtp_url: str | None,
        mail_from: str,
        sms_url: str | None = None,
        log_instead: bool = True,
    ) -> None:
        self.smtp_url = smtp_url
        self.mail_from = mail_from
        self.sms_url = sms_url
        # Without SMTP or an SMS provider, development writes messages (links and codes
        # included) to the log; production keeps them queued until one is configured.
        self.log_instead = log_instead

    async def deliver_due(self, batch: int = 20) -> int:
        """Send every message that is due; the number sent."""
        current = now()
        due = (
            await OutboxMessage.filter(
                Q(status=OutboxStatus.PENDING) | Q(status=OutboxStatus.SENDING),
                next_attempt_at__lte=current,
            )
            .order_by("next_attempt_at")
            .limit(batch)
        )
        sent = 0
        for message in due:
            claimed = await OutboxMessage.filter(
                id=message.id, status=message.status, next_attempt_at=message.next_attempt_at
            ).update(status=OutboxStatus.SENDING, next_attempt_at=current + CLAIM_FOR)
            if claimed != 1:
                continue  # another worker has it
            try:
                await self._send(message)
            except Exception as error:  # noqa: BLE001 - any failure means: try again later
                attempts = message.attempts + 1
                await OutboxMessage.filter(id=message.id).update(
                    status=OutboxStatus.PENDING,
                    attempts=attempts,
                    next_attempt_at=now() + backoff(attempts),
                    last_error=str(error)[:1000],
                )
                log.warning("could not send %s to %s (attempt %d): %s", message.kind, message.recipient, attempts, error)
            else:
                # Once it is out, the body (links, codes) is not kept; in development,
                # where messages only reach the log, it stays for `accountql outbox`.
                erase = {} if self._only_logs(message) else {"body": ""}
                await OutboxMessage.filter(id=message.id).update(
                    status=OutboxStatus.SENT, sent_at=now(), attempts=message.attempts + 1, **erase
                )
                sent += 1
        return sent

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
        email.set_content(outbox.body_of(message))
        url = urlsplit(self.smtp_url)
        await aiosmtplib.send(
            email,
            hostname=url.hostname,
            port=url.port or (465 if url.scheme == "smtps" else 587),
            username=unquote(url.username) if url.username else None,
            password=unquote(url.password) if url.password else None,
            use_tls=url.scheme == "smtps",
            start_tls=None,  # STARTTLS when the server offers it
            timeout=30,
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
        headers = {}
        if url.password:  # https://:TOKEN@provider/... carries the provider's API token
            headers["Authorization"] = f"Bearer {unquote(url.password)}"
        target = url._replace(netloc=url.hostname + (f":{url.port}" if url.port else "")).geturl()
        async with httpx.AsyncClient(timeout=30) as client:
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
            except Exception:
                log.exception("outbox delivery failed; retrying")
            await asyncio.sleep(interval)
