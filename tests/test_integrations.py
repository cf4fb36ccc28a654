"""The documented CI examples and the pre-commit hook, run as written."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from conftest import ROOT

REPO = {
    "factcheck.toml": 'sources = ["sources"]\ndrafts = ["content"]\nrules = ["rules"]\nfail_on = "warning"\n',
    "rules/r.yaml": """
        rules:
          - id: bridge-opening
            question: When did the Tallis Bridge open?
            subject: [Tallis Bridge]
            cues: [opened]
            kind: year
            severity: error
        """,
    "sources/a.txt": "The Tallis Bridge opened in 1884.",
    "sources/b.txt": "The Tallis Bridge opened in 1884, to crowds.",
    "content/post.md": "# Bridges\n\nThe Tallis Bridge opened in 1890.\n",
}


def factcheck_commands(commands: list[str]) -> list[str]:
    """The steps that run factcheck (installing it is the environment's business here)."""
    return [c for c in commands if c.split()[0] == "factcheck"]


def run(command: str, cwd: Path, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", **(env_extra or {}))
    return subprocess.run(shlex.split(command), cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_github_actions_example(workspace, tmp_path):
    repo = workspace({f"repo/{k}": v for k, v in REPO.items()}) / "repo"
    workflow = yaml.safe_load((ROOT / "docs" / "ci" / "github-actions.yml").read_text())
    steps = [s["run"] for s in workflow["jobs"]["factcheck"]["steps"] if "run" in s]
    (command,) = factcheck_commands(steps)
    summary = tmp_path / "summary.md"
    result = run(command, repo, {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(repo)})
    assert result.returncode == 1, result.stderr  # the draft contradicts the sources
    assert "::error file=content/post.md,line=3" in result.stdout
    sarif = json.loads((repo / "factcheck.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "bridge-opening"
    assert ET.parse(repo / "factcheck.xml").getroot().tag == "testsuites"
    assert "bridge-opening" in summary.read_text()


def test_gitlab_ci_example(workspace):
    repo = workspace({f"repo/{k}": v for k, v in REPO.items()}) / "repo"
    pipeline = yaml.safe_load((ROOT / "docs" / "ci" / "gitlab-ci.yml").read_text())
    (command,) = factcheck_commands(pipeline["factcheck"]["script"])
    result = run(command, repo)
    assert result.returncode == 1
    assert "content/post.md:3:" in result.stdout
    report = pipeline["factcheck"]["artifacts"]["reports"]["junit"]
    failures = ET.parse(repo / report).getroot().iter("failure")
    assert any("1890" in (f.text or "") for f in failures)


def test_pre_commit_hook(workspace):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["pass_filenames"] is False and hook["require_serial"] is True
    repo = workspace({f"repo/{k}": v for k, v in REPO.items()}) / "repo"
    result = run(hook["entry"], repo)
    assert result.returncode == 1 and "post.md:3:29: error bridge-opening" in result.stdout
    (repo / "content" / "post.md").write_text("The Tallis Bridge opened in 1884.\n")
    assert run(hook["entry"], repo).returncode == 0
