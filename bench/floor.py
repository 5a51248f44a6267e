"""An empty WSGI app (a fixed 2 KB body, the median tile's size): served by the same
gunicorn command as the atlas, it is the floor of a request over HTTP, which
``bench.tiles`` writes beside the tiles' figure (no app can answer faster)."""

_BODY = b"\0" * 2048


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/octet-stream"),
                              ("Content-Length", str(len(_BODY)))])
    return [_BODY]
