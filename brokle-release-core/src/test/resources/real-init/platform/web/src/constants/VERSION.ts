/**
 * Brokle Platform Version
 *
 * This version is automatically updated during the release process.
 * Displayed in the UI footer and about page.
 */
export const VERSION = "v0.4.0";
