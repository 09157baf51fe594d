"""Alembic environment for the workspace database.

jobready runs the migrations itself (``analyzer.workspace.database``), handing over an
open connection in ``config.attributes["connection"]`` whose transaction already holds
the database's write lock, so two processes never migrate at once. Developers generate
a new revision against a scratch database with ``sqlalchemy.url`` set instead
(see ``docs/workspace.md``).
"""

from alembic import context
from sqlalchemy import create_engine

from analyzer.workspace.models import Base

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)
