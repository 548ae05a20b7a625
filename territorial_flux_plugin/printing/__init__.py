"""Printed territory maps: layers filtered per confidentiality level, the print layout built from
QGIS's native layout items (also shipped as ``resources/layouts/territory_map.qpt``), atlas pages
by commune or zone, and the export to PDF or PNG.

- :mod:`.layers`: the read-only layers a printed map draws, filtered per level (no personal data).
- :mod:`.layout`: the layout itself, from code or from a ``.qpt`` template.
- :mod:`.printing`: :func:`.printing.print_map`, what ``territorialflux:printmap`` runs.
"""
