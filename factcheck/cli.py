"""The command line: the only place that prints, reads options or exits.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or
input error (a broken rule file, an unreadable source, a report that cannot be
written). Heavy modules are imported inside the commands so --help stays fast.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .errors import FactcheckError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_LEVELS = ("error", "warning", "info", "never")  # as factcheck.config.FAIL_LEVELS (a test checks)
DEFAULT_REPORT = "reports/factcheck-report.xlsx"
FORMAT_NAMES = ("text", "json", "sarif", "github", "junit")

sources_option = click.option("--sources", "sources", multiple=True, type=click.Path(),
                              help="Source file or folder (repeatable). Default: sources/, or the config's.")
rules_option = click.option("--rules", "rules", multiple=True, type=click.Path(),
                            help="Rule file or folder (repeatable). Default: rules/, or the config's.")


def echo(message="", err: bool = False, nl: bool = True) -> None:
    """click.echo, with every control character in `message` shown rather than obeyed: file
    names and source text reach the terminal in the messages (output.terminal)."""
    from .output.terminal import escape

    click.echo(escape(str(message)), err=err, nl=nl)


class UsageError(click.UsageError):
    """Wrong combination of options: exit 2 with click's usage message."""


class FactcheckGroup(click.Group):
    """Turns every FactcheckError into one clear line on stderr and exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FactcheckError as error:
            echo(f"factcheck: error: {error}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=FactcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Check whether source documents agree on the facts that rule files describe.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration
    or input error.
    """


@main.command()
@click.argument("drafts", nargs=-1, type=click.Path())
@click.option("--sources", "sources", multiple=True, type=click.Path(),
              help="Trusted source file or folder (repeatable). Default: sources/, or the config's.")
@click.option("--rules", "rules", multiple=True, type=click.Path(),
              help="Rule file or folder (repeatable). Default: rules/, or the config's.")
@click.option("--format", "formats", multiple=True, metavar="NAME[:PATH]",
              help=f"Output format, optionally to a file (repeatable): {', '.join(FORMAT_NAMES)}. Default: text.")
@click.option("--output", type=click.Path(dir_okay=False), help="Write the (single) format without a PATH to this file.")
@click.option("--report", type=click.Path(dir_okay=False),
              help=f"Write the Excel workbook here (default without drafts: {DEFAULT_REPORT}).")
@click.option("--no-report", is_flag=True, help="Do not write the workbook.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Honour this reviewed workbook or baseline file: findings it accepts do not fail the run.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False),
              help="Write the accepted decisions (Accepted difference / False positive, not expired) to this YAML file.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS),
              help="Exit 1 when an unsuppressed finding is at least this severe. Default: error.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Settings file (default: factcheck.toml or setup.cfg [factcheck], from here upward).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when on a terminal).")
@click.option("--max-source-mb", type=click.FloatRange(min=0.001), default=50, show_default=True,
              help="Refuse (as an input error) any source or draft larger than this many MiB (2**20 bytes).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes for reading and extraction "
              "(default: the cores available). Results are identical to a serial run.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this machine, or a Dask cluster (pip install 'factcheck[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address for --engine dask, e.g. tcp://host:8786.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no notes on standard error (errors still show).")
@click.option("--rule", "only_rules", multiple=True, metavar="ID",
              help="Report only the rules whose id matches (repeatable; a glob: 'ketamine-*'). All rules are "
                   "still read, so their results are a full run's. No workbook unless --report names a new file.")
