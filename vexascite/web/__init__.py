"""The web app (``vexascite serve``): a thin layer of routes and templates over :mod:`vexascite.api`."""
