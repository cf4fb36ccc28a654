"""Summary: what was checked, the counts, the facts in conflict first, how to use the book.

The date shown is the one the run was given, else the newest modification time of
the rule and source files (so the same inputs give the same workbook), else none.
"""
from __future__ import annotations

from collections import Counter

from .cells import marked_quote
from .sheet_findings import FINDINGS_SHEET
from .sheet_reference import SOURCES_SHEET
from .sheet_resolved import RESOLVED_SHEET
from .workbook_frames import finding_counts, outcome_counts, status_counts
from .workbook_layout import Context
from .workbook_style import SEVERITY, STATE, lines_needed, row_height

SUMMARY_SHEET = "Summary"
WIDTHS = (34, 14, 12, 12, 12, 12, 70)  # A..G; G holds questions, hashes and long lines
HOW_TO = (
    f"How to use: review each row of '{FINDINGS_SHEET}'. Pick a Status from its list (Open, Confirmed error, "
    "Accepted difference, False positive, Fixed) and fill Reviewer, Note and Date; Expires (optional) ends a "
    "baseline's acceptance. Keep the 'Finding id' column; sort, filter and add columns freely. Run factcheck "
    "again with the same report: decisions are carried over, and findings that no longer occur move to "
    f"'{RESOLVED_SHEET}'. 'Facts × sources' shows every value at a glance; 'Evidence' every sentence read and why."
)
MAX_FILES = 50  # source files listed here; all of them are on the Sources sheet
FACT_ORDER = ("conflict", "unparseable", "single-source", "consistent", "not-stated")


class _Sheet:
    """A free-form write-only sheet: rows of a few cells, long text merged across the row."""

    def __init__(self, book, context: Context):
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        self.styles = context.styles
        self.sheet = book.create_sheet(SUMMARY_SHEET)
        for i, width in enumerate(WIDTHS, 1):
            self.sheet.column_dimensions[get_column_letter(i)].width = width
        self.sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.fitToWidth, self.sheet.page_setup.fitToHeight = 1, 0
        self.rows = 0

    def row(self, *values, style: str = "plain", styles: tuple = ()) -> None:
        """One row; each cell takes its entry of `styles`, else `style`."""
        looks = [styles[i] if i < len(styles) and styles[i] else style for i in range(len(values))]
        cells = [None if v is None or v == "" else self.styles.cell(self.sheet, v, look)
                 for v, look in zip(values, looks)]
        lines = [lines_needed(str(v), WIDTHS[i]) for i, (v, look) in enumerate(zip(values, looks))
                 if look == "wrap" and v not in (None, "")]
        self._append(cells, row_height(max(lines, default=1)))

    def title(self, text: str) -> None:
        self._append([self.styles.cell(self.sheet, text, "title")], 24)

    def line(self, text: str, style: str = "wrap") -> None:
        """Text across the whole width (merged A:G)."""
        self._append([self.styles.cell(self.sheet, text, style)], row_height(lines_needed(text, sum(WIDTHS))))
        self.sheet.merged_cells.add(f"A{self.rows}:G{self.rows}")

    def blank(self) -> None:
        self._append([], None)

    def _append(self, cells, height) -> None:
        self.rows += 1
        if height:
            self.sheet.row_dimensions[self.rows].height = height
        self.sheet.append(cells)


def write(book, records: dict, context: Context) -> None:
    sheet = _Sheet(book, context)
    sheet.title("factcheck discrepancy report")
    sheet.line(HOW_TO)
    sheet.blank()
    rule_files = _rule_files(records)
    _checked(sheet, records, context, len(rule_files))
    _counts(sheet, "Facts by outcome and severity", "Outcome", outcome_counts(records))
    _counts(sheet, "Findings by type and severity", "Type", finding_counts(records))
    statuses = status_counts(records)
    sheet.row("Review status of the findings", style="section")
    sheet.row("Status", "Findings", style="header")
    for status, count in statuses:
        sheet.row(status, count)
    sheet.blank()
    _facts(sheet, records)
    _files(sheet, records, rule_files)
    for title, lines in (("Problems (inputs that could not be read)", records.get("problems", [])),
                         ("Warnings", records.get("warnings", []))):
        if lines:
            sheet.row(title, style="section")
            for text in lines:
                sheet.line(text)
            sheet.blank()
    _legend(sheet)


