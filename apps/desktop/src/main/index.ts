// Electron main entry (filled in by the desktop work).
export {};
