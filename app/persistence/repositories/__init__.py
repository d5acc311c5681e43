"""Repositories: read and write domain objects; return frozen dataclasses, never ORM rows.

Each repository works inside the session of one unit of work and never commits.
"""
