"""The test database as the migrations left it: restored after a transactional test has
emptied it, and copied for the processes a test starts (`make serve`'s stack, two app
servers), whose own `migrate` then finds nothing to do instead of spending 10–15 seconds on
the 250 migrations pytest-django has already applied.

SQLite: a file written with SQLite's backup API. PostgreSQL: a new database with a template
kept from right after the migrations (`keep_migrated_template`), a file-level copy. The test
database itself cannot serve as the template: PostgreSQL copies only a database nobody is
connected to, and the test thread's first connection outlives Playwright's greenlets."""

import sqlite3
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.db import connection

import pytest


def restore_migrated_content():
    """A transactional test (browser tests, migration tests) empties the database as it ends;
    Django reloads what the migrations created (the root page, home page, root collection)
    only when the next such test starts. Whoever needs it now restores it."""
    from wagtail.models import Page

    if Page.objects.exists():
        return
    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized is None:
        pytest.fail("A transactional test without serialized_rollback emptied the database.")
    connection.creation.deserialize_db_from_string(serialized)


def keep_migrated_template() -> None:
    """On PostgreSQL, a copy of the freshly migrated test database to clone others from."""
    if connection.vendor != "postgresql":
        return
    test_database = connection.settings_dict["NAME"]
    connection.close()  # a template database must have no session
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{template_name()}"')
        cursor.execute(f'CREATE DATABASE "{template_name()}" TEMPLATE "{test_database}"')


def release_test_database() -> None:
    """At the end of the session, on PostgreSQL: drop the template, and end the sessions left
    on the test database (the test thread's first connection, which Playwright's greenlets
    leave behind), which would keep pytest-django from dropping it."""
    if connection.vendor != "postgresql":
        return
    drop_postgresql(template_name())
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            [connection.settings_dict["NAME"]],
        )


def copy_test_database(django_db_blocker, *, name: str, directory: Path) -> str | None:
    """The DATABASE_URL of a copy of the test database as the migrations left it: a file in
    `directory` on SQLite, database `name` on PostgreSQL. None when no test of the session
    uses the database (pytest-django then builds none): the process migrates an empty one."""
    with django_db_blocker.unblock():
        if "django_migrations" not in connection.introspection.table_names():
            return None
        if connection.vendor == "sqlite":
            restore_migrated_content()
            return backup_sqlite(directory / f"{name}.sqlite3")
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_name()}"')
        return postgresql_url(name)


def drop_copy(django_db_blocker, url: str | None) -> None:
    """Drop a copy made by `copy_test_database` on PostgreSQL; a SQLite copy goes with its
    directory."""
    if url and url.startswith("postgres"):
        with django_db_blocker.unblock():
            drop_postgresql(urlsplit(url).path.lstrip("/"))


def backup_sqlite(path: Path) -> str:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return f"sqlite:///{path}"


def drop_postgresql(name: str) -> None:
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def template_name() -> str:
    return f"{connection.settings_dict['NAME']}_migrated"


def postgresql_url(name: str) -> str:
    settings = connection.settings_dict
    credentials = quote(settings["USER"], safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    return f"postgres://{credentials}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"
