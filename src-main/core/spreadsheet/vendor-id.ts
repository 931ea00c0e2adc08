/**
 * The vendor id of rule exports read as spreadsheets, in its own file so that site files can
 * accept `vendor: spreadsheet` without loading the spreadsheet reader.
 */
export const SPREADSHEET_VENDOR_ID = 'spreadsheet';
