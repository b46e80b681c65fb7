// The console renderer's entry. The React + zustand console lands with issue 5; it imports the contract already.
import { MAX_FEATURED } from '@cuecart/shared';

export const CONSOLE_MAX_ON_AIR = MAX_FEATURED;
