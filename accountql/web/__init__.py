"""The HTTP side of the API: how a GraphQL request is read, checked and answered."""
