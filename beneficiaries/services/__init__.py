"""Writes of the beneficiaries app, one module per subject; each records who changed what."""
