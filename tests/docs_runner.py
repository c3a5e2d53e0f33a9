"""Runs the ```graphql examples of the documentation against the real app, in order, as one
story per file (tests/test_docs.py says which files). How a block is written, and what its
annotations and placeholders mean: tests/docs_blocks.py."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import timedelta
from http.cookies import SimpleCookie
from pathlib import Path

import httpx
import pyotp
from graphql import OperationType

from accountql import clock
from tests.docs_blocks import (
    DocFailure,
    Operation,
    check_against_schema,
    graphql_blocks,
    operations,
    skip_reason,
)

OWN_ORIGIN = "http://testserver"
TRACE = os.environ.get("DOCS_TRACE") == "1"  # print every answer (pytest -s)
ACCEPT = "application/graphql-response+json, application/json;q=0.9"
PLACEHOLDER = re.compile(r"<(totp:|passkey-create:|passkey-get:)?([A-Za-z][\w]*)>")
UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
FILES = {
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 200),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff\xe0" + b"\1" * 200),
    ".pdf": ("application/pdf", b"%PDF-1.4\n" + b"%" * 200),
}


def dig(data, path: str, where: str):
    value = data
    for part in path.split("."):
        try:
            value = value[int(part)] if isinstance(value, list) else value[part]
        except (KeyError, IndexError, ValueError, TypeError):
            raise DocFailure(f"{where}: the answer has nothing at {path!r}: {json.dumps(data)[:400]}") from None
    return value


@dataclass
class Subscription:
    where: str
    expected: list[str]
    stack: contextlib.AsyncExitStack
    ws: object
    received: list[dict] = field(default_factory=list)
    closed: bool = False


class Story:
    """One file's examples, sent in order to one app through one "browser": it keeps the
    session cookie that the server sets and sends it only when told (`as: cookie`)."""

    def __init__(self, app, settings) -> None:
        self.app = app
        self.settings = settings
        self.kept: dict[str, object] = {}
        self.identity = "nobody"
        self.cookies: dict[str, str] = {}
        self.last_code: dict[str, str] = {}
        self.authenticator = None  # the passkeys' software authenticator, made when first used
        self.subscriptions: list[Subscription] = []
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, client=("203.0.113.7", 50000)), base_url=OWN_ORIGIN
        )
        self.ran = 0

    async def close(self) -> None:
        for subscription in self.subscriptions:
            await subscription.stack.aclose()
        await self.client.aclose()

    # -- placeholders -------------------------------------------------------------------

    def substitute(self, text: str, where: str) -> str:
        def value(match: re.Match) -> str:
            totp, name = match.groups()
            if name not in self.kept:
                raise DocFailure(f"{where}: {match.group(0)} names nothing kept before (kept: {', '.join(self.kept) or 'nothing'})")
            if totp == "totp:":
                return self.totp(str(self.kept[name]))
            if totp:
                return self.passkey(totp, self.kept[name])
            return str(self.kept[name])

        return PLACEHOLDER.sub(value, text)

    def passkey(self, kind: str, options: object) -> str:
        from tests.webauthn_authenticator import Authenticator

        if self.authenticator is None:
            self.authenticator = Authenticator(origin=self.settings.rp_origins[0])
        make = self.authenticator.create if kind == "passkey-create:" else self.authenticator.get
        return json.dumps(json.dumps(make(options)))[1:-1]

    def totp(self, secret: str) -> str:
        code = pyotp.TOTP(secret).at(clock.now())
        if self.last_code.get(secret) == code:  # spent: wait for the app's next code
            clock.travel(timedelta(seconds=30))
            code = pyotp.TOTP(secret).at(clock.now())
        self.last_code[secret] = code
        return code

    # -- steps before sending -----------------------------------------------------------

    async def before(self, operation: Operation) -> None:
        from tests.api import last_link_token

        for key, value in operation.notes:
            if key == "as":
                if value not in ("nobody", "cookie") and value not in self.kept:
                    raise DocFailure(f"{operation.where}: as: {value} names nothing kept before")
                self.identity = value
            elif key == "later":
                match = re.fullmatch(r"(\d+) (second|minute|hour|day)s?", value)
                if not match:
                    raise DocFailure(f"{operation.where}: later: takes e.g. '73 hours', not {value!r}")
                clock.travel(timedelta(seconds=int(match.group(1)) * UNITS[match.group(2)]))
            elif key == "shell":
                await self.shell(value, operation.where)
            elif key in ("mail", "sms"):
                match = re.fullmatch(r"(\S+) (\w+) -> (\w+)", value)
                if not match:
                    raise DocFailure(f"{operation.where}: {key}: takes 'ADDRESS KIND -> name', not {value!r}")
                recipient, kind, name = match.groups()
                try:
                    self.kept[name] = await last_link_token(recipient, kind) if key == "mail" else await self.texted_code(recipient, kind)
                except AssertionError as error:
                    raise DocFailure(f"{operation.where}: {error}") from None

    async def texted_code(self, number: str, kind: str) -> str:
        from accountql import outbox
        from accountql.models import OutboxMessage

        message = await OutboxMessage.filter(recipient=number, kind=kind, channel="SMS").order_by("-created_at").first()
        assert message is not None, f"no {kind} text to {number}"
        return re.search(r"\b(\d{6})\b", outbox.body_of(message)).group(1)

    async def shell(self, command: str, where: str) -> None:
        from accountql.domain import staff

        match = re.fullmatch(r"accountql staff (grant|revoke) (\S+)", command)
        if not match:
            raise DocFailure(f"{where}: shell: runs 'accountql staff grant|revoke EMAIL' only, not {command!r}")
        await staff.set_staff(match.group(2), match.group(1) == "grant")

    # -- sending ------------------------------------------------------------------------

    def headers(self, operation: Operation) -> dict[str, str]:
        headers = {"accept": ACCEPT}
        origin = dict(operation.notes).get("origin", OWN_ORIGIN)
        if origin != "none":
            headers["origin"] = origin
        if self.identity == "cookie":
            if self.cookies:
                headers["cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        elif self.identity != "nobody":
            headers["authorization"] = f"Bearer {self.kept[self.identity]}"
        for key, value in operation.notes:
            if key == "header":
                name, _, header_value = value.partition(":")
                headers[name.strip().lower()] = header_value.strip()
        return headers

    def remember_cookies(self, response: httpx.Response) -> None:
        for header in response.headers.get_list("set-cookie"):
            for name, morsel in SimpleCookie(header).items():
                if morsel.value in ("", '""') or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        self.client.cookies.clear()  # sent only when the story says so

    async def run(self, operation: Operation) -> None:
        await self.before(operation)
        notes = dict(operation.notes)
        query = self.substitute(operation.text, operation.where)
        variables = {}
        if "variables" in notes:
            try:
                variables = json.loads(self.substitute(notes["variables"], operation.where))
            except json.JSONDecodeError as error:
                raise DocFailure(f"{operation.where}: variables: is not JSON: {error}") from None
        body = {"query": query, "variables": variables}
        if operation.name:
            body["operationName"] = operation.name
        if operation.kind == OperationType.SUBSCRIPTION:
            await self.subscribe(operation, body)
            self.ran += 1
            return
        headers = self.headers(operation)
        if "upload" in notes:
            response = await self.upload(operation, body, notes["upload"], headers)
        elif notes.get("method", "POST").upper() == "GET":
            params = {"query": query, **({"variables": json.dumps(variables)} if variables else {})}
            response = await self.client.get("/graphql", params=params, headers=headers)
        else:
            response = await self.client.post("/graphql", json=body, headers=headers)
        self.remember_cookies(response)
        try:
            result = response.json()
        except ValueError:
            raise DocFailure(f"{operation.where}: HTTP {response.status_code}, not JSON: {response.text[:300]}") from None
        if TRACE:
            print(f"{operation.where} [{response.status_code}] {json.dumps(result)[:600]}")
        self.check(operation, result)
        self.ran += 1

    async def upload(self, operation: Operation, body: dict, spec: str, headers: dict) -> httpx.Response:
        files, files_map = {}, {}
        for number, part in enumerate(p.strip() for p in spec.split(",")):
            variable, _, filename = (s.strip() for s in part.partition("="))
            suffix = Path(filename).suffix.lower()
            if suffix not in FILES or variable not in body["variables"] and not re.search(rf"\${variable}\b", body["query"]):
                raise DocFailure(f"{operation.where}: upload: takes 'variable = name.png|jpg|pdf', not {part!r}")
            media_type, content = FILES[suffix]
            body["variables"][variable] = None
            files[str(number)] = (filename, content, media_type)
            files_map[str(number)] = [f"variables.{variable}"]
        data = {"operations": json.dumps(body), "map": json.dumps(files_map)}
        return await self.client.post("/graphql", data=data, files=files, headers=headers)

    def check(self, operation: Operation, result: dict) -> None:
        notes = dict(operation.notes)
        errors = result.get("errors") or []
        codes = [(e.get("extensions") or {}).get("code") for e in errors]
        expected = notes.get("expect")
        if expected is None and errors:
            raise DocFailure(f"{operation.where}: failed with {codes[0]}: {errors[0].get('message')} (add '# expect: {codes[0]}' if that is the point)")
        if expected is not None and expected not in codes:
            got = f"{codes[0]}: {errors[0].get('message')}" if errors else f"no error: {json.dumps(result.get('data'))[:300]}"
            raise DocFailure(f"{operation.where}: expected {expected}, got {got}")
        for key, value in operation.notes:
            if key == "keep":
                name, equals, path = (s.strip() for s in value.partition("="))
                if not equals or not re.fullmatch(r"[A-Za-z]\w*", name):
                    raise DocFailure(f"{operation.where}: keep: takes 'name = path.in.data', not {value!r}")
                self.kept[name] = dig(result.get("data"), path, operation.where)

    # -- subscriptions ------------------------------------------------------------------

    async def subscribe(self, operation: Operation, body: dict) -> None:
        from httpx_ws import aconnect_ws
        from httpx_ws.transport import ASGIWebSocketTransport

        notes = dict(operation.notes)
        headers = {k: v for k, v in self.headers(operation).items() if k in ("origin", "cookie")}
        payload = {}
        if self.identity not in ("nobody", "cookie"):
            payload = {"Authorization": f"Bearer {self.kept[self.identity]}"}
        stack = contextlib.AsyncExitStack()
        client = await stack.enter_async_context(
            httpx.AsyncClient(transport=ASGIWebSocketTransport(self.app), base_url=OWN_ORIGIN)
        )
        ws = await stack.enter_async_context(
            aconnect_ws("/graphql", client, subprotocols=["graphql-transport-ws"], headers=headers)
        )
        subscription = Subscription(operation.where, [k.strip() for k in notes.get("events", "").split(",") if k.strip()], stack, ws)
        self.subscriptions.append(subscription)
        await ws.send_json({"type": "connection_init", "payload": payload})
        ack = await self.receive(subscription)
        if ack is None or ack.get("type") != "connection_ack":
            raise DocFailure(f"{operation.where}: the socket was not accepted: {ack}")
        body = {k: v for k, v in body.items() if k != "operationName" or v}
        await ws.send_json({"id": "1", "type": "subscribe", "payload": body})
        await asyncio.sleep(0.2)  # listening before the next operation acts

    async def receive(self, subscription: Subscription, timeout: float = 2.0) -> dict | None:
        from httpx_ws import WebSocketDisconnect

        if subscription.closed:
            return None
        try:
            return json.loads(await subscription.ws.receive_text(timeout=timeout))
        except (WebSocketDisconnect, TimeoutError, asyncio.TimeoutError):
            subscription.closed = True
            return None

    async def finish(self) -> None:
        """Each subscription must have received its events by the end of the file."""
        for subscription in self.subscriptions:
            kinds = []
            while len(kinds) < len(subscription.expected) or not subscription.expected:
                message = await self.receive(subscription, timeout=0.5 if not subscription.expected else 2.0)
                if message is None or message.get("type") == "complete":
                    break
                if message.get("type") != "next" or message["payload"].get("errors"):
                    raise DocFailure(f"{subscription.where}: the subscription answered {message}")
                data = message["payload"]["data"]
                kinds.append(next(iter(data.values())).get("kind"))
            if kinds != subscription.expected:
                raise DocFailure(f"{subscription.where}: expected the events {subscription.expected}, received {kinds}")


def story_settings(settings):
    """The configuration the examples are written for: the defaults, with one front end on
    another origin (docs/frontends.md uses it)."""
    return replace(settings, cors_origins=("https://app.example.com",))


async def run_file(path: Path, shown_as: str, settings) -> Story:
    from accountql.app import create_app
    from accountql.schema.schema import build_schema

    app_settings = story_settings(settings)
    schema = build_schema(app_settings)._schema
    app = create_app(app_settings, manage_database=False)
    story = Story(app, app_settings)
    try:
        for block in graphql_blocks(path, shown_as):
            found = operations(block)
            if not found:
                raise DocFailure(f"{block.path}:{block.line}: the ```graphql block holds no operation")
            check_against_schema(schema, found)
            if skip_reason(found):
                continue
            for operation in found:
                await story.run(operation)
        await story.finish()
    finally:
        await story.close()
    return story
