"""Read YAML and remember on which line each mapping and key was, for messages a person can act on.

A content file may be hostile, so what YAML could make cost more than the file's
size is refused with its line: aliases (a 1 KB "billion laughs" stood for 5 GB),
merge keys, nesting deeper than any real file, and numbers too long to convert
(Python refuses more than 4,300 digits; base-60 numbers like 1:59:59 took time
quadratic in their length).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from kiosk.content.pack_files import PackFolder

# The bundled files nest 7 levels at most and write no number longer than 3 characters.
MAX_DEPTH = 32
MAX_NUMBER_CHARS = 40
_MERGE_TAG = "tag:yaml.org,2002:merge"


class LineDict(dict[str, Any]):
    """A mapping from YAML that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser (bundled in PyYAML's wheels) is about ten times faster and keeps line marks.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):  # type: ignore[valid-type,misc]
    depth = 0  # how many lists and mappings are being built, one inside the other


# A node met a second time is an alias (*): it is refused before it is built again.
# Every list and mapping is built by the two functions below, which look for each child
# in constructed_objects, so what a file builds is never more than what it writes. (An
# alias inside what it repeats is refused by PyYAML itself, as a recursive node.)


def _alias_error(where: yaml.Node, anchored: yaml.Node) -> ConstructorError:
    return ConstructorError(
        None,
        None,
        f"an alias (*) repeats the part at line {anchored.start_mark.line + 1}; "
        "anchors (&) and aliases are not allowed",
        where.start_mark,
    )


def _enter(loader: _LineLoader, node: yaml.Node, kind: type[yaml.Node]) -> None:
    if not isinstance(node, kind):  # "!!map [1]": an explicit tag on the wrong kind of node
        raise ConstructorError(None, None, f"{node.tag} does not fit what follows it", node.start_mark)
    if loader.depth >= MAX_DEPTH:
        raise ConstructorError(None, None, f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
    loader.depth += 1


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    _enter(loader, node, yaml.MappingNode)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    built = loader.constructed_objects
    for key_node, value_node in node.value:
        if key_node in built:
            raise _alias_error(key_node, key_node)
        if value_node in built:
            raise _alias_error(key_node, value_node)
        if key_node.tag == _MERGE_TAG:  # not flattened: a merge copies mappings, exponentially
            raise ConstructorError(None, None, "merge keys (<<) are not allowed", key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                "a key cannot be a list or a mapping",
                key_node.start_mark,
            ) from None
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1
    loader.depth -= 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> list[Any]:
    _enter(loader, node, yaml.SequenceNode)
    items = []
    built = loader.constructed_objects
    for item_node in node.value:
        if item_node in built:
            raise _alias_error(node, item_node)
        items.append(loader.construct_object(item_node, deep=True))
    loader.depth -= 1
    return items


_KINDS = {"bool": "true or false", "int": "whole number", "float": "number", "timestamp": "date"}


def _checked_scalar(
    tag: str, construct: Callable[[SafeConstructor, yaml.ScalarNode], object], max_chars: int | None
) -> Callable[[_LineLoader, yaml.ScalarNode], object]:
    """``construct``, turning what it raises on a wrong value into an error with its line."""
    kind = _KINDS[tag]

    def checked(loader: _LineLoader, node: yaml.ScalarNode) -> object:
        if max_chars is not None and isinstance(node.value, str) and len(node.value) > max_chars:
            raise ConstructorError(
                None,
                None,
                f"a {kind} of {len(node.value)} characters (at most {max_chars}); "
                "put it in quotes if it is text",
                node.start_mark,
            )
        try:
            return construct(loader, node)
        except (ValueError, OverflowError, KeyError, AttributeError) as error:  # 2026-02-31, !!int douze
            why = f" ({error})" if isinstance(error, ValueError | OverflowError) else ""
            raise ConstructorError(
                None, None, f"{str(node.value)[:40]!r} is not a valid {kind}{why}", node.start_mark
            ) from None

    return checked


def _not_allowed(loader: _LineLoader, node: yaml.Node) -> None:
    raise ConstructorError(None, None, f"{node.tag} is not allowed in content files", node.start_mark)


for _tag, _construct, _max_chars in (
    ("bool", SafeConstructor.construct_yaml_bool, None),
    ("int", SafeConstructor.construct_yaml_int, MAX_NUMBER_CHARS),
    ("float", SafeConstructor.construct_yaml_float, MAX_NUMBER_CHARS),
    ("timestamp", SafeConstructor.construct_yaml_timestamp, None),
):
    _LineLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _checked_scalar(_tag, _construct, _max_chars))
# Lists and mappings are built only above, where aliases and depth are checked; content
# needs none of the other kinds YAML can build.
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
for _tag in ("omap", "pairs", "set", "binary"):
    _LineLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _not_allowed)


class YamlError(Exception):
    def __init__(self, line: int, problem: str) -> None:
        self.line = line
        self.problem = problem
        super().__init__(problem)


def parse_yaml(text: str) -> object:
    """Parse YAML text within the bounds above; mappings come back as LineDict. Raises YamlError."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise YamlError(line, f"not valid YAML ({error.problem or error.context})") from None
    except yaml.YAMLError as error:
        raise YamlError(0, f"not valid YAML ({error})") from None
    except RecursionError:  # only without libyaml, whose parser stops at 1,000 levels itself
        raise YamlError(0, f"not valid YAML (nested more than {MAX_DEPTH} levels deep)") from None


def read_yaml(path: Path, pack: PackFolder | None = None) -> object:
    """Parse a file of ``pack`` (by default, a pack that is the file's own folder).

    Raises YamlError, ContentError (a file refused: see pack_files), OSError or
    UnicodeDecodeError.
    """
    return parse_yaml((PackFolder(path.parent) if pack is None else pack).read_text(path))
