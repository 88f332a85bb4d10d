export { complianceFor, receptionWindow, requiredSessions, type ReceptionCompliance } from "./compliance.js";
export { RECEPTION_FREQUENCY, type ReceptionFrequency, type ReceptionLevel } from "./reception-frequency.js";
export { monthBounds, weeksStartingIn, type ReceptionWeek } from "./reception-weeks.js";
