"""All or nothing: an export is built in a hidden folder beside its output and moved into place
only when complete; a failed export leaves the earlier one as it was."""

import os
import shutil
import tempfile
from contextlib import contextmanager

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP


def _parent(path):
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Cannot write {path}: the folder {folder} does not exist."), path=path, folder=parent)
    if not os.access(parent, os.W_OK):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Cannot write {path}: the folder {folder} is read-only for you."), path=path, folder=parent)
    return parent


@contextmanager
def staging(output):
    """``with staging(output) as folder:`` a hidden folder beside ``output``, removed afterwards."""
    # No extension of the output in the name: GDAL reads a path holding ".xlsx/" as inside a zip.
    folder = tempfile.mkdtemp(prefix=".territorial-flux-export-", suffix="-partial", dir=_parent(output))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def check_file_output(path, extension):
    """The absolute path of an output file ending with ``.extension``; refused when it is a folder."""
    if not path or not str(path).strip():
        raise TerritorialFluxError(QT_TRANSLATE_NOOP("Validation", "Give the file to write."))
    path = os.path.abspath(str(path).strip())
    if not path.lower().endswith("." + extension):
        path += "." + extension
    if os.path.isdir(path):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Cannot write {path}: it is a folder, give a file."), path=path)
    _parent(path)
    return path


def check_folder_output(path, expected):
    """The absolute path of an output folder; refused when it holds files other than a previous
    export's (``expected``: a function telling whether a relative path is one of them)."""
    if not path or not str(path).strip():
        raise TerritorialFluxError(QT_TRANSLATE_NOOP("Validation", "Give the folder to write."))
    path = os.path.abspath(str(path).strip())
    if os.path.exists(path) and not os.path.isdir(path):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Cannot write into {path}: it is a file, give a folder."), path=path)
    _parent(path)
    if os.path.isdir(path):
        for folder, _subfolders, files in os.walk(path):
            for name in files:
                relative = os.path.relpath(os.path.join(folder, name), path).replace(os.sep, "/")
                if not expected(relative):
                    raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                        "Validation", "The folder {path} already holds other files ({file}): choose an empty "
                                      "folder or a new one; nothing was written."), path=path, file=relative)
    return path


def place_file(built, output):
    os.replace(built, output)


def place_folder(built, output):
    """Move the complete folder ``built`` to ``output``, replacing a previous export there."""
    if os.path.isdir(output):
        aside = tempfile.mkdtemp(prefix=".territorial-flux-export-", suffix="-previous", dir=os.path.dirname(output))
        os.rmdir(aside)
        os.replace(output, aside)
        try:
            os.replace(built, output)
        except OSError:
            os.replace(aside, output)
            raise
        shutil.rmtree(aside, ignore_errors=True)
    else:
        os.replace(built, output)
