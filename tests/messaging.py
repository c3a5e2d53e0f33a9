"""A real SMTP server (aiosmtpd) and a test SMS provider (HTTP) on loopback, and the
delivery worker that sends the outbox to them."""

from __future__ import annotations

import asyncio
import json
import re
import threading
from email import message_from_bytes
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

from accountql.delivery import Deliverer
from tests.test_live_server import free_port


class Inbox:
    """What the SMTP server received. It can be made slow (`delay` seconds before it
    answers each DATA, as a distant server does; other sessions go on meanwhile), held
    (no answer while `holding` is true) and made to refuse (`reply`)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.messages: list = []
        self.delay = delay
        self.holding = False
        self.reply = "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # Kept before the answer: a client that dies while waiting for it has still
        # handed the message over, which is the crash that at-least-once is about.
        self.messages.append(message_from_bytes(envelope.content, policy=default))
        if self.delay:
            await asyncio.sleep(self.delay)
        while self.holding:
            await asyncio.sleep(0.01)
        return self.reply

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.messages]

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]

    def last_body(self, address: str) -> str:
        return self.to(address)[-1].get_content()

    def last_token(self, address: str) -> str:
        return re.search(r"token=([\w-]+)", self.last_body(address)).group(1)


class SmsProvider:
    """Takes POST {"to", "text"} as a real provider would, and keeps what it got."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.idempotency_keys: list[str | None] = []  # one per request, in order
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("content-length", 0))
                provider.received.append(json.loads(self.rfile.read(length)))
                provider.idempotency_keys.append(self.headers.get("Idempotency-Key"))
                self.send_response(202)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def last_code(self, number: str) -> str:
        texts = [m["text"] for m in self.received if m["to"] == number]
        return re.search(r"\b(\d{6})\b", texts[-1]).group(1)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Messaging:
    def __init__(self) -> None:
        self.inbox = Inbox()
        self.smtp = Controller(self.inbox, hostname="127.0.0.1", port=free_port())
        self.smtp.start()
        self.sms = SmsProvider()
        self.deliverer = Deliverer(
            f"smtp://127.0.0.1:{self.smtp.port}", "AccountQL <no-reply@example.com>", self.sms.url
        )

    async def deliver(self) -> int:
        return await self.deliverer.deliver_due()

    def close(self) -> None:
        self.smtp.stop()
        self.sms.stop()
