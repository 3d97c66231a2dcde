"""What every app builds on: the record base model, Vietnamese text and dates, countries and
continents, the admin base, the REST base (`rest`), the spreadsheet base (`spreadsheets`), the
figures cache, audit, roles and uploads.

May import Django and third-party packages only: never a domain app (`partners`,
`delegations`, `agreements`) nor `foreignaffairs.reports` or `foreignaffairs.api`.
"""
