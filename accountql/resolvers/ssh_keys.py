import strawberry

from accountql.domain import ssh_keys
from accountql.schema.inputs import AddSshKeyInput, DeleteSshKeyInput
from accountql.schema.permissions import parse_id
from accountql.schema.types import SshKey


async def add_ssh_key(info: strawberry.Info, input: AddSshKeyInput) -> SshKey:
    return SshKey.of(await ssh_keys.add(await info.context.user(), input.name, input.public_key))


async def delete_ssh_key(info: strawberry.Info, input: DeleteSshKeyInput) -> bool:
    await ssh_keys.delete(await info.context.user(), parse_id(input.id, "input.id"))
    return True
