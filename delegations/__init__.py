"""Incoming and outgoing delegations (đoàn vào, đoàn ra) and hosted events: counting rules 1,
2, 3 and 6, their shared schedule (`scheduling.py`), admin, API and Excel columns.

May import `partners` and `foreignaffairs.core`; never `agreements` or above.
"""
