"""Alembic's entry point: migrations always run on the connection ``Store.open`` hands over."""

from alembic import context

from saidwhat.store.migrate import include_name
from saidwhat.store.schema import metadata

context.configure(
    connection=context.config.attributes["connection"], target_metadata=metadata, include_name=include_name
)
with context.begin_transaction():
    context.run_migrations()
