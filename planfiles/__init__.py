"""Plan file formats."""
