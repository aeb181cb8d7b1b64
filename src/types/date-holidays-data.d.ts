// date-holidays ships no types for its raw data entry; only the parts the kit reads are declared.
declare module 'date-holidays/data' {
  export const data: {
    /** The date of the data set, e.g. "2026-09-20". */
    version: string;
    license: string;
    holidays: Record<string, { zones?: string[]; names?: Record<string, string> }>;
  };
}
