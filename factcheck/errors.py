"""One root exception; each subclass carries a message a user can act on.

The CLI catches FactcheckError in one place and exits with status 2.
"""
from __future__ import annotations


class FactcheckError(Exception):
    """Root of every error factcheck reports to a user."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class RuleFileError(FactcheckError):
    """A rule file is missing, not YAML, or breaks the rule format."""


class SourceError(FactcheckError):
    """A source file cannot be read as text (binary, not UTF-8, empty, too large)."""


class ConfigError(FactcheckError):
    """A command-line option or configuration value is wrong."""


class ReportError(FactcheckError):
    """A report cannot be written, or an existing one cannot be read."""
