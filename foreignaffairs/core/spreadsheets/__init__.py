"""Excel import and export (django-import-export), the part every domain app builds on.

- `cells`: the XLSX content type, and `formula_safe`, which every export applies to text so a
  spreadsheet never runs it as a formula;
- `widgets`: cell widgets that read dd/mm/yyyy dates, countries, choices and Có/Không cells;
- `resources`: `DomainResource`, the resource base (all or nothing, natural keys, history
  kept for bulk writes);
- `large_files`: `import_file`, streaming large files in chunks (the `import_excel` command);
- `templates`: the downloadable template workbook and the import page's help.

Imports nothing above `core`: the domain apps' resources, and widgets that find their records
(e.g. `partners.widgets`), live in those apps; each admin names its resource in
`resource_classes`.
"""
