"""Output formats: each renders the plain records of a report (factcheck.records).

Registry: `get(name)` returns a render function `(records, color=False) -> str`;
unknown names fail with the list of known ones. Formats: text, json, sarif (SARIF
2.1.0), github (GitHub Actions annotations and job summary), junit (JUnit XML); see
docs/formats.md. The workbook is written by
`factcheck.output.workbook`, imported only when a workbook is asked for.
"""
from __future__ import annotations

from collections.abc import Callable

from ..errors import ConfigError
from . import github, json_format, junit, sarif, text

FORMATS: dict[str, Callable[..., str]] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}


def get(name: str) -> Callable[..., str]:
    try:
        return FORMATS[name]
    except KeyError:
        raise ConfigError(f"unknown output format '{name}' (known: {', '.join(FORMATS)})") from None
