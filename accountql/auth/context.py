"""The per-request context: who is calling, from where, and what was already looked up.

Built fresh for every request (never shared), so nothing cached here leaks between users.
"""

from __future__ import annotations

import ipaddress
import uuid
from dataclasses import dataclass, field

from starlette.requests import HTTPConnection
from starlette.responses import Response

from accountql import audit
from accountql.auth import api_keys
from accountql.auth.sessions import Client, authenticate
from accountql.config import Settings
from accountql.domain import support
from accountql.errors import Forbidden, Unauthenticated
from accountql.models import ApiKey, Membership, Session, User
from accountql.net import in_networks
from accountql.schema.loaders import Loaders
from accountql.web import cookies


def client_ip(connection: HTTPConnection, trusted_proxies: tuple) -> str | None:
    """The socket's peer, or, when that peer is a trusted proxy, the nearest address in
    X-Forwarded-For that is not itself a trusted proxy."""
    peer = connection.client.host if connection.client else None
    if peer is None or not trusted_proxies or not in_networks(peer, trusted_proxies):
        return peer
    forwarded = connection.headers.get("x-forwarded-for", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return peer  # a malformed header is not evidence of anything
        if not in_networks(hop, trusted_proxies):
            return hop
    return hops[0] if hops else peer


def bearer_token(connection: HTTPConnection) -> str | None:
    header = connection.headers.get("authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return connection.headers.get("x-auth-token", "").strip() or None


@dataclass
class RequestContext:
    settings: Settings
    client: Client
    token: str | None
    # The HTTP request (or WebSocket) and the response being built, for session cookies.
    connection: HTTPConnection | None = None
    response: Response | None = None
    # Whether the token came from the session cookie, and why a cookie was not taken.
    via_cookie: bool = False
    cookie_refusal: str | None = None
    # What a WebSocket client sent in connection_init (graphql-transport-ws).
    connection_params: dict | None = None
    _session: Session | None = None
    _api_key: ApiKey | None = None
    _memberships: dict[uuid.UUID, Membership | None] = field(default_factory=dict)
    _audit: audit.Scope | None = None
    # The rows the items of this request's pages point at, one statement per kind.
    loaders: Loaders = field(default_factory=Loaders)

    @classmethod
    def from_connection(
        cls, connection: HTTPConnection, settings: Settings, response: Response | None = None
    ) -> RequestContext:
        """The caller's credentials: a bearer token, else the session cookie when the
        request may use it (see accountql.web.cookies)."""
        client = Client(
            ip_address=client_ip(connection, settings.trusted_proxies),
            user_agent=connection.headers.get("user-agent"),
        )
        token, refusal = bearer_token(connection), None
        via_cookie = False
        if token is None:
            token, refusal = cookies.session_token(connection, settings)
            via_cookie = token is not None
        return cls(
            settings=settings, client=client, token=token, connection=connection, response=response,
            via_cookie=via_cookie, cookie_refusal=refusal, _audit=audit.bind(client),
        )

    @property
    def uses_api_key(self) -> bool:
        return bool(self.token) and api_keys.looks_like_api_key(self.token)

    async def api_key(self) -> ApiKey:
        """The caller's live API key; UNAUTHENTICATED for an unknown, revoked or expired one."""
        if self._api_key is None:
            self._api_key = await api_keys.authenticate(self.settings.secret_keys, self.token)
            if self._audit:
                self._audit.api_key_id = self._api_key.id
        return self._api_key

    async def session(self) -> Session:
        """The caller's live session; UNAUTHENTICATED without valid credentials, FORBIDDEN
        for an API key (it acts for an organization, not for a person)."""
        if self._session is None:
            if not self.token:
                raise Unauthenticated(
                    self.cookie_refusal
                    or "You are not logged in: send a session token as 'Authorization: Bearer <token>', "
                    "or sign in with sessionCookie: true from this site's pages."
                )
            if self.uses_api_key:
                await self.api_key()
                raise Forbidden(
                    "API keys act for their organization only: this needs a signed-in user."
                )
            self._session = await authenticate(self.settings.secret_keys, self.token)
            if self._audit:
                self._audit.user_id = self._session.user_id
        return self._session

    def use_connection_params(self) -> None:
        """A WebSocket client may send its bearer token in connection_init, as
        {"Authorization": "Bearer <token>"} (browsers cannot set headers on a WebSocket)."""
        params = {str(k).lower(): v for k, v in (self.connection_params or {}).items()}
        header = params.get("authorization")
        if isinstance(header, str) and header.lower().startswith("bearer ") and header[7:].strip():
            self.token, self.via_cookie, self._session = header[7:].strip(), False, None

    def forget_session(self) -> None:
        """Authenticate again at the next use (a WebSocket outlives the checks of its start)."""
        self._session = None

    @property
    def authenticated_session(self) -> Session | None:
        """The session already authenticated in this request, if any (no lookup)."""
        return self._session

    async def user(self) -> User:
        return (await self.session()).user

    async def membership(self, organization_id: uuid.UUID) -> Membership | None:
        """The caller's membership in an organization, looked up once per request."""
        if organization_id not in self._memberships:
            user = await self.user()
            membership = await Membership.get_or_none(
                user_id=user.id, organization_id=organization_id
            ).select_related("organization")
            if membership is None and user.is_staff:
                membership = await support.support_membership(user, await self.session(), organization_id)
                if membership is not None and self._audit:
                    self._audit.support = True
            self._memberships[organization_id] = membership
            if membership is not None:
                # Every field under organization(id:) or a membership names this one.
                self.loaders.know_organizations([membership.organization])
        return self._memberships[organization_id]

    def forget_memberships(self) -> None:
        self._memberships.clear()
        self.loaders = Loaders()  # a mutation changed them: read them again
