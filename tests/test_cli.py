"""The real command line: outputs, exit codes, errors, start-up weight."""
from __future__ import annotations

import json
import shlex
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT
from factcheck.cli import main

RULE = """
rules:
  - id: bridge-opening
    question: When did the bridge open?
    subject: [Tallis Bridge]
    cues: [opened]
    kind: year
    severity: {severity}
"""


def invoke(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


@pytest.fixture
def conflicting(workspace):
    def make(severity="error"):
        return workspace({
            "rules/r.yaml": RULE.format(severity=severity),
            "src/a.txt": "The Tallis Bridge opened in 1884.",
            "src/b.txt": "The Tallis Bridge opened in 1890.",
        })
    return make


@pytest.mark.parametrize("severity,fail_on,status", [
    ("error", "error", 1), ("warning", "error", 0), ("warning", "warning", 1), ("info", "warning", 0),
    ("info", "info", 1), ("error", "never", 0),
])
def test_fail_on_levels(conflicting, severity, fail_on, status):
    ws = conflicting(severity)
    result = invoke("check", "--sources", ws / "src", "--rules", ws / "rules", "--no-report", "--fail-on", fail_on)
    assert result.exit_code == status, result.output


def test_clean_run_exits_0(workspace):
    ws = workspace({"rules/r.yaml": RULE.format(severity="error"), "src/a.txt": "The Tallis Bridge opened in 1884.",
                    "src/b.txt": "The Tallis Bridge opened in 1884, to crowds."})
    result = invoke("check", "--sources", ws / "src", "--rules", ws / "rules", "--no-report")
    assert result.exit_code == 0 and "consistent" in result.output


def test_json_output_is_the_documented_format(conflicting, tmp_path):
    ws = conflicting()
    out = tmp_path / "out.json"
    result = invoke("check", "--sources", ws / "src", "--rules", ws / "rules", "--no-report", "--format", "json", "--output", out)
    assert result.exit_code == 1  # writing to a file does not turn failure into success
    data = json.loads(out.read_text())
    assert (data["format"], data["version"]) == ("factcheck-report", 1)
    (fact,) = data["facts"]
    assert fact["rule"] == "bridge-opening" and fact["outcome"] == "conflict" and fact["severity"] == "error"
    statement = fact["statements"][0]
    assert {"source", "quote", "line", "value"} <= set(statement)
    assert {"raw", "low", "high", "unit"} <= set(statement["value"])
    assert statement["value"]["low"] == "1884-01-01" and statement["value"]["high"] == "1884-12-31"
    assert statement["quote"][statement["span"]["start"]:statement["span"]["end"]] == "1884"


def test_workbook_is_written_atomically_where_asked(conflicting, tmp_path):
    ws = conflicting()
    report = tmp_path / "out" / "r.xlsx"
    result = invoke("check", "--sources", ws / "src", "--rules", ws / "rules", "--report", report)
    assert result.exit_code == 1
    assert report.is_file() and not list(report.parent.glob(".*.tmp"))
    from openpyxl import load_workbook

    sheet = load_workbook(report)["Findings"]
    assert sheet.max_row == 2 and "1884" in sheet["G2"].value


def test_broken_rule_file_exits_2_naming_it(workspace):
    ws = workspace({"rules/r.yaml": RULE.format(severity="error").replace("kind:", "knd:"), "src/a.txt": "x."})
    result = CliRunner().invoke(main, ["check", "--sources", str(ws / "src"), "--rules", str(ws / "rules"), "--no-report"])
    assert result.exit_code == 2
    assert "r.yaml:6:5: rule 'bridge-opening': unknown key 'knd' (did you mean 'kind'?)" in result.output


def test_bad_source_exits_2_but_others_are_checked(conflicting):
    ws = conflicting()
    (ws / "src" / "broken.txt").write_bytes(b"\x00\x01\x02PNG caf\xe9 in 1884")
    result = CliRunner().invoke(main, ["check", "--sources", str(ws / "src"), "--rules", str(ws / "rules"),
                                       "--no-report", "--format", "json"])
    assert result.exit_code == 2
    assert "broken.txt: looks binary" in result.output
    data = json.loads(result.stdout)
    assert data["facts"][0]["outcome"] == "conflict"


def test_rules_validate(workspace):
    assert invoke("rules", "validate", ROOT / "rules").exit_code == 0
    ws = workspace({"r.yaml": "rules:\n  - id: x\n"})
    result = CliRunner().invoke(main, ["rules", "validate", str(ws / "r.yaml")])
    assert result.exit_code == 2 and "missing required key 'question'" in result.output


def test_rules_validate_reports_every_mistake_and_json(workspace):
    ws = workspace({"r.yaml": "rules:\n  - id: x\n    kind: yearz\n  - id: y\n    question: Q?\n    subject: s\n"
                              "    kind: year\n    severity: huge\n    cues: [s]\n"})
    result = CliRunner().invoke(main, ["rules", "validate", str(ws / "r.yaml")])
    assert result.exit_code == 2
    assert result.output.count("r.yaml:") == 4  # question and subject of x, its kind, y's severity
    assert "r.yaml:3:11: rule 'x': key 'kind'" in result.output
    result = CliRunner().invoke(main, ["rules", "validate", "--format", "json", str(ws / "r.yaml")])
    data = json.loads(result.stdout)
    assert result.exit_code == 2 and data["ok"] is False and len(data["errors"]) == 4
    assert {"path", "line", "column", "message"} <= data["errors"][0].keys()
    ws = workspace({"r.yaml": "rules:\n  - id: y\n    question: Q?\n    subject: s\n    kind: year\n    cues: [s]\n"})
    result = CliRunner().invoke(main, ["rules", "validate", "--format", "json", str(ws / "r.yaml")])
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["ok"] and data["rules"] == 1
    assert "subject's own name" in data["warnings"][0]["message"] and data["warnings"][0]["line"] == 2


def test_explain_shows_candidates_and_reasons(workspace):
    ws = workspace({"rules/r.yaml": RULE.format(severity="error"),
                    "src/a.txt": "The Tallis Bridge, 2 km long, opened in 1884 (see 1999 report)."})
    result = invoke("explain", "bridge-opening", "--sources", ws / "src", "--rules", ws / "rules")
    assert result.exit_code == 0
    assert "TAKEN '1884'" in result.output and "not taken '1999'" in result.output


def test_explain_unknown_rule_suggests(workspace):
    ws = workspace({"rules/r.yaml": RULE.format(severity="error"), "src/a.txt": "x."})
    result = CliRunner().invoke(main, ["explain", "bridge-openin", "--rules", str(ws / "rules"), "--sources", str(ws / "src")])
    assert result.exit_code == 2 and "did you mean 'bridge-opening'" in result.output


def test_usage_error_exits_2():
    assert CliRunner().invoke(main, ["check", "--format", "yaml"]).exit_code == 2


def test_version_and_help_do_not_import_pandas_or_openpyxl():
    code = ("import sys; from factcheck.cli import main\n"
            "try: main(['--help'])\nexcept SystemExit: pass\n"
            "heavy = [m for m in ('pandas', 'openpyxl') if m in sys.modules]\nprint(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")
    version = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and "factcheck" in version.stdout


def test_bundled_check_end_to_end(tmp_path):
    """The Quick start's main job, through a real subprocess."""
    report = tmp_path / "report.xlsx"
    result = subprocess.run([sys.executable, "-m", "factcheck", "check", "--report", str(report)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr  # the bundled corpus has error-level conflicts
    assert "CONFLICT" in result.stdout and "ketamine-first-human-use" in result.stdout
    assert report.is_file()


def test_program_ends_at_once_with_its_outputs_flushed_and_exit_handlers_run(tmp_path):
    """The command as a program skips freeing its objects one by one: its output must still
    be complete, its exit status the check's, and exit handlers must still run."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('exit handlers ran', file=sys.stderr))\n"
            "from factcheck.cli import program\n"
            "sys.argv = ['factcheck', 'check', '--format', 'json', '--no-report', '--quiet']\n"
            "program()\n"
            "print('not reached', file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1  # the bundled corpus has error-level conflicts
    assert json.loads(result.stdout)["findings"]  # all of it: the JSON parses
    assert "exit handlers ran" in result.stderr and "not reached" not in result.stderr
    # a reader that stops early (| head) gets no traceback
    piped = subprocess.run(f"{shlex.quote(sys.executable)} -m factcheck check --no-report --quiet | head -1",
                           shell=True, cwd=ROOT, capture_output=True, text=True)
    assert piped.stdout.startswith("factcheck ") and "Traceback" not in piped.stderr


def test_help_lists_exactly_the_registered_formats():
    from factcheck import output
    from factcheck.cli import FORMAT_NAMES

    assert set(FORMAT_NAMES) == set(output.FORMATS)


def test_reviewed_workbook_as_baseline_lets_ci_pass(conflicting, tmp_path):
    """A reviewer accepts the difference in the workbook; CI given that workbook passes, and
    a baseline file written from it does the same."""
    from openpyxl import load_workbook

    ws = conflicting()
    report = tmp_path / "review.xlsx"
    args = ["check", "--sources", ws / "src", "--rules", ws / "rules"]
    assert invoke(*args, "--report", report).exit_code == 1
    book = load_workbook(report)
    sheet = book["Findings"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("Status") + 1, value="Accepted difference")
    sheet.cell(row=2, column=header.index("Note") + 1, value="two openings: road and rail")
    book.save(report)

    assert invoke(*args, "--no-report", "--baseline", report).exit_code == 0
    baseline = tmp_path / "baseline.yaml"
    assert invoke(*args, "--no-report", "--baseline", report, "--write-baseline", baseline).exit_code == 0
    assert "two openings" in baseline.read_text()
    result = invoke(*args, "--no-report", "--baseline", baseline, "--format", "json")
    assert result.exit_code == 0
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["suppressed"]["by"] == "baseline"


def test_unreadable_previous_workbook_is_not_overwritten(conflicting, tmp_path):
    ws = conflicting()
    report = tmp_path / "review.xlsx"
    report.write_bytes(b"this is not a workbook")
    result = CliRunner().invoke(main, ["check", "--sources", str(ws / "src"), "--rules", str(ws / "rules"),
                                       "--report", str(report)])
    assert result.exit_code == 2 and "review.xlsx" in result.output
    assert report.read_bytes() == b"this is not a workbook"


@pytest.mark.parametrize("where", ["file-as-folder", "folder"])
def test_unwritable_output_exits_2_without_traceback(conflicting, where):
    ws = conflicting("warning")  # no failing finding: the exit status is the write's alone
    target = ws / "src" / "a.txt" / "out.json" if where == "file-as-folder" else ws / "src"
    result = CliRunner().invoke(main, ["check", "--sources", str(ws / "src"), "--rules", str(ws / "rules"),
                                       "--no-report", "--format", f"json:{target}"])
    assert result.exit_code == 2 and "cannot be written" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_explain_with_an_unreadable_source_exits_2(workspace):
    ws = workspace({"rules/r.yaml": RULE.format(severity="error"), "src/a.txt": b"\xff\xfe"})
    result = CliRunner().invoke(main, ["explain", "bridge-opening", "--rules", str(ws / "rules"), "--sources", str(ws / "src")])
    assert result.exit_code == 2 and "a.txt" in result.output


def test_dask_with_a_nonsense_scheduler_exits_2(conflicting):
    pytest.importorskip("distributed", reason="pip install 'factcheck[dask]'")
    ws = conflicting()
    result = CliRunner().invoke(main, ["check", "--sources", str(ws / "src"), "--rules", str(ws / "rules"), "--no-report",
                                       "--engine", "dask", "--scheduler", "nonsense"])
    assert result.exit_code == 2 and "cannot reach the Dask scheduler" in result.output


def test_fail_levels_agree_with_config():
    from factcheck import cli, config

    assert cli.FAIL_LEVELS == config.FAIL_LEVELS


TWO_RULES = RULE.format(severity="error") + """
  - id: bridge-length
    question: How long is the bridge?
    subject: [Tallis Bridge]
    cues: [long]
    kind: length
"""


def test_rule_selection_reports_the_chosen_rules_as_a_full_run_does(workspace):
    ws = workspace({"rules/r.yaml": TWO_RULES,
                    "src/a.txt": "The Tallis Bridge opened in 1884. It is 2 km long.",
                    "src/b.txt": "The Tallis Bridge opened in 1890. It is 3 km long."})
    base = ["check", "--sources", ws / "src", "--rules", ws / "rules", "--format", "json", "-q"]
    full = json.loads(invoke(*base, "--no-report").stdout)
    only = invoke(*base, "--rule", "bridge-op*")
    assert only.exit_code == 1
    data = json.loads(only.stdout)
    assert [f["rule"] for f in data["facts"]] == ["bridge-opening"]
    assert data["facts"][0] == next(f for f in full["facts"] if f["rule"] == "bridge-opening")
    assert not (ws / "reports").exists()  # no workbook unless --report names a new one
    result = CliRunner().invoke(main, list(map(str, base + ["--rule", "bridge-opn"])))
    assert result.exit_code == 2 and "--rule 'bridge-opn' matches no rule (did you mean 'bridge-opening'" in result.output
    (ws / "old.xlsx").write_bytes(b"x")
    result = CliRunner().invoke(main, list(map(str, base + ["--rule", "bridge-*", "--report", ws / "old.xlsx"])))
    assert result.exit_code == 2 and "write to a new file" in result.output
    assert (ws / "old.xlsx").read_bytes() == b"x"


def test_rules_list_names_each_rule_and_how_many_sources_state_it(workspace):
    ws = workspace({"rules/r.yaml": TWO_RULES,
                    "src/a.txt": "The Tallis Bridge opened in 1884.", "src/b.txt": "The Tallis Bridge opened in 1890."})
    lines = invoke("rules", "list", ws / "rules").stdout.splitlines()
    assert [line.split()[:3] for line in lines] == [["bridge-opening", "date", "error"],
                                                    ["bridge-length", "length", "warning"]]
    lines = invoke("rules", "list", ws / "rules", "--sources", ws / "src").stdout.splitlines()
    assert lines[0].endswith("[2 source(s), conflict]") and lines[1].endswith("[0 source(s), not-stated]"), lines


def test_rules_list_warns_about_rules_that_take_the_same_values(workspace):
    twice = RULE.format(severity="error") + RULE.format(severity="error").replace("rules:\n", "").replace(
        "id: bridge-opening", "id: bridge-inauguration")
    ws = workspace({"rules/r.yaml": twice, "src/a.txt": "The Tallis Bridge opened in 1884.",
                    "src/b.txt": "The Tallis Bridge opened in 1884, a year late."})
    result = CliRunner().invoke(main, ["rules", "list", str(ws / "rules"), "--sources", str(ws / "src")])
    assert ("warning: rules 'bridge-inauguration' and 'bridge-opening' take the same 2 value(s) (e.g. a:1 '1884')"
            in result.stderr), result.stderr
    ws = workspace({"rules/r.yaml": TWO_RULES, "src/a.txt": "The Tallis Bridge opened in 1884. It is 2 km long."})
    result = CliRunner().invoke(main, ["rules", "list", str(ws / "rules"), "--sources", str(ws / "src")])
    assert "warning" not in result.stderr


def test_rules_list_warns_about_a_cue_in_most_sentences(workspace):
    rule = RULE.format(severity="error").replace("cues: [opened]", "cues: [opened, bridge]")
    filler = " ".join(f"The bridge carried {n} carts on day {n}." for n in range(30))
    ws = workspace({"rules/r.yaml": rule, "src/a.txt": "The Tallis Bridge opened in 1884. " + filler,
                    "src/b.txt": "The Tallis Bridge opened in 1890. " + filler})
    result = CliRunner().invoke(main, ["rules", "list", str(ws / "rules"), "--sources", str(ws / "src")])
    warnings = [line for line in result.stderr.splitlines() if "stands in" in line]
    assert len(warnings) == 1 and "cue 'bridge' stands in 100% of the sources' sentences" in warnings[0], result.stderr


EXAMPLES = RULE.format(severity="error") + """    examples:
      - text: "The Tallis Bridge opened in 1884."
        value: 1884
      - text: "The Tallis Bridge was designed in 1879 and opened in 1884."
        value: {second}
      - text: "The Tallis Bridge closed for repairs in 1990."
        value: none
"""


@pytest.mark.parametrize("second,status,shown", [
    ("1884", 0, "3/3 example(s) pass"),
    ("1879", 1, "wants '1879', read '1884'"),
])
def test_rules_test_runs_each_rules_examples(workspace, second, status, shown):
    ws = workspace({"r.yaml": EXAMPLES.format(second=second)})
    result = CliRunner().invoke(main, ["rules", "test", str(ws / "r.yaml")])
    assert result.exit_code == status and shown in result.output, result.output
    if status:
        assert "r.yaml:11: FAIL rule 'bridge-opening'" in result.output and "why: '1884' chosen" in result.output
        validated = CliRunner().invoke(main, ["rules", "validate", str(ws / "r.yaml")])
        assert validated.exit_code == 2 and "r.yaml:11: rule 'bridge-opening': example" in validated.output


def test_an_example_that_wants_no_value_fails_when_one_is_read(workspace):
    ws = workspace({"r.yaml": RULE.format(severity="error") + "    examples:\n"
                              "      - {text: \"The Tallis Bridge opened in 1884.\", value: none}\n"})
    result = CliRunner().invoke(main, ["rules", "test", str(ws / "r.yaml")])
    assert result.exit_code == 1 and "wants no value, read '1884'" in result.output


def test_explain_says_why_a_near_miss_was_not_taken(workspace):
    ws = workspace({"rules/r.yaml": RULE.format(severity="error"),
                    "src/a.txt": "The Tallis Bridge was first crossed by a tram in 1884."})
    result = invoke("explain", "bridge-opening", "--sources", ws / "src", "--rules", ws / "rules")
    assert "near-miss '1884'" in result.output


@pytest.mark.parametrize("value,status", [("Schedule III", 0), ("Schedule II", 1)])
def test_a_category_rules_examples_compare_names(workspace, value, status):
    ws = workspace({"r.yaml": "rules:\n  - id: schedule\n    question: Which schedule is ketamine in?\n"
                              "    subject: ketamine\n    kind: category\n    values: [Schedule I, Schedule II, Schedule III]\n"
                              f"    examples:\n      - {{text: \"Ketamine is a Schedule III drug.\", value: {value}}}\n"})
    assert CliRunner().invoke(main, ["rules", "test", str(ws / "r.yaml")]).exit_code == status
