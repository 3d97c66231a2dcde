"""The demo data generator, for development and benchmarks only.

Owns: a plausible record of the department's years, calibrated to the published figures
(`plan.py`), written and cleared by `python manage.py seed_demo`; the vocabulary it is written
in (`vocabulary.py`).

May import: the domain apps (partners, delegations, agreements) and foreignaffairs.core.
Imported by nothing but the `seed_demo` command (inside `handle()`, after its DEBUG check) and
the tests, so that a production process never loads it.

Modules, in the order the generator uses them: `plan` (the yearly volumes and published
figures), `calibration` (the windows each writer fills, net of the real records), `draws` (the
seeded random source), `dates` (calendar arithmetic), `writing` (batches, progress bar),
`partners`, `agreements`, `delegations`, `events` (one writer each), `generator` (runs them),
`clearing` (deletes the demo).
"""

from foreignaffairs.demo.clearing import DEMO_MODELS, clear, has_demo_data
from foreignaffairs.demo.generator import seed
from foreignaffairs.demo.writing import DEMO_SOURCE

__all__ = ["DEMO_MODELS", "DEMO_SOURCE", "clear", "has_demo_data", "seed"]
