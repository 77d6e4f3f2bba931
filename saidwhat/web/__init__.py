"""The web interface: server-rendered pages for reading and a JSON API for tools (``saidwhat serve``)."""

from .app import create_app

__all__ = ["create_app"]
