"""The command line: the only place that prints, reads options or exits.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or
input error (a broken rule file, an unreadable source, a report that cannot be
written). Heavy modules are imported inside the commands so --help stays fast.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import FactcheckError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_LEVELS = ("error", "warning", "info", "never")
DEFAULT_REPORT = "reports/factcheck-report.xlsx"

sources_option = click.option("--sources", "sources", multiple=True, default=["sources"], show_default=True,
                              type=click.Path(), help="Source file or folder (repeatable).")
rules_option = click.option("--rules", "rules", multiple=True, default=["rules"], show_default=True,
                            type=click.Path(), help="Rule file or folder (repeatable).")


class FactcheckGroup(click.Group):
    """Turns every FactcheckError into one clear line on stderr and exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FactcheckError as error:
            click.echo(f"factcheck: error: {error}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=FactcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def main() -> None:
    """Check whether source documents agree on the facts that rule files describe.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration
    or input error.
    """


@main.command()
@sources_option
@rules_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Format of the results written to --output (standard output by default).")
@click.option("--output", type=click.Path(dir_okay=False), help="Write the results to this file instead of standard output.")
@click.option("--report", default=DEFAULT_REPORT, show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the Excel workbook.")
@click.option("--no-report", is_flag=True, help="Do not write the workbook.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding is at least this severe ('never': always exit 0 on findings).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: when on a terminal).")
@click.option("--max-source-mb", type=click.FloatRange(min=0.001), default=50, show_default=True,
              help="Skip (with an error) any source larger than this.")
@click.pass_context
def check(ctx, sources, rules, output_format, output, report, no_report, fail_on, color, max_source_mb) -> None:
    """Check SOURCES against RULES: print a summary, write the workbook.

    Every fact the rules describe is looked up in every source; facts on which the
    sources disagree, or contradict a rule's expected value, are findings.
    """
    from . import output as formats
    from .atomic import write_atomic
    from .check import run_check
    from .records import report_records
    from .review import ReviewOptions, review

    result = run_check(list(sources), list(rules), max_bytes=int(max_source_mb * 1024 * 1024))
    records = report_records(result)
    for problem in result.problems:
        click.echo(f"factcheck: error: {problem}", err=True)
    outcome = review(records, ReviewOptions(report=None if no_report else Path(report)))
    rendered = formats.get(output_format)(records, color=_use_color(color, output))
    if output:
        write_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)
    for message in outcome.messages:
        click.echo(message, err=True)
    ctx.exit(exit_status(records, fail_on))


def exit_status(records: dict, fail_on: str) -> int:
    """2 when an input could not be read, 1 when an unsuppressed finding reaches fail_on."""
    if records["problems"]:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    order = FAIL_LEVELS.index  # error < warning < info: a lower index is more severe
    failing = [f for f in records["findings"] if not f.get("suppressed") and order(f["severity"]) <= order(fail_on)]
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
def validate(paths) -> None:
    """Check rule files (default: rules/) and report the first error with file and line."""
    from .rules import load_rules

    loaded = load_rules(list(paths) or ["rules"])
    files = sorted({r.path for r in loaded})
    click.echo(f"{len(loaded)} rule(s) in {len(files)} file(s): OK")


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
        click.echo(f"== {kind.NAME}" + (f" (also: {', '.join(kind.ALIASES)})" if kind.ALIASES else ""))
        click.echo(inspect.cleandoc(kind.__doc__ or "") + "\n")


@main.command("explain")
@click.argument("rule_id")
@sources_option
@rules_option
def explain_command(rule_id, sources, rules) -> None:
    """Show, per source, the sentences that speak of RULE_ID and why each value was or was not taken."""
    from . import kinds
    from .errors import ConfigError
    from .explain import explain
    from .rules import load_rules
    from .sources import load_sources

    found = {r.id: r for r in load_rules(list(rules))}
    if rule_id not in found:
        import difflib

        close = difflib.get_close_matches(rule_id, list(found), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ConfigError(f"no rule '{rule_id}'{hint}; known: {', '.join(found)}")
    rule = found[rule_id]
    loaded = load_sources(list(sources))
    for problem in loaded.problems:
        click.echo(f"factcheck: error: {problem}", err=True)
    describe = kinds.get(rule.kind).describe
    click.echo(f"{rule.id}: {rule.question}\n  kind {rule.kind}, cues {list(rule.cues)}, subject {list(rule.subject)}")
    current = None
    for item in explain(loaded.documents, rule):
        if item.source != current:
            current = item.source
            click.echo(f"\n== {current}")
        click.echo(f"  line {item.sentence.line}: \"{' '.join(item.sentence.text.split())}\"")
        if item.mention is None:
            click.echo(f"    skipped: {item.verdict}")
            continue
        click.echo(f"    subject {item.mention.subject}; cues {list(item.mention.cues)}")
        for candidate in item.mention.candidates:
            mark = "TAKEN" if candidate.chosen else "not taken"
            click.echo(f"    {mark:>9} {candidate.value.raw!r} = {describe(candidate.value)} "
                       f"(score {candidate.score:.2f}): {'; '.join(candidate.reasons)}")
        if not item.mention.candidates:
            click.echo(f"    {item.mention.why}")
    if current is None:
        click.echo("\nNo sentence in any source holds a cue of this rule.")


if __name__ == "__main__":  # pragma: no cover
    main()
