"""clients/typescript/example.ts, compiled as `npm run example` compiles it, walks a live
`accountql serve` with the documents GraphQL Code Generator typed: what tsc accepts, the
server must accept too. Needs clients/typescript/node_modules (npm ci); skipped without it
unless ACCOUNTQL_TEST_REQUIRE_TYPESCRIPT=1, as CI's TypeScript step sets."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.test_live_server import Server

TYPESCRIPT = Path(__file__).resolve().parent.parent / "clients" / "typescript"

pytestmark = pytest.mark.typescript


def require_node_modules() -> None:
    missing = None
    if not shutil.which("npm"):
        missing = "npm is missing: install Node.js 20.19 or newer (with npm)"
    elif not (TYPESCRIPT / "node_modules" / ".bin" / "tsc").exists():
        missing = "clients/typescript has no node_modules: run `npm ci` there"
    if missing and os.environ.get("ACCOUNTQL_TEST_REQUIRE_TYPESCRIPT") == "1":
        pytest.fail(f"{missing} (ACCOUNTQL_TEST_REQUIRE_TYPESCRIPT=1 wants this test to run)")
    if missing:
        pytest.skip(missing)


async def test_the_typescript_example_walks_a_live_server(tmp_path):
    require_node_modules()
    server = Server(tmp_path, ACCOUNTQL_DATABASE_URL=f"sqlite://{tmp_path}/ts.sqlite3", ACCOUNTQL_SECRET_KEY="s" * 48)
    try:
        await server.wait_until_healthy()
        # In clients/typescript: the compiled example imports `graphql` from its node_modules.
        process = await asyncio.create_subprocess_exec(
            "npm", "run", "--silent", "example", "--", f"{server.url}/graphql",
            cwd=TYPESCRIPT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    finally:
        assert server.stop(), server.log.read_text()
    assert process.returncode == 0, f"{stdout.decode()}\n{stderr.decode()}\n{server.log.read_text()}"
    seen = json.loads(stdout.decode().strip().splitlines()[-1])
    assert seen["email"].startswith("ts-") and seen["organization"] == "Typed"
    assert seen["memberRoles"] == ["OWNER"]
    assert seen["keyPrefix"].startswith("aqk_") and seen["keyRevoked"] is True
    assert seen["sessionsBeforeRevoke"] == 2 and seen["loggedOut"] is True
    assert seen["revokedKey"] == seen["revokedSession"] == seen["afterLogOut"] == "UNAUTHENTICATED"
