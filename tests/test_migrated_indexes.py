"""The indexes the models declare exist in a migrated database. Tortoise's migrations
lost two on the way: SQLite's table rebuild (AlterField) dropped login_attempt's list index,
and AddField made contact.confirmation_hash without its index on both databases. Nothing
else would notice: queries stay right, only slow."""

from __future__ import annotations

import subprocess

from tortoise import Tortoise

from accountql.db import tortoise_config
from tests.test_data_migrations import rows
from tests.test_live_server import ACCOUNTQL, environment


def column(meta, name: str) -> str:
    """A field's column: a foreign key `organization` is the column organization_id."""
    field = meta.fields_map.get(name)
    name = getattr(field, "source_field", None) or name
    return meta.fields_db_projection.get(name, name)


def declared_indexes() -> set[tuple[str, tuple[str, ...]]]:
    """(table, columns) of every index a model asks for: Meta.indexes, unique_together and
    db_index fields (keys aside, which every database indexes by itself)."""
    wanted = set()
    for model in Tortoise.apps["models"].values():
        meta = model._meta
        for columns in (*meta.indexes, *meta.unique_together):
            names = tuple(getattr(c, "fields", c) if not isinstance(c, str) else c for c in columns)
            wanted.add((meta.db_table, tuple(column(meta, n) for n in names)))
        for name, field in meta.fields_map.items():
            if getattr(field, "index", False) and not field.pk and not field.unique and name in meta.fields_db_projection:
                wanted.add((meta.db_table, (meta.fields_db_projection[name],)))
    return wanted


async def present_indexes(url: str) -> set[tuple[str, tuple[str, ...]]]:
    if url.startswith("sqlite"):
        found = set()
        for index in await rows(url, "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"):
            columns = await rows(url, f"PRAGMA index_info(\"{index['name']}\")")
            found.add((index["tbl_name"], tuple(c["name"] for c in sorted(columns, key=lambda c: c["seqno"]))))
        return found
    listed = await rows(url, """
        SELECT t.relname AS tbl, array_agg(a.attname ORDER BY k.n) AS columns
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE s.nspname = 'public' GROUP BY i.indexrelid, t.relname""")
    return {(r["tbl"], tuple(r["columns"])) for r in listed}


async def test_a_migrated_database_has_every_index_the_models_declare(fresh_database):
    migrated = subprocess.run(
        [*ACCOUNTQL, "migrate"], env=environment(ACCOUNTQL_DATABASE_URL=fresh_database, ACCOUNTQL_SECRET_KEY="i" * 48),
        capture_output=True, text=True, timeout=120,
    )
    assert migrated.returncode == 0, migrated.stderr
    if not Tortoise._inited:  # the suite's own connection is up already in a full run
        await Tortoise.init(config=tortoise_config(fresh_database))
    missing = declared_indexes() - await present_indexes(fresh_database)
    assert sorted(missing) == []
