"""A bare Strawberry app: the baseline that AccountQL is compared with. `hello` is the
baseline itself; `members` is the member page's shape served from memory, the cost of
the GraphQL engine alone for that page (no database, no permission checks)."""
import datetime
import enum

import strawberry
from strawberry.asgi import GraphQL


@strawberry.enum
class Role(enum.Enum):
    OWNER = "OWNER"
    MANAGER = "MANAGER"


@strawberry.type
class User:
    email: str
    name: str


@strawberry.type
class Member:
    role: Role
    created_at: datetime.datetime
    user: User


@strawberry.type
class MemberEdge:
    node: Member
    cursor: str


@strawberry.type
class MemberConnection:
    edges: list[MemberEdge]


START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
MEMBERS = [
    MemberEdge(
        node=Member(
            role=Role.MANAGER, created_at=START + datetime.timedelta(seconds=n),
            user=User(email=f"member{n}@example.com", name=f"Member {n}"),
        ),
        cursor=str(n),
    )
    for n in range(1000)
]


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "world"

    @strawberry.field
    def members(self, first: int) -> MemberConnection:
        return MemberConnection(edges=MEMBERS[:first])


app = GraphQL(strawberry.Schema(query=Query), graphql_ide=None)
