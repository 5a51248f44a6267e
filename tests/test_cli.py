"""The command line: migrations both ways, and bad configuration as one line + exit 1."""

import pytest
import sqlalchemy as sa
from click.testing import CliRunner



def test_upgrade_downgrade_base_upgrade_again(engine, atlas_cli):
    down = atlas_cli("db", "downgrade", "base")
    assert down.returncode == 0, down.stderr
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT to_regclass('public.commune')")) is None
    up = atlas_cli("db", "upgrade")
    assert up.returncode == 0, up.stderr
    assert "(head)" in up.stdout
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT to_regclass('public.commune')")) == "commune"


@pytest.mark.parametrize("var, value, message", [
    ("ATLAS_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/atlas",
     "atlas: error: cannot connect to postgresql+psycopg://nobody@127.0.0.1:1/atlas"),
    ("ATLAS_DATABASE_URL", "sqlite:///x.db",
     "atlas: error: ATLAS_DATABASE_URL: expected a postgresql:// URL"),
    ("ATLAS_GEODATA", "/no/such/geodata",
     "atlas: error: ATLAS_GEODATA: folder '/no/such/geodata' does not exist"),
])
def test_bad_configuration_fails_with_one_line(atlas_cli, var, value, message):
    result = atlas_cli("db", "upgrade", env={var: value})
    assert result.returncode == 1
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_password_is_never_printed(atlas_cli):
    result = atlas_cli("check", env={"ATLAS_DATABASE_URL": "postgresql://u:s3cret@127.0.0.1:1/a"})
    assert result.returncode == 1 and "s3cret" not in result.stderr


def test_every_command_has_help(atlas_cli):
    from atlas.__main__ import main

    def walk(group, path):
        for name, cmd in group.commands.items():
            yield [*path, name]
            if hasattr(cmd, "commands"):
                yield from walk(cmd, [*path, name])

    # The entry point once as a user runs it; every command in this process (a new
    # interpreter per command cost most of a minute).
    top = atlas_cli("--help", subprocess=True)
    assert top.returncode == 0 and "Usage:" in top.stdout, top.stderr
    runner = CliRunner()
    paths = list(walk(main, []))
    assert len(paths) > 20  # the walk found the commands
    for path in paths:
        result = runner.invoke(main, [*path, "--help"], prog_name="python -m atlas")
        assert result.exit_code == 0, (path, result.output, result.exception)
        assert "Usage: python -m atlas " + " ".join(path) in result.output


def test_check_reports_the_schema(atlas_cli):
    result = atlas_cli("check")
    assert result.returncode == 0, result.stderr
    assert "(head)" in result.stdout
