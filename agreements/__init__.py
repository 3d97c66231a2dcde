"""Cooperation agreements (văn bản hợp tác), their implementation activities and cooperation
fields: counting rule 4, rule 5's establishment of relationships (`services.py`), dormant and
expiring agreements, admin, API and Excel columns.

May import `delegations`, `partners` and `foreignaffairs.core`; never `foreignaffairs.reports`
or `foreignaffairs.api`.
"""
