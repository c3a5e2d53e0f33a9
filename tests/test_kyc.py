"""KYC through the GraphQL multipart request spec, as a browser would send it."""

import json
import os
import stat
from dataclasses import replace
from pathlib import Path

from accountql.models import KycSubmission, OutboxMessage, User
from tests.api import error_code, gql, nodes, ok, sign_up
from tests.conftest import make_client
from tests.test_organizations import create_org, join

SUBMIT = """mutation($i: SubmitKycInput!) { submitKyc(input: $i) { kycStatus } }"""
STATUS = "query($id: ID!) { organization(id: $id) { kycStatus } }"
PENDING = "{ pendingKycSubmissions { edges { node { id documentType status organization { id } documentBase64 } } } }"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 200
JPEG = b"\xff\xd8\xff\xe0" + b"\1" * 200


async def submit(client, token, org, document=PNG, selfie=JPEG, document_type="PASSPORT"):
    operations = {"query": SUBMIT, "variables": {"i": {"organizationId": org, "documentType": document_type, "document": None, "selfie": None}}}
    files_map = {"0": ["variables.i.document"], "1": ["variables.i.selfie"]}
    response = await client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps(files_map)},
        files={"0": ("passport.png", document, "image/png"), "1": ("selfie.jpg", selfie, "image/jpeg")},
        # Multipart requests carry this header: a cross-site form post cannot.
        headers={"Authorization": f"Bearer {token}", "X-CSRF-Protection": "1"},
    )
    return response


async def staff(client):
    sam = await sign_up(client, "sam@staff.example")
    await User.filter(email="sam@staff.example").update(is_staff=True)
    return sam


async def test_an_owner_submits_and_staff_approve(client, settings):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    assert ok(await gql(client, STATUS, {"id": org}, token=ada["token"]))["organization"]["kycStatus"] == "NOT_SUBMITTED"
    response = await submit(client, ada["token"], org)
    assert response.json()["data"]["submitKyc"]["kycStatus"] == "PENDING", response.text
    row = await KycSubmission.get(organization_id=org)
    path = Path(settings.kyc_dir) / row.document_file
    assert path.read_bytes() == PNG and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert error_code(await gql(client, PENDING, token=ada["token"])) == "FORBIDDEN"
    sam = await staff(client)
    pending = nodes(ok(await gql(client, PENDING, token=sam["token"]))["pendingKycSubmissions"])
    assert pending[0]["organization"]["id"] == org and pending[0]["documentType"] == "PASSPORT"
    import base64

    assert base64.b64decode(pending[0]["documentBase64"]) == PNG
    approved = ok(await gql(client, "mutation($id: ID!) { approveKyc(input: {id: $id}) { status } }", {"id": pending[0]["id"]}, token=sam["token"]))
    assert approved["approveKyc"]["status"] == "APPROVED"
    assert ok(await gql(client, STATUS, {"id": org}, token=ada["token"]))["organization"]["kycStatus"] == "APPROVED"
    assert await OutboxMessage.filter(kind="kyc_decision", recipient="ada@example.com").exists()


