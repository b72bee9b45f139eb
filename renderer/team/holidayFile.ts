/**
 * Whether a holiday file is iCalendar or CSV: by its name, else by its first bytes (a byte order
 * mark and blank lines allowed). The service decodes the whole file as it is (a Windows-1256 CSV too).
 */
export function holidayFileFormat(fileName: string, head: string): 'ics' | 'csv' {
  return /\.ics$/i.test(fileName) || /^\uFEFF?BEGIN:VCALENDAR/i.test(head.trimStart()) ? 'ics' : 'csv';
}
