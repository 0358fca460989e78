"""Saleday Console: the Qt-widget-free core (config, sources, state, actions, demo)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("saleday-console")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
