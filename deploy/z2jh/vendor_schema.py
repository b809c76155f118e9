"""Vendor the part of Zero to JupyterHub's values schema that deploy/z2jh/config.yaml uses.

Run (by hand, when moving to a new chart version), with a checkout of the chart's repository:

    python deploy/z2jh/vendor_schema.py ~/zero-to-jupyterhub-k8s/jupyterhub/values.schema.yaml COMMIT

It keeps the subtrees of the top-level sections config.yaml sets, without descriptions or
"required" lists (a config.yaml is merged over the chart's own values.yaml, which supplies
those), and writes values.schema.subset.json beside this file. tests/hub/test_z2jh_config.py
validates config.yaml against it; nothing is fetched when the tests run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def prune(node):
    if isinstance(node, dict):
        return {k: prune(v) for k, v in node.items() if k not in ("description", "required")}
    if isinstance(node, list):
        return [prune(v) for v in node]
    return node


def main(schema_path: str, commit: str) -> None:
    schema = yaml.safe_load(Path(schema_path).read_text(encoding="utf-8"))
    config = yaml.safe_load((HERE / "config.yaml").read_text(encoding="utf-8"))
    subset = {
        "$comment": (
            "Subset of jupyterhub/values.schema.yaml from github.com/jupyterhub/zero-to-jupyterhub-k8s at commit "
            f"{commit} (chart appVersion 5.5.0): the sections deploy/z2jh/config.yaml sets, descriptions and "
            "'required' lists removed. Regenerate with deploy/z2jh/vendor_schema.py."
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": {key: prune(schema["properties"][key]) for key in config},
    }
    (HERE / "values.schema.subset.json").write_text(
        json.dumps(subset, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
