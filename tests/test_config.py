"""Settings found from the current folder upward; the command line wins."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from factcheck import config
from factcheck.cli import main
from factcheck.errors import ConfigError

RULE = """
rules:
  - id: bridge-opening
    question: When did the bridge open?
    subject: [Tallis Bridge]
    cues: [opened]
    kind: year
    severity: warning
"""
FILES = {
    "repo/rules/r.yaml": RULE,
    "repo/refs/a.txt": "The Tallis Bridge opened in 1884.",
    "repo/refs/b.txt": "The Tallis Bridge opened in 1884, to crowds.",
    "repo/content/post.md": "The Tallis Bridge opened in 1890.\n",
}


@pytest.fixture
def repo(workspace, monkeypatch):
    def make(config_file: str, content: str):
        ws = workspace({**FILES, f"repo/{config_file}": content})
        (ws / "repo" / "content" / "deep").mkdir(exist_ok=True)
        monkeypatch.chdir(ws / "repo" / "content" / "deep")  # found from a subfolder, upward
        return ws / "repo"
    return make


TOML = 'sources = ["refs"]\ndrafts = ["content/post.md"]\nrules = ["rules"]\nfail_on = "warning"\nformat = ["text"]\n'
SETUP_CFG = "[metadata]\nname = x\n\n[factcheck]\nsources = refs\ndrafts = content/post.md\nrules = rules\nfail-on = warning\n"


@pytest.mark.parametrize("name,content", [("factcheck.toml", TOML), ("setup.cfg", SETUP_CFG)])
def test_check_needs_no_flags_in_a_configured_repository(repo, name, content):
    root = repo(name, content)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1, result.output  # warning-level finding fails at fail_on = warning
    assert "post.md:1:29: warning bridge-opening draft says 1890" in result.output
    assert config.find() == root / name


def test_command_line_overrides_config(repo):
    repo("factcheck.toml", TOML)
    assert CliRunner().invoke(main, ["check", "--fail-on", "error"]).exit_code == 0


def test_config_command_says_where_each_setting_came_from(repo):
    root = repo("factcheck.toml", TOML)
    result = CliRunner().invoke(main, ["config"])
    assert result.exit_code == 0
    lines = {line.split("=")[0].strip(): line for line in result.output.splitlines() if "=" in line}
    assert lines["fail_on"].split("#")[1].strip() == f"{root / 'factcheck.toml'}:4"
    assert lines["report"].endswith("# default")
    assert os.path.normpath(os.path.join(os.getcwd(), lines["sources"].split("=")[1].split("#")[0].strip())) == str(root / "refs")


def test_unknown_setting_is_named_with_a_suggestion(repo):
    repo("factcheck.toml", TOML + 'fail_onn = "info"\n')
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "factcheck.toml:6: unknown setting 'fail_onn' (did you mean 'fail_on'?)" in result.output


def test_bad_values(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text('fail_on = "sometimes"\n')
    with pytest.raises(ConfigError, match="fail_on"):
        config.load(path)
    path.write_text("sources = [1, 2\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(path)


def test_no_config_means_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert config.find() is None
    values = config.effective({}, config.load(None))
    assert values["sources"] == (["sources"], "default") and values["fail_on"] == ("error", "default")


def test_format_paths_are_relative_to_the_config(repo):
    root = repo("factcheck.toml", TOML.replace('format = ["text"]', 'format = ["text", "json:out/r.json"]'))
    CliRunner().invoke(main, ["check"])
    assert (root / "out" / "r.json").is_file()
