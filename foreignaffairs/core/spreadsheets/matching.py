"""Finding the stored record of each imported row by the resource's natural key."""

from django.db import models
from import_export.instance_loaders import BaseInstanceLoader

from foreignaffairs.core.text import fold


def key_part(value, is_text: bool):
    """One part of a natural key, compared the way staff think: free text ignoring case,
    diacritics and spacing; codes, dates and countries exactly."""
    if hasattr(value, "code"):  # a django-countries Country
        return value.code
    if is_text and isinstance(value, str):
        return fold(value)
    return value


class NaturalKeyLoader(BaseInstanceLoader):
    """Finds the existing record of each row by the resource's natural key.

    One query per dataset (chunk) for the candidates: the records holding the rows' key
    parts, the text part by its stored folded column (`DomainModel.folded_fields`, what the
    database's unique constraint compares) where the model has one, else matched folded in
    Python.
    """

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.index = None

    def build_index(self):
        resource = self.resource
        keys = []
        for values in self.dataset or []:
            key = resource.natural_key_of_row(dict(zip(self.dataset.headers, values, strict=True)))
            if key is not None:
                keys.append(key)
        self.index = {}
        if not keys:
            return
        queryset = resource.get_queryset()
        names = resource.get_import_id_fields()
        folded = {source: column for column, source in resource._meta.model.folded_fields.items()}
        text = [resource.is_text_field(name) for name in names]
        # The column compared for each key part: a text part's folded twin if it has one.
        columns = [
            folded.get(name, name) if is_text else name
            for name, is_text in zip(names, text, strict=True)
        ]
        for position, column in enumerate(columns):
            if text[position] and column not in folded.values():
                continue
            values = {key[position] for key in keys}
            condition = models.Q(**{f"{column}__in": values - {None}})
            if None in values:
                condition |= models.Q(**{f"{column}__isnull": True})
            queryset = queryset.filter(condition)
        # The candidates' key columns only, then the whole records of the rows' matches: the
        # records themselves would be too many to load when a text part has no folded column
        # (all the records of a chunk's dates).
        candidates = {}
        for pk, *values in queryset.values_list("pk", *columns):
            key = tuple(key_part(v, t) for v, t in zip(values, text, strict=True))
            candidates.setdefault(key, pk)
        matched = {key: candidates[key] for key in keys if key in candidates}
        records = resource.get_queryset().in_bulk(set(matched.values()))
        self.index = {key: records[pk] for key, pk in matched.items()}

    def get_instance(self, row):
        if self.index is None:
            self.build_index()
        key = self.resource.natural_key_of_row(row)
        return self.index.get(key) if key is not None else None
