import type { ReactNode } from 'react';

export interface Column<T> {
  /** Also the column's key; `hideHeader` keeps it for screen readers only (an actions column). */
  header: string;
  hideHeader?: boolean;
  className?: string;
  cell(row: T): ReactNode;
}

interface Props<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey(row: T): string;
  testId: string;
  rowProps?(row: T): { className?: string; 'data-testid'?: string };
  /** Shown as one muted row when there are no rows; without it the body stays empty. */
  empty?: string;
}

/** The settings and billing tables: a header row, one row per item, and the shared table styles. */
export function DataTable<T>({ rows, columns, rowKey, testId, rowProps, empty }: Props<T>) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
