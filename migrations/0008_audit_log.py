from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from accountql.clock import now
from json import dumps, loads
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0007_ssh_keys')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('kind', fields.CharField(db_index=True, description='an AuditKind value', max_length=40)),
                ('at', fields.DatetimeField(default=now, db_index=True, auto_now=False, auto_now_add=False)),
                ('actor_user', fields.ForeignKeyField('models.User', source_field='actor_user_id', null=True, db_constraint=True, to_field='id', related_name='audit_events_acted', on_delete=OnDelete.SET_NULL)),
                ('actor_api_key', fields.ForeignKeyField('models.ApiKey', source_field='actor_api_key_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.SET_NULL)),
                ('subject_user', fields.ForeignKeyField('models.User', source_field='subject_user_id', null=True, db_constraint=True, to_field='id', related_name='audit_events_about', on_delete=OnDelete.SET_NULL)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.CASCADE)),
                ('ip_address', fields.CharField(null=True, max_length=45)),
                ('user_agent', fields.CharField(null=True, max_length=512)),
                ('details', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
            ],
            options={'table': 'audit_event', 'app': 'models', 'pk_attr': 'id', 'table_description': 'One security-relevant event. Appended, never changed.'},
            bases=['Model'],
        ),
    ]
