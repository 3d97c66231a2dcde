"""Demo data: a plausible record of the department's years, calibrated to the published
figures (see `plan.py`), written by `python manage.py seed_demo`."""

from foreignaffairs.demo.generator import DEMO_MODELS, DEMO_SOURCE, clear, has_demo_data, seed

__all__ = ["DEMO_MODELS", "DEMO_SOURCE", "clear", "has_demo_data", "seed"]
