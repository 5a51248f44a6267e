"""Alembic environment: runs migrations on the connection handed over by atlas.migrate."""

from alembic import context

from atlas.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
