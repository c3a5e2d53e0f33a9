"""DateTime as the API writes it (RFC 3339, always with an offset) and Python's datetime.

ariadne-codegen copies this file into the generated package (files_to_include in
pyproject.toml) and calls these for every DateTime it reads or sends. Without them pydantic
would take a naive datetime and send it with no offset, which the server cannot place in
time, and would read numbers as Unix times where the API only ever writes RFC 3339.
"""

from __future__ import annotations

from datetime import datetime


def parse_datetime(value: object) -> datetime:
    """An RFC 3339 string from the server as an aware datetime."""
    if isinstance(value, datetime):  # already parsed (a model built by hand, a copy)
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"DateTime {value!r} is not RFC 3339: the server writes e.g. 2026-11-30T08:15:00+00:00;"
                " check that the client talks to an AccountQL server"
            ) from None
    else:
        raise ValueError(f"DateTime must be an RFC 3339 string, not {type(value).__name__}")
    if parsed.tzinfo is None:
        raise ValueError(f"DateTime {value!r} has no offset from UTC: RFC 3339 requires one")
    return parsed


def serialize_datetime(value: datetime) -> str:
    """An aware datetime as the RFC 3339 string the server reads."""
    if value.tzinfo is None:
        raise ValueError(
            f"DateTime {value.isoformat()} has no time zone, so the server cannot tell when it is:"
            " pass an aware datetime, e.g. datetime.now(timezone.utc) + timedelta(days=30)"
        )
    return value.isoformat()
