from tortoise import migrations
from tortoise.migrations import operations as ops
from accountql.clock import now
from accountql.models.abuse import AbuseReason
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0012_quotas_and_plans')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AbuseCase',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='abuse_cases', on_delete=OnDelete.CASCADE)),
                ('resource_kind', fields.CharField(max_length=50)),
                ('resource_id', fields.CharField(max_length=100)),
                ('reason', fields.CharEnumField(description='why it was reported', enum_type=AbuseReason, max_length=20)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
                ('answer', fields.TextField(null=True, unique=False)),
                ('answered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('resolved_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('resolution', fields.TextField(null=True, unique=False)),
            ],
            options={'table': 'abuse_case', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Reports of one resource for one reason, grouped while the case is open.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AbuseReport',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('models.AbuseCase', source_field='case_id', db_constraint=True, to_field='id', related_name='reports', on_delete=OnDelete.CASCADE)),
                ('reporter', fields.ForeignKeyField('models.User', source_field='reporter_id', null=True, db_constraint=True, to_field='id', related_name='abuse_reports', on_delete=OnDelete.SET_NULL)),
                ('details', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'abuse_report', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
