"""Version of the Brokle Python SDK."""

__version__ = "0.2.9"
