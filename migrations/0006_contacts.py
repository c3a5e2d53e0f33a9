from tortoise import migrations
from tortoise.migrations import operations as ops
from accountql.clock import now
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0005_api_keys')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Contact',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='contacts', on_delete=OnDelete.CASCADE)),
                ('email', fields.CharField(max_length=320)),
                ('roles', fields.CharField(max_length=100)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'contact', 'app': 'models', 'unique_together': (('organization', 'email'),), 'pk_attr': 'id', 'table_description': "Where an organization's notifications go. PRIMARY receives every kind."},
            bases=['Model'],
        ),
    ]
