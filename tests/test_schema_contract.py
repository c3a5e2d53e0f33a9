"""The schema a code generator can trust: every element described, every custom scalar
specified, every unbounded list a Relay connection, every mutation one `input`."""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    get_named_type,
    specified_directives,
    specified_scalar_types,
)

from accountql.schema.schema import build_schema

BUILT_IN = {*specified_scalar_types}
# Lists bounded by nature: a page's own edges, ten backup codes, one organization's
# quotas (one per product and resource), a contact's five roles, the kinds of second
# factor that can answer an MFA challenge.
BOUNDED_LISTS = {"BackupCodes.codes", "Organization.quotas", "Contact.roles", "MfaChallenge.methods"}


def schema():
    return build_schema()._schema


def undescribed() -> list[str]:
    missing = []
    graphql = schema()
    for name, named in graphql.type_map.items():
        if name.startswith("__") or name in BUILT_IN:
            continue
        if not named.description:
            missing.append(name)
        if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType)):
            for field_name, field in named.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                missing += [f"{name}.{field_name}({arg})" for arg, a in field.args.items() if not a.description]
        elif isinstance(named, GraphQLInputObjectType):
            missing += [f"{name}.{field}" for field, f in named.fields.items() if not f.description]
        elif isinstance(named, GraphQLEnumType):
            missing += [f"{name}.{value}" for value, v in named.values.items() if not v.description]
    builtin_directives = {d.name for d in specified_directives}
    for directive in graphql.directives:
        if directive.name in builtin_directives:
            continue
        if not directive.description:
            missing.append(f"@{directive.name}")
        missing += [f"@{directive.name}({arg})" for arg, a in directive.args.items() if not a.description]
    return missing


def test_every_type_field_argument_input_field_and_enum_value_is_described():
    assert undescribed() == []


def test_every_custom_scalar_says_what_specifies_it():
    scalars = [t for t in schema().type_map.values() if isinstance(t, GraphQLScalarType) and t.name not in BUILT_IN]
    assert {s.name for s in scalars} == {"DateTime", "JSON", "Upload"}
    assert all(s.specified_by_url for s in scalars), [s.name for s in scalars if not s.specified_by_url]


def test_every_mutation_that_takes_a_value_takes_one_input_of_its_own_type():
    for name, field in schema().mutation_type.fields.items():
        if not field.args:
            continue
        assert list(field.args) == ["input"], name
        expected = name[0].upper() + name[1:] + "Input"
        input_type = field.args["input"].type
        assert isinstance(input_type, GraphQLNonNull) and input_type.of_type.name == expected, (name, str(input_type))


def test_every_unbounded_list_is_a_connection():
    plain = []
    for name, named in schema().type_map.items():
        if name.startswith("__") or not isinstance(named, GraphQLObjectType) or name.endswith("Connection"):
            continue
        for field_name, field in named.fields.items():
            field_type = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            if isinstance(field_type, GraphQLList) and f"{name}.{field_name}" not in BOUNDED_LISTS:
                plain.append(f"{name}.{field_name}")
    assert plain == []
    for name, named in schema().type_map.items():
        if name.endswith("Connection"):
            assert set(named.fields) == {"edges", "pageInfo", "totalCount"}, name
            edge = get_named_type(named.fields["edges"].type)
            assert set(edge.fields) == {"cursor", "node"}, name
    page_info = schema().type_map["PageInfo"]
    assert set(page_info.fields) == {"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"}
    for name, named in schema().type_map.items():
        if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType)) and not name.startswith("__"):
            for field_name, field in named.fields.items():
                if get_named_type(field.type).name.endswith("Connection"):
                    assert {"first", "after", "last", "before"} <= set(field.args), f"{name}.{field_name}"


def test_unions_and_interfaces_are_described_too():
    for named in schema().type_map.values():
        if isinstance(named, (GraphQLUnionType, GraphQLInterfaceType)) and not named.name.startswith("__"):
            assert named.description, named.name


def test_the_changelog_names_every_breaking_change_since_the_last_release():
    """Every change graphql-core calls breaking, between the 0.1.0 schema and this one, is
    listed in CHANGELOG.md (by the field, argument or type it is about)."""
    import re
    from pathlib import Path

    from graphql import build_schema as from_sdl
    from graphql import find_breaking_changes

    root = Path(__file__).parent.parent
    old = from_sdl((Path(__file__).parent / "data" / "schema-0.1.0.graphql").read_text())
    new = from_sdl((root / "schema.graphql").read_text())
    changelog = (root / "CHANGELOG.md").read_text()
    missing = []
    for change in find_breaking_changes(old, new):
        for type_name, field, removed in re.findall(r"\b([A-Z]\w+)\.(\w+)|\b([A-Z]\w+) was removed", change.description):
            if removed:
                named = removed in changelog
            elif type_name in ("Mutation", "Query"):
                named = f"`{field}" in changelog or f"{type_name}.{field}" in changelog
            else:
                named = f"{type_name}.{field}" in changelog
            if not named:
                missing.append(change.description)
    assert missing == []
