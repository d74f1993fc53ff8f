"""The database itself refuses to change an event or a version once written (the models refuse too;
this also stops a bulk ``update()`` or a hand-typed SQL statement). Deleting stays possible at the SQL
level (test databases are emptied between tests); the models and PROTECT foreign keys refuse it."""

from django.db import migrations

TABLES = ("jixiao_web_event", "jixiao_web_evaluationversion")


def create(apps, schema_editor):
    conn = schema_editor.connection
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            cur.execute(
                "CREATE OR REPLACE FUNCTION jixiao_refuse_update() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'jixiao: rows of % are append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql")
            for t in TABLES:
                cur.execute(f"CREATE TRIGGER {t}_no_update BEFORE UPDATE ON {t} "
                            "FOR EACH ROW EXECUTE FUNCTION jixiao_refuse_update()")
        elif conn.vendor == "sqlite":
            for t in TABLES:
                cur.execute(f"CREATE TRIGGER {t}_no_update BEFORE UPDATE ON {t} "
                            f"BEGIN SELECT RAISE(ABORT, 'jixiao: rows of {t} are append-only'); END")


def drop(apps, schema_editor):
    conn = schema_editor.connection
    with conn.cursor() as cur:
        for t in TABLES:
            if conn.vendor == "postgresql":
                cur.execute(f"DROP TRIGGER IF EXISTS {t}_no_update ON {t}")
            elif conn.vendor == "sqlite":
                cur.execute(f"DROP TRIGGER IF EXISTS {t}_no_update")
        if conn.vendor == "postgresql":
            cur.execute("DROP FUNCTION IF EXISTS jixiao_refuse_update()")


class Migration(migrations.Migration):
    dependencies = [("jixiao_web", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
