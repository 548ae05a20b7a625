"""Which column of a source holds which field: the proposals, with the person's choices applied."""

from ..domain import importing as rules
from ..domain.errors import TerritorialFluxError, fail
from ..domain.messages import QT_TRANSLATE_NOOP


def resolve_mapping(source, override, targets):
    """The proposed mapping with the person's choices applied; TerritorialFluxError for unknown
    columns, and for two columns that name one field the person did not settle."""
    mapping = rules.propose_mapping(source.columns, targets)
    for target, columns in rules.column_conflicts(source.columns, targets).items():
        if target not in (override or {}):
            raise TerritorialFluxError(rules.conflict_message(source.file, target, columns))
    for target, column in (override or {}).items():
        if column is None:
            mapping.pop(target, None)
            continue
        if column not in source.columns:
            match = [c for c in source.columns if rules.column_key(c) == rules.column_key(column)]
            if not match:
                fail(QT_TRANSLATE_NOOP("Validation", "{file} has no column '{column}'; its columns are: {columns}."),
                      file=source.file, column=column, columns=", ".join(source.columns))
            column = match[0]
        for other, used in list(mapping.items()):
            if used == column and other != target:
                del mapping[other]
        mapping[target] = column
    return mapping
