"""Project settings from `factcheck.toml` or a `[factcheck]` section of `setup.cfg`.

The file is looked for from the current folder upward; the first folder holding
either (factcheck.toml wins) is the project. Paths in it are relative to that
folder. Command-line options override it; `factcheck config` shows where each
effective setting came from.

    # factcheck.toml
    sources = ["sources"]
    drafts = ["content/articles"]
    rules = ["rules"]
    report = "reports/factcheck-report.xlsx"
    fail_on = "warning"
    format = ["text", "sarif:reports/factcheck.sarif"]
    baseline = "reports/baseline.yaml"
"""
from __future__ import annotations

import configparser
import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

LIST_KEYS = {"sources", "drafts", "rules", "format"}
PATH_KEYS = {"sources", "drafts", "rules", "report", "baseline"}
TEXT_KEYS = {"report", "fail_on", "baseline"}
KEYS = LIST_KEYS | TEXT_KEYS
FAIL_LEVELS = ("error", "warning", "info", "never")  # most severe first


@dataclass(frozen=True)
class Config:
    path: Path | None
    values: dict  # key -> value (lists for LIST_KEYS), paths already resolved

    def get(self, key: str, default=None):
        return self.values.get(key, default)


def find(start: Path | None = None) -> Path | None:
    """The nearest factcheck.toml, or setup.cfg with a [factcheck] section, from start upward."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        toml = candidate / "factcheck.toml"
        if toml.is_file():
            return toml
        cfg = candidate / "setup.cfg"
        if cfg.is_file() and _has_section(cfg):
            return cfg
    return None


def load(path: Path | None) -> Config:
    if path is None:
        return Config(None, {})
    raw = _read_toml(path) if path.suffix == ".toml" else _read_setup_cfg(path)
    values = {}
    for key, value in raw.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, sorted(KEYS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"unknown setting '{key}'{hint}; known: {', '.join(sorted(KEYS))}",
                              path=str(path), line=_line_of(path, key))
        values[key] = _normalise(key, value, path)
    return Config(path, values)


def _normalise(key: str, value, path: Path):
    if key in LIST_KEYS:
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) and v.strip() for v in items):
            raise ConfigError(f"setting '{key}' must be a list of strings", path=str(path), line=_line_of(path, key))
        if key == "format":  # NAME:PATH - the PATH part is relative to the config too
            return [f"{n}:{_resolve(target, path)}" if target else n for n, _, target in (v.partition(":") for v in items)]
        return [_resolve(v, path) if key in PATH_KEYS else v for v in items]
    if not isinstance(value, str):
        raise ConfigError(f"setting '{key}' must be a string", path=str(path), line=_line_of(path, key))
    if key == "fail_on" and value not in FAIL_LEVELS:
        raise ConfigError(f"setting 'fail_on' must be one of {', '.join(FAIL_LEVELS)}, not '{value}'",
                          path=str(path), line=_line_of(path, key))
    return _resolve(value, path) if key in PATH_KEYS else value


def _resolve(value: str, config_path: Path) -> str:
    """A path from the config, relative to the config's folder, shown relative to here."""
    if Path(value).is_absolute():
        return value
    return os.path.relpath(config_path.parent / value)


def _read_toml(path: Path) -> dict:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(exc))
        message = str(exc)[: where.start()] if where else str(exc)
        raise ConfigError(f"not valid TOML: {message}", path=str(path), line=int(where[1]) if where else None,
                          column=int(where[2]) if where else None) from None
    except UnicodeDecodeError:
        raise ConfigError("is not UTF-8 text; save it as UTF-8", path=str(path)) from None
    except (ValueError, RecursionError) as exc:  # a number past Python's 4,300 digits, nesting past the stack
        raise ConfigError(f"holds a value factcheck does not read ({str(exc)[:80]})", path=str(path)) from None


def _has_section(path: Path) -> bool:
    try:
        parser = configparser.ConfigParser()
        parser.read(path, encoding="utf-8")
        return parser.has_section("factcheck")
    except configparser.Error:
        return False


def _read_setup_cfg(path: Path) -> dict:
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error as exc:
        raise ConfigError(f"cannot be read: {exc}", path=str(path)) from None
    values = {}
    for key, value in parser.items("factcheck"):
        key = key.replace("-", "_")
        if key in LIST_KEYS:
            values[key] = [v.strip() for v in value.replace(",", "\n").splitlines() if v.strip()]
        else:
            values[key] = value.strip()
    return values


def _line_of(path: Path, key: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().replace("-", "_").startswith(key):
            return number
    return None


DEFAULTS = {
    "sources": ["sources"],
    "drafts": [],
    "rules": ["rules"],
    "report": None,  # check writes reports/factcheck-report.xlsx when no drafts are given
    "fail_on": "error",
    "format": ["text"],
    "baseline": None,
}


def effective(command_line: dict, config: Config) -> dict[str, tuple[object, str]]:
    """Each setting's value and where it came from: command line, config file, or default."""
    result = {}
    for key, default in DEFAULTS.items():
        given = command_line.get(key)
        if given not in (None, (), []):
            result[key] = (list(given) if key in LIST_KEYS else given, "command line")
        elif key in config.values:
            line = _line_of(config.path, key)
            result[key] = (config.values[key], f"{config.path}" + (f":{line}" if line else ""))
        else:
            result[key] = (default, "default")
    return result