async def test_a_rejection_says_why_and_allows_a_new_submission(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    await submit(client, ada["token"], org)
    assert (await submit(client, ada["token"], org)).json()["errors"][0]["extensions"]["code"] == "CONFLICT"
    sam = await staff(client)
    pending = nodes(ok(await gql(client, PENDING, token=sam["token"]))["pendingKycSubmissions"])
    reject = "mutation($i: RejectKycInput!) { rejectKyc(input: $i) { status rejectionReason } }"
    assert error_code(await gql(client, reject, {"i": {"id": pending[0]["id"], "reason": " "}}, token=sam["token"])) == "BAD_USER_INPUT"
    rejected = ok(await gql(client, reject, {"i": {"id": pending[0]["id"], "reason": "The photo is blurred."}}, token=sam["token"]))
    assert rejected["rejectKyc"] == {"status": "REJECTED", "rejectionReason": "The photo is blurred."}
    from accountql.outbox import body_of

    notice = await OutboxMessage.filter(kind="kyc_decision").first()
    assert "blurred" in body_of(notice)
    assert (await submit(client, ada["token"], org)).json()["data"]["submitKyc"]["kycStatus"] == "PENDING"


async def test_uploads_are_checked_for_type_and_size(client, settings):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    files_before = set(Path(settings.kyc_dir).glob("*"))
    wrong_type = (await submit(client, ada["token"], org, document=b"MZ\x90\0 an executable")).json()
    assert wrong_type["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.document"}
    async with make_client(replace(settings, kyc_max_bytes=100)) as small:
        too_large = (await submit(small, ada["token"], org)).json()
        assert too_large["errors"][0]["extensions"]["field"] == "input.document"
        huge = await small.post("/graphql", content=b"x" * 70_000, headers={"content-type": "multipart/form-data; boundary=x", "x-csrf-protection": "1"})
        assert huge.status_code == 413
    assert not await KycSubmission.exists()
    # A refused upload leaves no file behind.
    bad_selfie = (await submit(client, ada["token"], org, selfie=b"not an image")).json()
    assert bad_selfie["errors"][0]["extensions"]["field"] == "input.selfie"
    assert set(Path(settings.kyc_dir).glob("*")) == files_before


async def test_a_value_that_is_no_file_is_bad_input(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    variables = {"i": {"organizationId": org, "documentType": "PASSPORT", "document": "abc", "selfie": "def"}}
    result = await gql(client, SUBMIT, variables, token=ada["token"])
    assert error_code(result) == "BAD_USER_INPUT"


async def test_only_owners_submit(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    assert (await submit(client, bob["token"], org)).json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_quota_increases_can_wait_for_kyc(client, settings):
    strict = replace(settings, kyc_required_for_quota_increase=True)
    async with make_client(strict) as strict_client:
        ada = await sign_up(strict_client, "ada@example.com")
        org = await create_org(strict_client, ada["token"])
        sam = await staff(strict_client)
        raise_limit = "mutation($i: SetQuotaLimitInput!) { setQuotaLimit(input: $i) { limit } }"
        increase = {"i": {"organizationId": org, "product": "instances", "resource": "GP1-L", "limit": 50}}
        assert error_code(await gql(strict_client, raise_limit, increase, token=sam["token"])) == "CONFLICT"
        await submit(strict_client, ada["token"], org)
        pending = nodes(ok(await gql(strict_client, PENDING, token=sam["token"]))["pendingKycSubmissions"])
        ok(await gql(strict_client, "mutation($id: ID!) { approveKyc(input: {id: $id}) { status } }", {"id": pending[0]["id"]}, token=sam["token"]))
        assert ok(await gql(strict_client, raise_limit, increase, token=sam["token"]))["setQuotaLimit"]["limit"] == 50


async def test_kyc_events_are_audited(client):
    from accountql.models import AuditEvent

    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    sam = await staff(client)
    reject = "mutation($i: RejectKycInput!) { rejectKyc(input: $i) { status } }"
    await submit(client, ada["token"], org)
    first = nodes(ok(await gql(client, PENDING, token=sam["token"]))["pendingKycSubmissions"])[0]["id"]
    ok(await gql(client, reject, {"i": {"id": first, "reason": "Expired passport."}}, token=sam["token"]))
    await submit(client, ada["token"], org)
    second = nodes(ok(await gql(client, PENDING, token=sam["token"]))["pendingKycSubmissions"])[0]["id"]
    ok(await gql(client, "mutation($id: ID!) { approveKyc(input: {id: $id}) { status } }", {"id": second}, token=sam["token"]))
    ok(await gql(client, "{ pendingKycSubmissions { edges { node { id } } } }", token=sam["token"]))
    kinds = set(await AuditEvent.filter(organization_id=org).values_list("kind", flat=True))
    assert {"KYC_SUBMITTED", "KYC_APPROVED", "KYC_REJECTED"} <= kinds


async def test_staff_looks_at_documents_are_audited(client):
    from accountql.models import AuditEvent

    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    await submit(client, ada["token"], org)
    sam = await staff(client)
    ok(await gql(client, "{ pendingKycSubmissions { edges { node { documentBase64 selfieBase64 } } } }", token=sam["token"]))
    viewed = await AuditEvent.filter(kind="KYC_DOCUMENT_VIEWED", organization_id=org).values_list("details", flat=True)
    assert sorted(d["which"] for d in viewed) == ["document", "selfie"]
