"""Django's `loaddata`, and then what loading records outside `save()` leaves to do: the per-day
counts recounted at the next read and the cached figures forgotten."""

from django.core.management.commands import loaddata

from foreignaffairs.core import daily_counts, stats_cache


class Command(loaddata.Command):
    def loaddata(self, fixture_labels):
        super().loaddata(fixture_labels)
        if self.loaded_object_count:
            daily_counts.everything_changed(using=self.using)
            stats_cache.data_changed(using=self.using)