def _checked(sheet: _Sheet, records: dict, context: Context, rule_files: int) -> None:
    sheet.row("What was checked", style="section")
    label = ("label",)
    sheet.row("Tool", f"{records['tool']['name']} {records['tool']['version']}", styles=label)
    if context.generated is not None:
        when = context.generated.isoformat(sep=" ", timespec="seconds").removesuffix(" 00:00:00")
        sheet.row("Date", when, None, None, None, None, f"({context.generated_from})", styles=label)
    sheet.row("Rules", f"{len(records['rules'])} rule(s) in {rule_files} file(s)", styles=label)
    sheet.row("Sources", f"{len(records['sources'])} source(s)", styles=label)
    if records.get("drafts"):
        sheet.row("Drafts", f"{len(records['drafts'])} draft(s)", styles=label)
    suppressed = sum(1 for f in records["findings"] if f.get("suppressed"))
    sheet.row("Findings", f"{len(records['findings'])} finding(s), {suppressed} suppressed", styles=label)
    sheet.blank()


def _counts(sheet: _Sheet, title: str, first: str, table) -> None:
    sheet.row(title, style="section")
    sheet.row(first, *table.columns, style="header")
    for name, counts in table.rows:
        sheet.row(name, *counts, styles=("label",) if name == "total" else ())
    sheet.blank()


def _facts(sheet: _Sheet, records: dict) -> None:
    sheet.row("Facts, those in conflict first", style="section")
    sheet.row("Fact", "Outcome", "Severity", "Consensus", "Expected", None, "Question", style="header")
    order = {o: i for i, o in enumerate(FACT_ORDER)}
    for fact in sorted(records["facts"], key=lambda f: order.get(f["outcome"], len(order))):
        severity = fact["severity"]
        sheet.row(fact["rule"], fact["outcome"], severity, (fact["consensus"] or {}).get("text", ""),
                  fact["expected"] or "", None, fact["question"], style="wrap",
                  styles=("wrap", "plain", f"severity:{severity}" if severity in SEVERITY else "plain"))
    sheet.blank()


def _files(sheet: _Sheet, records: dict, rule_files: list[tuple[str, int, str]]) -> None:
    sheet.row("Rule files", style="section")
    sheet.row("File", "Rules", None, None, None, None, "SHA-256", style="header")
    for path, count, digest in rule_files:
        sheet.row(path, count, None, None, None, None, digest, style="wrap")
    sheet.blank()
    sheet.row("Source files", style="section")
    sheet.row("File", "Source", "Role", "Date", None, None, "SHA-256", style="header")
    documents = records["sources"] + records.get("drafts", [])
    for source in documents[:MAX_FILES]:
        sheet.row(source["path"], source["id"], source["role"], source["date"], None, None, source["sha256"],
                  style="wrap")
    if len(documents) > MAX_FILES:
        sheet.line(f"… and {len(documents) - MAX_FILES:,} more: every source and draft, with its SHA-256, "
                   f"is on the '{SOURCES_SHEET}' sheet.", "muted")
    sheet.blank()


def _rule_files(records: dict) -> list[tuple[str, int, str]]:
    """(path, rules, sha256) of each rule file read."""
    counts = Counter(rule.get("path") or "" for rule in records["rules"])
    return [(f["path"], counts.get(f["path"], 0), f["sha256"]) for f in records["rule_files"]]


def _legend(sheet: _Sheet) -> None:
    sheet.row("Colours", style="section")
    sheet.row("Severity", *SEVERITY, styles=("label",) + tuple(f"severity:{s}" for s in SEVERITY))
    sheet.row("Facts × sources", *STATE, styles=("label",) + tuple(f"state:{s}" for s in STATE))
    example = marked_quote("In quotes, the value read is in bold red.", {"start": 10, "end": 24})
    sheet.row("Quotes", example)
