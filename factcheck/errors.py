"""One root exception; each subclass carries a message a user can act on.

The CLI catches FactcheckError in one place and exits with status 2.
"""
from __future__ import annotations


class FactcheckError(Exception):
    """Root of every error factcheck reports to a user."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.message}" if where else self.message


class RuleFileError(FactcheckError):
    """A rule file is missing, not YAML, or breaks the rule format."""


class RuleFileErrors(RuleFileError):
    """Every mistake found in one pass over the rule files, so a user fixes them all at once."""

    def __init__(self, errors: list[RuleFileError]):
        self.errors = list(errors)
        first = self.errors[0]
        FactcheckError.__init__(self, first.message, path=first.path, line=first.line, column=first.column)

    def __str__(self) -> str:
        lines = [FactcheckError.__str__(error) for error in self.errors]
        if len(lines) > 1:
            lines.append(f"{len(lines)} mistakes in the rule files")
        return "\n".join(lines)


class SourceError(FactcheckError):
    """A source file cannot be read as text (binary, not UTF-8, empty, too large)."""


class ConfigError(FactcheckError):
    """A command-line option or configuration value is wrong."""


class ReportError(FactcheckError):
    """A report cannot be written, or an existing one cannot be read."""
