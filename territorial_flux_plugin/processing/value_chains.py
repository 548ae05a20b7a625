"""territorialflux:missinglinks and territorialflux:possiblelinks — the value-chain analysis.

Both read the workspace, run :mod:`..domain.links` and replace the workspace's analysis tables
(when the user may write them), then fill their own outputs. Neither ever creates a synergy.
"""

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..analysis import run as analysis
from ..analysis.columns import possible_link_columns
from ..analysis.inputs import collector_paused, read_inputs
from ..domain import links
from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from ..storage import geometry
from ..storage.schema import TABLES_BY_NAME
from ..toolbelt.compat import field_type
from .base import TerritorialFluxAlgorithm
from .params import choice_parameter, parameter_as_choice, parameter_as_workspace, workspace_parameter

WORKSPACE = "WORKSPACE"
MAX_DISTANCE = "MAX_DISTANCE"
MATCH_LEVEL = "MATCH_LEVEL"
MAX_CONFIDENTIALITY = "MAX_CONFIDENTIALITY"
MAX_PER_FLOW = "MAX_PER_FLOW"
OUTPUT = "OUTPUT"
BALANCE = "BALANCE"


def _fields(table_name):
    fields = QgsFields()
    for column in TABLES_BY_NAME[table_name].columns:
        fields.append(QgsField(column.name, field_type(column.type if column.type in ("real", "integer") else "text")))
    return fields


def _source_type(name):
    """QgsProcessing.TypeVector… (QGIS 3) or Qgis.ProcessingSourceType.… (3.36 and later)."""
    scoped = getattr(getattr(Qgis, "ProcessingSourceType", None), name, None)
    return scoped if scoped is not None else getattr(QgsProcessing, "Type" + name)


def _wkb_type(name):
    scoped = getattr(getattr(Qgis, "WkbType", None), name, None)
    return scoped if scoped is not None else getattr(QgsWkbTypes, name)


def _geometry(wkb):
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry


def _fast_insert():
    flag = getattr(getattr(QgsFeatureSink, "Flag", None), "FastInsert", None)
    return flag if flag is not None else QgsFeatureSink.FastInsert


class _ValueChainAlgorithm(TerritorialFluxAlgorithm):
    GROUP = QT_TRANSLATE_NOOP("Processing", "Value-chain analysis")
    GROUP_ID = "valuechains"

    def _common_parameters(self):
        self.addParameter(workspace_parameter())
        distance = QgsProcessingParameterNumber(
            MAX_DISTANCE, self.tr("Maximum distance (km)"), QgsProcessingParameterNumber.Type.Double,
            links.DEFAULT_MAX_DISTANCE_KM, False, 0.001)
        self.addParameter(distance)
        self.addParameter(choice_parameter(MATCH_LEVEL, self.tr("Match level"), links.MATCH_LEVELS,
                                           links.DEFAULT_MATCH_LEVEL))
        self.addParameter(choice_parameter(MAX_CONFIDENTIALITY, self.tr("Most restricted confidentiality analysed"),
                                           list(CONFIDENTIALITY_LEVELS), links.DEFAULT_MAX_CONFIDENTIALITY))

    def _settings(self, parameters, context, max_per_flow=links.DEFAULT_MAX_PER_FLOW):
        settings = links.Settings(
            self.parameterAsDouble(parameters, MAX_DISTANCE, context),
            parameter_as_choice(self, parameters, MATCH_LEVEL, context),
            parameter_as_choice(self, parameters, MAX_CONFIDENTIALITY, context),
            max_per_flow)
        problem = links.settings_problem(settings)
        if problem is not None:
            self.fail(problem)
        return settings

    def _inputs(self, workspace, feedback):
        feedback.pushInfo(self.tr("Reading the flows of {workspace}").format(workspace=workspace.reference))
        try:
            return read_inputs(workspace)
        except TerritorialFluxError:
            raise
        except Exception as error:  # noqa: BLE001 - a foreign or damaged file gets a sentence
            self.fail(str(error))

    def _report_written(self, stamp, feedback):
        if stamp is None:
            feedback.reportError(self.tr(
                "You may not write the analysis tables of this workspace: only the outputs of this run "
                "hold the results."), False)
        else:
            feedback.pushInfo(self.tr("Analysis tables of the workspace replaced ({stamp}).").format(stamp=stamp))


