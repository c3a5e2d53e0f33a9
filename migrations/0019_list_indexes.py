"""Every list pages by keyset cursors on (created_at or at, id) within its owner: these
indexes make any page, the first or the 500th, one index range instead of a scan and sort
of all the owner's rows. The (user_id, at) index of login attempts gives way to one that
ends in id as well."""

from tortoise import migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [('models', '0018_passkeys')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='AbuseCase',
            index=Index(fields=['organization_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='ApiKey',
            index=Index(fields=['organization_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='AuditEvent',
            index=Index(fields=['organization_id', 'at', 'id']),
        ),
        ops.AddIndex(
            model_name='AuditEvent',
            index=Index(fields=['actor_user_id', 'at', 'id']),
        ),
        ops.AddIndex(
            model_name='AuditEvent',
            index=Index(fields=['subject_user_id', 'at', 'id']),
        ),
        ops.AddIndex(
            model_name='Contact',
            index=Index(fields=['organization_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Invitation',
            index=Index(fields=['organization_id', 'created_at', 'id']),
        ),
        ops.RemoveIndex(
            model_name='LoginAttempt',
            name=None,
            fields=['user_id', 'at'],
        ),
        ops.AddIndex(
            model_name='LoginAttempt',
            index=Index(fields=['user_id', 'at', 'id']),
        ),
        ops.AddIndex(
            model_name='Membership',
            index=Index(fields=['organization_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Membership',
            index=Index(fields=['user_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Passkey',
            index=Index(fields=['user_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Session',
            index=Index(fields=['user_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='SshKey',
            index=Index(fields=['user_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='SupportGrant',
            index=Index(fields=['organization_id', 'created_at', 'id']),
        ),
        # contact.confirmation_hash is db_index=True, but AddField (0015) made the column
        # without its index on either database, and confirmContact looks contacts up by it.
        ops.RunSQL("CREATE INDEX IF NOT EXISTS idx_contact_confirmation_hash ON contact (confirmation_hash)"),
    ]
