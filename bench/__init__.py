"""Measuring commands (`python -m bench.<name>`)."""
