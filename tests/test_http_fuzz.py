"""Property-based tests of the HTTP layer: whatever a client sends to /graphql (bodies,
content types, JSON of any shape, multipart parts), the answer is JSON and never a 5xx."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import make_client

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/json; charset=utf-8",
        "application/graphql-response+json",
        "application/graphql",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/form-data; boundary=xyz",
        "",
    ]
) | st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)  # what a header can hold

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)

QUERIES = st.sampled_from(
    [
        "{ __typename }",
        "{ me { id } }",
        "query($x: Int) { __typename }",
        "mutation { logOut }",
        "mutation($i: LogInInput!) { logIn(input: $i) { __typename } }",
        "{",
        "",
    ]
) | st.text(max_size=60)

REQUEST_OBJECTS = st.fixed_dictionaries(
    {},
    optional={
        "query": QUERIES | JSON_VALUES,
        "variables": JSON_VALUES,
        "operationName": st.none() | st.text(max_size=10) | st.integers(),
        "extensions": JSON_VALUES,
    },
)


def assert_graphql_answer(response) -> None:
    assert response.status_code < 500, (response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json"), response.headers
    body = response.json()
    assert isinstance(body, dict) and ("errors" in body or "data" in body), body


@FUZZ
@given(body=st.binary(max_size=300), content_type=CONTENT_TYPES)
async def test_any_bytes_with_any_content_type(settings, body, content_type):
    async with make_client(settings) as client:
        headers = {"content-type": content_type} if content_type else {}
        assert_graphql_answer(await client.post("/graphql", content=body, headers=headers))


@FUZZ
@given(payload=REQUEST_OBJECTS | JSON_VALUES)
async def test_any_json_shape(settings, payload):
    async with make_client(settings) as client:
        assert_graphql_answer(await client.post("/graphql", json=payload))


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["query", "variables", "operationName", "extensions", "x"]), st.text(max_size=40), max_size=4))
async def test_any_query_string(settings, params):
    async with make_client(settings) as client:
        assert_graphql_answer(await client.get("/graphql", params=params, headers={"accept": "application/json"}))


FIELD_NAMES = st.sampled_from(["operations", "map", "0", "1", "file"]) | st.text(min_size=1, max_size=8)


@FUZZ
@given(
    fields=st.dictionaries(FIELD_NAMES, st.one_of(JSON_VALUES.map(json.dumps), st.text(max_size=30)), max_size=4),
    files=st.dictionaries(FIELD_NAMES, st.binary(max_size=50), max_size=3),
    csrf=st.booleans(),
)
async def test_any_multipart_parts(settings, fields, files, csrf):
    async with make_client(settings) as client:
        headers = {"X-CSRF-Protection": "1"} if csrf else {}
        response = await client.post(
            "/graphql",
            data=fields,
            files={name: (f"{name}.bin", content, "application/octet-stream") for name, content in files.items()} or None,
            headers=headers,
        )
        assert_graphql_answer(response)
