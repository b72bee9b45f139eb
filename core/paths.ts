/** Name of the planner file the app opens when the user has not chosen one. */
export const DEFAULT_PLANNER_NAME = 'planner.rosterdesk';
/** The folder name Electron's userData uses (package.json productName). */
export const PRODUCT_NAME = 'Rosterdesk';
