"""Log lines: text for a person at a terminal (the default), or one JSON object a line for a
log collector (ACCOUNTQL_LOG_FORMAT=json). uvicorn's own loggers, its access log included,
go through the same handler, so every line has one shape.

Every line written while a request is served carries its request id (web/request_id.py
sets it), so the lines of one request can be found together, and the id is the one the
response carried in X-Request-Id.

Nothing secret reaches a log line from here: the access log shows the path without its
query string (GET /graphql?query=...&variables=... can hold a password or a token), and
the GraphQL layer never logs variables (schema.py).
"""

from __future__ import annotations

import json
import logging
import logging.config
from contextvars import ContextVar
from datetime import datetime, timezone

# The id of the request being served by the current task; None outside a request.
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s%(request_tag)s: %(message)s"


class RequestIdFilter(logging.Filter):
    """Put the current request's id on the record (as request_id, and request_tag for text)."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = request_id.get()
        record.request_id = current
        record.request_tag = f" [{current}]" if current else ""
        return True


class AccessLogWithoutQuery(logging.Filter):
    """uvicorn.access records are (client, method, path with query, HTTP version, status):
    the query string is dropped, since a GET request's variables may be secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, path, version, status = record.args
            record.args = (client, method, str(path).split("?", 1)[0], version, status)
        return True


class JsonFormatter(logging.Formatter):
    """{"time", "level", "logger", "message", "request_id"?, "exception"?}, plus method, path,
    status and client for access lines."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if getattr(record, "request_id", None):
            line["request_id"] = record.request_id
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
            client, method, path, _, status = record.args
            line.update(client=client, method=method, path=path, status=status)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(log_format: str = "text", level: str = "INFO") -> dict:
    """A dictConfig for the accountql and uvicorn loggers (uvicorn's log_config takes it too,
    and applies it in every worker process)."""
    formatter = {"()": JsonFormatter} if log_format == "json" else {"format": TEXT_FORMAT}
    uvicorn_level = level.upper() if level.upper() != "TRACE" else "DEBUG"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": RequestIdFilter},
            "access_without_query": {"()": AccessLogWithoutQuery},
        },
        "formatters": {"default": formatter},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["request_id", "access_without_query"],
            }
        },
        "root": {"handlers": ["default"], "level": "INFO"},
        "loggers": {
            "tortoise": {"level": "WARNING"},
            # Through the root's handler: one handler, one shape.
            "uvicorn": {"handlers": [], "level": uvicorn_level, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": uvicorn_level, "propagate": True},
            "uvicorn.access": {"handlers": [], "level": uvicorn_level, "propagate": True},
        },
    }


def configure(log_format: str = "text", level: str = "INFO") -> None:
    logging.config.dictConfig(logging_config(log_format, level))