class MissingLinksAlgorithm(_ValueChainAlgorithm):
    NAME = "missinglinks"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Missing links")
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Finds the gaps in the territory's value chains: each active flow with no compatible "
        "counterpart of another company within MAX_DISTANCE km, an offer nobody nearby needs "
        "(orphan_offer) or a need nobody nearby supplies (unmet_need), at the company's location, "
        "with the distance to the nearest counterpart beyond the radius (nearest_km). MATCH_LEVEL "
        "code pairs the same resource code, subchapter the same List of Waste sub-chapter (or the "
        "plugin's grouping). Flows in a live synergy count as covered; archived flows and flows more "
        "restricted than MAX_CONFIDENTIALITY are left out. BALANCE sums per resource what the "
        "territory offers and needs, in one unit per family where units convert, and flags the "
        "resources needed with no local offer and offered with no local need. The workspace's "
        "missing_links, resource_balance and metabolism tables are replaced.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self._common_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Missing links"), _source_type("VectorPoint"), None, True, True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            BALANCE, self.tr("Resource balance"), _source_type("Vector"), None, True, True))
        self.addOutput(QgsProcessingOutputNumber("UNMET_NEEDS", self.tr("Needs with no local supplier")))
        self.addOutput(QgsProcessingOutputNumber("ORPHAN_OFFERS", self.tr("Offers with no local taker")))

    def perform(self, parameters, context, feedback):
        workspace = parameter_as_workspace(self, parameters, context)
        settings = self._settings(parameters, context)
        inputs = self._inputs(workspace, feedback)
        feedback.setProgress(20)
        result = analysis.missing_links(workspace, settings, translate=QCoreApplication.translate, inputs=inputs,
                                        feedback=feedback)
        if feedback.isCanceled():
            return {}
        missing, balance = result["missing"], result["balance"]
        self._report_written(result["analysed_at"], feedback)
        feedback.setProgress(70)
        unmet = sum(1 for m in missing if m.kind == links.UNMET_NEED)
        results = {"UNMET_NEEDS": unmet, "ORPHAN_OFFERS": len(missing) - unmet}
        fields = _fields("missing_links")
        sink, dest = self.parameterAsSink(parameters, OUTPUT, context, fields, _wkb_type("Point"), workspace.crs)
        if sink is not None:
            features = []
            for item in missing:
                flow = item.flow
                x, y = inputs.positions[flow.company_uid]
                feature = QgsFeature(fields)
                feature.setGeometry(_geometry(geometry.point_wkb(x, y)))
                feature.setAttributes([item.kind, flow.uid, flow.company_uid, inputs.company_names.get(flow.company_uid),
                                       flow.resource_code, flow.family, flow.label, flow.quantity, flow.unit,
                                       item.nearest_km, flow.confidentiality])
                features.append(feature)
            sink.addFeatures(features, _fast_insert())
            results[OUTPUT] = dest
        balance_fields = _fields("resource_balance")
        sink, dest = self.parameterAsSink(parameters, BALANCE, context, balance_fields, _wkb_type("NoGeometry"))
        if sink is not None:
            features = []
            for row in balance:
                feature = QgsFeature(balance_fields)
                feature.setAttributes(list(row))
                features.append(feature)
            sink.addFeatures(features, _fast_insert())
            results[BALANCE] = dest
        feedback.pushInfo(self.tr("{unmet} needs with no local supplier, {orphans} offers with no local taker.").format(
            unmet=unmet, orphans=len(missing) - unmet))
        return results


class PossibleLinksAlgorithm(_ValueChainAlgorithm):
    NAME = "possiblelinks"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Possible links")
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Proposes links for the advisor to triage: an offer and a need of compatible resources "
        "(MATCH_LEVEL code: same code; subchapter: same sub-chapter) of two different companies "
        "within MAX_DISTANCE km. Each need keeps its MAX_PER_FLOW nearest offers and each offer its "
        "nearest needs; the output is the union of both lists, ties at equal distance going to the "
        "smaller flow uid. Each line, from the offering company to the company in need, carries the "
        "distance, the share of the need the offer covers (when units convert) and the reason in a "
        "sentence. Pairs already linked by a live synergy or rejected in link_reviews are never "
        "proposed again. No synergy is created. The workspace's possible_links table is replaced.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self._common_parameters()
        self.addParameter(QgsProcessingParameterNumber(
            MAX_PER_FLOW, self.tr("Links kept per flow"), QgsProcessingParameterNumber.Type.Integer,
            links.DEFAULT_MAX_PER_FLOW, False, 1))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, self.tr("Possible links"), _source_type("VectorLine"), None, True, True))
        self.addOutput(QgsProcessingOutputNumber("LINKS", self.tr("Number of possible links")))

    def perform(self, parameters, context, feedback):
        workspace = parameter_as_workspace(self, parameters, context)
        settings = self._settings(parameters, context, self.parameterAsInt(parameters, MAX_PER_FLOW, context))
        inputs = self._inputs(workspace, feedback)
        feedback.setProgress(20)
        result = analysis.possible_links(workspace, settings, translate=QCoreApplication.translate, inputs=inputs,
                                         feedback=feedback)
        if feedback.isCanceled():
            return {}
        table = result["links"]
        self._report_written(result["analysed_at"], feedback)
        feedback.setProgress(70)
        results = {"LINKS": len(table)}
        fields = _fields("possible_links")
        sink, dest = self.parameterAsSink(parameters, OUTPUT, context, fields, _wkb_type("LineString"),
                                          workspace.crs)
        if sink is not None:
            with collector_paused():
                self._fill(sink, table, inputs.positions, QCoreApplication.translate, fields, feedback)
            results[OUTPUT] = dest
        feedback.pushInfo(self.tr("{count} possible links.").format(count=len(table)))
        return results

    @staticmethod
    def _fill(sink, table, positions, translate, fields, feedback):
        """Every link into OUTPUT: the workspace table's columns, one line from offer to need."""
        columns, ends = possible_link_columns(table, positions, translate)
        features = []
        for wkb, row in zip(geometry.line_wkbs(*ends), zip(*columns)):
            feature = QgsFeature(fields)
            feature.setGeometry(_geometry(wkb))
            feature.setAttributes(list(row))
            features.append(feature)
            if len(features) >= 50000:
                sink.addFeatures(features, _fast_insert())
                features = []
                if feedback.isCanceled():
                    return
        sink.addFeatures(features, _fast_insert())
