import uuid

from tortoise import fields
from tortoise.models import Model

from accountql.clock import now


class SshKey(Model):
    """A user's SSH public key, for the machines their organizations provision."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    user = fields.ForeignKeyField("models.User", related_name="ssh_keys", on_delete=fields.CASCADE)
    name = fields.CharField(max_length=100)
    public_key = fields.TextField()
    key_type = fields.CharField(max_length=40)
    bits = fields.IntField()
    # As `ssh-keygen -lf` prints it: SHA256:<base64 without padding>.
    fingerprint = fields.CharField(max_length=60, unique=True)
    created_at = fields.DatetimeField(default=now)

    class Meta:
        table = "ssh_key"
        # In the order its list pages (keyset cursors): a page is an index range.
        indexes = (("user_id", "created_at", "id"),)
