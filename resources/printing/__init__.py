"""Printing resources: layout files (layouts/*.json), their schema, and the logo."""
