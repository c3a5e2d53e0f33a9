"""Cookie sessions for first-party front ends: the token in an HttpOnly cookie no script can
read, accepted only from this site's pages, never from a page of another site."""

from __future__ import annotations

import json

import httpx

from accountql.app import create_app
from tests.api import PASSWORD, error_code, ok, sign_up
from tests.mfa_helpers import challenge, code_now, enroll
from tests.test_organizations import create_org

OWN = "http://testserver"
SIGN_UP = "mutation($i: SignUpInput!) { signUp(input: $i) { token user { email } session { expiresAt } } }"
LOG_IN = "mutation($i: LogInInput!) { logIn(input: $i) { ... on AuthSession { token } ... on MfaChallenge { challenge } } }"
ME = "{ me { email } }"


def browser(settings, base_url: str = OWN, **changes) -> httpx.AsyncClient:
    """A client that, like a browser, keeps cookies and says where its pages come from."""
    from dataclasses import replace

    app = create_app(replace(settings, **changes) if changes else settings, manage_database=False)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=("203.0.113.9", 5000)), base_url=base_url)


async def post(client, query: str, variables=None, origin: str | None = OWN, **headers) -> dict:
    if origin is not None:
        headers["Origin"] = origin
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    return response.json()


async def test_a_cookie_session_hides_its_token_from_scripts(settings):
    async with browser(settings) as page:
        response = await page.post(
            "/graphql",
            json={"query": SIGN_UP, "variables": {"i": {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "sessionCookie": True}}},
            headers={"Origin": OWN},
        )
        answer = response.json()["data"]["signUp"]
        assert answer["token"] is None and answer["user"]["email"] == "ada@example.com"
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("accountql_session=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert "Path=/" in cookie and "Max-Age=359" in cookie and "Secure" not in cookie  # plain http here
        assert ok(await post(page, ME))["me"]["email"] == "ada@example.com"


async def test_over_https_the_cookie_is_secure_and_host_only(settings, client):
    await sign_up(client, "ada@example.com")
    async with browser(settings, base_url="https://testserver") as page:
        response = await page.post(
            "/graphql",
            json={"query": LOG_IN, "variables": {"i": {"email": "ada@example.com", "password": PASSWORD, "sessionCookie": True}}},
            headers={"Origin": "https://testserver"},
        )
        assert response.json()["data"]["logIn"]["token"] is None
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("__Host-accountql_session=") and "Secure" in cookie and "Path=/" in cookie
        assert ok(await post(page, ME, origin="https://testserver"))["me"]["email"] == "ada@example.com"


async def signed_in_page(settings, page) -> None:
    variables = {"i": {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "sessionCookie": True}}
    ok(await post(page, SIGN_UP, variables))


async def test_a_forged_cross_site_request_is_refused(settings):
    async with browser(settings) as page:
        await signed_in_page(settings, page)
        # A page of another site makes the visitor's browser post, cookie and all.
        forged = await post(page, "mutation { createOrganization(input: {name: \"Evil\"}) { id } }", origin="https://evil.example")
        assert error_code(forged) == "UNAUTHENTICATED"
        assert "not accepted from pages of https://evil.example" in forged["errors"][0]["message"]
        # A post with no Origin at all (no browser sends one like that) is not trusted either.
        assert error_code(await post(page, ME, origin=None)) == "UNAUTHENTICATED"
        # GET and multipart, which any page can send without a preflight, need the header.
        get = (await page.get("/graphql", params={"query": ME}, headers={"accept": "application/json"})).json()
        assert error_code(get) == "UNAUTHENTICATED" and "X-CSRF-Protection" in get["errors"][0]["message"]
        with_header = await page.get("/graphql", params={"query": ME}, headers={"accept": "application/json", "X-CSRF-Protection": "1"})
        assert with_header.json() == {"data": {"me": {"email": "ada@example.com"}}}
        assert ok(await post(page, ME))["me"]["email"] == "ada@example.com"
    from accountql.models import Organization

    assert not await Organization.exists(name="Evil")


async def test_an_allowed_origin_may_use_the_cookie(settings):
    async with browser(settings, cors_origins=("https://app.example.com",)) as page:
        await signed_in_page(settings, page)
        assert ok(await post(page, ME, origin="https://app.example.com"))["me"]["email"] == "ada@example.com"
        assert error_code(await post(page, ME, origin="https://other.example.com")) == "UNAUTHENTICATED"


async def test_a_multipart_request_with_the_cookie_needs_the_header(settings):
    async with browser(settings) as page:
        await signed_in_page(settings, page)
        org = ok(await post(page, "mutation { createOrganization(input: {name: \"Acme\"}) { id } }"))["createOrganization"]["id"]
        submit = "mutation($i: SubmitKycInput!) { submitKyc(input: $i) { id } }"
        operations = {"query": submit, "variables": {"i": {"organizationId": org, "documentType": "PASSPORT", "document": None, "selfie": None}}}
        form = {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.i.document"], "1": ["variables.i.selfie"]})}
        files = {"0": ("a.png", b"not an image", "image/png"), "1": ("b.png", b"not an image", "image/png")}
        # Apollo's header passes the transport's CSRF check; the cookie still wants ours.
        apollo = await page.post("/graphql", data=form, files=files, headers={"Apollo-Require-Preflight": "1", "Origin": OWN})
        assert apollo.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        ours = await page.post("/graphql", data=form, files=files, headers={"X-CSRF-Protection": "1", "Origin": OWN})
        # Signed in: the upload itself is judged now (and refused, not being an image).
        assert ours.json()["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.document"}


async def test_log_out_clears_the_cookie_and_ends_the_session(settings):
    async with browser(settings) as page:
        await signed_in_page(settings, page)
        response = await page.post("/graphql", json={"query": "mutation { logOut }"}, headers={"Origin": OWN})
        assert response.json() == {"data": {"logOut": True}}
        assert 'accountql_session=""' in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]
        assert error_code(await post(page, ME)) == "UNAUTHENTICATED"


async def test_the_second_step_and_magic_links_set_the_cookie_too(settings, client, messaging):
    from tests.test_magic_links_and_resets import magic_link_token

    ada = await sign_up(client, "ada@example.com")
    secret, _ = await enroll(client, ada["token"])
    token = await challenge(client, "ada@example.com")
    verify = "mutation($i: VerifyMfaInput!) { verifyMfa(input: $i) { token } }"
    async with browser(settings) as page:
        answer = ok(await post(page, verify, {"i": {"challenge": token, "code": code_now(secret), "sessionCookie": True}}))
        assert answer["verifyMfa"]["token"] is None
        assert ok(await post(page, ME))["me"]["email"] == "ada@example.com"
    bob = await sign_up(client, "bob@example.com")
    await create_org(client, bob["token"])
    link = await magic_link_token(client, messaging, "bob@example.com")
    by_link = "mutation($t: String!) { logInWithMagicLink(input: {token: $t, sessionCookie: true}) { ... on AuthSession { token } } }"
    async with browser(settings) as page:
        assert ok(await post(page, by_link, {"t": link}))["logInWithMagicLink"]["token"] is None
        assert ok(await post(page, ME))["me"]["email"] == "bob@example.com"


async def test_bearer_tokens_work_as_before_and_win_over_a_cookie(settings, client):
    ada = await sign_up(client, "ada@example.com")
    async with browser(settings) as page:
        variables = {"i": {"email": "bob@example.com", "password": PASSWORD, "name": "Bob", "sessionCookie": True}}
        ok(await post(page, SIGN_UP, variables))
        me = await post(page, ME, origin="https://evil.example", Authorization=f"Bearer {ada['token']}")
        assert ok(me)["me"]["email"] == "ada@example.com"


async def test_behind_a_trusted_proxy_that_ends_tls_the_https_page_uses_its_cookie(settings):
    import ipaddress

    proxied = dict(trusted_proxies=(ipaddress.ip_network("203.0.113.0/24"),))
    async with browser(settings, **proxied) as page:
        forwarded = {"X-Forwarded-Proto": "https"}
        response = await page.post(
            "/graphql",
            json={"query": SIGN_UP, "variables": {"i": {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "sessionCookie": True}}},
            headers={"Origin": "https://testserver", **forwarded},
        )
        assert response.headers["set-cookie"].startswith("__Host-accountql_session=")
        # The cookie is Secure: send it on by hand, as the browser would over https.
        token = response.headers["set-cookie"].split(";", 1)[0].split("=", 1)[1]
        me = await page.post("/graphql", json={"query": ME}, headers={
            "Origin": "https://testserver", "Cookie": f"__Host-accountql_session={token}", **forwarded})
        assert me.json()["data"]["me"]["email"] == "ada@example.com"
    # An untrusted peer's X-Forwarded-Proto is not believed: the https page is another origin.
    async with browser(settings) as page:
        me = await page.post("/graphql", json={"query": ME}, headers={
            "Origin": "https://testserver", "Cookie": f"__Host-accountql_session={token}", "X-Forwarded-Proto": "https"})
        assert me.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_over_https_a_cookie_without_the_host_prefix_is_ignored(settings, client):
    """The attack (session fixation): a sibling subdomain, or a man in the middle on http,
    plants `accountql_session` for the parent domain with the attacker's own session; over
    https only the __Host- cookie, which no other host can set, may sign the page in."""
    mallory = await sign_up(client, "mallory@example.com")
    async with browser(settings, base_url="https://testserver") as page:
        planted = await page.post("/graphql", json={"query": ME}, headers={
            "Origin": "https://testserver", "Cookie": f"accountql_session={mallory['token']}"})
        assert planted.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_behind_a_proxy_the_scheme_is_what_the_nearest_trusted_proxy_appended(settings):
    """A client may send its own X-Forwarded-Proto, which a proxy that appends keeps in
    front: only the last value, the trusted proxy's, counts."""
    import ipaddress

    proxied = dict(trusted_proxies=(ipaddress.ip_network("203.0.113.0/24"),))
    async with browser(settings, **proxied) as page:
        response = await page.post(
            "/graphql",
            json={"query": SIGN_UP, "variables": {"i": {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "sessionCookie": True}}},
            headers={"Origin": "http://testserver", "X-Forwarded-Proto": "https, http"},
        )
        assert response.headers["set-cookie"].startswith("accountql_session=")
        assert "secure" not in response.headers["set-cookie"].lower()
