"""dyad's output validates against its published JSON Schema, and the schema has teeth."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from jsonschema import Draft202012Validator

from dyad.model import Document


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("dyad").joinpath("schema", "dyad-1.schema.json").read_text("utf-8")
    return json.loads(text)


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def example_dict(example_doc: Document) -> dict[str, Any]:
    return example_doc.to_dict()


def errors_of(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(instance)
    ]


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_example_article_validates(validator: Draft202012Validator, example_dict) -> None:
    assert example_dict["events"]
    assert errors_of(validator, example_dict) == []


def test_example_article_validates_after_a_json_round_trip(
    validator: Draft202012Validator, example_dict
) -> None:
    """What a program reads back from the JSONL output is what the schema describes."""
    assert errors_of(validator, json.loads(json.dumps(example_dict))) == []


def test_every_corpus_document_validates(validator: Draft202012Validator, corpus_docs) -> None:
    problems = {
        doc.id: errs for _, doc in corpus_docs if (errs := errors_of(validator, doc.to_dict()))
    }
    assert problems == {}


def test_bad_modality_fails_validation(validator: Draft202012Validator, example_dict) -> None:
    bad = copy.deepcopy(example_dict)
    bad["events"][0]["modality"] = "rumoured"
    assert not validator.is_valid(bad)


def test_missing_events_key_fails_validation(validator: Draft202012Validator, example_dict) -> None:
    bad = copy.deepcopy(example_dict)
    del bad["events"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, validator.schema, cls=Draft202012Validator)


def test_bad_actor_code_fails_validation(validator: Draft202012Validator, example_dict) -> None:
    bad = copy.deepcopy(example_dict)
    bad["events"][0]["source"]["code"] = "R1S"
    assert not validator.is_valid(bad)


def test_unknown_top_level_key_fails_validation(
    validator: Draft202012Validator, example_dict
) -> None:
    bad = copy.deepcopy(example_dict)
    bad["extra"] = 1
    assert not validator.is_valid(bad)
