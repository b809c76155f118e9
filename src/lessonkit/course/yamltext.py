"""Parse YAML text into plain data while remembering the line of every value.

Dates stay strings here; the models parse them, so an impossible date becomes a
validation error with a line number rather than a crash inside the YAML library.
"""

from __future__ import annotations

from typing import Any

import yaml

Path = tuple[str | int, ...]


# libyaml's composer builds the same nodes and line marks about ten times faster (1.2 s -> 0.1 s
# for the real course); the pure-Python one is the fallback where PyYAML was built without it.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader without the timestamp resolver."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def parse_yaml(text: str) -> tuple[Any, dict[Path, int]]:
    """Return the data and a map from each value's path to its 1-based line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlSyntaxError(line, _plain_yaml_message(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(0, f"not valid YAML ({exc})") from None
    finally:
        loader.dispose()
    lines: dict[Path, int] = {}
    if node is None:
        return None, lines
    return _convert(node, (), lines, loader), lines


def _plain_yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "this is not valid YAML"
    context = f" ({exc.context})" if exc.context else ""
    return f"not valid YAML: {problem}{context}"


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _convert(node: yaml.Node, path: Path, lines: dict[Path, int], loader: _Loader) -> Any:
    lines[path] = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        raise YamlSyntaxError(node.start_mark.line + 1, f"not valid YAML here: the tag {node.tag!r} is not allowed")
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlSyntaxError(key_node.start_mark.line + 1, "not valid YAML: a key must be plain text")
            key = loader.construct_object(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlSyntaxError(key_node.start_mark.line + 1, "YAML merge keys ('<<') are not supported")
            if key in out:
                raise YamlSyntaxError(key_node.start_mark.line + 1, f"key '{key}' appears twice")
            key = str(key) if not isinstance(key, str) else key
            out[key] = _convert(value_node, (*path, key), lines, loader)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), lines, loader) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(node.start_mark.line + 1, f"not valid YAML: {exc}") from None
