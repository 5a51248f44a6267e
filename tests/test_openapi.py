"""The OpenAPI description, checked against the live app by schemathesis: for inputs
generated from the spec (valid and invalid), no 5xx, and answers that match the spec."""

from urllib.parse import quote, urlencode

import pytest
import schemathesis
from schemathesis.checks import positive_data_acceptance
from hypothesis import HealthCheck, given, settings

from atlas import filters, openapi


OPERATIONS = [(path, "GET") for path in openapi.spec()["paths"]]


@pytest.mark.parametrize("path, method", OPERATIONS)
def test_api_conforms_to_its_spec(api, path, method):
    live = schemathesis.openapi.from_wsgi("/api/openapi.json", api.application)
    operation = live[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def check(case):
        # The in-process WSGI client does not decode gzip: ask for the plain body. A
        # schema-valid request may still be refused: a bbox outside the world, year_min
        # after year_max, a q without letters are 400s the spec describes in words.
        case.call_and_validate(headers={"Accept-Encoding": "identity"},
                               excluded_checks=[positive_data_acceptance])

    check()


def test_every_filter_is_documented_on_every_filtered_endpoint():
    spec = openapi.spec()
    for path in ("/api/initiatives", "/api/stats"):
        documented = {p["$ref"].rsplit("/", 1)[1] for p in spec["paths"][path]["get"]["parameters"]}
        assert {p.name for p in filters.FILTER_PARAMS} <= documented
    assert "unknown query parameters are refused" in spec["info"]["description"].lower()


PATH_EXAMPLES = {"id": "1", "insee": "94076", "layer": "initiatives", "format": "csv",
                 "z": "12", "x": "2074", "y": "1410",
                 "collectionId": "initiatives", "featureId": "1"}


def _parameters(operation: dict, spec: dict) -> list[dict]:
    out = []
    for p in operation.get("parameters", []):
        if "$ref" in p:
            p = spec["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]]
        out.append(p)
    return out


@pytest.mark.parametrize("path", list(openapi.spec()["paths"]))
def test_control_characters_in_every_parameter_are_a_400_naming_it(api, path):
    """Every parameter of every operation, path and query, with a C0, DEL or C1 control
    character: a 400 naming it, never a 5xx (PostgreSQL refuses NUL in text)."""
    spec = openapi.spec()
    params = _parameters(spec["paths"][path]["get"], spec)
    if path == "/export/{layer}.{format}":
        # One path segment split by the app: the parameter is the segment.
        params = [p for p in params if p["in"] == "query"] + [{"name": "name", "in": "path"}]
    for p in params:
        for char in ("\x00", "\x1b", "\x7f", "\x85"):
            values = dict(PATH_EXAMPLES)
            url = path.replace("{layer}.{format}", "{name}")
            query = ""
            if p["in"] == "path":
                values[p["name"]] = "initiatives.csv" + char if p["name"] == "name" \
                    else values.get(p["name"], "a") + char
            else:
                query = "?" + urlencode({p["name"]: "4" + char})
            values.setdefault("name", "initiatives.csv")
            url = url.format(**values)
            url = quote(url, safe="/") + query
            r = api.get(url, headers={"Accept-Encoding": "identity"})
            if r.status_code == 404 and p["in"] == "path" \
                    and p.get("schema", {}).get("type") == "integer":
                continue  # an <int:id> route: no route takes a non-number there
            assert r.status_code == 400, (url, r.status_code, r.text[:200])
            # The routes name two path segments their own way.
            expected = {"insee": "code", "layer": "name"}.get(p["name"], p["name"]) \
                if p["in"] == "path" else p["name"]
            assert r.json["param"] == expected, url
