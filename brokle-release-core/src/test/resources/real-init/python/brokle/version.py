"""Brokle OpenTelemetry SDK version."""

__version__ = "0.4.0"
__version_info__ = tuple(int(x) for x in __version__.split("-")[0].split("."))
