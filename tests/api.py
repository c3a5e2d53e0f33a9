"""Small helpers that talk to the API the way a front end does: JSON over POST /graphql."""

from __future__ import annotations

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


async def sign_up(client, email: str, password: str = PASSWORD, name: str = "Ada") -> dict:
    """Sign up and return {token, user_id, session_id}."""
    data = ok(await gql(client, SIGN_UP, {"input": {"email": email, "password": password, "name": name}}))
    return {
        "token": data["signUp"]["token"],
        "user_id": data["signUp"]["user"]["id"],
        "session_id": data["signUp"]["session"]["id"],
    }


async def log_in(client, email: str, password: str = PASSWORD) -> dict:
    return await gql(client, LOG_IN, {"input": {"email": email, "password": password}})
