// exceljs' streaming writer alone: its package entry also loads the reader and the unzipper, which a bot that
// only writes spreadsheets does not need (a third of the time of the first file).
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type { stream } from 'exceljs';

  const WorkbookWriter: typeof stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
