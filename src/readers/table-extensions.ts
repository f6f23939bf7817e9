/** The extensions whose plain text is read as a table (CSV, TSV, whitespace-separated). */
export const TABLE_EXTENSIONS = ['csv', 'csv.gz', 'tsv', 'txt', 'txt.gz', 'dat'] as const;
