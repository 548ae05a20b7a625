"""The company writer of each storage, chosen once from the workspace's kind."""

import sys
import threading
from contextlib import contextmanager

from . import write_geopackage, write_postgres

WRITERS = {"geopackage": write_geopackage.CompanyWriter, "postgres": write_postgres.CompanyWriter}


def company_writer(workspace, job, facts, label, bulk):
    """The writer of ``workspace``'s storage for the company import ``job`` (not started)."""
    return WRITERS[workspace.kind](job, facts, label, bulk)


_handover = {"lock": threading.Lock(), "users": 0, "interval": None}


@contextmanager
def quick_handover():
    """While rows are read, Python's lock goes to the writer thread within half a millisecond of
    its asking (instead of 5): it asks after every statement, several times a chunk, and
    otherwise waits on the reading thread more than it works."""
    with _handover["lock"]:
        if _handover["users"] == 0:
            _handover["interval"] = sys.getswitchinterval()
            sys.setswitchinterval(min(_handover["interval"], 0.0005))
        _handover["users"] += 1
    try:
        yield
    finally:
        with _handover["lock"]:
            _handover["users"] -= 1
            if _handover["users"] == 0:
                sys.setswitchinterval(_handover["interval"])
