"""One print's settings, as one object: what Processing, the print dialog and scripts hand over."""

from dataclasses import asdict, dataclass, fields
from typing import Optional

#: Processing parameter of each setting (``territorialflux:printmap``)
PARAMETERS = {"theme": "THEME", "output": "OUTPUT", "title": "TITLE", "paper": "PAPER",
              "orientation": "ORIENTATION", "level": "MAX_CONFIDENTIALITY", "atlas": "ATLAS", "template": "TEMPLATE",
              "background": "BACKGROUND"}


@dataclass
class PrintSettings:
    """What to print and where: ``theme`` (synergies, missinglinks, metabolism), ``output`` (.pdf
    or .png), ``title`` (empty: the theme's), ``paper`` (A4, A3), ``orientation`` (landscape,
    portrait), ``level`` (the most restricted confidentiality the audience may see), ``atlas``
    (none, commune, zone, family), ``template`` (a .qpt, or None for the plugin's layout),
    ``background`` (areas: the areas' outlines and names; osm, planign: web tiles under them; none)."""

    theme: str = "synergies"
    output: str = ""
    title: str = ""
    paper: str = "A4"
    orientation: str = "landscape"
    level: str = "internal"
    atlas: str = "none"
    template: Optional[str] = None
    background: str = "areas"

    def parameters(self, workspace_reference):
        """The ``territorialflux:printmap`` parameters of these settings."""
        values = {PARAMETERS[name]: value for name, value in asdict(self).items()}
        values["TEMPLATE"] = values["TEMPLATE"] or None
        values["WORKSPACE"] = workspace_reference
        return values

    @classmethod
    def from_parameters(cls, parameters):
        """The settings of ``territorialflux:printmap`` parameters (missing ones take their defaults)."""
        known = {f.name for f in fields(cls)}
        return cls(**{name: parameters[key] for name, key in PARAMETERS.items()
                      if name in known and parameters.get(key) is not None})
