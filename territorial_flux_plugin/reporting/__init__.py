"""The territory's report (``territorialflux:report``): indicators read from a workspace, charts
drawn with matplotlib (when QGIS ships it), written as a spreadsheet, a web page or a PDF laid
out by QGIS."""
