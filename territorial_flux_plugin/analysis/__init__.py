"""The value-chain analysis of a workspace: what it reads (:mod:`.inputs`), one orchestration
(:mod:`.run`), and the tables it writes, per storage (:mod:`.outputs`).

For a dock or a script: ``analysis.possible_links_for(workspace, settings)``,
``analysis.missing_links_for(workspace, settings)``; :func:`.run.analyse` writes the tables too.
"""

from .inputs import missing_links_for, possible_links_for, read_inputs  # noqa: F401
from .run import analyse  # noqa: F401
