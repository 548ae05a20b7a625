"""Sharing with partners: the filtered exports (GeoPackage, XLSX, CSV) and the static web map.

What leaves is decided in :mod:`..domain.sharing`; this package reads it from a workspace
(:mod:`.read`), writes the files (:mod:`.partners`, :mod:`.styling`, :mod:`.webmap`) and moves
them into place only when complete (:mod:`.files`).
"""
