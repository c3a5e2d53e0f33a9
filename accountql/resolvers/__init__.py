"""Resolvers: read the input, call the domain, shape the output. No rules live here."""
