from tortoise import fields
from tortoise.models import Model


class RateLimitCounter(Model):
    """A fixed-window counter. Kept in the database so every worker process shares it."""

    key = fields.CharField(max_length=255, primary_key=True)
    # Seconds since the epoch: compared in SQL the same way on SQLite and PostgreSQL.
    window_start = fields.BigIntField()
    window_seconds = fields.IntField()
    count = fields.IntField(default=0)

    class Meta:
        table = "rate_limit_counter"
