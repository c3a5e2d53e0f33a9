from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0011_support_access')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Quota',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='quotas', on_delete=OnDelete.CASCADE)),
                ('product', fields.CharField(max_length=50)),
                ('resource', fields.CharField(max_length=50)),
                ('limit_override', fields.IntField(null=True)),
                ('quota_limit', fields.IntField()),
                ('used', fields.IntField(default=0)),
            ],
            options={'table': 'quota', 'app': 'models', 'unique_together': (('organization', 'product', 'resource'),), 'pk_attr': 'id', 'table_description': "How much of one product's resource an organization may use, and uses."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Organization',
            name='support_plan',
            field=fields.CharField(default='BASIC', db_default='BASIC', max_length=10),
        ),
    ]
