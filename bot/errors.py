"""Errors of the bot's own services, importable without loading them (the CLI catches them cheaply)."""


class StoreError(RuntimeError):
    """The store cannot be reached or written; the message says why (never shown to Discord users)."""
