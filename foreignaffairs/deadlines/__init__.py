"""Deadlines (thời hạn): the office's legal and internal time limits, derived from the records.

Owns the rules (one adjustable row per time limit, with its legal basis), the deadline records
kept in step with agreements, delegations and events (`services.sync_deadlines_for`, called by
their write paths: no signals), working days (Vietnamese holidays plus the make-up days and
extra days off managers enter), consultations on agreements, the "Việc cần làm" page, the
e-mail digest, the private calendar feed and the background jobs that run them.

Sits beside `reports`, above the domain apps: it reads agreements, delegations and events and
imports nothing above it. The domain apps' write paths (admin, API serializers, imports) call
`services.sync_deadlines_for`; pyproject's import-linter contract lists those edges.
"""
