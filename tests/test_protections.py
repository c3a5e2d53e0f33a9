"""What the endpoint refuses or hides, whoever asks: deep queries, batches, introspection
in production, GraphiQL in production, internals in error messages."""

from pathlib import Path

from accountql.schema.schema import build_schema
from tests.api import error_code, gql, ok, sign_up
from tests.conftest import make_client

INTROSPECTION = "{ __schema { queryType { name } } }"


async def test_exported_schema_matches_the_server():
    committed = Path(__file__).parent.parent.joinpath("schema.graphql").read_text()
    assert committed == build_schema().as_str() + "\n", (
        "schema.graphql is out of date: run `accountql export-schema > schema.graphql`"
    )


async def test_schema_shows_permission_directives():
    sdl = build_schema().as_str()
    assert "me: User! @isAuthenticated" in sdl
    assert "inviteMember(\n    \"\"\"Invite someone by e-mail.\"\"\"\n    input: InviteMemberInput!\n  ): Invitation! @isAuthenticated @hasRole(role: OWNER)" in sdl
    assert "directive @hasRole(\n" in sdl and "role: Role!\n) on FIELD_DEFINITION" in sdl


async def test_too_deep_a_query_is_refused(client):
    account = await sign_up(client, "deep@example.com")
    deep = "{ me { memberships { edges { node { organization { members { edges { node { user { memberships { edges { node { organization { members { edges { node { user { id } } } } } } } } } } } } } } } } } }"
    for _ in range(2):  # the second time from the validation cache: still refused
        result = await gql(client, deep, token=account["token"])
        assert error_code(result) == "QUERY_TOO_COMPLEX"
        assert "depth limit of 10" in result["errors"][0]["message"]


async def test_a_batch_of_operations_is_refused(client):
    response = await client.post("/graphql", json=[{"query": "{ __typename }"}, {"query": "{ __typename }"}])
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_body_that_is_not_json_is_refused_with_a_graphql_error(client):
    response = await client.post("/graphql", content=b"{nope", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_syntax_and_unknown_fields_get_bad_user_input(client):
    assert error_code(await gql(client, "{ me { id ")) == "BAD_USER_INPUT"
    assert error_code(await gql(client, "{ me { passwordHash } }")) == "BAD_USER_INPUT"


async def test_introspection_on_in_development_off_when_configured(settings, client):
    assert ok(await gql(client, INTROSPECTION))["__schema"]["queryType"]["name"] == "Query"
    async with make_client(settings, introspection=False) as closed:
        assert error_code(await gql(closed, INTROSPECTION)) == "BAD_USER_INPUT"


async def test_production_hides_graphiql_introspection_and_suggestions(settings, monkeypatch, tmp_path):
    from accountql.config import load_settings

    monkeypatch.setenv("ACCOUNTQL_ENV", "production")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "p" * 48)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", settings.database_url)
    production = load_settings()
    assert production.production and not production.introspection
    async with make_client(production) as prod:
        page = await prod.get("/graphql", headers={"accept": "text/html"})
        assert "graphiql" not in page.text.lower()
        assert error_code(await gql(prod, INTROSPECTION)) == "BAD_USER_INPUT"
        typo = await gql(prod, "{ mee { id } }")
        assert "Did you mean" not in typo["errors"][0]["message"]
    async with make_client(settings) as dev:
        page = await dev.get("/graphql", headers={"accept": "text/html"})
        assert "graphiql" in page.text.lower()
        typo = await gql(dev, "{ mee { id } }")
        assert "Did you mean" in typo["errors"][0]["message"]


async def test_unexpected_errors_reveal_nothing(client, monkeypatch):
    from accountql.domain import organizations

    account = await sign_up(client, "boom@example.com")

    async def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(organizations, "create_organization", broken)
    result = await gql(client, 'mutation { createOrganization(input: {name: "x"}) { id } }', token=account["token"])
    assert error_code(result) == "INTERNAL_SERVER_ERROR"
    assert "hunter2" not in str(result)


async def test_healthz_answers_when_the_database_does(client):
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_healthz_is_503_when_the_database_does_not_answer(client):
    from tortoise import connections

    class Unreachable:
        """Stands in for the database server, not for the code under test."""

        def _check_loop(self) -> bool:
            return True

        async def execute_query(self, *args, **kwargs):
            raise OSError("connection refused")

    real = connections.get("default")
    connections.set("default", Unreachable())
    try:
        response = await client.get("/healthz")
    finally:
        connections.set("default", real)
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


async def test_a_wrongly_shaped_variable_is_bad_input_and_never_logged(client, caplog):
    caplog.set_level("DEBUG")
    query = "mutation($i: LogInInput!) { logIn(input: $i) { __typename } }"
    variables = {"i": {"email": "a@example.com", "password": "MY-SECRET-PASSPHRASE", "rememberMe": True}}
    result = await gql(client, query, variables)
    assert error_code(result) == "BAD_USER_INPUT"
    assert "MY-SECRET-PASSPHRASE" not in caplog.text


async def test_a_body_that_is_no_object_is_refused(client):
    for body in (b'"x"', b"5", b"null"):
        response = await client.post("/graphql", content=body, headers={"content-type": "application/json"})
        assert response.status_code == 400, body
        assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_text_that_is_not_unicode_is_refused(client):
    body = b'{"query": "mutation { logIn(input: {email: \\"\\\\ud800@x.com\\", password: \\"p\\"}) { __typename } }"}'
    response = await client.post("/graphql", content=body, headers={"content-type": "application/json"})
    # Written into the document: refused by validation, before anything runs.
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "data" not in response.json()
    # Sent as a variable: refused with the body.
    response = await client.post(
        "/graphql",
        content=b'{"query": "mutation($i: SignUpInput!) { signUp(input: $i) { token } }", "variables": {"i": {"email": "a@example.com", "password": "\\ud800\\ud800 long enough", "name": "x"}}}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400


async def test_production_hides_every_kind_of_suggestion(settings, monkeypatch):
    from accountql.config import load_settings

    monkeypatch.setenv("ACCOUNTQL_ENV", "production")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "p" * 48)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", settings.database_url)
    async with make_client(load_settings()) as prod:
        documents = [
            "{ mee { id } }",  # a field
            'mutation { logIn(inptu: {email: "a", password: "b"}) { __typename } }',  # an argument
            'mutation { inviteMember(input: {organizationId: "x", email: "a", role: OWNR}) { id } }',  # an enum value
            "query($x: AuthSesion) { me { id } }",  # a type
            'mutation { logIn(input: {emial: "a", password: "b"}) { __typename } }',  # an input field
        ]
        for document in documents:
            result = await gql(prod, document)
            assert error_code(result) == "BAD_USER_INPUT", document
            assert "Did you mean" not in result["errors"][0]["message"], result
