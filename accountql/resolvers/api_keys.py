import strawberry

from accountql.domain import api_keys
from accountql.models import ApiKeyAccess as AccessRow
from accountql.schema.inputs import CreateApiKeyInput, RevokeApiKeyInput
from accountql.schema.permissions import parse_id
from accountql.schema.types import ApiKey, CreatedApiKey


async def create_api_key(info: strawberry.Info, input: CreateApiKeyInput) -> CreatedApiKey:
    key, secret = await api_keys.create(
        info.context.settings.secret_key,
        await info.context.user(),
        parse_id(input.organization_id, "input.organizationId"),
        input.name,
        AccessRow(input.access.value),
        input.expires_at,
    )
    return CreatedApiKey(api_key=ApiKey.of(key), secret=secret)


async def revoke_api_key(info: strawberry.Info, input: RevokeApiKeyInput) -> ApiKey:
    return ApiKey.of(await api_keys.revoke(parse_id(input.id, "input.id")))
