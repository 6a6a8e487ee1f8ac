"""Errors the library raises for problems a user can fix; each message is fit to show as it is."""


class ArticleError(ValueError):
    """An article file that cannot be used."""


class ModelError(RuntimeError):
    """The embedding model cannot be found, exported or loaded."""
