"""Relay connections with keyset cursors: a page stays right while rows are added, and
pages forward (first, after) and backward (last, before) alike."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Generic, TypeVar

import strawberry
from pypika_tortoise.terms import Tuple
from tortoise.expressions import Q, ResolveContext
from tortoise.query_utils import QueryModifier
from tortoise.queryset import QuerySet

from accountql.errors import BadUserInput
from accountql.schema.loaders import Row

DEFAULT_PAGE_SIZE = 20
Node = TypeVar("Node")

# The four arguments of every connection field.
First = Annotated[int | None, strawberry.argument(description="How many items from the start (default 20).")]
After = Annotated[str | None, strawberry.argument(description="Start after this cursor (an endCursor).")]
Last = Annotated[int | None, strawberry.argument(description="How many items from the end.")]
Before = Annotated[str | None, strawberry.argument(description="End before this cursor (a startCursor).")]


@strawberry.type(description="Where a page sits in its list, for asking for the next or previous one.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether items follow this page (ask with after: endCursor).")
    has_previous_page: bool = strawberry.field(
        description="Whether items come before this page (ask with before: startCursor)."
    )
    start_cursor: str | None = strawberry.field(description="The cursor of the page's first item; null when it is empty.")
    end_cursor: str | None = strawberry.field(description="The cursor of the page's last item; null when it is empty.")


@strawberry.type(description="An item of a page, with the cursor that points at it.")
class Edge(Generic[Node]):
    node: Node = strawberry.field(description="The item.")
    cursor: str = strawberry.field(description="Pass it as after or before to page from this item.")


@strawberry.type(description="A page of a list, as Relay connections are paged.")
class Connection(Generic[Node]):
    edges: list[Edge[Node]] = strawberry.field(description="The items of this page, in the list's order.")
    page_info: PageInfo = strawberry.field(description="Whether there are more pages, and their cursors.")
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the whole list holds (counted only when asked for).")
    async def total_count(self) -> int:
        return await self.count()


async def _nothing() -> int:
    return 0


def empty_connection() -> Connection:
    """The connection of a list the caller may not see."""
    return Connection(
        edges=[],
        page_info=PageInfo(has_next_page=False, has_previous_page=False, start_cursor=None, end_cursor=None),
        count=_nothing,
    )


def _encode(moment: datetime, row_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(f"{moment.isoformat()}|{row_id}".encode()).decode()


def _decode(cursor: str, field: str) -> tuple[datetime, uuid.UUID]:
    try:
        moment, row_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(moment), uuid.UUID(row_id)
    except (ValueError, UnicodeDecodeError):
        raise BadUserInput(
            f"The cursor is not valid: pass {'an endCursor' if field == 'after' else 'a startCursor'} "
            "from a previous page.",
            field=field,
        ) from None


@dataclass(frozen=True)
class Order:
    """How a list is ordered: by a time column, then id, oldest or newest first."""

    time_field: str = "created_at"
    newest_first: bool = False

    def beyond(self, cursor: tuple[datetime, uuid.UUID], forward: bool, inclusive: bool = False) -> Q:
        """The rows after the cursor in the list's order (forward) or before it; with
        `inclusive`, the cursor's own row too."""
        return _RowBeyond((self.time_field, "id"), cursor, later=forward != self.newest_first, inclusive=inclusive)

    def fields(self, forward: bool) -> tuple[str, str]:
        sign = "-" if forward == self.newest_first else ""
        return f"{sign}{self.time_field}", f"{sign}id"


class _RowBeyond(Q):
    """`(time, id) > (cursor time, cursor id)` (or <) as one row comparison. The planner
    (PostgreSQL and SQLite alike) reads it as the start of a range of the (owner, time, id)
    index, where the equivalent `time > t OR (time = t AND id > i)` that Tortoise's Q would
    write is a filter over every row of the owner: page 500 then cost 500 pages."""

    def __init__(self, fields: tuple[str, str], values: tuple, later: bool, inclusive: bool = False) -> None:
        super().__init__()
        self.row_fields, self.row_values, self.later, self.inclusive = fields, values, later, inclusive

    def resolve(self, resolve_context: ResolveContext) -> QueryModifier:
        model, table = resolve_context.model, resolve_context.table
        columns = [table[model._meta.fields_db_projection[name]] for name in self.row_fields]
        # As Tortoise stores them: SQLite keeps times and ids as text in its own format.
        values = [
            model._meta.fields_map[name].to_db_value(value, model)
            for name, value in zip(self.row_fields, self.row_values, strict=True)
        ]
        left, right = Tuple(*columns), Tuple(*values)
        if self.inclusive:
            criterion = left >= right if self.later else left <= right
        else:
            criterion = left > right if self.later else left < right
        return QueryModifier(where_criterion=criterion.negate() if self._is_negated else criterion)


async def paginate(
    query: QuerySet,
    to_node: Callable,
    max_page_size: int,
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    order: Order = Order(),
    prefetch: Callable[[list], Awaitable] | None = None,
    columns: tuple[str, ...] | None = None,
) -> Connection:
    """One page of `query` in `order`: the `first` items after `after`, or the `last` items
    before `before` (20 when neither size is given). `prefetch(rows)` loads what the
    page's items point at, before they are asked for it. With `columns`, the rows are read
    as values of those columns only (read-only Rows, cheaper than model instances)."""
    if first is not None and last is not None:
        raise BadUserInput("Give first or last, not both: first pages forward, last backward.", field="last")
    forward = last is None
    size = (first if forward else last)
    size = DEFAULT_PAGE_SIZE if size is None else size
    if size < 0 or size > max_page_size:
        raise BadUserInput(
            f"{'first' if forward else 'last'} must be between 0 and {max_page_size}.",
            field="first" if forward else "last",
        )
    base = query
    after_key = _decode(after, "after") if after else None
    before_key = _decode(before, "before") if before else None
    if after_key:
        query = query.filter(order.beyond(after_key, forward=True))
    if before_key:
        query = query.filter(order.beyond(before_key, forward=False))
    query = query.order_by(*order.fields(forward)).limit(size + 1)
    rows = [Row(**values) for values in await query.values(*columns)] if columns else await query
    more = len(rows) > size
    rows = rows[:size] if forward else list(reversed(rows[:size]))
    if prefetch is not None and rows:
        await prefetch(rows)
    time_field = order.time_field
    edges = [Edge(node=to_node(row), cursor=_encode(getattr(row, time_field), row.id)) for row in rows]
    # The other way: whether the cursor's own row, or any beyond it, still exists.
    if forward:
        has_next, has_previous = more, await _any_at_or_beyond(base, order, after_key, forward=False)
    else:
        has_previous, has_next = more, await _any_at_or_beyond(base, order, before_key, forward=True)
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count=base.count,
    )


async def _any_at_or_beyond(query: QuerySet, order: Order, cursor, forward: bool) -> bool:
    if cursor is None:
        return False
    # One range of the list's index, as the page itself (an OR with id = … was a scan).
    return await query.filter(order.beyond(cursor, forward=forward, inclusive=True)).exists()
