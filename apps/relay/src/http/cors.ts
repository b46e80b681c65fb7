// CORS for the API: brands embed the player on their own origins, so viewer routes answer any origin.
// Tokens travel in the Authorization header, never in cookies, so no credentials are allowed.
import type { NextFunction, Request, Response } from 'express';

export function apiCors(req: Request, res: Response, next: NextFunction): void {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Vary', 'Origin');
  if (req.method === 'OPTIONS') {
    res.set('Access-Control-Allow-Methods', 'GET, POST, PATCH, OPTIONS');
    res.set('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    res.set('Access-Control-Max-Age', '600');
    res.status(204).end();
    return;
  }
  next();
}
