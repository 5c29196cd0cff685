"""Decisions and referrals from the OPS's case system, imported from a file (docs/imports.md).

``reading`` turns the upload into rows, ``rows`` reads each row's columns, ``service`` matches and
applies them through the residents' and entitlements' own services.
"""
