// Preload bridge (filled in by the desktop work).
export {};
