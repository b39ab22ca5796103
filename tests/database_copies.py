"""Copies of this session's test database for the processes a test starts (`make serve`'s
stack, two app servers): pytest-django has already applied the 250 migrations to it, so the
process's own `migrate` finds nothing to do instead of spending 10–15 seconds on them.

SQLite: a file written with SQLite's backup API. PostgreSQL: a new database with the test
database as its TEMPLATE (a file-level copy, a fraction of a second)."""

import sqlite3
from pathlib import Path
from urllib.parse import quote

from django.db import DatabaseError, connection

from .conftest import restore_migrated_content


def copy_test_database(django_db_blocker, *, name: str, directory: Path) -> str | None:
    """The DATABASE_URL of a copy of the test database as the migrations left it: a file in
    `directory` on SQLite, database `name` on PostgreSQL. None when there is nothing to copy
    (no test of the session has used the database yet) or PostgreSQL refuses (another session
    is connected to the test database): the process then migrates an empty one."""
    with django_db_blocker.unblock():
        if "django_migrations" not in connection.introspection.table_names():
            return None
        restore_migrated_content()
        if connection.vendor == "sqlite":
            return backup_sqlite(directory / f"{name}.sqlite3")
        if connection.vendor == "postgresql":
            return clone_postgresql(name)
    return None


def backup_sqlite(path: Path) -> str:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return f"sqlite:///{path}"


def clone_postgresql(name: str) -> str | None:
    test_database = connection.settings_dict["NAME"]
    connection.close()  # a template database must have no session
    try:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{test_database}"')
    except DatabaseError:
        return None
    return postgresql_url(name)


def drop_postgresql(name: str) -> None:
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgresql_url(name: str) -> str:
    settings = connection.settings_dict
    credentials = quote(settings["USER"], safe="")
    if settings["PASSWORD"]:
        credentials += ":" + quote(settings["PASSWORD"], safe="")
    return f"postgres://{credentials}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"