@click.pass_context
def check(ctx, drafts, sources, rules, formats, output, report, no_report, baseline, write_baseline, fail_on,
          config_path, color, max_source_mb, jobs, engine, scheduler, quiet, only_rules) -> None:
    """Check SOURCES against RULES, or DRAFTS against the sources.

    Without DRAFTS: every fact the rules describe is looked up in every source, and
    facts on which the sources disagree, or contradict a rule's expected value, are
    findings; a summary is printed and the workbook written.

    With DRAFTS (Markdown, HTML, text, Word .docx): each draft statement that
    contradicts the sources' consensus or a rule's expected value is a finding at
    path:line:col; a fact no source states is reported as unverified, one severity
    lower. A `<!-- factcheck-ignore RULE: reason -->` line silences the findings on
    the next statement of RULE.
    """
    from .extract import paused_gc

    # A check builds millions of small objects that live until it ends, and makes no
    # reference cycles worth collecting: without the cyclic collector walking them again
    # and again, the steps after extraction take half the time on a large corpus.
    with paused_gc():
        status, results = _check(ctx, drafts, sources, rules, formats, output, report, no_report, baseline,
                                 write_baseline, fail_on, config_path, color, max_source_mb, jobs, engine, scheduler,
                                 quiet, only_rules)
        if _program:
            end_program(status)  # `results` is still referenced: nothing is freed one object at a time
    ctx.exit(status)


def _check(ctx, drafts, sources, rules, formats, output, report, no_report, baseline, write_baseline, fail_on,
           config_path, color, max_source_mb, jobs, engine, scheduler, quiet, only_rules=()) -> tuple[int, tuple]:
    """The exit status, and what the check made (for the caller to keep until the end)."""
    from .check import run_check
    from .engines.local import default_jobs
    from .progress import ProgressBar
    from .records import report_records
    from .review import ReviewOptions, review

    settings = _settings(config_path, drafts=drafts, sources=sources, rules=rules, formats=formats,
                         report=report, fail_on=fail_on, baseline=baseline)
    targets = _targets(settings["format"], output)
    if only_rules and report and Path(report).exists():
        raise UsageError(f"--rule with --report {report}: that workbook holds every rule's findings, and a "
                         "workbook of some rules would list the others as resolved; write to a new file")
    with ProgressBar(enabled=not quiet and sys.stderr.isatty(), label="documents") as bar:
        result = run_check(settings["sources"], settings["rules"], settings["drafts"],
                           max_bytes=int(max_source_mb * 1024 * 1024), engine=engine,
                           jobs=jobs or default_jobs(), scheduler=scheduler, progress=bar.advance,
                           on_total=bar.set_total, root=settings["root"], only_rules=only_rules)
    records = report_records(result)
    for problem in result.problems:
        echo(f"factcheck: error: {problem}", err=True)
    for warning in result.warnings:
        echo(f"factcheck: warning: {warning}", err=True)
    # With --rule, only a workbook named on the command line is written (never the usual one).
    workbook = None if no_report else report if only_rules else \
        settings["report"] or (None if settings["drafts"] else DEFAULT_REPORT)
    outcome = review(records, ReviewOptions(
        report=None if workbook is None else Path(workbook),
        baseline=Path(settings["baseline"]) if settings["baseline"] else None,
        write_baseline=Path(write_baseline) if write_baseline else None,
        generated=_source_date_epoch(),
    ))
    _write_outputs(targets, records, color)
    if not quiet:
        for message in outcome.messages:
            echo(message, err=True)
    for warning in outcome.warnings:
        echo(f"factcheck: warning: {warning}", err=True)
    return exit_status(records, settings["fail_on"]), (result, records)


def _source_date_epoch():
    """SOURCE_DATE_EPOCH, the reproducible-builds convention, fixes the run date when set."""
    import os
    from datetime import datetime, timezone

    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=timezone.utc).replace(tzinfo=None)
    except ValueError:
        raise UsageError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {value!r}") from None


def _settings(config_path, **command_line) -> dict:
    from . import config

    loaded = config.load(Path(config_path) if config_path else config.find())
    command_line["format"] = command_line.pop("formats")
    settings = {key: value for key, (value, _) in config.effective(command_line, loaded).items()}
    settings["root"] = loaded.path.parent if loaded.path else None  # the project folder, for draft ids
    return settings


def _targets(formats: list[str], output: str | None) -> list[tuple[str, str | None]]:
    """Parse NAME[:PATH] specs; --output is the path of the one spec without a path."""
    from . import output as registry

    targets = []
    for spec in formats:
        name, _, path = spec.partition(":")
        registry.get(name)  # fails early, naming the known formats
        targets.append((name, path or None))
    bare = [i for i, (_, path) in enumerate(targets) if path is None]
    if output:
        if len(bare) != 1:
            raise UsageError("--output needs exactly one --format without a PATH; use --format NAME:PATH instead")
        targets[bare[0]] = (targets[bare[0]][0], output)
    elif len(bare) > 1:
        raise UsageError("only one format can go to standard output; give the others a PATH (--format NAME:PATH)")
    return targets


