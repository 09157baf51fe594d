"""The database a repository configures, read from settings and code (analyzer/code/dbconfig.py)."""

from __future__ import annotations

import pytest

from analyzer.code.dbconfig import find_databases

CASES = [
    ("django DATABASES", {"config/settings.py": "DATABASES = {\n    'default': {\n"
                                                "        'ENGINE': 'django.db.backends.sqlite3',\n    }\n}\n"},
     "sqlite", "config/settings.py", 3),
    ("sqlalchemy url", {"config.py": "import os\nSQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or \\\n"
                                     "    'sqlite:///' + os.path.join(basedir, 'app.db')\n"}, "sqlite", "config.py", 3),
    ("async sqlalchemy url", {"app/db.py": "engine = create_async_engine('postgresql+asyncpg://app@db/app')\n"},
     "postgresql", "app/db.py", 1),
    ("spring datasource", {"src/main/resources/application.properties":
                           "server.port=8080\nspring.datasource.url=jdbc:postgresql://localhost/shop\n"},
     "postgresql", "src/main/resources/application.properties", 2),
    ("spring yaml", {"src/main/resources/application.yml": "spring:\n  datasource:\n    url: jdbc:mysql://db/shop\n"},
     "mysql", "src/main/resources/application.yml", 3),
    ("rails database.yml", {"config/database.yml": "default: &default\n  adapter: postgresql\n  pool: 5\n"},
     "postgresql", "config/database.yml", 2),
    ("laravel config", {"config/database.php": "<?php\nreturn [\n    'default' => env('DB_CONNECTION', 'mysql'),\n];\n"},
     "mysql", "config/database.php", 3),
    ("phpunit sqlite", {"phpunit.xml": "<phpunit>\n  <php>\n    <env name=\"DB_CONNECTION\" value=\"sqlite\"/>\n"
                                       "  </php>\n</phpunit>\n"}, "sqlite", "phpunit.xml", 3),
    ("gorm dialect", {"db/db.go": "import (\n\t\"gorm.io/driver/sqlite\"\n\t\"gorm.io/gorm\"\n)\n"}, "sqlite", "db/db.go", 2),
    ("old gorm dialect", {"main.go": "import _ \"github.com/jinzhu/gorm/dialects/postgres\"\n"},
     "postgresql", "main.go", 1),
    ("go driver import", {"main.go": "import (\n\t\"database/sql\"\n\t_ \"github.com/lib/pq\"\n)\n"},
     "postgresql", "main.go", 3),
    ("pgx pool", {"main.go": "import \"github.com/jackc/pgx/v5/pgxpool\"\n"}, "postgresql", "main.go", 1),
    ("sql.Open", {"store.go": "db, err := sql.Open(\"sqlite3\", \"./app.db\")\n"}, "sqlite", "store.go", 1),
    ("prisma", {"prisma/schema.prisma": "generator client {\n  provider = \"prisma-client-js\"\n}\n\n"
                                        "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n"},
     "postgresql", "prisma/schema.prisma", 5),
    ("knex", {"knexfile.js": "module.exports = {\n  development: {\n    client: 'sqlite3',\n  },\n}\n"},
     "sqlite", "knexfile.js", 3),
    ("sequelize", {"src/db.js": "const sequelize = new Sequelize(db, user, pw, {\n  dialect: 'mariadb',\n})\n"},
     "mariadb", "src/db.js", 2),
    ("typeorm ormconfig", {"ormconfig.json.example": "{\n  \"type\": \"mysql\",\n  \"port\": 3306\n}\n"},
     "mysql", "ormconfig.json.example", 2),
    ("entity framework", {"Program.cs": "builder.Services.AddDbContext<Db>(o =>\n    o.UseNpgsql(conn));\n"},
     "postgresql", "Program.cs", 2),
    ("mongoose", {"src/loaders/db.ts": "export default async () => {\n  await mongoose.connect(config.url)\n}\n"},
     "mongodb", "src/loaders/db.ts", 2),
    ("named env file", {"app.env": "DB_DRIVER=postgres\nDB_SOURCE=postgresql://root:secret@localhost:5432/bank\n"},
     "postgresql", "app.env", 2),
]


@pytest.mark.parametrize(("style", "files", "signal", "path", "line"), CASES, ids=[c[0] for c in CASES])
def test_each_configuration_style_names_its_database(style, files, signal, path, line):
    found = find_databases(files)
    assert [(f.signal, f.path, f.line) for f in found] == [(signal, path, line)]


@pytest.mark.parametrize("files", [
    {"README.md": "Run with DATABASE_URL=postgresql://localhost/app\n"},  # documentation configures nothing
    {"docs/setup.py": "URL = 'mysql://example'\n"},
    {"settings.py": "'ENGINE': 'django.db.backends.dummy',\n"},  # no database
    {"src/model.ts": "const field = { type: 'postgres' }\n"},  # not a TypeORM file
    {"node_modules/pg/lib/client.js": "const url = 'postgres://x'\n"},  # installed dependency
    {".env": "DATABASE_URL=postgres://u:p@h/db\n"},  # a real .env holds secrets and is not read
])
def test_documentation_and_look_alikes_name_no_database(files):
    assert find_databases(files) == []


def test_a_quoted_setting_hides_passwords():
    files = {"app.env": "DB_SOURCE=postgresql://root:secret@localhost:5432/bank\nDB_PASSWORD=hunter2\n",
             "config/database.yml": "production:\n  adapter: postgresql\n  password: hunter2\n"}
    texts = " ".join(f.describe() for f in find_databases(files))
    assert "secret" not in texts and "hunter2" not in texts
    assert "postgresql://***@localhost:5432/bank" in texts


def test_one_finding_per_database_and_file_with_the_count():
    files = {"config.py": "A = 'sqlite:///a.db'\nB = 'redis://cache'\nC = 'sqlite:///b.db'\n"}
    found = {f.signal: f for f in find_databases(files)}
    assert set(found) == {"sqlite", "redis"}
    assert found["sqlite"].count == 2 and found["sqlite"].line == 1
