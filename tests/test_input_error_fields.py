"""Every input error says which field it is about (`extensions.field`, the argument's path
as the client wrote it), whether our resolvers refuse the value or graphql-core does, for a
variable or for a literal in the document: a form shows each error next to its field."""

from __future__ import annotations

import pytest

from tests.api import gql, sign_up
from tests.test_organizations import create_org

CREATE_KEY = "mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }"
NAIVE = "2030-01-01T00:00:00"  # no time zone: refused by DateTime

CASES = [
    ("variable of the wrong scalar", CREATE_KEY, {"i": {"organizationId": "<org>", "name": "x", "expiresAt": NAIVE}}, "input.expiresAt"),
    ("variable with an unknown enum value", CREATE_KEY, {"i": {"organizationId": "<org>", "name": "x", "access": "NOPE"}}, "input.access"),
    ("variable missing a required field", CREATE_KEY, {"i": {"organizationId": "<org>"}}, "input.name"),
    ("variable not given", CREATE_KEY, {}, "input"),
    ("literal of the wrong scalar", 'mutation { createApiKey(input: {organizationId: "<org>", name: "x", expiresAt: "%s"}) { secret } }' % NAIVE, {}, "input.expiresAt"),
    ("literal with an unknown enum value", 'mutation { createApiKey(input: {organizationId: "<org>", access: NOPE, name: "x"}) { secret } }', {}, "input.access"),
    ("literal missing a required field", 'mutation { createApiKey(input: {organizationId: "<org>"}) { secret } }', {}, "input.name"),
    ("literal with an unknown field", 'mutation { createApiKey(input: {organizationId: "<org>", name: "x", bogus: 1}) { secret } }', {}, "input.bogus"),
    ("wrong item of a list", 'mutation { addContact(input: {organizationId: "<org>", email: "a@example.com", roles: [TECHNICAL, NOPE]}) { id } }', {}, "input.roles[1]"),
    ("argument of a field", '{ me { sessions(first: "x") { totalCount } } }', {}, "first"),
    ("resolver's own refusal", 'mutation { createApiKey(input: {organizationId: "<org>", name: ""}) { secret } }', {}, "input.name"),
]


@pytest.mark.parametrize(("case", "query", "variables", "field"), CASES, ids=[c[0] for c in CASES])
async def test_each_input_error_names_its_field(client, case, query, variables, field):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    query = query.replace("<org>", org)
    variables = {k: {**v, "organizationId": org} if isinstance(v, dict) and "organizationId" in v else v for k, v in variables.items()}
    errors = (await gql(client, query, variables, token=ada["token"]))["errors"]
    assert [error["extensions"] for error in errors] == [{"code": "BAD_USER_INPUT", "field": field}], errors