def _write_outputs(targets: list[tuple[str, str | None]], records: dict, color: bool | None) -> None:
    """Each format once, from the same records: to its file (atomically) or to standard output."""
    from . import output as registry
    from .atomic import write_atomic

    for name, path in targets:
        rendered = registry.get(name)(records, color=_use_color(color, path))
        if path:
            write_atomic(path, rendered)
        else:
            click.echo(rendered, nl=False)  # formats escape what they must themselves


def exit_status(records: dict, fail_on: str) -> int:
    """2 when an input could not be read, 1 when an unsuppressed finding reaches fail_on."""
    if records["problems"]:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    from .model import Severity

    threshold = Severity.parse(fail_on)
    failing = [f for f in records["findings"] if not f.get("suppressed") and Severity.parse(f["severity"]) >= threshold]
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _use_color(color: bool | None, output: str | None) -> bool:
    if output:
        return False
    return sys.stdout.isatty() if color is None else color


@main.group()
def rules() -> None:
    """Work with rule files."""


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one object with the errors and warnings, each with path, line (and column).")
def validate(paths, output_format) -> None:
    """Check rule files (default: rules/): every mistake in one run, each at file:line:column, the
    rules' examples (as `rules test`), and warnings for rules that load but will not work as meant.
    Exit 2 on any error or failing example."""
    import json

    from .errors import RuleFileError
    from .rule_lint import lint
    from .rules import load_rules, rule_files

    paths = list(paths) or ["rules"]
    try:
        loaded, errors = load_rules(paths), []
    except RuleFileError as error:
        loaded, errors = (), list(getattr(error, "errors", [error]))
    warnings = lint(loaded)
    if loaded:
        from .rule_examples import run_examples

        for result in run_examples(loaded):
            if not result.passed:
                errors.append(RuleFileError(f"rule '{result.rule.id}': example \"{result.text}\" wants "
                                            f"{result.expected or 'no value'}, read "
                                            f"{', '.join(result.taken) or 'nothing'}: {result.why}",
                                            path=result.rule.path, line=result.line))
    if output_format == "json":
        echo(json.dumps({
            "ok": not errors,
            "rules": len(loaded),
            "errors": [{"path": e.path, "line": e.line, "column": e.column, "message": e.message} for e in errors],
            "warnings": [{"path": w.path, "line": w.line, "rule": w.rule_id, "message": w.message} for w in warnings],
        }, indent=2))
    else:
        for error in errors:
            echo(f"{error}", err=True)
        for warning in warnings:
            echo(str(warning), err=True)
        if errors:
            echo(f"factcheck: error: {len(errors)} mistake(s) in the rule files", err=True)
        else:
            echo(f"{len(loaded)} rule(s) in {len(rule_files(paths))} file(s): OK"
                       + (f", {len(warnings)} warning(s)" if warnings else ""))
    if errors:
        raise SystemExit(2)


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rule", "only_rules", multiple=True, metavar="ID", help="Only rules whose id matches (glob).")
@click.option("--verbose", "-v", is_flag=True, help="Print the examples that pass too.")
def test_rules(paths, only_rules, verbose) -> None:
    """Run the rules' own `examples:` (default: rules/): each sentence read with every rule
    competing, as in a check. Exit 1 when an example fails, naming it and why."""
    from .rule_examples import run_examples
    from .rules import load_rules, select

    loaded = load_rules(list(paths) or ["rules"])
    results = run_examples(loaded, select(loaded, only_rules))
    failed = [r for r in results if not r.passed]
    for result in results:
        if verbose or not result.passed:
            echo(str(result))
    untested = sum(1 for r in select(loaded, only_rules) if not r.examples)
    echo(f"{len(results) - len(failed)}/{len(results)} example(s) pass"
               + (f", {len(failed)} fail" if failed else "")
               + (f"; {untested} rule(s) have no examples" if untested else ""))
    if failed:
        raise SystemExit(1)


