"""Settings: defaults < ``vexascite.toml`` < ``VEXASCITE_*`` environment < CLI flags.

Every service URL is a setting so tests (and mirrors) can point vexascite elsewhere;
the defaults are the real services.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import UsageError

CONFIG_FILE = "vexascite.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable, with the real services as defaults."""

    db: str = "library.db"
    mailto: str | None = None
    crossref_url: str = "https://api.crossref.org"
    ncbi_url: str = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
    idconv_url: str = "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/"
    doi_url: str = "https://doi.org"
    ncbi_api_key: str | None = None
    ncbi_tool: str = "vexascite"
    timeout: float = 30.0
    #: File in which the vexascite processes of this machine share each service's rate
    #: limit ("" for ~/.cache/vexascite/rate-limits.json, "off" for this process alone).
    rate_file: str = ""
    #: Seconds to wait while another vexascite writes the library before giving up (exit 4).
    lock_wait: float = 300.0
    offline: bool = False
    #: Citation-key pattern: ``{author}`` first author's family name, ``{authors}`` one or
    #: two family names or the first and ``EtAl``, ``{year}``, ``{title}`` first significant
    #: title word, ``{shorttitle}`` the first three, ``{journal}`` the journal's
    #: abbreviation run together, ``{volume}``, ``{issue}``, ``{firstpage}``; capitalised
    #: forms ``{Author}``, ``{Title}``, ``{ShortTitle}`` (see ``citekeys.PLACEHOLDERS``).
    key_pattern: str = "{author}{year}{title}"


_FIELD_NAMES = {f.name: f for f in fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    kind = _FIELD_NAMES[name].type
    if "bool" in str(kind) and isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if "float" in str(kind):
        try:
            return float(value)
        except (TypeError, ValueError) as exc:
            raise UsageError(f"setting {name!r} must be a number, not {value!r}") from exc
    return value


def load_settings(
    config_path: str | os.PathLike[str] | None = None,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build settings from the config file, the environment and explicit overrides.

    ``None`` overrides are ignored so CLI flags that were not given do not mask the
    environment.
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = Path(config_path) if config_path else Path(env.get("VEXASCITE_CONFIG", CONFIG_FILE))
    if path.is_file():
        import tomllib  # only when there is a settings file: every command starts here

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"{path}: cannot read settings: {exc}") from exc
        section = data.get("vexascite", data)
        for key, value in section.items():
            name = key.replace("-", "_")
            if name not in _FIELD_NAMES:
                raise UsageError(f"{path}: unknown setting {key!r}")
            values[name] = _coerce(name, value)
    for name in _FIELD_NAMES:
        env_value = env.get(f"VEXASCITE_{name.upper()}")
        if env_value not in (None, ""):
            values[name] = _coerce(name, env_value)
    for name, value in overrides.items():
        if name not in _FIELD_NAMES:
            raise UsageError(f"unknown setting {name!r}")
        if value is not None:
            values[name] = _coerce(name, value)
    return replace(Settings(), **values)
