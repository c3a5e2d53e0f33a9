from tortoise import migrations
from tortoise.migrations import operations as ops
from accountql.clock import now
from accountql.models.organization import MfaLevel
from accountql.models.passkey import PasskeyCeremony
from accountql.models.session import LoginMethod
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

from accountql.migration_ops import AlterFieldKeepingIndexes

class Migration(migrations.Migration):
    dependencies = [('models', '0017_account_deletion')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Passkey',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='passkeys', on_delete=OnDelete.CASCADE)),
                ('credential_id', fields.CharField(unique=True, max_length=1400)),
                ('public_key', fields.TextField(unique=False)),
                ('name', fields.CharField(max_length=100)),
                ('sign_count', fields.BigIntField(default=0)),
                ('backup_eligible', fields.BooleanField(default=False)),
                ('backed_up', fields.BooleanField(default=False)),
                ('aaguid', fields.CharField(default='00000000-0000-0000-0000-000000000000', max_length=36)),
                ('attestation_format', fields.CharField(default='none', max_length=20)),
                ('transports', fields.CharField(default='', max_length=100)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('clone_suspected_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'passkey', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A WebAuthn public-key credential (a passkey) of a user. Nothing secret is kept: the'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PasskeyChallenge',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('challenge_hash', fields.CharField(unique=True, max_length=64)),
                ('ceremony', fields.CharEnumField(description='REGISTRATION: REGISTRATION\nLOG_IN: LOG_IN\nSECOND_FACTOR: SECOND_FACTOR', enum_type=PasskeyCeremony, max_length=20)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='passkey_challenges', on_delete=OnDelete.CASCADE)),
                ('session', fields.ForeignKeyField('models.Session', source_field='session_id', null=True, db_constraint=True, to_field='id', related_name='passkey_challenges', on_delete=OnDelete.CASCADE)),
                ('mfa_challenge', fields.ForeignKeyField('models.MfaChallenge', source_field='mfa_challenge_id', null=True, db_constraint=True, to_field='id', related_name='passkey_challenges', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'passkey_challenge', 'app': 'models', 'pk_attr': 'id', 'table_description': 'One WebAuthn challenge, single use and short-lived, stored as a keyed hash only.'},
            bases=['Model'],
        ),
        AlterFieldKeepingIndexes(  # SQLite's table rebuild would drop the list's index
            model_name='LoginAttempt',
            name='method',
            field=fields.CharEnumField(default=LoginMethod.PASSWORD, description='PASSWORD: PASSWORD\nMAGIC_LINK: MAGIC_LINK\nPASSKEY: PASSKEY', enum_type=LoginMethod, max_length=20),
        ),
        ops.AddField(
            model_name='Organization',
            name='mfa_level',
            field=fields.CharEnumField(default=MfaLevel.ANY, description='ANY: ANY\nPHISHING_RESISTANT: PHISHING_RESISTANT', db_default='ANY', enum_type=MfaLevel, max_length=20),
        ),
        ops.AddField(
            model_name='Session',
            name='phishing_resistant',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddField(
            model_name='User',
            name='has_passkey',
            field=fields.BooleanField(default=False, db_default=False),
        ),
    ]
