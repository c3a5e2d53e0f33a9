"""The ```graphql examples of the documentation, read: blocks, their operations and their
annotations, checked against the schema (tests/docs_runner.py runs them).

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

import re
from dataclasses import dataclass
from pathlib import Path

from graphql import OperationDefinitionNode, OperationType, parse, validate
from graphql.error import GraphQLSyntaxError

KEYS = {
    "as", "expect", "keep", "mail", "sms", "later", "shell", "variables", "upload", "method",
    "header", "origin", "events", "skip-run",
}
ANNOTATION = re.compile(r"^\s*#\s*([a-z][a-z-]*):\s*(.*?)\s*$")


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
