"""Migration operations that Tortoise's own get wrong on SQLite, for the files in
migrations/ to use."""

from __future__ import annotations

from tortoise.migrations import operations as ops


class AlterFieldKeepingIndexes(ops.AlterField):
    """AlterField that keeps the table's indexes on SQLite.

    SQLite cannot alter a column, so Tortoise builds a new table, copies the rows and drops
    the old one, and with it every index that is not a key (tortoise-orm 1.1): a changed
    enum description on login_attempt.method lost the index its pages read. The indexes'
    own CREATE statements are read before and run again after; on PostgreSQL it is
    AlterField as it is."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None) -> None:
        if state_editor is None or state_editor.DIALECT != "sqlite":
            await super().database_forward(app_label, old_state, new_state, state_editor)
            return
        table = old_state.apps.get_model(f"{app_label}.{self.model_name}")._meta.db_table
        _, rows = await state_editor.client.execute_query(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", [table]
        )
        await super().database_forward(app_label, old_state, new_state, state_editor)
        for row in rows:
            # sqlite_master keeps the statement as it was written: CREATE [UNIQUE] INDEX name ...
            statement = row["sql"]
            await state_editor.client.execute_script(
                statement.replace(" INDEX ", " INDEX IF NOT EXISTS ", 1) if "IF NOT EXISTS" not in statement else statement
            )
