"""Foreign partner localities (địa phương đối tác) and their relationship with the city:
counting rule 5, the model, its admin, API and Excel columns.

May import `foreignaffairs.core` only. What spans the apps (a partner's last exchange,
dormancy, timeline) is in `foreignaffairs.reports.exchanges`, which the partner admin page and
API record read (the one exception in the layers contract, pyproject.toml).
"""
