"""The value-chain analysis, run: one orchestration for Processing, the docks, printing and scripts.

Each function reads the workspace once, runs :mod:`..domain.links`, and (``write``) replaces the
workspace's analysis tables when the user may write them; a team workspace's reader gets the
results only. Nothing here ever creates a synergy.
"""

from ..domain import links
from ..domain.links import Settings
from .inputs import collector_paused, metabolism, read_inputs
from .outputs import write_outputs


def _written(workspace, settings, inputs, write, translate, feedback, **outputs):
    """The time stamp of the tables written, or None when not asked, canceled or not allowed."""
    tables = {"table": "possible_links", "missing": "missing_links"}
    if not write or (feedback is not None and feedback.isCanceled()):
        return None
    if not workspace.can_write(next(tables[key] for key in outputs if key in tables)):
        return None
    return write_outputs(workspace, settings, inputs, translate=translate, **outputs)


def missing_links(workspace, settings, write=True, translate=None, inputs=None, feedback=None):
    """``{inputs, missing, balance, metabolism, analysed_at}``; ``analysed_at`` is None when the
    tables were not written (not asked, or the user may not)."""
    links.check_settings(settings)
    inputs = inputs or read_inputs(workspace)
    missing = links.missing_links(inputs.flows, settings, inputs.covered_flows, inputs.archived_companies)
    balance = links.resource_balance(inputs.flows, settings, inputs.archived_companies)
    rows = metabolism(inputs, settings)
    stamp = _written(workspace, settings, inputs, write, translate, feedback, missing=missing, balance=balance,
                     metabolism_rows=rows)
    return {"inputs": inputs, "missing": missing, "balance": balance, "metabolism": rows, "analysed_at": stamp}


def possible_links(workspace, settings, write=True, translate=None, inputs=None, feedback=None):
    """``{inputs, links, analysed_at}``: ``links`` is a :class:`domain.links.LinkTable`."""
    links.check_settings(settings)
    inputs = inputs or read_inputs(workspace)
    with collector_paused():
        table = links.link_table(inputs.flows, settings, inputs.linked_pairs | inputs.rejected_pairs,
                                 inputs.archived_companies)
    stamp = _written(workspace, settings, inputs, write, translate, feedback, table=table)
    return {"inputs": inputs, "links": table, "analysed_at": stamp}


def analyse(workspace, settings=None, possible=True, missing=True, translate=None, write=True):
    """Both analyses on ``workspace`` (one reading) and, when ``write``, its analysis tables
    replaced in one transaction. Returns ``{inputs, links, missing, balance, metabolism,
    analysed_at}`` (None for what was not asked or written)."""
    settings = settings or Settings()
    links.check_settings(settings)
    inputs = read_inputs(workspace)
    result = {"inputs": inputs, "links": None, "missing": None, "balance": None, "metabolism": None,
              "analysed_at": None}
    if possible:
        result.update(possible_links(workspace, settings, write=False, inputs=inputs))
    if missing:
        result.update(missing_links(workspace, settings, write=False, inputs=inputs))
    if write:
        result["analysed_at"] = write_outputs(workspace, settings, inputs, result["links"], result["missing"],
                                              result["balance"], result["metabolism"], translate)
    return result
