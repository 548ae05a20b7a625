"""Pure domain rules of Territorial Flux: no qgis or Qt import here."""
