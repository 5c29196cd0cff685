"""HTTP API of the beneficiaries app, one module per subject (mounted by ``beneficiaries.api_urls``)."""
