from tortoise import migrations
from tortoise.migrations import operations as ops
from accountql.clock import now
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0002_mfa_and_outbox')]

    initial = False

    operations = [
        ops.CreateModel(
            name='UnknownAccountAttempt',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('at', fields.DatetimeField(default=now, db_index=True, auto_now=False, auto_now_add=False)),
                ('email_hash', fields.CharField(max_length=64)),
                ('ip_address', fields.CharField(null=True, max_length=45)),
                ('user_agent', fields.CharField(null=True, max_length=512)),
            ],
            options={'table': 'unknown_account_attempt', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A failed login for an address that has no account.'},
            bases=['Model'],
        ),
    ]
