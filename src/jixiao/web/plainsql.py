"""Reading the hottest fixed queries of a page in plain SQL. The ORM builds a query's SQL anew on every
request, which for the few queries every page runs cost more CPU than the database spent answering them.
Values are converted as the ORM converts them (the same converters of the same fields), so SQLite's
booleans, datetimes and JSON come back as they do from a queryset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model


@dataclass(frozen=True)
class Column:
    field: Field
    col: Any
    converters: list[Any]  # what the ORM applies to the column's values

    def sql(self, alias: str, conn: BaseDatabaseWrapper) -> str:
        return f"{alias}.{conn.ops.quote_name(self.field.column)}"


def columns(conn: BaseDatabaseWrapper, model: type[Model], names: list[str] | None = None) -> list[Column]:
    """The model's concrete columns (or those of the fields ``names``), with their converters."""
    fields = model._meta.concrete_fields if names is None else [model._meta.get_field(n) for n in names]
    out = []
    for f in fields:
        col = f.get_col(model._meta.db_table)
        out.append(Column(f, col, [*conn.ops.get_db_converters(col), *col.get_db_converters(conn)]))
    return out


def convert(conn: BaseDatabaseWrapper, cols: list[Column], values: tuple[Any, ...] | list[Any]) -> list[Any]:
    out = []
    for c, v in zip(cols, values, strict=True):
        for convert_value in c.converters:
            v = convert_value(v, c.col, conn)
        out.append(v)
    return out


def instance(conn: BaseDatabaseWrapper, model: type[Model], cols: list[Column], values: tuple[Any, ...]) -> Any:
    """A model instance from a row of all its concrete columns, as a queryset makes it."""
    return model.from_db(conn.alias, [c.field.attname for c in cols], convert(conn, cols, values))
