// A table's header row from its column names, each announced as a column header.

/** One `<th scope="col">` per name; the names in `numeric` are right-aligned like their figures. */
export function TableHead({ columns, numeric = [] }: { columns: readonly string[]; numeric?: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className={numeric.includes(column) ? 'numeric' : undefined}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
