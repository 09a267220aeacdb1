export const VERSION = "v0.3.0";
