"""Property-based tests of the API from its own OpenAPI schema: whatever schemathesis sends, valid
or not, the server answers as its schema says (invalid requests with a client error) and never
with a server error."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from webseed import FOLLOWUPS, seed

from saidwhat.pipeline import Pipeline
from saidwhat.web import create_app

TOKEN = "schema-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
OPERATIONS = [
    ("GET", "/api/articles"),
    ("POST", "/api/articles"),
    ("GET", "/api/articles/{article_id}"),
    ("GET", "/api/articles/{article_id}/story"),
    ("GET", "/api/claims"),
    ("GET", "/api/claims/{claim_id}"),
    ("GET", "/api/speakers"),
    ("GET", "/api/speakers/{actor_id}"),
    ("GET", "/api/statements"),
]
# Any string is a valid article or actor id: no request can violate these operations' schemas.
ANY_ID = {"/api/articles/{article_id}", "/api/articles/{article_id}/story", "/api/speakers/{actor_id}"}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> schemathesis.BaseSchema:
    db = seed(tmp_path_factory.mktemp("schema") / "schema.db", pipeline, FOLLOWUPS)
    app = create_app(db, token=TOKEN, pipeline=pipeline)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_tested(api_schema: schemathesis.BaseSchema) -> None:
    found = sorted((op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations())
    assert found == sorted(OPERATIONS)


@pytest.mark.parametrize(
    ("method", "path", "mode"),
    [(method, path, mode) for method, path in OPERATIONS for mode in GenerationMode
     if not (path in ANY_ID and mode == GenerationMode.NEGATIVE)],
)
def test_the_api_keeps_to_its_schema(
    api_schema: schemathesis.BaseSchema, method: str, path: str, mode: GenerationMode
) -> None:
    @given(case=api_schema[path][method].as_strategy(generation_mode=mode))
    @settings(max_examples=15, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        response = case.call(headers=AUTH)
        if response.status_code != 413:  # a generated body over the size limit, refused unread
            case.validate_response(response, headers=AUTH)

    check()
