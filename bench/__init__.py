"""`make bench`: the app's cost at 10,000, 100,000 and 1,000,000 delegations (see README,
"Performance"). Not part of the app: nothing here is installed or imported by it."""
