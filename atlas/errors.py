"""Typed errors of the core: each carries the HTTP status the web layer answers with.

The CLI prints ``str(error)`` as one line and exits non-zero; the web layer turns the
error into a JSON body. Neither needs to know which module raised it.
"""


class AtlasError(Exception):
    """Base class of every error the atlas reports to a person instead of a traceback."""

    status = 500
    code = "internal_error"


class ConfigError(AtlasError):
    """A setting is missing or malformed, or names something that does not exist."""

    code = "config_error"


class DatabaseUnavailable(AtlasError):
    """The database cannot be reached, or lacks what the atlas needs (PostGIS)."""

    status = 503
    code = "database_unavailable"


class InvalidParameter(AtlasError):
    """A request parameter is invalid: ``param`` names it, the message says why."""

    status = 400
    code = "invalid_parameter"

    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.param = param


class NotFound(AtlasError):
    """Nothing has this identifier; ``suggestions`` may list close ones (the web layer
    adds them to the JSON body)."""

    status = 404
    code = "not_found"

    def __init__(self, message: str, suggestions: list | None = None):
        super().__init__(message)
        self.suggestions = suggestions or []


class Moved(AtlasError):
    """The identifier is a former one: ``location`` is the current resource's key, to
    put in the route's ``arg`` (the web layer redirects to the same route with it)."""

    status = 301
    code = "moved"

    def __init__(self, message: str, location: str, arg: str = "code"):
        super().__init__(message)
        self.location = location
        self.arg = arg


class InputError(AtlasError):
    """An input file cannot be used at all (unreadable, wrong format, missing fields)."""

    status = 400
    code = "input_error"
