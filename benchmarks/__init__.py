"""Timing and quality figures of khabar, measured side by side: ``make bench``
(``python -m benchmarks`` from the project's root).  Not part of the package."""
