"""SSH keys made in the test with `cryptography`, checked against `ssh-keygen -lf`."""

import shutil
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from tests.api import error_code, gql, nodes, ok, sign_up
from tests.test_organizations import create_org, join

ADD = "mutation($i: AddSshKeyInput!) { addSshKey(input: $i) { id name keyType bits fingerprint } }"
MINE = "{ me { sshKeys { edges { node { id fingerprint } } } } }"
DELETE = "mutation($id: ID!) { deleteSshKey(input: {id: $id}) }"


def public_line(private_key, comment: str = "ada@laptop") -> str:
    line = private_key.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode()
    return f"{line} {comment}"


def ssh_keygen_fingerprint(line: str, tmp_path) -> str | None:
    if shutil.which("ssh-keygen") is None:
        return None
    path = tmp_path / "key.pub"
    path.write_text(line + "\n")
    output = subprocess.run(["ssh-keygen", "-lf", str(path)], capture_output=True, text=True, check=True).stdout
    return output.split()[1]


KEYS = {
    "ed25519": (lambda: ed25519.Ed25519PrivateKey.generate(), "ssh-ed25519", 256),
    "nistp256": (lambda: ec.generate_private_key(ec.SECP256R1()), "ecdsa-sha2-nistp256", 256),
    "nistp384": (lambda: ec.generate_private_key(ec.SECP384R1()), "ecdsa-sha2-nistp384", 384),
    "nistp521": (lambda: ec.generate_private_key(ec.SECP521R1()), "ecdsa-sha2-nistp521", 521),
    "rsa2048": (lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048), "ssh-rsa", 2048),
    "rsa4096": (lambda: rsa.generate_private_key(public_exponent=65537, key_size=4096), "ssh-rsa", 4096),
}


@pytest.mark.parametrize("kind", list(KEYS))
async def test_accepted_keys_and_their_fingerprints(client, tmp_path, kind):
    make, key_type, bits = KEYS[kind]
    ada = await sign_up(client, "ada@example.com")
    line = public_line(make())
    added = ok(await gql(client, ADD, {"i": {"name": kind, "publicKey": line}}, token=ada["token"]))["addSshKey"]
    assert (added["keyType"], added["bits"]) == (key_type, bits)
    expected = ssh_keygen_fingerprint(line, tmp_path)
    if expected:
        assert added["fingerprint"] == expected
    assert added["fingerprint"].startswith("SHA256:")
    assert nodes(ok(await gql(client, MINE, token=ada["token"]))["me"]["sshKeys"]) == [{"id": added["id"], "fingerprint": added["fingerprint"]}]


async def test_refused_keys_say_why(client):
    ada = await sign_up(client, "ada@example.com")
    weak = public_line(rsa.generate_private_key(public_exponent=65537, key_size=1024))
    dsa_line = "ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZp ada@old"
    private = ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()
    ).decode()
    cases = {
        weak: "1024 bits",
        dsa_line: "not accepted",
        private: "private key",
        "ssh-ed25519 not-base64!!": "not an OpenSSH public key",
        "hello": "not an OpenSSH public key",
    }
    for text, words in cases.items():
        result = await gql(client, ADD, {"i": {"name": "k", "publicKey": text}}, token=ada["token"])
        assert error_code(result) == "BAD_USER_INPUT", text
        assert result["errors"][0]["extensions"]["field"] == "input.publicKey"
        assert words in result["errors"][0]["message"], (text, result)


async def test_a_key_is_added_once(client):
    ada = await sign_up(client, "ada@example.com")
    bob = await sign_up(client, "bob@example.com")
    line = public_line(ed25519.Ed25519PrivateKey.generate())
    ok(await gql(client, ADD, {"i": {"name": "laptop", "publicKey": line}}, token=ada["token"]))
    assert error_code(await gql(client, ADD, {"i": {"name": "again", "publicKey": line}}, token=ada["token"])) == "CONFLICT"
    assert error_code(await gql(client, ADD, {"i": {"name": "theft", "publicKey": line}}, token=bob["token"])) == "CONFLICT"


async def test_delete_only_your_own_keys(client):
    ada = await sign_up(client, "ada@example.com")
    bob = await sign_up(client, "bob@example.com")
    added = ok(await gql(client, ADD, {"i": {"name": "laptop", "publicKey": public_line(ed25519.Ed25519PrivateKey.generate())}}, token=ada["token"]))["addSshKey"]
    assert error_code(await gql(client, DELETE, {"id": added["id"]}, token=bob["token"])) == "NOT_FOUND"
    assert ok(await gql(client, DELETE, {"id": added["id"]}, token=ada["token"]))["deleteSshKey"] is True
    assert nodes(ok(await gql(client, MINE, token=ada["token"]))["me"]["sshKeys"]) == []


async def test_owners_and_managers_list_their_members_keys(client):
    ada = await sign_up(client, "ada@example.com")
    org = await create_org(client, ada["token"])
    bob = await join(client, ada, org, "bob@example.com")
    eve = await sign_up(client, "eve@example.com")
    for who in (ada, bob, eve):
        ok(await gql(client, ADD, {"i": {"name": "k", "publicKey": public_line(ed25519.Ed25519PrivateKey.generate())}}, token=who["token"]))
    query = "query($id: ID!) { organization(id: $id) { sshKeys { edges { node { fingerprint user { email } } } } } }"
    for viewer in (ada, bob):
        keys = nodes(ok(await gql(client, query, {"id": org}, token=viewer["token"]))["organization"]["sshKeys"])
        assert sorted(k["user"]["email"] for k in keys) == ["ada@example.com", "bob@example.com"]
    assert error_code(await gql(client, query, {"id": org}, token=eve["token"])) == "NOT_FOUND"


async def test_a_padded_encoding_of_the_same_key_is_the_same_key(client, tmp_path):
    """The SSH wire format lets a number carry leading zero bytes; the fingerprint is of
    the key as OpenSSH encodes it, so a re-padded copy is refused as a duplicate."""
    import base64
    import struct

    ada = await sign_up(client, "ada@example.com")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    canonical = public_line(key, comment="")
    ok(await gql(client, ADD, {"i": {"name": "rsa", "publicKey": canonical}}, token=ada["token"]))
    numbers = key.public_key().public_numbers()

    def mpint(value: int, pad: int = 0) -> bytes:
        raw = value.to_bytes((value.bit_length() + 8) // 8, "big")
        raw = b"\0" * pad + raw
        return struct.pack(">I", len(raw)) + raw

    blob = struct.pack(">I", 7) + b"ssh-rsa" + mpint(numbers.e, pad=2) + mpint(numbers.n)
    padded = "ssh-rsa " + base64.b64encode(blob).decode()
    result = await gql(client, ADD, {"i": {"name": "again", "publicKey": padded}}, token=ada["token"])
    if not result.get("errors") or error_code(result) != "BAD_USER_INPUT":  # a parser may refuse it outright
        assert error_code(result) == "CONFLICT"
