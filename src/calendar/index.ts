/** Weekends, public holidays and adjusted working days for CN, TW and HK. */
export { dayKind, isRestDay, type DayKind, type ExtraDays, type Region } from './holidays.js';
