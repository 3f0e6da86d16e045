export { readCsvRecords, type CsvRecord } from './readRecords'
export { toCsv } from './toCsv'
export {
  MAX_TRAVEL_RECORD_ROWS,
  TRAVEL_RECORD_COLUMNS,
  parseTravelRecordsCsv,
  type TravelRecord,
  type TravelRecordError,
  type TravelRecordErrorCode,
  type TravelRecordOptions,
  type TravelRecordsResult,
} from './travelRecords'
