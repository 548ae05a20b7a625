"""Parameter conventions shared by every algorithm of the provider.

- ``WORKSPACE`` is a plain string (a GeoPackage path), not a file parameter restricted to
  ``.gpkg``, so that a later storage (a PostGIS reference) fits the same parameter.
- Enumerated parameters take documented words as values (``THEME=synergies``): on QGIS >= 3.24
  an enum parameter with static strings, on 3.22 a string parameter; either way an unknown
  word gets an error that lists the accepted ones.
"""

from qgis.core import Qgis, QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..storage import workspace_at
from ..toolbelt.i18n import error_text

WORKSPACE = "WORKSPACE"


def _tr(text):
    """Translate a string marked with ``QT_TRANSLATE_NOOP("Processing", ...)``."""
    return QCoreApplication.translate("Processing", text)


def workspace_parameter(name=WORKSPACE, description=None):
    return QgsProcessingParameterString(
        name, description or _tr(QT_TRANSLATE_NOOP(
            "Processing", "Workspace (path of the workspace GeoPackage, or postgres:connection=NAME;schema=SCHEMA)")))


def parameter_as_workspace(algorithm, parameters, context, name=WORKSPACE):
    """The Workspace named by the parameter, ready to use; a clear error if it is missing or foreign.

    An older GeoPackage is upgraded after a backup copy is written, as when opening it; a team
    workspace is never upgraded implicitly (its administrator runs territorialflux:upgradeworkspace).
    """
    reference = algorithm.parameterAsString(parameters, name, context).strip()
    if not reference:
        raise QgsProcessingException(_tr(QT_TRANSLATE_NOOP("Processing", "Give the workspace: the path of its GeoPackage.")))
    try:
        workspace = workspace_at(reference)
        workspace.prepare()
    except TerritorialFluxError as error:
        raise QgsProcessingException(error_text(error))
    return workspace


def uses_static_strings():
    return Qgis.QGIS_VERSION_INT >= 32400


def choice_parameter(name, description, words, default=None, optional=False):
    """A parameter whose values are the documented ``words``."""
    words = list(words)
    if uses_static_strings():
        parameter = QgsProcessingParameterEnum(name, description, words, False,
                                               default if default is not None else None, optional)
        parameter.setUsesStaticStrings(True)
    else:
        parameter = QgsProcessingParameterString(name, description, default, False, optional)
    parameter.setMetadata({"territorial_flux_words": words})
    parameter.setHelp(_tr(QT_TRANSLATE_NOOP("Processing", "One of: {words}")).format(words=", ".join(words)))
    return parameter


def choice_words(definition):
    """The accepted words of a parameter made by :func:`choice_parameter` (else None)."""
    return (definition.metadata() or {}).get("territorial_flux_words")


def choice_problem(definition, value):
    """None when ``value`` is an accepted word (or an index on the enum form), else a sentence."""
    words = choice_words(definition)
    if value is None or value == "":
        value = definition.defaultValue()
        if value is None and definition.flags() & definition.FlagOptional:
            return None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(words):
        return None
    if str(value).strip().lower() in [w.lower() for w in words]:
        return None
    return _tr(QT_TRANSLATE_NOOP("Processing", "{name}: '{value}' is not accepted; use one of: {words}.")).format(
        name=definition.name(), value=value, words=", ".join(words))


def parameter_as_choice(algorithm, parameters, name, context):
    """The chosen word; raises a QgsProcessingException listing the accepted words."""
    definition = algorithm.parameterDefinition(name)
    problem = choice_problem(definition, parameters.get(name))
    if problem:
        raise QgsProcessingException(problem)
    words = choice_words(definition)
    value = parameters.get(name)
    if value is None or value == "":
        value = definition.defaultValue()
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return words[value]
    return next(w for w in words if w.lower() == str(value).strip().lower())
