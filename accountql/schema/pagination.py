"""Relay connections with keyset cursors: a page stays right while rows are added."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Generic, TypeVar

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from accountql.errors import BadUserInput

DEFAULT_PAGE_SIZE = 20
Node = TypeVar("Node")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[Node]):
    node: Node
    cursor: str


@strawberry.type
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo


def _encode(moment: datetime, row_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{moment.isoformat()}|{row_id}".encode()).decode()


def _decode(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        moment, row_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(moment), uuid.UUID(row_id)
    except (ValueError, UnicodeDecodeError):
        raise BadUserInput(
            "The cursor is not valid: pass an endCursor from a previous page.", field="after"
        ) from None


async def paginate(
    query: QuerySet,
    first: int | None,
    after: str | None,
    max_page_size: int,
    to_node: Callable,
    time_field: str = "created_at",
    newest_first: bool = False,
) -> Connection:
    """One page of `query`, ordered by (time_field, id)."""
    size = DEFAULT_PAGE_SIZE if first is None else first
    if size < 0 or size > max_page_size:
        raise BadUserInput(f"first must be between 0 and {max_page_size}.", field="first")
    direction = "lt" if newest_first else "gt"
    if after:
        moment, row_id = _decode(after)
        query = query.filter(
            Q(**{f"{time_field}__{direction}": moment})
            | Q(**{time_field: moment, f"id__{direction}": row_id})
        )
    sign = "-" if newest_first else ""
    rows = await query.order_by(f"{sign}{time_field}", f"{sign}id").limit(size + 1)
    page = rows[:size]
    edges = [Edge(node=to_node(row), cursor=_encode(getattr(row, time_field), row.id)) for row in page]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > size, end_cursor=edges[-1].cursor if edges else None
        ),
    )
