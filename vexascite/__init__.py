"""vexascite: a citation and bibliography manager for biomedical researchers.

The library API lives in :mod:`vexascite.api`; the CLI is a thin layer over it.
"""

from .config import Settings, load_settings
from .errors import VexasciteError

__version__ = "0.1.0"

__all__ = ["Settings", "VexasciteError", "__version__", "load_settings"]
