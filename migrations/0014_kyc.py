from tortoise import migrations
from tortoise.migrations import operations as ops
from accountql.clock import now
from accountql.models.kyc import KycDocumentType, KycStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0013_abuse')]

    initial = False

    operations = [
        ops.CreateModel(
            name='KycSubmission',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organization', fields.ForeignKeyField('models.Organization', source_field='organization_id', db_constraint=True, to_field='id', related_name='kyc_submissions', on_delete=OnDelete.CASCADE)),
                ('submitted_by', fields.ForeignKeyField('models.User', source_field='submitted_by_id', null=True, db_constraint=True, to_field='id', related_name='kyc_submissions', on_delete=OnDelete.SET_NULL)),
                ('document_type', fields.CharEnumField(description='the kind of document', enum_type=KycDocumentType, max_length=20)),
                ('document_file', fields.CharField(max_length=100)),
                ('selfie_file', fields.CharField(max_length=100)),
                ('status', fields.CharEnumField(default=KycStatus.PENDING, description='review state', enum_type=KycStatus, max_length=15)),
                ('created_at', fields.DatetimeField(default=now, auto_now=False, auto_now_add=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('rejection_reason', fields.TextField(null=True, unique=False)),
            ],
            options={'table': 'kyc_submission', 'app': 'models', 'pk_attr': 'id', 'table_description': 'An identity verification. The images live in files outside the database.'},
            bases=['Model'],
        ),
    ]
