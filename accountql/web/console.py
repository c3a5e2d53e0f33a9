"""The console: AccountQL's own web front end, a single-page app served at /console.

Its page and assets were built from frontend/ (see frontend/vite.config.ts) into
accountql/web/static/ and are installed with the package, like GraphiQL's. Every path under
/console answers the same page (the app routes in the browser), under a
Content-Security-Policy that lets it load and connect to nothing but this server. The
session lives in an HttpOnly cookie the page never sees.

The links that e-mails carry (`{app}/verify-email#token=…` and the others below) are
answered with a redirect to the same path under /console: browsers keep the #fragment
across a redirect, so the token reaches the console's page without ever reaching a server.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from accountql.web.graphiql import _HOST, REBUILD, STATIC

PATH = "/console"
PAGE = STATIC / "console" / "index.html"

# The paths that e-mailed links point at (see accountql/domain: verification, recovery,
# email_change, contacts, organizations; magic links in recovery too).
MAILED_LINK_PATHS = ("/verify-email", "/magic-link", "/reset-password", "/confirm-email", "/confirm-contact", "/invitations")


def content_security_policy(host: str | None) -> str:
    """This origin only, and stricter than GraphiQL's: no inline style either.

    - img-src data:: the QR code of a new authenticator secret is a data: URI.
    - connect-src: POST /graphql, and securityEvents over a WebSocket to the same host.
    """
    connect = ["'self'"]
    if host and _HOST.match(host):
        connect += [f"ws://{host}", f"wss://{host}"]
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src {' '.join(connect)}",
            "worker-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def _page() -> bytes:
    # Read on every request (it is under 2 kB), as GraphiQL's is: after a rebuild, a
    # running server names the new assets.
    try:
        return PAGE.read_bytes()
    except FileNotFoundError:
        raise RuntimeError(
            f"The console's page is missing from the package ({PAGE}): rebuild it with "
            f"`{REBUILD}`, or reinstall accountql"
        ) from None


async def page(request: Request) -> Response:
    """The console's HTML, for /console and every path under it."""
    return HTMLResponse(
        _page(),
        headers={
            "Content-Security-Policy": content_security_policy(request.headers.get("host")),
            "Cache-Control": "no-cache",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
        },
    )


async def to_console(request: Request) -> Response:
    """/ and the e-mailed links' paths: the same path under /console (302 keeps #token)."""
    path = request.url.path if request.url.path != "/" else ""
    target = PATH + path
    if request.url.query:
        target += "?" + request.url.query
    return RedirectResponse(target, status_code=302, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})
