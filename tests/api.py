"""Small helpers that talk to the API the way a front end does: JSON over POST /graphql."""

from __future__ import annotations

import re

import httpx

PASSWORD = "correct horse battery staple"


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict | None = None,
    token: str | None = None,
    headers: dict | None = None,
) -> dict:
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=all_headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def error_code(result: dict) -> str:
    assert result.get("errors"), f"expected an error, got {result}"
    return result["errors"][0]["extensions"]["code"]


def ok(result: dict) -> dict:
    assert not result.get("errors"), result.get("errors")
    return result["data"]


SIGN_UP = """
mutation($input: SignUpInput!) {
  signUp(input: $input) { token session { id current } user { id email name } }
}"""

LOG_IN = """
mutation($input: LogInInput!) {
  logIn(input: $input) {
    __typename
    ... on AuthSession { token session { id } user { id email } }
    ... on MfaChallenge { challenge }
  }
}"""


async def sign_up(client, email: str, password: str = PASSWORD, name: str = "Ada", verify: bool = True) -> dict:
    """Sign up and return {token, user_id, session_id}; with `verify`, follow the link that
    sign-up mailed, as its owner would."""
    data = ok(await gql(client, SIGN_UP, {"input": {"email": email, "password": password, "name": name}}))
    if verify:
        await verify_email(client, data["signUp"]["user"]["email"], data["signUp"]["token"])
    return {
        "token": data["signUp"]["token"],
        "user_id": data["signUp"]["user"]["id"],
        "session_id": data["signUp"]["session"]["id"],
    }


VERIFY_EMAIL = "mutation($t: String!) { verifyEmail(input: {token: $t}) { email emailVerified } }"


async def last_link_token(address: str, kind: str) -> str:
    """The token of the newest link of this kind queued to an address (the outbox is the
    mail the server sends; its bodies are sealed at rest)."""
    from accountql import outbox
    from accountql.models import OutboxMessage

    message = await OutboxMessage.filter(recipient=address, kind=kind).order_by("-created_at").first()
    assert message is not None, f"no {kind} message to {address}"
    return re.search(r"(?:token|id)=([\w-]+)", outbox.body_of(message)).group(1)


async def verify_email(client, address: str, session_token: str) -> dict:
    """Follow the newest verification link to `address`, signed in as its account."""
    token = await last_link_token(address, "email_verification")
    return ok(await gql(client, VERIFY_EMAIL, {"t": token}, token=session_token))["verifyEmail"]


async def log_in(client, email: str, password: str = PASSWORD) -> dict:
    return await gql(client, LOG_IN, {"input": {"email": email, "password": password}})


CONFIRM_CONTACT = "mutation($t: String!) { confirmContact(input: {token: $t}) }"


async def confirm_contact(client, address: str) -> None:
    """Follow the confirmation link a new notification contact was sent."""
    token = await last_link_token(address, "contact_confirmation")
    assert ok(await gql(client, CONFIRM_CONTACT, {"t": token}))["confirmContact"] is True


def nodes(connection: dict) -> list:
    """The items of a page of a Relay connection."""
    return [edge["node"] for edge in connection["edges"]]
