/**
 * A table of the consolidation's results (the workbooks merged, By city): a header row, then one row per item
 * whose first cell names it (a file, a city) and whose other cells carry their column's name. In a narrow pane
 * (Office's is 320-350 px) each row is a block: its first cell on a line of its own (broken at hyphens and dots
 * before anywhere else), then each other cell with its column's name. The table's roles stay (role="table",
 * "row", "cell"), so it still reads as a table.
 */
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { visuallyHidden } from "../visuallyHidden";

const useStyles = makeStyles({
  table: {
    "@media (max-width: 480px)": {
      "& .fui-TableHeader": visuallyHidden,
      "& .fui-TableRow": {
        display: "flex",
        flexWrap: "wrap",
        columnGap: tokens.spacingHorizontalM,
        paddingBlock: tokens.spacingVerticalXS,
        alignItems: "baseline",
      },
      "& .fui-TableCell": { flexGrow: 0, flexShrink: 1, flexBasis: "auto", minWidth: 0, paddingInline: 0 },
      "& .fui-TableCell[data-label]::before": {
        content: "attr(data-label)",
        marginInlineEnd: tokens.spacingHorizontalXS,
        color: tokens.colorNeutralForeground3,
      },
    },
  },
  first: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
    "@media (max-width: 480px)": { flexBasis: "100% !important" },
  },
  cell: { overflowWrap: "break-word" },
});

export interface ResultRow {
  key: string;
  /** Attributes of the row, e.g. { "data-file": "lyon.xlsx" }. */
  data: Record<`data-${string}`, string>;
  /** One cell per header; the first names the row. */
  cells: ReactNode[];
}

export interface ResultTableProps {
  /** The id of the heading that names the table. */
  labelledBy: string;
  headers: readonly string[];
  rows: readonly ResultRow[];
  /** A test id for the cells of some columns, by column. */
  cellTestIds?: Readonly<Record<number, string>>;
  "data-testid"?: string;
}

export function ResultTable({ labelledBy, headers, rows, cellTestIds = {}, ...rest }: ResultTableProps) {
  const styles = useStyles();
  return (
    <Table
      noNativeElements
      size="small"
      className={styles.table}
      aria-labelledby={labelledBy}
      data-testid={rest["data-testid"]}
    >
      <TableHeader>
        <TableRow>
          {headers.map((h, i) => (
            <TableHeaderCell key={i}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} {...row.data}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <TableCell key={i} className={styles.first} data-testid={cellTestIds[i]}>
                  {cell}
                </TableCell>
              ) : (
                <TableCell key={i} className={styles.cell} data-label={headers[i]} data-testid={cellTestIds[i]}>
                  {cell}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
