from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0009_mfa_last_call')]

    initial = False

    operations = [
        ops.AddField(
            model_name='User',
            name='is_staff',
            field=fields.BooleanField(default=False, db_default=False),
        ),
    ]
