"""Terminal output shows control characters from the data, never obeys them: text, quotes,
file names, messages; the text format's own colours are the only escapes it writes."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.output import terminal

RULE = """\
rules:
  - id: bridge-opening
    question: When did the bridge open?
    subject: [Tallis Bridge]
    cues: [opened]
    kind: year
    severity: error
"""
HOSTILE = {  # what a source may hold, and how it must appear
    "OSC title": ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),
    "OSC 52 clipboard": ("\x1b]52;c;ZWNobyBoaQ==\x1b\\", "\\x1b]52;c;ZWNobyBoaQ==\\x1b\\"),
    "CSI clear": ("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"),
    "C1 CSI": ("\x9b31m", "\\x9b31m"),
    "carriage return": ("fake\rline", "fake\\x0dline"),
    "bidi override": ("\u202eevil", "\\u202eevil"),
    "backspace": ("ab\x08c", "ab\\x08c"),
}


@pytest.mark.parametrize("raw,shown", HOSTILE.values(), ids=HOSTILE.keys())
def test_escape_shows_each_control_character(raw, shown):
    assert terminal.escape(raw) == shown
    assert terminal.escape("line one\nline two") == "line one\nline two"


@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
def test_a_check_never_writes_the_sources_escapes(workspace, monkeypatch, color):
    hostile = "".join(raw for raw, _ in HOSTILE.values())
    ws = workspace({"rules/r.yaml": RULE, "src/a.txt": f"The Tallis Bridge opened in 1884. {hostile}",
                    "src/b.txt": f"{hostile} The Tallis Bridge opened in 1890.",
                    "src/c\x1b]0;name\x07.pdf": "not readable"})
    monkeypatch.chdir(ws)
    result = CliRunner().invoke(main, ["check", "--sources", "src", "--rules", "rules", "--no-report",
                                       "--color" if color else "--no-color"], catch_exceptions=False, color=True)
    assert result.exit_code == 2 and "CONFLICT" in result.stdout
    ours = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)  # the colours the text format writes itself
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", ours)
    assert bool(re.search(r"\x1b\[31m", result.stdout)) == color
    assert "\\x1b]0;pwned\\x07" in result.stdout  # shown, so a reader sees what the file holds
    assert "src/c\\x1b]0;name\\x07.pdf: unknown file type" in result.stderr
    assert "\x1b" not in result.stderr


def test_data_cannot_pass_for_the_colour_marks():
    colors, forger = terminal.Colors(), terminal.Colors()
    forged = forger.color("x", "31")  # marks made by another rendering, as data would hold them
    assert colors.finish(colors.color("a\x1b", "31") + forged) == \
        "\x1b[31ma\\x1b\x1b[0m" + terminal.escape(forged)
    assert "\x1b" not in terminal.escape(forged)
