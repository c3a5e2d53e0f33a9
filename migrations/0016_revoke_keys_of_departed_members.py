from datetime import UTC, datetime

from tortoise import migrations
from tortoise.migrations import operations as ops


async def revoke_keys_of_departed_members(apps, schema_editor) -> None:
    """Keys now die with the membership of the member who created them. Those whose creator
    had left before this rule existed are revoked too, and the audit log says why."""
    postgres = schema_editor.DIALECT == "postgres"
    marker = (lambda n: f"${n}") if postgres else (lambda n: "?")
    revoked_at = datetime.now(UTC)
    client = schema_editor.client
    _, keys = await client.execute_query(
        "SELECT id, organization_id, name FROM api_key WHERE revoked_at IS NULL AND created_by_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM membership WHERE membership.user_id = api_key.created_by_id "
        "AND membership.organization_id = api_key.organization_id)"
    )
    # SQLite keeps times as text in Tortoise's own format (str() of an aware datetime).
    at = revoked_at if postgres else str(revoked_at)
    for key in keys:
        await client.execute_query(f"UPDATE api_key SET revoked_at = {marker(1)} WHERE id = {marker(2)}", [at, key["id"]])
        await client.execute_query(
            "INSERT INTO audit_event (id, kind, at, organization_id, details, support) "
            f"VALUES ({marker(1)}, 'API_KEY_REVOKED', {marker(2)}, {marker(3)}, {marker(4)}, {marker(5)})",
            [
                _new_id(postgres),
                at,
                key["organization_id"],
                '{"key": "%s", "name": %s, "reason": "its creator had left the organization"}'
                % (key["id"], _json_string(key["name"])),
                False,
            ],
        )


def _new_id(postgres: bool):
    import uuid

    return uuid.uuid4() if postgres else str(uuid.uuid4())


def _json_string(text: str) -> str:
    import json

    return json.dumps(text)


class Migration(migrations.Migration):
    dependencies = [("models", "0015_email_verification_and_sudo")]

    initial = False

    operations = [ops.RunPython(revoke_keys_of_departed_members)]
