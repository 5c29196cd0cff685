"""Benchmarks of issue 7: ``python -m bench`` (``make bench``; see bench/README.md).

``python -m bench.pdf_scale`` measures the PDF renderer alone (B5 runs it).
"""
