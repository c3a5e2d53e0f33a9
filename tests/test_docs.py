"""Every ```graphql example of README.md and docs/*.md runs against the real app, in order,
one story per file, and does what its annotations say (tests/docs_runner.py describes
them). A block that errors without `# expect:` fails the test, naming its file and line."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from accountql.schema.schema import build_schema
from tests.docs_blocks import DocFailure, graphql_blocks, operations, skip_reason
from tests.docs_runner import run_file

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", DOCUMENTS, ids=shown)
async def test_every_example_runs(path, settings):
    try:
        await run_file(path, shown(path), settings)
    except DocFailure as failure:
        pytest.fail(str(failure), pytrace=False)


def test_the_api_guide_shows_every_operation_of_the_schema(settings):
    """Every field of Query, Mutation and Subscription has an example in docs/api.md that
    runs (not one marked skip-run)."""
    schema = build_schema(settings)._schema
    wanted = {
        f"{root.name}.{name}"
        for root in (schema.query_type, schema.mutation_type, schema.subscription_type)
        for name in root.fields
    }
    shown_fields = set()
    for block in graphql_blocks(ROOT / "docs" / "api.md", "docs/api.md"):
        found = operations(block)
        if skip_reason(found):
            continue
        for operation in found:
            root = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}[operation.kind.value]
            shown_fields.update(f"{root}.{name}" for name in operation.root_fields if not name.startswith("__"))
    assert sorted(wanted - shown_fields) == []


async def test_a_failing_example_fails_the_test_with_its_file_and_line(settings, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# A page\n\n```graphql\n# keep: ada = signUp.token\n"
        'mutation { signUp(input: {email: "ada@example.com", password: "correct horse battery staple", name: "Ada"}) { token } }\n'
        "```\n\nText.\n\n```graphql\n{ me { email } }\n```\n"
    )
    with pytest.raises(DocFailure) as failure:
        await run_file(page, "page.md", settings)
    assert str(failure.value).startswith("page.md:11: failed with UNAUTHENTICATED")
    # The same with `as:` runs; an expected error that does not come fails too.
    text = page.read_text().replace("ada@example.com", "bob@example.com")  # the database keeps Ada
    page.write_text(text.replace("{ me { email } }", "# as: ada\n# expect: FORBIDDEN\n{ me { email } }"))
    with pytest.raises(DocFailure) as failure:
        await run_file(page, "page.md", settings)
    assert str(failure.value).startswith("page.md:13: expected FORBIDDEN, got no error")


async def test_a_misspelled_annotation_or_placeholder_fails(settings, tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```graphql\n# expcet: UNAUTHENTICATED\n{ me { email } }\n```\n")
    with pytest.raises(DocFailure, match=r"page.md:2: unknown annotation '# expcet:'"):
        await run_file(page, "page.md", settings)
    page.write_text('```graphql\n# as: nobody\nmutation { requestMagicLink(input: {email: "<nobody>"}) }\n```\n')
    with pytest.raises(DocFailure, match=r"page.md:3: <nobody> names nothing kept"):
        await run_file(page, "page.md", settings)
    page.write_text("```graphql\nquery {\n  # expect: UNAUTHENTICATED\n  me { email }\n}\n```\n")
    with pytest.raises(DocFailure, match=r"page.md:3: an annotation inside an operation"):
        await run_file(page, "page.md", settings)


async def test_a_block_that_is_not_run_still_matches_the_schema(settings, tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```graphql\n# skip-run: shown only\n{ me { emailAddress } }\n```\n")
    with pytest.raises(DocFailure, match=r"page.md:3: does not validate against the schema: Cannot query field 'emailAddress'"):
        await run_file(page, "page.md", settings)
    page.write_text("```graphql\n# skip-run:\n{ me { email } }\n```\n")
    with pytest.raises(DocFailure, match=r"page.md:3: skip-run needs a reason"):
        await run_file(page, "page.md", settings)
    page.write_text("```graphql\n# skip-run: tested in tests/test_accounts.py\n{ me { email } }\n```\n")
    assert (await run_file(page, "page.md", settings)).ran == 0


def test_the_deployment_guide_lists_every_setting(monkeypatch, tmp_path):
    """Every variable that load_settings reads has a row in docs/deployment.md."""
    from accountql import config

    for name in [n for n in os.environ if n.startswith("ACCOUNTQL_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ACCOUNTQL_DATABASE_URL", f"sqlite://{tmp_path}/s.sqlite3")
    monkeypatch.setenv("ACCOUNTQL_SECRET_KEY", "s" * 48)
    config.load_settings()
    guide = (ROOT / "docs" / "deployment.md").read_text()
    assert sorted(n for n in config.SETTING_NAMES | set(config.NOT_SETTINGS) if f"`{n}`" not in guide) == []


async def test_a_subscription_must_hear_what_it_says(settings, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "```graphql\n# keep: ada = signUp.token\n"
        'mutation { signUp(input: {email: "ada@example.com", password: "correct horse battery staple", name: "Ada"}) { token } }\n'
        "# as: ada\n# events: PASSWORD_CHANGED\nsubscription { securityEvents { kind } }\nmutation { logOut }\n```\n"
    )
    with pytest.raises(DocFailure, match=r"page.md:6: expected the events \['PASSWORD_CHANGED'\], received \['SESSION_REVOKED'\]"):
        await run_file(page, "page.md", settings)


LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings."""
    found = set()
    for line in path.read_text().splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


@pytest.mark.parametrize("path", DOCUMENTS, ids=shown)
def test_links_lead_somewhere(path):
    """Links between the documents name files that exist and headings they have; the
    README links inside the repository only."""
    for target in LINK.findall(path.read_text()):
        if target.startswith(("http://", "https://", "mailto:")):
            assert path.name != "README.md", f"README.md links outside the repository: {target}"
            continue
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        assert linked.is_relative_to(ROOT) and linked.exists(), f"{shown(path)}: {target} leads nowhere"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), f"{shown(path)}: {target}: no such heading"
