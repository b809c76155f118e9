"""deploy/z2jh/config.yaml uses only keys the Zero to JupyterHub chart knows, with values of the right type.

Checked against the part of the chart's values.schema.yaml that the config uses, vendored
in deploy/z2jh/values.schema.subset.json (its source and commit are in its "$comment");
nothing is fetched. The memory and culling numbers must stay those docs/deployment.md gives.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from tests.helpers import REPO

Z2JH = REPO / "deploy" / "z2jh"


@pytest.fixture(scope="module")
def config():
    return yaml.safe_load((Z2JH / "config.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema():
    return json.loads((Z2JH / "values.schema.subset.json").read_text(encoding="utf-8"))


def test_every_key_is_in_the_charts_schema(config, schema):
    assert "zero-to-jupyterhub-k8s at commit" in schema["$comment"]
    assert set(config) <= set(schema["properties"]), "re-vendor the schema: deploy/z2jh/vendor_schema.py"
    jsonschema.Draft7Validator(schema).validate(config)


def test_a_misspelt_key_would_be_caught(config, schema):
    wrong = {**config, "singleuser": {**config["singleuser"], "memmory": {"limit": "1G"}}}
    with pytest.raises(jsonschema.ValidationError, match="memmory"):
        jsonschema.Draft7Validator(schema).validate(wrong)


def test_limits_culling_and_storage_are_set(config):
    single = config["singleuser"]
    assert single["memory"] == {"guarantee": "512M", "limit": "1G"}
    assert single["storage"]["type"] == "dynamic" and single["storage"]["capacity"]
    assert config["cull"]["enabled"] is True and config["cull"]["timeout"] >= 3600
    assert "/srv/course" in " ".join(single["lifecycleHooks"]["postStart"]["exec"]["command"])
    assert "client_secret" not in json.dumps(config), "secrets belong in the district's own secrets.yaml"
