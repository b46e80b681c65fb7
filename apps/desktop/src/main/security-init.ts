// Imported first by index.ts, so the security rules are in place before any other module can make a window.
import { app, session, shell } from 'electron';
import { installSecurity, type SecurityPolicy } from './security.js';

export const securityPolicy: SecurityPolicy = { relayOrigin: null };

export const securityReady = installSecurity(app, shell, () => session.defaultSession, securityPolicy);
