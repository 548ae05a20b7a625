"""What a printed page shows, measured as QGIS draws it: the legend's entries (from the legend's
own model), the marks the map item draws within its extent (each layer's renderer decides, atlas
page included), and the labels QGIS's labeling engine placed. The tests hold the pages to the
limits below; a script can ask the same of a layout saved in a workspace."""

from qgis.core import QgsExpressionContextUtils, QgsFeatureRequest, QgsMapRendererSequentialJob, QgsRenderContext, QgsVectorLayer
from qgis.PyQt.QtCore import QSizeF

#: at most this many legend entries on the demo's A4 page
MAX_LEGEND_ENTRIES = 12
#: at most this many marks besides the companies and the background on the demo's A4 page
MAX_MARKS = 100
DPI = 96


def legend_entries(legend):
    """The legend's entries as the layout shows them: ``[(layer title, [entry texts])]`` (a layer
    of one symbol has one entry, its title)."""
    from qgis.PyQt.QtCore import Qt

    model = legend.model()
    legend.updateFilterByMap(False)
    found = []
    for node in model.rootGroup().findLayers():
        title = model.data(model.node2index(node), Qt.ItemDataRole.DisplayRole)
        texts = [legend_node.data(Qt.ItemDataRole.DisplayRole) for legend_node in model.layerLegendNodes(node)]
        found.append((title, [t for t in texts if t]))
    return found


def entry_count(legend):
    """How many lines of symbols the legend shows (a layer of one symbol counts one)."""
    return sum(max(1, len(texts)) for _title, texts in legend_entries(legend))


def _map_settings(map_item, dpi=DPI):
    """The map item's settings, as it renders on the page at ``dpi`` (its size in pixels)."""
    millimetres = map_item.sizeWithUnits()
    return map_item.mapSettings(map_item.extent(), QSizeF(millimetres.width() * dpi / 25.4,
                                                          millimetres.height() * dpi / 25.4), dpi, True)


def marks(map_item):
    """``{layer: number of features drawn}`` for the vector layers of ``map_item``, within its
    extent, as each layer's renderer decides on the current (atlas) page."""
    settings = _map_settings(map_item)
    counts = {}
    for layer in map_item.layers():
        if not isinstance(layer, QgsVectorLayer) or layer.renderer() is None:
            continue
        context = QgsRenderContext.fromMapSettings(settings)
        context.expressionContext().appendScope(QgsExpressionContextUtils.layerScope(layer))
        renderer = layer.renderer().clone()
        renderer.startRender(context, layer.fields())
        request = QgsFeatureRequest().setFilterRect(map_item.extent())
        drawn = 0
        for feature in layer.getFeatures(request):
            context.expressionContext().setFeature(feature)
            if renderer.willRenderFeature(feature, context):
                drawn += 1
        renderer.stopRender(context)
        counts[layer] = drawn
    return counts


def placed_labels(map_item):
    """The labels QGIS's engine places on ``map_item`` (its labeling results):
    ``[(layer id, text, QgsRectangle)]``."""
    job = QgsMapRendererSequentialJob(_map_settings(map_item))
    job.start()
    job.waitForFinished()
    results = job.takeLabelingResults()
    labels = results.allLabels() if results is not None else []
    return [(label.layerID, label.labelText, label.labelRect) for label in labels
            if not getattr(label, "isUnplaced", False)]


def colliding_labels(map_item):
    """The pairs of placed labels that overlap (empty on a legible page)."""
    labels = placed_labels(map_item)
    pairs = []
    for i, (_layer, text, box) in enumerate(labels):
        for _other_layer, other_text, other in labels[i + 1:]:
            overlap = box.intersect(other)
            if not overlap.isEmpty() and overlap.width() * overlap.height() > 1e-9 * max(box.area(), 1.0):
                pairs.append((text, other_text))
    return pairs
