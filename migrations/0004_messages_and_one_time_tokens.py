from tortoise import migrations
from tortoise.migrations import operations as ops
from accountql.clock import now
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0003_unknown_account_attempts')]

    initial = False

    operations = [
        ops.CreateModel(
            name='OneTimeToken',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='one_time_tokens', on_delete=OnDelete.CASCADE)),
                ('purpose', fields.CharField(description='what the token is for', max_length=30)),
                ('token_hash', fields.CharField(db_index=True, max_length=64)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('failures', fields.IntField(default=0)),
                ('payload', fields.CharField(null=True, max_length=320)),
            ],
            options={'table': 'one_time_token', 'app': 'models', 'indexes': [Index(fields=['user_id', 'purpose'])], 'pk_attr': 'id', 'table_description': 'A link token or a short code sent to the user, stored as a keyed hash, spent once.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='User',
            name='login_notifications',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddField(
            model_name='User',
            name='mfa_method',
            field=fields.CharField(default='TOTP', db_default='TOTP', max_length=10),
        ),
        ops.AddField(
            model_name='User',
            name='phone_number',
            field=fields.CharField(null=True, unique=True, max_length=20),
        ),
    ]
