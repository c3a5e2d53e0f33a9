from tortoise import migrations
from tortoise.migrations import operations as ops
from accountql.clock import now
from accountql.models.support import SupportReason
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0010_staff')]

    initial = False

    operations = [
        ops.CreateModel(
            name='SupportGrant',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='support_grants', on_delete=OnDelete.CASCADE)),
                ('granted_by', fields.ForeignKeyField('models.User', source_field='granted_by_id', null=True, db_constraint=True, to_field='id', related_name='support_grants_given', on_delete=OnDelete.SET_NULL)),
                ('reason', fields.CharEnumField(description='why support may act', enum_type=SupportReason, max_length=30)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'support_grant', 'app': 'models', 'pk_attr': 'id', 'table_description': "An owner's leave for platform staff to act in the organization as a MANAGER."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='AuditEvent',
            name='support',
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddField(
            model_name='Session',
            name='support',
            field=fields.BooleanField(default=False, db_default=False),
        ),
    ]
