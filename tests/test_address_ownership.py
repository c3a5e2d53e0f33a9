"""No account may claim an address it does not control: addresses start unverified, only a
verified one accepts invitations or hears anything, and the real owner of a squatted
address takes it back with any link sent to it."""

from __future__ import annotations

from accountql.models import OutboxMessage, User
from tests.api import (
    PASSWORD,
    VERIFY_EMAIL,
    confirm_contact,
    error_code,
    gql,
    last_link_token,
    log_in,
    nodes,
    ok,
    sign_up,
    verify_email,
)
from tests.mfa_helpers import enroll
from tests.test_api_keys import ADD_CONTACT
from tests.test_organizations import ACCEPT, MY_INVITATIONS, create_org, invite

RESEND = "mutation { resendVerificationEmail }"
ME = "{ me { email emailVerified mfaEnabled phoneNumber } }"
NOTIFY = "mutation($on: Boolean!) { setLoginNotifications(input: {enabled: $on}) { loginNotifications } }"


async def test_a_squatter_cannot_accept_the_invitation_sent_to_an_address(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    # Eve signs up first with Bob's address, which she does not control.
    eve = await sign_up(client, "bob@example.com", verify=False)
    invitation = ok(await invite(client, ada["token"], org, "bob@example.com"))["inviteMember"]
    refused = await gql(client, ACCEPT, {"id": invitation["id"]}, token=eve["token"])
    assert error_code(refused) == "EMAIL_NOT_VERIFIED"
    assert "resendVerificationEmail" in refused["errors"][0]["message"]
    assert error_code(await gql(client, MY_INVITATIONS, token=eve["token"])) == "EMAIL_NOT_VERIFIED"
    assert ok(await gql(client, ME, token=eve["token"]))["me"]["emailVerified"] is False


async def test_the_owner_clicking_the_squatter_s_link_verifies_nothing(client):
    """The squatter's account mails its link to the real owner; a link alone must not turn
    the squatter's account into a verified one."""
    eve = await sign_up(client, "bob@example.com", verify=False)
    link = await last_link_token("bob@example.com", "email_verification")
    assert error_code(await gql(client, VERIFY_EMAIL, {"t": link})) == "UNAUTHENTICATED"
    bob_elsewhere = await sign_up(client, "other@example.com")
    refused = await gql(client, VERIFY_EMAIL, {"t": link}, token=bob_elsewhere["token"])
    assert error_code(refused) == "INVALID_CODE" and "another account" in refused["errors"][0]["message"]
    assert ok(await gql(client, ME, token=eve["token"]))["me"]["emailVerified"] is False


async def test_the_verification_link_works_once_and_only_for_the_address_it_was_sent_to(client):
    ada = await sign_up(client, "ada@example.com", verify=False)
    token = await last_link_token("ada@example.com", "email_verification")
    assert ok(await gql(client, VERIFY_EMAIL, {"t": token}, token=ada["token"]))["verifyEmail"] == {"email": "ada@example.com", "emailVerified": True}
    assert error_code(await gql(client, VERIFY_EMAIL, {"t": token}, token=ada["token"])) == "INVALID_CODE"
    assert ok(await gql(client, ME, token=ada["token"]))["me"]["emailVerified"] is True
    assert error_code(await gql(client, RESEND, token=ada["token"])) == "CONFLICT"


async def test_a_new_verification_link_can_be_asked_for_so_many_times(client, settings):
    eve = await sign_up(client, "eve@example.com", verify=False)
    for _ in range(settings.messages_per_recipient):
        assert ok(await gql(client, RESEND, token=eve["token"]))["resendVerificationEmail"] is True
    assert error_code(await gql(client, RESEND, token=eve["token"])) == "RATE_LIMITED"
    # The newest link works.
    await verify_email(client, "eve@example.com", eve["token"])


async def test_the_owner_takes_a_squatted_address_back_with_a_reset_link(client, messaging):
    eve = await sign_up(client, "bob@example.com", verify=False)
    await enroll(client, eve["token"])  # the squatter even turned MFA on
    reset = "mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }"
    ok(await gql(client, reset, {"i": {"email": "bob@example.com", "channel": "EMAIL"}}))
    await messaging.deliver()
    link = messaging.inbox.last_token("bob@example.com")
    new_password = "bob's own passphrase"
    ok(await gql(client, "mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }", {"i": {"token": link, "newPassword": new_password}}))
    # Every session the squatter had is over, and what she set up is gone.
    assert error_code(await gql(client, ME, token=eve["token"])) == "UNAUTHENTICATED"
    signed_in = ok(await log_in(client, "bob@example.com", new_password))["logIn"]
    assert signed_in["__typename"] == "AuthSession"
    me = ok(await gql(client, ME, token=signed_in["token"]))["me"]
    assert me == {"email": "bob@example.com", "emailVerified": True, "mfaEnabled": False, "phoneNumber": None}
    assert error_code(await log_in(client, "bob@example.com", PASSWORD)) == "INVALID_CREDENTIALS"


async def test_a_claimed_address_keeps_nothing_of_the_squatter(client, messaging):
    """Proven by a magic link: the squatter's password, SSH and API keys and pending links go."""
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from tests.test_api_keys import CREATE_KEY
    from tests.test_magic_links_and_resets import LINK_LOG_IN, magic_link_token
    from tests.test_organizations import create_org
    from tests.test_ssh_keys import public_line

    eve = await sign_up(client, "bob@example.com", verify=False)
    add_key = "mutation($i: AddSshKeyInput!) { addSshKey(input: $i) { id } }"
    ok(await gql(client, add_key, {"i": {"name": "eve", "publicKey": public_line(ed25519.Ed25519PrivateKey.generate())}}, token=eve["token"]))
    org = await create_org(client, eve["token"])
    key = ok(await gql(client, CREATE_KEY, {"i": {"organizationId": org, "name": "eve's"}}, token=eve["token"]))["createApiKey"]
    token = await magic_link_token(client, messaging, "bob@example.com")
    bob = ok(await gql(client, LINK_LOG_IN, {"t": token}))["logInWithMagicLink"]
    assert bob["__typename"] == "AuthSession"
    assert error_code(await log_in(client, "bob@example.com", PASSWORD)) == "INVALID_CREDENTIALS"
    assert nodes(ok(await gql(client, "{ me { sshKeys { edges { node { id } } } } }", token=bob["token"]))["me"]["sshKeys"]) == []
    assert error_code(await gql(client, "query($id: ID!) { organization(id: $id) { id } }", {"id": org}, token=key["secret"])) == "UNAUTHENTICATED"
    await messaging.deliver()
    assert "requestPasswordReset" in messaging.inbox.to("bob@example.com")[-1].get_content()


async def test_a_magic_link_proves_the_address_and_ends_the_squatters_sessions(client, messaging):
    from tests.test_magic_links_and_resets import LINK_LOG_IN, magic_link_token

    eve = await sign_up(client, "bob@example.com", verify=False)
    token = await magic_link_token(client, messaging, "bob@example.com")
    bob = ok(await gql(client, LINK_LOG_IN, {"t": token}))["logInWithMagicLink"]
    assert bob["__typename"] == "AuthSession"
    assert ok(await gql(client, ME, token=bob["token"]))["me"]["emailVerified"] is True
    assert error_code(await gql(client, ME, token=eve["token"])) == "UNAUTHENTICATED"


async def test_an_invitation_is_mailed_with_a_link_that_opens_it(client, messaging, settings):
    ada = await sign_up(client, "ada@example.com", name="Ada")
    org = await create_org(client, ada["token"], name="Acme")
    invitation = ok(await invite(client, ada["token"], org, "Carol@Example.com"))["inviteMember"]
    await messaging.deliver()
    mail = messaging.inbox.to("carol@example.com")[-1]
    assert mail["Subject"] == "You are invited to join Acme"
    body = mail.get_content()
    assert f"{settings.app_url}/invitations#id={invitation['id']}" in body and "ada@example.com" in body


async def test_lookalike_spellings_are_the_same_address_or_refused(client):
    await sign_up(client, "ada@example.com")
    fullwidth = await gql(
        client,
        "mutation($i: SignUpInput!) { signUp(input: $i) { token } }",
        {"i": {"email": "ＡＤＡ@ｅｘａｍｐｌｅ.com", "password": PASSWORD, "name": "Not Ada"}},
    )
    assert error_code(fullwidth) == "CONFLICT"  # NFKC makes it ada@example.com
    owner = await sign_up(client, "owner@example.com")
    org = await create_org(client, owner["token"])
    invited = ok(await invite(client, owner["token"], org, "ｂｏｂ@example.com"))["inviteMember"]
    assert invited["email"] == "bob@example.com"
    cyrillic = await invite(client, owner["token"], org, "b\u043eb@example.com")  # a Cyrillic "о"
    assert error_code(cyrillic) == "BAD_USER_INPUT"
    assert "mixes alphabets" in cyrillic["errors"][0]["message"]
    assert await User.all().count() == 2


async def test_login_notifications_need_a_verified_address(client):
    eve = await sign_up(client, "eve@example.com", verify=False)
    assert error_code(await gql(client, NOTIFY, {"on": True}, token=eve["token"])) == "EMAIL_NOT_VERIFIED"
    await verify_email(client, "eve@example.com", eve["token"])
    assert ok(await gql(client, NOTIFY, {"on": True}, token=eve["token"]))["setLoginNotifications"]["loginNotifications"]


async def test_contacts_hear_nothing_until_their_address_is_proven(client):
    from accountql.domain.contacts import notify
    from accountql.models import ContactRole
    from tests.test_organizations import join

    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    await join(client, ada, org, "member@example.com")
    await sign_up(client, "outsider@example.com")
    contacts_query = "query($id: ID!) { organization(id: $id) { contacts { edges { node { email confirmed } } } } }"
    for email in ("stranger@example.com", "outsider@example.com", "member@example.com"):
        ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": org, "email": email, "roles": ["TECHNICAL"]}}, token=ada["token"]))
    listed = nodes(ok(await gql(client, contacts_query, {"id": org}, token=ada["token"]))["organization"]["contacts"])
    # A verified member's address is proven; any other gets a link, a verified outsider's
    # too (confirming it at once would tell who has an account).
    assert {c["email"]: c["confirmed"] for c in listed} == {
        "ada@example.com": True, "stranger@example.com": False,
        "outsider@example.com": False, "member@example.com": True,
    }
    links = sorted(await OutboxMessage.filter(kind="contact_confirmation").values_list("recipient", flat=True))
    assert links == ["outsider@example.com", "stranger@example.com"]
    await notify(org, ContactRole.TECHNICAL, "test_notice", "A notice", "Body")
    told = sorted(await OutboxMessage.filter(kind="test_notice").values_list("recipient", flat=True))
    assert told == ["ada@example.com", "member@example.com"]
    await confirm_contact(client, "stranger@example.com")
    token = await last_link_token("stranger@example.com", "contact_confirmation")
    assert error_code(await gql(client, "mutation($t: String!) { confirmContact(input: {token: $t}) }", {"t": token})) == "INVALID_CODE"
    await notify(org, ContactRole.TECHNICAL, "test_notice_2", "A notice", "Body")
    assert "stranger@example.com" in await OutboxMessage.filter(kind="test_notice_2").values_list("recipient", flat=True)


async def test_contact_links_to_one_address_are_limited(client, settings):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    added = ok(await gql(client, ADD_CONTACT, {"i": {"organizationId": org, "email": "target@example.com", "roles": ["TECHNICAL"]}}, token=ada["token"]))["addContact"]
    update = "mutation($i: UpdateContactInput!) { updateContact(input: $i) { id } }"
    codes = []
    for n in range(2 * settings.messages_per_recipient + 2):
        other = "elsewhere@example.com" if n % 2 == 0 else "target@example.com"
        result = await gql(client, update, {"i": {"id": added["id"], "email": other}}, token=ada["token"])
        codes.append(error_code(result) if result.get("errors") else "ok")
    assert "RATE_LIMITED" in codes
    assert await OutboxMessage.filter(kind="contact_confirmation", recipient="target@example.com").count() <= settings.messages_per_recipient


async def test_an_unverified_creator_s_own_contact_is_confirmed_by_verifying(client):
    ada = await sign_up(client, "ada@example.com", verify=False)
    org = await create_org(client, ada["token"])
    contacts_query = "query($id: ID!) { organization(id: $id) { contacts { edges { node { email confirmed } } } } }"
    assert nodes(ok(await gql(client, contacts_query, {"id": org}, token=ada["token"]))["organization"]["contacts"]) == [
        {"email": "ada@example.com", "confirmed": False}
    ]
    await verify_email(client, "ada@example.com", ada["token"])
    assert nodes(ok(await gql(client, contacts_query, {"id": org}, token=ada["token"]))["organization"]["contacts"])[0]["confirmed"]
    assert not await OutboxMessage.filter(kind="contact_confirmation").exists()
