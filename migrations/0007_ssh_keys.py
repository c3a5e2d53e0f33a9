from tortoise import migrations
from tortoise.migrations import operations as ops
from accountql.clock import now
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0006_contacts')]

    initial = False

    operations = [
        ops.CreateModel(
            name='SshKey',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='ssh_keys', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=100)),
                ('public_key', fields.TextField(unique=False)),
                ('key_type', fields.CharField(max_length=40)),
                ('bits', fields.IntField()),
                ('fingerprint', fields.CharField(unique=True, max_length=60)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'ssh_key', 'app': 'models', 'pk_attr': 'id', 'table_description': "A user's SSH public key, for the machines their organizations provision."},
            bases=['Model'],
        ),
    ]
