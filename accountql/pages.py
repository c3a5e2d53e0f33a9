"""Minimal landing pages for e-mailed links, for when no front end of its own is set up
(ACCOUNTQL_APP_URL left at this server). The token stays in the URL's #fragment, which
browsers never send to a server; nothing is spent until the person presses the button,
so a mail scanner that opens the link spends nothing."""

from __future__ import annotations

import html
import json

from starlette.requests import Request
from starlette.responses import HTMLResponse

PAGES = {
    "/magic-link": (
        "Sign in",
        "Sign in to your account with this one-time link.",
        "",
        "mutation($t: String!) { logInWithMagicLink(input: {token: $t}) { __typename "
        "... on AuthSession { token } ... on MfaChallenge { challenge } } }",
    ),
    "/reset-password": (
        "Choose a new password",
        "Choose a new password for your account (8 characters or more).",
        '<input id="password" type="password" autocomplete="new-password" placeholder="New password">',
        "mutation($t: String!, $p: String!) { resetPassword(input: {token: $t, newPassword: $p}) }",
    ),
    "/verify-email": (
        "Verify your e-mail address",
        "Confirm that this address is yours.",
        "",
        "mutation($t: String!) { verifyEmail(input: {token: $t}) { email emailVerified } }",
    ),
    "/confirm-contact": (
        "Receive an organization's notices",
        "Confirm that this address may receive the notices of the organization that listed it.",
        "",
        "mutation($t: String!) { confirmContact(input: {token: $t}) }",
    ),
    "/confirm-email": (
        "Confirm your e-mail address",
        "Make this address your account's e-mail address.",
        "",
        "mutation($t: String!) { confirmEmailChange(input: {token: $t}) { email } }",
    ),
}

TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}}
input,button{{font-size:1rem;padding:.5rem;margin:.25rem 0;width:100%}}pre{{white-space:pre-wrap}}</style>
</head><body><h1>{title}</h1><p>{text}</p>{field}<button id="go">Continue</button><pre id="out"></pre>
<script>
const token = new URLSearchParams(location.hash.slice(1)).get("token");
document.getElementById("go").onclick = async () => {{
  const password = document.getElementById("password");
  const variables = {{t: token}};
  if (password) variables.p = password.value;
  const answer = await fetch("/graphql", {{method: "POST",
    headers: {{"content-type": "application/json"}},
    body: JSON.stringify({{query: {query}, variables}})}});
  const result = await answer.json();
  document.getElementById("out").textContent = result.errors
    ? result.errors[0].message : "Done. " + JSON.stringify(result.data, null, 2);
}};
</script></body></html>"""


async def landing_page(request: Request) -> HTMLResponse:
    title, text, field, query = PAGES[request.url.path]
    page = TEMPLATE.format(
        title=html.escape(title), text=html.escape(text), field=field, query=_js_string(query)
    )
    return HTMLResponse(page, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})


def _js_string(text: str) -> str:
    return json.dumps(text)


INVITATION_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Your invitation</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
code{word-break:break-all}</style></head><body><h1>Your invitation</h1>
<p>Sign in (or sign up) with the address the invitation was sent to, verify that address,
then accept the invitation: <code>acceptInvitation(input: {id: "<span id="id"></span>"})</code>, or
find it under <code>myInvitations</code>.</p>
<script>document.getElementById("id").textContent =
  new URLSearchParams(location.hash.slice(1)).get("id") || "";</script></body></html>"""


async def invitation_page(request: Request) -> HTMLResponse:
    """Where an invitation e-mail's link lands when no front end of its own is set up."""
    return HTMLResponse(INVITATION_PAGE, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"})
