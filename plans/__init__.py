"""The city's annual foreign-affairs programme (chương trình đối ngoại năm): a plan per year
with its approval decision, its items (visits, events, agreements the city means to carry out),
the records that carried each item out, and the plan's progress against what happened.

May import `agreements`, `delegations`, `partners` and `foreignaffairs.core`; never
`foreignaffairs.reports` or `foreignaffairs.api`.
"""
