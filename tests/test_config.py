"""Configuration is read from the environment on demand and fails with one clear line."""

import pytest

from atlas.config import SETTINGS, Config
from atlas.errors import ConfigError


def test_defaults_need_no_environment(tmp_path):
    config = Config.from_env({})
    assert config.database_url.startswith("postgresql+psycopg://")
    assert config.host == "127.0.0.1" and config.port == 5000


def test_plain_postgresql_url_gets_the_psycopg_driver():
    config = Config.from_env({"ATLAS_DATABASE_URL": "postgresql://u:p@db.example:5432/atlas"})
    assert config.database_url == "postgresql+psycopg://u:p@db.example:5432/atlas"


@pytest.mark.parametrize("env, message", [
    ({"ATLAS_DATABASE_URL": "mysql://u@h/db"}, "ATLAS_DATABASE_URL: expected a postgresql://"),
    ({"ATLAS_DATABASE_URL": "postgresql://u@h"}, "ATLAS_DATABASE_URL: the URL names no database"),
    ({"ATLAS_GEODATA": "/no/such/folder"}, "ATLAS_GEODATA: folder '/no/such/folder' does not"),
    ({"ATLAS_SEEDS": "/no/such/folder"}, "ATLAS_SEEDS: folder '/no/such/folder' does not"),
    ({"ATLAS_PORT": "http"}, "ATLAS_PORT: expected a port number"),
    ({"ATLAS_PORT": "70000"}, "ATLAS_PORT: port 70000 is outside"),
])
def test_a_bad_value_names_the_variable(env, message):
    with pytest.raises(ConfigError) as e:
        Config.from_env(env)
    assert str(e.value).startswith(message)
    assert "\n" not in str(e.value)


FOLDERS = [("geodata", "ATLAS_GEODATA", "no reference data folder"),
           ("seeds", "ATLAS_SEEDS", "no seed press releases folder")]


@pytest.mark.parametrize("field, env, _", FOLDERS)
def test_a_data_folder_is_taken_when_it_exists(tmp_path, field, env, _):
    assert getattr(Config.from_env({env: str(tmp_path)}), field) == tmp_path


@pytest.mark.parametrize("field, env, message", FOLDERS)
def test_a_missing_data_folder_is_reported_only_when_needed(field, env, message):
    config = Config.from_env({env: ""})
    assert getattr(config, field) is None
    with pytest.raises(ConfigError, match=f"{env}: {message}"):
        getattr(config, f"require_{field}")()


def test_every_setting_is_a_config_field_with_help():
    fields = set(Config.__dataclass_fields__)
    assert {s.field for s in SETTINGS} == fields
    assert all(s.env.startswith("ATLAS_") and s.help for s in SETTINGS)


def test_every_setting_is_documented_in_the_readme():
    from atlas.config import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert [s.env for s in SETTINGS if s.env not in readme] == []


def test_another_database_never_mixes_with_the_environments_web_url():
    env = {"ATLAS_DATABASE_URL": "postgresql://owner@db/atlas",
           "ATLAS_WEB_DATABASE_URL": "postgresql://atlas_web:pw@db/atlas"}
    assert Config.from_env(env).web_database_url.endswith("atlas_web:pw@db/atlas")
    assert Config.from_env(env, database_url="postgresql://owner@db/other"
                           ).web_database_url == ""
    both = Config.from_env(env, database_url="postgresql://owner@db/other",
                           web_database_url="postgresql://atlas_web:pw@db/other")
    assert both.web_database_url.endswith("@db/other")


def test_another_database_never_mixes_with_the_environments_writer_url():
    env = {"ATLAS_DATABASE_URL": "postgresql://owner@db/atlas",
           "ATLAS_WRITER_DATABASE_URL": "postgresql://atlas_writer:pw@db/atlas"}
    assert Config.from_env(env).writer_url.endswith("atlas_writer:pw@db/atlas")
    other = Config.from_env(env, database_url="postgresql://owner@db/other")
    assert other.writer_url.endswith("owner@db/other")


def test_the_session_key_is_given_or_generated_once_and_private(tmp_path):
    with pytest.raises(ConfigError, match="ATLAS_SECRET_KEY: at least 32 characters"):
        Config.from_env({"ATLAS_SECRET_KEY": "court"})
    config = Config.from_env({"ATLAS_CACHE_DIR": str(tmp_path)})
    key = config.session_secret()
    assert len(key) >= 32 and config.session_secret() == key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert Config.from_env({"ATLAS_SECRET_KEY": "k" * 40}).session_secret() == "k" * 40