@rules.command("list")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--sources", "sources", multiple=True, type=click.Path(),
              help="Also count, per rule, the sources that state its fact (runs the extraction).")
@click.option("--rule", "only_rules", multiple=True, metavar="ID", help="Only rules whose id matches (glob).")
def list_rules(paths, sources, only_rules) -> None:
    """List the rules (default: rules/): id, kind, severity, subject; with --sources, how many
    sources state each fact and its outcome, and a warning for rules that take the same values."""
    from .rules import load_rules, select

    loaded = select(load_rules(list(paths) or ["rules"]), only_rules)
    stated: dict[str, tuple[int, str]] = {}
    if sources:
        from .check import run_check

        result = run_check(list(sources), list(paths) or ["rules"], only_rules=only_rules)
        for problem in result.problems:
            echo(f"factcheck: error: {problem}", err=True)
        stated = {f.rule.id: (len(f.sources), str(f.outcome.value)) for f in result.facts}
    width = max(len(r.id) for r in loaded)
    for rule in loaded:
        line = f"{rule.id:<{width}}  {rule.kind:<8}  {str(rule.severity):<7}  {rule.subject[0]}"
        if sources:
            count, outcome = stated.get(rule.id, (0, "-"))
            line += f"  [{count} source(s), {outcome}]"
        echo(line)
    if sources:
        from .rule_lint import shared_values

        for message in shared_values(result.facts):
            echo(f"warning: {message}", err=True)
        from .rule_lint import generic_cues
        from .sources import load_sources

        for message in generic_cues(loaded, load_sources(list(sources)).documents):
            echo(f"warning: {message}", err=True)


@rules.command("kinds")
@click.argument("name", required=False)
def kinds_command(name) -> None:
    """Describe the value kinds a rule can use (or one of them: NAME)."""
    import inspect

    from . import kinds

    from .errors import ConfigError

    try:
        chosen = [kinds.get(name)] if name else [kinds.get(n) for n in kinds.names()]
    except kinds.UnknownKindError as error:
        raise ConfigError(str(error)) from None
    for kind in chosen:
        echo(f"== {kind.NAME}" + (f" (also: {', '.join(kind.ALIASES)})" if kind.ALIASES else ""))
        echo(inspect.cleandoc(kind.__doc__ or "") + "\n")


@main.command("suggest")
@sources_option
@click.option("--rules", "rules", multiple=True, type=click.Path(),
              help="Existing rules: propose only what the sources state that none of them covers.")
@click.option("--subject", multiple=True, metavar="TEXT",
              help="What the sources are about (repeatable: a name and its aliases). Default: the name most sources use, preferring their titles' words.")
@click.option("--output", type=click.Path(dir_okay=False), help="Write the draft rule file here (default: print it).")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Propose a fact only when this many sources state a value beside its words.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many rules.")
def suggest_command(sources, rules, subject, output, min_sources, limit) -> None:
    """Propose the facts the sources state, as a draft rule file: values of one kind beside the same
    words in several sources, those whose sources disagree first, each with its quotes."""
    from .atomic import write_atomic
    from .sources import load_sources
    from .suggest import as_rule_file, suggest

    settings = _settings(None, sources=sources, rules=(), formats=())
    loaded = load_sources(settings["sources"])
    for problem in loaded.problems:
        echo(f"factcheck: error: {problem}", err=True)
    covered = None
    if rules:
        from .check import run_check

        report = run_check(settings["sources"], list(rules))
        covered = {(m.source, m.line, m.value.raw) for f in report.facts for m in f.statements}
    found_subject, suggestions = suggest(loaded.documents, list(subject) or None, min_sources, limit, covered)
    text = as_rule_file(found_subject, suggestions)
    if output:
        write_atomic(output, text)
        echo(f"{len(suggestions)} rule(s) about {found_subject[0]!r} written to {output}", err=True)
    else:
        echo(text, nl=False)


@main.command("explain")
@click.argument("rule_id")
@sources_option
@rules_option
@click.option("--source", "only_sources", multiple=True, metavar="ID",
              help="Only these sources (their ids; repeatable).")
