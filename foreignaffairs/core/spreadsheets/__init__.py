"""Excel import and export: the widgets that read dd/mm/yyyy dates, countries and yes/no
cells, the resource base every domain resource builds on, bulk writes and the downloadable
templates. Imports nothing above `core`; the domain apps' resources live in those apps."""
