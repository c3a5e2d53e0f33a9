"""The two response media types of the GraphQL over HTTP spec, through the real endpoint:
which one an Accept header gets, and the status code and shape each gives a request that
fails before execution (parse, validation, a document limit, variables that do not fit)
and one that executed."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from tests.api import PASSWORD, SIGN_UP
from tests.test_api_keys import owner_org_and_key
from tests.test_live_server import Server

NEW = "application/graphql-response+json; charset=utf-8"
OLD = "application/json; charset=utf-8"

# Accept header (None: not sent) -> the Content-Type of the answer.
NEGOTIATION = [
    (None, OLD),
    ("", OLD),
    ("*/*", OLD),
    ("application/*", OLD),
    ("application/json", OLD),
    ("application/json; charset=utf-8", OLD),
    ("application/graphql-response+json", NEW),
    ("APPLICATION/GraphQL-Response+JSON", NEW),
    ("application/graphql-response+json; charset=utf-8", NEW),
    # The spec's recommended client header; and both at the same q: the new type.
    ("application/graphql-response+json, application/json;q=0.9", NEW),
    ("application/json, application/graphql-response+json", NEW),
    ("application/json;q=0.8, application/graphql-response+json;q=0.8", NEW),
    # A higher q wins, however specific the other range is.
    ("application/graphql-response+json;q=0.9, application/json", OLD),
    ("application/graphql-response+json;q=0.5, */*", OLD),
    ("application/json;q=0.5, */*", NEW),
    # The new type named beside a wildcard: named beats wildcard at the same q.
    ("application/graphql-response+json, */*", NEW),
    ("text/html, application/graphql-response+json;q=0.9, */*;q=0.8", NEW),
    # Refused or unusable: q=0, a charset the server does not write, junk.
    ("application/graphql-response+json;q=0", OLD),
    ("application/graphql-response+json;q=0, */*", OLD),
    ("application/graphql-response+json; charset=latin1", OLD),
    ("application/graphql-response+json;q=abc", OLD),
    ("application/graphql-response+json;q=2", OLD),
    ("garbage, application/graphql-response+json", NEW),
    # Neither type acceptable: the header is disregarded, as the spec allows.
    ("text/html", OLD),
    ("image/png;q=1", OLD),
]


@pytest.mark.parametrize(("accept", "expected"), NEGOTIATION)
async def test_accept_chooses_the_media_type(client, accept, expected):
    headers = {} if accept is None else {"accept": accept}
    if accept is None:
        client.headers.pop("accept")  # httpx sends */* unless told not to
    post = await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    get = await client.get("/graphql", params={"query": "{ __typename }"}, headers=headers)
    for response in (post, get):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == expected
        assert response.json() == {"data": {"__typename": "Query"}}


async def test_several_accept_headers_are_one_list(client):
    headers = [("accept", "application/json;q=0.5"), ("accept", "application/graphql-response+json")]
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert response.headers["content-type"] == NEW


# What fails before execution, one of each kind, with its error code.
REQUEST_ERRORS = {
    "does not parse": ({"query": "{"}, "BAD_USER_INPUT"),
    "does not validate": ({"query": "{ nothingHere }"}, "BAD_USER_INPUT"),
    "an unused variable": ({"query": "query($id: ID!) { __typename }", "variables": {"id": "1"}}, "BAD_USER_INPUT"),
    "over the alias limit": ({"query": "{ " + " ".join(f"a{n}: __typename" for n in range(16)) + " }"}, "QUERY_TOO_COMPLEX"),
    "over the byte limit": ({"query": "{" + " __typename" * 4000 + " }"}, "QUERY_TOO_COMPLEX"),
    # Coercion: graphql-core checks variables against their types once validation passed.
    "a null for a non-null variable": ({"query": "query($n: String!) { __type(name: $n) { name } }", "variables": {"n": None}}, "BAD_USER_INPUT"),
    "a variable of the wrong type": ({"query": "query($n: String!) { __type(name: $n) { name } }", "variables": {"n": 5}}, "BAD_USER_INPUT"),
    "a missing variable": ({"query": "query($n: String!) { __type(name: $n) { name } }"}, "BAD_USER_INPUT"),
    "a wrong input object": ({"query": "mutation($i: LogInInput!) { logIn(input: $i) { __typename } }", "variables": {"i": {"email": 1}}}, "BAD_USER_INPUT"),
}


@pytest.mark.parametrize("case", REQUEST_ERRORS)
async def test_a_request_error_is_400_as_graphql_response_json_and_200_as_json(client, case):
    body, code = REQUEST_ERRORS[case]
    for accept, status, content_type in (
        ("application/graphql-response+json", 400, NEW),
        ("application/json", 200, OLD),
        ("*/*", 200, OLD),
    ):
        response = await client.post("/graphql", json=body, headers={"accept": accept})
        assert response.status_code == status, (accept, response.text)
        assert response.headers["content-type"] == content_type
        result = response.json()
        # Execution never began: no `data` entry at all, not even null.
        assert "data" not in result, result
        assert result["errors"][0]["extensions"]["code"] == code


async def test_a_request_error_by_get_is_400_too(client):
    params = {"query": "query($n: String!) { __type(name: $n) { name } }", "variables": '{"n": 5}'}
    response = await client.get("/graphql", params=params, headers={"accept": "application/graphql-response+json"})
    assert response.status_code == 400 and "data" not in response.json()
    response = await client.get("/graphql", params={"query": "{ nothingHere }"}, headers={"accept": "application/graphql-response+json"})
    assert response.status_code == 400 and "data" not in response.json()


async def test_a_field_error_is_2xx_with_data_under_either_type(client):
    """Execution ran: `me` refused the anonymous caller, and its null made data null."""
    for accept, content_type in (("application/graphql-response+json", NEW), ("application/json", OLD)):
        response = await client.post("/graphql", json={"query": "{ me { id } }"}, headers={"accept": accept})
        assert response.status_code == 200
        assert response.headers["content-type"] == content_type
        result = response.json()
        assert result["data"] is None
        assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert result["errors"][0]["path"] == ["me"]
    # Variables that fit their types are not a request error, whatever the answer.
    typed = {"query": "query($n: String!) { __type(name: $n) { name } }", "variables": {"n": "Query"}}
    response = await client.post("/graphql", json=typed, headers={"accept": "application/graphql-response+json"})
    assert response.status_code == 200 and response.json() == {"data": {"__type": {"name": "Query"}}}


async def test_a_read_only_key_refused_a_whole_mutation_is_an_executed_answer(client):
    """This refusal has no path (it stops the whole operation) yet it is an answer of the
    API to a well-formed request: `data` null and 200, not a malformed request."""
    _, org, created = await owner_org_and_key(client)
    mutation = 'mutation { createOrganization(input: {name: "k"}) { id } }'
    for accept in ("application/graphql-response+json", "application/json"):
        response = await client.post(
            "/graphql", json={"query": mutation}, headers={"accept": accept, "authorization": f"Bearer {created['secret']}"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["data"] is None
        assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_transport_refusals_use_the_negotiated_type(client, settings):
    from tests.conftest import make_client

    for accept, content_type in (("application/graphql-response+json", NEW), ("application/json", OLD), (None, OLD)):
        headers = {"accept": accept} if accept else {}
        refusals = [
            (await client.post("/graphql", content=b"{nope", headers={**headers, "content-type": "application/json"}), 400),
            (await client.post("/graphql", content=b"{}", headers={**headers, "content-type": "text/plain"}), 400),
            (await client.post("/graphql", json=[{"query": "{ __typename }"}], headers=headers), 400),
            (await client.post("/graphql", json={"query": 5}, headers=headers), 400),
            (await client.post("/graphql", json={"notquery": "{ __typename }"}, headers=headers), 400),
            (await client.put("/graphql", json={"query": "{ __typename }"}, headers=headers), 405),
            (await client.get("/graphql", params={"query": "mutation { logOut }"}, headers=headers), 405),
        ]
        async with make_client(settings, max_body_bytes=100) as small:
            big = {"query": "{ __typename }", "variables": {"x": "y" * 200}}
            refusals.append((await small.post("/graphql", json=big, headers=headers), 413))
        for response, status in refusals:
            assert response.status_code == status, response.text
            assert response.headers["content-type"] == content_type, response.request
            assert "data" not in response.json()
            assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_graphiql_still_answers_a_browser(client):
    for accept in ("text/html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"):
        page = await client.get("/graphql", headers={"accept": accept})
        assert page.status_code == 200
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        assert "graphiql" in page.text.lower()


async def test_service_unavailable_is_503_under_either_type(tmp_path):
    """A database that does not answer in time is 503, whatever the client reads: it
    should retry, and a 2xx would tell a cache or a retrying proxy the opposite."""
    database = tmp_path / "held.sqlite3"
    server = Server(
        tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{database}", ACCOUNTQL_SECRET_KEY="m" * 48, ACCOUNTQL_STATEMENT_TIMEOUT="1"
    )
    try:
        await server.wait_until_healthy()
        holder = sqlite3.connect(database, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        try:
            async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
                for n, (accept, content_type) in enumerate(
                    (("application/graphql-response+json", NEW), ("application/json", OLD))
                ):
                    variables = {"input": {"email": f"u{n}@example.com", "password": PASSWORD, "name": "U"}}
                    response = await client.post(
                        "/graphql", json={"query": SIGN_UP, "variables": variables}, headers={"accept": accept}
                    )
                    assert response.status_code == 503, response.text
                    assert response.headers["content-type"] == content_type
                    assert response.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    finally:
        server.stop()


async def test_a_document_of_several_operations_runs_one_only_when_named(client):
    """GraphQL spec, GetOperation: without operationName such a document is a request error
    (Strawberry ran its first operation)."""
    document = "query A { __typename } query B { __typename }"
    unnamed = await client.post("/graphql", json={"query": document}, headers={"Accept": "application/graphql-response+json"})
    assert unnamed.status_code == 400 and "data" not in unnamed.json()
    assert "operationName" in unnamed.json()["errors"][0]["message"]
    named = await client.post("/graphql", json={"query": document, "operationName": "B"}, headers={"Accept": "application/graphql-response+json"})
    assert named.status_code == 200 and named.json() == {"data": {"__typename": "Query"}}
