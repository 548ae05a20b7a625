"""territorialflux:createpostgisworkspace — a team workspace in a PostgreSQL/PostGIS schema."""

from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingOutputString, QgsProcessingParameterCrs, QgsProcessingParameterString

from ..domain.messages import QT_TRANSLATE_NOOP
from ..project.build import create_workspace
from ..storage.postgres import format_reference, stores_a_password
from ..storage.postgres_sql import role_names
from .base import TerritorialFluxAlgorithm


class CreatePostgisWorkspaceAlgorithm(TerritorialFluxAlgorithm):
    NAME = "createpostgisworkspace"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("Processing", "Create team workspace (PostGIS)")
    GROUP = QT_TRANSLATE_NOOP("Processing", "Workspace")
    GROUP_ID = "workspace"
    HELP = QT_TRANSLATE_NOOP(
        "Processing",
        "Creates a team workspace in a new SCHEMA of the PostgreSQL/PostGIS database reached by "
        "CONNECTION (the name of a PostgreSQL connection saved in QGIS): the same tables, rules, "
        "nomenclatures, styles and stored QGIS project as a GeoPackage workspace, plus the audit trail "
        "and three roles: SCHEMA_reader, SCHEMA_editor and SCHEMA_admin. Run it once, as a database "
        "administrator allowed to create schemas and roles, then grant the roles to your colleagues. "
        "OUTPUT is the workspace reference to give to the other algorithms: "
        "postgres:connection=CONNECTION;schema=SCHEMA.")

    CONNECTION = "CONNECTION"
    SCHEMA = "SCHEMA"
    NAME_PARAM = "NAME"
    CRS = "CRS"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(
            self.CONNECTION, self.tr("PostgreSQL connection (as saved in QGIS)")))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEMA, self.tr("Schema (lowercase letters, digits and _)")))
        self.addParameter(QgsProcessingParameterString(self.NAME_PARAM, self.tr("Territory name")))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, self.tr("Coordinate reference system"),
                                                    "EPSG:2154", optional=True))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, self.tr("Workspace reference")))

    def perform(self, parameters, context, feedback):
        connection = self.parameterAsString(parameters, self.CONNECTION, context).strip()
        schema = self.parameterAsString(parameters, self.SCHEMA, context).strip()
        name = self.parameterAsString(parameters, self.NAME_PARAM, context)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:2154")
        workspace = create_workspace(format_reference(schema, connection=connection), name, crs)
        if stores_a_password(connection):
            feedback.pushWarning(self.tr(
                "The connection {name} keeps a password in QGIS's settings: it is not written into the "
                "layers or the project stored in the database. Give each advisor a PostgreSQL service "
                "file, a ~/.pgpass entry or a QGIS authentication configuration.").format(name=connection))
        roles = role_names(schema)
        feedback.pushInfo(self.tr("Team workspace created: {reference}. Grant its roles to your colleagues, "
                                  "e.g. GRANT {editor} TO alice; readers get {reader}, administrators {admin}.").format(
            reference=workspace.reference, editor=roles["editor"], reader=roles["reader"], admin=roles["admin"]))
        return {self.OUTPUT: workspace.reference}