@click.option("--show", type=click.Choice(["all", "taken", "rejected", "near-misses"]), default="all", show_default=True,
              help="Only the statements taken, the sentences where nothing was taken, or the near-misses.")
def explain_command(rule_id, sources, rules, only_sources, show) -> None:
    """Show, per source, the sentences RULE_ID considered: the value taken and why, why every other
    value was not, and the near-misses (values of its kind about its subject not taken: none of its
    words nearby, a score too low, or taken by another rule)."""
    from . import kinds
    from .errors import ConfigError
    from .explain import explain
    from .rules import load_rules
    from .sources import load_sources

    settings = _settings(None, sources=sources, rules=rules, formats=())
    found = {r.id: r for r in load_rules(settings["rules"])}
    if rule_id not in found:
        import difflib

        close = difflib.get_close_matches(rule_id, list(found), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ConfigError(f"no rule '{rule_id}'{hint}; known: {', '.join(found)}")
    rule = found[rule_id]
    loaded = load_sources(settings["sources"])
    for problem in loaded.problems:
        echo(f"factcheck: error: {problem}", err=True)
    describe = kinds.get(rule.kind).describe
    echo(f"{rule.id}: {rule.question}\n  kind {rule.kind}, subject {list(rule.subject)}, cues {list(rule.cues)}")
    current = None
    for item in explain(loaded.documents, found.values(), rule_id):  # all of them: words weigh by the corpus
        if only_sources and item.source not in only_sources:
            continue
        taken = item.mention is not None and item.mention.value is not None
        if (show == "taken" and not taken) or (show == "rejected" and (taken or item.mention is None)) \
                or (show == "near-misses" and item.mention is not None):
            continue
        if item.source != current:
            current = item.source
            echo(f"\n== {current}")
        echo(f"  line {item.sentence.line}: \"{' '.join(item.sentence.text.split())}\"")
        if item.mention is None:
            for candidate in item.near_misses:
                echo(f"    near-miss {candidate.value.raw!r}: {candidate.reasons[0]}; "
                           f"{'; '.join(candidate.reasons[1:])}")
            continue
        for candidate in item.mention.candidates:
            mark = "TAKEN" if candidate.chosen else "not taken"
            echo(f"    {mark:>9} {candidate.value.raw!r} = {describe(candidate.value)} "
                       f"(score {candidate.score:.2f}): {'; '.join(candidate.reasons)}")
        if not item.mention.candidates:
            echo(f"    {item.mention.why}")
    if current is None:
        echo("\nNo sentence in any source was considered: no value of its kind about its subject.")
    if loaded.problems:
        raise SystemExit(EXIT_ERROR)


@main.command("config")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Settings file (default: factcheck.toml or setup.cfg [factcheck], from here upward).")
def config_command(config_path) -> None:
    """Print the effective settings and where each came from."""
    from . import config

    path = Path(config_path) if config_path else config.find()
    echo(f"# settings file: {path or 'none found (factcheck.toml or setup.cfg [factcheck], from here upward)'}")
    for key, (value, origin) in config.effective({}, config.load(path)).items():
        shown = ", ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
        if key == "report" and value is None:
            shown = f"{DEFAULT_REPORT} (when no drafts are given)"
        echo(f"{key:<9} = {shown or '(none)':<40} # {origin}")


_program = False  # whether this process is the command itself (not click's test runner)


def program() -> None:
    """The command as a program (console script, `python -m factcheck`).

    Unlike `main` called from a test, a check then ends the process as soon as its
    outputs are written: see end_program.
    """
    global _program
    _program = True
    main(prog_name="factcheck")


def end_program(status: int) -> NoReturn:
    """End the process now, once standard output and error are flushed and the exit
    handlers have run.

    A check on 10,000 documents holds a few million small objects; freeing them one by
    one when the command returns takes about a second, for memory the system takes back
    at once when the process ends.
    """
    import atexit
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away (| head), or a closed stream
            pass
    atexit._run_exitfuncs()  # noqa: SLF001 (what a normal exit would run)
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    program()
