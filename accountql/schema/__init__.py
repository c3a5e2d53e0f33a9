"""The GraphQL schema: types, inputs, enums, permission directives and the Schema object."""
