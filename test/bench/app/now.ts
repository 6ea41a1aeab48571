// Fixed "now" for every subject's time column.
export const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
