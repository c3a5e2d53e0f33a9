"""GraphiQL from this package: the page that GET /graphql shows in a browser, and the
built front end's assets under /static/assets/.

The page and every file it loads were built from frontend/ (see frontend/vite.config.ts)
into accountql/web/static/ and are installed with the package, so GraphiQL needs no
internet: nothing is loaded from a CDN, and the Content-Security-Policy below forbids
the page to load or send anything anywhere but this server.
"""

from __future__ import annotations

import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).parent / "static"
ASSETS = STATIC / "assets"
# Where app.py mounts ASSETS: Vite's `base` (frontend/vite.config.ts) + "assets".
ASSETS_PATH = "/static/assets"
PAGE = STATIC / "graphiql" / "index.html"

REBUILD = "cd frontend && npm ci && npm run build"

# A host as the Host header may carry it, port included: anything else (a header with
# spaces, quotes or semicolons in it) could add directives to the policy.
_HOST = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")


def content_security_policy(host: str | None) -> str:
    """What the page may load and where it may connect: this origin only.

    - script-src 'self': the bundle's scripts and Monaco's workers (worker-src falls
      back to it), all files under /static/assets/; no inline script, no eval.
    - style-src 'unsafe-inline': Monaco and GraphiQL set style attributes and insert
      <style> elements as they lay out the editors.
    - font-src and img-src data:: GraphiQL's stylesheet carries its fonts (and Monaco's
      icon font) inline as data: URLs.
    - connect-src: GraphiQL's POSTs to /graphql, and subscriptions over a WebSocket to
      the same host (ws: or wss:, which older browsers do not count as 'self').
    """
    connect = ["'self'"]
    if host and _HOST.match(host):
        connect += [f"ws://{host}", f"wss://{host}"]
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "worker-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            f"connect-src {' '.join(connect)}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def _page() -> bytes:
    # Read on every request (it is under 1 kB): after `npm run build` a running server
    # shows the new page, not one that names assets the build has just deleted.
    try:
        return PAGE.read_bytes()
    except FileNotFoundError:
        raise RuntimeError(
            f"GraphiQL's page is missing from the package ({PAGE}): rebuild it with "
            f"`{REBUILD}`, or reinstall accountql"
        ) from None


def page(request: Request) -> Response:
    """GraphiQL's HTML, with the policy that keeps it on this server."""
    return HTMLResponse(
        _page(),
        headers={
            "Content-Security-Policy": content_security_policy(request.headers.get("host")),
            # The page names the current build's assets: a cached copy could name files
            # that a newer version no longer has.
            "Cache-Control": "no-cache",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
        },
    )


# Media types by suffix, rather than from the system's mime.types (which some systems
# lack, or map .js to text/plain): a module script or worker served with another type
# is refused under nosniff.
MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".ttf": "font/ttf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".json": "application/json",
    ".wasm": "application/wasm",
}


class Assets(StaticFiles):
    """The built front end's files. Their names carry a hash of their content, so a
    browser may keep each for a year without asking again: a new build has new names."""

    def __init__(self) -> None:
        super().__init__(directory=ASSETS, check_dir=False)

    def file_response(self, full_path, stat_result, scope: Scope, status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        media_type = MEDIA_TYPES.get(Path(full_path).suffix)
        if media_type:
            response.headers["content-type"] = media_type
        response.headers["cache-control"] = "public, max-age=31536000, immutable"
        response.headers["x-content-type-options"] = "nosniff"
        return response
