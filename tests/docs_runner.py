"""Runs the ```graphql examples of the documentation against the real app, in order, as one
story per file (tests/test_docs.py says which files).

A block holds one or more operations. Each is sent on its own, with the fragments of its
block. Comment lines just above an operation that read `# key: value` are annotations for
the test; GraphQL ignores comments, so a reader pastes the block into GraphiQL as it is.
Every other comment is prose. The annotations:

    # as: ada                 send the value kept as `ada` (a session token or an API key)
                              as "Authorization: Bearer ...", from here on in the file, as
                              GraphiQL's Headers tab would; `as: cookie` sends the session
                              cookie the "browser" holds instead, `as: nobody` nothing
    # expect: CODE            the operation must fail with this extensions.code; without
                              it, any error fails the test
    # keep: orgId = createOrganization.id
                              keep a value of the answer's data (a dotted path; numbers
                              index lists) for later: "<orgId>" in a later operation, or
                              `as: orgId`
    # mail: ada@example.com email_verification -> token
                              before sending: keep the token (or id) of the newest link of
                              this kind mailed to the address (tests.api.last_link_token)
    # sms: +33612345678 phone_verification -> code
                              before sending: keep the 6-digit code last texted so
    # later: 73 hours         before sending: move the app's clock forward
    # shell: accountql staff grant sam@example.com
                              before sending: do what that command does (only this one)
    # variables: {"input": {...}}
                              the operation's variables, as JSON (placeholders allowed)
    # upload: document = passport.png, selfie = selfie.jpg
                              send as a GraphQL multipart request, these variables being
                              small files of the named types (PNG, JPEG or PDF)
    # method: GET             send a query by GET instead of POST
    # header: X-CSRF-Protection: 1
                              an extra request header (one per line)
    # origin: https://evil.example
                              the Origin header (default: the server's own, as a page of
                              the API's own site sends it; `none` leaves it out)
    # events: MFA_ENFORCED, SESSION_REVOKED
                              a subscription: it stays open (over graphql-transport-ws)
                              while the rest of the file runs, and by the end must have
                              received events of these kinds, in this order
    # skip-run: why, and the test that covers it instead
                              the whole block is only checked against the schema

Placeholders: "<name>" is a kept value; "<totp:name>" is the TOTP code of the secret kept
as `name`, at the app's clock (moved on by 30 seconds when the last code of that secret
would come again, as a person waits for the app's next code).
"<passkey-create:name>" and "<passkey-get:name>" are what a browser's passkey answers to
the options kept as `name` (from beginPasskeyRegistration or beginPasskeyLogIn): the
credential's toJSON(), as a JSON string escaped to sit inside a string literal, made by the
software authenticator of tests/webauthn_authenticator.py (one per file).
"""

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
from graphql import OperationDefinitionNode, OperationType, parse, validate
from graphql.error import GraphQLSyntaxError

from accountql import clock

OWN_ORIGIN = "http://testserver"
TRACE = os.environ.get("DOCS_TRACE") == "1"  # print every answer (pytest -s)
ACCEPT = "application/graphql-response+json, application/json;q=0.9"
KEYS = {
    "as", "expect", "keep", "mail", "sms", "later", "shell", "variables", "upload", "method",
    "header", "origin", "events", "skip-run",
}
ANNOTATION = re.compile(r"^\s*#\s*([a-z][a-z-]*):\s*(.*?)\s*$")
PLACEHOLDER = re.compile(r"<(totp:|passkey-create:|passkey-get:)?([A-Za-z][\w]*)>")
UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
FILES = {
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 200),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff\xe0" + b"\1" * 200),
    ".pdf": ("application/pdf", b"%PDF-1.4\n" + b"%" * 200),
}


class DocFailure(AssertionError):
    """An example that did not do what its file says, with the file and line."""


@dataclass
class Block:
    path: str
    line: int  # of the opening fence
    text: str

    def where(self, offset: int) -> str:
        return f"{self.path}:{self.line + 1 + self.text.count(chr(10), 0, offset)}"


@dataclass
class Operation:
    block: Block
    where: str
    kind: OperationType
    name: str | None
    text: str  # the operation and its block's fragments
    notes: list[tuple[str, str]]
    root_fields: list[str]


def graphql_blocks(path: Path, shown_as: str) -> list[Block]:
    """The ```graphql blocks of a Markdown file, with the line of each opening fence."""
    blocks, current, start, indent = [], None, 0, ""
    for number, line in enumerate(path.read_text().splitlines(), 1):
        stripped = line.strip()
        if current is None:
            if stripped == "```graphql":
                current, start, indent = [], number, line[: len(line) - len(line.lstrip())]
        elif stripped == "```":
            blocks.append(Block(shown_as, start, "\n".join(current)))
            current = None
        else:
            current.append(line[len(indent):] if line.startswith(indent) else line)
    if current is not None:
        raise DocFailure(f"{shown_as}:{start}: the ```graphql block is never closed")
    return blocks


def operations(block: Block) -> list[Operation]:
    """The block's operations in order, each with the annotations written just above it."""
    try:
        document = parse(block.text)
    except GraphQLSyntaxError as error:
        line = block.line + error.locations[0].line if error.locations else block.line
        raise DocFailure(f"{block.path}:{line}: does not parse: {error.message}") from None
    fragments = [block.text[d.loc.start:d.loc.end] for d in document.definitions if not isinstance(d, OperationDefinitionNode)]
    found, previous_end = [], 0
    for definition in document.definitions:
        inside = block.text[definition.loc.start:definition.loc.end]
        for line in inside.splitlines():
            if ANNOTATION.match(line):
                offset = block.text.index(line, definition.loc.start)
                raise DocFailure(f"{block.where(offset)}: an annotation inside an operation applies to nothing: put it above")
        if isinstance(definition, OperationDefinitionNode):
            notes = []
            for line in block.text[previous_end:definition.loc.start].splitlines():
                match = ANNOTATION.match(line)
                if match:
                    key, value = match.groups()
                    if key not in KEYS:
                        offset = block.text.index(line, previous_end)
                        raise DocFailure(f"{block.where(offset)}: unknown annotation '# {key}:' (known: {', '.join(sorted(KEYS))})")
                    notes.append((key, value))
            text = "\n".join([block.text[definition.loc.start:definition.loc.end], *fragments])
            roots = [s.name.value for s in definition.selection_set.selections if hasattr(s, "name")]
            found.append(Operation(
                block, block.where(definition.loc.start), definition.operation,
                definition.name.value if definition.name else None, text, notes, roots,
            ))
        previous_end = definition.loc.end
    if any(map(ANNOTATION.match, block.text[previous_end:].splitlines())):
        raise DocFailure(f"{block.where(previous_end)}: annotations after the last operation apply to nothing: put them above it")
    return found


def skip_reason(block_operations: list[Operation]) -> str | None:
    for operation in block_operations:
        for key, value in operation.notes:
            if key == "skip-run":
                if not value:
                    raise DocFailure(f"{operation.where}: skip-run needs a reason (and where it is tested instead)")
                return value
    return None


def check_against_schema(schema, block_operations: list[Operation]) -> None:
    for operation in block_operations:
        errors = validate(schema, parse(operation.text))
        if errors:
            raise DocFailure(f"{operation.where}: does not validate against the schema: {errors[0].message}")


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
