"""The JSON API against its own OpenAPI 3.0 description: the spec is valid, and real responses fit its schemas."""
from __future__ import annotations

import copy
import re
import urllib.parse
from pathlib import Path

import pytest
import yaml
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate as validate_spec

SPEC_PATH = Path(__file__).resolve().parents[2] / "Sources" / "KennisbankServer" / "openapi.yaml"
FACETS = {"type", "theme", "audience", "approach", "region", "organisation", "language", "access"}


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def resolve(spec: dict, node: dict) -> dict:
    """Follows a local $ref ('#/components/...') to what it points at."""
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def response_schema(spec: dict, path: str, status: int) -> dict:
    """The JSON schema the spec gives for one response of GET path."""
    responses = spec["paths"][path]["get"]["responses"]
    assert str(status) in responses, f"{status} is not a documented response of GET {path}"
    response = resolve(spec, responses[str(status)])
    return response["content"]["application/json"]["schema"]


def closed(schema):
    """A copy in which objects with listed properties allow no others, to catch undocumented fields."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def check(spec: dict, path: str, status: int, body, strict: bool = False):
    """Validates a response body against the spec's schema for it ($refs resolved against the spec's components)."""
    components = closed(spec["components"]) if strict else spec["components"]
    schema = {"components": components, **closed(response_schema(spec, path, status))} if strict \
        else {"components": components, **response_schema(spec, path, status)}
    errors = sorted(OAS30Validator(schema).iter_errors(body), key=lambda e: list(e.absolute_path))
    assert not errors, f"GET {path} {status} does not match the spec:\n" + "\n".join(
        f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def get(api, path: str, params=None, status: int = 200):
    code, headers, body = api.get(path, params)
    assert code == status, f"GET {path} {params} → {code} (expected {status}): {body}"
    assert headers.get("Content-Type", "").startswith("application/json"), headers.get("Content-Type")
    return body


# The spec itself


def test_spec_is_valid_openapi(spec):
    validate_spec(spec)
    assert spec["openapi"].startswith("3.0")


def test_served_spec_is_the_file(api):
    status, headers, body = api.get("/openapi.yaml")
    assert status == 200
    assert headers["Content-Type"].startswith("application/yaml")
    assert body == SPEC_PATH.read_text(encoding="utf-8")


# /api/search


SEARCHES = [
    {},
    {"q": "loverboy"},
    {"q": "loverboy", "type": ["goede-praktijk", "rapport"], "audience": "onderwijs"},
    {"q": "opvang", "theme": "opvang", "approach": "curatief", "sort": "date"},
    {"region": "landelijk", "language": "nl", "from": "2010", "to": "2020"},
    {"q": "ronsel*", "page": "2", "size": "3"},
    {"q": '"seksuele uitbuiting" AND (school OR onderwijs) NOT beleid'},
    {"q": "xqzwvjkq"},
    {"q": '"loverboy AND'},
]


@pytest.mark.parametrize("params", SEARCHES, ids=lambda p: urllib.parse.urlencode(p, doseq=True) or "empty")
def test_search_matches_schema(api, spec, params):
    body = get(api, "/api/search", params)
    check(spec, "/api/search", 200, body)
    assert set(body["facets"]) == FACETS
    assert body["query"] == params.get("q", "")
    assert body["total"] >= len(body["hits"])
    assert len(body["hits"]) <= body["size"]
    for hit in body["hits"]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", hit["date"]), hit["date"]
    # Selected values are marked as selected in their facet.
    for facet in FACETS:
        wanted = params.get(facet, [])
        wanted = [wanted] if isinstance(wanted, str) else wanted
        selected = {value["value"] for value in body["facets"][facet] if value["selected"]}
        assert selected == set(wanted) & {value["value"] for value in body["facets"][facet]}


def test_search_facet_params_narrow_and_hits_carry_the_value(api):
    everything = get(api, "/api/search", {"q": "loverboy"})
    narrowed = get(api, "/api/search", {"q": "loverboy", "type": "rapport", "size": "100"})
    count = next(v["count"] for v in everything["facets"]["type"] if v["value"] == "rapport")
    assert narrowed["total"] == count < everything["total"]
    assert narrowed["hits"] and all(hit["type"] == "rapport" for hit in narrowed["hits"])


def test_size_is_clamped(api, spec):
    body = get(api, "/api/search", {"size": "500"})
    check(spec, "/api/search", 200, body)
    assert body["size"] == 100


@pytest.mark.parametrize("params,parameter", [
    ({"sort": "foo"}, "sort"),
    ({"q": "loverboy", "sort": "oldest"}, "sort"),
    ({"page": "0"}, "page"),
    ({"page": "twee"}, "page"),
    ({"size": "veel"}, "size"),
    ({"type": "roman"}, "type"),
])
def test_bad_search_parameter_is_400_naming_it(api, spec, params, parameter):
    body = get(api, "/api/search", params, status=400)
    check(spec, "/api/search", 400, body)
    assert body["error"]["parameter"] == parameter
    assert body["error"]["message"]


def test_bad_sort_lists_the_allowed_values(api):
    message = get(api, "/api/search", {"sort": "foo"}, status=400)["error"]["message"]
    assert "relevance" in message and "date" in message


# /api/documents/{id} and /similar


@pytest.fixture(scope="module")
def document_ids(api) -> list[str]:
    """One document of every type, and an English one, as anonymous search finds them."""
    ids = []
    for value in ["rapport", "goede-praktijk", "daderprofiel", "cijfers", "voorlichting", "beleid"]:
        hits = get(api, "/api/search", {"type": value, "size": "1"})["hits"]
        ids += [hit["id"] for hit in hits]
    ids += [hit["id"] for hit in get(api, "/api/search", {"language": "en", "size": "1"})["hits"]]
    assert len(ids) >= 6
    return ids


def test_documents_match_schema(api, spec, document_ids):
    for doc_id in document_ids:
        body = get(api, f"/api/documents/{urllib.parse.quote(doc_id)}")
        check(spec, "/api/documents/{id}", 200, body)
        assert body["id"] == doc_id
        assert body["access"] == "openbaar"
        assert body["links"]["html"] == f"/document/{doc_id}"
        assert body["links"]["similar"] == f"/api/documents/{doc_id}/similar"
        assert (body["practice"] is not None) == (body["type"] == "goede-praktijk")
        assert (body["workingMethod"] is not None) == (body["type"] == "daderprofiel")
        if body["fileUrl"]:
            code, _, _ = api.get(body["fileUrl"])
            assert code == 200, body["fileUrl"]


def test_similar_matches_schema(api, spec, document_ids):
    for doc_id in document_ids:
        body = get(api, f"/api/documents/{urllib.parse.quote(doc_id)}/similar")
        check(spec, "/api/documents/{id}/similar", 200, body)
        assert body["id"] == doc_id
        assert len(body["documents"]) <= 5
        assert doc_id not in [d["id"] for d in body["documents"]]
    body = get(api, f"/api/documents/{urllib.parse.quote(document_ids[0])}/similar", {"limit": "2"})
    assert len(body["documents"]) <= 2


@pytest.mark.parametrize("limit", ["0", "21", "vijf"])
def test_similar_bad_limit_is_400(api, spec, document_ids, limit):
    body = get(api, f"/api/documents/{urllib.parse.quote(document_ids[0])}/similar", {"limit": limit}, status=400)
    check(spec, "/api/documents/{id}/similar", 400, body)
    assert body["error"]["parameter"] == "limit"


@pytest.mark.parametrize("path,spec_path", [
    ("/api/documents/bestaat-niet", "/api/documents/{id}"),
    ("/api/documents/bestaat-niet/similar", "/api/documents/{id}/similar"),
    ("/api/documents/" + urllib.parse.quote("../../etc/passwd", safe=""), "/api/documents/{id}"),
])
def test_unknown_document_is_404(api, spec, path, spec_path):
    body = get(api, path, status=404)
    check(spec, spec_path, 404, body)
    assert body["error"]["parameter"] is None


def test_non_public_documents_are_invisible_to_anonymous_callers(api, spec):
    """Corpus records with access professional/vertrouwelijk: 404 by id, and never in search results."""
    corpus = Path(__file__).resolve().parents[2] / "Corpus"
    hidden = []
    for record in sorted(corpus.rglob("*.xml")):
        head = record.read_text(encoding="utf-8")[:600]
        match = re.search(r'<document\s[^>]*id="([^"]+)"[^>]*access="(professional|vertrouwelijk)"', head)
        if match:
            hidden.append(match.group(1))
    assert hidden, "the sample corpus should hold some non-public records"
    for doc_id in hidden:
        check(spec, "/api/documents/{id}", 404, get(api, f"/api/documents/{doc_id}", status=404))
    everything = get(api, "/api/search", {"size": "100"})
    assert not set(hidden) & {hit["id"] for hit in everything["hits"]}
    assert [v["value"] for v in everything["facets"]["access"]] == ["openbaar"]


def test_misspelling_is_corrected_or_suggested(api, spec):
    body = get(api, "/api/search", {"q": "loverbouy"})
    check(spec, "/api/search", 200, body)
    if body.get("correctedFrom") is not None:
        assert body["correctedFrom"] == "loverbouy" and body["total"] > 0
    else:
        assert body.get("suggestion") == "loverboy", "neither correctedFrom nor suggestion for 'loverbouy'"


def test_health_matches_schema(api, spec):
    body = get(api, "/healthz")
    check(spec, "/healthz", 200, body)
    assert body["documents"] == get(api, "/api/search")["total"]


def test_responses_have_no_undocumented_fields(api, spec, document_ids):
    """Strict reading: every field a response carries is described in the spec (catches spec drift)."""
    doc_id = urllib.parse.quote(document_ids[0])
    check(spec, "/api/search", 200, get(api, "/api/search", {"q": "loverboy"}), strict=True)
    check(spec, "/api/search", 200, get(api, "/api/search", {"q": "loverbouy"}), strict=True)
    check(spec, "/api/documents/{id}", 200, get(api, f"/api/documents/{doc_id}"), strict=True)
    check(spec, "/api/documents/{id}/similar", 200, get(api, f"/api/documents/{doc_id}/similar"), strict=True)
    check(spec, "/api/search", 400, get(api, "/api/search", {"sort": "foo"}, status=400), strict=True)
